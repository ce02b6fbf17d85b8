import type { Comparison, Direction } from '../model/kinds.js';
import type { Breakdown, Goal, GoalSet, GoalsModel, InitiativeStatus, Kpi, Team, Thresholds } from '../model/model.js';
import { actualsIndex, type ActualsIndex } from '../model/actuals-index.js';
import { kpiValue, monthlyValues, type ValueScope } from './kpi-value.js';
import {
  attainment,
  cappedAttainment,
  expectedToDate,
  forecast,
  isMet,
  judgeLevelThreshold,
  judgeSummedThreshold,
  paceStatus,
  progress,
  reaches,
  thresholdAttainment,
  weightedScore,
  type Attainment,
  type Share,
  type Status,
} from './rules.js';

/**
 * Scorecard data: what `goalpost score --format json` prints and what the
 * templates render. Ratios are fractions (0.85, not "85%"); null means no
 * data. The README documents every field next to this contract.
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
  /** The weighted mean of the goals' capped attainment to date, over the goals with data. */
  score: number | null;
  /** The same mean of the goals' capped forecast attainment (a goal without a forecast counts its attainment). */
  forecastScore: number | null;
  goals: GoalScore[];
  /** Goals of other teams that list this team in `contributors`: shown on its scorecard, not counted in its score. */
  sharedGoals: { team: string; period: string; id: string }[];
  /** The initiatives of the team's goals, counted. */
  initiatives: InitiativeCounts;
}

export interface InitiativeCounts {
  total: number;
  done: number;
  overdue: number;
  blocked: number;
}

export interface InitiativeScore {
  id: string;
  title: string;
  owner: string;
  ownerName: string | null;
  start: string | null;
  due: string;
  status: InitiativeStatus;
  link: string | null;
  /** Due on or before the end of the as-of month and neither done nor dropped. */
  overdue: boolean;
}

/** How the goal did in the previous period of the same length (the quarter before, the year before). */
export interface PreviousScore {
  period: string;
  /** The KPI's value over that whole period: its total for a KPI that sums over time, its final value otherwise. */
  actual: number;
  /** The final attainment of the team's goal on the same KPI in that period, when there was one. */
  attainment: number | null;
  /** This period's comparable figure (the forecast, else the actual) against the previous actual, as a fraction: 0.1 = 10% more. */
  change: number | null;
}

export interface GoalScore {
  id: string;
  title: string;
  kpi: string;
  kpiName: string | null;
  unit: string | null;
  direction: Direction;
  /** Whether the KPI builds up month by month (sums over time): then progress and forecast apply. */
  sumsOverTime: boolean;
  owner: string;
  ownerName: string | null;
  alignsTo: string | null;
  notes: string | null;
  target: number;
  baseline: number | null;
  comparison: Comparison | null;
  actual: number | null;
  /** The share of the period's target reached so far (of the allowance used, for a decrease goal). */
  progress: number | null;
  /** Performance to date, direction-aware, uncapped; for a threshold goal 1 or 0, what it counts. */
  attainment: number | null;
  /** The attainment is the cap because the result cannot get better (shown as "≥ 120%"). */
  bestPossible: boolean;
  /** What the actual should be by now. */
  expected: number | null;
  /** The end-of-period value, for a KPI that sums over time. */
  forecast: number | null;
  /** The forecast against the target, by the same rules as attainment. */
  forecastAttainment: number | null;
  forecastReachesTarget: boolean | null;
  /** For a threshold goal: true or false once decided, null while it is still open. */
  met: boolean | null;
  status: Status;
  weight: number;
  /** This goal's share of the team score: capped attainment × weight / 100. */
  score: number | null;
  /** The KPI month by month over the period up to `asOf`. */
  trend: { month: string; value: number | null }[];
  breakdown: BreakdownScore[];
  /** Where the actual comes from: the goal's own actuals rows, or the combined actuals of the goals aligned to it. */
  actualFrom: 'rows' | 'contributors' | null;
  /** Other teams that carry this goal (its `contributors`). */
  contributors: string[];
  initiatives: InitiativeScore[];
  previous: PreviousScore | null;
}

export interface BreakdownScore {
  by: string;
  key: string;
  owner: string | null;
  ownerName: string | null;
  target: number;
  actual: number | null;
  progress: number | null;
  attainment: number | null;
  bestPossible: boolean;
  expected: number | null;
  forecast: number | null;
  met: boolean | null;
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
  direction: Direction;
  comparison: Comparison | undefined;
  thresholds: Thresholds;
  cap: number;
  elapsed: readonly string[];
  periodMonths: readonly string[];
  sumsOverTime: boolean;
}

/**
 * How far into its plan a target is by now. `share` is the part of the target
 * expected by now: the month plan to date of the target, or the months
 * elapsed of the months of the period. Breakdown items without a month plan
 * of their own inherit the share of what they split, so a region of a goal
 * that plans a strong December is not expected to be two-thirds done in
 * November either.
 */
