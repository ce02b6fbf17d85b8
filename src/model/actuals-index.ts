import { aggregateAlong, combine } from './aggregate.js';
import type { ActualRow, GoalsModel } from './model.js';
import { actualsPeriodMonth, granularityOf, isMonth, type Granularity } from './period.js';

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
 * A team's KPI for one month and one combination of dimension values, given
 * by ISO week or by day in the files and combined into the month by the
 * KPI's `overTime` (or `aggregate`). Its place (`table`, `start`, `end`) is
 * that of the first of those rows in the files, so that a diagnostic about it
 * points at a real cell.
 */
export interface CombinedRow extends ActualRow {
  /** The rows it combines, in period order: one per week or day, each with a value. */
  readonly combines: readonly ActualRow[];
}

export function isCombinedRow(row: ActualRow): row is CombinedRow {
  return 'combines' in row;
}

/**
 * The rows of one team, KPI, month and combination of dimension values when
 * some are given by week or day, in the order of the files: what the month's
 * value is combined from, and what `actuals-mixed-granularity` looks at.
 */
export interface FinerGroup {
  team: string;
  kpi: string;
  month: string;
  rows: readonly ActualRow[];
}

/** The dimension values of a row as one key, the same whatever the order of the columns. */
export function dimensionsKey(row: ActualRow): string {
  if (row.dimensions.size === 0) return '';
  // One dimension (an owner, a region) is by far the most common: no array to build and sort.
  if (row.dimensions.size === 1) {
    for (const [name, value] of row.dimensions) return `${name}\u0000${value}`;
  }
  return [...row.dimensions]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}\u0000${value}`)
    .join('\u0000');
}

type RowsByPeriod = Map<string, Map<string, Map<string, ActualRow[]>>>;

/**
 * The actuals grouped by team, KPI and period: the shape in which checks
 * compare rows (duplicates, totals against parts) and the scorer looks
 * values up. Rows given by ISO week or by day are combined into monthly
 * rows, so that scoring, pace and the checks that compare months see months
 * alone. Built once per model, on first use.
 */
export class ActualsIndex {
  // Nested maps rather than joined string keys: no string is built per row of a large file.
  /** The rows by period as written (month, week, day, or text that is no period). */
  private readonly byPeriod: RowsByPeriod = new Map();
  /** The rows by month, week and day rows combined; the same maps as `byPeriod` when every row is monthly. */
  private readonly byMonth: RowsByPeriod;
  private readonly valuedGroups = new Map<readonly ActualRow[], ValuedRows>();
  private readonly finer: readonly FinerGroup[];
  /** The latest month with any actual value, or undefined without actuals. */
  readonly latestMonth: string | undefined;
  /** The dimension columns in the order they first appear, to pick the parts that make a total. */
  readonly dimensionOrder: readonly string[];

  constructor(model: GoalsModel) {
    let latest: string | undefined;
    const order: string[] = [];
    // Week and day rows with their months; most repositories have none, and then nothing more is built.
    const finerRows: { row: ActualRow; month: string }[] = [];
    for (const table of model.actuals) {
      for (const dimension of table.dimensions) if (!order.includes(dimension)) order.push(dimension);
      for (const row of table.rows) {
        let kpis = this.byPeriod.get(row.team);
        if (!kpis) this.byPeriod.set(row.team, (kpis = new Map()));
        let periods = kpis.get(row.kpi);
        if (!periods) kpis.set(row.kpi, (periods = new Map()));
        let rows = periods.get(row.period);
        if (!rows) periods.set(row.period, (rows = []));
        rows.push(row);
        if (isMonth(row.period)) {
          if (row.value !== undefined && (latest === undefined || row.period > latest)) latest = row.period;
          continue;
        }
        const month = actualsPeriodMonth(row.period);
        if (month === undefined) continue;
        finerRows.push({ row, month });
        if (row.value !== undefined && (latest === undefined || month > latest)) latest = month;
      }
    }
    this.latestMonth = latest;
    this.dimensionOrder = order;
    if (finerRows.length === 0) {
      this.byMonth = this.byPeriod;
      this.finer = [];
    } else {
      const finer = groupFinerRows(this.byPeriod, finerRows, model);
      this.finer = finer;
      this.byMonth = combineIntoMonths(this.byPeriod, finer, model);
    }
  }

  /**
   * The rows of a team, KPI and month that have a value and whose dimension
   * values include every entry of `filter`, in file order. A month with many
   * rows is indexed by dimension value on first use, so that looking up each
   * of many breakdown items does not filter every row each time.
   */
  rowsMatching(team: string, kpi: string, month: string, filter: ReadonlyMap<string, string>): readonly ActualRow[] {
    const rows = this.byMonth.get(team)?.get(kpi)?.get(month);
    if (!rows) return [];
    if (rows.length <= rowsWorthIndexing) return rows.filter((row) => row.value !== undefined && matches(row, filter));
    let valued = this.valuedGroups.get(rows);
    if (!valued) this.valuedGroups.set(rows, (valued = new ValuedRows(rows)));
    return valued.matching(filter);
  }

  /** Every group of rows with the same team, KPI and period as written (a month, an ISO week or a day), in file order. */
  *groups(): Iterable<readonly ActualRow[]> {
    for (const kpis of this.byPeriod.values()) for (const periods of kpis.values()) yield* periods.values();
  }

  /** Every group of rows with the same team, KPI and month, week and day rows combined into monthly ones, in file order. */
  *monthGroups(): Iterable<readonly ActualRow[]> {
    for (const kpis of this.byMonth.values()) {
      for (const periods of kpis.values()) for (const [period, rows] of periods) if (isMonth(period)) yield rows;
    }
  }

  /** The rows of each team, KPI, month and combination of dimension values that are given by week or day, in file order. */
  finerGroups(): readonly FinerGroup[] {
    return this.finer;
  }
}

/**
 * The rows of each team, KPI, month and combination of dimension values
 * where at least one row is given by week or day, with the month rows of
 * the same values, in the order of the files.
 */
function groupFinerRows(byPeriod: RowsByPeriod, finerRows: readonly { row: ActualRow; month: string }[], model: GoalsModel): FinerGroup[] {
  const inFileOrder = fileOrder(model);
  // By team, KPI and month, the week and day rows of the month.
  const months: RowsByPeriod = new Map();
  for (const { row, month } of finerRows) {
    let kpis = months.get(row.team);
    if (!kpis) months.set(row.team, (kpis = new Map()));
    let rowsByMonth = kpis.get(row.kpi);
    if (!rowsByMonth) kpis.set(row.kpi, (rowsByMonth = new Map()));
    let rows = rowsByMonth.get(month);
    if (!rows) rowsByMonth.set(month, (rows = []));
    rows.push(row);
  }
  const groups: FinerGroup[] = [];
  for (const [team, kpis] of months) {
    for (const [kpi, rowsByMonth] of kpis) {
      for (const [month, rows] of rowsByMonth) {
        const all = [...(byPeriod.get(team)!.get(kpi)!.get(month) ?? []), ...rows].sort(inFileOrder);
        const byDimensions = new Map<string, ActualRow[]>();
        for (const row of all) {
          const key = dimensionsKey(row);
          const same = byDimensions.get(key);
          if (same) same.push(row);
          else byDimensions.set(key, [row]);
        }
        for (const same of byDimensions.values()) if (same.some((row) => row.period !== month)) groups.push({ team, kpi, month, rows: same });
      }
    }
  }
  return groups;
}

/** Compares rows by where they are read: the order of the files, then of the rows in each. */
function fileOrder(model: GoalsModel): (a: ActualRow, b: ActualRow) => number {
  const tableOrder = new Map(model.actuals.map((table, i) => [table, i]));
  return (a, b) => tableOrder.get(a.table)! - tableOrder.get(b.table)! || a.start - b.start;
}

/** How much of a month a granularity covers, to let the coarsest rows stand when a month is given twice. */
const coverage: Record<Granularity, number> = { month: 3, week: 2, day: 1 };

/**
 * The rows by month: the month rows as they are, and one combined row for
 * each group of week or day rows. A group that mixes granularities is an
 * error (`actuals-mixed-granularity`); until it is fixed, its coarsest rows
 * count (a month row over weeks, weeks over days), never both, so that
 * nothing counts twice.
 */
function combineIntoMonths(byPeriod: RowsByPeriod, finer: readonly FinerGroup[], model: GoalsModel): RowsByPeriod {
  const combined: RowsByPeriod = new Map();
  for (const group of finer) {
    let kpis = combined.get(group.team);
    if (!kpis) combined.set(group.team, (kpis = new Map()));
    let rowsByMonth = kpis.get(group.kpi);
    if (!rowsByMonth) kpis.set(group.kpi, (rowsByMonth = new Map()));
    let rows = rowsByMonth.get(group.month);
    if (!rows) rowsByMonth.set(group.month, (rows = []));
    const row = combinedRow(group, model);
    if (row) rows.push(row);
  }
  const inFileOrder = fileOrder(model);
  const byMonth: RowsByPeriod = new Map();
  for (const [team, kpis] of byPeriod) {
    const combinedKpis = combined.get(team);
    if (!combinedKpis) {
      byMonth.set(team, kpis);
      continue;
    }
    const monthKpis = new Map<string, Map<string, ActualRow[]>>();
    byMonth.set(team, monthKpis);
    for (const [kpi, periods] of kpis) {
      const combinedMonths = combinedKpis.get(kpi);
      if (!combinedMonths) {
        monthKpis.set(kpi, periods);
        continue;
      }
      const months = new Map<string, ActualRow[]>();
      for (const [period, rows] of periods) if (isMonth(period)) months.set(period, rows);
      // A combined row takes the place of its first row among the month's rows, which `first` and `last` across dimension values depend on.
      for (const [month, rows] of combinedMonths) months.set(month, [...(months.get(month) ?? []), ...rows].sort(inFileOrder));
      monthKpis.set(kpi, months);
    }
  }
  return byMonth;
}

/**
 * The monthly row of a group with week or day rows, combined by the KPI's
 * `overTime` (or `aggregate`) in period order, so that `last` takes the
 * latest day or week. Undefined when a month row of the group stands instead.
 * A period given twice (`duplicate-actual`) counts once, by its first row
 * with a value, as a month given twice does.
 */
function combinedRow(group: FinerGroup, model: GoalsModel): CombinedRow | undefined {
  let coarsest: Granularity = 'day';
  for (const row of group.rows) {
    const granularity = granularityOf(row.period);
    if (coverage[granularity] > coverage[coarsest]) coarsest = granularity;
  }
  if (coarsest === 'month') return undefined;
  const rows = group.rows.filter((row) => granularityOf(row.period) === coarsest);
  // A stable sort: of two rows for the same period, the first in the files comes first.
  const inPeriodOrder = rows.filter((row) => row.value !== undefined).sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  const combines = inPeriodOrder.filter((row, i) => i === 0 || row.period !== inPeriodOrder[i - 1]!.period);
  const values = combines.map((row) => row.value!);
  const kpi = model.kpis.get(group.kpi);
  const overTime = kpi && aggregateAlong(kpi, 'month');
  const first = rows[0]!;
  return {
    table: first.table,
    period: group.month,
    team: group.team,
    kpi: group.kpi,
    value: overTime ? combine(overTime, values) : undefined,
    dimensions: first.dimensions,
    start: first.start,
    end: first.end,
    combines,
  };
}

const indexes = new WeakMap<GoalsModel, ActualsIndex>();

export function actualsIndex(model: GoalsModel): ActualsIndex {
  let index = indexes.get(model);
  if (!index) indexes.set(model, (index = new ActualsIndex(model)));
  return index;
}
