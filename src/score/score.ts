import type { Comparison, Direction } from '../model/kinds.js';
import type { Breakdown, GoalSet, GoalsModel, Initiative, InitiativeStatus, Kpi, Team, Thresholds } from '../model/model.js';
import { actualsIndex, type ActualsIndex } from '../model/actuals-index.js';
import { alignmentIndex, type PlacedGoal } from '../model/alignment.js';
import { yearPartMonths, type Period } from '../model/period.js';
import { kpiValue, monthlyValues, type ValueScope } from './kpi-value.js';
import { planOf, plannedFor, type PlannedRun } from './plan.js';
import { comparePreviousPeriods, type ScoredGoalSet } from './previous-period.js';
import { actualsSources, type ActualsSources } from './rollup.js';
import { sharedGoals, type SharedGoal, type SharedGoals } from './shared-goals.js';
import { assessmentGap, checkInsOfGoalSet, netConfidence, type CheckInScore, type GoalCheckIns } from './check-ins.js';
import { scorePeople, type PersonScore } from './people.js';
import {
  attainment,
  cappedAttainment,
  expectedToDate,
  forecast,
  isMet,
  isOverdue,
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
  /** Every person's result over the goals and items they own, sorted by id. */
  people: PersonScore[];
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
  /**
   * Goals of other teams that list this team in `contributors` and whose
   * period overlaps this one: shown on its scorecard, not counted in its
   * score. In the order of the report's goal sets (team, then period), then
   * of the goals in their goal set.
   */
  sharedGoals: SharedGoal[];
  /** The initiatives of this goal set's goals, counted. */
  initiatives: InitiativeCounts;
  /** Closed (关闭): the results are final, signed off by whom and when; null while open. */
  closed: { date: string; by: string; byName: string | null } | null;
  /** Reopened after closing, by whom and why; null unless reopened. */
  reopened: { date: string; by: string; byName: string | null; reason: string } | null;
  /** The lessons of the period (复盘); null without a review. */
  review: ReviewScore | null;
  /** The review actions of the team's previous period, carried forward (持续改进); null when there are none. */
  carriedActions: { period: string; actions: string[] } | null;
  /**
   * The share of goals whose latest check-in says 7 or more minus the share
   * at 3 or less, ×100 (−100..100), over the goals with a check-in by the
   * end of the as-of month; null without check-ins.
   */
  netConfidence: number | null;
}

export interface ReviewScore {
  wentWell: string[];
  toImprove: string[];
  actions: string[];
}

export interface InitiativeCounts {
  total: number;
  done: number;
  overdue: number;
  /** Blocked ones; a blocked initiative past its due date is counted as overdue too. */
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
  /** Due on or before the last day of the as-of month and neither done nor dropped; never without an as-of month. */
  overdue: boolean;
}

/**
 * How the team did in the previous period of the same length (the quarter
 * before, the year before; fiscal periods by the settings' fiscal year),
 * given only when the team's own actuals cover every month of it and as-of
 * counts all of them.
 */
export interface PreviousScore {
  period: string;
  /** The KPI's value over that whole period: its total for a KPI that sums over time, its final value otherwise. */
  actual: number;
  /**
   * The final attainment, by the end-of-period rules, of the team's goal
   * with the same id in its goal set for that period, else of its first
   * goal on the same KPI there; null when there is none.
   */
  attainment: number | null;
  /**
   * This period's comparable figure (the forecast for a KPI that sums over
   * time, else the actual to date) against the previous actual, as a
   * fraction of its size: 0.1 = 10% more. Null when the previous actual is 0
   * or there is no figure yet.
   */
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
  /**
   * Performance to date, direction-aware, uncapped; for a threshold goal 1 or
   * 0, what it counts. For a goal of a closed goal set with a review
   * override, the override: the attainment that counts.
   */
  attainment: number | null;
  /** The attainment computed from the actuals, whatever the review decided. */
  computedAttainment: number | null;
  /** The review's override of a closed goal set (`final`): the attainment that counts, and why; null without one. */
  override: { attainment: number; reason: string } | null;
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
  /**
   * Where the actual comes from: the team's own actuals rows, or (when the
   * team has no rows for the KPI in the period) the combined actuals of the
   * goals aligned to it with the same KPI; null without an actual.
   */
  actualFrom: 'rows' | 'contributors' | null;
  /** Other teams that carry this goal (its `contributors`). */
  contributors: string[];
  /** The goal's initiatives, in file order. */
  initiatives: InitiativeScore[];
  previous: PreviousScore | null;
  /** The latest check-in (进度汇报) on or before the end of the as-of month that speaks of this goal; null without one. */
  checkIn: CheckInScore | null;
  /** The confidence (信心指数, 0..10) of each check-in of this goal up to then, in date order. */
  confidence: { date: string; value: number }[];
  /** The team's own status in its latest check-in is better than the computed one: an optimistic team. */
  assessmentGap: boolean;
}

