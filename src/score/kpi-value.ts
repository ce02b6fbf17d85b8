import { evaluateFormula } from '../formula/formula.js';
import { combine } from '../model/aggregate.js';
import type { GoalsModel, Kpi } from '../model/model.js';
import type { ActualsIndex } from '../model/actuals-index.js';
import type { ActualRow } from '../model/model.js';

/** Which actuals a value is computed from: a team, some months, and dimension values (owner, region, ...). */
export interface ValueScope {
  team: string;
  /** The months to combine, in order. */
  months: readonly string[];
  /** Only rows with these dimension values (empty: the team as a whole). */
  filter: ReadonlyMap<string, string>;
}

/**
 * The value of a KPI over a scope. A measured KPI combines the matching rows
 * of each month by its aggregate, then the months by its overTime (or
 * aggregate). A derived KPI evaluates its formula on its inputs' values over
 * the same scope: a ratio of sums, never a mean of ratios. Undefined means
 * no data.
 */
export function kpiValue(model: GoalsModel, index: ActualsIndex, kpi: Kpi, scope: ValueScope, depth = 0): number | undefined {
  if (kpi.formula) {
    // Cycles are rejected by validation; the depth limit only keeps a bad model from recursing forever.
    if (!kpi.formula.ast || depth > 50) return undefined;
    return evaluateFormula(kpi.formula.ast, (id) => {
      const input = model.kpis.get(id);
      return input ? kpiValue(model, index, input, scope, depth + 1) : undefined;
    });
  }
  const aggregate = kpi.aggregate;
  if (!aggregate) return undefined;
  const monthly: number[] = [];
  for (const month of scope.months) {
    const value = monthValue(index, kpi, aggregate, scope.team, month, scope.filter);
    if (value !== undefined) monthly.push(value);
  }
  return combine(kpi.overTime ?? aggregate, monthly);
}

/** The values of a KPI month by month (undefined where a month has no data). */
export function monthlyValues(model: GoalsModel, index: ActualsIndex, kpi: Kpi, scope: ValueScope): (number | undefined)[] {
  return scope.months.map((month) => kpiValue(model, index, kpi, { ...scope, months: [month] }));
}

/**
 * One month's value for the rows that match `filter`. A row that matches the
 * filter exactly (the team total, or the item itself) wins; otherwise the
 * rows are split by the next dimension (in the order the actuals files list
 * them), each part valued the same way, and the parts combined.
 */
function monthValue(
  index: ActualsIndex,
  kpi: Kpi,
  aggregate: NonNullable<Kpi['aggregate']>,
  team: string,
  month: string,
  filter: ReadonlyMap<string, string>,
): number | undefined {
  return valueOf(index.rowsMatching(team, kpi.id, month, filter), filter, aggregate, index.dimensionOrder);
}

/** The value of `candidates`, the rows that match `filter`. Each row is visited once per level of splitting, never once per part. */
function valueOf(
  candidates: readonly ActualRow[],
  filter: ReadonlyMap<string, string>,
  aggregate: NonNullable<Kpi['aggregate']>,
  dimensionOrder: readonly string[],
): number | undefined {
  if (candidates.length === 0) return undefined;
  const exact = candidates.find((row) => row.dimensions.size === filter.size);
  if (exact) return exact.value!;
  const dimension = dimensionOrder.find((name) => !filter.has(name) && candidates.some((row) => row.dimensions.has(name)));
  if (dimension === undefined) return undefined;
  // The parts in the order their values first appear, which `first` and `last` depend on.
  const partRows = new Map<string, ActualRow[]>();
  for (const row of candidates) {
    const key = row.dimensions.get(dimension);
    if (key === undefined) continue;
    const rows = partRows.get(key);
    if (rows) rows.push(row);
    else partRows.set(key, [row]);
  }
  const parts: number[] = [];
  for (const [key, rows] of partRows) {
    const part = valueOf(rows, new Map([...filter, [dimension, key]]), aggregate, dimensionOrder);
    if (part !== undefined) parts.push(part);
  }
  return combine(aggregate, parts);
}
