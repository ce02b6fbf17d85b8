import { stringify } from 'yaml';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Severity } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../text/did-you-mean.js';
import { cellAddress, type CellRef } from './cell-address.js';
import { importedText } from './cell-text.js';
import { breakdownHeader, goalColumns, numberColumns, readHeader, requiredColumns, type GoalColumn, type RequiredColumn } from './planning-layout.js';
import type { SheetCell, SheetGrid } from './sheet-grid.js';

/** What import finds wrong with a sheet before the goal set is validated. */
export type SheetProblemCode =
  | 'empty-sheet'
  | 'unknown-column'
  | 'invalid-dimension'
  | 'duplicate-column'
  | 'missing-column'
  | 'empty-cell'
  | 'not-a-number'
  | 'not-text'
  | 'formula-without-result'
  | 'cell-error'
  | 'duplicate-goal-id'
  | 'no-goals';

/** Where a problem is, for the person who fixes it in the sheet. */
export type SheetPlace =
  | { kind: 'cells'; cells: readonly CellRef[] }
  /** A value given on the command line rather than in the sheet. */
  | { kind: 'option'; option: 'team' | 'period'; value: string }
  | { kind: 'sheet' };

/** A problem of the sheet: one of reading it, or a diagnostic of the goal set made from it, at the cells it came from. */
export interface SheetProblem {
  code: SheetProblemCode | DiagnosticCode;
  severity: Severity;
  message: string;
  place: SheetPlace;
}

/** Where a line of the generated goal set came from: its key and its value may come from different cells (a breakdown item's key is its column's header). */
export interface LineOrigin {
  key: SheetPlace;
  value: SheetPlace;
  /** The 1-based column of the line where the value starts: a position before it is on the key. */
  valueColumn: number;
  /** The sheet row of the goal the line belongs to. */
  row: number | undefined;
}

export interface GoalSetFromSheet {
  /** The goal set as YAML, as it would be written. */
  text: string;
  /** The origin of each line of `text` (line n at index n - 1). */
  lines: LineOrigin[];
  goals: number;
  problems: SheetProblem[];
  /** The cells of `problems`: what validation says about them again is left out. */
  problemCells: ReadonlySet<string>;
  /** Rows with a required value left out of the goal set because it is missing or cannot be read. */
  rowsMissingValues: ReadonlySet<number>;
}

export interface GoalSetTarget {
  team: string;
  period: string;
  /** The first line, which tells the editor the schema. */
  modeline: string;
}

const sheetPlace: SheetPlace = { kind: 'sheet' };
const cellsPlace = (cells: readonly CellRef[]): SheetPlace => (cells.length === 0 ? sheetPlace : { kind: 'cells', cells });

/** A value as YAML reads it back as the same value: quoted when it would read as something else, never folded or a block. */
function scalar(value: string | number): string {
  return stringify(value, { lineWidth: 0, blockQuote: false }).trimEnd();
}

/** A numeral a person types: digits, with a sign, a decimal point and thousands separators (12,000,000). */
const numeral = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

const whatIsNeeded: Record<RequiredColumn, string> = {
  id: 'an id, such as q4-revenue',
  title: 'a title',
  kpi: 'a KPI id of the KPI catalog',
  target: 'a target',
  weight: 'a weight',
  owner: 'an owner, a member of the team',
};

interface RowValues {
  row: number;
  text: Map<GoalColumn, { value: string; at: CellRef }>;
  numbers: Map<GoalColumn, { value: number; at: CellRef }>;
  contributors: { value: string[]; at: CellRef } | undefined;
  /** Breakdown items by dimension, in column order; `cells` holds every non-empty cell of the dimension, read or not. */
  breakdowns: Map<string, { items: { key: string; value: number; at: CellRef; header: CellRef }[]; cells: CellRef[]; headers: CellRef[] }>;
  /** A value every goal needs is missing or could not be read. */
  missing: boolean;
}

/** Where the columns of the sheet are: its header row, the goal columns and the breakdown items by column. */
interface Layout {
  headerRow: number;
  goalColumnAt: Map<GoalColumn, number>;
  breakdownAt: Map<number, { by: string; key: string }>;
  missingColumns: RequiredColumn[];
}

/**
 * Turns a planning sheet into a goal set: the first row that holds anything
 * names the columns, each later row that holds anything in them is a goal.
 * Numbers are read as numbers (a text of digits with thousands separators
 * too), formulas by their saved result; what cannot be read is a problem at
 * its cell and is left out of the goal set, so that validation of the rest
 * still says everything else there is to say. Every line of the YAML keeps
 * the cells it came from.
 */
