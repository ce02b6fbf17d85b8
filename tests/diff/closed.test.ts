import { rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import { compareRepositories } from '../../src/diff/compare.js';
import type { GoalsDiff } from '../../src/diff/diff.js';
import { GoalsGitRepo } from '../helpers/git-repo.js';

const goalSet = 'goals/2026-Q3/marketing.yaml';

/** A small goals folder of its own, so that edits to the worked example do not move the lines asserted here. */
const files: Record<string, string> = {
  'goals/kpis.yaml': `apiVersion: goalpost/v1
kind: KpiCatalog
kpis:
  revenue: {name: 销售额, unit: CNY, direction: increase, aggregate: sum}
  new_customers: {name: 新增客户数, unit: count, direction: increase, aggregate: sum}
`,
  'goals/teams/marketing.yaml': `apiVersion: goalpost/v1
kind: Team
id: marketing
name: 市场营销部
lead: li.wei
members:
  li.wei: {name: 李伟}
  zhang.min: {name: 张敏}
  wang.fang: {name: 王芳}
`,
  [goalSet]: `apiVersion: goalpost/v1
kind: GoalSet
team: marketing
period: 2026-Q3
goals:
  - id: q3-revenue
    title: 第三季度销售额达到 1080 万元
    kpi: revenue
    target: 10800000
    weight: 60
    owner: li.wei
    breakdown:
      - by: owner
        items: {zhang.min: 4500000, wang.fang: 6300000}
  - id: q3-new-customers
    title: 新增客户 260 家
    kpi: new_customers
    target: 260
    weight: 40
    owner: zhang.min
`,
  // 10.26M of 10.8M is 95%; 261 of 260 customers.
  'goals/actuals/2026-q3.csv': `period,team,kpi,value
2026-07,marketing,revenue,3300000
2026-08,marketing,revenue,3400000
2026-09,marketing,revenue,3560000
2026-07,marketing,new_customers,80
2026-08,marketing,new_customers,90
2026-09,marketing,new_customers,91
`,
};

const final = `    final:
      attainment: 1.0
      reason: 9 月华南展会被主办方取消（不可抗力），评审会认可按 100% 计
`;
const closedWithReview = `closed: {date: 2026-10-05, by: li.wei}
review:
  wentWell: [七月新品发布带来的线索转化率高于预期, 华东区按月完成销售额]
  toImprove: [华南区过于依赖单一展会获客, 月度数据汇总太晚]
  actions: [华南区每季度至少两个获客渠道, 每月 5 日前提交上月实际值]
`;

let repo: GoalsGitRepo;
const commits: Record<string, string> = {};

async function diff(base: string, head: string, format = 'json'): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await cli(['diff', commits[base]!, commits[head]!, '--format', format], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    isTTY: false,
    env: {},
    cwd: repo.dir,
  });
  return { code, stdout, stderr };
}

async function diffJson(base: string, head: string): Promise<{ code: number; diff: GoalsDiff }> {
  const result = await diff(base, head);
  expect(result.stderr).toBe('');
  return { code: result.code, diff: JSON.parse(result.stdout) as GoalsDiff };
}

