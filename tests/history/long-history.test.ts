import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateGoalsHistory } from '../../bench/generate-history.js';
import { cli } from '../../src/cli/cli.js';
import { GitGoals } from '../../src/git/git.js';
import { goalHistory, targetRevisions, type GoalEvent, type Version } from '../../src/history/goal-history.js';
import { validateRepository } from '../../src/validate.js';

/**
 * A long history, read the way goalpost first read it: every commit that
 * touched the goals folder, every file of it validated afresh, each version
 * compared with the whole of the one before. `log` and `render` must tell the
 * same story from the few files each commit changed.
 */
let dir: string;
let reference: GoalEvent[];

function git(args: string[], date?: string): string {
  const author = date === undefined ? {} : { GIT_AUTHOR_NAME: 'Wang Fang', GIT_AUTHOR_EMAIL: 'wang.fang@example.com', GIT_AUTHOR_DATE: date, GIT_COMMITTER_NAME: 'Wang Fang', GIT_COMMITTER_EMAIL: 'wang.fang@example.com', GIT_COMMITTER_DATE: date };
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', ...author } });
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(path.join(dir, file), 'utf8');
  expect(text).toContain(from);
  execFileSync('sh', ['-c', 'cat > "$1"', 'sh', path.join(dir, file)], { input: text.replace(from, to) });
}

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await cli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, env: {}, cwd: dir });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'goalpost-long-history-'));
  generateGoalsHistory(dir, 150);
  // A branch that leaves the main line in October and comes back in December, so the history is not a line.
  git(['checkout', '-q', '-b', 'side', 'HEAD~40']);
  edit('goals/2026-Q4/marketing.yaml', '    target: 2700000\n', '    target: 2600000\n');
  git(['commit', '-q', '-am', 'Tighter budget on a branch'], '2026-11-20T10:00:00+08:00');
  git(['checkout', '-q', 'main']);
  git(['merge', '-q', '--no-ff', '-m', 'Merge the budget branch', 'side'], '2026-12-31T20:00:00+08:00');
  // After the quarter: a shorter id, which takes the goal's revisions with it, and a file moved.
  edit('goals/2026-Q4/marketing.yaml', '  - id: q4-new-customers\n', '  - id: q4-customers\n');
  // The team's check-ins name the goal by its id too.
  for (const checkIn of ['2026-11-02-marketing.yaml', '2026-11-16-marketing.yaml']) edit(`goals/checkins/${checkIn}`, '  q4-new-customers:\n', '  q4-customers:\n');
  git(['mv', 'goals/2026-Q4/company.yaml', 'goals/2026-Q4/company-goals.yaml']);
  git(['commit', '-q', '-am', 'Shorter id'], '2027-01-05T10:00:00+08:00');

  const repository = await GitGoals.open(dir, 'goals');
  const versions: Version[] = [];
  for (const commit of await repository.history()) versions.push({ commit, model: validateRepository(await repository.filesAt(commit.hash)).model });
  reference = goalHistory(versions);
}, 120_000);

describe('a long history', () => {
  it('gives log the events of comparing every whole version with the one before', async () => {
    // 30 raises of q4-new-customers, and the branch: versions are compared in the order git log lists them, so the
    // branch's commit lowers the raised target back and its budget is undone by the next commit of the main line.
    expect(reference.filter((event) => event.field === 'target')).toHaveLength(34);
    const result = await run(['log', '--format', 'json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(JSON.stringify(reference)));
  });

  it('gives render the target revisions of the whole history, under the goal’s latest id', async () => {
    const periods = new Map([['2026-Q4', ['2026-10', '2026-11', '2026-12']]]);
    const revisions = targetRevisions(reference, (period) => periods.get(period));
    const notes = revisions.get('marketing/2026-Q4/q4-customers')!;
    // Raises from October on: the 15 of July to September were before the quarter.
    expect(notes.map((note) => `${note.date} ${note.from}`).slice(0, 2)).toEqual(['2026-10-02 450', '2026-10-09 460']);
    expect(notes).toHaveLength(16);
    expect(revisions.get('marketing/2026-Q4/q4-budget')).toEqual([
      { date: '2026-11-20', from: 2700000, to: 2600000 },
      { date: '2026-11-21', from: 2600000, to: 2700000 },
      { date: '2026-12-31', from: 2700000, to: 2600000 },
    ]);

    const result = await run(['render', 'goals', '--out', 'site', '--format', 'md', '--locale', 'en']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const page = readFileSync(path.join(dir, 'site/teams/marketing-2026-Q4.md'), 'utf8');
    const shown = [...page.matchAll(/target revised on (\d{4}-\d\d-\d\d) from (?:CN¥)?([\d,]+)/g)].map((match) => `${match[1]} ${match[2]!.replaceAll(',', '')}`);
    const expected = [...revisions.values()].flat().map((note) => `${note.date} ${note.from}`);
    expect(shown.sort()).toEqual(expected.sort());
  });
});
