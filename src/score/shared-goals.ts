import type { GoalSet } from '../model/model.js';
import type { Period } from '../model/period.js';

/** A goal of another team that a team carries with it (跨部门协同), by where it is. */
export interface SharedGoal {
  team: string;
  period: string;
  id: string;
}

/** The goals each team carries for other teams. */
export interface SharedGoals {
  /** Those whose period overlaps `period`, in the order of `goalSets`, then of the goals in their goal set. */
  of(team: string, period: Period): SharedGoal[];
}

/**
 * The goals that name other teams in `contributors`, looked up by those
 * teams. A goal that names its own team is its team's anyway.
 */
export function sharedGoals(goalSets: readonly GoalSet[]): SharedGoals {
  const byTeam = new Map<string, { goal: SharedGoal; months: readonly string[] }[]>();
  for (const goalSet of goalSets) {
    if (goalSet.team === undefined || !goalSet.period) continue;
    for (const goal of goalSet.goals) {
      if (goal.id === undefined) continue;
      for (const team of new Set(goal.contributors)) {
        if (team === goalSet.team) continue;
        let list = byTeam.get(team);
        if (!list) byTeam.set(team, (list = []));
        list.push({ goal: { team: goalSet.team, period: goalSet.period.id, id: goal.id }, months: goalSet.period.months });
      }
    }
  }
  return {
    of: (team, period) =>
      (byTeam.get(team) ?? []).filter((shared) => shared.months.some((month) => period.months.includes(month))).map((shared) => ({ ...shared.goal })),
  };
}
