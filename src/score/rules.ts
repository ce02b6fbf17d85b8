import type { Comparison, Direction } from '../model/kinds.js';
import type { InitiativeStatus, Thresholds } from '../model/model.js';

/**
 * The scoring rules, each a small pure function named after the question it
 * answers, so that every number on a scorecard can be traced to one
 * definition (the README documents these). The walk over the model that
 * applies them is in score.ts.
 */

export type Status = 'on-track' | 'at-risk' | 'off-track' | 'no-data';

/**
 * An attainment: how far a value is towards what was asked of it, as a
 * fraction (1 = exactly as asked), uncapped. `bestPossible` marks a result
 * that no ratio can measure because it cannot get better (a decrease KPI at
 * zero, or a result where nothing was expected yet); its value is then the
 * cap, and it reads "≥ 120%".
 */
export interface Attainment {
  value: number;
  bestPossible: boolean;
}

/** A finite number, or undefined for "no data". */
function finite(value: number): number | undefined {
  return Number.isFinite(value) ? value : undefined;
}

/**
 * The part of a target expected by now, as a fraction kept as two numbers
 * (months elapsed of months in the period, or the plan to date of the
 * target) so that 200 × 1 / 3 is computed as written.
 */
export interface Share {
  part: number;
  whole: number;
}

/**
 * What should have happened by now (pace). A KPI that sums over time builds
 * up month by month: the target spread over the period (by the month plan,
 * when there is one: `planToDate`). Any other KPI (a rate, a score, a stock)
 * should be at its target all along.
 */
export function expectedToDate(target: number, sumsOverTime: boolean, share: Share, planToDate?: number): number {
  if (!sumsOverTime) return target;
  return planToDate ?? (target * share.part) / share.whole;
}

/**
 * How much of the whole period's target is reached (for a decrease goal, how
 * much of the allowance is used), for a KPI that sums over time. Undefined
 * for a target that is not above zero: a share of it means nothing.
 */
export function progress(actual: number, target: number): number | undefined {
  return target > 0 ? finite(actual / target) : undefined;
}

/**
 * Am I where I should be? The attainment of `actual` against `reference`,
 * direction-aware: the expected value to date for a KPI that sums over
 * time, the target itself for any other.
 *
 * - increase: actual ÷ reference, or (actual − baseline) ÷ (reference − baseline);
 * - decrease: reference ÷ actual, or (baseline − actual) ÷ (baseline − reference).
 *
 * A decrease KPI at or below zero (no complaints, no churn) against a
 * reference that is not below zero is the best possible result; so is any
 * result above a reference of zero for an increase KPI (the plan expected
 * nothing yet). Both count as the cap. Undefined when no ratio can judge the
 * value (a baseline equal to the reference; targets that validation refuses).
 */
export function attainment(actual: number, reference: number, direction: Direction, cap: number, baseline?: number): Attainment | undefined {
  const best: Attainment = { value: cap, bestPossible: true };
  const of = (value: number): Attainment | undefined => {
    const checked = finite(value);
    return checked === undefined ? undefined : { value: checked, bestPossible: false };
  };
  if (direction === 'decrease' && actual <= 0 && reference >= 0) return best;
  if (baseline !== undefined) {
    if (baseline === reference) return undefined;
    return of(direction === 'increase' ? (actual - baseline) / (reference - baseline) : (baseline - actual) / (baseline - reference));
  }
  if (direction === 'increase') {
    if (reference > 0) return of(actual / reference);
    if (reference === 0) return actual > 0 ? best : of(actual === 0 ? 1 : 0);
    return undefined;
  }
  return reference >= 0 ? of(reference / actual) : undefined;
}

/** The status of an attainment to date: on track at or above green, at risk at or above amber, off track below. */
export function paceStatus(value: Attainment, thresholds: Thresholds): Status {
  if (value.value >= thresholds.green) return 'on-track';
  if (value.value >= thresholds.amber) return 'at-risk';
  return 'off-track';
}

/** Whether a value is on the right side of a target: at least it for an increase KPI, at most it for a decrease one. */
export function reaches(value: number, target: number, direction: Direction): boolean {
  return direction === 'increase' ? value >= target : value <= target;
}

