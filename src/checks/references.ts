import { diagnosticAt, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';
import { keySpanOf, spanOf, type Team } from '../model/model.js';
import { forEachBreakdown } from '../model/walk.js';
import { didYouMean } from '../text/did-you-mean.js';
import type { Check } from './check.js';

function unknownPerson(team: Team, id: string, span: Span, role: string): Diagnostic {
  return diagnosticAt(
    span,
    'unknown-person',
    `${role} "${id}" is not a member of team "${team.id}".${didYouMean(id, team.members.keys())} Add them to the team file or choose a member.`,
  );
}

/** Team leads are members of their team. */
export const teamLeads: Check = {
  name: 'team-leads',
  codes: ['unknown-person'],
  run(model) {
    const diagnostics: Diagnostic[] = [];
    for (const team of model.definitions.teams) {
      if (team.lead !== undefined && !team.members.has(team.lead)) {
        diagnostics.push(unknownPerson(team, team.lead, spanOf(team.at, ['lead']), 'The lead'));
      }
    }
    return diagnostics;
  },
};

/** Goal sets name a known team; goals a known KPI with a direction; owners are members of the team. */
export const goalReferences: Check = {
  name: 'goal-references',
  codes: ['unknown-team', 'unknown-kpi', 'unknown-person', 'kpi-without-direction'],
  run(model) {
    const diagnostics: Diagnostic[] = [];
    for (const goalSet of model.goalSets) {
      const team = goalSet.team === undefined ? undefined : model.teams.get(goalSet.team);
      if (goalSet.team !== undefined && !team) {
        diagnostics.push(
          diagnosticAt(
            spanOf(goalSet.at, ['team']),
            'unknown-team',
            `Team "${goalSet.team}" has no team file.${didYouMean(goalSet.team, model.teams.keys())} Each team needs a file with kind: Team.`,
          ),
        );
      }
      for (const goal of goalSet.goals) {
        if (goal.kpi !== undefined) {
          const kpi = model.kpis.get(goal.kpi);
          if (!kpi) {
            diagnostics.push(
              diagnosticAt(
                spanOf(goal.at, ['kpi']),
                'unknown-kpi',
                `KPI "${goal.kpi}" is not in the KPI catalog.${didYouMean(goal.kpi, model.kpis.keys())}`,
              ),
            );
          } else if (!kpi.direction && !goal.comparison) {
            diagnostics.push(
              diagnosticAt(
                spanOf(goal.at, ['kpi']),
                'kpi-without-direction',
                `KPI "${goal.kpi}" has no direction, so goalpost cannot tell whether more or less is better. Add "direction: increase" or "direction: decrease" to the KPI, or give the goal "comparison: atLeast" or "atMost".`,
              ),
            );
          }
        }
        if (!team) continue;
        if (goal.owner !== undefined && !team.members.has(goal.owner)) {
          diagnostics.push(unknownPerson(team, goal.owner, spanOf(goal.at, ['owner']), 'The owner'));
        }
        forEachBreakdown(goal, (breakdown) => {
          for (const item of breakdown.items) {
            if (breakdown.by === 'owner' && !team.members.has(item.key)) {
              diagnostics.push(unknownPerson(team, item.key, keySpanOf(item.at), 'The breakdown owner'));
            }
            if (item.owner !== undefined && !team.members.has(item.owner)) {
              diagnostics.push(unknownPerson(team, item.owner, spanOf(item.at, ['owner']), 'The owner'));
            }
          }
        });
      }
    }
    return diagnostics;
  },
};
