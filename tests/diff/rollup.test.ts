import { describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import type { GoalsDiff } from '../../src/diff/diff.js';
import { GoalsGitRepo } from '../helpers/git-repo.js';

async function run(repo: GoalsGitRepo, args: string[]): Promise<string> {
  let stdout = '';
  const code = await cli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stdout += t), isTTY: false, env: {}, cwd: repo.dir });
  expect(code, stdout).toBe(0);
  return stdout;
}

const salesQ4 = 'goals/2026-Q4/sales.yaml';

describe('goalpost diff of a goal that rolls up into another', () => {
  it('says when a change leaves the goal it serves out of step, and when it adds up again', async () => {
    const repo = new GoalsGitRepo();
    const base = repo.commit('The plan', '2026-10-01T09:00:00+08:00');
    repo.edit(salesQ4, '    target: 18000000\n', '    target: 17000000\n');
    repo.edit(salesQ4, 'items: {2026-10: 5400000, 2026-11: 6000000, 2026-12: 6600000}', 'items: {2026-10: 5000000, 2026-11: 5800000, 2026-12: 6200000}');
    const lowered = repo.commit('A smaller fourth quarter for sales', '2026-11-20T09:00:00+08:00');
    const text = await run(repo, ['diff', base, lowered]);
    // Sales' share of the year is 63M × (27M + 30M) ÷ 105M = 34.2M over July to December; its quarters now add up to 16.2M + 17M.
    expect(text).toContain(
      '    - Rolls up into company/FY2026/revenue “2026 财年销售额达到 1.05 亿元”: The goals of team sales aligned to company/FY2026/revenue add up to 33,200,000 (sales/2026-Q3/q3-revenue 16,200,000, sales/2026-Q4/q4-revenue 17,000,000): 1,000,000 short of the team\'s share of 34,200,000 (2.92%).',
    );
    const json = JSON.parse(await run(repo, ['diff', base, lowered, '--format', 'json'])) as GoalsDiff;
    expect(json.goalSets[0]!.goals[0]!.rollup).toMatchObject({ into: 'company/FY2026/revenue', addedUpBefore: true });

    repo.edit('goals/FY2026/company.yaml', 'items: {marketing: 42000000, sales: 63000000}', 'items: {marketing: 43842105.26, sales: 61157894.74}');
    const again = repo.commit('The company moves part of sales’ share to marketing', '2026-11-21T09:00:00+08:00');
    // A goal that serves no other has nothing to roll up into.
    expect(await run(repo, ['diff', lowered, again])).not.toContain('Rolls up into');
    repo.edit(salesQ4, '    target: 17000000\n', '    target: 18000000\n');
    repo.edit(salesQ4, 'items: {2026-10: 5000000, 2026-11: 5800000, 2026-12: 6200000}', 'items: {2026-10: 5400000, 2026-11: 6000000, 2026-12: 6600000}');
    repo.edit('goals/FY2026/company.yaml', 'items: {marketing: 43842105.26, sales: 61157894.74}', 'items: {marketing: 42000000, sales: 63000000}');
    const restored = repo.commit('Back to the plan', '2026-11-22T09:00:00+08:00');
    expect(await run(repo, ['diff', lowered, restored])).toContain('    - Rolls up into company/FY2026/revenue “2026 财年销售额达到 1.05 亿元”, which now adds up');
  });
});
