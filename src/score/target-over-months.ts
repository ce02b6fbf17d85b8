import type { Breakdown } from '../model/model.js';
import type { Period } from '../model/period.js';
import { planOf, plannedFor } from './plan.js';

/** A target and what says how it is spread over time: a goal's, or an item of its breakdown. */
export interface PlannedTarget {
  target: number;
  /** Its breakdowns: a `by: month`, `by: quarter` or `by: half` one plans it over time. */
  breakdowns: readonly Breakdown[];
  /** The period of its goal set, whose (fiscal) year names the quarters and halves. */
  period: Period;
  /** The months the target is for: the whole period, or the quarter or half an item stands for. */
  months: readonly string[];
  /** What the target is a part of (the goal, for an item of its `by: team` breakdown): its plan phases a target that has none of its own. */
  partOf?: PlannedTarget;
}

/**
 * How much of a target falls in the months that pass `counts`: its own month
 * plan over them, else its quarter or half plan spread evenly over each
 * part's months, else the plan of what it is a part of scaled to it, else
 * the target × the share of its months that count. A quarter's goals are
 * compared with the first quarter of a year's goal this way, and pace reads
 * the same plan.
 */
export function targetOverMonths(planned: PlannedTarget, counts: (month: string) => boolean): number {
  const plan = planOf(planned.breakdowns, planned.period, planned.months);
  if (plan) return plannedFor(plan, counts);
  const whole = planned.partOf;
  if (whole) {
    const inTarget = (month: string): boolean => planned.months.includes(month);
    const wholeInTarget = targetOverMonths(whole, inTarget);
    if (wholeInTarget !== 0) return (planned.target * targetOverMonths(whole, (month) => inTarget(month) && counts(month))) / wholeInTarget;
  }
  return planned.months.length === 0 ? 0 : (planned.target * planned.months.filter(counts).length) / planned.months.length;
}
