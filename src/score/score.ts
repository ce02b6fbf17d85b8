import type { Comparison, Direction } from '../model/kinds.js';
import type { Breakdown, Goal, GoalSet, GoalsModel, Kpi, Team, Thresholds } from '../model/model.js';
import { actualsIndex, type ActualsIndex } from '../model/actuals-index.js';
import { kpiValue, monthlyValues, type ValueScope } from './kpi-value.js';
import { attainment, cappedAttainment, forecast, isMet, paceStatus, reaches, weightedScore, type Status } from './rules.js';

/**
 * Scorecard data: what `goalpost score --format json` prints and what the
 * templates render. Ratios are fractions (0.85, not "85%"); null means no data.
 */
export interface ScoreReport {
  /** The last month counted, YYYY-MM; null when there are no actuals at all. */
  asOf: string | null;
  teams: TeamScore[];
}

export interface TeamScore {
  team: string;
  name: string | null;
  period: string;
  /** The months of the period, and how many of them are counted by `asOf`. */
  months: string[];
  elapsedMonths: number;
  /** The weighted mean of the goals' capped attainment, over the goals with data. */
  score: number | null;
  goals: GoalScore[];
}

export interface GoalScore {
  id: string;
  title: string;
  kpi: string;
  kpiName: string | null;
  unit: string | null;
  direction: Direction;
  owner: string;
  ownerName: string | null;
  alignsTo: string | null;
  notes: string | null;
  target: number;
  baseline: number | null;
  comparison: Comparison | null;
  actual: number | null;
  attainment: number | null;
  expected: number | null;
  forecast: number | null;
  forecastReachesTarget: boolean | null;
  status: Status;
  weight: number;
  /** This goal's share of the team score: capped attainment × weight / 100. */
  score: number | null;
  /** The KPI month by month over the period up to `asOf`. */
  trend: { month: string; value: number | null }[];
  breakdown: BreakdownScore[];
}

export interface BreakdownScore {
  by: string;
  key: string;
  owner: string | null;
  ownerName: string | null;
  target: number;
  actual: number | null;
  attainment: number | null;
  expected: number | null;
  status: Status;
  breakdown: BreakdownScore[];
}

export interface ScoreOptions {
  /** The last month to count, YYYY-MM (default: the latest month with any actuals). */
  asOf?: string;
}

interface GoalContext {
  model: GoalsModel;
  index: ActualsIndex;
  kpi: Kpi;
  team: Team | undefined;
  teamId: string;
  direction: Direction;
  comparison: Comparison | undefined;
  thresholds: Thresholds;
  elapsed: readonly string[];
  periodMonths: readonly string[];
  sumsOverTime: boolean;
}

/**
 * Scores every goal set of a valid model. It assumes validation passed: goals
 * without a known KPI, target, weight or owner are skipped rather than scored.
 */
