import { rollupFindings } from '../checks/rollups.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { alignmentIndex, type PlacedGoal } from '../model/alignment.js';
import type { Comparison } from '../model/kinds.js';
import type { Breakdown, FinalResult, Goal, GoalSet, GoalsModel, Kpi, Review, SignOff } from '../model/model.js';
import type { Status } from '../score/rules.js';
import type { GoalScore, ScoreReport } from '../score/score.js';
import { checkInChanges, type CheckInChange } from './check-ins.js';
import { closedGoalSetChanges } from './closed-goal-sets.js';

/**
 * What a change does to the goals, in terms of the model rather than the
 * text: formatting, key order, comments and moved files change nothing.
 */
export interface GoalsDiff {
  /** The month the effects on scores are computed for. */
  asOf: string | null;
  goalSets: GoalSetDiff[];
  kpis: KpiDiff[];
  /** Display names of the people named in the diff, by id. */
  people: Record<string, string>;
  /** The first month of the fiscal year in the head's settings, to name FY periods. */
  fiscalYearStart: number;
  /** What the change must not do, such as changing the targets of a closed goal set (`closed-goal-set-changed`), placed in the head's files. */
  problems: Diagnostic[];
  /** Check-ins (进度汇报) added, edited or removed, in team and date order. */
  checkIns: CheckInChange[];
}

export type Value = string | number | null;

export interface FieldChange {
  field: string;
  before: Value;
  after: Value;
  /** For numbers: after − before, and the change as a fraction of before. */
  delta?: number;
  percent?: number | null;
}

export interface GoalSetDiff {
  team: string;
  name: string | null;
  period: string;
  change: 'added' | 'removed' | 'changed';
  goals: GoalDiff[];
  /** The total of the weights before and after, when any weight changed. */
  weightTotal: { before: number; after: number } | null;
  /** The team score before and after, when it changed. */
  score: { before: number | null; after: number | null } | null;
  /** The closing (关闭), before and after, when it changed. */
  closed: Change<SignOffValue> | null;
  /** The reopening, before and after, when it changed. */
  reopened: Change<ReopeningValue> | null;
  /** The review (复盘), before and after, when it changed. */
  review: Change<ReviewValue> | null;
}

/** Something before and after a change; null on the side where it is absent. */
export interface Change<T> {
  before: T | null;
  after: T | null;
}

export interface SignOffValue {
  date: string | null;
  by: string | null;
}

export interface ReopeningValue extends SignOffValue {
  reason: string | null;
}

export interface ReviewValue {
  wentWell: string[];
  toImprove: string[];
  actions: string[];
}

/** A goal's final attainment, decided when its goal set is closed, and why. */
export interface FinalValue {
  attainment: number | null;
  reason: string | null;
}

export interface GoalSummary {
  kpi: string | null;
  unit: string | null;
  target: number | null;
  weight: number | null;
  owner: string | null;
}

export interface GoalDiff {
  id: string;
  title: string;
  change: 'added' | 'removed' | 'renamed' | 'changed';
  renamedFrom: string | null;
  unit: string | null;
  /** The goal as it is after (or was, for a removed goal). */
  summary: GoalSummary;
  fields: FieldChange[];
  breakdown: BreakdownChange[];
  effect: Effect | null;
  /** For a goal added, removed, or whose target or alignment changed: what that does to the goal it rolls up into. */
  rollup: RollupChange | null;
  /** The final attainment and its reason, before and after, when they changed. */
  final: Change<FinalValue> | null;
}

/** Whether the goal a goal rolls up into still adds up after the change. */
export interface RollupChange {
  /** That goal, as team/period/id, and its title. */
  into: string;
  title: string;
  /** What the roll-up check says of it after the change; none when its contributors add up. */
  findings: string[];
  addedUpBefore: boolean;
}

export interface BreakdownChange {
  by: string;
  /** The keys of the enclosing items, for nested breakdowns. */
  within: string[];
  /** The item key, or null when a whole breakdown was added or removed. */
  key: string | null;
  change: 'added' | 'removed' | 'changed';
  fields: FieldChange[];
}

