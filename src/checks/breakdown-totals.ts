import { diagnosticAt, type Diagnostic } from '../diagnostics/diagnostic.js';
import { aggregateAlong, combine, withinTolerance } from '../model/aggregate.js';
import type { Aggregate } from '../model/kinds.js';
import { keySpanOf } from '../model/model.js';
import { forEachBreakdown, isTimeDimension, type TimeDimension } from '../model/walk.js';
import { formatNumber } from '../text/describe.js';
import type { Check } from './check.js';

/** "The items should ___ the target" and "its items ___ 4.45", by aggregate. */
const wording: Record<Aggregate, { should: string; actual: string }> = {
  sum: { should: 'add up to', actual: 'add up to' },
  mean: { should: 'average to', actual: 'average' },
  min: { should: 'have as their minimum', actual: 'have a minimum of' },
  max: { should: 'have as their maximum', actual: 'have a maximum of' },
  first: { should: 'start with', actual: 'start with' },
  last: { should: 'end with', actual: 'end with' },
};

/** What the items of a breakdown over time are, in a message. */
const timeParts: Record<TimeDimension, string> = { month: 'months', quarter: 'quarters', half: 'halves' };

/**
 * The items of every breakdown combine to the target they split, by the KPI's
 * aggregate (over months, quarters and halves by its overTime), within the tolerance of the
 * settings. Derived KPIs are recomputed from their inputs, so their
 * breakdowns cannot be checked this way and are skipped.
 */
export const breakdownTotals: Check = {
  name: 'breakdown-totals',
  codes: ['breakdown-sum', 'breakdown-mismatch'],
  run(model) {
    const diagnostics: Diagnostic[] = [];
    const tolerance = model.settings.tolerance;
    for (const goalSet of model.goalSets) {
      for (const goal of goalSet.goals) {
        const kpi = goal.kpi === undefined ? undefined : model.kpis.get(goal.kpi);
        if (!kpi) continue;
        forEachBreakdown(goal, (breakdown, parent) => {
          const target = parent.kind === 'goal' ? parent.goal.target : parent.item.target;
          const aggregate = aggregateAlong(kpi, breakdown.by);
          const values = breakdown.items.map((item) => item.target);
          if (target === undefined || aggregate === undefined || values.length === 0 || values.some((v) => v === undefined)) return;
          const combined = combine(aggregate, values as number[])!;
          const difference = combined - target;
          if (withinTolerance(combined, target, tolerance)) return;
          const whose = parent.kind === 'goal' ? `the goal's target` : `the target of item "${parent.item.key}"`;
          const by = breakdown.by === undefined ? '' : ` by ${breakdown.by}`;
          const percent = target === 0 ? '' : ` (${formatNumber(Math.round((Math.abs(difference) / Math.abs(target)) * 10000) / 100)}%)`;
          const gap = `${formatNumber(Math.abs(difference))} ${difference < 0 ? 'short' : 'over'}${percent}`;
          const message =
            aggregate === 'sum'
              ? `The breakdown${by} adds up to ${formatNumber(combined)}, but ${whose} is ${formatNumber(target)}: ${gap}.`
              : `The breakdown${by} should ${wording[aggregate].should} ${whose}, since KPI "${kpi.id}" combines ${isTimeDimension(breakdown.by) ? timeParts[breakdown.by] : 'parts'} by ${aggregate}: its items ${wording[aggregate].actual} ${formatNumber(combined)}, but ${whose} is ${formatNumber(target)}: ${gap}.`;
          diagnostics.push(diagnosticAt(keySpanOf(breakdown.at, ['items']), aggregate === 'sum' ? 'breakdown-sum' : 'breakdown-mismatch', message));
        });
      }
    }
    return diagnostics;
  },
};
