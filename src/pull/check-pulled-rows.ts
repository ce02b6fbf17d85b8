import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RepositoryFile } from '../load/load-file.js';
import { validateRepository } from '../validate.js';
import { withMonthFiles, type MonthFile } from './month-files.js';
import type { PulledRow } from './pulled-file.js';

/** A problem the pulled rows would bring into the repository, with the row that brings it when it is known. */
export interface PulledRowProblem {
  diagnostic: Diagnostic;
  row: PulledRow | undefined;
}

/**
 * Validates the repository as it would be with the new pulled files: the
 * rest of the goals decide whether a row fits (a known team, KPI and person,
 * no second value for a row of a hand-written file). The repository had no
 * errors before, so every error now comes from the new rows. A dimension
 * value that no breakdown knows is only a warning in a hand-written file, but
 * from a query it usually means the query is wrong ("North " for "north"),
 * so it stops the pull too.
 */
export function checkPulledRows(files: readonly RepositoryFile[], months: readonly MonthFile[]): PulledRowProblem[] {
  const { diagnostics } = validateRepository(withMonthFiles(files, months));
  const byPath = new Map(months.map((month) => [month.path, month]));
  const problems: PulledRowProblem[] = [];
  for (const diagnostic of diagnostics) {
    const month = byPath.get(diagnostic.file);
    const row = month ? month.rowOnLine(diagnostic.line) : rowNamedIn(diagnostic.message, months);
    const fromQuery = row?.origin !== undefined;
    if (diagnostic.severity === 'error' || (diagnostic.code === 'unknown-dimension-value' && fromQuery)) problems.push({ diagnostic, row });
  }
  return problems;
}

/** The pulled row that a diagnostic elsewhere names by file and line ("This row repeats goals/actuals/pulled/2026-11.csv:3"). */
function rowNamedIn(message: string, months: readonly MonthFile[]): PulledRow | undefined {
  for (const month of months) {
    const at = message.indexOf(`${month.path}:`);
    if (at === -1) continue;
    const line = /^\d+/.exec(message.slice(at + month.path.length + 1))?.[0];
    if (line !== undefined) return month.rowOnLine(Number(line));
  }
  return undefined;
}