export function goalSetFromSheet(grid: SheetGrid, target: GoalSetTarget): GoalSetFromSheet {
  const problems: SheetProblem[] = [];
  const report: Report = (code, at, message) => problems.push({ code, severity: 'error', message, place: cellsPlace(at) });
  const lines: { text: string; origin: LineOrigin }[] = [];
  const emit: Emit = (line, keyPlace, valuePlace = keyPlace, row) => {
    lines.push({ text: line.text, origin: { key: keyPlace, value: valuePlace, valueColumn: line.valueColumn, row } });
  };
  const finish = (goals: number, rowsMissingValues: ReadonlySet<number>): GoalSetFromSheet => {
    const problemCells = new Set(problems.flatMap((each) => (each.place.kind === 'cells' ? each.place.cells.map(cellAddress) : [])));
    return { text: `${lines.map((line) => line.text).join('\n')}\n`, lines: lines.map((line) => line.origin), goals, problems, problemCells, rowsMissingValues };
  };

  const [first, ...rest] = grid.rows;
  if (first === undefined) {
    problems.push({
      code: 'empty-sheet',
      severity: 'error',
      message: 'The sheet is empty. Its first row names the columns (id, title, kpi, target, weight, owner, and breakdown columns such as owner:zhang.min), and each row below it is a goal.',
      place: sheetPlace,
    });
    return finish(0, new Set());
  }
  // The header is the first row that holds anything: the table may start lower down the sheet.
  const layout = readLayout(first[0], first[1], report);
  const rowsMissingValues = new Set<number>();
  const goalRows: RowValues[] = [];
  for (const [row, cells] of rest) {
    const values = readGoalRow(row, cells, layout, report);
    if (!values) continue;
    goalRows.push(values);
    if (values.missing || layout.missingColumns.length > 0) rowsMissingValues.add(row);
  }
  if (goalRows.length === 0) {
    problems.push({
      code: 'no-goals',
      severity: 'error',
      message: `The sheet has no goals: after the header in row ${layout.headerRow}, each row is a goal with its id, title, kpi, target, weight and owner.`,
      place: sheetPlace,
    });
    return finish(0, rowsMissingValues);
  }
  reportDuplicateIds(goalRows, report);

  emit(plain(target.modeline), sheetPlace);
  emit(keyed('', 'apiVersion', 'goalpost/v1'), sheetPlace);
  emit(keyed('', 'kind', 'GoalSet'), sheetPlace);
  emit(keyed('', 'team', scalar(target.team)), { kind: 'option', option: 'team', value: target.team });
  emit(keyed('', 'period', scalar(target.period)), { kind: 'option', option: 'period', value: target.period });
  // The weights-total check reports at `goals:`: the weights are what to look at.
  emit(keyed('', 'goals'), cellsPlace(goalRows.flatMap((values) => (values.numbers.get('weight') ? [values.numbers.get('weight')!.at] : []))));
  for (const values of goalRows) emitGoal(values, emit);
  return finish(goalRows.length, rowsMissingValues);
}

/** The header row: each cell a goal column or a breakdown item `dimension:key`, once; the columns every goal needs there. */
function readLayout(headerRow: number, headerCells: ReadonlyMap<number, SheetCell>, report: Report): Layout {
  const layout: Layout = { headerRow, goalColumnAt: new Map(), breakdownAt: new Map(), missingColumns: [] };
  const firstSeen = new Map<string, CellRef>();
  for (const [column, cell] of [...headerCells].sort(([a], [b]) => a - b)) {
    const at = { row: headerRow, column };
    if (cell.kind !== 'text') {
      report('unknown-column', [at], `A column is named by text, such as "target" or "owner:zhang.min"; this header is ${describeCell(cell)}.`);
      continue;
    }
    const header = readHeader(importedText(cell.value));
    if (header.kind === 'unknown') {
      report(
        'unknown-column',
        [at],
        `The column "${header.text}" is not one goalpost knows.${didYouMean(header.text, goalColumns)} A goal's columns are ${goalColumns.join(', ')}; a breakdown item's column is named dimension:key, such as owner:zhang.min or month:2026-10.`,
      );
      continue;
    }
    if (header.kind === 'invalid-dimension') {
      report('invalid-dimension', [at], `"${header.by}" cannot name a breakdown: a dimension is letters, digits and underscores, starting with a letter (owner, month, region).`);
      continue;
    }
    const name = header.kind === 'goal' ? header.column : breakdownHeader(header.by, header.key);
    const earlier = firstSeen.get(name);
    if (earlier) {
      report('duplicate-column', [at], `The column "${name}" is already at ${cellAddress(earlier)}; keep one of them.`);
      continue;
    }
    firstSeen.set(name, at);
    if (header.kind === 'goal') layout.goalColumnAt.set(header.column, column);
    else layout.breakdownAt.set(column, { by: header.by, key: header.key });
  }
  layout.missingColumns = requiredColumns.filter((column) => !layout.goalColumnAt.has(column));
  const headerRange = [...headerCells.keys()].map((column) => ({ row: headerRow, column }));
  for (const column of layout.missingColumns) report('missing-column', headerRange, `The header has no "${column}" column: every goal needs ${whatIsNeeded[column]}.`);
  return layout;
}

