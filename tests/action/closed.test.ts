import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActionBundle, FakeGitHub, runAction } from '../helpers/action-runner.js';
import { GoalsGitRepo } from '../helpers/git-repo.js';

/** The Action bundled from the current sources, on a pull request that changes a goal set closed in its base. */
let bundle: Awaited<ReturnType<typeof buildActionBundle>>;
let github: FakeGitHub;
let apiUrl: string;
let repo: GoalsGitRepo;
let baseSha: string;

const goalSet = 'goals/2026-Q3/marketing.yaml';
const pullRequestEvent = () => ({ pull_request: { number: 7, base: { sha: baseSha } }, repository: { name: 'goals', owner: { login: 'acme' } } });

beforeAll(async () => {
  bundle = await buildActionBundle();
  github = new FakeGitHub();
  apiUrl = await github.start();
  repo = new GoalsGitRepo();
  // A goals folder of its own, so that edits to the worked example do not move the lines asserted here.
  rmSync(path.join(repo.dir, 'goals'), { recursive: true, force: true });
  repo.write('goals/kpis.yaml', 'apiVersion: goalpost/v1\nkind: KpiCatalog\nkpis:\n  revenue: {name: 销售额, unit: CNY, direction: increase, aggregate: sum}\n');
  repo.write('goals/teams/marketing.yaml', 'apiVersion: goalpost/v1\nkind: Team\nid: marketing\nname: 市场营销部\nlead: li.wei\nmembers:\n  li.wei: {name: 李伟}\n');
  repo.write(
    goalSet,
    `apiVersion: goalpost/v1
kind: GoalSet
team: marketing
period: 2026-Q3
goals:
  - id: q3-revenue
    title: 第三季度销售额达到 1080 万元
    kpi: revenue
    target: 10800000
    weight: 100
    owner: li.wei
closed: {date: 2026-10-05, by: li.wei}
`,
  );
  baseSha = repo.commit('Close Q3 (复盘)', '2026-10-05T18:00:00+08:00');
});

afterAll(async () => {
  await github.stop();
  bundle.remove();
  rmSync(repo.dir, { recursive: true, force: true });
});

describe('the goalpost Action on a pull request that changes a closed goal set', () => {
  it('annotates the changed line, shows the error in the comment and fails, until the pull request reopens the goal set', async () => {
    repo.edit(goalSet, '    target: 10800000\n', '    target: 12000000\n');
    const changed = await runBundle();
    expect(changed.code).toBe(1);
    const message =
      'The goal set marketing 2026-Q3 was closed on 2026-10-05 by li.wei; the target of q3-revenue changed from 10,800,000 to 12,000,000. Reopen it with `reopened: {date, by, reason}` to change it.';
    expect(changed.stdout.match(/^::error .*$/gm)).toEqual([
      `::error title=goalpost closed-goal-set-changed,file=goals/2026-Q3/marketing.yaml,line=9,endLine=9,col=13,endColumn=20::${message}`,
    ]);
    expect(changed.stdout).toMatch(/^::error::goalpost found 1 error in goals\.$/m);
    expect(changed.outputs).toMatchObject({ errors: '1', warnings: '0', status: 'failure' });
    const comment = github.comments[0]!.body;
    expect(comment).toContain('❌ **goals**: 1 error, 0 warnings.');
    expect(comment).toContain('| `goals/2026-Q3/marketing.yaml:9:13` | error | `closed-goal-set-changed` |');
    expect(comment).toContain('- ❌ **Error:** the goal set marketing 2026-Q3 was closed on 2026-10-05 by li.wei; the target of q3-revenue changed');
    expect(changed.summary).toContain('- ❌ **Error:** the goal set marketing 2026-Q3');

    repo.write(goalSet, `${repo.read(goalSet)}reopened: {date: 2026-10-20, by: li.wei, reason: 华南区划归销售部，目标随之调整}\n`);
    const reopened = await runBundle();
    expect(reopened.code).toBe(0);
    expect(reopened.stdout).not.toMatch(/^::error/m);
    expect(reopened.outputs).toMatchObject({ errors: '0', status: 'success' });
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]!.body).not.toContain('Error');
    expect(github.comments[0]!.body).toContain('- Reopened on 2026-10-20 by li.wei (李伟): “华南区划归销售部，目标随之调整”');
  });
});

function runBundle() {
  return runAction(bundle.script, repo.dir, apiUrl, { inputs: { path: 'goals', mode: 'validate' }, event: pullRequestEvent() });
}
