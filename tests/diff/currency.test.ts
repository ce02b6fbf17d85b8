import { describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import { GoalsGitRepo } from '../helpers/git-repo.js';

async function run(repo: GoalsGitRepo, args: string[]): Promise<string> {
  let stdout = '';
  const code = await cli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stdout += t), isTTY: false, env: {}, cwd: repo.dir });
  expect(code, stdout).toBe(0);
  return stdout;
}

describe('amounts in goalpost diff and goalpost log', () => {
  it('are in the settings’ currency for a KPI whose unit is `currency`', async () => {
    const repo = new GoalsGitRepo();
    repo.edit('goals/goalpost.yaml', 'currency: CNY', 'currency: USD');
    repo.edit('goals/kpis.yaml', 'marketing_spend:    {name: 营销费用, unit: CNY,', 'marketing_spend:    {name: 营销费用, unit: currency,');
    const base = repo.commit('Q4 goals in dollars', '2026-10-01T09:00:00+08:00');
    repo.edit('goals/2026-Q4/marketing.yaml', '    target: 2700000\n', '    target: 3000000\n');
    repo.commit('A larger budget for December', '2026-11-20T09:00:00+08:00');
    const diff = await run(repo, ['diff', base, 'HEAD']);
    expect(diff).toContain('    - Target raised from $2,700,000 to $3,000,000 (+$300,000, +11.1%)\n');
    // 1.85M spent is heading to 2.775M: within a cap of 3M, the goal now counts.
    expect(diff).toContain('    - Effect as of Nov 2026: attainment off course → on course, status at-risk → on-track, weighted score 0 → 10\n');
    const log = await run(repo, ['log', 'q4-budget']);
    expect(log).toContain('q4-budget “第四季度营销费用控制在 270 万元以内”: created with target $2,700,000 — Q4 goals in dollars');
    expect(log).toContain('q4-budget “第四季度营销费用控制在 270 万元以内”: target $2,700,000 → $3,000,000 (+11.1%) — A larger budget for December');
  });
});