/** A row below the header as a goal; undefined for a row with nothing in the sheet's known columns. */
function readGoalRow(row: number, cells: ReadonlyMap<number, SheetCell>, layout: Layout, report: Report): RowValues | undefined {
  const columnOf = new Map([...layout.goalColumnAt].map(([column, index]) => [index, column]));
  const known = [...cells].filter(([column]) => columnOf.has(column) || layout.breakdownAt.has(column)).sort(([a], [b]) => a - b);
  if (known.length === 0) return undefined;
  const values: RowValues = { row, text: new Map(), numbers: new Map(), contributors: undefined, breakdowns: new Map(), missing: false };
  for (const [column, cell] of known) {
    const at = { row, column };
    const goalColumn = columnOf.get(column);
    if (goalColumn === undefined) {
      const { by, key } = layout.breakdownAt.get(column)!;
      let breakdown = values.breakdowns.get(by);
      if (!breakdown) values.breakdowns.set(by, (breakdown = { items: [], cells: [], headers: [] }));
      const header = { row: layout.headerRow, column };
      breakdown.cells.push(at);
      breakdown.headers.push(header);
      const value = readNumber(cell, at, `The ${breakdownHeader(by, key)} item`, report);
      if (value !== undefined) breakdown.items.push({ key, value, at, header });
    } else if (numberColumns.has(goalColumn)) {
      const value = readNumber(cell, at, `The ${goalColumn}`, report);
      if (value !== undefined) values.numbers.set(goalColumn, { value, at });
    } else {
      const value = readText(cell, at, goalColumn, report);
      if (value === undefined) continue;
      if (goalColumn !== 'contributors') values.text.set(goalColumn, { value, at });
      else {
        const teams = value.split(/[\s,，、;；]+/).filter((team) => team !== '');
        if (teams.length > 0) values.contributors = { value: teams, at };
      }
    }
  }
  for (const column of requiredColumns) {
    if (values.text.has(column) || values.numbers.has(column)) continue;
    values.missing = true;
    const index = layout.goalColumnAt.get(column);
    // A cell that holds something unreadable is reported already; an empty one is reported here.
    if (index !== undefined && !cells.has(index)) report('empty-cell', [{ row, column: index }], `The ${column} is empty: every goal needs ${whatIsNeeded[column]}.`);
  }
  return values;
}

function reportDuplicateIds(goalRows: readonly RowValues[], report: Report): void {
  const idRows = new Map<string, number>();
  for (const values of goalRows) {
    const id = values.text.get('id');
    if (!id) continue;
    const earlier = idRows.get(id.value);
    if (earlier === undefined) idRows.set(id.value, values.row);
    else report('duplicate-goal-id', [id.at], `The goal id "${id.value}" is already used on row ${earlier}: each goal needs an id of its own.`);
  }
}

/** The order of a goal's keys in the file, as the example's goal sets write them. */
const keyOrder: readonly GoalColumn[] = ['id', 'title', 'kpi', 'comparison', 'target', 'baseline', 'weight', 'owner', 'due', 'alignsTo', 'contributors', 'notes'];

/** A line of YAML, and the column where its value starts (a position before it is on the key). */
interface Line {
  text: string;
  valueColumn: number;
}

/** Adds a line that came from these places: its key from one, its value from the other. */
type Emit = (line: Line, keyPlace: SheetPlace, valuePlace?: SheetPlace, row?: number) => void;

/** `prefix key: value`, or `prefix key:` that a block follows. */
function keyed(prefix: string, key: string, value?: string): Line {
  return { text: value === undefined ? `${prefix}${key}:` : `${prefix}${key}: ${value}`, valueColumn: prefix.length + key.length + 3 };
}

