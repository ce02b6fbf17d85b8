import type { PulledRowProblem } from './check-pulled-rows.js';
import type { MonthFile } from './month-files.js';
import type { PulledRow, RowOrigin } from './pulled-file.js';
import type { QueryFailure, RowProblem } from './run-queries.js';

/**
 * What `goalpost pull` says, as lines: the caller escapes each for the
 * terminal (a team name may hold a line break, which must not start a line). Values are shown as the file holds them (exact, unformatted), so
 * that what is read here is what is committed.
 */

function rowLabel(row: PulledRow): string {
  return [row.team, row.kpi, ...[...row.dimensions].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, value]) => `${name}=${value}`)].join(' ');
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function summary(file: MonthFile): string {
  const { added, changed, removed } = file.changes;
  const parts = [added.length > 0 && `${added.length} added`, changed.length > 0 && `${changed.length} changed`, removed.length > 0 && `${removed.length} removed`].filter(Boolean);
  return parts.length === 0 ? 'no row changes' : parts.join(', ');
}

/** `--dry-run`: what each month's file would become, row by row. */
export function formatDryRun(files: readonly MonthFile[]): string[] {
  const lines: string[] = [];
  for (const file of files) {
    if (!file.changed) {
      lines.push(`${file.path}: no change (${count(file.rows.length, 'row')}).`);
      continue;
    }
    lines.push(`${file.path} would be ${file.exists ? 'changed' : 'created'}: ${summary(file)}.`);
    for (const row of file.changes.added) lines.push(`  added    ${rowLabel(row)}: ${row.value}`);
    for (const { row, before } of file.changes.changed) lines.push(`  changed  ${rowLabel(row)}: ${before} → ${row.value}`);
    for (const row of file.changes.removed) lines.push(`  removed  ${rowLabel(row)}: ${row.value}`);
  }
  lines.push('Nothing was written (--dry-run).');
  return lines;
}

/** After writing: one line per month. */
export function formatWritten(files: readonly MonthFile[]): string[] {
  return files.map((file) => (file.changed ? `Wrote ${file.path}: ${count(file.rows.length, 'row')} (${summary(file)}).` : `${file.path} is up to date (${count(file.rows.length, 'row')}).`));
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 79)}…` : value);
  if (typeof value === 'object' && 'decimal' in value) return String((value as { decimal: unknown }).decimal);
  return String(value);
}

/** The query that returned a row, and the row as it returned it. */
export function describeOrigin(origin: RowOrigin): string {
  const cells = Object.entries(origin.cells).map(([column, value]) => `${column} ${cellText(value)}`);
  return `${origin.kpi} from ${origin.source}, ${origin.month}, returned ${cells.join(', ')}`;
}

/** Rows that cannot be written, each with the query that returned it and what is wrong. */
export function formatRowProblems(rowProblems: readonly RowProblem[], validation: readonly PulledRowProblem[]): string[] {
  const groups = new Map<string, string[]>();
  const add = (heading: string, line: string): void => {
    groups.set(heading, [...(groups.get(heading) ?? []), line]);
  };
  for (const { origin, problem } of rowProblems) add(describeOrigin(origin), problem);
  for (const { diagnostic: d, row } of validation) {
    const heading = row?.origin ? describeOrigin(row.origin) : row ? `a row kept from the file: ${rowLabel(row)}: ${row.value}` : 'elsewhere in the goals';
    add(heading, `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
  }
  const lines = ['goalpost: the pulled rows do not fit the goals, so nothing was written:'];
  for (const [heading, problems] of groups) {
    lines.push(`  ${heading}:`);
    for (const problem of problems) lines.push(`    ${problem}`);
  }
  return lines;
}

/** A driver's message on one line, ending as a sentence: some (DuckDB's) span several lines with the query under them. */
function sentence(message: string): string {
  const text = message.replace(/\s+/g, ' ').trim();
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Queries that gave no rows, each with its source and KPI; the files of their months are left as they are. */
export function formatFailures(failures: readonly QueryFailure[], pulledPath: (month: string) => string, timeoutSeconds: number): string[] {
  return failures.map((failure) => {
      if (failure.month === undefined) {
        const what = failure.reason === 'timeout' ? `no answer within ${timeoutSeconds} s (--timeout).` : `cannot connect: ${sentence(failure.message)}`;
        return `goalpost: ${failure.source}: ${what} Nothing was pulled from it (${failure.kpis.join(', ')}); the files of the months asked for are left as they were.`;
      }
      const what = failure.reason === 'timeout' ? `the query did not finish within ${timeoutSeconds} s (--timeout).` : `the query failed: ${sentence(failure.message)}`;
      return `goalpost: ${failure.kpis.join(', ')} from ${failure.source}, ${failure.month}: ${what} ${pulledPath(failure.month)} is left as it was.`;
  });
}
