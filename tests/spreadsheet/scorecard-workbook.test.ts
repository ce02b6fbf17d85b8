import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { exampleCopy, readBack, run, sheetXml } from './workbooks.js';

const teamSheets = ['company FY2026', 'company 2026-Q4', 'marketing 2026-Q3', 'marketing 2026-Q4', 'sales 2026-Q3', 'sales 2026-Q4'];

describe('the scorecard workbook', () => {
  it('render --format xlsx writes one workbook of real numbers with number formats, coloured statuses, frozen headers and filters', async () => {
    const dir = exampleCopy('scorecards');
    const result = await run(dir, ['render', 'goals', '--format', 'xlsx', '--out', 'out', '--locale', 'en', '--as-of', '2026-11']);
    expect(result).toEqual({
      code: 0,
      stdout: "Wrote out/scorecards.xlsx: 6 team scorecards, the teams' scores and the actuals counted (as of 2026-11).\n",
      stderr: '',
    });
    const book = readBack(readFileSync(path.join(dir, 'out/scorecards.xlsx')));
    expect(book.SheetNames).toEqual(['Teams', ...teamSheets, 'Actuals']);

    const sheet = book.Sheets['marketing 2026-Q4']!;
    expect(XLSX.utils.sheet_to_json(sheet, { header: 1 })[0]).toEqual([
      'Goal', 'Title', 'Level', 'Breakdown', 'Item', 'KPI', 'Owner', 'Target', 'Actual', 'Expected to date', 'Forecast', 'Progress', 'Attainment to date', 'Status', 'Weight', 'Weighted score',
    ]);
    // q4-revenue as of November: October and November bring 1.6M + 2.0M + 1.75M + 2.3M = 7.65M of the 12M target;
    // the month plan expects 3.5M + 4.0M = 7.5M by then, so the attainment is 7.65 / 7.5 = 1.02, and the progress 7.65 / 12 = 0.6375.
    expect(sheet['A2']).toMatchObject({ t: 's', v: 'q4-revenue' });
    expect(sheet['C2']).toMatchObject({ t: 'n', v: 0 });
    expect(sheet['H2']).toMatchObject({ t: 'n', v: 12000000, z: '"CN¥"#,##0', w: 'CN¥12,000,000' });
    expect(sheet['I2']).toMatchObject({ t: 'n', v: 7650000, z: '"CN¥"#,##0' });
    expect(sheet['J2']).toMatchObject({ t: 'n', v: 7500000, z: '"CN¥"#,##0' });
    expect(sheet['L2']).toMatchObject({ t: 'n', v: 0.6375, z: '0.0%' });
    expect(sheet['M2']).toMatchObject({ t: 'n', v: 1.02, z: '0.0%', w: '102.0%' });
    expect(sheet['N2']).toMatchObject({ t: 's', v: 'On track', s: { patternType: 'solid', fgColor: { rgb: 'C6EFCE' } } });
    // Weight 40 × attainment 1.02 / 100: 0.408 of the team score.
    expect(sheet['P2']).toMatchObject({ t: 'n', v: 0.408, z: '0.0%' });
    // The first item, one level down and indented: zhang.min's 5M, of which 1.6M + 1.75M = 3.35M is in.
    expect(['A3', 'B3', 'C3', 'D3', 'E3', 'G3'].map((cell) => sheet[cell]?.v)).toEqual(['q4-revenue', undefined, 1, 'owner', 'zhang.min', '张敏']);
    expect(sheet['H3']).toMatchObject({ t: 'n', v: 5000000 });
    expect(sheet['I3']).toMatchObject({ t: 'n', v: 3350000 });
    // New customers are counted in thousands: 300 customers, 208 of them by November.
    expect(sheet['A8']).toMatchObject({ v: 'q4-new-customers' });
    expect(sheet['H8']).toMatchObject({ t: 'n', v: 300, z: '#,##0' });
    expect(sheet['I8']).toMatchObject({ t: 'n', v: 208, z: '#,##0' });
    // December has not begun: its item has no actual and no status yet.
    expect(['E7', 'I7', 'N7'].map((cell) => sheet[cell]?.v)).toEqual(['2026-12', undefined, 'No data']);
    expect(sheet['N7'].s).toMatchObject({ fgColor: { rgb: 'EDEDED' } });
    // Six goals and seven breakdown items below the header.
    expect(sheet['!autofilter']).toEqual({ ref: 'A1:P14' });
    expect(sheetXml(book, 'marketing 2026-Q4')).toMatch(/<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);

    const teams = book.Sheets['Teams']!;
    expect(XLSX.utils.sheet_to_json(teams, { header: 1 })[4]).toEqual(['市场营销部', 'marketing', '2026-Q4', '2026-11', 2, 3, teams['G5'].v, teams['H5'].v, 20]);
    expect(teams['G5']).toMatchObject({ t: 'n', z: '0.0%', w: '93.6%' });
    expect(teams['I5']).toMatchObject({ t: 'n', v: 20, w: '+20' });
    expect(sheetXml(book, 'Teams')).toMatch(/<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);

    const actuals = book.Sheets['Actuals']!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(actuals, { header: 1 });
    expect(rows[0]).toEqual(['period', 'team', 'kpi', 'owner', 'value']);
    expect(rows).toContainEqual(['2026-10', 'marketing', 'revenue', 'zhang.min', 1600000]);
    // Only months up to the as-of month: the example has no December actuals, and every month from January is there.
    expect(rows.slice(1).every((row) => String(row[0]) <= '2026-11')).toBe(true);
    expect(actuals['!autofilter']).toEqual({ ref: `A1:E${rows.length}` });
    const revenueRow = rows.findIndex((row) => row[0] === '2026-10' && row[1] === 'marketing' && row[2] === 'revenue' && row[3] === 'zhang.min');
    expect(actuals[`E${revenueRow + 1}`]).toMatchObject({ t: 'n', v: 1600000, z: '"CN¥"#,##0' });
  });

  it('export --scorecards writes the same workbook, in the settings’ language by default', async () => {
    const dir = exampleCopy('scorecards-export');
    const result = await run(dir, ['export', 'goals', '--scorecards', '--out', 'scores.xlsx', '--as-of', '2026-11']);
    expect(result).toEqual({
      code: 0,
      stdout: "Wrote scores.xlsx: 6 team scorecards, the teams' scores and the actuals counted (as of 2026-11).\n",
      stderr: '',
    });
    const book = readBack(readFileSync(path.join(dir, 'scores.xlsx')));
    expect(book.SheetNames).toEqual(['团队', ...teamSheets, '实际值']);
    const sheet = book.Sheets['marketing 2026-Q4']!;
    expect(['H1', 'M1', 'N1'].map((cell) => sheet[cell]?.v)).toEqual(['目标值', '进度达成率', '状态']);
    expect(sheet['H2']).toMatchObject({ t: 'n', v: 12000000, z: '"¥"#,##0' });
    expect(sheet['N2']).toMatchObject({ t: 's', v: '正常' });
  });

  it('keeps a title that a spreadsheet would run as a formula as text', async () => {
    const dir = exampleCopy('scorecards-formula');
    const file = path.join(dir, 'goals/2026-Q4/marketing.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: 第四季度销售额达到 1200 万元', 'title: "=HYPERLINK(\\"https://example.com\\",\\"1200 万元\\")"'));
    expect((await run(dir, ['render', 'goals', '--format', 'xlsx', '--out', 'out', '--locale', 'en'])).code).toBe(0);
    const sheet = readBack(readFileSync(path.join(dir, 'out/scorecards.xlsx'))).Sheets['marketing 2026-Q4']!;
    expect(sheet['B2']).toMatchObject({ t: 's', v: `'=HYPERLINK("https://example.com","1200 万元")` });
    expect(sheet['B2'].f).toBeUndefined();
  });

  it('refuses to write the workbook inside the goals folder', async () => {
    const dir = exampleCopy('scorecards-inside');
    expect(await run(dir, ['export', 'goals', '--scorecards', '--out', 'goals/scores.xlsx'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'goalpost: The workbook "goals/scores.xlsx" would be inside the goals folder; write it somewhere else.\n',
    });
  });
});
