import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GitGoals } from '../../src/git/git.js';
import { GoalsGitRepo } from '../helpers/git-repo.js';

let repo: GoalsGitRepo;

/**
 * What `git ls-tree -r` lists under a folder at a revision, kept as goalpost
 * keeps it: blobs (files and symbolic links, not submodules) with a YAML or
 * CSV name, under no folder whose name starts with a dot or is node_modules.
 */
function lsTree(revision: string, folder: string): { path: string; object: string }[] {
  const output = repo.git('ls-tree', '-r', '-z', '--full-tree', revision, '--', folder === '' ? '.' : folder);
  return output
    .split('\0')
    .filter((record) => record !== '')
    .map((record) => {
      const [info, file] = record.split('\t') as [string, string];
      const [, type, object] = info.split(' ') as [string, string, string];
      return { type, object, file: folder === '' ? file : file.slice(folder.length + 1) };
    })
    .filter(({ type, file }) => type === 'blob' && !file.split('/').some((part) => part.startsWith('.') || part === 'node_modules') && /\.(ya?ml|csv)$/i.test(file))
    .map(({ file, object }) => ({ path: file, object }));
}

beforeAll(() => {
  repo = new GoalsGitRepo();
  repo.write('goals/.drafts/next.yaml', 'kind: GoalSet\n');
  repo.write('goals/node_modules/pkg/x.yaml', 'x: 1\n');
  repo.write('goals/notes.txt', 'not a goals file\n');
  repo.write('goals/2027 计划/市场.yaml', 'apiVersion: goalpost/v1\nkind: GoalSet\n');
  repo.write('elsewhere/kpis.yaml', 'outside the goals folder\n');
  symlinkSync('teams/marketing.yaml', path.join(repo.dir, 'goals/link.yaml'));
  repo.commit('Q4 goals', '2026-09-25T09:00:00+08:00');
  repo.edit('goals/2026-Q4/marketing.yaml', '    target: 300\n', '    target: 330\n');
  repo.commit('Raise the target', '2026-10-03T09:00:00+08:00');
  repo.git('checkout', '-q', '-b', 'side');
  repo.edit('goals/2026-Q4/company.yaml', '    target: 800\n', '    target: 820\n');
  repo.commit('Company target on a branch', '2026-10-05T09:00:00+08:00');
  repo.git('checkout', '-q', 'main');
  repo.edit('goals/kpis.yaml', '{name: 销售额,', '{name: 销售收入,');
  repo.commit('Rename a KPI', '2026-10-06T09:00:00+08:00');
  repo.git('-c', 'user.name=Li Wei', '-c', 'user.email=li.wei@example.com', 'merge', '-q', '--no-ff', '-m', 'Merge side', 'side');
  repo.move('goals/teams', 'goals/people');
  repo.commit('One folder for people', '2026-10-08T09:00:00+08:00');
  // A submodule inside the goals folder is a commit in the tree, not a file.
  repo.git('update-index', '--add', '--cacheinfo', `160000,${repo.git('rev-parse', 'HEAD').trim()},goals/vendor`);
  repo.commit('Vendor a submodule', '2026-10-09T09:00:00+08:00');
  repo.remove('goals/2026-Q4/company.yaml');
  repo.remove('goals/2026-Q4/marketing.yaml');
  repo.remove('goals/2027 计划/市场.yaml');
  repo.commit('Goal sets moved out for a while', '2026-10-10T09:00:00+08:00');
});

describe('the goals folder at many revisions', () => {
  it('lists for each revision exactly the files git ls-tree lists, with the paths diagnostics show', async () => {
    const revisions = repo.git('rev-list', '--all').trim().split('\n');
    expect(revisions).toHaveLength(8);
    for (const [cwd, dir, folder, shown] of [
      [repo.dir, 'goals', 'goals', 'goals/'],
      [repo.dir, 'goals/2026-Q4', 'goals/2026-Q4', 'goals/2026-Q4/'],
      [path.join(repo.dir, 'goals'), '.', 'goals', ''],
      [repo.dir, '.', '', ''],
      [repo.dir, 'missing', 'missing', 'missing/'],
    ] as const) {
      const listings = await (await GitGoals.open(cwd, dir)).listingsAt(revisions);
      const expected = revisions.map((revision) => lsTree(revision, folder).map((file) => ({ path: `${shown}${file.path}`, object: file.object })));
      expect(listings).toEqual(expected);
    }
  });

  it('keeps symbolic links and names in any script, and leaves out submodules, hidden folders and other files', async () => {
    const [listing] = await (await GitGoals.open(repo.dir, 'goals')).listingsAt(['HEAD~3']);
    expect(listing!.map((file) => file.path)).toEqual([
      'goals/2026-Q3/marketing.yaml',
      'goals/2026-Q3/sales.yaml',
      'goals/2026-Q4/company.yaml',
      'goals/2026-Q4/marketing.yaml',
      'goals/2026-Q4/sales.yaml',
      'goals/2027 计划/市场.yaml',
      'goals/FY2026/company.yaml',
      'goals/actuals/2026-q1-q3.csv',
      'goals/actuals/2026-q4.csv',
      'goals/actuals/pulled/2026-10.csv',
      'goals/actuals/pulled/2026-11.csv',
      'goals/checkins/2026-11-02-marketing.yaml',
      'goals/checkins/2026-11-16-marketing.yaml',
      'goals/goalpost.yaml',
      'goals/kpis.yaml',
      'goals/link.yaml',
      'goals/teams/company.yaml',
      'goals/teams/marketing.yaml',
      'goals/teams/sales.yaml',
    ]);
  });

  it('reads each file with the bytes git stores for it', async () => {
    const files = await (await GitGoals.open(repo.dir, 'goals')).filesAt('HEAD~4');
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const bytes = execFileSync('git', ['cat-file', 'blob', `HEAD~4:${file.path}`], { cwd: repo.dir });
      expect(Buffer.compare(Buffer.from(file.bytes), bytes), file.path).toBe(0);
    }
    expect(files.find((file) => file.path === 'goals/link.yaml')?.bytes.toString()).toBe('teams/marketing.yaml');
  });

  it('refuses a revision that does not exist', async () => {
    await expect((await GitGoals.open(repo.dir, 'goals')).filesAt('no-such-branch')).rejects.toThrow(/no-such-branch/);
  });
});
