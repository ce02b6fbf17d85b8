import { diagnosticAt, type Diagnostic } from '../diagnostics/diagnostic.js';
import { spanOf } from '../model/model.js';
import { datePattern } from '../model/schema/common.js';
import type { Check } from './check.js';

/** A goal is due within its period; a date outside it is probably a typo. */
export const dueDates: Check = {
  name: 'due-dates',
  codes: ['due-outside-period'],
  run(model) {
    const diagnostics: Diagnostic[] = [];
    for (const goalSet of model.goalSets) {
      if (!goalSet.period) continue;
      const months = goalSet.period.months;
      for (const goal of goalSet.goals) {
        // An invalid date is reported by the schema.
        if (goal.due === undefined || !new RegExp(datePattern).test(goal.due)) continue;
        if (months.includes(goal.due.slice(0, 7))) continue;
        diagnostics.push(
          diagnosticAt(
            spanOf(goal.at, ['due']),
            'due-outside-period',
            `The goal is due on ${goal.due}, outside its period ${goalSet.period.id} (${months[0]} to ${months[months.length - 1]}).`,
          ),
        );
      }
    }
    return diagnostics;
  },
};
