import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentMarker } from '../../src/action/report.js';
import { buildActionBundle, FakeGitHub, runAction as runBundle, type ActionRun } from '../helpers/action-runner.js';
import { GoalsGitRepo } from '../helpers/git-repo.js';

/** The Action bundled from the current sources, run as the runner runs it, against a fake GitHub API. */
let bundle: Awaited<ReturnType<typeof buildActionBundle>>;

const goalSet = 'goals/2026-Q4/marketing.yaml';
let github: FakeGitHub;
let apiUrl: string;
let repo: GoalsGitRepo;
let baseSha: string;
const pullRequestEvent = () => ({ pull_request: { number: 7, base: { sha: baseSha } }, repository: { name: 'goals', owner: { login: 'acme' } } });

function runAction(workspace: string, inputs: Record<string, string>, event: object, eventName = 'pull_request'): Promise<ActionRun> {
  return runBundle(bundle.script, workspace, apiUrl, { inputs, event, eventName });
}

beforeAll(async () => {
  bundle = await buildActionBundle();
  github = new FakeGitHub();
  apiUrl = await github.start();
  repo = new GoalsGitRepo();
  baseSha = repo.commit('Q4 goals', '2026-10-01T09:00:00+08:00');
});

afterAll(async () => {
  await github.stop();
  bundle.remove();
  rmSync(repo.dir, { recursive: true, force: true });
});