interface Pace {
  share: Share;
  planned: boolean;
  /** What the value should be by now, and (for a KPI that sums over time) what the plan leaves for the months to come. */
  expected: number;
  remainingPlan: number;
  /** The months of the target's own period (a month of a plan is a period of one month), and how many have passed. */
  elapsedMonths: number;
  periodMonths: number;
  periodOver: boolean;
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
  const cap = model.settings.cap;
  const capped = (value: number | null): number | undefined => (value === null ? undefined : cappedAttainment(value, cap));
  const score = weightedScore(goals.map((g) => ({ weight: g.weight, capped: capped(g.attainment) })));
  const forecastScore = weightedScore(
    goals.map((g) => ({ weight: g.weight, capped: g.attainment === null ? undefined : capped(g.forecastAttainment ?? g.attainment) })),
  );
  return {
    team: goalSet.team,
    name: team?.name ?? null,
    period: goalSet.period.id,
    months: [...periodMonths],
    elapsedMonths: elapsed.length,
    score: score ?? null,
    forecastScore: forecastScore ?? null,
    goals,
    sharedGoals: [],
    initiatives: { total: 0, done: 0, overdue: 0, blocked: 0 },
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
  const context: GoalContext = {
    model,
    index,
    kpi,
    team,
    direction: kpi.direction ?? (comparison === 'atMost' ? 'decrease' : 'increase'),
    comparison,
    thresholds: { ...model.settings.thresholds, ...goal.thresholds },
    cap: model.settings.cap,
    elapsed,
    periodMonths,
    sumsOverTime: !kpi.formula && (kpi.overTime ?? kpi.aggregate) === 'sum',
  };
  const scope: ValueScope = { team: teamId, months: elapsed, filter: new Map() };
  const actual = elapsed.length === 0 ? undefined : kpiValue(model, index, kpi, scope);
  const pace = paceOf(context, goal.target, goal.breakdowns, linearPace(context));
  const judged = judge(context, goal.target, goal.baseline, actual, pace);
  const trendValues = monthlyValues(model, index, kpi, scope);
  return {
    id: goal.id,
    title: goal.title ?? goal.id,
    kpi: kpi.id,
    kpiName: kpi.name ?? null,
    unit: kpi.unit ?? null,
    direction: context.direction,
    sumsOverTime: context.sumsOverTime,
    owner: goal.owner,
    ownerName: team?.members.get(goal.owner)?.name ?? null,
    alignsTo: goal.alignsTo ?? null,
    notes: goal.notes ?? null,
    target: goal.target,
    baseline: goal.baseline ?? null,
    comparison: comparison ?? null,
    actual: actual ?? null,
    progress: judged.progress ?? null,
    attainment: judged.attainment?.value ?? null,
    bestPossible: judged.attainment?.bestPossible ?? false,
    expected: judged.expected ?? null,
    forecast: judged.forecast ?? null,
    forecastAttainment: judged.forecastAttainment?.value ?? null,
    forecastReachesTarget: judged.forecast === undefined ? null : meetsTarget(context, judged.forecast, goal.target),
    met: judged.met,
    status: judged.status,
    weight: goal.weight,
    score: judged.attainment === undefined ? null : (cappedAttainment(judged.attainment.value, context.cap) * goal.weight) / 100,
    trend: elapsed.map((month, i) => ({ month, value: trendValues[i] ?? null })),
    breakdown: scoreBreakdowns(context, goal.breakdowns, scope, pace),
    actualFrom: actual === undefined ? null : 'rows',
    contributors: [...goal.contributors],
    initiatives: [],
    previous: null,
  };
}

function meetsTarget(context: GoalContext, value: number, target: number): boolean {
  return context.comparison ? isMet(value, target, context.comparison) : reaches(value, target, context.direction);
}

/** The pace of a target spread evenly over the months of the period (what a goal inherits when it has no month plan). */
function linearPace(context: GoalContext): Pace {
  const elapsedMonths = context.elapsed.length;
  const periodMonths = context.periodMonths.length;
  return { share: { part: elapsedMonths, whole: periodMonths }, planned: false, expected: 0, remainingPlan: 0, elapsedMonths, periodMonths, periodOver: elapsedMonths === periodMonths };
}

/**
 * The pace of a target: its own month plan when it has one, otherwise the
 * share of what it belongs to (`inherited`).
 */
function paceOf(context: GoalContext, target: number, breakdowns: readonly Breakdown[], inherited: Pace): Pace {
  const plan = breakdowns.find((b) => b.by === 'month');
  if (!plan) {
    const expected = expectedToDate(target, context.sumsOverTime, inherited.share);
    return { ...inherited, expected, remainingPlan: target - expected };
  }
  let toDate = 0;
  let remaining = 0;
  for (const item of plan.items) {
    if (item.target === undefined || !context.periodMonths.includes(item.key)) continue;
    if (context.elapsed.includes(item.key)) toDate += item.target;
    else remaining += item.target;
  }
  const share = target !== 0 ? { part: toDate, whole: target } : { part: inherited.elapsedMonths, whole: inherited.periodMonths };
  return { ...inherited, share, planned: true, expected: expectedToDate(target, context.sumsOverTime, share, toDate), remainingPlan: remaining };
}

interface Judgement {
  expected: number | undefined;
  progress: number | undefined;
  attainment: Attainment | undefined;
  forecast: number | undefined;
  forecastAttainment: Attainment | undefined;
  met: boolean | null;
  status: Status;
}

/** Every figure of one target (a goal's, or a breakdown item's) from its actual to date and its pace. */
function judge(context: GoalContext, target: number, baseline: number | undefined, actual: number | undefined, pace: Pace): Judgement {
  const sums = context.sumsOverTime;
  const expected = pace.expected;
  if (actual === undefined) {
    return { expected, progress: undefined, attainment: undefined, forecast: undefined, forecastAttainment: undefined, met: null, status: 'no-data' };
  }
  const projected = sums
    ? forecast(actual, {
        expected,
        remainingPlan: pace.remainingPlan,
        planned: pace.planned,
        elapsedMonths: pace.elapsedMonths,
        periodMonths: pace.periodMonths,
      })
    : undefined;
  const share = sums ? progress(actual, target) : undefined;
  if (context.comparison) {
    const { met, status } = sums
      ? judgeSummedThreshold(actual, projected, target, context.comparison, pace.periodOver, context.thresholds.amber)
      : judgeLevelThreshold(actual, target, context.comparison, pace.periodOver);
    const counted = thresholdAttainment(met, status);
    return { expected, progress: share, attainment: counted, forecast: projected, forecastAttainment: projected === undefined ? undefined : counted, met, status };
  }
  // A baseline is a whole period's worth for a KPI that sums over time: it is phased like the target.
  const baselineToDate = baseline === undefined ? undefined : sums ? (baseline * pace.share.part) / pace.share.whole : baseline;
  const toDate = attainment(actual, expected, context.direction, context.cap, baselineToDate);
  const status = toDate ? paceStatus(toDate, context.thresholds) : reaches(actual, expected, context.direction) ? 'on-track' : 'off-track';
  return {
    expected,
    progress: share,
    attainment: toDate,
    forecast: projected,
    forecastAttainment: projected === undefined ? undefined : attainment(projected, target, context.direction, context.cap, baseline),
    met: null,
    status,
  };
}

function scoreBreakdowns(context: GoalContext, breakdowns: readonly Breakdown[], parentScope: ValueScope, parentPace: Pace): BreakdownScore[] {
  const scores: BreakdownScore[] = [];
  for (const breakdown of breakdowns) {
    if (breakdown.by === undefined) continue;
    const byMonth = breakdown.by === 'month';
    for (const item of breakdown.items) {
      if (item.target === undefined) continue;
      const scope: ValueScope = byMonth
        ? { ...parentScope, months: parentScope.months.filter((month) => month === item.key) }
        : { ...parentScope, filter: new Map([...parentScope.filter, [breakdown.by, item.key]]) };
      const owner = item.owner ?? (breakdown.by === 'owner' ? item.key : undefined);
      // A month of the plan is a whole period of its own: over once it has passed, not begun before.
      const monthPassed = byMonth && scope.months.length > 0;
      const pace: Pace = byMonth
        ? { share: { part: monthPassed ? 1 : 0, whole: 1 }, planned: false, expected: monthPassed ? item.target : 0, remainingPlan: 0, elapsedMonths: monthPassed ? 1 : 0, periodMonths: 1, periodOver: monthPassed }
        : paceOf(context, item.target, item.breakdowns, parentPace);
      const actual = scope.months.length === 0 ? undefined : kpiValue(context.model, context.index, context.kpi, scope);
      const judged: Judgement =
        byMonth && !monthPassed
          ? { expected: undefined, progress: undefined, attainment: undefined, forecast: undefined, forecastAttainment: undefined, met: null, status: 'no-data' }
          : judge(context, item.target, undefined, actual, pace);
      scores.push({
        by: breakdown.by,
        key: item.key,
        owner: owner ?? null,
        ownerName: owner === undefined ? null : context.team?.members.get(owner)?.name ?? null,
        target: item.target,
        actual: actual ?? null,
        progress: judged.progress ?? null,
        attainment: judged.attainment?.value ?? null,
        bestPossible: judged.attainment?.bestPossible ?? false,
        expected: judged.expected ?? null,
        // A month's forecast is its actual: the month is over.
        forecast: byMonth ? null : judged.forecast ?? null,
        met: judged.met,
        status: judged.status,
        breakdown: scoreBreakdowns(context, item.breakdowns, scope, pace),
      });
    }
  }
  return scores;
}
