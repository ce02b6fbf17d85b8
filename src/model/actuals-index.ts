import type { ActualRow, GoalsModel } from './model.js';
import { isMonth } from './period.js';

/**
 * The actuals grouped by team, KPI and period: the shape in which checks
 * compare rows (duplicates, totals against parts) and the scorer looks
 * values up. Built once per model, on first use.
 */
export class ActualsIndex {
  // Nested maps rather than joined string keys: no string is built per row of a large file.
  private readonly byTeam = new Map<string, Map<string, Map<string, ActualRow[]>>>();
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
        let kpis = this.byTeam.get(row.team);
        if (!kpis) this.byTeam.set(row.team, (kpis = new Map()));
        let periods = kpis.get(row.kpi);
        if (!periods) kpis.set(row.kpi, (periods = new Map()));
        let rows = periods.get(row.period);
        if (!rows) periods.set(row.period, (rows = []));
        rows.push(row);
        if (row.value !== undefined && isMonth(row.period) && (latest === undefined || row.period > latest)) latest = row.period;
      }
    }
    this.latestMonth = latest;
    this.dimensionOrder = order;
  }

  /** The rows of a team, KPI and month. */
  rows(team: string, kpi: string, month: string): readonly ActualRow[] {
    return this.byTeam.get(team)?.get(kpi)?.get(month) ?? [];
  }

  /** Every group of rows with the same team, KPI and period, in file order. */
  *groups(): Iterable<readonly ActualRow[]> {
    for (const kpis of this.byTeam.values()) for (const periods of kpis.values()) yield* periods.values();
  }
}

const indexes = new WeakMap<GoalsModel, ActualsIndex>();

export function actualsIndex(model: GoalsModel): ActualsIndex {
  let index = indexes.get(model);
  if (!index) indexes.set(model, (index = new ActualsIndex(model)));
  return index;
}
