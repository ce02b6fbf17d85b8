import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { GoalsModel } from '../model/model.js';
import { actualsGranularity } from './actuals-granularity.js';
import { actualsReferences } from './actuals-references.js';
import { actualsRollup } from './actuals-rollup.js';
import { actualsSums } from './actuals-sums.js';
import { actualsTotals } from './actuals-totals.js';
import { alignment } from './alignment.js';
import { breakdownMonths } from './breakdown-months.js';
import { breakdownTotals } from './breakdown-totals.js';
import { challenge } from './challenge.js';
import { checkIns } from './check-ins.js';
import type { Check } from './check.js';
import { closing } from './closing.js';
import { dueDates } from './due-dates.js';
import { duplicateActuals } from './duplicate-actuals.js';
import { formulaCycles, formulaReferencesCheck } from './formulas.js';
import { incentives } from './incentives.js';
import { initiatives } from './initiatives.js';
import { kpiDefinitions } from './kpi-definitions.js';
import { negativeTargets } from './negative-targets.js';
import { goalReferences, teamLeads } from './references.js';
import { rollups } from './rollups.js';
import { sources } from './sources.js';
import { targetBaselines } from './target-baselines.js';
import { thresholdsOrder } from './thresholds-order.js';
import { uniqueIds } from './unique-ids.js';
import { weightsTotal } from './weights-total.js';

/** Every semantic check, in one place. */
export const checks: readonly Check[] = [
  kpiDefinitions,
  sources,
  formulaReferencesCheck,
  formulaCycles,
  uniqueIds,
  teamLeads,
  goalReferences,
  breakdownMonths,
  breakdownTotals,
  weightsTotal,
  negativeTargets,
  targetBaselines,
  alignment,
  dueDates,
  initiatives,
  checkIns,
  thresholdsOrder,
  actualsReferences,
  duplicateActuals,
  actualsGranularity,
  actualsSums,
  actualsTotals,
  rollups,
  actualsRollup,
  challenge,
  closing,
  incentives,
];

export function runChecks(model: GoalsModel, selected: readonly Check[] = checks): Diagnostic[] {
  return selected.flatMap((check) => check.run(model));
}

export type { Check };
