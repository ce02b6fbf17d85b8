import { diagnosticAt, type Diagnostic } from '../diagnostics/diagnostic.js';
import { spanOf } from '../model/model.js';
import { datePattern } from '../model/schema/common.js';
import type { Check } from './check.js';

const date = new RegExp(datePattern);

/** A goal, and each initiative of its work plan, is due within the goal's period; a date outside it is probably a typo. */
export const dueDates: Check = {
  name: 'due-dates',
  codes: ['due-outside-period'],
  run(model) {
    const diagnostics: Diagnostic[] = [];
    for (const goalSet of model.goalSets) {
      if (!goalSet.period) continue;
      const months = goalSet.period.months;
      const period = `${goalSet.period.id} (${months[0]} to ${months[months.length - 1]})`;
      // An invalid date is reported by the schema.
      const outside = (due: string | undefined): due is string => due !== undefined && date.test(due) && !months.includes(due.slice(0, 7));
      for (const goal of goalSet.goals) {
        if (outside(goal.due)) {
          diagnostics.push(diagnosticAt(spanOf(goal.at, ['due']), 'due-outside-period', `The goal is due on ${goal.due}, outside its period ${period}.`));
        }
        for (const initiative of goal.initiatives) {
          if (!outside(initiative.due)) continue;
          diagnostics.push(
            diagnosticAt(
              spanOf(initiative.at, ['due']),
              'due-outside-period',
              `The initiative "${initiative.id ?? '?'}" is due on ${initiative.due}, outside the goal's period ${period}.`,
            ),
          );
        }
      }
    }
    return diagnostics;
  },
};
