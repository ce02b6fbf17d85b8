import { createFormatter } from '../text/format.js';
import { escapeTerminal } from '../text/terminal.js';
import type { GoalEvent } from './goal-history.js';

// Units name their currency (the diff resolves `currency` to the settings' one), so the default is never used.
const format = createFormatter('en', 'CNY', 'none');

function describe(event: GoalEvent): string {
  const value = (v: GoalEvent['before'], field: GoalEvent['field']): string =>
    v === null ? 'none' : typeof v === 'number' ? (field === 'weight' ? format.plain(v) : format.value(v, event.unit)) : v;
  switch (event.kind) {
    case 'created':
      return `created with target ${value(event.after, 'target')}`;
    case 'removed':
      return 'removed';
    case 'renamed':
      return `renamed from ${String(event.before)}`;
    case 'changed': {
      const change = `${event.field} ${value(event.before, event.field)} → ${value(event.after, event.field)}`;
      if (event.field === 'target' && typeof event.before === 'number' && typeof event.after === 'number' && event.before !== 0) {
        return `${change} (${format.signedPercent((event.after - event.before) / Math.abs(event.before))})`;
      }
      return change;
    }
  }
}

/**
 * The history grouped by goal, one line per event: date, author, change, and
 * the commit message as the reason. Authors and messages come from git and
 * ids, titles and units from the files, so each line is escaped for the
 * terminal once it is written.
 */
export function formatHistory(events: readonly GoalEvent[]): string {
  if (events.length === 0) return 'No history: no commit changed these goals.\n';
  const groups = new Map<string, GoalEvent[]>();
  for (const event of events) {
    const key = `${event.team}/${event.period}`;
    groups.set(key, [...(groups.get(key) ?? []), event]);
  }
  const lines: string[] = [];
  for (const [key, list] of groups) {
    lines.push(key);
    const authorWidth = list.reduce((width, e) => Math.max(width, e.commit.author.length), 0);
    for (const event of list) {
      lines.push(
        `  ${event.commit.date.slice(0, 10)}  ${event.commit.author.padEnd(authorWidth)}  ${event.id} “${event.title}”: ${describe(event)} — ${event.commit.subject} (${event.commit.hash.slice(0, 7)})`,
      );
    }
    lines.push('');
  }
  return `${lines.map(escapeTerminal).join('\n').trimEnd()}\n`;
}
