import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentMarker } from '../../src/action/report.js';
import { buildActionBundle, FakeGitHub, runAction, type RunOptions } from '../helpers/action-runner.js';
import { fixtureFiles, repoRoot } from '../helpers/fixtures.js';

/**
 * The cache, the file system and the Action under hostile conditions, each
 * reached as a user reaches it: the goalpost executable or the bundled
 * Action. A forged cache never hides an error, no output lands among the
 * goals, a file system that says no is one line with exit status 2, and the
 * Action fails clearly, keeps its report and never takes over a comment
 * that is not its own.
 */
interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

const temporaryFolders: string[] = [];

afterAll(() => {
  for (const folder of temporaryFolders) {
    // Folders made unreadable by a test must be opened again to be removed.
    chmodTree(folder);
    rmSync(folder, { recursive: true, force: true });
  }
});

function chmodTree(folder: string): void {
  if (!existsSync(folder)) return;
  chmodSync(folder, 0o755);
  for (const entry of readdirSync(folder, { withFileTypes: true })) if (entry.isDirectory() && !entry.isSymbolicLink()) chmodTree(path.join(folder, entry.name));
}

/** A fresh folder, readable by everyone, so that a test can run goalpost as an unprivileged user in it. */
function temporaryFolder(): string {
  // The test run's temporary folder may be private: let others pass through it (not list it) to reach this one.
  const parent = tmpdir();
  const mode = statSync(parent).mode & 0o777;
  if ((mode & 0o001) === 0) chmodSync(parent, mode | 0o111);
  const folder = mkdtempSync(path.join(parent, 'goalpost-files-'));
  chmodSync(folder, 0o755);
  temporaryFolders.push(folder);
  return folder;
}

/** A workspace whose goals/ is the base fixture with some files replaced. */
function workspace(overrides: Record<string, string> = {}): string {
  const dir = temporaryFolder();
  for (const file of fixtureFiles('base')) writeFileIn(dir, `goals/${file.path}`, file.bytes);
  for (const [file, content] of Object.entries(overrides)) writeFileIn(dir, `goals/${file}`, content);
  return dir;
}

function writeFileIn(dir: string, file: string, content: string | Uint8Array): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), content);
}

/**
 * Permissions bind every user but root: as root, goalpost runs as nobody
 * for the tests of unreadable and unwritable folders.
 */
const unprivileged = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