beforeAll(() => {
  repo = new GoalsGitRepo();
  rmSync(path.join(repo.dir, 'goals'), { recursive: true, force: true });
  for (const [file, text] of Object.entries(files)) repo.write(file, text);
  commits['open'] = repo.commit('Q3 goals', '2026-07-01T09:00:00+08:00');

  repo.edit(goalSet, '6300000}\n', `6300000}\n${final}`);
  repo.write(goalSet, `${repo.read(goalSet)}${closedWithReview}`);
  commits['closed'] = repo.commit('Close Q3 (复盘)', '2026-10-05T18:00:00+08:00');

  repo.edit(goalSet, '    target: 10800000\n', '    target: 12000000\n');
  commits['target'] = repo.commit('Raise the Q3 revenue target after the fact', '2026-10-10T10:00:00+08:00');

  repo.edit(goalSet, '    target: 12000000\n', '    target: 10800000\n');
  repo.edit(goalSet, '（不可抗力），评审会', '（不可抗力），经销售总监确认，评审会');
  repo.edit(goalSet, '每月 5 日前提交上月实际值]', '每月 5 日前提交上月实际值, 展会预算改投线上渠道]');
  commits['override'] = repo.commit('Clarify the override and add an action', '2026-10-12T10:00:00+08:00');

  repo.edit(goalSet, '    target: 10800000\n', '    target: 10000000\n');
  repo.edit(goalSet, 'items: {zhang.min: 4500000, wang.fang: 6300000}', 'items: {zhang.min: 4500000, wang.fang: 5500000}');
  repo.write(goalSet, `${repo.read(goalSet)}reopened: {date: 2026-10-20, by: li.wei, reason: 华南区划归销售部，目标随之调整}\n`);
  commits['reopened'] = repo.commit('Reopen Q3: the south region moves to sales', '2026-10-20T10:00:00+08:00');
});

describe('goalpost diff of a closed goal set', () => {
  it('shows the closing, the final attainment and the review, and exits 0', async () => {
    const { code, diff: result } = await diffJson('open', 'closed');
    expect(code).toBe(0);
    expect(result.problems).toEqual([]);
    const [set] = result.goalSets;
    expect(set).toMatchObject({
      team: 'marketing',
      period: '2026-Q3',
      closed: { before: null, after: { date: '2026-10-05', by: 'li.wei' } },
      reopened: null,
      review: { before: null, after: { wentWell: ['七月新品发布带来的线索转化率高于预期', '华东区按月完成销售额'] } },
    });
    expect(set!.goals.map((g) => [g.id, g.final])).toEqual([
      ['q3-revenue', { before: null, after: { attainment: 1, reason: '9 月华南展会被主办方取消（不可抗力），评审会认可按 100% 计' } }],
    ]);
    const text = (await diff('open', 'closed', 'text')).stdout;
    expect(text).toContain('市场营销部 (marketing) · Q3 2026\n  - Closed on 2026-10-05 by li.wei (李伟)\n  - Changed goal q3-revenue “第三季度销售额达到 1080 万元”\n');
    expect(text).toContain('    - Final attainment set to 100% (reason: “9 月华南展会被主办方取消（不可抗力），评审会认可按 100% 计”)\n');
    expect(text).toContain('  - Review added (went well: 2, to improve: 2, actions: 2)\n');
    expect(text).not.toContain('Error');
  });

  it('reports a target changed after the closing as an error at the changed line, and exits 1 in every format', async () => {
    const { code, diff: result } = await diffJson('closed', 'target');
    expect(code).toBe(1);
    expect(result.problems).toEqual([
      {
        code: 'closed-goal-set-changed',
        severity: 'error',
        message:
          'The goal set marketing 2026-Q3 was closed on 2026-10-05 by li.wei; the target of q3-revenue changed from 10,800,000 to 12,000,000. Reopen it with `reopened: {date, by, reason}` to change it.',
        file: 'goals/2026-Q3/marketing.yaml',
        line: 9,
        column: 13,
        endLine: 9,
        endColumn: 21,
      },
    ]);
    const text = await diff('closed', 'target', 'text');
    expect(text.code).toBe(1);
    expect(text.stdout.split('\n')[0]).toBe(
      'Error: the goal set marketing 2026-Q3 was closed on 2026-10-05 by li.wei; the target of q3-revenue changed from 10,800,000 to 12,000,000. Reopen it with `reopened: {date, by, reason}` to change it. (goals/2026-Q3/marketing.yaml:9:13)',
    );
    expect(text.stdout).toContain('    - Target raised from CN¥10,800,000 to CN¥12,000,000 (+CN¥1,200,000, +11.1%)');
    const md = await diff('closed', 'target', 'md');
    expect(md.code).toBe(1);
    expect(md.stdout.split('\n')[0]).toBe(
      '- ❌ **Error:** the goal set marketing 2026-Q3 was closed on 2026-10-05 by li.wei; the target of q3-revenue changed from 10,800,000 to 12,000,000. Reopen it with \\`reopened: {date, by, reason}\\` to change it. (`goals/2026-Q3/marketing.yaml:9:13`)',
    );
  });

  it('lets the final attainment and the review be edited after the closing, and shows the edits', async () => {
    const { code, diff: result } = await diffJson('closed', 'override');
    expect(code).toBe(0);
    expect(result.problems).toEqual([]);
    const [set] = result.goalSets;
    expect(set!.closed).toBeNull();
    expect(set!.goals.map((g) => [g.id, g.fields, g.breakdown])).toEqual([['q3-revenue', [], []]]);
    expect(set!.review!.after!.actions).toHaveLength(3);
    const text = (await diff('closed', 'override', 'text')).stdout;
    expect(text).toContain(
      '    - Reason for the final attainment of 100% changed to “9 月华南展会被主办方取消（不可抗力），经销售总监确认，评审会认可按 100% 计” (was “9 月华南展会被主办方取消（不可抗力），评审会认可按 100% 计”)\n',
    );
    expect(text).toContain('  - Review edited (went well: 2, to improve: 2, actions: 3)\n');
  });

  it('lets the change that reopens the goal set change its targets', async () => {
    const { code, diff: result } = await diffJson('override', 'reopened');
    expect(code).toBe(0);
    expect(result.problems).toEqual([]);
    expect(result.goalSets[0]!.reopened).toEqual({ before: null, after: { date: '2026-10-20', by: 'li.wei', reason: '华南区划归销售部，目标随之调整' } });
    const text = (await diff('override', 'reopened', 'text')).stdout;
    expect(text).toContain('  - Reopened on 2026-10-20 by li.wei (李伟): “华南区划归销售部，目标随之调整”\n');
    expect(text).toContain('    - Target lowered from CN¥10,800,000 to CN¥10,000,000 (-CN¥800,000, -7.4%)\n');
  });
});

