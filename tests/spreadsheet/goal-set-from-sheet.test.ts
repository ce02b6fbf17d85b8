import { describe, expect, it } from 'vitest';
import { describeCells } from '../../src/spreadsheet/cell-address.js';
import { goalSetFromSheet, type SheetPlace, type SheetProblem } from '../../src/spreadsheet/goal-set-from-sheet.js';
import type { SheetCell, SheetGrid } from '../../src/spreadsheet/sheet-grid.js';

type Value = string | number | Date | boolean | SheetCell | undefined;

/** A grid from rows of plain values, the first row at `firstRow`; an undefined value is an empty cell. */
function grid(rows: Value[][], firstRow = 1): SheetGrid {
  const cells = new Map<number, Map<number, SheetCell>>();
  rows.forEach((row, index) => {
    const line = new Map<number, SheetCell>();
    row.forEach((value, column) => {
      if (value === undefined) return;
      const cell: SheetCell =
        typeof value === 'number'
          ? { kind: 'number', value }
          : typeof value === 'string'
            ? { kind: 'text', value }
            : typeof value === 'boolean'
              ? { kind: 'boolean', value }
              : value instanceof Date
                ? { kind: 'date', value }
                : value;
      line.set(column + 1, cell);
    });
    if (line.size > 0) cells.set(firstRow + index, line);
  });
  return { name: 'plan', rows: cells };
}

const target = { team: 'marketing', period: '2027-Q1', modeline: '# yaml-language-server: $schema=../../schemas/goal-set.schema.json' };

const where = (place: SheetPlace): string => (place.kind === 'cells' ? describeCells(place.cells) : place.kind === 'option' ? `--${place.option}` : 'sheet');
const shown = (problems: readonly SheetProblem[]): string[] => problems.map((problem) => `${where(problem.place)} ${problem.code} ${problem.message}`);

const header = ['id', 'title', 'kpi', 'target', 'weight', 'owner'];

