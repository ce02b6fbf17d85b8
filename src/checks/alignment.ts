import { diagnosticAt, type Diagnostic } from '../diagnostics/diagnostic.js';
import { spanOf, type GoalSet } from '../model/model.js';
import { periodsOverlap } from '../model/period.js';
import { didYouMean } from '../text/did-you-mean.js';
import type { Check } from './check.js';

/** `alignsTo: team/goal-id` names a goal of that team in a goal set whose period overlaps. */
export const alignment: Check = {
  name: 'alignment',
  codes: ['unknown-team', 'unknown-goal'],
  run(model) {
    const diagnostics: Diagnostic[] = [];
    // Goal sets by team, once: looking each alignment up among every goal set would grow with their square.
    const setsByTeam = new Map<string, GoalSet[]>();
    for (const goalSet of model.goalSets) {
      if (goalSet.team === undefined) continue;
      let sets = setsByTeam.get(goalSet.team);
      if (!sets) setsByTeam.set(goalSet.team, (sets = []));
      sets.push(goalSet);
    }
    let known: Set<string> | undefined;
    for (const goalSet of model.goalSets) {
      for (const goal of goalSet.goals) {
        if (goal.alignsTo === undefined) continue;
        const slash = goal.alignsTo.indexOf('/');
        if (slash === -1) continue; // reported by the schema
        const teamId = goal.alignsTo.slice(0, slash);
        const goalId = goal.alignsTo.slice(slash + 1);
        const span = () => spanOf(goal.at, ['alignsTo']);
        const teamSets = setsByTeam.get(teamId) ?? [];
        if (teamSets.length === 0) {
          known ??= new Set([...model.teams.keys(), ...setsByTeam.keys()]);
          diagnostics.push(
            diagnosticAt(
              span(),
              model.teams.has(teamId) ? 'unknown-goal' : 'unknown-team',
              model.teams.has(teamId)
                ? `Team "${teamId}" has no goal sets, so "${goal.alignsTo}" cannot be found.`
                : `alignsTo names team "${teamId}", which does not exist.${didYouMean(teamId, known)}`,
            ),
          );
          continue;
        }
        const overlapping = teamSets.filter((candidate) => !goalSet.period || !candidate.period || periodsOverlap(goalSet.period, candidate.period));
        if (overlapping.some((candidate) => candidate.goals.some((other) => other.id === goalId))) continue;
        const ids = overlapping.flatMap((candidate) => candidate.goals.flatMap((other) => (other.id === undefined ? [] : [other.id])));
        const elsewhere = teamSets.find((candidate) => !overlapping.includes(candidate) && candidate.goals.some((other) => other.id === goalId));
        const period = goalSet.period ? ` in ${goalSet.period.id}` : '';
        const hint = elsewhere?.period ? ` It exists in ${elsewhere.period.id}, which does not overlap ${goalSet.period?.id ?? 'this period'}.` : didYouMean(goalId, ids);
        diagnostics.push(diagnosticAt(span(), 'unknown-goal', `Team "${teamId}" has no goal "${goalId}"${period}.${hint}`));
      }
    }
    return diagnostics;
  },
};
