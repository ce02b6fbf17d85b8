import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import type { GoalsDiff } from '../../src/diff/diff.js';
import { GoalsGitRepo } from '../helpers/git-repo.js';

const goalSet = 'goals/2026-Q4/marketing.yaml';
const kpis = 'goals/kpis.yaml';

let repo: GoalsGitRepo;
const commits: Record<string, string> = {};

async function diff(args: string[], format = 'json'): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await cli(['diff', ...args, '--format', format], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    isTTY: false,
    env: {},
    cwd: repo.dir,
  });
  return { code, stdout, stderr };
}

async function diffJson(base: string, head: string): Promise<GoalsDiff> {
  const result = await diff([commits[base]!, commits[head]!]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as GoalsDiff;
}

beforeAll(() => {
  repo = new GoalsGitRepo();
  commits['base'] = repo.commit('Q4 goals', '2026-10-01T09:00:00+08:00');

  repo.edit(goalSet, '    target: 300\n', '    target: 330\n');
  repo.edit(goalSet, 'items: {zhang.min: 120, wang.fang: 180}', 'items: {zhang.min: 150, wang.fang: 180}');
  commits['target'] = repo.commit('Raise the new-customer target after a strong October', '2026-11-03T10:00:00+08:00');

  repo.edit(goalSet, '    target: 3.0\n    weight: 10\n', '    target: 3.0\n    weight: 5\n');
  repo.edit(goalSet, '    target: 0.05\n    weight: 10\n', '    target: 0.05\n    weight: 15\n');
  commits['weights'] = repo.commit('Weigh attrition more than ROI', '2026-11-04T10:00:00+08:00');

  repo.edit(goalSet, '    owner: chen.jie\n', '    owner: li.wei\n');
  commits['owner'] = repo.commit('Li Wei takes over the ROI goal', '2026-11-05T10:00:00+08:00');

  repo.write(goalSet, `${repo.read(goalSet)}  - id: q4-training\n    title: 团队培训 300 小时\n    kpi: training_hours\n    target: 300\n    weight: 0\n    owner: chen.jie\n`);
  commits['added'] = repo.commit('Track training hours', '2026-11-06T10:00:00+08:00');

  repo.edit(goalSet, '  - id: q4-training\n', '  - id: q4-training-hours\n');
  commits['renamed'] = repo.commit('Clearer id', '2026-11-07T10:00:00+08:00');

  repo.edit(goalSet, '  - id: q4-training-hours\n    title: 团队培训 300 小时\n    kpi: training_hours\n    target: 300\n    weight: 0\n    owner: chen.jie\n', '');
  commits['removed'] = repo.commit('Drop the training goal', '2026-11-08T10:00:00+08:00');

  repo.edit(kpis, 'formula: (attributed_revenue - marketing_spend) / marketing_spend', 'formula: attributed_revenue / marketing_spend');
  repo.edit(kpis, 'training_hours:     {name: 培训时长, unit: hours,', 'training_hours:     {name: 培训时长, unit: count,');
  commits['kpi'] = repo.commit('ROI as revenue per yuan spent', '2026-11-09T10:00:00+08:00');

  // Formatting only: flow maps to block maps, reordered keys, comments, quotes, a moved file.
  repo.edit(goalSet, '  - id: q4-roi\n    title: 营销投资回报率达到 3.0\n    kpi: marketing_roi\n', '  # ROI\n  - title: "营销投资回报率达到 3.0"\n    id: \'q4-roi\'\n    kpi: marketing_roi   # derived\n');
  repo.edit(goalSet, 'items: {zhang.min: 150, wang.fang: 180}', 'items:\n          wang.fang: 180\n          zhang.min: 150');
  repo.edit(kpis, 'formula: attributed_revenue / marketing_spend', 'formula: "attributed_revenue/marketing_spend"');
  repo.move(goalSet, 'goals/marketing/2026-Q4.yaml');
  commits['formatting'] = repo.commit('Tidy the goal files', '2026-11-10T10:00:00+08:00');
});

describe('goalpost diff', () => {
  it('reports a target change with old, new, absolute and percent change, item by item, and what it does to scores', async () => {
    const result = await diffJson('base', 'target');
    expect(result.kpis).toEqual([]);
    expect(result.goalSets).toHaveLength(1);
    const [set] = result.goalSets;
    expect(set).toMatchObject({ team: 'marketing', period: '2026-Q4', change: 'changed', weightTotal: null });
    const [goal] = set!.goals;
    expect(goal).toMatchObject({ id: 'q4-new-customers', change: 'changed' });
    expect(goal!.fields).toEqual([{ field: 'target', before: 300, after: 330, delta: 30, percent: 0.1 }]);
    expect(goal!.breakdown).toEqual([
      { by: 'owner', within: [], key: 'zhang.min', change: 'changed', fields: [{ field: 'target', before: 120, after: 150, delta: 30, percent: 0.25 }] },
    ]);
    // 208 new customers after two of three months: expected 200 → 220, so on-track (1.04) → at-risk (0.945)
    expect(goal!.effect).toMatchObject({
      bestPossible: { before: false, after: false },
      met: { before: null, after: null },
      status: { before: 'on-track', after: 'at-risk' },
    });
    expect(goal!.effect!.attainment.before).toBeCloseTo(208 / 200, 12);
    expect(goal!.effect!.attainment.after).toBeCloseTo(208 / 220, 12);
    expect(goal!.effect!.score.before).toBeCloseTo(((208 / 200) * 20) / 100, 12);
    expect(goal!.effect!.score.after).toBeCloseTo(((208 / 220) * 20) / 100, 12);
    // revenue 7.65M of 7.5M planned, retention on course, ROI 1, the budget heading over its cap 0, attrition capped at 1.2
    const before = ((7_650_000 / 7_500_000) * 40 + (208 / 200) * 20 + 10 + 10 + 0 + 1.2 * 10) / 100;
    const after = ((7_650_000 / 7_500_000) * 40 + (208 / 220) * 20 + 10 + 10 + 0 + 1.2 * 10) / 100;
    expect(set!.score!.before).toBeCloseTo(before, 12);
    expect(set!.score!.after).toBeCloseTo(after, 12);
  });

  it('reports weight changes and the new total', async () => {
    const [set] = (await diffJson('target', 'weights')).goalSets;
    expect(set!.goals.map((g) => [g.id, g.fields])).toEqual([
      ['q4-roi', [{ field: 'weight', before: 10, after: 5, delta: -5, percent: -0.5 }]],
      ['q4-attrition', [{ field: 'weight', before: 10, after: 15, delta: 5, percent: 0.5 }]],
    ]);
    expect(set!.weightTotal).toEqual({ before: 100, after: 100 });
  });

  it('reports an owner change', async () => {
    const [set] = (await diffJson('weights', 'owner')).goalSets;
    expect(set!.goals.map((g) => [g.id, g.fields])).toEqual([['q4-roi', [{ field: 'owner', before: 'chen.jie', after: 'li.wei' }]]]);
  });

  it('reports goals added, renamed (same KPI and owner, new id) and removed', async () => {
    expect((await diffJson('owner', 'added')).goalSets[0]!.goals).toMatchObject([
      { id: 'q4-training', change: 'added', summary: { kpi: 'training_hours', target: 300, weight: 0, owner: 'chen.jie' } },
    ]);
    expect((await diffJson('added', 'renamed')).goalSets[0]!.goals).toMatchObject([
      { id: 'q4-training-hours', change: 'renamed', renamedFrom: 'q4-training', fields: [{ field: 'id', before: 'q4-training', after: 'q4-training-hours' }] },
    ]);
    expect((await diffJson('renamed', 'removed')).goalSets[0]!.goals).toMatchObject([{ id: 'q4-training-hours', change: 'removed' }]);
  });

  it('reports KPI definition changes with every goal that uses the KPI', async () => {
    const result = await diffJson('removed', 'kpi');
    expect(result.kpis).toEqual([
      {
        id: 'marketing_roi',
        name: '营销投资回报率',
        change: 'changed',
        fields: [{ field: 'formula', before: '(attributed_revenue - marketing_spend) / marketing_spend', after: 'attributed_revenue / marketing_spend' }],
        usedBy: ['marketing/2026-Q4/q4-roi'],
      },
      { id: 'training_hours', name: '培训时长', change: 'changed', fields: [{ field: 'unit', before: 'hours', after: 'count' }], usedBy: [] },
    ]);
    // ROI goes from 3.0 to 7.4M / 1.85M = 4.0: attainment 1 → 4/3
    const roi = result.goalSets[0]!.goals.find((g) => g.id === 'q4-roi')!;
    expect(roi.fields).toEqual([]);
    expect(roi.effect!.attainment.before).toBeCloseTo(1, 12);
    expect(roi.effect!.attainment.after).toBeCloseTo(4 / 3, 12);
  });

  it('reports nothing for reordered keys, comments, quoting, flow style and a moved file', async () => {
    const result = await diffJson('kpi', 'formatting');
    expect(result).toMatchObject({ goalSets: [], kpis: [] });
    expect((await diff([commits['kpi']!, commits['formatting']!], 'text')).stdout).toBe('No changes to the goals.\n');
  });

  it('explains the changes in words, as text and as Markdown', async () => {
    const text = (await diff([commits['base']!, commits['owner']!], 'text')).stdout;
    expect(text).toBe(
      [
        '市场营销部 (marketing) · Q4 2026',
        '  - Changed goal q4-new-customers “新增客户 300 家”',
        '    - Target raised from 300 to 330 (+30, +10%)',
        '    - Breakdown by owner: zhang.min (张敏) target raised from 120 to 150 (+30, +25%)',
        // 208 against 200 expected by November, then against 220
        '    - Effect as of Nov 2026: attainment 104% → 94.5%, status on-track → at-risk, weighted score 20.8 → 18.9',
        // The company's 800 new customers are marketing's and sales' together: 330 + 500 is 30 over.
        "    - Rolls up into company/2026-Q4/new-customers “新增客户 800 家”: The goals aligned to company/2026-Q4/new-customers add up to 830 (marketing/2026-Q4/q4-new-customers 330, sales/2026-Q4/q4-new-customers 500): 30 over its target of 800 (3.75%).",
        '  - Changed goal q4-roi “营销投资回报率达到 3.0”',
        '    - Weight changed from 10 to 5',
        '    - Owner changed from chen.jie (陈杰) to li.wei (李伟)',
        '    - Effect as of Nov 2026: weighted score 10 → 5',
        '  - Changed goal q4-attrition “人才流失率控制在 5% 以内”',
        '    - Weight changed from 10 to 15',
        '    - Effect as of Nov 2026: weighted score 12 → 18',
        '  - Weights now total 100',
        // 1.02 × 40 + 208/220 × 20 + 10 + 1 × 5 + 0 × 10 + 1.2 × 15 = 92.7, from 1.02 × 40 + 1.04 × 20 + 10 + 10 + 0 + 12 = 93.6
        '  - Team score 93.6% → 92.7%',
        '',
      ].join('\n'),
    );
    const md = (await diff([commits['removed']!, commits['kpi']!], 'md')).stdout;
    expect(md).toContain('#### KPI catalog');
    expect(md).toContain('- Changed KPI `marketing_roi` (营销投资回报率)\n  - Formula changed from `(attributed_revenue - marketing_spend) / marketing_spend` to `attributed_revenue / marketing_spend`\n  - Used by `marketing/2026-Q4/q4-roi`');
  });

  it('compares with the working tree by default, and with the default branch when no base is named', async () => {
    repo.git('checkout', '-q', '-b', 'feature', commits['formatting']!);
    repo.edit('goals/marketing/2026-Q4.yaml', '    target: 330\n', '    target: 360\n');
    const result = await diff([commits['formatting']!]);
    const goal = (JSON.parse(result.stdout) as GoalsDiff).goalSets[0]!.goals[0]!;
    expect(goal.fields[0]).toMatchObject({ field: 'target', before: 330, after: 360 });
    repo.git('branch', '-f', 'main', commits['kpi']!);
    const fromMain = JSON.parse((await diff([])).stdout) as GoalsDiff;
    expect(fromMain.goalSets[0]!.goals[0]!.fields[0]).toMatchObject({ before: 330, after: 360 });
    repo.git('checkout', '-q', '--', '.');
  });

  it('exits 2 with a clear message for an unknown revision or outside a repository', async () => {
    expect(await diff(['no-such-branch'])).toMatchObject({ code: 2, stderr: 'goalpost: "no-such-branch" is not a commit in this repository.\n' });
  });
});
