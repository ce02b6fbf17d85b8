import { diagnosticAt, type Diagnostic } from '../diagnostics/diagnostic.js';
import { cellSpan, type ActualRow, type GoalsModel } from '../model/model.js';
import { forEachBreakdown } from '../model/walk.js';
import { truncate } from '../text/describe.js';
import { didYouMean } from '../text/did-you-mean.js';
import type { Check } from './check.js';

/** The breakdown keys of each team, KPI and dimension: the values an actuals dimension column can take. */
function breakdownKeys(model: GoalsModel): Map<string, Set<string>> {
  const keys = new Map<string, Set<string>>();
  for (const goalSet of model.goalSets) {
    for (const goal of goalSet.goals) {
      forEachBreakdown(goal, (breakdown) => {
        if (breakdown.by === undefined) return;
        const key = `${goalSet.team}\u0000${goal.kpi}\u0000${breakdown.by}`;
        const set = keys.get(key) ?? new Set<string>();
        for (const item of breakdown.items) set.add(item.key);
        keys.set(key, set);
      });
    }
  }
  return keys;
}

/**
 * Actuals name known teams, measured KPIs, owners who are members of the team
 * or own a part of its breakdowns by owner, and dimension values used in
 * breakdowns.
 */
export const actualsReferences: Check = {
  name: 'actuals-references',
  codes: ['unknown-team', 'unknown-kpi', 'actuals-derived-kpi', 'unknown-person', 'unknown-dimension-value'],
  run(model) {
    const diagnostics: Diagnostic[] = [];
    const keys = breakdownKeys(model);
    const keysOf = (row: ActualRow, dimension: string): Set<string> | undefined => keys.get(`${row.team}\u0000${row.kpi}\u0000${dimension}`);
    for (const table of model.actuals) {
      for (const row of table.rows) {
        const team = model.teams.get(row.team);
        if (!team) {
          diagnostics.push(
            diagnosticAt(
              cellSpan(row, 'team'),
              'unknown-team',
              row.team === '' ? 'The team cell is empty.' : `Team "${truncate(row.team, 40)}" has no team file.${didYouMean(row.team, model.teams.keys())}`,
            ),
          );
        }
        const kpi = model.kpis.get(row.kpi);
        if (!kpi) {
          diagnostics.push(
            diagnosticAt(
              cellSpan(row, 'kpi'),
              'unknown-kpi',
              row.kpi === '' ? 'The KPI cell is empty.' : `KPI "${truncate(row.kpi, 40)}" is not in the KPI catalog.${didYouMean(row.kpi, model.kpis.keys())}`,
            ),
          );
        } else if (kpi.formula) {
          diagnostics.push(
            diagnosticAt(
              cellSpan(row, 'kpi'),
              'actuals-derived-kpi',
              `KPI "${kpi.id}" is derived by the formula "${kpi.formula.text}"; commit actuals for its inputs instead.`,
            ),
          );
        }
        if (!team) continue;
        for (const [dimension, value] of row.dimensions) {
          if (dimension === 'owner') {
            // A member of a contributing team may own a part of a shared goal, and report its actuals under the goal's team.
            if (!team.members.has(value) && !keysOf(row, dimension)?.has(value)) {
              diagnostics.push(
                diagnosticAt(
                  cellSpan(row, dimension),
                  'unknown-person',
                  `"${truncate(value, 40)}" is not a member of team "${team.id}".${didYouMean(value, team.members.keys())}`,
                ),
              );
            }
            continue;
          }
          const known = keysOf(row, dimension);
          if (known && !known.has(value)) {
            diagnostics.push(
              diagnosticAt(
                cellSpan(row, dimension),
                'unknown-dimension-value',
                `"${truncate(value, 40)}" matches no ${dimension} in the breakdowns of ${row.kpi} for team "${row.team}" (${[...known].join(', ')}).${didYouMean(value, known)}`,
              ),
            );
          }
        }
      }
    }
    return diagnostics;
  },
};
