import { describe, expect, it } from 'vitest';
import { cellAddress, columnLetters, describeCells } from '../../src/spreadsheet/cell-address.js';
import { importedText, sheetText } from '../../src/spreadsheet/cell-text.js';
import { chooseSheet } from '../../src/spreadsheet/import-goal-set.js';
import { unitNumberFormat } from '../../src/spreadsheet/number-formats.js';
import { goalSetSheetName, uniqueSheetNames } from '../../src/spreadsheet/sheet-name.js';
import { readHeader } from '../../src/spreadsheet/planning-layout.js';
import { createFormatter } from '../../src/text/format.js';

describe('cell addresses', () => {
  it('names columns and cells as a spreadsheet does', () => {
    expect([1, 2, 26, 27, 52, 702, 703, 16384].map(columnLetters)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'ZZ', 'AAA', 'XFD']);
    expect(cellAddress({ row: 7, column: 2 })).toBe('B7');
  });

  it('shows a run of cells as a range and scattered cells one by one', () => {
    expect(describeCells([{ row: 3, column: 8 }, { row: 3, column: 7 }])).toBe('G3:H3');
    expect(describeCells([{ row: 2, column: 5 }, { row: 4, column: 5 }, { row: 3, column: 5 }])).toBe('E2:E4');
    expect(describeCells([{ row: 3, column: 7 }, { row: 3, column: 10 }])).toBe('G3, J3');
    expect(describeCells([{ row: 3, column: 7 }, { row: 3, column: 7 }])).toBe('G3');
  });
});

describe('text in cells', () => {
  it('prefixes text a spreadsheet would run as a formula, as score --format csv does, and import takes the prefix away again', () => {
    const texts = ['=SUM(A1)', '+1', '-5% 流失率', '@cmd', '\tx', "'=x", "'plain", '新增客户 300 家', 'a=b'];
    expect(texts.map(sheetText)).toEqual(["'=SUM(A1)", "'+1", "'-5% 流失率", "'@cmd", "'\tx", "''=x", "'plain", '新增客户 300 家', 'a=b']);
    expect(texts.map(sheetText).map(importedText)).toEqual(texts);
  });
});

describe('sheet names', () => {
  it("names a goal set's sheet after its team and period, within 31 characters and without the characters Excel refuses", () => {
    expect(goalSetSheetName('marketing', '2026-Q4')).toBe('marketing 2026-Q4');
    expect(goalSetSheetName('customer-success-and-support-emea', 'FY2027-Q1')).toBe('customer-success-and- FY2027-Q1');
    expect(goalSetSheetName('customer-success-and-support-emea', 'FY2027-Q1')).toHaveLength(31);
    expect(uniqueSheetNames(["'a/b'", 'Teams', 'teams', 'x'.repeat(40), 'x'.repeat(35)])).toEqual(['a_b', 'Teams', 'teams (2)', 'x'.repeat(31), `${'x'.repeat(27)} (2)`]);
  });

  it('chooses the sheet asked for, the only one, or the one named for the team and period', () => {
    expect(chooseSheet(['Plan'], 'marketing', '2027-Q1')).toEqual({ ok: true, name: 'Plan' });
    expect(chooseSheet(['sales 2027-Q1', 'Marketing 2027-Q1'], 'marketing', '2027-Q1')).toEqual({ ok: true, name: 'Marketing 2027-Q1' });
    expect(chooseSheet(['a', 'b'], 'marketing', '2027-Q1', 'c')).toEqual({ ok: false, problem: 'The workbook has no sheet "c"; its sheets are "a", "b".' });
  });
});

describe('headers', () => {
  it('reads goal columns whatever their case, and breakdown columns at their first colon', () => {
    expect(['AlignsTo', ' target ', 'owner:zhang.min', 'month: 2026-10 ', 'region:a:b', 'owner:', 'Region 1:north', 'budget'].map(readHeader)).toEqual([
      { kind: 'goal', column: 'alignsTo' },
      { kind: 'goal', column: 'target' },
      { kind: 'breakdown', by: 'owner', key: 'zhang.min' },
      { kind: 'breakdown', by: 'month', key: '2026-10' },
      { kind: 'breakdown', by: 'region', key: 'a:b' },
      { kind: 'unknown', text: 'owner:' },
      { kind: 'invalid-dimension', by: 'Region 1' },
      { kind: 'unknown', text: 'budget' },
    ]);
  });
});

describe('number formats', () => {
  const en = createFormatter('en', 'USD');
  const zh = createFormatter('zh-CN', 'CNY');
  it('shows money with the symbol of its currency, the settings’ currency for unit currency', () => {
    expect(unitNumberFormat('currency', 12000000, en)).toBe('"$"#,##0');
    expect(unitNumberFormat('currency', 12.5, en)).toBe('"$"#,##0.00');
    expect(unitNumberFormat('CNY', 12000000, en)).toBe('"CN¥"#,##0');
    expect(unitNumberFormat('CNY', 12000000, zh)).toBe('"¥"#,##0');
    expect(unitNumberFormat('currency', 2700000, zh)).toBe('"¥"#,##0');
  });

  it('shows percentages to a tenth, counts with thousands separators, and other units plainly', () => {
    expect(unitNumberFormat('percent', 0.85, en)).toBe('0.0%');
    expect(unitNumberFormat('count', 300, en)).toBe('#,##0');
    expect(unitNumberFormat('count', 14.67, en)).toBe('#,##0.0');
    expect(unitNumberFormat('ratio', 3, en)).toBe('0.00"×"');
    expect(unitNumberFormat('ratio', 3, zh)).toBe('0.00"倍"');
    expect(unitNumberFormat('hours', 12, en)).toBe('#,##0.0');
    expect(unitNumberFormat('leads', 1200, en)).toBe('#,##0');
    expect(unitNumberFormat(null, 0.5, en)).toBe('General');
  });
});