/** What a change does to a goal's score, as of the same month before and after. */
export interface Effect {
  attainment: { before: number | null; after: number | null };
  /** Whether each attainment is the cap for a result that cannot get better ("≥ 120%"). */
  bestPossible: { before: boolean; after: boolean };
  /** For a threshold goal: met, not met, or still open (null), before and after. */
  met: { before: boolean | null; after: boolean | null };
  comparison: { before: Comparison | null; after: Comparison | null };
  status: { before: Status; after: Status };
  score: { before: number | null; after: number | null };
}

export interface KpiDiff {
  id: string;
  name: string | null;
  change: 'added' | 'removed' | 'changed';
  fields: FieldChange[];
  /** The goals that use the KPI, as team/period/goal-id. */
  usedBy: string[];
}

interface Side {
  model: GoalsModel;
  report: ScoreReport | undefined;
}

/** A side of the diff with what the roll-up check finds in it, worked out once and only when a change needs it. */
interface CheckedSide extends Side {
  rollups(): ReadonlyMap<Goal, readonly Diagnostic[]>;
}

function checked(side: Side): CheckedSide {
  let findings: ReadonlyMap<Goal, readonly Diagnostic[]> | undefined;
  return { ...side, rollups: () => (findings ??= rollupFindings(side.model)) };
}

export function diffGoals(baseSide: Side, headSide: Side): GoalsDiff {
  const base = checked(baseSide);
  const head = checked(headSide);
  const goalSets: GoalSetDiff[] = [];
  const key = (set: GoalSet): string => `${set.team}\u0000${set.period?.id ?? set.periodText}`;
  const baseSets = new Map(base.model.goalSets.filter((s) => s.team !== undefined).map((s) => [key(s), s]));
  const headSets = new Map(head.model.goalSets.filter((s) => s.team !== undefined).map((s) => [key(s), s]));
  const keys = [...new Set([...baseSets.keys(), ...headSets.keys()])].sort();
  for (const setKey of keys) {
    const diff = diffGoalSet(base, head, baseSets.get(setKey), headSets.get(setKey));
    if (diff) goalSets.push(diff);
  }
  // Without a prototype, a person called __proto__ or constructor is an ordinary key.
  const people: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const model of [base.model, head.model]) {
    for (const team of model.teams.values()) for (const person of team.members.values()) if (person.name && !Object.hasOwn(people, person.id)) people[person.id] = person.name;
  }
  return {
    asOf: head.report?.asOf ?? base.report?.asOf ?? null,
    goalSets,
    kpis: diffKpis(base.model, head.model),
    people,
    fiscalYearStart: head.model.settings.fiscalYearStart,
    problems: closedGoalSetChanges(base.model, head.model, goalSets),
    checkIns: checkInChanges(base.model, head.model),
  };
}

