import { diffGoals, type Value } from '../diff/diff.js';
import type { Commit } from '../git/git.js';
import { buildModel } from '../load/build-model.js';
import type { GoalsModel } from '../model/model.js';

/** One event in the life of a goal: when it was set up, and each change to its target, weight, owner or id. */
export interface GoalEvent {
  team: string;
  period: string;
  /** The goal's id after the event. */
  id: string;
  title: string;
  kind: 'created' | 'changed' | 'renamed' | 'removed';
  /** For `changed` and `renamed`: what changed; for `created`: null. */
  field: 'target' | 'weight' | 'owner' | 'id' | null;
  before: Value;
  after: Value;
  unit: string | null;
  commit: Commit;
}

export interface Version {
  commit: Commit;
  /** The goals as of the commit. */
  model: GoalsModel;
  /**
   * The goals before and after the commit, narrowed to what it can have
   * changed (the goal sets of the files it touched, and the KPI catalog and
   * settings that units come from), when the version knows it: comparing
   * them gives the events that comparing whole models gives, at the cost of
   * the change rather than of the repository.
   */
  changed?: { before: GoalsModel; after: GoalsModel };
}

const tracked = new Set(['target', 'weight', 'owner']);

/**
 * The history of targets, weights and owners, from successive versions of the
 * repository (oldest first). Each version is compared with the one before it
 * the way `goalpost diff` compares them, so reformatting and moving files
 * leave no trace, and a renamed goal keeps its history.
 */
export function goalHistory(versions: readonly Version[]): GoalEvent[] {
  const events: GoalEvent[] = [];
  versions.forEach((version, index) => {
    const { before, after } = version.changed ?? { before: versions[index - 1]?.model ?? buildModel([]), after: version.model };
    // One by one: the first commit of a large company creates more goals than a call can take as arguments.
    for (const event of eventsBetween(before, after, version.commit)) events.push(event);
  });
  return events;
}

/** The events of one commit: what changed between the goals before it and after it. */
function eventsBetween(before: GoalsModel, after: GoalsModel, commit: Commit): GoalEvent[] {
  const events: GoalEvent[] = [];
  const diff = diffGoals({ model: before, report: undefined }, { model: after, report: undefined });
  for (const set of diff.goalSets) {
    for (const goal of set.goals) {
      const base = { team: set.team, period: set.period, id: goal.id, title: goal.title, unit: goal.unit, commit };
      if (goal.change === 'added') {
        events.push({ ...base, kind: 'created', field: null, before: null, after: goal.summary.target });
        continue;
      }
      if (goal.change === 'removed') {
        events.push({ ...base, kind: 'removed', field: null, before: goal.summary.target, after: null });
        continue;
      }
      if (goal.change === 'renamed') events.push({ ...base, kind: 'renamed', field: 'id', before: goal.renamedFrom, after: goal.id });
      for (const field of goal.fields) {
        if (!tracked.has(field.field)) continue;
        events.push({ ...base, kind: 'changed', field: field.field as GoalEvent['field'], before: field.before, after: field.after });
      }
    }
  }
  return events;
}

/**
 * The events of one goal, following renames back: `id` is the goal's current
 * id; events recorded under earlier ids are included.
 */
export function eventsOfGoal(events: readonly GoalEvent[], team: string, period: string, id: string): GoalEvent[] {
  const ids = new Set([id]);
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.team === team && event.period === period && event.kind === 'renamed' && ids.has(event.id)) ids.add(String(event.before));
  }
  return events.filter((event) => event.team === team && event.period === period && (ids.has(event.id) || (event.kind === 'renamed' && ids.has(String(event.before)))));
}

export interface TargetRevision {
  /** The commit date, YYYY-MM-DD in the committer's time zone. */
  date: string;
  from: number;
  to: number;
}

/**
 * The target changes of each goal that were committed during its period, by
 * `team/period/id`: what a scorecard shows as "target revised on DATE from X".
 */
export function targetRevisions(events: readonly GoalEvent[], monthsOf: (period: string) => readonly string[] | undefined): Map<string, TargetRevision[]> {
  const revisions = new Map<string, TargetRevision[]>();
  for (const event of events) {
    if (event.kind !== 'changed' || event.field !== 'target' || typeof event.before !== 'number' || typeof event.after !== 'number') continue;
    const date = event.commit.date.slice(0, 10);
    if (!monthsOf(event.period)?.includes(date.slice(0, 7))) continue;
    const key = `${event.team}/${event.period}/${event.id}`;
    const list = revisions.get(key) ?? [];
    list.push({ date, from: event.before, to: event.after });
    revisions.set(key, list);
  }
  // A goal renamed after its target changed keeps its revisions under its current id.
  for (const event of events) {
    if (event.kind !== 'renamed') continue;
    const from = `${event.team}/${event.period}/${String(event.before)}`;
    const to = `${event.team}/${event.period}/${event.id}`;
    const moved = revisions.get(from);
    if (moved) {
      revisions.set(to, [...(revisions.get(to) ?? []), ...moved]);
      revisions.delete(from);
    }
  }
  return revisions;
}
