import { diagnosticAt, type Diagnostic } from '../diagnostics/diagnostic.js';
import { withinTolerance } from '../model/aggregate.js';
import { actualsIndex } from '../model/actuals-index.js';
import { alignmentIndex } from '../model/alignment.js';
import { spanOf } from '../model/model.js';
import { kpiValue, teamRows, type ActualsSource } from '../score/kpi-value.js';
import { actualsSources } from '../score/rollup.js';
import { formatFigure, formatShare, goalPath, listNames } from '../text/describe-plan.js';
import type { Check } from './check.js';

const teamTotal: ReadonlyMap<string, string> = new Map();

/**
 * A goal whose team reports its KPI has its own actuals, and the goals
 * aligned to it report theirs: month by month, over the contributors whose
 * periods include the month, the two should agree. A goal is scored from
 * its own rows, so a disagreement means either the company's figure or a
 * team's is wrong. Reported once per goal, for the first month that
 * disagrees. Derived KPIs have no rows of their own and are skipped.
 */
export const actualsRollup: Check = {
  name: 'actuals-rollup',
  codes: ['actuals-rollup-mismatch'],
  run(model) {
    // `rollups: off` leaves roll-ups unchecked altogether, the actuals with the targets.
    if (model.actuals.length === 0 || model.settings.rollups === 'off') return [];
    const alignment = alignmentIndex(model);
    const index = actualsIndex(model);
    const sources = actualsSources(model, index);
    const diagnostics: Diagnostic[] = [];
    for (const goalSet of model.goalSets) {
      for (const goal of goalSet.goals) {
        const contributors = alignment.contributorsOf(goal);
        const kpi = goal.kpi === undefined ? undefined : model.kpis.get(goal.kpi);
        if (contributors.length === 0 || !kpi?.aggregate || kpi.formula || goalSet.team === undefined || !goalSet.period) continue;
        const own = teamRows(goalSet.team);
        let rolledUp: ActualsSource | undefined;
        for (const month of goalSet.period.months) {
          const reported = kpiValue(model, index, kpi, { source: own, months: [month], filter: teamTotal });
          if (reported === undefined) continue;
          rolledUp ??= sources.ofContributors(contributors);
          const combined = kpiValue(model, index, kpi, { source: rolledUp, months: [month], filter: teamTotal });
          if (combined === undefined || withinTolerance(combined, reported, model.settings.tolerance)) continue;
          const names = listNames(contributors.filter((place) => place.goalSet.period?.months.includes(month)).map(goalPath));
          const percent = reported === 0 ? '' : ` (${formatShare(Math.abs(combined - reported), Math.abs(reported))})`;
          const message =
            `The actuals of ${goalSet.team} for ${kpi.id} in ${month} (${formatFigure(reported)}) disagree with those of the goals aligned to ${goalPath({ goalSet, goal })} ` +
            `(${names}), which come to ${formatFigure(combined)}: ${formatFigure(Math.abs(combined - reported))} apart${percent}. The goal is scored from its own rows.`;
          diagnostics.push(diagnosticAt(spanOf(goal.at, ['kpi']), 'actuals-rollup-mismatch', message));
          break;
        }
      }
    }
    return diagnostics;
  },
};
