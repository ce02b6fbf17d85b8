import type { CheckIn, GoalsModel } from '../model/model.js';
import { escapeMarkdown, markdownCode } from '../render/escape.js';
import { checkInsByTeam, netConfidence } from '../score/check-ins.js';
import { createFormatter } from '../text/format.js';

/** What a change does to one check-in (进度汇报), for the pull-request comment. */
export interface CheckInChange {
  team: string;
  date: string;
  change: 'added' | 'changed' | 'removed';
  /** The goals the check-in speaks of (as it was, for a removed one). */
  goals: number;
  /** Over the check-in's own confidences (see netConfidence); null when none is given. */
  netConfidence: number | null;
  /**
   * The confidences that differ: for an added check-in, from each goal's
   * previous confidence (in the latest earlier-dated check-in that speaks of
   * it; none when this is the team's first), null before when none did;
   * for a changed one, from the check-in as it was, null where a goal was
   * added or removed; none for a removed one. In the check-in's goal order.
   */
  confidence: { goal: string; title: string; before: number | null; after: number | null }[];
}

const key = (team: string, date: string): string => `${team}\u0000${date}`;

/** The check-ins that can be compared (team and a valid date read), by team and date; the first of a duplicate, which validation refuses. */
function byKey(model: GoalsModel): Map<string, CheckIn> {
  const map = new Map<string, CheckIn>();
  for (const [team, list] of checkInsByTeam(model)) {
    for (const checkIn of list) if (!map.has(key(team, checkIn.date!))) map.set(key(team, checkIn.date!), checkIn);
  }
  return map;
}

/** What a reader sees of a check-in: moving the file, reordering goals or editing comments changes none of it. */
function contents(checkIn: CheckIn): string {
  const goals = [...checkIn.goals]
    .sort((a, b) => (a.goal < b.goal ? -1 : a.goal > b.goal ? 1 : 0))
    .map(({ goal, confidence, status, note, blockers, next, owner }) => [goal, confidence ?? null, status ?? null, note ?? null, blockers, next, owner ?? null]);
  return JSON.stringify([checkIn.author ?? null, goals]);
}

function confidences(checkIn: CheckIn): Map<string, number | null> {
  return new Map(checkIn.goals.map((update) => [update.goal, update.confidence ?? null]));
}

/** The title of a goal of the team in a goal set covering the date, the shortest period first (the quarter's rather than the year's); else its id. */
function titleIn(model: GoalsModel, team: string, date: string, goal: string): string {
  const month = date.slice(0, 7);
  const covering = model.goalSets
    .filter((goalSet) => goalSet.team === team && goalSet.period?.months.includes(month))
    .sort((a, b) => a.period!.months.length - b.period!.months.length);
  for (const goalSet of covering) {
    const found = goalSet.goals.find((each) => each.id === goal);
    if (found) return found.title ?? goal;
  }
  return goal;
}

/** The confidences that differ between two maps of them, in the order of `after`'s goals, then the goals only `before` had. */
function differences(model: GoalsModel, checkIn: CheckIn, before: ReadonlyMap<string, number | null>, after: ReadonlyMap<string, number | null>): CheckInChange['confidence'] {
  const goals = [...after.keys(), ...[...before.keys()].filter((goal) => !after.has(goal))];
  return goals.flatMap((goal) => {
    const was = before.get(goal) ?? null;
    const now = after.get(goal) ?? null;
    return was === now ? [] : [{ goal, title: titleIn(model, checkIn.team!, checkIn.date!, goal), before: was, after: now }];
  });
}

/**
 * Each goal's confidence before a new check-in: its latest earlier one, in
 * whichever check-in last spoke of it, as scorecards show it. A goal the new
 * check-in leaves out keeps its confidence, so it is not a change.
 */
function previousConfidences(earlier: readonly CheckIn[], checkIn: CheckIn): Map<string, number | null> {
  const previous = new Map<string, number | null>();
  for (const update of checkIn.goals) {
    const last = earlier.findLast((each) => each.goals.some((g) => g.goal === update.goal && g.confidence !== undefined));
    previous.set(update.goal, last?.goals.find((g) => g.goal === update.goal)?.confidence ?? null);
  }
  return previous;
}

function summary(checkIn: CheckIn): Pick<CheckInChange, 'team' | 'date' | 'goals' | 'netConfidence'> {
  return {
    team: checkIn.team!,
    date: checkIn.date!,
    goals: checkIn.goals.length,
    netConfidence: netConfidence(checkIn.goals.map((update) => update.confidence ?? null)),
  };
}

/** The check-ins a change adds, edits or removes, by team and then date. */
export function checkInChanges(base: GoalsModel, head: GoalsModel): CheckInChange[] {
  const before = byKey(base);
  const after = byKey(head);
  const headByTeam = checkInsByTeam(head);
  const changes: CheckInChange[] = [];
  for (const [id, checkIn] of after) {
    const was = before.get(id);
    if (!was) {
      const earlier = (headByTeam.get(checkIn.team!) ?? []).filter((each) => each.date! < checkIn.date!);
      changes.push({
        ...summary(checkIn),
        change: 'added',
        confidence: earlier.length === 0 ? [] : differences(head, checkIn, previousConfidences(earlier, checkIn), confidences(checkIn)),
      });
    } else if (contents(was) !== contents(checkIn)) {
      changes.push({ ...summary(checkIn), change: 'changed', confidence: differences(head, checkIn, confidences(was), confidences(checkIn)) });
    }
  }
  for (const [id, checkIn] of before) {
    if (!after.has(id)) changes.push({ ...summary(checkIn), change: 'removed', confidence: [] });
  }
  return changes.sort((a, b) => (a.team < b.team ? -1 : a.team > b.team ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The changes as lines, plain or Markdown, in the style of the rest of the
 * diff: a line per check-in, then one per confidence that moved. In
 * Markdown ids are code and titles escaped text; plain lines are left for
 * the caller to escape for the terminal, as it does every line of the diff.
 */
export function formatCheckInChanges(changes: readonly CheckInChange[], as: 'text' | 'md'): string[] {
  const md = as === 'md';
  // Net confidence is a whole number of points; the one formatter gives it its sign ("+33", "-20").
  const format = createFormatter('en', 'CNY');
  const text = (userText: string): string => (md ? escapeMarkdown(userText) : userText);
  const code = (userText: string): string => (md ? markdownCode(userText) : userText);
  const score = (value: number | null): string => (value === null ? 'none' : String(value));
  const lines: string[] = [];
  for (const change of changes) {
    const goals = `${change.goals} ${change.goals === 1 ? 'goal' : 'goals'}`;
    const net = change.netConfidence === null ? '' : `, net confidence ${format.signed(change.netConfidence, null)}`;
    const what =
      change.change === 'added'
        ? `check-in of ${change.date}: ${goals}${net}`
        : change.change === 'changed'
          ? `check-in of ${change.date} edited: ${goals}${net}`
          : `check-in of ${change.date} removed (${goals})`;
    lines.push(`${md ? '- ' : ''}${code(change.team)} · ${what}`);
    for (const { goal, title, before, after } of change.confidence) {
      const moved =
        before === null
          ? change.change === 'added'
            ? `confidence ${score(after)} (not in the previous check-in)`
            : `confidence ${score(after)} (added)`
          : after === null
            ? `confidence removed (was ${score(before)})`
            : `confidence ${score(before)} → ${score(after)}`;
      lines.push(`  - ${code(goal)} “${text(title)}”: ${moved}`);
    }
  }
  return lines;
}
