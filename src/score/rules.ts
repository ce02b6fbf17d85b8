import type { Comparison, Direction } from '../model/kinds.js';
import type { Thresholds } from '../model/model.js';

/**
 * The scoring rules, each a small pure function so that every number on a
 * scorecard can be traced to one definition (and the README documents these).
 */

export type Status = 'on-track' | 'at-risk' | 'off-track' | 'no-data';

/** A finite number, or undefined for "no data" (division by zero and the like). */
function finite(value: number): number | undefined {
  return Number.isFinite(value) ? value : undefined;
}

/**
 * How much of the target is reached. Increase: actual / target, or
 * (actual - baseline) / (target - baseline). Decrease: target / actual, or
 * (baseline - actual) / (baseline - target). Uncapped.
 */
export function attainment(actual: number, target: number, direction: Direction, baseline?: number): number | undefined {
  if (direction === 'increase') {
    return baseline === undefined ? ratio(actual, target) : ratio(actual - baseline, target - baseline);
  }
  return baseline === undefined ? ratio(target, actual) : ratio(baseline - actual, baseline - target);
}

function ratio(numerator: number, denominator: number): number | undefined {
  return denominator === 0 ? undefined : finite(numerator / denominator);
}

/** Whether a threshold goal is met: atLeast (不低于) or atMost (控制在……以内). */
export function isMet(actual: number, target: number, comparison: Comparison): boolean {
  return comparison === 'atLeast' ? actual >= target : actual <= target;
}

/**
 * The status of a value against what is expected by now: the attainment of
 * the expected value (direction-aware, with the baseline for the same share
 * of the period) compared with the green and amber thresholds.
 */
export function paceStatus(actual: number, expected: number, direction: Direction, thresholds: Thresholds, baseline?: number): Status {
  const pace = attainment(actual, expected, direction, baseline);
  if (pace === undefined) {
    const reached = direction === 'increase' ? actual >= expected : actual <= expected;
    return reached ? 'on-track' : 'off-track';
  }
  if (pace >= thresholds.green) return 'on-track';
  if (pace >= thresholds.amber) return 'at-risk';
  return 'off-track';
}

/** The attainment that counts in a score: at most the cap, and never below zero. */
export function cappedAttainment(value: number, cap: number): number {
  return Math.min(Math.max(value, 0), cap);
}

/** The end-of-period value at the current run rate, for a KPI that sums over time. */
export function forecast(actualToDate: number, elapsedMonths: number, totalMonths: number): number | undefined {
  if (elapsedMonths <= 0) return undefined;
  return finite((actualToDate / elapsedMonths) * totalMonths);
}

export function reaches(value: number, target: number, direction: Direction): boolean {
  return direction === 'increase' ? value >= target : value <= target;
}

/**
 * The weighted mean of the capped attainments of the goals that have data:
 * a goal without data is left out rather than counted as zero.
 */
export function weightedScore(goals: readonly { weight: number; capped: number | undefined }[]): number | undefined {
  let total = 0;
  let weights = 0;
  for (const goal of goals) {
    if (goal.capped === undefined) continue;
    total += goal.capped * goal.weight;
    weights += goal.weight;
  }
  return weights === 0 ? undefined : total / weights;
}
