import { diagnosticAt, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';
import { keySpanOf, spanOf, type Goal, type GoalsModel, type Located, type Team } from '../model/model.js';
import { forEachBreakdown } from '../model/walk.js';
import { listWords } from '../text/describe.js';
import { didYouMean } from '../text/did-you-mean.js';
import type { Check } from './check.js';

/**
 * `teams` are the team a person was looked for in, then the teams that share
 * the goal with it: the person may be a member of any of them.
 */
function unknownPerson(teams: readonly [Team, ...Team[]], id: string, span: Span, role: string): Diagnostic {
  const [team, ...contributors] = teams;
  const suggestion = didYouMean(id, teams.flatMap((each) => [...each.members.keys()]));
  const message =
    contributors.length === 0
      ? `${role} "${id}" is not a member of team "${team.id}".${suggestion} Add them to the team file or choose a member.`
      : `${role} "${id}" is not a member of team "${team.id}" or of the goal's contributing ${contributors.length === 1 ? 'team' : 'teams'} ${listWords(
          contributors.map((each) => `"${each.id}"`),
          'and',
        )}.${suggestion} Add them to one of these team files or choose a member.`;
  return diagnosticAt(span, 'unknown-person', message);
}

function isMember(teams: readonly Team[], id: string): boolean {
  return teams.some((team) => team.members.has(id));
}

/** The goal's team, then its contributing teams that have a team file: the people who may own its breakdown items and initiatives. */
function sharingTeams(team: Team, goal: Goal, model: GoalsModel): [Team, ...Team[]] {
  const teams: [Team, ...Team[]] = [team];
  for (const id of goal.contributors) {
    const contributor = model.teams.get(id);
    if (contributor && contributor !== team && !teams.includes(contributor)) teams.push(contributor);
  }
  return teams;
}

/** The value written at a place of a document, before the model dropped what has the wrong type. */
function writtenAt(at: Located, rest: Located['path']): unknown {
  let value: unknown = at.doc.data;
  for (const segment of [...at.path, ...rest]) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/**
 * Where a contributing team is written. The model keeps only the entries that
 * are text, so its index can differ from the file's when an entry of the
 * wrong type (reported by the schema) comes first.
 */
function contributorSpan(goal: Goal, id: string): Span {
  const written = writtenAt(goal.at, ['contributors']);
  const index = Array.isArray(written) ? written.indexOf(id) : -1;
  return spanOf(goal.at, index === -1 ? ['contributors'] : ['contributors', index]);
}

/** Team leads are members of their team. */
export const teamLeads: Check = {
  name: 'team-leads',
  codes: ['unknown-person'],
  run(model) {
    const diagnostics: Diagnostic[] = [];
    for (const team of model.definitions.teams) {
      if (team.lead !== undefined && !team.members.has(team.lead)) {
        diagnostics.push(unknownPerson([team], team.lead, spanOf(team.at, ['lead']), 'The lead'));
      }
    }
    return diagnostics;
  },
};

/**
 * Goal sets name a known team; goals a known KPI with a direction, known
 * contributing teams and, in a breakdown by team, known teams. A goal's owner
 * is a member of its team; the owners of its breakdown items and initiatives
 * may also be members of a contributing team, who carry the goal with it.
 */
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
        for (const id of goal.contributors) {
          if (model.teams.has(id)) continue;
          diagnostics.push(
            diagnosticAt(contributorSpan(goal, id), 'unknown-team', `Contributing team "${id}" has no team file.${didYouMean(id, model.teams.keys())}`),
          );
        }
        if (team && goal.owner !== undefined && !team.members.has(goal.owner)) {
          diagnostics.push(unknownPerson([team], goal.owner, spanOf(goal.at, ['owner']), 'The owner'));
        }
        const teams = team && sharingTeams(team, goal, model);
        forEachBreakdown(goal, (breakdown) => {
          for (const item of breakdown.items) {
            if (breakdown.by === 'team' && !model.teams.has(item.key)) {
              diagnostics.push(
                diagnosticAt(
                  keySpanOf(item.at),
                  'unknown-team',
                  `Team "${item.key}" has no team file.${didYouMean(item.key, model.teams.keys())} A breakdown by team splits the target between teams by their ids.`,
                ),
              );
            }
            if (!teams) continue;
            if (breakdown.by === 'owner' && !isMember(teams, item.key)) {
              diagnostics.push(unknownPerson(teams, item.key, keySpanOf(item.at), 'The breakdown owner'));
            }
            if (item.owner !== undefined && !isMember(teams, item.owner)) {
              diagnostics.push(unknownPerson(teams, item.owner, spanOf(item.at, ['owner']), 'The owner'));
            }
          }
        });
        if (!teams) continue;
        for (const initiative of goal.initiatives) {
          if (initiative.owner === undefined || isMember(teams, initiative.owner)) continue;
          diagnostics.push(unknownPerson(teams, initiative.owner, spanOf(initiative.at, ['owner']), 'The initiative owner'));
        }
      }
    }
    return diagnostics;
  },
};
