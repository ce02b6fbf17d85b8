import type { Breakdown } from '../model/model.js';
import { yearPartMonths, type Period } from '../model/period.js';

/**
 * A piece of a target's plan over time (计划): what is planned for a run of
 * months, spread evenly over them. An item of a month plan is a run of one
 * month; a quarter of a quarter plan, without a month plan of its own, a
 * run of three.
 */
export interface PlannedRun {
  months: readonly string[];
  target: number;
}

/** The breakdowns that plan a target over time, finest first: a month plan wins over a quarter plan, which wins over a half plan. */
const planDimensions = ['month', 'quarter', 'half'] as const;

/**
 * The plan of a target over the months of `within` (its period, or the part
 * of it the target is for): its `by: month` breakdown when it has one, else
 * its `by: quarter`, else its `by: half` breakdown. Items outside `within`
 * are left out (validation reports them). Undefined when the target has no
 * plan over time.
 */
export function planOf(breakdowns: readonly Breakdown[], period: Period, within: readonly string[]): PlannedRun[] | undefined {
  if (breakdowns.length === 0) return undefined;
  for (const by of planDimensions) {
    const breakdown = breakdowns.find((b) => b.by === by);
    if (breakdown) return runsOf(breakdown, by, period, within);
  }
  return undefined;
}

function runsOf(breakdown: Breakdown, by: (typeof planDimensions)[number], period: Period, within: readonly string[]): PlannedRun[] {
  const runs: PlannedRun[] = [];
  for (const item of breakdown.items) {
    if (item.target === undefined) continue;
    const months = by === 'month' ? [item.key] : yearPartMonths(period, by, item.key);
    if (!months || !months.every((month) => within.includes(month))) continue;
    // A quarter or half with a month plan of its own is planned by it rather than evenly.
    const ownPlan = by === 'month' ? undefined : item.breakdowns.find((b) => b.by === 'month');
    if (ownPlan) runs.push(...runsOf(ownPlan, 'month', period, months));
    else runs.push({ months, target: item.target });
  }
  return runs;
}

/** What a plan expects over the months that pass `counts`: each run's target × its months that count ÷ its months. */
export function plannedFor(plan: readonly PlannedRun[], counts: (month: string) => boolean): number {
  let total = 0;
  for (const run of plan) {
    let counted = 0;
    for (const month of run.months) if (counts(month)) counted++;
    if (counted > 0) total += (run.target * counted) / run.months.length;
  }
  return total;
}
