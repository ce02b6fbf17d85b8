import { parseCsv } from '../load/csv.js';

/** Where the pulled actuals of a month go, inside the goals folder: one file per month. */
export const pulledFolder = 'actuals/pulled';

export function pulledFileName(month: string): string {
  return `${month}.csv`;
}

/** The path of a month's pulled file as the repository's files have it: `folder` is the goals folder as typed ('' for `.`). */
export function pulledFilePath(folder: string, month: string): string {
  return `${folder === '' ? '' : `${folder}/`}${pulledFolder}/${pulledFileName(month)}`;
}

/** Where a pulled row came from: the query of a KPI in a source, for a month, and the cells it returned. */
export interface RowOrigin {
  source: string;
  kpi: string;
  month: string;
  cells: Readonly<Record<string, unknown>>;
}

/** A row of a pulled actuals file, every cell as the text written. */
export interface PulledRow {
  period: string;
  team: string;
  kpi: string;
  value: string;
  /** Dimension values by column; an empty one is left out (the total over that dimension). */
  dimensions: ReadonlyMap<string, string>;
  /** Undefined for a row kept from the file as it was. */
  origin: RowOrigin | undefined;
}

const fixedColumns = ['period', 'team', 'kpi', 'value'] as const;

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The key of a row: what two rows must not share (period, team, KPI and dimension values). */
export function rowKey(row: Pick<PulledRow, 'period' | 'team' | 'kpi' | 'dimensions'>): string {
  const dimensions = [...row.dimensions].sort(([a], [b]) => compareText(a, b));
  return JSON.stringify([row.period, row.team, row.kpi, ...dimensions.flat()]);
}

/** The dimension columns of a file of these rows: the ones any row uses, by name. */
export function dimensionColumns(rows: readonly PulledRow[]): string[] {
  return [...new Set(rows.flatMap((row) => [...row.dimensions.keys()]))].sort(compareText);
}

/**
 * Rows in the order a pulled file has them: by period, team, KPI, then the
 * dimension values column by column (a total, with the cell empty, first).
 * The order depends on the rows alone, never on the order a database
 * returned them in, so the same data always makes the same file.
 */
export function sortRows(rows: readonly PulledRow[]): PulledRow[] {
  const columns = dimensionColumns(rows);
  return [...rows].sort(
    (a, b) =>
      compareText(a.period, b.period) ||
      compareText(a.team, b.team) ||
      compareText(a.kpi, b.kpi) ||
      columns.reduce((order, column) => order || compareText(a.dimensions.get(column) ?? '', b.dimensions.get(column) ?? ''), 0) ||
      compareText(a.value, b.value),
  );
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The text of a pulled actuals file: the header `period,team,kpi,value` and
 * the dimension columns used, then the rows in order; and the row on each
 * line (a quoted cell may hold a line break), so that a diagnostic on a line
 * leads back to the query that returned the row.
 */
export function pulledFileText(rows: readonly PulledRow[]): { text: string; rowOnLine(line: number): PulledRow | undefined } {
  const columns = dimensionColumns(rows);
  const records = [[...fixedColumns, ...columns].join(',')];
  const lineRows: (PulledRow | undefined)[] = [undefined];
  for (const row of sortRows(rows)) {
    const record = [row.period, row.team, row.kpi, row.value, ...columns.map((column) => row.dimensions.get(column) ?? '')].map(csvCell).join(',');
    records.push(record);
    lineRows.push(...record.split('\n').map(() => row));
  }
  return { text: `${records.join('\n')}\n`, rowOnLine: (line) => lineRows[line - 1] };
}

/**
 * The rows of a pulled file as it is, columns found by name. Only called on
 * a file that validation has accepted, so its header is complete; a row of
 * the wrong length (not possible then) is skipped.
 */
export function readPulledFile(text: string): PulledRow[] {
  const [header, ...records] = parseCsv(text).records;
  if (!header) return [];
  const columns = header.cells.map((cell) => cell.value.trim());
  const at = (name: string): number => columns.indexOf(name);
  return records.flatMap((record) => {
    if (record.cells.length !== columns.length) return [];
    const value = (index: number): string => record.cells[index]?.value.trim() ?? '';
    const dimensions = new Map<string, string>();
    columns.forEach((column, index) => {
      if (!(fixedColumns as readonly string[]).includes(column) && value(index) !== '') dimensions.set(column, value(index));
    });
    return [{ period: value(at('period')), team: value(at('team')), kpi: value(at('kpi')), value: value(at('value')), dimensions, origin: undefined }];
  });
}

/** What a new version of a month's file changes: rows added, rows whose value changed, rows removed. */
export interface FileChanges {
  added: PulledRow[];
  changed: { row: PulledRow; before: string }[];
  removed: PulledRow[];
}

export function compareRows(before: readonly PulledRow[], after: readonly PulledRow[]): FileChanges {
  const old = new Map(before.map((row) => [rowKey(row), row]));
  const seen = new Set<string>();
  const changes: FileChanges = { added: [], changed: [], removed: [] };
  for (const row of sortRows(after)) {
    const key = rowKey(row);
    seen.add(key);
    const previous = old.get(key);
    if (!previous) changes.added.push(row);
    else if (previous.value !== row.value) changes.changed.push({ row, before: previous.value });
  }
  changes.removed = sortRows(before).filter((row) => !seen.has(rowKey(row)));
  return changes;
}