/**
 * An item of a breakdown, by the goal's rules. An item of a `by: month`,
 * `by: quarter` or `by: half` breakdown is a period of its own: nothing to
 * judge before it begins, its plan to date while under way, its own target
 * once over. An item of a `by: team` breakdown has that team's actual: its
 * rows, or the roll-up of its goals aligned to the goal.
 */
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
  /** The end-of-period value (of the quarter or half itself, while one is under way); null for a month, and for a part of the plan that is over. */
  forecast: number | null;
  met: boolean | null;
  status: Status;
  breakdown: BreakdownScore[];
  /**
   * For an item of a `by: team` breakdown judged over part of the period: the
   * months its team's aligned goals cover, and the part of its target the plan
   * puts in them. Its progress, expected, attainment and forecast are against that part.
   */
  counted: { months: string[]; target: number } | null;
}

export interface ScoreOptions {
  /** The last month to count, YYYY-MM (default: the latest month with any actuals). */
  asOf?: string;
  /** Compute payouts from goal sets that are still open too, marked provisional. */
  provisional?: boolean;
}

/** What every goal of one scoring run shares. */
interface Run {
  model: GoalsModel;
  index: ActualsIndex;
  sources: ActualsSources;
  asOf: string | undefined;
}

interface GoalContext {
  run: Run;
  place: PlacedGoal;
  kpi: Kpi;
  /** The goal's team, then the teams that carry it with them, whose people may own its items and initiatives. */
  teams: readonly Team[];
  direction: Direction;
  comparison: Comparison | undefined;
  thresholds: Thresholds;
  cap: number;
  period: Period;
  sumsOverTime: boolean;
}

/**
 * How far into its plan a target is by now. `share` is the part of the target
 * expected by now: the plan to date of the target, or the months elapsed of
 * the months of its period. Breakdown items without a plan of their own
 * inherit the share of what they split, so a region of a goal that plans a
 * strong December is not expected to be two-thirds done in November either.
 */
interface Pace {
  share: Share;
  planned: boolean;
  /** What the value should be by now, and (for a KPI that sums over time) what the plan leaves for the months to come. */
  expected: number;
  remainingPlan: number;
  /** The months of the target's own period (a month, quarter or half of a plan is a period of its own), and those that have passed. */
  months: readonly string[];
  elapsed: readonly string[];
  /** The plan the share follows: the target's own, or that of what it splits; undefined when the target is spread evenly. */
  plan: readonly PlannedRun[] | undefined;
}

/**
 * Scores every goal set of a valid model. It assumes validation passed: goals
 * without a known KPI, target, weight or owner are skipped rather than scored.
 */