function diffGoalSet(base: CheckedSide, head: CheckedSide, before: GoalSet | undefined, after: GoalSet | undefined): GoalSetDiff | undefined {
  const set = (after ?? before)!;
  const team = set.team!;
  const period = set.period?.id ?? set.periodText ?? '';
  const name = head.model.teams.get(team)?.name ?? base.model.teams.get(team)?.name ?? null;
  // `currency` is the settings' currency of that version: the diff names it, so that $ reads as $ wherever the diff is shown.
  const unitOf = (model: GoalsModel, goal: Goal): string | null => {
    const unit = goal.kpi === undefined ? null : model.kpis.get(goal.kpi)?.unit ?? null;
    return unit === 'currency' ? model.settings.currency : unit;
  };
  const scoreOf = (side: Side): GoalScoreLookup => lookupScores(side.report, team, period);
  const baseScores = scoreOf(base);
  const headScores = scoreOf(head);

  const goals: GoalDiff[] = [];
  const beforeGoals = new Map((before?.goals ?? []).filter((g) => g.id !== undefined).map((g) => [g.id!, g]));
  const afterGoals = new Map((after?.goals ?? []).filter((g) => g.id !== undefined).map((g) => [g.id!, g]));
  const removed = [...beforeGoals.values()].filter((g) => !afterGoals.has(g.id!));
  const added = [...afterGoals.values()].filter((g) => !beforeGoals.has(g.id!));

  // A goal with a new id but the same KPI and owner as a removed one is a rename.
  const renames = new Map<Goal, Goal>();
  for (const goal of added) {
    const match = removed.find((old) => !renames.has(old) && old.kpi === goal.kpi && old.owner === goal.owner);
    if (match) renames.set(match, goal);
  }
  const renamedTo = new Set(renames.values());

  for (const goal of after?.goals ?? []) {
    if (goal.id === undefined) continue;
    const old = beforeGoals.get(goal.id) ?? [...renames].find(([, to]) => to === goal)?.[0];
    const unit = unitOf(head.model, goal);
    if (!old) {
      goals.push({ ...goalHeader(goal, 'added', null, unit), effect: null, rollup: rollupChange(base, head, undefined, goal), final: finalChange(undefined, goal.final) });
      continue;
    }
    const fields = diffGoalFields(old, goal, renamedTo.has(goal));
    const breakdown = diffBreakdowns(old.breakdowns, goal.breakdowns, []);
    const effect = effectOf(baseScores(old.id!), headScores(goal.id));
    const final = finalChange(old.final, goal.final);
    if (fields.length === 0 && breakdown.length === 0 && !renamedTo.has(goal) && !effect && !final) continue;
    goals.push({
      ...goalHeader(goal, renamedTo.has(goal) ? 'renamed' : 'changed', renamedTo.has(goal) ? old.id! : null, unit),
      fields,
      breakdown,
      effect,
      rollup: fields.some((f) => f.field === 'target' || f.field === 'alignsTo') ? rollupChange(base, head, old, goal) : null,
      final,
    });
  }
  for (const goal of removed) {
    if (renames.has(goal)) continue;
    goals.push({ ...goalHeader(goal, 'removed', null, unitOf(base.model, goal)), effect: null, rollup: rollupChange(base, head, goal, undefined), final: null });
  }

  const total = (goalSet: GoalSet | undefined): number => (goalSet?.goals ?? []).reduce((sum, g) => sum + (g.weight ?? 0), 0);
  const weightChanged = goals.some((g) => g.change === 'added' || g.change === 'removed' || g.fields.some((f) => f.field === 'weight'));
  const teamScore = {
    before: base.report?.teams.find((t) => t.team === team && t.period === period)?.score ?? null,
    after: head.report?.teams.find((t) => t.team === team && t.period === period)?.score ?? null,
  };
  // Only when both versions could be scored: a version with errors has no scores to compare.
  const scoreChanged = base.report !== undefined && head.report !== undefined && before !== undefined && after !== undefined && !sameNumber(teamScore.before, teamScore.after);
  // A goal set removed takes its closing and review with it: the removal says all.
  const closing = {
    closed: after ? change(before?.closed, after.closed, signOffValue) : null,
    reopened: after ? change(before?.reopened, after.reopened, (r) => ({ ...signOffValue(r), reason: r.reason ?? null })) : null,
    review: after ? change(before?.review, after.review, reviewValue) : null,
  };
  if (goals.length === 0 && before && after && !scoreChanged && !closing.closed && !closing.reopened && !closing.review) return undefined;
  return {
    team,
    name,
    period,
    change: !before ? 'added' : !after ? 'removed' : 'changed',
    goals,
    weightTotal: weightChanged && before && after ? { before: total(before), after: total(after) } : null,
    score: scoreChanged ? teamScore : null,
    ...closing,
  };
}

function signOffValue(signOff: SignOff): SignOffValue {
  return { date: signOff.date ?? null, by: signOff.by ?? null };
}

function reviewValue(review: Review): ReviewValue {
  return { wentWell: [...review.wentWell], toImprove: [...review.toImprove], actions: [...review.actions] };
}

function finalChange(before: FinalResult | undefined, after: FinalResult | undefined): Change<FinalValue> | null {
  return change(before, after, (final) => ({ attainment: final.attainment ?? null, reason: final.reason ?? null }));
}