describe('the goalpost Action on a pull request', () => {
  it('writes the summary with the diff and the scorecards, sets the outputs, and creates one comment, then updates it', async () => {
    repo.edit(goalSet, '    target: 300\n', '    target: 330\n');
    repo.edit(goalSet, 'items: {zhang.min: 120, wang.fang: 180}', 'items: {zhang.min: 150, wang.fang: 180}');
    const first = await runAction(repo.dir, { path: 'goals', 'fail-on': 'error' }, pullRequestEvent());
    expect(first.code).toBe(0);
    // As of November, two of three months: 535 new customers of 533.3, retention (2823 − 535) ÷ 2600 = 0.88 of 0.85,
    // market share 18.8M ÷ 158M measured from the baseline 11.5% towards 12%.
    const companyScore = ((535 / ((800 * 2) / 3)) * 40 + (0.88 / 0.85) * 30 + ((18_800_000 / 158_000_000 - 0.115) / (0.12 - 0.115)) * 30) / 100;
    // Marketing with the new-customer target raised to 330 (220 expected by November): revenue 7.65M of 7.5M planned,
    // retention and ROI 1, the budget heading over its cap 0, attrition capped at 1.2.
    const marketingScore = ((7_650_000 / 7_500_000) * 40 + (208 / 220) * 20 + 10 + 10 + 0 + 1.2 * 10) / 100;
    expect(first.stdout).not.toMatch(/^::error/m);
    // 330 new customers for marketing and 500 for sales are 30 more than the company's 800: a warning on the company's goal.
    expect(first.stdout.match(/^::warning .*$/gm)).toEqual([expect.stringMatching(/^::warning title=goalpost rollup-sum,file=goals\/2026-Q4\/company\.yaml,line=10,/)]);
    expect(first.outputs).toMatchObject({ errors: '0', warnings: '1', status: 'success' });
    const scores = JSON.parse(first.outputs['score']!) as Record<string, number>;
    expect(Object.keys(scores)).toEqual(['company/FY2026', 'company/2026-Q4', 'marketing/2026-Q3', 'marketing/2026-Q4', 'sales/2026-Q3', 'sales/2026-Q4']);
    expect(scores['company/2026-Q4']).toBeCloseTo(companyScore, 12);
    expect(scores['marketing/2026-Q4']).toBeCloseTo(marketingScore, 12);
    expect(first.summary).toContain('⚠️ **goals**: 0 errors, 1 warning.');
    expect(first.summary).toContain('### What this change does to the goals');
    expect(first.summary).toContain('- Changed goal `q4-new-customers` “新增客户 300 家”\n  - Target raised from 300 to 330 (+30, +10%)');
    expect(first.summary).toContain('### 市场营销部 · 2026年第四季度');
    expect(first.summary).not.toContain('](../people/');
    expect(github.comments).toHaveLength(1);
    const id = github.comments[0]!.id;
    expect(github.comments[0]!.body.startsWith(`${commentMarker}\n## goalpost`)).toBe(true);
    expect(github.comments[0]!.body).toContain('[Full report in the job summary](https://github.com/acme/goals/actions/runs/42)');

    repo.edit(goalSet, '    target: 330\n', '    target: 360\n');
    repo.edit(goalSet, 'items: {zhang.min: 150, wang.fang: 180}', 'items: {zhang.min: 180, wang.fang: 180}');
    const second = await runAction(repo.dir, { path: 'goals' }, pullRequestEvent());
    expect(second.code).toBe(0);
    expect(github.comments.map((c) => c.id)).toEqual([id]);
    expect(github.comments[0]!.body).toContain('Target raised from 300 to 360 (+60, +20%)');
    expect(github.writes()).toEqual([
      'POST /repos/acme/goals/issues/7/comments',
      `PATCH /repos/acme/goals/issues/comments/${id}`,
    ]);
  });

  it('annotates the wrong lines, errors first and at most 10 of each, lists every problem in the summary, and fails the step', async () => {
    // Twelve goals with an unknown owner (errors) and twelve due after the quarter (warnings).
    const goals = Array.from({ length: 12 }, (_, i) =>
      [`  - id: g${i}`, `    title: 目标 ${i}`, '    kpi: revenue', '    target: 100', `    weight: ${i < 10 ? 10 : 0}`, '    owner: nobody', '    due: 2027-03-01'].join('\n'),
    ).join('\n');
    repo.write(goalSet, `apiVersion: goalpost/v1\nkind: GoalSet\nteam: marketing\nperiod: 2026-Q4\ngoals:\n${goals}\n`);
    // The team's check-ins speak of the goals replaced here.
    for (const checkIn of readdirSync(path.join(repo.dir, 'goals/checkins'))) repo.remove(`goals/checkins/${checkIn}`);
    // The plan's own checks (roll-ups into the company's goals, targets against the third quarter) are left out of this count.
    repo.edit('goals/goalpost.yaml', 'rollups: warning', 'rollups: off');
    repo.edit('goals/goalpost.yaml', 'challenge: {maxGrowth: 1.0}', 'challenge: false');
    const result = await runAction(repo.dir, { path: 'goals', comment: 'false' }, pullRequestEvent());
    expect(result.code).toBe(1);
    const annotations = result.stdout.split('\n').filter((line) => /^::(error|warning) /.test(line));
    expect(annotations).toHaveLength(20);
    expect(annotations.slice(0, 10).every((line) => line.startsWith('::error '))).toBe(true);
    expect(annotations.slice(10).every((line) => line.startsWith('::warning '))).toBe(true);
    expect(annotations[0]).toBe(
      '::error title=goalpost unknown-person,file=goals/2026-Q4/marketing.yaml,line=11,endLine=11,col=12,endColumn=17::The owner "nobody" is not a member of team "marketing". Add them to the team file or choose a member.',
    );
    expect(result.stdout).toMatch(/^::error::goalpost found 12 errors in goals\.$/m);
    expect(result.outputs).toMatchObject({ errors: '12', warnings: '12', status: 'failure', score: '{}' });
    expect(result.summary).toContain('❌ **goals**: 12 errors, 12 warnings.');
    expect(result.summary).toContain('all 24 are listed here');
    expect(result.summary.match(/^\| `goals\/2026-Q4\/marketing\.yaml:\d+:\d+` \|/gm)).toHaveLength(24);
    repo.git('checkout', '-q', '--', '.');
  });

  it('fails on warnings only when asked to', async () => {
    repo.edit(goalSet, '    owner: li.wei\n    alignsTo: company/revenue\n    breakdown:', '    owner: li.wei\n    alignsTo: company/revenue\n    due: 2027-01-31\n    breakdown:');
    const lenient = await runAction(repo.dir, { path: 'goals', comment: 'false' }, {}, 'push');
    expect(lenient).toMatchObject({ code: 0, outputs: { errors: '0', warnings: '1', status: 'success' } });
    const strict = await runAction(repo.dir, { path: 'goals', comment: 'false', 'fail-on': 'warning' }, {}, 'push');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/^::error::goalpost found 1 warning \(fail-on: warning\) in goals\.$/m);
    repo.git('checkout', '-q', '--', '.');
  });

  it('writes the scorecards to out/ for a Pages deploy', async () => {
    const result = await runAction(repo.dir, { path: 'goals', out: 'site' }, {}, 'push');
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(repo.dir, 'site/index.html'), 'utf8')).toContain('<title>目标记分卡</title>');
    expect(result.summary).not.toContain('What this change does');
    // Incentives are private: the example has a curve and a closed quarter, yet no payout is published.
    const person = readFileSync(path.join(repo.dir, 'site/people/li.wei.html'), 'utf8');
    expect(person).toContain('个人得分');
    for (const page of [person, readFileSync(path.join(repo.dir, 'site/people/li.wei.md'), 'utf8'), result.summary]) expect(page).not.toMatch(/激励系数|Payout/);
  });
});