export function scoreRepository(model: GoalsModel, options: ScoreOptions = {}): ScoreReport {
  const index = actualsIndex(model);
  const asOf = options.asOf ?? index.latestMonth;
  const run: Run = { model, index, sources: actualsSources(model, index), asOf };
  const goalSets = [...model.goalSets].sort(
    (a, b) => compare(a.team ?? '', b.team ?? '') || compare(a.period?.months[0] ?? '', b.period?.months[0] ?? ''),
  );
  const shared = sharedGoals(goalSets);
  const scored: ScoredGoalSet[] = [];
  for (const goalSet of goalSets) {
    const teamScore = scoreGoalSet(run, goalSet, shared);
    if (teamScore) scored.push(teamScore);
  }
  comparePreviousPeriods(model, index, asOf, scored);
  const teams = scored.map((goalSet) => goalSet.score);
  return { asOf: asOf ?? null, teams, people: scorePeople(model, teams, { provisional: options.provisional ?? false }) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function scoreGoalSet(run: Run, goalSet: GoalSet, shared: SharedGoals): ScoredGoalSet | undefined {
  const teamId = goalSet.team;
  const period = goalSet.period;
  if (teamId === undefined || !period) return undefined;
  const team = run.model.teams.get(teamId);
  const elapsed = run.asOf === undefined ? [] : period.months.filter((month) => month <= run.asOf!);
  const checkIns = checkInsOfGoalSet(run.model, goalSet, run.asOf);
  const scores: GoalScore[] = [];
  for (const goal of goalSet.goals) {
    const scored = scoreGoal(run, { goalSet, goal }, period, elapsed, checkIns);
    if (scored) scores.push(scored);
  }
  const cap = run.model.settings.cap;
  const capped = (value: number | null): number | undefined => (value === null ? undefined : cappedAttainment(value, cap));
  const score = weightedScore(scores.map((g) => ({ weight: g.weight, capped: capped(g.attainment) })));
  // A review's override is the final word on the goal: its forecast too.
  const forecastScore = weightedScore(
    scores.map((g) => ({ weight: g.weight, capped: g.attainment === null ? undefined : capped(g.override?.attainment ?? g.forecastAttainment ?? g.attainment) })),
  );
  const nameIn = (person: string): string | null => team?.members.get(person)?.name ?? null;
  const { closed, reopened, review } = goalSet;
  const initiatives = scores.flatMap((g) => g.initiatives);
  return {
    team: teamId,
    period,
    score: {
      team: teamId,
      name: team?.name ?? null,
      period: period.id,
      months: [...period.months],
      elapsedMonths: elapsed.length,
      score: score ?? null,
      forecastScore: forecastScore ?? null,
      goals: scores,
      sharedGoals: shared.of(teamId, period),
      initiatives: {
        total: initiatives.length,
        done: initiatives.filter((i) => i.status === 'done').length,
        overdue: initiatives.filter((i) => i.overdue).length,
        blocked: initiatives.filter((i) => i.status === 'blocked').length,
      },
      // A reopened goal set is open again until it is closed again without `reopened`.
      closed: closed?.date !== undefined && closed.by !== undefined && !reopened ? { date: closed.date, by: closed.by, byName: nameIn(closed.by) } : null,
      reopened:
        reopened?.date !== undefined && reopened.by !== undefined
          ? { date: reopened.date, by: reopened.by, byName: nameIn(reopened.by), reason: reopened.reason ?? '' }
          : null,
      review: review ? { wentWell: [...review.wentWell], toImprove: [...review.toImprove], actions: [...review.actions] } : null,
      carriedActions: null,
      netConfidence: netConfidence(scores.map((g) => g.checkIn?.confidence ?? null)),
    },
  };
}

/**
 * The review's override of a goal (`final`), which counts only while its goal
 * set is closed: before that (and once reopened) it is a proposal, and the
 * computed attainment stands.
 */
function overrideOf(place: PlacedGoal): GoalScore['override'] {
  const final = place.goal.final;
  if (!place.goalSet.closed || place.goalSet.reopened || final?.attainment === undefined) return null;
  return { attainment: final.attainment, reason: final.reason ?? '' };
}

function scoreGoal(run: Run, place: PlacedGoal, period: Period, elapsed: readonly string[], checkIns: (goal: string) => GoalCheckIns): GoalScore | undefined {
  const { model } = run;
  const goal = place.goal;
  const kpi = goal.kpi === undefined ? undefined : model.kpis.get(goal.kpi);
  if (!kpi || goal.id === undefined || goal.target === undefined || goal.weight === undefined || goal.owner === undefined) return undefined;
  const comparison = goal.comparison;
  const context: GoalContext = {
    run,
    place,
    kpi,
    teams: [place.goalSet.team, ...goal.contributors].flatMap((id) => (id === undefined ? [] : (model.teams.get(id) ?? []))),
    direction: kpi.direction ?? (comparison === 'atMost' ? 'decrease' : 'increase'),
    comparison,
    thresholds: { ...model.settings.thresholds, ...goal.thresholds },
    cap: model.settings.cap,
    period,
    sumsOverTime: !kpi.formula && (kpi.overTime ?? kpi.aggregate) === 'sum',
  };
  const source = run.sources.ofGoal(place);
  const scope: ValueScope = { source, months: elapsed, filter: new Map() };
  const actual = elapsed.length === 0 ? undefined : kpiValue(model, run.index, kpi, scope);
  const pace = paceOf(context, goal.target, goal.breakdowns, evenPace(period.months, elapsed));
  const judged = judge(context, goal.target, goal.baseline, actual, pace);
  const trendValues = monthlyValues(model, run.index, kpi, scope);
  const override = overrideOf(place);
  const computed = judged.attainment?.value;
  const counted = override?.attainment ?? computed;
  const updates = checkIns(goal.id);
  // The review's decision is the goal's result: its status follows the attainment that counts.
  const status = override ? paceStatus({ value: override.attainment, bestPossible: false }, context.thresholds) : judged.status;
  return {
    id: goal.id,
    title: goal.title ?? goal.id,
    kpi: kpi.id,
    kpiName: kpi.name ?? null,
    unit: kpi.unit ?? null,
    direction: context.direction,
    sumsOverTime: context.sumsOverTime,
    owner: goal.owner,
    ownerName: nameOf(context, goal.owner),
    alignsTo: goal.alignsTo ?? null,
    notes: goal.notes ?? null,
    target: goal.target,
    baseline: goal.baseline ?? null,
    comparison: comparison ?? null,
    actual: actual ?? null,
    progress: judged.progress ?? null,
    attainment: counted ?? null,
    computedAttainment: computed ?? null,
    override,
    bestPossible: override ? false : (judged.attainment?.bestPossible ?? false),
    expected: judged.expected ?? null,
    forecast: judged.forecast ?? null,
    forecastAttainment: judged.forecastAttainment?.value ?? null,
    forecastReachesTarget: judged.forecast === undefined ? null : meetsTarget(context, judged.forecast, goal.target),
    met: judged.met,
    status,
    weight: goal.weight,
    score: counted === undefined ? null : (cappedAttainment(counted, context.cap) * goal.weight) / 100,
    trend: elapsed.map((month, i) => ({ month, value: trendValues[i] ?? null })),
    breakdown: scoreBreakdowns(context, goal.breakdowns, scope, pace),
    actualFrom: actual === undefined ? null : source.kind === 'rows' ? 'rows' : 'contributors',
    contributors: [...goal.contributors],
    initiatives: scoreInitiatives(context, goal.initiatives),
    previous: null,
    checkIn: updates.latest,
    confidence: updates.confidence,
    assessmentGap: assessmentGap(updates.latest?.status ?? null, status),
  };
}

/** A person's name, looked up in the goal's team and then in the teams that carry the goal with it. */
function nameOf(context: GoalContext, person: string): string | null {
  for (const team of context.teams) {
    const name = team.members.get(person)?.name;
    if (name !== undefined) return name;
  }
  return null;
}

function meetsTarget(context: GoalContext, value: number, target: number): boolean {
  return context.comparison ? isMet(value, target, context.comparison) : reaches(value, target, context.direction);
}

/** The pace of a target spread evenly over the months of its period (what a goal inherits when it has no plan). */
function evenPace(months: readonly string[], elapsed: readonly string[]): Pace {
  return { share: { part: elapsed.length, whole: months.length }, planned: false, expected: 0, remainingPlan: 0, months, elapsed, plan: undefined };
}

/**
 * The pace of a target: its own plan over time when it has one (by month,
 * else by quarter or half), otherwise the share of what it belongs to
 * (`inherited`).
 */
function paceOf(context: GoalContext, target: number, breakdowns: readonly Breakdown[], inherited: Pace): Pace {
  const plan = planOf(breakdowns, context.period, inherited.months);
  if (!plan) {
    const expected = expectedToDate(target, context.sumsOverTime, inherited.share);
    return { ...inherited, expected, remainingPlan: target - expected };
  }
  const passed = (month: string): boolean => inherited.elapsed.includes(month);
  const toDate = plannedFor(plan, passed);
  const remaining = plannedFor(plan, (month) => !passed(month));
  const share = target !== 0 ? { part: toDate, whole: target } : { part: inherited.elapsed.length, whole: inherited.months.length };
  return { ...inherited, share, planned: true, expected: expectedToDate(target, context.sumsOverTime, share, toDate), remainingPlan: remaining, plan };
}

/**
 * The pace of a month, quarter or half of a plan, judged as a period of its
 * own: over once all its months have passed, when it expects its whole
 * target; while under way, its plan to date — its own month plan, else the
 * plan of what it splits over its months, else its target spread evenly
 * over them.
 */
function partPace(context: GoalContext, target: number, breakdowns: readonly Breakdown[], months: readonly string[], parent: Pace): Pace {
  const elapsed = months.filter((month) => parent.elapsed.includes(month));
  const over = months.length > 0 && elapsed.length === months.length;
  const inPart = (month: string): boolean => months.includes(month);
  const planned = !over && parent.plan !== undefined ? plannedFor(parent.plan, inPart) : 0;
  const share: Share = over
    ? { part: 1, whole: 1 }
    : planned !== 0
      ? { part: plannedFor(parent.plan!, (month) => inPart(month) && elapsed.includes(month)), whole: planned }
      : { part: elapsed.length, whole: months.length };
  return paceOf(context, target, breakdowns, { share, planned: planned !== 0, expected: 0, remainingPlan: 0, months, elapsed, plan: over ? undefined : parent.plan });
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

const noData: Judgement = { expected: undefined, progress: undefined, attainment: undefined, forecast: undefined, forecastAttainment: undefined, met: null, status: 'no-data' };

/** Every figure of one target (a goal's, or a breakdown item's) from its actual to date and its pace. */
function judge(context: GoalContext, target: number, baseline: number | undefined, actual: number | undefined, pace: Pace): Judgement {
  const sums = context.sumsOverTime;
  const expected = pace.expected;
  if (actual === undefined) return { ...noData, expected };
  const periodOver = pace.elapsed.length === pace.months.length;
  const projected = sums
    ? forecast(actual, {
        expected,
        remainingPlan: pace.remainingPlan,
        planned: pace.planned,
        elapsedMonths: pace.elapsed.length,
        periodMonths: pace.months.length,
      })
    : undefined;
  const share = sums ? progress(actual, target) : undefined;
  if (context.comparison) {
    const { met, status } = sums
      ? judgeSummedThreshold(actual, projected, target, context.comparison, periodOver, context.thresholds.amber)
      : judgeLevelThreshold(actual, target, context.comparison, periodOver);
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

/**
 * The months a `by: team` item is judged over: those its team's goals
 * aligned to the goal cover. A team that sets quarter goals from July on has
 * its share of a year's goal judged from July, not against January to June it
 * never planned; an item whose team has no such goal, or whose goals cover
 * the whole period, is judged over all of it (undefined).
 */
function countedMonthsOfTeam(context: GoalContext, team: string, within: readonly string[]): readonly string[] | undefined {
  const covered = new Set<string>();
  for (const contributor of alignmentIndex(context.run.model).contributorsOf(context.place.goal)) {
    if (contributor.goalSet.team !== team) continue;
    for (const month of contributor.goalSet.period?.months ?? []) covered.add(month);
  }
  const counted = within.filter((month) => covered.has(month));
  return counted.length === 0 || counted.length === within.length ? undefined : counted;
}

/** The part of a target that the plan of what it splits puts in some of its months (evenly when there is no plan). */
function plannedShare(target: number, parent: Pace, months: readonly string[]): number {
  const inMonths = (month: string): boolean => months.includes(month);
  if (parent.plan) {
    const whole = plannedFor(parent.plan, () => true);
    return whole === 0 ? 0 : (target * plannedFor(parent.plan, inMonths)) / whole;
  }
  return (target * parent.months.filter(inMonths).length) / parent.months.length;
}

/** The months of a part of a plan named by a breakdown key, within the months of what it splits; undefined for a breakdown that does not split time. */
function partMonths(context: GoalContext, by: string, key: string, within: readonly string[]): readonly string[] | undefined {
  if (by === 'month') return within.includes(key) ? [key] : [];
  if (by !== 'quarter' && by !== 'half') return undefined;
  return (yearPartMonths(context.period, by, key) ?? []).filter((month) => within.includes(month));
}

function scoreBreakdowns(context: GoalContext, breakdowns: readonly Breakdown[], parentScope: ValueScope, parentPace: Pace): BreakdownScore[] {
  const { model, index } = context.run;
  const scores: BreakdownScore[] = [];
  for (const breakdown of breakdowns) {
    const by = breakdown.by;
    if (by === undefined) continue;
    for (const item of breakdown.items) {
      if (item.target === undefined) continue;
      const months = partMonths(context, by, item.key, parentPace.months);
      const counted = by === 'team' ? countedMonthsOfTeam(context, item.key, parentPace.months) : undefined;
      const countedTarget = counted ? plannedShare(item.target, parentPace, counted) : undefined;
      const scope: ValueScope = months
        ? { ...parentScope, months: parentScope.months.filter((month) => months.includes(month)) }
        : by === 'team'
          ? { ...parentScope, source: context.run.sources.ofTeam(context.place, item.key), months: parentScope.months.filter((month) => counted?.includes(month) ?? true) }
          : { ...parentScope, filter: new Map([...parentScope.filter, [by, item.key]]) };
      const owner = item.owner ?? (by === 'owner' ? item.key : undefined);
      const pace = months
        ? partPace(context, item.target, item.breakdowns, months, parentPace)
        : counted
          ? partPace(context, countedTarget!, item.breakdowns, counted, parentPace)
          : paceOf(context, item.target, item.breakdowns, parentPace);
      const actual = scope.months.length === 0 ? undefined : kpiValue(model, index, context.kpi, scope);
      // A part of a plan that has not begun has nothing to judge yet, not even what it expects.
      const judged = months && pace.elapsed.length === 0 ? noData : judge(context, countedTarget ?? item.target, undefined, actual, pace);
      const partOver = months !== undefined && pace.elapsed.length === pace.months.length;
      scores.push({
        by,
        key: item.key,
        owner: owner ?? null,
        ownerName: owner === undefined ? null : nameOf(context, owner),
        target: item.target,
        actual: actual ?? null,
        progress: judged.progress ?? null,
        attainment: judged.attainment?.value ?? null,
        bestPossible: judged.attainment?.bestPossible ?? false,
        expected: judged.expected ?? null,
        // A part of a plan that is over has its actual as its final value: nothing is left to forecast.
        forecast: partOver ? null : judged.forecast ?? null,
        met: judged.met,
        status: judged.status,
        counted: counted ? { months: [...counted], target: countedTarget! } : null,
        breakdown: scoreBreakdowns(context, item.breakdowns, scope, pace),
      });
    }
  }
  return scores;
}

function scoreInitiatives(context: GoalContext, initiatives: readonly Initiative[]): InitiativeScore[] {
  const scores: InitiativeScore[] = [];
  for (const initiative of initiatives) {
    const { id, owner, due, status } = initiative;
    if (id === undefined || owner === undefined || due === undefined || status === undefined) continue;
    scores.push({
      id,
      title: initiative.title ?? id,
      owner,
      ownerName: nameOf(context, owner),
      start: initiative.start ?? null,
      due,
      status,
      link: initiative.link ?? null,
      overdue: isOverdue(due, status, context.run.asOf),
    });
  }
  return scores;
}

