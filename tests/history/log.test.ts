import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import type { GoalEvent } from '../../src/history/goal-history.js';
import { GoalsGitRepo } from '../helpers/git-repo.js';

const goalSet = 'goals/2026-Q4/marketing.yaml';
let repo: GoalsGitRepo;
const hashes: string[] = [];

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await cli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, env: {}, cwd: repo.dir });
  return { code, stdout, stderr };
}

beforeAll(() => {
  repo = new GoalsGitRepo();
  hashes.push(repo.commit('Q4 goals', '2026-09-25T09:00:00+08:00'));
  repo.edit(goalSet, '    target: 300\n', '    target: 330\n');
  repo.edit(goalSet, 'items: {zhang.min: 120, wang.fang: 180}', 'items: {zhang.min: 150, wang.fang: 180}');
  hashes.push(repo.commit('Raise the new-customer target after a strong October', '2026-11-03T10:00:00+08:00', 'Zhang Min <zhang.min@example.com>'));
  repo.edit(goalSet, '    owner: chen.jie\n', '    owner: li.wei\n');
  repo.edit(goalSet, '    target: 3.0\n    weight: 10\n', '    target: 3.0\n    weight: 5\n');
  repo.edit(goalSet, '    target: 0.05\n    weight: 10\n', '    target: 0.05\n    weight: 15\n');
  hashes.push(repo.commit('Chen Jie moves to the brand team', '2026-11-10T16:30:00+08:00'));
  repo.edit(goalSet, '  - id: q4-new-customers\n', '  - id: q4-customers\n');
  // The team's check-ins name the goal by its id too.
  for (const checkIn of ['2026-11-02-marketing.yaml', '2026-11-16-marketing.yaml']) repo.edit(`goals/checkins/${checkIn}`, '  q4-new-customers:\n', '  q4-customers:\n');
  repo.move(goalSet, 'goals/marketing/q4.yaml');
  hashes.push(repo.commit('Shorter id; one folder per team', '2026-11-12T09:00:00+08:00'));
});

describe('goalpost log', () => {
  it('lists each change of a goal with date, author, old and new value, and the commit message as the reason, following renames', async () => {
    const result = await run(['log', 'q4-customers']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'marketing/2026-Q4',
        `  2026-09-25  Li Wei     q4-new-customers “新增客户 300 家”: created with target 300 — Q4 goals (${hashes[0]!.slice(0, 7)})`,
        `  2026-11-03  Zhang Min  q4-new-customers “新增客户 300 家”: target 300 → 330 (+10%) — Raise the new-customer target after a strong October (${hashes[1]!.slice(0, 7)})`,
        `  2026-11-12  Li Wei     q4-customers “新增客户 300 家”: renamed from q4-new-customers — Shorter id; one folder per team (${hashes[3]!.slice(0, 7)})`,
        '',
      ].join('\n'),
    );
  });

  it('lists every goal of a team, as JSON for scripts', async () => {
    const events = JSON.parse((await run(['log', 'marketing', '--format', 'json'])).stdout) as GoalEvent[];
    const changes = events.filter((e) => e.kind !== 'created').map((e) => [e.commit.date.slice(0, 10), e.commit.author, e.id, e.field, e.before, e.after]);
    expect(changes).toEqual([
      ['2026-11-03', 'Zhang Min', 'q4-new-customers', 'target', 300, 330],
      ['2026-11-10', 'Li Wei', 'q4-roi', 'weight', 10, 5],
      ['2026-11-10', 'Li Wei', 'q4-roi', 'owner', 'chen.jie', 'li.wei'],
      ['2026-11-10', 'Li Wei', 'q4-attrition', 'weight', 10, 15],
      ['2026-11-12', 'Li Wei', 'q4-customers', 'id', 'q4-new-customers', 'q4-customers'],
    ]);
    // Every goal of marketing's third and fourth quarters.
    expect(events.filter((e) => e.kind === 'created')).toHaveLength(8);
    expect(events[0]!.commit).toEqual({ hash: hashes[0], date: '2026-09-25T09:00:00+08:00', author: 'Li Wei', subject: 'Q4 goals' });
  });

  it('says so for a goal that does not exist', async () => {
    expect(await run(['log', 'q4-nothing'])).toMatchObject({ code: 2, stderr: 'goalpost: No goal or team "q4-nothing" has any history in this repository.\n' });
  });

  it('makes scorecards show a target revised during the period, under the goal’s current id', async () => {
    const result = await run(['render', 'goals', '--out', 'site', '--format', 'md', '--locale', 'en']);
    expect(result.code).toBe(0);
    const team = readFileSync(path.join(repo.dir, 'site/teams/marketing-2026-Q4.md'), 'utf8');
    expect(team).toContain('| 330<br>target revised on 2026-11-03 from 300 |');
    // The goals were set up before the quarter: that is not a revision.
    expect(team.match(/target revised/g)).toHaveLength(1);
    const noHistory = await run(['render', 'goals', '--out', 'site', '--format', 'md', '--no-history']);
    expect(noHistory.code).toBe(0);
    expect(readFileSync(path.join(repo.dir, 'site/teams/marketing-2026-Q4.md'), 'utf8')).not.toContain('目标值于');
  });
});
