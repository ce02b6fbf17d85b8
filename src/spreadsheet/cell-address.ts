/** A cell of a sheet by its 1-based row and column, as the sheet names it: row 7, column 2 is B7. */
export interface CellRef {
  row: number;
  column: number;
}

/** The letters of a 1-based column: 1 is A, 27 is AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

export function cellAddress(cell: CellRef): string {
  return `${columnLetters(cell.column)}${cell.row}`;
}

/**
 * Cells as a person finds them in the sheet: one cell `B7`, a run of one row
 * or one column `G7:I7`, otherwise each cell (`G7, J7`), in sheet order.
 */
export function describeCells(cells: readonly CellRef[]): string {
  const sorted = [...new Map(cells.map((cell) => [cellAddress(cell), cell])).values()].sort((a, b) => a.row - b.row || a.column - b.column);
  if (sorted.length === 0) return '';
  const first = sorted[0]!;
  const last = sorted.at(-1)!;
  if (sorted.length === 1) return cellAddress(first);
  const oneRow = sorted.every((cell) => cell.row === first.row) && last.column - first.column === sorted.length - 1;
  const oneColumn = sorted.every((cell) => cell.column === first.column) && last.row - first.row === sorted.length - 1;
  return oneRow || oneColumn ? `${cellAddress(first)}:${cellAddress(last)}` : sorted.map(cellAddress).join(', ');
}