export function scoreRepository(model: GoalsModel, options: ScoreOptions = {}): ScoreReport {
  const index = actualsIndex(model);
  const asOf = options.asOf ?? index.latestMonth;
  const goalSets = [...model.goalSets].sort(
    (a, b) => compare(a.team ?? '', b.team ?? '') || compare(a.period?.months[0] ?? '', b.period?.months[0] ?? ''),
  );
  const teams: TeamScore[] = [];
  for (const goalSet of goalSets) {
    const teamScore = scoreGoalSet(model, index, goalSet, asOf);
    if (teamScore) teams.push(teamScore);
  }
  return { asOf: asOf ?? null, teams };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function scoreGoalSet(model: GoalsModel, index: ActualsIndex, goalSet: GoalSet, asOf: string | undefined): TeamScore | undefined {
  if (goalSet.team === undefined || !goalSet.period) return undefined;
  const team = model.teams.get(goalSet.team);
  const periodMonths = goalSet.period.months;
  const elapsed = asOf === undefined ? [] : periodMonths.filter((month) => month <= asOf);
  const goals: GoalScore[] = [];
  for (const goal of goalSet.goals) {
    const scored = scoreGoal(model, index, goalSet.team, team, goal, periodMonths, elapsed);
    if (scored) goals.push(scored);
  }
  const score = weightedScore(goals.map((g) => ({ weight: g.weight, capped: g.attainment === null ? undefined : cappedAttainment(g.attainment, model.settings.cap) })));
  return {
    team: goalSet.team,
    name: team?.name ?? null,
    period: goalSet.period.id,
    months: [...periodMonths],
    elapsedMonths: elapsed.length,
    score: score ?? null,
    goals,
  };
}

function scoreGoal(
  model: GoalsModel,
  index: ActualsIndex,
  teamId: string,
  team: Team | undefined,
  goal: Goal,
  periodMonths: readonly string[],
  elapsed: readonly string[],
): GoalScore | undefined {
  const kpi = goal.kpi === undefined ? undefined : model.kpis.get(goal.kpi);
  if (!kpi || goal.id === undefined || goal.target === undefined || goal.weight === undefined || goal.owner === undefined) return undefined;
  const comparison = goal.comparison;
  const direction: Direction = kpi.direction ?? (comparison === 'atMost' ? 'decrease' : 'increase');
  const context: GoalContext = {
    model,
    index,
    kpi,
    team,
    teamId,
    direction,
    comparison,
    thresholds: { ...model.settings.thresholds, ...goal.thresholds },
    elapsed,
    periodMonths,
    sumsOverTime: !kpi.formula && (kpi.overTime ?? kpi.aggregate) === 'sum',
  };
  const scope: ValueScope = { team: teamId, months: elapsed, filter: new Map() };
  const actual = elapsed.length === 0 ? undefined : kpiValue(model, index, kpi, scope);
  const fraction = elapsed.length / periodMonths.length;

  let goalAttainment: number | undefined;
  let expected: number | undefined;
  let status: Status = 'no-data';
  let projected: number | undefined;
  if (comparison) {
    if (actual !== undefined) {
      goalAttainment = isMet(actual, goal.target, comparison) ? 1 : 0;
      status = goalAttainment === 1 ? 'on-track' : 'off-track';
    }
  } else {
    expected = expectedToDate(context, goal.target, goal.breakdowns, elapsed);
    // A baseline for a KPI that sums over time is a whole period's worth: pro-rate it like the target.
    const baselineToDate = goal.baseline === undefined ? undefined : context.sumsOverTime ? goal.baseline * fraction : goal.baseline;
    if (actual !== undefined) {
      goalAttainment = attainment(actual, goal.target, direction, goal.baseline);
      if (expected !== undefined) status = paceStatus(actual, expected, direction, context.thresholds, baselineToDate);
      if (context.sumsOverTime) projected = forecast(actual, elapsed.length, periodMonths.length);
    }
  }
  const trendValues = monthlyValues(model, index, kpi, scope);
  return {
    id: goal.id,
    title: goal.title ?? goal.id,
    kpi: kpi.id,
    kpiName: kpi.name ?? null,
    unit: kpi.unit ?? null,
    direction,
    owner: goal.owner,
    ownerName: team?.members.get(goal.owner)?.name ?? null,
    alignsTo: goal.alignsTo ?? null,
    notes: goal.notes ?? null,
    target: goal.target,
    baseline: goal.baseline ?? null,
    comparison: comparison ?? null,
    actual: actual ?? null,
    attainment: goalAttainment ?? null,
    expected: expected ?? null,
    forecast: projected ?? null,
    forecastReachesTarget: projected === undefined ? null : reaches(projected, goal.target, direction),
    status,
    weight: goal.weight,
    score: goalAttainment === undefined ? null : (cappedAttainment(goalAttainment, model.settings.cap) * goal.weight) / 100,
    trend: elapsed.map((month, i) => ({ month, value: trendValues[i] ?? null })),
    breakdown: scoreBreakdowns(context, goal.breakdowns, scope),
  };
}

/**
 * What the value should be by now. For a KPI that sums over time: the
 * cumulative month breakdown when there is one, otherwise the target times
 * the share of the months elapsed. For any other KPI: the target itself.
 */
function expectedToDate(context: GoalContext, target: number, breakdowns: readonly Breakdown[], months: readonly string[]): number | undefined {
  if (!context.sumsOverTime) return target;
  const monthBreakdown = breakdowns.find((b) => b.by === 'month');
  if (monthBreakdown) {
    let total = 0;
    for (const item of monthBreakdown.items) if (item.target !== undefined && months.includes(item.key)) total += item.target;
    return total;
  }
  return (target * months.length) / context.periodMonths.length;
}

function scoreBreakdowns(context: GoalContext, breakdowns: readonly Breakdown[], parentScope: ValueScope): BreakdownScore[] {
  const scores: BreakdownScore[] = [];
  for (const breakdown of breakdowns) {
    if (breakdown.by === undefined) continue;
    for (const item of breakdown.items) {
      if (item.target === undefined) continue;
      const scope: ValueScope =
        breakdown.by === 'month'
          ? { ...parentScope, months: parentScope.months.filter((month) => month === item.key) }
          : { ...parentScope, filter: new Map([...parentScope.filter, [breakdown.by, item.key]]) };
      const isFutureMonth = breakdown.by === 'month' && scope.months.length === 0;
      const actual = scope.months.length === 0 ? undefined : kpiValue(context.model, context.index, context.kpi, scope);
      const owner = item.owner ?? (breakdown.by === 'owner' ? item.key : undefined);
      let itemAttainment: number | undefined;
      let expected: number | undefined;
      let status: Status = 'no-data';
      if (context.comparison) {
        if (actual !== undefined) {
          itemAttainment = isMet(actual, item.target, context.comparison) ? 1 : 0;
          status = itemAttainment === 1 ? 'on-track' : 'off-track';
        }
      } else {
        expected = isFutureMonth
          ? undefined
          : breakdown.by === 'month'
            ? item.target
            : expectedToDate(context, item.target, item.breakdowns, scope.months);
        if (actual !== undefined) {
          itemAttainment = attainment(actual, item.target, context.direction);
          if (expected !== undefined) status = paceStatus(actual, expected, context.direction, context.thresholds);
        }
      }
      scores.push({
        by: breakdown.by,
        key: item.key,
        owner: owner ?? null,
        ownerName: owner === undefined ? null : context.team?.members.get(owner)?.name ?? null,
        target: item.target,
        actual: actual ?? null,
        attainment: itemAttainment ?? null,
        expected: expected ?? null,
        status,
        breakdown: scoreBreakdowns(context, item.breakdowns, scope),
      });
    }
  }
  return scores;
}
