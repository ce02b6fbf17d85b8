import { diagnosticAt, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Direction } from '../model/kinds.js';
import { spanOf, type Goal } from '../model/model.js';
import { formatNumber } from '../text/describe.js';
import type { Check } from './check.js';
import { cannotBeNegative } from './negative-targets.js';

/** How attainment is measured without a baseline, in words, for a KPI where more or less is better. */
const ratioWords: Record<Direction, string> = {
  increase: 'attainment is measured as a share of the target (actual ÷ target)',
  decrease: 'for a KPI where less is better, attainment is measured as target ÷ actual',
};

/** Where a baseline belongs for a KPI where more or less is better, and the threshold goal that holds a level instead. */
const sides: Record<Direction, { start: 'below' | 'above'; beyond: 'above' | 'below'; better: string; hold: string; comparison: string }> = {
  increase: { start: 'below', beyond: 'above', better: 'more', hold: 'at or above', comparison: 'atLeast' },
  decrease: { start: 'above', beyond: 'below', better: 'less', hold: 'at or below', comparison: 'atMost' },
};

/** The advice to add a baseline, after "Add" or "add". */
function baselineAdvice(direction: Direction, target: number): string {
  return `a baseline (where the KPI starts from, ${sides[direction].start} ${formatNumber(target)}) so that attainment measures the progress from it towards the target`;
}

/** Why a target of 0 or below cannot be judged as a ratio, and what to write instead. */
function targetNeedsBaseline(direction: Direction, target: number): string {
  const opening = `The target is ${formatNumber(target)}, but ${ratioWords[direction]}`;
  if (target < 0) return `${opening}, which only works for a target above zero. Add ${baselineAdvice(direction, target)}.`;
  if (direction === 'increase') {
    return `${opening}, and nothing can be divided by 0. Add ${baselineAdvice(direction, target)}; or, if the goal is met while the KPI stays at 0 or above, use comparison: atLeast.`;
  }
  return `${opening}, which is 0 for any actual above the target: the goal would score nothing however close it came. If the goal is met while the KPI stays at 0, use comparison: atMost; otherwise add ${baselineAdvice(direction, target)}.`;
}

/**
 * A goal without `comparison` is judged by ratios: actual ÷ target, or the
 * progress from its baseline, (actual − baseline) ÷ (target − baseline), and
 * the mirror images for a KPI where less is better. Those ratios mean
 * something only for a target above zero, or with a baseline where the KPI
 * starts: below the target of a KPI that should increase, above the target of
 * one that should decrease. Threshold goals (`comparison`) are
 * met or not and use no ratio; a goal whose KPI is unknown or has no
 * direction is reported by other checks.
 *
 * A negative target of a KPI that cannot be negative (counts, hours, money)
 * is reported once, as `negative-target`: the fix there is the sign, not a
 * baseline.
 */
export const targetBaselines: Check = {
  name: 'target-baselines',
  codes: ['target-needs-baseline', 'baseline-equals-target', 'baseline-beyond-target'],
  run(model) {
    const diagnostics: Diagnostic[] = [];
    const report = (goal: Goal, key: 'target' | 'baseline', code: Diagnostic['code'], message: string): void => {
      diagnostics.push(diagnosticAt(spanOf(goal.at, [key]), code, message));
    };
    for (const goalSet of model.goalSets) {
      for (const goal of goalSet.goals) {
        const kpi = goal.kpi === undefined ? undefined : model.kpis.get(goal.kpi);
        const direction = kpi?.direction;
        const { target, baseline } = goal;
        if (!kpi || !direction || goal.comparison !== undefined || target === undefined) continue;
        const side = sides[direction];
        if (baseline === undefined) {
          if (target > 0 || (target < 0 && cannotBeNegative(kpi))) continue;
          report(goal, 'target', 'target-needs-baseline', targetNeedsBaseline(direction, target));
        } else if (baseline === target) {
          report(
            goal,
            'baseline',
            'baseline-equals-target',
            `The baseline is the same as the target, ${formatNumber(target)}: attainment measures the progress from the baseline towards the target, and there is no distance between them to measure it by. Set the baseline to where the KPI starts from; or, if the goal is to hold the KPI at ${formatNumber(target)}, remove the baseline and use comparison: ${side.comparison}.`,
          );
        } else if (direction === 'increase' ? baseline > target : baseline < target) {
          report(
            goal,
            'baseline',
            'baseline-beyond-target',
            `The baseline ${formatNumber(baseline)} is ${side.beyond} the target ${formatNumber(target)}, but ${side.better} is better for KPI "${kpi.id}": measured from this baseline, attainment would fall as the KPI improves. A baseline is where the KPI starts from, ${side.start} the target; if the goal is to stay ${side.hold} ${formatNumber(target)}, remove the baseline and use comparison: ${side.comparison}.`,
          );
        }
      }
    }
    return diagnostics;
  },
};