/** The values of something before and after, or null when they are the same (both absent included). */
function change<T, V>(before: T | undefined, after: T | undefined, value: (from: T) => V): Change<V> | null {
  const [b, a] = [before === undefined ? null : value(before), after === undefined ? null : value(after)];
  return JSON.stringify(b) === JSON.stringify(a) ? null : { before: b, after: a };
}

/**
 * What a change of a goal's target does to the goal it rolls up into (the
 * goal it aligns to with the same KPI): whether that goal's contributors
 * still add up, in the words of the roll-up check.
 */
function rollupChange(base: CheckedSide, head: CheckedSide, before: Goal | undefined, after: Goal | undefined): RollupChange | null {
  const parentIn = (side: CheckedSide, goal: Goal | undefined): PlacedGoal | undefined => {
    const parent = goal === undefined ? undefined : alignmentIndex(side.model).parentOf(goal);
    return parent && parent.goal.kpi === goal!.kpi ? parent : undefined;
  };
  const headParent = parentIn(head, after);
  const baseParent = parentIn(base, before);
  const parent = headParent ?? baseParent;
  if (!parent || parent.goal.id === undefined) return null;
  const path = `${parent.goalSet.team}/${parent.goalSet.period?.id ?? parent.goalSet.periodText}/${parent.goal.id}`;
  const samePath = (place: PlacedGoal): boolean => `${place.goalSet.team}/${place.goalSet.period?.id ?? place.goalSet.periodText}/${place.goal.id}` === path;
  const findingsOf = (side: CheckedSide): readonly Diagnostic[] => {
    for (const [goal, diagnostics] of side.rollups()) {
      const place = alignmentIndex(side.model).placeOf(goal);
      if (place && samePath(place)) return diagnostics;
    }
    return [];
  };
  return {
    into: path,
    title: parent.goal.title ?? parent.goal.id,
    findings: findingsOf(head).map((diagnostic) => diagnostic.message),
    addedUpBefore: findingsOf(base).length === 0,
  };
}

function goalHeader(goal: Goal, change: GoalDiff['change'], renamedFrom: string | null, unit: string | null): Omit<GoalDiff, 'effect' | 'rollup' | 'final'> {
  return {
    id: goal.id!,
    title: goal.title ?? goal.id!,
    change,
    renamedFrom,
    unit,
    summary: { kpi: goal.kpi ?? null, unit, target: goal.target ?? null, weight: goal.weight ?? null, owner: goal.owner ?? null },
    fields: [],
    breakdown: [],
  };
}

const goalFields: readonly (keyof Goal)[] = ['title', 'kpi', 'target', 'baseline', 'comparison', 'weight', 'owner', 'due', 'alignsTo', 'notes'];

function diffGoalFields(before: Goal, after: Goal, renamed: boolean): FieldChange[] {
  const changes: FieldChange[] = [];
  if (renamed) changes.push({ field: 'id', before: before.id ?? null, after: after.id ?? null });
  for (const field of goalFields) {
    const change = fieldChange(field, before[field] as Value | undefined, after[field] as Value | undefined);
    if (change) changes.push(change);
  }
  for (const level of ['green', 'amber'] as const) {
    const change = fieldChange(`thresholds.${level}`, before.thresholds?.[level], after.thresholds?.[level]);
    if (change) changes.push(change);
  }
  return changes;
}

function fieldChange(field: string, before: Value | undefined, after: Value | undefined): FieldChange | undefined {
  const b = before ?? null;
  const a = after ?? null;
  if (b === a) return undefined;
  if (typeof b === 'number' && typeof a === 'number') {
    return { field, before: b, after: a, delta: a - b, percent: b === 0 ? null : (a - b) / Math.abs(b) };
  }
  return { field, before: b, after: a };
}

