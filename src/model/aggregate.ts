import type { Aggregate } from './kinds.js';
import type { Kpi } from './model.js';
import { isTimeDimension } from './walk.js';

/**
 * The largest target, baseline or actual value, either way, that goalpost
 * accepts. Values are added up as doubles, whose whole numbers are exact up
 * to 2^53 (about 9 × 10^15): keeping every value and every sum of actuals
 * within 10^15 keeps totals exact to the unit, and a value beyond it is far
 * more likely a wrong unit or a pasted cell than a plan.
 */
export const largestExactValue = 1e15;

/** Combines values with an aggregate; undefined for no values. */
export function combine(aggregate: Aggregate, values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  switch (aggregate) {
    case 'sum':
      return values.reduce((a, b) => a + b, 0);
    case 'mean':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'min':
      return values.reduce((a, b) => Math.min(a, b));
    case 'max':
      return values.reduce((a, b) => Math.max(a, b));
    case 'first':
      return values[0];
    case 'last':
      return values[values.length - 1];
  }
}

/**
 * How a KPI combines along a dimension: over time (months, quarters or
 * halves alike) by `overTime` (if set), otherwise by `aggregate`.
 */
export function aggregateAlong(kpi: Kpi, dimension: string | undefined): Aggregate | undefined {
  if (kpi.formula) return undefined;
  return isTimeDimension(dimension) ? kpi.overTime ?? kpi.aggregate : kpi.aggregate;
}

/**
 * Whether a combined value matches what it should be, within a tolerance
 * given as a fraction of the expected value (the settings' `tolerance`). The
 * small absolute margin absorbs floating-point noise such as 0.1 + 0.2.
 */
export function withinTolerance(value: number, expected: number, tolerance: number): boolean {
  return Math.abs(value - expected) <= tolerance * Math.abs(expected) + 1e-9 * Math.max(1, Math.abs(expected));
}
