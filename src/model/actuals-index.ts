import type { ActualRow, GoalsModel } from './model.js';
import { isMonth } from './period.js';

/**
 * The rows of one team, KPI and month that have a value, with the rows of
 * each dimension value listed once, so that a breakdown item's rows are
 * looked up rather than filtered from every row of the month.
 */
class ValuedRows {
  readonly rows: readonly ActualRow[];
  // Rows by dimension, then by value, in file order; built on the first lookup by a dimension.
  private byValue: Map<string, Map<string, ActualRow[]>> | undefined;

  constructor(rows: readonly ActualRow[]) {
    this.rows = rows.filter((row) => row.value !== undefined);
  }

  /** The rows whose dimension values include every entry of `filter`, in file order. */
  matching(filter: ReadonlyMap<string, string>): readonly ActualRow[] {
    if (filter.size === 0) return this.rows;
    const byValue = (this.byValue ??= this.indexByValue());
    let fewest: readonly ActualRow[] | undefined;
    for (const [dimension, value] of filter) {
      const rows = byValue.get(dimension)?.get(value);
      if (!rows) return [];
      if (!fewest || rows.length < fewest.length) fewest = rows;
    }
    return filter.size === 1 ? fewest! : fewest!.filter((row) => matches(row, filter));
  }

  private indexByValue(): Map<string, Map<string, ActualRow[]>> {
    const byValue = new Map<string, Map<string, ActualRow[]>>();
    for (const row of this.rows) {
      for (const [dimension, value] of row.dimensions) {
        let values = byValue.get(dimension);
        if (!values) byValue.set(dimension, (values = new Map()));
        let rows = values.get(value);
        if (!rows) values.set(value, (rows = []));
        rows.push(row);
      }
    }
    return byValue;
  }
}

/** Whether a row has every dimension value of `filter`. */
function matches(row: ActualRow, filter: ReadonlyMap<string, string>): boolean {
  for (const [name, value] of filter) if (row.dimensions.get(name) !== value) return false;
  return true;
}

/** Most months hold a total and a few parts: filtering them costs less than indexing them. */
const rowsWorthIndexing = 16;

/**
 * The actuals grouped by team, KPI and period: the shape in which checks
 * compare rows (duplicates, totals against parts) and the scorer looks
 * values up. Built once per model, on first use.
 */
export class ActualsIndex {
  // Nested maps rather than joined string keys: no string is built per row of a large file.
  private readonly byTeam = new Map<string, Map<string, Map<string, ActualRow[]>>>();
  private readonly valuedGroups = new Map<readonly ActualRow[], ValuedRows>();
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

  /**
   * The rows of a team, KPI and month that have a value and whose dimension
   * values include every entry of `filter`, in file order. A month with many
   * rows is indexed by dimension value on first use, so that looking up each
   * of many breakdown items does not filter every row each time.
   */
  rowsMatching(team: string, kpi: string, month: string, filter: ReadonlyMap<string, string>): readonly ActualRow[] {
    const rows = this.byTeam.get(team)?.get(kpi)?.get(month);
    if (!rows) return [];
    if (rows.length <= rowsWorthIndexing) return rows.filter((row) => row.value !== undefined && matches(row, filter));
    let valued = this.valuedGroups.get(rows);
    if (!valued) this.valuedGroups.set(rows, (valued = new ValuedRows(rows)));
    return valued.matching(filter);
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
