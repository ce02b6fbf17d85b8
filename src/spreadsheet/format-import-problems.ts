import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { escapeTerminal } from '../text/terminal.js';
import { describeCells } from './cell-address.js';
import type { SheetPlace, SheetProblem } from './goal-set-from-sheet.js';

function where(place: SheetPlace): string {
  switch (place.kind) {
    case 'cells':
      return `, ${place.cells.length === 1 ? 'cell' : 'cells'} ${describeCells(place.cells)}`;
    case 'option':
      return `, --${place.option} ${place.value}`;
    case 'sheet':
      return '';
  }
}

/**
 * The problems of an import, one a line: those of the sheet at their cells
 * (`plan.xlsx, sheet "Q4 plan", cell B7: error unknown-kpi ...`), then those
 * the new goal set causes in other files as `validate` shows them. Escaped
 * for the terminal, since sheet names and messages quote the workbook's text.
 */
export function formatImportProblems(workbook: string, sheet: string, problems: readonly SheetProblem[], elsewhere: readonly Diagnostic[]): string {
  const lines = [
    ...problems.map((problem) => `${workbook}, sheet "${sheet}"${where(problem.place)}: ${problem.severity} ${problem.code} ${problem.message}`),
    ...elsewhere.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`),
  ];
  return lines.map((line) => `${escapeTerminal(line)}\n`).join('');
}
