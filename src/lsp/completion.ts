import type { GoalsModel } from '../model/model.js';
import { periodsOverlap, type Period } from '../model/period.js';

export interface CompletionCandidate {
  label: string;
  detail: string | undefined;
  kind: 'kpi' | 'person' | 'team' | 'goal';
}

/**
 * What can follow `key: ` at the end of `linePrefix` (the line up to the
 * cursor) in a goals file: KPI ids after `kpi:`, members of the team after
 * `owner:` or `lead:`, team ids after `team:`, and `team/goal` after
 * `alignsTo:`. `teamOfFile` is the team the file belongs to.
 */
export function completionCandidates(model: GoalsModel, linePrefix: string, teamOfFile: string | undefined, periodOfFile?: Period): CompletionCandidate[] {
  const match = /^\s*(?:-\s+)?(kpi|owner|lead|team|alignsTo)\s*:\s*([^\s#]*)$/.exec(linePrefix) ?? /[{,]\s*(kpi|owner|team|alignsTo)\s*:\s*([^\s,}]*)$/.exec(linePrefix);
  if (!match) return [];
  const key = match[1]!;
  switch (key) {
    case 'kpi':
      return [...model.kpis.values()].map((kpi) => ({
        label: kpi.id,
        detail: [kpi.name, kpi.unit, kpi.formula ? `= ${kpi.formula.text}` : undefined].filter(Boolean).join(' · ') || undefined,
        kind: 'kpi' as const,
      }));
    case 'owner':
    case 'lead': {
      const teams = teamOfFile !== undefined && model.teams.has(teamOfFile) ? [model.teams.get(teamOfFile)!] : [...model.teams.values()];
      return teams.flatMap((team) =>
        [...team.members.values()].map((person) => ({
          label: person.id,
          detail: [person.name, person.role, team.name ?? team.id].filter(Boolean).join(' · '),
          kind: 'person' as const,
        })),
      );
    }
    case 'team':
      return [...model.teams.values()].map((team) => ({ label: team.id, detail: team.name, kind: 'team' as const }));
    case 'alignsTo':
      // Only goals of another team in a period that overlaps this file's: the others would be unknown-goal.
      return model.goalSets.flatMap((set) =>
        set.team === undefined || set.team === teamOfFile || (periodOfFile && set.period && !periodsOverlap(periodOfFile, set.period))
          ? []
          : set.goals.flatMap((goal) =>
              goal.id === undefined ? [] : [{ label: `${set.team}/${goal.id}`, detail: [goal.title, set.period?.id].filter(Boolean).join(' · '), kind: 'goal' as const }],
            ),
      );
    default:
      return [];
  }
}