function plain(text: string): Line {
  return { text, valueColumn: 1 };
}

function emitGoal(values: RowValues, emit: Emit): void {
  const { row } = values;
  let first = true;
  const indent = (): string => {
    const text = first ? '  - ' : '    ';
    first = false;
    return text;
  };
  for (const column of keyOrder) {
    if (column === 'contributors') {
      if (!values.contributors) continue;
      const place = cellsPlace([values.contributors.at]);
      emit(keyed(indent(), 'contributors'), place, place, row);
      for (const team of values.contributors.value) emit(plain(`      - ${scalar(team)}`), place, place, row);
      continue;
    }
    const entry = values.text.get(column) ?? values.numbers.get(column);
    if (!entry) continue;
    emit(keyed(indent(), column, scalar(entry.value)), cellsPlace([entry.at]), cellsPlace([entry.at]), row);
  }
  const breakdowns = [...values.breakdowns];
  if (breakdowns.length === 0) return;
  const allCells = cellsPlace(breakdowns.flatMap(([, breakdown]) => breakdown.cells));
  emit(keyed(indent(), 'breakdown'), allCells, allCells, row);
  for (const [by, breakdown] of breakdowns) {
    emit(keyed('      - ', 'by', scalar(by)), cellsPlace(breakdown.headers), cellsPlace(breakdown.headers), row);
    // A breakdown that does not add up is reported at `items:`: its cells in the row are what to look at.
    emit(keyed('        ', 'items'), cellsPlace(breakdown.cells), cellsPlace(breakdown.cells), row);
    // An item's key is its column's header; its value is the row's cell.
    for (const item of breakdown.items) emit(keyed('          ', scalar(item.key), scalar(item.value)), cellsPlace([item.header]), cellsPlace([item.at]), row);
  }
}

/** Collects a problem of the sheet at its cells. */
type Report = (code: SheetProblemCode, at: readonly CellRef[], message: string) => void;

function describeCell(cell: SheetCell): string {
  switch (cell.kind) {
    case 'number':
      return `the number ${cell.value}`;
    case 'text':
      return `"${cell.value}"`;
    case 'date':
      return `the date ${isoDate(cell.value)}`;
    case 'boolean':
      return cell.value ? 'TRUE' : 'FALSE';
    case 'error':
      return `the error ${cell.value}`;
    case 'no-result':
      return `a formula without a saved result`;
  }
}

/** A date cell as YYYY-MM-DD: spreadsheets store a day, which exceljs reads as midnight UTC. */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Problems every kind of column shares: an error value, a formula without a result. */
function unreadable(cell: SheetCell, at: CellRef, report: Report): boolean {
  if (cell.kind === 'error') {
    report('cell-error', [at], `The cell shows the error ${cell.value}: correct its formula, or type the value.`);
    return true;
  }
  if (cell.kind === 'no-result') {
    report(
      'formula-without-result',
      [at],
      `The formula =${cell.formula} was saved without its result: open the workbook in a spreadsheet program and save it again, or type the value.`,
    );
    return true;
  }
  return false;
}

/** A number cell, or a text of digits as a person types them; anything else is a problem at the cell. */
function readNumber(cell: SheetCell, at: CellRef, what: string, report: Report): number | undefined {
  if (unreadable(cell, at, report)) return undefined;
  if (cell.kind === 'number') return cell.value;
  if (cell.kind === 'text') {
    const text = cell.value.trim();
    if (numeral.test(text)) return Number(text.replace(/,/g, ''));
    report('not-a-number', [at], `${what} "${text}" is not a number. Write the figure itself, such as 12000000 or 12,000,000.`);
    return undefined;
  }
  report('not-a-number', [at], `${what} is ${describeCell(cell)}, not a number.`);
  return undefined;
}

/** A text cell; a number where text belongs is its digits (a goal id 2027), a date in `due` the day it names. */
function readText(cell: SheetCell, at: CellRef, column: GoalColumn, report: Report): string | undefined {
  if (unreadable(cell, at, report)) return undefined;
  if (cell.kind === 'text') {
    const text = importedText(cell.value.trim());
    return text === '' ? undefined : text;
  }
  if (cell.kind === 'date' && column === 'due') return isoDate(cell.value);
  if (cell.kind === 'number' && column !== 'due') return String(cell.value);
  report('not-text', [at], `The ${column} is ${describeCell(cell)}; ${column === 'due' ? 'write a date, YYYY-MM-DD' : 'write it as text'}.`);
  return undefined;
}