/** Whether a threshold goal's value is met: atLeast (不低于) or atMost (控制在……以内). */
export function isMet(actual: number, target: number, comparison: Comparison): boolean {
  return comparison === 'atLeast' ? actual >= target : actual <= target;
}

/**
 * Will we make it? The end-of-period value of a KPI that sums over time.
 * With a month plan the team keeps its pace relative to the plan: actual +
 * (the plan of the remaining months) × (actual ÷ expected), so a plan that
 * expects a strong December forecasts one. Where nothing was expected yet the
 * rest of the plan is assumed; without a plan (or against a plan below zero),
 * the straight line: actual × months in period ÷ months elapsed.
 */
export function forecast(
  actual: number,
  pace: { expected: number; remainingPlan: number; planned: boolean; elapsedMonths: number; periodMonths: number },
): number | undefined {
  if (pace.elapsedMonths <= 0) return undefined;
  if (pace.planned && pace.expected > 0) return finite(actual + pace.remainingPlan * (actual / pace.expected));
  if (pace.planned && pace.expected === 0) return finite(actual + pace.remainingPlan);
  return finite((actual * pace.periodMonths) / pace.elapsedMonths);
}

/**
 * A threshold goal (`comparison`) on a KPI that sums over time — a budget
 * cap, a minimum volume — decided as soon as it can be: an atMost cap is
 * broken once the actual to date exceeds it, an atLeast minimum is met once
 * the actual reaches it (monthly values add up, so neither can be undone),
 * and either is decided by the actual when the period is over. While open,
 * it is judged on the forecast: on track while the forecast stays within
 * the target, at risk while it stays within target ÷ amber (atMost) or
 * target × amber (atLeast), off track beyond.
 */
export function judgeSummedThreshold(
  actual: number,
  projected: number | undefined,
  target: number,
  comparison: Comparison,
  periodOver: boolean,
  amber: number,
): { met: boolean | null; status: Status } {
  const decided = (met: boolean) => ({ met, status: met ? ('on-track' as const) : ('off-track' as const) });
  if (comparison === 'atMost' && actual > target) return decided(false);
  if (comparison === 'atLeast' && actual >= target) return decided(true);
  if (periodOver || projected === undefined) return periodOver ? decided(isMet(actual, target, comparison)) : { met: null, status: 'no-data' };
  if (isMet(projected, target, comparison)) return { met: null, status: 'on-track' };
  const nearly = comparison === 'atMost' ? projected <= target / amber : projected >= target * amber;
  return { met: null, status: nearly ? 'at-risk' : 'off-track' };
}

/**
 * A threshold goal on a KPI that does not sum over time (a rate, a level):
 * judged on the actual; decided only when the period is over, since a rate
 * can still move.
 */
export function judgeLevelThreshold(actual: number, target: number, comparison: Comparison, periodOver: boolean): { met: boolean | null; status: Status } {
  const met = isMet(actual, target, comparison);
  return { met: periodOver ? met : null, status: met ? 'on-track' : 'off-track' };
}

/** What a threshold goal counts in a score: 1 when met, or still open and on track; otherwise 0. */
export function thresholdAttainment(met: boolean | null, status: Status): Attainment {
  return { value: met === true || (met === null && status === 'on-track') ? 1 : 0, bestPossible: false };
}

/** The attainment that counts in a score: at most the cap, and never below zero. */
export function cappedAttainment(value: number, cap: number): number {
  return Math.min(Math.max(value, 0), cap);
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

/**
 * Is this piece of work late? An initiative is overdue when it is due on or
 * before the last day of the as-of month and is neither done nor dropped.
 * Without an as-of month (no actuals) nothing is overdue.
 */
export function isOverdue(due: string, status: InitiativeStatus, asOf: string | undefined): boolean {
  return asOf !== undefined && status !== 'done' && status !== 'dropped' && due.slice(0, 7) <= asOf;
}

/**
 * Are we doing better than last time? This period's figure against the
 * previous period's actual, as a fraction of its size: 0.1 is 10% more,
 * −0.1 10% less, whichever way the KPI should go. Undefined when the
 * previous actual is 0, which no change can be a share of.
 */
export function changeFrom(previous: number, current: number): number | undefined {
  return previous === 0 ? undefined : finite((current - previous) / Math.abs(previous));
}
