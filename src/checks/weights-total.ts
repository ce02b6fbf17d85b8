import { diagnosticAt, type Diagnostic } from '../diagnostics/diagnostic.js';
import { keySpanOf } from '../model/model.js';
import { formatNumber } from '../text/describe.js';
import type { Check } from './check.js';

/** The weights of a goal set add up to 100, so the team score is a weighted mean. */
export const weightsTotal: Check = {
  name: 'weights-total',
  codes: ['weights-total'],
  run(model) {
    const diagnostics: Diagnostic[] = [];
    for (const goalSet of model.goalSets) {
      // A goal without a valid weight is reported by the schema; the total would only add noise.
      if (goalSet.goals.length === 0 || goalSet.goals.some((goal) => goal.weight === undefined)) continue;
      const total = goalSet.goals.reduce((sum, goal) => sum + goal.weight!, 0);
      if (Math.abs(total - 100) <= 1e-9) continue;
      const parts = goalSet.goals.map((goal) => `${goal.id ?? '?'} ${formatNumber(goal.weight!)}`).join(', ');
      diagnostics.push(
        diagnosticAt(
          keySpanOf(goalSet.at, ['goals']),
          'weights-total',
          `The goal weights add up to ${formatNumber(total)}, not 100 (${parts}).`,
        ),
      );
    }
    return diagnostics;
  },
};
