import { escapeMarkdown, markdownCode } from '../render/escape.js';
import { formatCheckInChanges } from './check-ins.js';
import { labelsByLocale } from '../render/labels.js';
import { scoreWords } from '../render/score-words.js';
import { createFormatter } from '../text/format.js';
import { escapeTerminal } from '../text/terminal.js';
import type {
  BreakdownChange,
  Change,
  Effect,
  FieldChange,
  FinalValue,
  GoalDiff,
  GoalsDiff,
  GoalSetDiff,
  KpiDiff,
  ReopeningValue,
  ReviewValue,
  RollupChange,
  SignOffValue,
  Value,
} from './diff.js';

export type DiffFormat = 'text' | 'md';

/** The diff in words a reviewer understands, as plain text or as Markdown for a pull-request comment. */
export function formatDiff(diff: GoalsDiff, as: DiffFormat): string {
  // Units name their currency (diff.ts resolves `currency` to the settings' one), so the default is never used.
  const format = createFormatter('en', 'CNY', 'no data', diff.fiscalYearStart);
  const words = scoreWords(labelsByLocale.en, format);
  const md = as === 'md';
  // Every user string (ids, titles, names, keys, and numbers, which show the catalog's units) is placed through
  // `text` or `code`. Markdown escapes each where it is placed; a terminal line needs only its acting characters
  // shown, which goalpost's own words never hold, so text lines are escaped whole, once, at the end.
  const text = (userText: string): string => (md ? escapeMarkdown(userText) : userText);
  const code = (userText: string): string => (md ? markdownCode(userText) : userText);
  const quote = (userText: string): string => `“${text(userText)}”`;
  const person = (id: Value): string => {
    if (typeof id !== 'string') return 'nobody';
    const name = Object.hasOwn(diff.people, id) ? diff.people[id]! : undefined;
    return name === undefined ? text(id) : `${text(id)} (${text(name)})`;
  };
  const lines: string[] = [];

  const value = (field: string, v: Value, unit: string | null): string => {
    if (v === null) return 'none';
    if (field === 'owner') return person(v);
    if (typeof v === 'number') return text(field === 'target' || field === 'baseline' ? format.value(v, unit) : format.plain(v));
    return field === 'title' || field === 'notes' ? quote(v) : code(v);
  };

  const describeField = (change: FieldChange, unit: string | null): string => {
    const label = change.field === 'thresholds.green' ? 'green threshold' : change.field === 'thresholds.amber' ? 'amber threshold' : change.field;
    const name = label.charAt(0).toUpperCase() + label.slice(1);
    if (change.before === null) return `${name} set to ${value(change.field, change.after, unit)}`;
    if (change.after === null) return `${name} removed (was ${value(change.field, change.before, unit)})`;
    if (change.delta !== undefined && (change.field === 'target' || change.field === 'baseline')) {
      const verb = change.delta > 0 ? 'raised' : 'lowered';
      const percent = change.percent === null || change.percent === undefined ? '' : `, ${format.signedPercent(change.percent)}`;
      return `${name} ${verb} from ${value(change.field, change.before, unit)} to ${value(change.field, change.after, unit)} (${text(format.signed(change.delta, unit))}${percent})`;
    }
    return `${name} changed from ${value(change.field, change.before, unit)} to ${value(change.field, change.after, unit)}`;
  };

  const describeBreakdown = (change: BreakdownChange, unit: string | null): string => {
    const where = `Breakdown by ${text(change.by)}${change.within.length > 0 ? ` of ${change.within.map(code).join(' › ')}` : ''}`;
    if (change.key === null) return `${where} ${change.change}`;
    const key = change.by === 'owner' ? person(change.key) : code(change.key);
    const target = change.fields.find((f) => f.field === 'target');
    if (change.change === 'added') return `${where}: ${key} added${target?.after != null ? ` with ${value('target', target.after, unit)}` : ''}`;
    if (change.change === 'removed') return `${where}: ${key} removed${target?.before != null ? ` (was ${value('target', target.before, unit)})` : ''}`;
    return `${where}: ${key} ${change.fields.map((f) => describeField(f, unit).replace(/^./, (c) => c.toLowerCase())).join(', ')}`;
  };

  /** What a change does to a goal's score, or undefined when nothing shows at the scorecards' precision. */
  const describeEffect = (effect: Effect): string | undefined => {
    const parts: string[] = [];
    const side = (when: 'before' | 'after') => ({ attainment: effect.attainment[when], bestPossible: effect.bestPossible[when], met: effect.met[when] });
    const attainment = { before: words.attainment(side('before'), effect.comparison.before), after: words.attainment(side('after'), effect.comparison.after) };
    if (attainment.before !== attainment.after) parts.push(`attainment ${attainment.before} → ${attainment.after}`);
    if (effect.status.before !== effect.status.after) parts.push(`status ${effect.status.before} → ${effect.status.after}`);
    const points = { before: format.points(effect.score.before), after: format.points(effect.score.after) };
    if (points.before !== points.after) parts.push(`weighted score ${points.before} → ${points.after}`);
    if (parts.length === 0) return undefined;
    return `Effect as of ${diff.asOf === null ? 'no actuals' : format.month(diff.asOf)}: ${parts.join(', ')}`;
  };

  /** Whether the goal this one rolls up into still adds up, in the roll-up check's words when it does not. */
  const describeRollup = (rollup: RollupChange): string => {
    const into = `Rolls up into ${code(rollup.into)} ${quote(rollup.title)}`;
    if (rollup.findings.length > 0) return `${into}: ${text(rollup.findings.join(' '))}`;
    return `${into}, which ${rollup.addedUpBefore ? 'still' : 'now'} adds up`;
  };

  const goalLine = (goal: GoalDiff): string => {
    const title = `${code(goal.id)} ${quote(goal.title)}`;
    const s = goal.summary;
    switch (goal.change) {
      case 'added':
        return `Added goal ${title}: KPI ${code(s.kpi ?? '?')}, target ${value('target', s.target, goal.unit)}, weight ${s.weight ?? '?'}, owner ${person(s.owner)}`;
      case 'removed':
        return `Removed goal ${title} (target ${value('target', s.target, goal.unit)}, weight ${s.weight ?? '?'}, owner ${person(s.owner)})`;
      case 'renamed':
        return `Renamed goal ${code(goal.renamedFrom!)} to ${title}`;
      case 'changed':
        return `Changed goal ${title}`;
    }
  };

  const setHeading = (set: GoalSetDiff): string => {
    const name = set.name ? `${text(set.name)} (${text(set.team)})` : text(set.team);
    const what = set.change === 'added' ? 'New goal set: ' : set.change === 'removed' ? 'Removed goal set: ' : '';
    // The period is the file's own text when it is not a valid period.
    return `${what}${name} · ${text(format.period(set.period))}`;
  };

  const bullet = (depth: number, item: string): string => `${'  '.repeat(depth)}${md ? '- ' : depth === 0 ? '' : '- '}${item}`;

  const signOff = (value: SignOffValue): string => `on ${text(value.date ?? '?')} by ${person(value.by)}`;

  /** The closing and the reopening of a goal set, which sign its results off and open them again. */
  const describeClosed = (change: Change<SignOffValue>): string => {
    if (!change.before) return `Closed ${signOff(change.after!)}`;
    if (!change.after) return `Closing removed (was closed ${signOff(change.before)})`;
    return `Closing changed: closed ${signOff(change.after)} (was ${signOff(change.before)})`;
  };
  const describeReopened = (change: Change<ReopeningValue>): string => {
    const reason = (value: ReopeningValue): string => (value.reason === null ? '' : `: ${quote(value.reason)}`);
    if (!change.after) return `Reopening removed (was reopened ${signOff(change.before!)}${reason(change.before!)})`;
    const was = change.before ? ` (replaces the reopening ${signOff(change.before)})` : '';
    return `Reopened ${signOff(change.after)}${reason(change.after)}${was}`;
  };
  const describeReview = (change: Change<ReviewValue>): string => {
    if (!change.after) return 'Review removed';
    const { wentWell, toImprove, actions } = change.after;
    return `${change.before ? 'Review edited' : 'Review added'} (went well: ${wentWell.length}, to improve: ${toImprove.length}, actions: ${actions.length})`;
  };
  /** The attainment a review decided counts for a goal, in place of the computed one. */
  const describeFinal = (change: Change<FinalValue>): string => {
    const attainment = (value: FinalValue): string => format.percent(value.attainment);
    const reason = (value: FinalValue): string => (value.reason === null ? '' : ` (reason: ${quote(value.reason)})`);
    const { before, after } = change;
    if (!after) return `Final attainment removed (was ${attainment(before!)})`;
    if (!before) return `Final attainment set to ${attainment(after)}${reason(after)}`;
    if (before.attainment === after.attainment) return `Reason for the final attainment of ${attainment(after)} changed to ${quote(after.reason ?? '')} (was ${quote(before.reason ?? '')})`;
    return `Final attainment changed from ${attainment(before)} to ${attainment(after)}${reason(after)}`;
  };

  if (diff.goalSets.length === 0 && diff.kpis.length === 0 && diff.checkIns.length === 0) return 'No changes to the goals.\n';

  // What the change must not do comes first, where a reviewer cannot miss it.
  for (const problem of diff.problems) {
    const [icon, label] = problem.severity === 'error' ? ['❌', 'Error'] : ['⚠️', 'Warning'];
    const message = text(problem.message.replace(/^./, (c) => c.toLowerCase()));
    const where = code(`${problem.file}:${problem.line}:${problem.column}`);
    lines.push(md ? `- ${icon} **${label}:** ${message} (${where})` : `${label}: ${message} (${where})`);
  }
  if (diff.problems.length > 0) lines.push('');

  for (const set of diff.goalSets) {
    lines.push(md ? `#### ${setHeading(set)}` : setHeading(set));
    if (md) lines.push('');
    if (set.closed) lines.push(bullet(md ? 0 : 1, describeClosed(set.closed)));
    if (set.reopened) lines.push(bullet(md ? 0 : 1, describeReopened(set.reopened)));
    for (const goal of set.goals) {
      const details = [
        ...goal.fields.filter((f) => f.field !== 'id').map((field) => describeField(field, goal.unit)),
        ...goal.breakdown.map((change) => describeBreakdown(change, goal.unit)),
      ];
      if (goal.final) details.push(describeFinal(goal.final));
      const effect = goal.effect ? describeEffect(goal.effect) : undefined;
      if (effect !== undefined) details.push(effect);
      if (goal.rollup) details.push(describeRollup(goal.rollup));
      if (goal.change === 'changed' && details.length === 0) continue;
      lines.push(bullet(md ? 0 : 1, goalLine(goal)));
      for (const detail of details) lines.push(bullet(md ? 1 : 2, detail));
    }
    if (set.weightTotal) {
      const { before, after } = set.weightTotal;
      const note = after === 100 ? '' : md ? ' ⚠️ not 100' : ' (not 100)';
      lines.push(bullet(md ? 0 : 1, `Weights now total ${format.plain(after)}${before !== after ? ` (were ${format.plain(before)})` : ''}${note}`));
    }
    if (set.score) lines.push(bullet(md ? 0 : 1, `Team score ${format.percent(set.score.before)} → ${format.percent(set.score.after)}`));
    if (set.review) lines.push(bullet(md ? 0 : 1, describeReview(set.review)));
    lines.push('');
  }
  if (diff.kpis.length > 0) {
    lines.push(md ? '#### KPI catalog' : 'KPI catalog');
    if (md) lines.push('');
    for (const kpi of diff.kpis) {
      lines.push(bullet(md ? 0 : 1, kpiLine(kpi, text, code)));
      for (const field of kpi.fields) lines.push(bullet(md ? 1 : 2, describeField(field, null)));
      if (kpi.usedBy.length > 0) lines.push(bullet(md ? 1 : 2, `Used by ${kpi.usedBy.map(code).join(', ')}`));
    }
    lines.push('');
  }
  if (diff.checkIns.length > 0) {
    lines.push(md ? '#### Check-ins' : 'Check-ins');
    if (md) lines.push('');
    lines.push(...formatCheckInChanges(diff.checkIns, as).map((line) => (md ? line : `  ${line.replace(/^- /, '')}`)));
    lines.push('');
  }
  return `${(md ? lines : lines.map(escapeTerminal)).join('\n').trimEnd()}\n`;
}

function kpiLine(kpi: KpiDiff, text: (userText: string) => string, code: (userText: string) => string): string {
  const name = kpi.name ? ` (${text(kpi.name)})` : '';
  const verb = kpi.change === 'added' ? 'Added KPI' : kpi.change === 'removed' ? 'Removed KPI' : 'Changed KPI';
  return `${verb} ${code(kpi.id)}${name}`;
}
