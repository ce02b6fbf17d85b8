import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { exampleCopy, readBack, run, sheetMeaning, validated } from './workbooks.js';

describe('goalpost export and import', () => {
  it('export writes a sheet per goal set in the layout import reads, and says what the sheets have no place for', async () => {
    const dir = exampleCopy('export');
    const result = await run(dir, ['export', 'goals', '--format', 'xlsx', '--out', 'goals.xlsx']);
    expect(result).toEqual({
      code: 0,
      stdout: [
        'Wrote goals.xlsx: 6 sheets, one per goal set (company FY2026, company 2026-Q4, marketing 2026-Q3, marketing 2026-Q4, sales 2026-Q3, sales 2026-Q4).',
        'Not in the workbook, which has no columns for them (they stay in the YAML files):',
        '  company FY2026: the goal set title',
        '  marketing 2026-Q3: closing, review, final results (q3-new-customers)',
        '  marketing 2026-Q4: work plans (q4-revenue, q4-new-customers, q4-retention, q4-budget)',
        '  sales 2026-Q4: work plans (q4-revenue)',
        '',
      ].join('\n'),
      stderr: '',
    });
    const book = readBack(readFileSync(path.join(dir, 'goals.xlsx')));
    const sheet = book.Sheets['marketing 2026-Q4']!;
    expect(XLSX.utils.sheet_to_json(sheet, { header: 1 }).slice(0, 3)).toEqual([
      ['id', 'title', 'kpi', 'target', 'weight', 'owner', 'comparison', 'alignsTo', 'contributors', 'owner:zhang.min', 'owner:wang.fang', 'month:2026-10', 'month:2026-11', 'month:2026-12'],
      ['q4-revenue', '第四季度销售额达到 1200 万元', 'revenue', 12000000, 40, 'li.wei', undefined, 'company/revenue', undefined, 5000000, 7000000, 3500000, 4000000, 4500000],
      ['q4-new-customers', '新增客户 300 家', 'new_customers', 300, 20, 'zhang.min', undefined, 'company/new-customers', undefined, 120, 180],
    ]);
    // Targets are numbers shown in their KPI's unit: yuan for revenue (the example's locale is zh-CN), a percentage for retention.
    expect(sheet['D2']).toMatchObject({ t: 'n', v: 12000000, z: '"¥"#,##0' });
    expect(sheet['D4']).toMatchObject({ t: 'n', v: 0.85, z: '0.0%' });
    expect(sheet['!autofilter']).toEqual({ ref: 'A1:N7' });
  });

  it('gives back every goal set of the example: export, then import each sheet into the goals without its file', async () => {
    const dir = exampleCopy('round-trip');
    expect((await run(dir, ['export', 'goals', '--out', 'goals.xlsx'])).code).toBe(0);
    const original = await validated(dir);
    expect(original.model.goalSets).toHaveLength(6);
    for (const goalSet of original.model.goalSets) {
      const copy = exampleCopy('round-trip-sheet');
      copyFileSync(path.join(dir, 'goals.xlsx'), path.join(copy, 'goals.xlsx'));
      const file = goalSet.at.doc.source.path;
      rmSync(path.join(copy, file));
      const imported = await run(copy, ['import', 'goals.xlsx', '--team', goalSet.team!, '--period', goalSet.period!.id]);
      expect(imported).toEqual({
        code: 0,
        stdout: `Wrote ${file}: ${goalSet.goals.length} goal${goalSet.goals.length === 1 ? '' : 's'} from sheet "${goalSet.team} ${goalSet.period!.id}" of goals.xlsx. Check it with goalpost validate goals.\n`,
        stderr: '',
      });
      const after = await validated(copy);
      expect(after.diagnostics).toEqual([]);
      const back = after.model.goalSets.find((each) => each.at.doc.source.path === file)!;
      expect(sheetMeaning(back)).toEqual(sheetMeaning(goalSet));
    }
  });

  it('keeps text that a spreadsheet would run as a formula as text, and gives it back unchanged', async () => {
    const dir = exampleCopy('round-trip-formula');
    const file = path.join(dir, 'goals/2026-Q4/sales.yaml');
    const title = '=HYPERLINK("https://example.com","新增客户 500 家")';
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: 新增客户 500 家', `title: ${JSON.stringify(title)}\n    notes: "'-stays as written"`));
    expect((await run(dir, ['export', 'goals', '--out', 'goals.xlsx'])).code).toBe(0);
    const sheet = readBack(readFileSync(path.join(dir, 'goals.xlsx'))).Sheets['sales 2026-Q4']!;
    expect(sheet['B3']).toMatchObject({ t: 's', v: `'${title}` });
    expect(sheet['B3'].f).toBeUndefined();
    // The notes start with an apostrophe before "-": one more, so that import takes exactly one away.
    expect(sheet['H3']).toMatchObject({ t: 's', v: "''-stays as written" });

    const original = (await validated(dir)).model.goalSets.find((each) => each.team === 'sales' && each.period?.id === '2026-Q4')!;
    rmSync(file);
    expect((await run(dir, ['import', 'goals.xlsx', '--team', 'sales', '--period', '2026-Q4'])).code).toBe(0);
    const back = (await validated(dir)).model.goalSets.find((each) => each.team === 'sales' && each.period?.id === '2026-Q4')!;
    expect(back.goals[1]).toMatchObject({ title, notes: "'-stays as written" });
    expect(sheetMeaning(back)).toEqual(sheetMeaning(original));
  });
});
