import { evaluateFormula } from '../formula/formula.js';
import { combine } from '../model/aggregate.js';
import type { GoalsModel, Kpi } from '../model/model.js';
import type { ActualsIndex } from '../model/actuals-index.js';
import type { ActualRow } from '../model/model.js';

/**
 * Whose actuals a value is computed from: a team's own rows, or, for a goal
 * without rows of its own, the goals aligned to it (each counted in the
 * months of its own period, and itself rows or a roll-up).
 */
export type ActualsSource = { kind: 'rows'; team: string } | { kind: 'contributors'; parts: readonly ContributingPart[] };

export interface ContributingPart {
  months: ReadonlySet<string>;
  source: ActualsSource;
}

/** Which actuals a value is computed from: a source, some months, and dimension values (owner, region, ...). */
export interface ValueScope {
  source: ActualsSource;
  /** The months to combine, in order. */
  months: readonly string[];
  /** Only rows with these dimension values (empty: the team as a whole). */
  filter: ReadonlyMap<string, string>;
}

/** The rows of one team. */
export function teamRows(team: string): ActualsSource {
  return { kind: 'rows', team };
}

/**
 * The value of a KPI over a scope. A measured KPI combines the matching rows
 * of each month by its aggregate (and a roll-up the months of its
 * contributors by the same aggregate), then the months by its overTime (or
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
    const value = monthValue(index, kpi, aggregate, scope.source, month, scope.filter);
    if (value !== undefined) monthly.push(value);
  }
  return combine(kpi.overTime ?? aggregate, monthly);
}

/** The values of a KPI month by month (undefined where a month has no data). */
export function monthlyValues(model: GoalsModel, index: ActualsIndex, kpi: Kpi, scope: ValueScope): (number | undefined)[] {
  return scope.months.map((month) => kpiValue(model, index, kpi, { ...scope, months: [month] }));
}

/**
 * One month's value for the rows that match `filter`: a team's rows, or
 * the values of the contributors whose periods include the month, combined
 * by the KPI's aggregate.
 */
function monthValue(
  index: ActualsIndex,
  kpi: Kpi,
  aggregate: NonNullable<Kpi['aggregate']>,
  source: ActualsSource,
  month: string,
  filter: ReadonlyMap<string, string>,
): number | undefined {
  if (source.kind === 'rows') return valueOf(index.rowsMatching(source.team, kpi.id, month, filter), filter, aggregate, index.dimensionOrder);
  const values: number[] = [];
  for (const part of source.parts) {
    if (!part.months.has(month)) continue;
    const value = monthValue(index, kpi, aggregate, part.source, month, filter);
    if (value !== undefined) values.push(value);
  }
  return combine(aggregate, values);
}

/**
 * The value of `candidates`, the rows that match `filter`. A row that
 * matches the filter exactly (the team total, or the item itself) wins;
 * otherwise the rows are split by the next dimension (in the order the
 * actuals files list them), each part valued the same way, and the parts
 * combined. Each row is visited once per level of splitting, never once per
 * part.
 */
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