function diffBreakdowns(before: readonly Breakdown[], after: readonly Breakdown[], within: string[]): BreakdownChange[] {
  const changes: BreakdownChange[] = [];
  const byDimension = (list: readonly Breakdown[]) => new Map(list.filter((b) => b.by !== undefined).map((b) => [b.by!, b]));
  const beforeBy = byDimension(before);
  const afterBy = byDimension(after);
  for (const [by, breakdown] of afterBy) {
    const old = beforeBy.get(by);
    if (!old) {
      changes.push({ by, within, key: null, change: 'added', fields: [] });
      continue;
    }
    const oldItems = new Map(old.items.map((item) => [item.key, item]));
    const newItems = new Map(breakdown.items.map((item) => [item.key, item]));
    for (const item of breakdown.items) {
      const previous = oldItems.get(item.key);
      if (!previous) {
        changes.push({ by, within, key: item.key, change: 'added', fields: compact([fieldChange('target', null, item.target), fieldChange('owner', null, item.owner)]) });
        continue;
      }
      const fields = compact([fieldChange('target', previous.target, item.target), fieldChange('owner', previous.owner, item.owner)]);
      if (fields.length > 0) changes.push({ by, within, key: item.key, change: 'changed', fields });
      changes.push(...diffBreakdowns(previous.breakdowns, item.breakdowns, [...within, item.key]));
    }
    for (const item of old.items) {
      if (!newItems.has(item.key)) {
        changes.push({ by, within, key: item.key, change: 'removed', fields: compact([fieldChange('target', item.target, null), fieldChange('owner', item.owner, null)]) });
      }
    }
  }
  for (const by of beforeBy.keys()) if (!afterBy.has(by)) changes.push({ by, within, key: null, change: 'removed', fields: [] });
  return changes;
}

function compact<T>(values: (T | undefined)[]): T[] {
  return values.filter((v): v is T => v !== undefined);
}

type GoalScoreLookup = (id: string) => GoalScore | undefined;

function lookupScores(report: ScoreReport | undefined, team: string, period: string): GoalScoreLookup {
  const teamScore = report?.teams.find((t) => t.team === team && t.period === period);
  return (id) => teamScore?.goals.find((g) => g.id === id);
}

function effectOf(before: GoalScore | undefined, after: GoalScore | undefined): Effect | null {
  if (!before || !after) return null;
  if (
    sameNumber(before.attainment, after.attainment) &&
    before.bestPossible === after.bestPossible &&
    before.met === after.met &&
    before.status === after.status &&
    sameNumber(before.score, after.score)
  ) {
    return null;
  }
  return {
    attainment: { before: before.attainment, after: after.attainment },
    bestPossible: { before: before.bestPossible, after: after.bestPossible },
    met: { before: before.met, after: after.met },
    comparison: { before: before.comparison, after: after.comparison },
    status: { before: before.status, after: after.status },
    score: { before: before.score, after: after.score },
  };
}

function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a));
}

const kpiFields: readonly (keyof Kpi)[] = ['name', 'unit', 'direction', 'aggregate', 'overTime'];

function diffKpis(base: GoalsModel, head: GoalsModel): KpiDiff[] {
  const diffs: KpiDiff[] = [];
  const usedBy = (id: string): string[] =>
    head.goalSets.flatMap((set) => set.goals.filter((g) => g.kpi === id && g.id !== undefined).map((g) => `${set.team}/${set.period?.id ?? set.periodText}/${g.id}`));
  const ids = [...new Set([...base.kpis.keys(), ...head.kpis.keys()])].sort();
  for (const id of ids) {
    const before = base.kpis.get(id);
    const after = head.kpis.get(id);
    if (!before || !after) {
      diffs.push({ id, name: (after ?? before)!.name ?? null, change: before ? 'removed' : 'added', fields: [], usedBy: usedBy(id) });
      continue;
    }
    const fields = compact([
      ...kpiFields.map((field) => fieldChange(field, before[field] as Value | undefined, after[field] as Value | undefined)),
      // Spacing inside a formula is formatting, not a change.
      before.formula?.text.replace(/\s+/g, '') === after.formula?.text.replace(/\s+/g, '') ? undefined : fieldChange('formula', before.formula?.text, after.formula?.text),
    ]);
    if (fields.length > 0) diffs.push({ id, name: after.name ?? null, change: 'changed', fields, usedBy: usedBy(id) });
  }
  return diffs;
}
