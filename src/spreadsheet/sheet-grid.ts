import type { CellValue, Worksheet } from './excel.js';

/** What a cell holds, as import reads it: formulas by their saved result. */
export type SheetCell =
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'date'; value: Date }
  | { kind: 'boolean'; value: boolean }
  /** An error value such as #N/A or #DIV/0!. */
  | { kind: 'error'; value: string }
  /** A formula saved without its result (written by a program that does not calculate). */
  | { kind: 'no-result'; formula: string };

/** The cells of one sheet that hold something, by row and column (both 1-based), rows in order. */
export interface SheetGrid {
  name: string;
  rows: ReadonlyMap<number, ReadonlyMap<number, SheetCell>>;
}

function resultCell(result: unknown, formula: string): SheetCell | undefined {
  if (result === undefined || result === null) return { kind: 'no-result', formula };
  return plainCell(result as CellValue);
}

/** A cell's value without its formula; undefined for an empty cell or text of spaces only. */
function plainCell(value: CellValue): SheetCell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return value.trim() === '' ? undefined : { kind: 'text', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return { kind: 'date', value };
  if ('error' in value) return { kind: 'error', value: value.error };
  if ('richText' in value) return plainCell(value.richText.map((run) => run.text).join(''));
  if ('sharedFormula' in value) return resultCell(value.result, value.formula ?? value.sharedFormula);
  if ('formula' in value) return resultCell(value.result, value.formula);
  if ('hyperlink' in value) return plainCell(value.text);
  return undefined;
}

/** The cells of a worksheet that hold something. */
export function sheetGrid(worksheet: Worksheet): SheetGrid {
  const rows = new Map<number, Map<number, SheetCell>>();
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = new Map<number, SheetCell>();
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      // A merged range holds its value once, in its first cell; the others only show it.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const read = plainCell(cell.value);
      if (read) cells.set(column, read);
    });
    if (cells.size > 0) rows.set(rowNumber, cells);
  });
  return { name: worksheet.name, rows: new Map([...rows].sort(([a], [b]) => a - b)) };
}