describe('what a closed goal set no longer changes', () => {
  const closedSet = (goals: string, after = ''): string => `apiVersion: goalpost/v1
kind: GoalSet
team: marketing
period: 2026-Q3
goals:
${goals}closed: {date: 2026-10-05, by: li.wei}
${after}`;
  const revenue = `  - id: q3-revenue
    title: 第三季度销售额达到 1080 万元
    kpi: revenue
    target: 10800000
    weight: 60
    owner: li.wei
    breakdown:
      - by: owner
        items: {zhang.min: 4500000, wang.fang: 6300000}
`;
  const customers = `  - id: q3-new-customers
    title: 新增客户 260 家
    kpi: new_customers
    target: 260
    weight: 40
    owner: zhang.min
`;
  const repository = (goalSetText: string | undefined) =>
    Object.entries({ ...files, [goalSet]: goalSetText }).flatMap(([file, text]) => (text === undefined ? [] : [{ path: file, bytes: Buffer.from(text) }]));
  const problems = (before: string | undefined, after: string | undefined): string[] =>
    compareRepositories(repository(before), repository(after)).problems.map((d) => `${d.file}:${d.line}:${d.column} ${d.message.replace(/^The goal set marketing 2026-Q3 was closed on 2026-10-05 by li\.wei; | Reopen it with .*$/g, '')}`);
  const base = closedSet(revenue + customers);

  it('reports each changed weight, owner, KPI and breakdown item where it is in the head', () => {
    const head = closedSet(
      revenue.replace('weight: 60', 'weight: 50').replace('owner: li.wei', 'owner: wang.fang').replace('wang.fang: 6300000}', 'wang.fang: 6000000}') +
        customers.replace('weight: 40', 'weight: 50').replace('kpi: new_customers', 'kpi: revenue'),
    );
    expect(problems(base, head)).toEqual([
      'goals/2026-Q3/marketing.yaml:10:13 the weight of q3-revenue changed from 60 to 50.',
      'goals/2026-Q3/marketing.yaml:11:12 the owner of q3-revenue changed from li.wei to wang.fang.',
      'goals/2026-Q3/marketing.yaml:14:48 the target of wang.fang in the breakdown by owner of q3-revenue changed from 6,300,000 to 6,000,000.',
      'goals/2026-Q3/marketing.yaml:17:10 the KPI of q3-new-customers changed from new_customers to revenue.',
      'goals/2026-Q3/marketing.yaml:19:13 the weight of q3-new-customers changed from 40 to 50.',
    ]);
  });

  it('places what was removed at the closing, and a goal added at its id', () => {
    const added = customers.replace('q3-new-customers', 'q3-leads').replace('kpi: new_customers', 'kpi: revenue');
    expect(problems(base, closedSet(revenue.replace('{zhang.min: 4500000, wang.fang: 6300000}', '{zhang.min: 10800000}') + added))).toEqual([
      'goals/2026-Q3/marketing.yaml:14:28 the target of zhang.min in the breakdown by owner of q3-revenue changed from 4,500,000 to 10,800,000.',
      'goals/2026-Q3/marketing.yaml:15:9 the goal q3-leads was added.',
      'goals/2026-Q3/marketing.yaml:21:1 the goal q3-new-customers was removed.',
      'goals/2026-Q3/marketing.yaml:21:1 wang.fang was removed from the breakdown by owner of q3-revenue.',
    ]);
    expect(problems(base, closedSet(revenue + customers).replace('closed: {date: 2026-10-05, by: li.wei}\n', ''))).toEqual([
      'goals/2026-Q3/marketing.yaml:4:1 this change removes its `closed`.',
    ]);
    expect(problems(base, undefined)).toEqual(['goals/2026-Q3/marketing.yaml:21:1 this change deletes it.']);
  });

  it('leaves titles, notes, due dates and work plans free, and a goal set that was not closed', () => {
    const edited = revenue.replace('第三季度销售额达到 1080 万元', '第三季度销售额 1080 万元').replace('    owner: li.wei\n', '    owner: li.wei\n    notes: 含线上渠道\n    due: 2026-09-30\n');
    expect(problems(base, closedSet(edited + customers))).toEqual([]);
    const open = base.replace('closed: {date: 2026-10-05, by: li.wei}\n', '');
    expect(problems(open, closedSet(revenue.replace('target: 10800000', 'target: 12000000') + customers))).toEqual([]);
  });

  it('keeps a reopened goal set open until it is closed again without `reopened`', () => {
    const reopened = (reason: string) => `reopened: {date: 2026-10-20, by: li.wei, reason: ${reason}}\n`;
    const raised = closedSet(revenue.replace('target: 10800000', 'target: 12000000') + customers, reopened('划归调整'));
    expect(problems(base, raised)).toEqual([]);
    // Reopened in the base: open, so a further change needs no new reopening.
    const again = closedSet(revenue.replace('target: 10800000', 'target: 13000000') + customers, reopened('划归调整'));
    expect(problems(raised, again)).toEqual([]);
    // Closed again (the reopening removed): final once more.
    const reclosed = closedSet(revenue.replace('target: 10800000', 'target: 13000000') + customers);
    expect(problems(again, reclosed)).toEqual([]);
    const changedAfter = closedSet(revenue.replace('target: 10800000', 'target: 14000000') + customers);
    expect(problems(reclosed, changedAfter)).toEqual(['goals/2026-Q3/marketing.yaml:9:13 the target of q3-revenue changed from 13,000,000 to 14,000,000.']);
  });
});