function goalpost(args: string[], cwd: string, options: { unprivileged?: boolean } = {}): Promise<Result> {
  return new Promise((resolve) => {
    const user = options.unprivileged ? unprivileged : {};
    execFile(process.execPath, [path.join(repoRoot, 'bin/goalpost.js'), ...args], { cwd, ...user, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/** A goal set whose target is text: a `wrong-type` error at 9:13 that the file alone shows, so its cache entry carries it. */
const goalSetWithError = {
  '2026-Q4/marketing.yaml': readFileSync(path.join(repoRoot, 'tests/fixtures/base/2026-Q4/marketing.yaml'), 'utf8').replace('target: 12000000', 'target: "12,000,000"'),
};

/** What `validate --format json` found: each diagnostic's code and position. */
const found = (result: Result): string[] =>
  (JSON.parse(result.stdout) as { code: string; file: string; line: number; column: number }[]).map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`);

interface StoredCache {
  format: number;
  version: string;
  entries: { seal: string; key: string; documents: { data: { goals: { target: unknown }[] } }[]; diagnostics: unknown[] }[];
}

const cacheFile = (dir: string): string => path.join(dir, '.cache/goalpost-cache.json');
const readCache = (dir: string): StoredCache => JSON.parse(readFileSync(cacheFile(dir), 'utf8')) as StoredCache;

/** The cache entry of the goal set: the only one with diagnostics. */
function goalSetEntry(cache: StoredCache): StoredCache['entries'][number] {
  const [entry, ...others] = cache.entries.filter((e) => e.diagnostics.length > 0);
  expect(others).toEqual([]);
  return entry!;
}

describe('validate --cache never trusts its data more than the files', () => {
  const validate = (dir: string) => goalpost(['validate', 'goals', '--format', 'json', '--cache', '.cache'], dir);

  it('a forged entry that claims "no problems" for a file with errors is a miss: the errors are still reported', async () => {
    const dir = workspace(goalSetWithError);
    const honest = await validate(dir);
    expect(honest).toMatchObject({ code: 1, stderr: '' });
    expect(found(honest)).toEqual(['wrong-type goals/2026-Q4/marketing.yaml:9:13']);

    // Edit the real entry as an attacker would: the key still matches the file, the data says the target is a number and nothing is wrong.
    const cache = readCache(dir);
    const entry = goalSetEntry(cache);
    entry.diagnostics = [];
    entry.documents[0]!.data.goals[0]!.target = 12000000;
    writeFileSync(cacheFile(dir), JSON.stringify(cache));
    const forged = await validate(dir);
    expect(forged).toEqual(honest);

    // The forged entry is replaced by the true one.
    expect(goalSetEntry(readCache(dir)).diagnostics).toHaveLength(1);
  });

  it('a forged entry sealed without the build that reads it is a miss, whatever hash it carries', async () => {
    const dir = workspace(goalSetWithError);
    const honest = await validate(dir);
    const cache = readCache(dir);
    const entry = goalSetEntry(cache);
    const { createHash } = await import('node:crypto');
    const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
    const forgery = { ...entry, diagnostics: [] };
    const content = JSON.stringify({ key: forgery.key, documents: forgery.documents, diagnostics: forgery.diagnostics });
    for (const seal of [sha256(content), sha256(`goalpost ${cache.version}\u0000${content}`), entry.key, '0'.repeat(64)]) {
      writeFileSync(cacheFile(dir), JSON.stringify({ ...cache, entries: [{ ...forgery, seal }] }));
      expect(await validate(dir)).toEqual(honest);
    }
  });

  it('entries of any other shape are misses, never errors', async () => {
    const dir = workspace(goalSetWithError);
    const honest = await validate(dir);
    const cache = readCache(dir);
    const entry = goalSetEntry(cache);
    const misshapen: unknown[] = [
      42,
      null,
      'entry',
      [],
      { key: entry.key },
      { ...entry, documents: 'none' },
      { ...entry, diagnostics: [{ code: 'no-such-code' }] },
      { ...entry, documents: [{ kind: 'Payroll', data: {}, index: 0, hasSyntaxErrors: false }] },
      { ...entry, documents: [{ ...entry.documents[0], index: -1 }] },
      { ...entry, documents: [{ ...entry.documents[0], data: null }] },
      { ...entry, extra: true },
      // Data nested too deeply to write out again: a placeholder, replaced below by the text of 200,000 nested lists.
      { ...entry, documents: [{ ...entry.documents[0], data: { goals: 'nested' } }] },
      { ...entry, __proto__: { polluted: true } },
    ];
    writeFileSync(cacheFile(dir), JSON.stringify({ ...cache, entries: misshapen }).replace('"nested"', `${'['.repeat(200_000)}${']'.repeat(200_000)}`));
    expect(await validate(dir)).toEqual(honest);
    writeFileSync(cacheFile(dir), JSON.stringify({ ...cache, entries: { [entry.key]: entry } }));
    expect(await validate(dir)).toEqual(honest);
    writeFileSync(cacheFile(dir), '[');
    expect(await validate(dir)).toEqual(honest);
  });

  it('a cache file that is a pipe or a link to /dev/zero is passed over, never read without end', async () => {
    const dir = workspace(goalSetWithError);
    const expected = await goalpost(['validate', 'goals', '--format', 'json'], dir);
    mkdirSync(path.join(dir, '.cache'));
    execFileSync('mkfifo', [cacheFile(dir)]);
    expect(await validate(dir)).toEqual(expected);
    rmSync(cacheFile(dir));
    symlinkSync('/dev/zero', cacheFile(dir));
    expect(await validate(dir)).toEqual(expected);
    // The next run finds the cache it wrote in their place.
    expect(readCache(dir).entries).toHaveLength(3);
  });

  it('a cache folder that cannot be written is a one-line warning; the result and the exit status stay the same', async () => {
    const dir = workspace(goalSetWithError);
    const expected = await goalpost(['validate', 'goals', '--format', 'json'], dir);
    expect(expected.code).toBe(1);
    writeFileSync(path.join(dir, 'a-file'), '');
    const readOnly = path.join(dir, 'read-only');
    mkdirSync(readOnly, { mode: 0o555 });
    chmodSync(readOnly, 0o555);
    const cases: [string, string][] = [
      ['a-file', 'a file of that name is in the way (EEXIST)'],
      ['a-file/cache', 'a part of the path is a file, not a folder (ENOTDIR)'],
      ['read-only', 'permission denied (EACCES)'],
      ['c'.repeat(300), 'the path is too long (ENAMETOOLONG)'],
    ];
    for (const [cacheDir, reason] of cases) {
      const result = await goalpost(['validate', 'goals', '--format', 'json', '--cache', cacheDir], dir, { unprivileged: true });
      expect(result).toEqual({ ...expected, stderr: `goalpost: warning: the cache was not saved in "${cacheDir}": ${reason}. Validation is not affected.\n` });
    }
  });
});

describe('render --out never writes among the goals', () => {
  it('refuses an output folder that contains the goals folder: render teams --out .', async () => {
    const dir = temporaryFolder();
    cpSync(path.join(repoRoot, 'tests/fixtures/base'), path.join(dir, 'teams'), { recursive: true });
    const before = readdirSync(path.join(dir, 'teams'), { recursive: true }).sort();
    const result = await goalpost(['render', 'teams', '--out', '.', '--no-history'], dir);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'goalpost: The output folder "." contains the goals folder; write the scorecards somewhere else.\n' });
    expect(readdirSync(path.join(dir, 'teams'), { recursive: true }).sort()).toEqual(before);
    expect(readdirSync(dir)).toEqual(['teams']);
  });

  it('compares real paths: a link to a folder above the goals, or into them, is refused', async () => {
    const dir = workspace();
    symlinkSync(dir, path.join(dir, 'up'));
    symlinkSync(path.join(dir, 'goals/teams'), path.join(dir, 'into'));
    expect(await goalpost(['render', 'goals', '--out', 'up', '--no-history'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'goalpost: The output folder "up" contains the goals folder; write the scorecards somewhere else.\n',
    });
    expect(await goalpost(['render', 'goals', '--out', 'into/site', '--no-history'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'goalpost: The output folder "into/site" is inside the goals folder; write the scorecards somewhere else.\n',
    });
    expect(existsSync(path.join(dir, 'goals/teams/site'))).toBe(false);
  });

  it('refuses an existing file as the output folder', async () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'scorecards.md'), 'mine\n');
    expect(await goalpost(['render', 'goals', '--out', 'scorecards.md', '--no-history'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'goalpost: The output folder "scorecards.md" is a file; name a folder to write the scorecards to.\n',
    });
    expect(readFileSync(path.join(dir, 'scorecards.md'), 'utf8')).toBe('mine\n');
  });
});

describe('a file system that says no is one line and exit status 2, never an internal error', () => {
  // Each case: what is broken, the command, the message, and whether permissions are what breaks it.
  it.each([
    ['an unreadable goals folder', (dir: string) => chmodSync(path.join(dir, 'goals/teams'), 0), ['validate', 'goals'], 'Cannot read the folder "goals/teams": permission denied (EACCES).', true],
    ['an unreadable goals file', (dir: string) => chmodSync(path.join(dir, 'goals/kpis.yaml'), 0), ['validate', 'goals'], 'Cannot open "goals/kpis.yaml": permission denied (EACCES).', true],
    ['an unwritable output folder', (dir: string) => mkdirSync(path.join(dir, 'site'), { mode: 0o555 }), ['render', 'goals', '--out', 'site'], 'Cannot write the scorecards in "site": permission denied (EACCES).', true],
    ['a goals path too long', () => undefined, ['validate', 'g'.repeat(300)], `Cannot reach "${'g'.repeat(300)}": the path is too long (ENAMETOOLONG).`, false],
    ['an output path too long', () => undefined, ['render', 'goals', '--out', 'o'.repeat(300)], `Cannot write the scorecards in "${'o'.repeat(300)}": the path is too long (ENAMETOOLONG).`, false],
    ['an output folder under a file', (dir: string) => writeFileSync(path.join(dir, 'site'), ''), ['render', 'goals', '--out', 'site/2026'], 'Cannot write the scorecards in "site/2026": a part of the path is a file, not a folder (ENOTDIR).', false],
    ['a folder where a scorecard goes', (dir: string) => mkdirSync(path.join(dir, 'site/index.md'), { recursive: true }), ['render', 'goals', '--out', 'site'], 'Cannot write index.md in "site": it is a folder, not a file (EISDIR).', false],
  ])('%s', async (_name, prepare, args, message, byPermissions) => {
    const dir = workspace();
    prepare(dir);
    const command = args[0] === 'render' ? [...args, '--no-history'] : args;
    const result = await goalpost(command, dir, { unprivileged: byPermissions });
    expect(result).toEqual({ code: 2, stdout: '', stderr: `goalpost: ${message}\n` });
  });
});

describe('init never writes through a link to outside its folder', () => {
  it.each(['goals', '.github', '.vscode'])('a %s folder that is a link to elsewhere is refused before anything is written', async (linked) => {
    const target = temporaryFolder();
    const elsewhere = temporaryFolder();
    symlinkSync(elsewhere, path.join(target, linked));
    const result = await goalpost(['init', '.', '--team', 'marketing', '--period', '2026-Q4'], target);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `goalpost: Refusing to write into ${linked}: it leads outside "${target}" through a symbolic link. Nothing was written.\n`,
    });
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(readdirSync(target)).toEqual([linked]);
  });

  it('a link that stays inside the folder is followed', async () => {
    const target = temporaryFolder();
    mkdirSync(path.join(target, 'workflows-and-settings'));
    symlinkSync('workflows-and-settings', path.join(target, '.github'));
    const result = await goalpost(['init', '.', '--team', 'marketing', '--period', '2026-Q4'], target);
    expect(result.code).toBe(0);
    expect(readdirSync(path.join(target, 'workflows-and-settings/workflows'))).toEqual(['goals.yml']);
  });
});

describe('the Action', () => {
  let bundle: Awaited<ReturnType<typeof buildActionBundle>>;
  let github: FakeGitHub;
  let apiUrl: string;
  const pullRequest = { pull_request: { number: 7 }, repository: { name: 'goals', owner: { login: 'acme' } } };
  const run = (dir: string, options: RunOptions = {}) => runAction(bundle.script, dir, apiUrl, { inputs: { path: 'goals' }, event: pullRequest, ...options });
  const noStackTrace = (text: string): void => expect(text).not.toMatch(/\n\s+at /);

  beforeAll(async () => {
    bundle = await buildActionBundle();
    github = new FakeGitHub();
    apiUrl = await github.start();
  });

  afterAll(async () => {
    await github.stop();
    bundle.remove();
  });

  it('given a folder with no goal files (path: /etc) fails as the command line does, never "valid"', async () => {
    const dir = workspace();
    // What /etc holds differs between machines (no YAML, system YAML, folders only root may read): it fails whatever it holds.
    const etc = await run(dir, { inputs: { path: '/etc' }, eventName: 'push', event: {} });
    expect(etc.code).toBe(1);
    expect(etc.stdout).toMatch(/^::error::goalpost: /m);
    expect(etc.outputs['status']).toBe('failure');
    expect(etc.summary).not.toContain('valid');
    writeFileIn(dir, 'config/hosts', '127.0.0.1 localhost\n');
    const config = await run(dir, { inputs: { path: 'config' }, eventName: 'push', event: {} });
    expect(config).toMatchObject({ code: 1, outputs: { status: 'failure' }, summary: '' });
    expect(config.stdout).toBe('::error::goalpost: The folder "config" holds no YAML or CSV files.\n');
    expect((await goalpost(['validate', 'config'], dir)).stderr).toBe('goalpost: The folder "config" holds no YAML or CSV files.\n');
  });

  it('without GITHUB_STEP_SUMMARY it sets the outputs, posts the comment and then fails clearly', async () => {
    github.comments = [];
    const result = await run(workspace(), { unset: ['GITHUB_STEP_SUMMARY'] });
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ errors: '0', warnings: '0', status: 'failure' });
    expect(result.stdout).toContain('::error::goalpost: GITHUB_STEP_SUMMARY is not set, so the job summary was not written; run goalpost as a step of a GitHub Actions job.\n');
    expect(github.comments).toHaveLength(1);
    noStackTrace(result.stdout + result.stderr);
  });

  it('an event without pull_request.number fails clearly after the outputs and the summary are written', async () => {
    github.requests = [];
    const result = await run(workspace(), { event: { pull_request: { title: 'No number' } } });
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ errors: '0', warnings: '0', status: 'failure' });
    expect(result.summary).toContain('✅ **goals** is valid: no problems found.');
    expect(result.stdout).toContain('::error::goalpost: The pull_request event has no pull_request.number, so the pull-request comment cannot be posted.\n');
    expect(github.requests).toEqual([]);
    noStackTrace(result.stdout + result.stderr);
  });

  it('a malformed event file fails clearly after the outputs and the summary are written', async () => {
    for (const event of ['{"pull_request": {"number": 7', '[1, 2]']) {
      const result = await run(workspace(), { event });
      expect(result.code).toBe(1);
      expect(result.outputs).toMatchObject({ errors: '0', warnings: '0', status: 'failure' });
      expect(result.summary).toContain('✅ **goals** is valid: no problems found.');
      expect(result.stdout).toMatch(/^::error::goalpost: The event file ".*event\.json" (cannot be read: it is not valid JSON|does not hold an event \(a JSON object\))\.$/m);
      noStackTrace(result.stdout + result.stderr);
    }
  });

  it("never updates a comment that is not its own, even one that carries the Action's marker", async () => {
    const impostor = { id: 1, author: 'mallory', body: `${commentMarker}\nSee [the real scorecard](https://evil.example)` };
    github.comments = [{ ...impostor }];
    github.requests = [];
    const first = await run(workspace());
    expect(first.code).toBe(0);
    expect(github.comments[0]).toEqual(impostor);
    expect(github.comments).toHaveLength(2);
    const own = github.comments[1]!;
    expect(own.author).toBe('github-actions[bot]');
    expect(own.body.startsWith(`${commentMarker}\n## goalpost`)).toBe(true);

    // The next run finds its own comment after the impostor's and updates that one alone.
    await run(workspace());
    expect(github.comments[0]).toEqual(impostor);
    expect(github.writes()).toEqual(['POST /repos/acme/goals/issues/7/comments', `PATCH /repos/acme/goals/issues/comments/${own.id}`]);
  });

  it("with a personal token, only that user's comment is the Action's", async () => {
    github.tokenLogin = 'goals-bot';
    github.comments = [{ id: 2, author: 'github-actions[bot]', body: `${commentMarker}\nfrom a run with the default token` }];
    github.requests = [];
    await run(workspace());
    expect(github.writes()).toEqual(['POST /repos/acme/goals/issues/7/comments']);
    expect(github.comments.map((c) => c.author)).toEqual(['github-actions[bot]', 'goals-bot']);
    github.tokenLogin = 'github-actions[bot]';
  });

  it('a comment that cannot be posted is a warning; the summary and the outputs are written and the step passes', async () => {
    github.comments = [];
    github.refuseWrites = true;
    const result = await run(workspace());
    github.refuseWrites = false;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('::warning::The pull-request comment was not posted: Resource not accessible by integration - https://docs.github.com/rest\n');
    expect(result.outputs).toMatchObject({ errors: '0', warnings: '0', status: 'success' });
    expect(result.summary).toContain('✅ **goals** is valid: no problems found.');
    expect(github.comments).toEqual([]);
  });
});
