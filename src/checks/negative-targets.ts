import { diagnosticAt, type Diagnostic } from '../diagnostics/diagnostic.js';
import { spanOf, type Kpi } from '../model/model.js';
import { forEachBreakdown } from '../model/walk.js';
import { formatNumber } from '../text/describe.js';
import type { Check } from './check.js';

/** Counts, hours and amounts of money cannot be below zero; rates, ratios and scores can. */
export function cannotBeNegative(kpi: Kpi): boolean {
  const unit = kpi.unit;
  return unit === 'count' || unit === 'hours' || unit === 'currency' || (unit !== undefined && /^[A-Z]{3}$/.test(unit));
}

/** A negative target for a KPI that cannot be negative is a typo, not a plan. */
export const negativeTargets: Check = {
  name: 'negative-targets',
  codes: ['negative-target'],
  run(model) {
    const diagnostics: Diagnostic[] = [];
    for (const goalSet of model.goalSets) {
      for (const goal of goalSet.goals) {
        const kpi = goal.kpi === undefined ? undefined : model.kpis.get(goal.kpi);
        if (!kpi || !cannotBeNegative(kpi)) continue;
        const message = (value: number) => `The target ${formatNumber(value)} is negative, but KPI "${kpi.id}" is measured in ${kpi.unit}, which cannot be below zero.`;
        if (goal.target !== undefined && goal.target < 0) diagnostics.push(diagnosticAt(spanOf(goal.at, ['target']), 'negative-target', message(goal.target)));
        forEachBreakdown(goal, (breakdown) => {
          for (const item of breakdown.items) {
            if (item.target === undefined || item.target >= 0) continue;
            diagnostics.push(diagnosticAt(spanOf(item.at, item.shorthand ? [] : ['target']), 'negative-target', message(item.target)));
          }
        });
      }
    }
    return diagnostics;
  },
};
