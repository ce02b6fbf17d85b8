import type { ActualsIndex } from '../model/actuals-index.js';
import type { GoalsModel } from '../model/model.js';
import { previousPeriod, type Period } from '../model/period.js';
import { periodResult } from './period-result.js';
import { changeFrom } from './rules.js';
import type { GoalScore, PreviousScore, TeamScore } from './score.js';

/** A goal set's score with its team and period as the model has them. */
export interface ScoredGoalSet {
  team: string;
  period: Period;
  score: TeamScore;
}

/**
 * Sets each goal's `previous`: the team against its previous period of the
 * same length (持续改进), and the team's `carriedActions`, the actions of
 * that period's review. The attainment then is read from the report itself:
 * a period that as-of counts in full has its final attainment there.
 */
export function comparePreviousPeriods(model: GoalsModel, index: ActualsIndex, asOf: string | undefined, goalSets: readonly ScoredGoalSet[]): void {
  const byTeam = new Map<string, ScoredGoalSet[]>();
  for (const goalSet of goalSets) {
    const sets = byTeam.get(goalSet.team);
    if (sets) sets.push(goalSet);
    else byTeam.set(goalSet.team, [goalSet]);
  }
  for (const goalSet of goalSets) {
    const previous = previousPeriod(goalSet.period, model.settings.fiscalYearStart);
    const then = byTeam.get(goalSet.team)!.find((other) => sameMonths(other.period.months, previous.months));
    for (const goal of goalSet.score.goals) goal.previous = previousScore(model, index, asOf, goal, goalSet.team, previous, then);
    // The lessons of the period before, on the scorecard where they are to be acted on (持续改进).
    const actions = then?.score.review?.actions ?? [];
    goalSet.score.carriedActions = actions.length === 0 ? null : { period: then!.score.period, actions: [...actions] };
  }
}

/**
 * A goal against the previous period, when the team reported the KPI in
 * every month of it and as-of counts all of them. `then` is the team's goal
 * set for that period, if it had one.
 */
function previousScore(
  model: GoalsModel,
  index: ActualsIndex,
  asOf: string | undefined,
  goal: GoalScore,
  team: string,
  previous: Period,
  then: ScoredGoalSet | undefined,
): PreviousScore | null {
  const kpi = model.kpis.get(goal.kpi);
  if (!kpi || asOf === undefined || previous.months.some((month) => month > asOf)) return null;
  // The same result the challenge check compares targets with.
  const actual = periodResult(model, index, kpi, team, previous);
  if (actual === undefined) return null;
  const earlier = then?.score.goals.find((g) => g.id === goal.id) ?? then?.score.goals.find((g) => g.kpi === kpi.id);
  const comparable = goal.forecast ?? goal.actual;
  return {
    period: previous.id,
    actual,
    attainment: earlier?.attainment ?? null,
    change: comparable === null ? null : changeFrom(actual, comparable) ?? null,
  };
}

/** Whether two periods are the same months, however they are named (FY2026 with a January start is 2026). */
function sameMonths(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a[0] === b[0];
}
