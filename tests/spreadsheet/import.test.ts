import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleCopy, run, validated, writeWorkbook, type Row } from './workbooks.js';

const header: Row = ['id', 'kpi', 'title', 'target', 'weight', 'owner', 'owner:zhang.min', 'owner:wang.fang', 'notes', 'Budget'];

/**
 * Marketing's first quarter of 2027 with four mistakes: an unknown column
 * (J1), a breakdown by owner that adds up to 300 of 320 (G3:H3), a target
 * written as "280万" (D6) and a KPI id misspelt (B7). Row 4 is empty.
 */
const plannedWithMistakes: Row[] = [
  header,
  ['q1-revenue', 'revenue', '第一季度销售额达到 1300 万元', { formula: 'G2+H2', result: 13000000 }, 40, 'li.wei', 6000000, 7000000],
  ['q1-new-customers', 'new_customers', '新增客户 320 家', 320, 20, 'zhang.min', 100, 200],
  [],
  ['q1-roi', 'marketing_roi', '营销投资回报率达到 3.2', '3.2', 10, 'chen.jie'],
  ['q1-budget', 'marketing_spend', '营销费用控制在 280 万元以内', '280万', 10, 'li.wei'],
  ['q1-attrition', 'attrition_rat', '人才流失率控制在 5% 以内', 0.05, 20, 'li.wei'],
];

/** The same quarter planned by month, with a formula, a figure typed as text with separators, an empty row and texts YAML must quote. */
const planned: Row[] = [
  ['id', 'title', 'kpi', 'target', 'weight', 'owner', 'month:2027-01', 'month:2027-02', 'month:2027-03', 'notes'],
  ['q1-revenue', '第一季度销售额达到 1300 万元', 'revenue', { formula: 'SUM(G2:I2)', result: 13000000 }, 60, 'li.wei', 4000000, '4,300,000', 4700000, "Plan: 'stretch' #1"],
  [],
  // The apostrophe is the formula guard goalpost's own export writes: it is not part of the title.
  ['q1-new-customers', "'+320 new customers", 'new_customers', 320, 40, 'zhang.min', 100, 100, 120],
];

