import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LoadOptions, RepositoryFile } from '../load/load-file.js';
import { validateRepository } from '../validate.js';
import { cellAddress } from './cell-address.js';
import { goalSetFromSheet, type GoalSetFromSheet, type GoalSetTarget, type SheetPlace, type SheetProblem } from './goal-set-from-sheet.js';
import { goalSetSheetName } from './sheet-name.js';
import type { SheetGrid } from './sheet-grid.js';

export interface ImportRequest extends GoalSetTarget {
  grid: SheetGrid;
  /** Where the goal set will be written, named as the repository's files are (goals/2027-Q1/marketing.yaml). */
  path: string;
  /** The goals repository it joins. */
  repository: readonly RepositoryFile[];
  /** What the repository reports without it: only what the new goal set brings is its problem. */
  before: readonly Diagnostic[];
  loadOptions?: LoadOptions;
}

export interface ImportResult {
  /** The goal set's YAML, to write when there are no errors. */
  text: string;
  goals: number;
  /** Problems at the sheet's cells (or the command line's --team and --period), in sheet order. */
  problems: SheetProblem[];
  /** New problems the goal set causes in other files, such as a plan across teams that no longer adds up. */
  elsewhere: Diagnostic[];
  /** Errors of `problems` and `elsewhere`: the goal set is written only without any. */
  errors: number;
  warnings: number;
  /** Errors the repository had before and still has with the goal set: not the sheet's. */
  errorsOfTheRepository: number;
}

const diagnosticKey = (d: Diagnostic): string => `${d.file}\n${d.line}\n${d.column}\n${d.code}\n${d.message}`;

/**
 * The goal set a planning sheet makes, validated with the repository it
 * joins, as it will be once written: every diagnostic of the new file is
 * placed at the cells its line came from. What the sheet's own reading
 * already reported (a text where a number belongs, an empty title) is not
 * reported again by validation, which only saw the value missing.
 */
export function importGoalSet(request: ImportRequest): ImportResult {
  const sheet = goalSetFromSheet(request.grid, request);
  const problems = [...sheet.problems];
  const elsewhere: Diagnostic[] = [];
  let errorsOfTheRepository = 0;
  if (sheet.goals > 0) {
    const files = [...request.repository.filter((file) => file.path !== request.path), { path: request.path, bytes: Buffer.from(sheet.text, 'utf8') }];
    const known = new Set(request.before.map(diagnosticKey));
    for (const diagnostic of validateRepository(files, request.loadOptions).diagnostics) {
      if (diagnostic.file !== request.path) {
        if (!known.has(diagnosticKey(diagnostic))) elsewhere.push(diagnostic);
        else if (diagnostic.severity === 'error') errorsOfTheRepository++;
        continue;
      }
      const placed = placeOf(diagnostic, sheet);
      if (placed) problems.push(placed);
    }
  }
  problems.sort(compareProblems);
  elsewhere.sort(compareDiagnostics);
  const all = [...problems, ...elsewhere];
  const errors = all.filter((each) => each.severity === 'error').length;
  return { text: sheet.text, goals: sheet.goals, problems, elsewhere, errors, warnings: all.length - errors, errorsOfTheRepository };
}

/** A diagnostic of the generated file at the cells of its line; undefined when the sheet's reading already says it. */
function placeOf(diagnostic: Diagnostic, sheet: GoalSetFromSheet): SheetProblem | undefined {
  const origin = sheet.lines[diagnostic.line - 1];
  const place: SheetPlace = origin === undefined ? { kind: 'sheet' } : diagnostic.column < origin.valueColumn ? origin.key : origin.value;
  if (place.kind === 'cells' && place.cells.some((cell) => sheet.problemCells.has(cellAddress(cell)))) return undefined;
  if (diagnostic.code === 'missing-key' && origin?.row !== undefined && sheet.rowsMissingValues.has(origin.row)) return undefined;
  return { code: diagnostic.code, severity: diagnostic.severity, message: diagnostic.message, place };
}

/** The sheet as a whole first, then the command line's values, then cells by row and column. */
function compareProblems(a: SheetProblem, b: SheetProblem): number {
  const rank = (place: SheetPlace): number => (place.kind === 'sheet' ? 0 : place.kind === 'option' ? 1 : 2);
  const first = (place: SheetPlace): [number, number] => {
    if (place.kind !== 'cells') return [0, 0];
    const cell = [...place.cells].sort((x, y) => x.row - y.row || x.column - y.column)[0]!;
    return [cell.row, cell.column];
  };
  const [rowA, columnA] = first(a.place);
  const [rowB, columnB] = first(b.place);
  return rank(a.place) - rank(b.place) || rowA - rowB || columnA - columnB || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/**
 * The sheet of a workbook that holds a team's goals for a period: the one
 * asked for by name; else the only sheet; else the one named as `export`
 * names it (`marketing 2026-Q4`). Sheet names are compared as Excel compares
 * them, ignoring case.
 */
export function chooseSheet(names: readonly string[], team: string, period: string, asked?: string): { ok: true; name: string } | { ok: false; problem: string } {
  const find = (name: string): string | undefined => names.find((each) => each === name) ?? names.find((each) => each.toLowerCase() === name.toLowerCase());
  const list = names.map((name) => `"${name}"`).join(', ');
  if (asked !== undefined) {
    const found = find(asked);
    return found === undefined ? { ok: false, problem: `The workbook has no sheet "${asked}"; its sheets are ${list}.` } : { ok: true, name: found };
  }
  if (names.length === 0) return { ok: false, problem: 'The workbook has no sheets.' };
  if (names.length === 1) return { ok: true, name: names[0]! };
  const expected = goalSetSheetName(team, period);
  const found = find(expected);
  if (found !== undefined) return { ok: true, name: found };
  return { ok: false, problem: `The workbook has ${names.length} sheets (${list}) and none is named "${expected}": choose one with --sheet.` };
}
