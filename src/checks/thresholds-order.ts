import { diagnosticAt, type Diagnostic } from '../diagnostics/diagnostic.js';
import { spanOf, type Located, type Thresholds } from '../model/model.js';
import type { Check } from './check.js';

/** Amber ("at risk") starts below green ("on track"), in the settings and in every goal's override. */
export const thresholdsOrder: Check = {
  name: 'thresholds-order',
  codes: ['invalid-thresholds'],
  run(model) {
    const diagnostics: Diagnostic[] = [];
    const check = (thresholds: Thresholds, at: Located, where: string): void => {
      if (thresholds.amber <= thresholds.green) return;
      diagnostics.push(
        diagnosticAt(
          spanOf(at, ['thresholds', 'amber']),
          'invalid-thresholds',
          `The amber threshold (${thresholds.amber}) is above the green threshold (${thresholds.green})${where}; a goal is at risk below green and off track below amber.`,
        ),
      );
    };
    if (model.settings.at) check(model.settings.thresholds, model.settings.at, '');
    for (const goalSet of model.goalSets) {
      for (const goal of goalSet.goals) {
        if (goal.thresholds) check({ ...model.settings.thresholds, ...goal.thresholds }, goal.at, ' for this goal');
      }
    }
    return diagnostics;
  },
};