describe('goalpost import', () => {
  it('reports every problem at its cell and writes nothing', async () => {
    const dir = exampleCopy('import-problems');
    await writeWorkbook(path.join(dir, 'plan.xlsx'), { 'Q1 plan': plannedWithMistakes });
    const result = await run(dir, ['import', 'plan.xlsx', '--team', 'marketing', '--period', '2027-Q1']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: [
        'plan.xlsx, sheet "Q1 plan", cell J1: error unknown-column The column "Budget" is not one goalpost knows. A goal\'s columns are id, title, kpi, target, weight, owner, comparison, baseline, alignsTo, due, contributors, notes; a breakdown item\'s column is named dimension:key, such as owner:zhang.min or month:2026-10.',
        'plan.xlsx, sheet "Q1 plan", cells G3:H3: error breakdown-sum The breakdown by owner adds up to 300, but the goal\'s target is 320: 20 short (6.25%).',
        'plan.xlsx, sheet "Q1 plan", cell D6: error not-a-number The target "280万" is not a number. Write the figure itself, such as 12000000 or 12,000,000.',
        'plan.xlsx, sheet "Q1 plan", cell B7: error unknown-kpi KPI "attrition_rat" is not in the KPI catalog. Did you mean "attrition_rate"?',
        'goalpost: 4 errors; nothing was written. Correct the sheet and import it again.',
        '',
      ].join('\n'),
    });
    expect(existsSync(path.join(dir, 'goals/2027-Q1'))).toBe(false);
  });

  it('places a breakdown key that names no member at its column header, and the item value at its own cell', async () => {
    const dir = exampleCopy('import-keys');
    const rows: Row[] = [
      ['id', 'title', 'kpi', 'target', 'weight', 'owner', 'owner:zhang.min', 'owner:wang.fan'],
      ['q1-revenue', '第一季度销售额', 'revenue', 13000000, 100, 'li.wei', 6000000, -7000000],
    ];
    await writeWorkbook(path.join(dir, 'plan.xlsx'), { plan: rows });
    const result = await run(dir, ['import', 'plan.xlsx', '--team', 'marketing', '--period', '2027-Q1']);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('plan.xlsx'))).toEqual([
      'plan.xlsx, sheet "plan", cell H1: error unknown-person The breakdown owner "wang.fan" is not a member of team "marketing". Did you mean "wang.fang"? Add them to the team file or choose a member.',
      'plan.xlsx, sheet "plan", cells G2:H2: error breakdown-sum The breakdown by owner adds up to -1,000,000, but the goal\'s target is 13,000,000: 14,000,000 short (107.69%).',
      'plan.xlsx, sheet "plan", cell H2: error negative-target The target -7,000,000 is negative, but KPI "revenue" is measured in CNY, which cannot be below zero.',
    ]);
  });

  it('writes a goal set that validates, with numbers as numbers and text quoted safely, and never overwrites it', async () => {
    const dir = exampleCopy('import-writes');
    await writeWorkbook(path.join(dir, 'plan.xlsx'), { 'marketing 2027-Q1': planned, notes: [['anything']] });
    const first = await run(dir, ['import', 'plan.xlsx', '--team', 'marketing', '--period', '2027-Q1']);
    expect(first).toEqual({
      code: 0,
      stdout: 'Wrote goals/2027-Q1/marketing.yaml: 2 goals from sheet "marketing 2027-Q1" of plan.xlsx. Check it with goalpost validate goals.\n',
      stderr: '',
    });
    const file = path.join(dir, 'goals/2027-Q1/marketing.yaml');
    const written = readFileSync(file, 'utf8');
    expect(written).toBe(
      [
        '# yaml-language-server: $schema=../../schemas/goal-set.schema.json',
        'apiVersion: goalpost/v1',
        'kind: GoalSet',
        'team: marketing',
        'period: 2027-Q1',
        'goals:',
        '  - id: q1-revenue',
        '    title: 第一季度销售额达到 1300 万元',
        '    kpi: revenue',
        '    target: 13000000',
        '    weight: 60',
        '    owner: li.wei',
        `    notes: "Plan: 'stretch' #1"`,
        '    breakdown:',
        '      - by: month',
        '        items:',
        '          2027-01: 4000000',
        '          2027-02: 4300000',
        '          2027-03: 4700000',
        '  - id: q1-new-customers',
        '    title: +320 new customers',
        '    kpi: new_customers',
        '    target: 320',
        '    weight: 40',
        '    owner: zhang.min',
        '    breakdown:',
        '      - by: month',
        '        items:',
        '          2027-01: 100',
        '          2027-02: 100',
        '          2027-03: 120',
        '',
      ].join('\n'),
    );
    const { diagnostics, model } = await validated(dir);
    expect(diagnostics).toEqual([]);
    const goalSet = model.goalSets.find((each) => each.team === 'marketing' && each.period?.id === '2027-Q1')!;
    expect(goalSet.goals.map((goal) => [goal.title, goal.target, goal.notes])).toEqual([
      ['第一季度销售额达到 1300 万元', 13000000, "Plan: 'stretch' #1"],
      ['+320 new customers', 320, undefined],
    ]);

    const again = await run(dir, ['import', 'plan.xlsx', '--team', 'marketing', '--period', '2027-Q1']);
    expect(again).toEqual({
      code: 2,
      stdout: '',
      stderr: 'goalpost: goals/2027-Q1/marketing.yaml already exists; goalpost import never overwrites a file. Choose another --out, or remove the file first.\n',
    });
    expect(readFileSync(file, 'utf8')).toBe(written);
  });

  it('writes a goal set with warnings, and shows what it changes in other files where they are', async () => {
    const dir = exampleCopy('import-warnings');
    // Marketing's fourth quarter planned 1,000,000 lower than the company's plan expects; without the check-ins,
    // which speak of goals this sheet does not have.
    rmSync(path.join(dir, 'goals/2026-Q4/marketing.yaml'));
    rmSync(path.join(dir, 'goals/checkins'), { recursive: true });
    await writeWorkbook(path.join(dir, 'plan.xlsx'), {
      plan: [
        ['id', 'title', 'kpi', 'target', 'weight', 'owner', 'alignsTo', 'month:2026-10', 'month:2026-11', 'month:2026-12'],
        ['q4-revenue', '第四季度销售额达到 1100 万元', 'revenue', 11000000, 100, 'li.wei', 'company/revenue', 3500000, 3500000, 4000000],
      ],
    });
    expect(await run(dir, ['import', 'plan.xlsx', '--team', 'marketing', '--period', '2026-Q4'])).toEqual({
      code: 0,
      stdout: 'Wrote goals/2026-Q4/marketing.yaml: 1 goal from sheet "plan" of plan.xlsx, with 1 warning above. Check it with goalpost validate goals.\n',
      stderr:
        "goals/FY2026/company.yaml:21:28 warning rollup-sum The goals of team marketing aligned to company/FY2026/revenue add up to 21,800,000 (marketing/2026-Q3/q3-revenue 10,800,000, marketing/2026-Q4/q4-revenue 11,000,000): 1,000,000 short of the team's share of 22,800,000 (4.39%). The team's share of 42,000,000 for FY2026 is counted over the months the goals cover, 2026-07 to 2026-12.\n",
    });
    // The company's quarter misses marketing's new customers with or without the sheet: those two warnings were there
    // before the import, so it does not show them as its own.
    expect((await validated(dir)).diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`)).toEqual([
      'actuals-rollup-mismatch goals/2026-Q4/company.yaml:9:10',
      'rollup-sum goals/2026-Q4/company.yaml:10:13',
      'rollup-sum goals/FY2026/company.yaml:21:28',
    ]);
  });

  it("writes a goal set that is right into a repository with errors of its own, and says they are not the sheet's", async () => {
    const dir = exampleCopy('import-broken-repository');
    const sales = path.join(dir, 'goals/2026-Q3/sales.yaml');
    writeFileSync(sales, readFileSync(sales, 'utf8').replace('weight: 40', 'weight: 35'));
    await writeWorkbook(path.join(dir, 'plan.xlsx'), { plan: planned });
    expect(await run(dir, ['import', 'plan.xlsx', '--team', 'marketing', '--period', '2027-Q1'])).toEqual({
      code: 0,
      stdout: 'Wrote goals/2027-Q1/marketing.yaml: 2 goals from sheet "plan" of plan.xlsx. Check it with goalpost validate goals.\n',
      stderr: 'goalpost: note: goals has 1 error of its own, not caused by the sheet; goalpost validate goals lists it.\n',
    });
  });

  it('reports a second goal set for the same team and period at --period when written elsewhere', async () => {
    const dir = exampleCopy('import-duplicate');
    await writeWorkbook(path.join(dir, 'plan.xlsx'), { 'marketing 2026-Q4': planned.map((row) => row.map((cell) => (typeof cell === 'string' ? cell.replace('2027-0', '2026-1') : cell))) });
    const result = await run(dir, ['import', 'plan.xlsx', '--team', 'marketing', '--period', '2026-Q4', '--out', 'goals/drafts/marketing.yaml']);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(
      'plan.xlsx, sheet "marketing 2026-Q4", --period 2026-Q4: error duplicate-goal-set Team "marketing" already has a goal set for 2026-Q4 at goals/2026-Q4/marketing.yaml:5. Keep one goal set per team and period.',
    );
    expect(existsSync(path.join(dir, 'goals/drafts'))).toBe(false);
  });

  it('asks for --sheet when the workbook has several sheets and none is named for the team and period', async () => {
    const dir = exampleCopy('import-sheets');
    await writeWorkbook(path.join(dir, 'plan.xlsx'), { Q1: planned, Q2: planned });
    expect(await run(dir, ['import', 'plan.xlsx', '--team', 'marketing', '--period', '2027-Q1'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'goalpost: The workbook has 2 sheets ("Q1", "Q2") and none is named "marketing 2027-Q1": choose one with --sheet.\n',
    });
    const chosen = await run(dir, ['import', 'plan.xlsx', '--team', 'marketing', '--period', '2027-Q1', '--sheet', 'q1']);
    expect(chosen.code).toBe(0);
    expect(chosen.stdout).toBe('Wrote goals/2027-Q1/marketing.yaml: 2 goals from sheet "Q1" of plan.xlsx. Check it with goalpost validate goals.\n');
  });

  it('refuses a file that is not a workbook', async () => {
    const dir = exampleCopy('import-not-xlsx');
    writeFileSync(path.join(dir, 'plan.csv'), 'id,title\n');
    const result = await run(dir, ['import', 'plan.csv', '--team', 'marketing', '--period', '2027-Q1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^goalpost: plan\.csv cannot be read as an Excel workbook \(\.xlsx\): /);
  });
});