describe('goalSetFromSheet', () => {
  it('reads the table wherever it starts, and keeps for each line of YAML the cells it came from', () => {
    const sheet = goalSetFromSheet(
      grid(
        [
          [...header, 'region:north', 'region:south', 'due'],
          ['q1-leads', '线索 1,000 条', 'leads', '1,000', 100, 'li.wei', 400, '600', new Date(Date.UTC(2027, 2, 31))],
        ],
        3,
      ),
      target,
    );
    expect(shown(sheet.problems)).toEqual([]);
    const lines = sheet.text.split('\n');
    expect(lines).toEqual([
      target.modeline,
      'apiVersion: goalpost/v1',
      'kind: GoalSet',
      'team: marketing',
      'period: 2027-Q1',
      'goals:',
      '  - id: q1-leads',
      '    title: 线索 1,000 条',
      '    kpi: leads',
      '    target: 1000',
      '    weight: 100',
      '    owner: li.wei',
      '    due: 2027-03-31',
      '    breakdown:',
      '      - by: region',
      '        items:',
      '          north: 400',
      '          south: 600',
      '',
    ]);
    const origin = (line: number): string[] => {
      const each = sheet.lines[line - 1]!;
      return [where(each.key), where(each.value), String(each.valueColumn)];
    };
    expect(origin(4)).toEqual(['--team', '--team', '7']);
    expect(origin(6)).toEqual(['E4', 'E4', '8']);
    expect(origin(10)).toEqual(['D4', 'D4', '13']);
    expect(origin(13)).toEqual(['I4', 'I4', '10']);
    expect(origin(15)).toEqual(['G3:H3', 'G3:H3', '13']);
    expect(origin(16)).toEqual(['G4:H4', 'G4:H4', '16']);
    // An item: its key is the column's header, its value the row's cell.
    expect(origin(18)).toEqual(['H3', 'H4', '18']);
  });

  it('reports each cell it cannot read at that cell, and leaves the value out', () => {
    const sheet = goalSetFromSheet(
      grid([
        [...header, 'month:2027-01', 'due'],
        ['q1-a', 'A', 'revenue', { kind: 'no-result', formula: 'SUM(G2:G9)' }, 50, 'li.wei', { kind: 'error', value: '#DIV/0!' }],
        ['q1-b', true, 'revenue', new Date(Date.UTC(2027, 0, 1)), 50, 'li.wei', '1,2345', 20270101],
      ]),
      target,
    );
    expect(shown(sheet.problems)).toEqual([
      'D2 formula-without-result The formula =SUM(G2:G9) was saved without its result: open the workbook in a spreadsheet program and save it again, or type the value.',
      'G2 cell-error The cell shows the error #DIV/0!: correct its formula, or type the value.',
      'B3 not-text The title is TRUE; write it as text.',
      'D3 not-a-number The target is the date 2027-01-01, not a number.',
      'G3 not-a-number The month:2027-01 item "1,2345" is not a number. Write the figure itself, such as 12000000 or 12,000,000.',
      'H3 not-text The due is the number 20270101; write a date, YYYY-MM-DD.',
    ]);
    // What could not be read is left out: no target of either goal, no title of the second, no month item;
    // the month breakdown keeps its place, so that what validation says of it lands on G2 and G3 and is left out too.
    expect(sheet.text.split('\n').slice(6)).toEqual([
      '  - id: q1-a',
      '    title: A',
      '    kpi: revenue',
      '    weight: 50',
      '    owner: li.wei',
      '    breakdown:',
      '      - by: month',
      '        items:',
      '  - id: q1-b',
      '    kpi: revenue',
      '    weight: 50',
      '    owner: li.wei',
      '    breakdown:',
      '      - by: month',
      '        items:',
      '',
    ]);
    expect([...sheet.rowsMissingValues]).toEqual([2, 3]);
    expect([...sheet.problemCells].sort()).toEqual(['B3', 'D2', 'D3', 'G2', 'G3', 'H3']);
  });

  it('reports headers it does not know, twice, or missing, and a goal id used twice', () => {
    const sheet = goalSetFromSheet(
      grid([
        ['id', 'title', 'kpi', 'traget', 'weight', 'Title', '2026:Q1', 2026],
        ['q1-a', 'A', 'revenue', 100, 50],
        ['q1-a', 'B', 'revenue', 100, 50],
        [undefined, 'C'],
      ]),
      target,
    );
    expect(shown(sheet.problems)).toEqual([
      'D1 unknown-column The column "traget" is not one goalpost knows. Did you mean "target"? A goal\'s columns are id, title, kpi, target, weight, owner, comparison, baseline, alignsTo, due, contributors, notes; a breakdown item\'s column is named dimension:key, such as owner:zhang.min or month:2026-10.',
      'F1 duplicate-column The column "title" is already at B1; keep one of them.',
      'G1 invalid-dimension "2026" cannot name a breakdown: a dimension is letters, digits and underscores, starting with a letter (owner, month, region).',
      'H1 unknown-column A column is named by text, such as "target" or "owner:zhang.min"; this header is the number 2026.',
      'A1:H1 missing-column The header has no "target" column: every goal needs a target.',
      'A1:H1 missing-column The header has no "owner" column: every goal needs an owner, a member of the team.',
      'A4 empty-cell The id is empty: every goal needs an id, such as q4-revenue.',
      'C4 empty-cell The kpi is empty: every goal needs a KPI id of the KPI catalog.',
      'E4 empty-cell The weight is empty: every goal needs a weight.',
      'A3 duplicate-goal-id The goal id "q1-a" is already used on row 2: each goal needs an id of its own.',
    ]);
    expect(sheet.goals).toBe(3);
  });

  it('says so when the sheet is empty or has no goal below its header', () => {
    expect(shown(goalSetFromSheet(grid([]), target).problems)).toEqual([
      'sheet empty-sheet The sheet is empty. Its first row names the columns (id, title, kpi, target, weight, owner, and breakdown columns such as owner:zhang.min), and each row below it is a goal.',
    ]);
    // A row with something only in a column goalpost does not know is not a goal.
    const onlyNotes = goalSetFromSheet(grid([[...header, 'memo'], [], [undefined, undefined, undefined, undefined, undefined, undefined, 'ask finance']], 2), target);
    expect(shown(onlyNotes.problems)).toEqual([
      'G2 unknown-column The column "memo" is not one goalpost knows. A goal\'s columns are id, title, kpi, target, weight, owner, comparison, baseline, alignsTo, due, contributors, notes; a breakdown item\'s column is named dimension:key, such as owner:zhang.min or month:2026-10.',
      'sheet no-goals The sheet has no goals: after the header in row 2, each row is a goal with its id, title, kpi, target, weight and owner.',
    ]);
    expect(onlyNotes.goals).toBe(0);
  });
});
