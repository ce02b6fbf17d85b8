import { compareDiagnostics, diagnosticAt, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';
import { keySpanOf, spanOf, type Breakdown, type GoalSet, type GoalsModel, type SignOff } from '../model/model.js';
import { formatFigure } from '../text/describe-plan.js';
import type { FieldChange, GoalDiff, GoalSetDiff, Value } from './diff.js';

/**
 * What a closed goal set no longer changes: what its goals ask (KPI, target,
 * baseline, comparison, thresholds), how much each counts, who answers for
 * it, and its breakdowns. Titles, notes, due dates, alignment, work plans,
 * the final attainments and the review may still be edited after closing.
 */
const lockedFields: ReadonlyMap<string, string> = new Map([
  ['kpi', 'KPI'],
  ['target', 'target'],
  ['baseline', 'baseline'],
  ['comparison', 'comparison'],
  ['weight', 'weight'],
  ['owner', 'owner'],
  ['thresholds.green', 'green threshold'],
  ['thresholds.amber', 'amber threshold'],
]);

const reopen = 'Reopen it with `reopened: {date, by, reason}` to change it.';

/**
 * The changes a diff makes to goal sets that were closed in the base, as
 * `closed-goal-set-changed` errors: a closed period's results are final.
 * Only a change that reopens the goal set (adds `reopened`, or a new one)
 * may change it. A goal set reopened in the base is open until it is closed
 * again (`reopened` removed, a new `closed`), so changes to it are free. Each error is placed where the change is in the head; what
 * was removed has no line there, so it is placed at the goal set's `closed`.
 */
export function closedGoalSetChanges(base: GoalsModel, head: GoalsModel, goalSets: readonly GoalSetDiff[]): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const setDiff of goalSets) {
    const before = goalSetOf(base, setDiff);
    if (!before?.closed || before.reopened) continue;
    const after = goalSetOf(head, setDiff);
    if (after && reopens(before, after)) continue;
    const closing = `The goal set ${setDiff.team} ${setDiff.period} was closed${signedOff(before.closed)}`;
    const problem = (span: Span, what: string): Diagnostic => diagnosticAt(span, 'closed-goal-set-changed', `${closing}; ${what}. ${reopen}`);
    if (!after) {
      problems.push(problem(keySpanOf(before.closed.at), 'this change deletes it'));
      continue;
    }
    // Without `closed` in the head, a removal is placed at the period the goal set is for.
    const removed = after.closed ? keySpanOf(after.closed.at) : keySpanOf(after.at, ['period']);
    if (!after.closed) problems.push(problem(removed, 'this change removes its `closed`'));
    for (const goal of setDiff.goals) problems.push(...goalProblems(goal, after, removed, problem));
  }
  return problems.sort(compareDiagnostics);
}

/** The goal set a diff is about in one version; of two for the same team and period, the last, as the diff pairs them. */
function goalSetOf(model: GoalsModel, setDiff: GoalSetDiff): GoalSet | undefined {
  return model.goalSets.findLast((set) => set.team === setDiff.team && (set.period?.id ?? set.periodText ?? '') === setDiff.period);
}

/** Whether the head reopens the goal set: it has a `reopened` that the base does not have. */
function reopens(before: GoalSet, after: GoalSet): boolean {
  const [was, is] = [before.reopened, after.reopened];
  if (!is) return false;
  return !was || was.date !== is.date || was.by !== is.by || was.reason !== is.reason;
}

function signedOff(signOff: SignOff): string {
  return `${signOff.date === undefined ? '' : ` on ${signOff.date}`}${signOff.by === undefined ? '' : ` by ${signOff.by}`}`;
}

function shown(value: Value): string {
  return typeof value === 'number' ? formatFigure(value) : String(value);
}

/** What happened to a field, after "the target of q3-revenue". */
function changed(field: FieldChange): string {
  if (field.before === null) return `was set to ${shown(field.after)}`;
  if (field.after === null) return `was removed (it was ${shown(field.before)})`;
  return `changed from ${shown(field.before)} to ${shown(field.after)}`;
}

function goalProblems(goal: GoalDiff, after: GoalSet, removed: Span, problem: (span: Span, what: string) => Diagnostic): Diagnostic[] {
  if (goal.change === 'removed') return [problem(removed, `the goal ${goal.id} was removed`)];
  const headGoal = after.goals.find((g) => g.id === goal.id);
  if (!headGoal) return [];
  if (goal.change === 'added') return [problem(spanOf(headGoal.at, ['id']), `the goal ${goal.id} was added`)];
  const problems: Diagnostic[] = [];
  if (goal.change === 'renamed') problems.push(problem(spanOf(headGoal.at, ['id']), `the goal ${goal.renamedFrom} was renamed to ${goal.id}`));
  for (const field of goal.fields) {
    const label = lockedFields.get(field.field);
    if (label === undefined) continue;
    const span = field.after === null ? removed : spanOf(headGoal.at, field.field.split('.'));
    problems.push(problem(span, `the ${label} of ${goal.id} ${changed(field)}`));
  }
  for (const change of goal.breakdown) {
    const of = `the breakdown by ${change.by} of ${[goal.id, ...change.within].join(' › ')}`;
    const breakdown = findBreakdown(headGoal.breakdowns, change.within, change.by);
    if (change.key === null) {
      problems.push(
        change.change === 'added' && breakdown ? problem(spanOf(breakdown.at, ['by']), `${of} was added`) : problem(removed, `${of} was removed`),
      );
      continue;
    }
    const item = breakdown?.items.find((each) => each.key === change.key);
    if (change.change === 'removed' || !item) {
      problems.push(problem(removed, `${change.key} was removed from ${of}`));
    } else if (change.change === 'added') {
      problems.push(problem(keySpanOf(item.at), `${change.key} was added to ${of}`));
    } else {
      for (const field of change.fields) {
        // `zhang.min: 150` writes the item's target as its value.
        const span = field.after === null ? removed : field.field === 'target' && item.shorthand ? spanOf(item.at) : spanOf(item.at, [field.field]);
        problems.push(problem(span, `the ${field.field} of ${change.key} in ${of} ${changed(field)}`));
      }
    }
  }
  return problems;
}

/** The breakdown by `by` under the items `within` (keys of enclosing items, outermost first). */
function findBreakdown(breakdowns: readonly Breakdown[], within: readonly string[], by: string): Breakdown | undefined {
  if (within.length === 0) return breakdowns.find((breakdown) => breakdown.by === by);
  for (const breakdown of breakdowns) {
    const item = breakdown.items.find((each) => each.key === within[0]);
    const found = item && findBreakdown(item.breakdowns, within.slice(1), by);
    if (found) return found;
  }
  return undefined;
}
