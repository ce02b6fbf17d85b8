import { diagnosticAt, type Diagnostic } from '../diagnostics/diagnostic.js';
import { keySpanOf } from '../model/model.js';
import { isMonth } from '../model/period.js';
import { forEachBreakdown } from '../model/walk.js';
import type { Check } from './check.js';

/** A month breakdown names months, YYYY-MM, inside the period of its goal set. */
export const breakdownMonths: Check = {
  name: 'breakdown-months',
  codes: ['invalid-month', 'month-outside-period'],
  run(model) {
    const diagnostics: Diagnostic[] = [];
    for (const goalSet of model.goalSets) {
      for (const goal of goalSet.goals) {
        forEachBreakdown(goal, (breakdown) => {
          if (breakdown.by !== 'month') return;
          for (const item of breakdown.items) {
            if (!isMonth(item.key)) {
              diagnostics.push(
                diagnosticAt(keySpanOf(item.at), 'invalid-month', `"${item.key}" is not a month. Month breakdown keys are written YYYY-MM, e.g. 2026-10.`),
              );
            } else if (goalSet.period && !goalSet.period.months.includes(item.key)) {
              const months = goalSet.period.months;
              diagnostics.push(
                diagnosticAt(
                  keySpanOf(item.at),
                  'month-outside-period',
                  `${item.key} is outside the period ${goalSet.period.id} (${months[0]}${months.length > 1 ? ` to ${months[months.length - 1]}` : ''}).`,
                ),
              );
            }
          }
        });
      }
    }
    return diagnostics;
  },
};
