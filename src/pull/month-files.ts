import { decodeFile } from '../load/decode.js';
import type { RepositoryFile } from '../load/load-file.js';
import { compareRows, pulledFilePath, pulledFileText, readPulledFile, type FileChanges, type PulledRow } from './pulled-file.js';
import type { PullOutcome } from './run-queries.js';

/** The new version of one month's pulled file, and what it changes. */
export interface MonthFile {
  month: string;
  /** Its path as the repository's files have it (the goals folder as typed, then actuals/pulled/2026-11.csv). */
  path: string;
  /** Whether the file exists now. */
  exists: boolean;
  rows: PulledRow[];
  text: string;
  rowOnLine(line: number): PulledRow | undefined;
  changes: FileChanges;
  /** Whether the text differs from the file's: an unchanged file is not written, so even its time stays. */
  changed: boolean;
}

/**
 * The pulled file of each month whose queries all ran: the rows of the
 * existing file for the KPIs not pulled this time, and the new rows of those
 * that were. A month with a failed query gets no new file. `folder` is the
 * goals folder as the repository's paths start with it ('' for `.`).
 */
export function monthFiles(files: readonly RepositoryFile[], folder: string, months: readonly string[], pulledKpis: readonly string[], outcome: PullOutcome): MonthFile[] {
  const pulled = new Set(pulledKpis);
  return months.flatMap((month) => {
    if (outcome.failedMonths.has(month)) return [];
    const path = pulledFilePath(folder, month);
    const existing = files.find((file) => file.path === path);
    const before = existing ? readPulledFile(decodeFile(path, existing.bytes).source?.text ?? '') : [];
    const kept = before.filter((row) => !(row.period === month && pulled.has(row.kpi)));
    const rows = [...kept, ...outcome.rows.filter((row) => row.period === month)];
    if (!existing && rows.length === 0) return [];
    const { text, rowOnLine } = pulledFileText(rows);
    const changed = !existing || Buffer.compare(Buffer.from(text), Buffer.from(existing.bytes)) !== 0;
    return [{ month, path, exists: existing !== undefined, rows, text, rowOnLine, changes: compareRows(before, rows), changed }];
  });
}

/** The repository's files with each month's new pulled file in place of the old one, or added. */
export function withMonthFiles(files: readonly RepositoryFile[], months: readonly MonthFile[]): RepositoryFile[] {
  const replaced = new Map(months.map((file) => [file.path, file]));
  const result = files.map((file) => {
    const month = replaced.get(file.path);
    return month ? { path: file.path, bytes: Buffer.from(month.text) } : file;
  });
  for (const month of months) if (!month.exists) result.push({ path: month.path, bytes: Buffer.from(month.text) });
  return result;
}
