import type { GoalsModel } from '../model/model.js';
import { isMonth } from '../model/period.js';

export interface IndexedActual {
  month: string;
  dimensions: ReadonlyMap<string, string>;
  value: number;
}

/** Actuals by team and KPI, and then by month, for the scorer's lookups. */
export class ActualsIndex {
  private readonly byTeamKpiMonth = new Map<string, Map<string, IndexedActual[]>>();
  /** The latest month with any actual value, or undefined without actuals. */
  readonly latestMonth: string | undefined;
  /** The dimension columns in the order they first appear, to pick the parts that make a total. */
  readonly dimensionOrder: readonly string[];

  constructor(model: GoalsModel) {
    let latest: string | undefined;
    const order: string[] = [];
    for (const table of model.actuals) {
      for (const dimension of table.dimensions) if (!order.includes(dimension)) order.push(dimension);
      for (const row of table.rows) {
        if (row.value === undefined || !isMonth(row.period)) continue;
        const key = `${row.team}\u0000${row.kpi}`;
        let months = this.byTeamKpiMonth.get(key);
        if (!months) this.byTeamKpiMonth.set(key, (months = new Map()));
        let rows = months.get(row.period);
        if (!rows) months.set(row.period, (rows = []));
        rows.push({ month: row.period, dimensions: row.dimensions, value: row.value });
        if (latest === undefined || row.period > latest) latest = row.period;
      }
    }
    this.latestMonth = latest;
    this.dimensionOrder = order;
  }

  rows(team: string, kpi: string, month: string): readonly IndexedActual[] {
    return this.byTeamKpiMonth.get(`${team}\u0000${kpi}`)?.get(month) ?? [];
  }
}
