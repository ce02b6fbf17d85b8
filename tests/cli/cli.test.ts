import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCompany } from '../../bench/generate.js';
import { cli } from '../../src/cli/cli.js';
import { fileSystemErrorMessage, isFileSystemError, type FileSystemError } from '../../src/load/file-system-error.js';
import { fixturesDir, repoRoot } from '../helpers/fixtures.js';

async function run(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await cli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, env, cwd: repoRoot });
  return { code, stdout, stderr };
}

const temporaryFolders: string[] = [];
afterAll(() => {
  for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true });
});

function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  temporaryFolders.push(folder);
  return folder;
}

function tempGoals(files: Record<string, string>): string {
  const dir = temporaryFolder('goalpost-cli-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('goalpost validate', () => {
  it('exits 0 on the example and says so', async () => {
    const result = await run(['validate', `${repoRoot}goals`]);
    expect(result).toEqual({ code: 0, stdout: '✓ No problems found.\n', stderr: '' });
  });

  it('exits 1 and prints every problem, as text or as JSON', async () => {
    const dir = `${fixturesDir}acceptance`;
    const broken = tempGoals({
      'kpis.yaml': 'apiVersion: goalpost/v1\nkind: KpiCatalog\nkpis:\n  revenue: {name: 销售额, direction: increase, aggregate: sum}\n',
      'team.yaml': 'apiVersion: goalpost/v1\nkind: Team\nid: t\nname: T\nmembers:\n  a: {name: A}\n',
      'goals.yaml': 'apiVersion: goalpost/v1\nkind: GoalSet\nteam: t\nperiod: 2026-Q4\ngoals:\n  - {id: g, title: 目标, kpi: revenue, target: 10, weight: 90, owner: b}\n',
    });
    const text = await run(['validate', broken]);
    expect(text.code).toBe(1);
    expect(text.stdout.split('\n')).toEqual([
      `${broken}/goals.yaml:5:1 error weights-total The goal weights add up to 90, not 100 (g 90).`,
      `${broken}/goals.yaml:6:69 error unknown-person The owner "b" is not a member of team "t". Add them to the team file or choose a member.`,
      '',
      '✖ 2 errors, 0 warnings',
      '',
    ]);
    const json = await run(['validate', broken, '--format', 'json']);
    expect(json.code).toBe(1);
    expect((JSON.parse(json.stdout) as { code: string; line: number; column: number }[]).map((d) => [d.code, d.line, d.column])).toEqual([
      ['weights-total', 5, 1],
      ['unknown-person', 6, 69],
    ]);
    expect((await run(['validate', dir])).code).toBe(0);
  });

  it('exits 0 with warnings only', async () => {
    const dir = tempGoals({
      'kpis.yaml': 'apiVersion: goalpost/v1\nkind: KpiCatalog\nkpis:\n  revenue: {name: 销售额, direction: increase, aggregate: sum}\n',
      'team.yaml': 'apiVersion: goalpost/v1\nkind: Team\nid: t\nname: T\nmembers:\n  a: {name: A}\n',
      'goals.yaml': 'apiVersion: goalpost/v1\nkind: GoalSet\nteam: t\nperiod: 2026-Q4\ngoals:\n  - {id: g, title: 目标, kpi: revenue, target: 10, weight: 100, owner: a, due: 2027-01-01}\n',
    });
    const result = await run(['validate', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('warning due-outside-period');
  });

  it('exits 2 for a missing folder, an empty folder, a bad option or an unknown command', async () => {
    expect(await run(['validate', '/nonexistent/goals'])).toEqual({ code: 2, stdout: '', stderr: 'goalpost: The goals folder "/nonexistent/goals" does not exist.\n' });
    const empty = tempGoals({ 'README.md': '# nothing' });
    expect((await run(['validate', empty])).stderr).toBe(`goalpost: The folder "${empty}" holds no YAML or CSV files.\n`);
    const badFormat = await run(['validate', '--format', 'xml']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain("Allowed choices are text, json");
    expect((await run(['valdate'])).code).toBe(2);
    expect((await run(['valdate'])).stderr).toContain('(Did you mean validate?)');
  });

  it('colours output when FORCE_COLOR is set and never when NO_COLOR is', async () => {
    const dir = tempGoals({ 'x.yaml': 'kind: Nope\n' });
    expect((await run(['validate', dir], { FORCE_COLOR: '1' })).stdout).toContain('\u001b[31m');
    expect((await run(['validate', dir], { FORCE_COLOR: '1', NO_COLOR: '1' })).stdout).not.toContain('\u001b[');
  });
});

describe('the goalpost executable', () => {
  const exec = promisify(execFile);
  const bin = `${repoRoot}bin/goalpost.js`;

  async function runBin(args: string[]) {
    try {
      const { stdout, stderr } = await exec(process.execPath, [bin, ...args], { cwd: repoRoot });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failure = error as { code: number; stdout: string; stderr: string };
      return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
    }
  }

  it('stops quietly when the reader of its output goes away (goalpost score | head)', async () => {
    // Twenty teams: megabytes of JSON, far more than a pipe holds, so goalpost is still writing when the pipe closes.
    const company = generateCompany(path.join(temporaryFolder('goalpost-company-'), 'goals'), 20);
    const child = spawn(process.execPath, [bin, 'score', company.dir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Like head: read the first piece of the report, then close the pipe.
    const [first] = (await once(child.stdout, 'data')) as [Buffer];
    expect(first.toString()).toMatch(/^\{\n {2}"asOf": "2026-12",/);
    child.stdout.destroy();
    const [code] = (await once(child, 'close')) as [number];
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('validates the example from the repository root by default', async () => {
    expect(await runBin(['validate'])).toEqual({ code: 0, stdout: '✓ No problems found.\n', stderr: '' });
  });

  it('sets exit status 1 for problems and 2 for usage errors, without a stack trace', async () => {
    const broken = tempGoals({ 'a.yaml': 'x: 1\n\u0000\u0001binary: [\n', 'b.csv': 'period,team,kpi,value\n"open', 'c.yaml': 'a: [\n' });
    const problems = await runBin(['validate', broken]);
    expect(problems.code).toBe(1);
    expect(problems.stdout.split('\n').filter((line) => line.startsWith('/'))).toEqual([
      `${broken}/a.yaml:2:1 error invalid-encoding This file holds NUL characters, so it is binary data rather than text; goalpost reads YAML and CSV text files.`,
      `${broken}/b.csv:2:1 error csv-syntax A quoted cell is never closed: a closing " is missing.`,
      `${broken}/c.yaml:1:4 error yaml-syntax This [ is never closed. Add the closing ] at the end of the list, before the next line.`,
    ]);
    expect(problems.stderr).toBe('');
    const usage = await runBin(['validate', '/nonexistent']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints help and exits 0', async () => {
    const help = await runBin(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('validate [options] [dir]');
  });
});

describe('goalpost score and render', () => {
  it('render writes the Markdown and HTML scorecards of the example and says where', async () => {
    const out = temporaryFolder('goalpost-out-');
    const result = await run(['render', `${repoRoot}goals`, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `Wrote 34 files to ${out}/: index.md and index.html, 6 team scorecards and 9 personal scorecards (as of 2026-11).\n`,
    );
    expect(readdirSync(path.join(out, 'teams')).filter((file) => file.endsWith('.html')).sort()).toEqual([
      'company-2026-Q4.html',
      'company-FY2026.html',
      'marketing-2026-Q3.html',
      'marketing-2026-Q4.html',
      'sales-2026-Q3.html',
      'sales-2026-Q4.html',
    ]);
    const md = await run(['render', `${repoRoot}goals`, '--out', out, '--format', 'md', '--locale', 'en', '--as-of', '2026-10']);
    expect(md.stdout).toContain('Wrote 16 files');
    expect(readFileSync(path.join(out, 'index.md'), 'utf8')).toContain('As of Oct 2026');
  });

  it('render again writes only the pages whose content changed: the team’s, its people’s and the index', async () => {
    const goals = temporaryFolder('goalpost-goals-');
    cpSync(`${repoRoot}goals`, goals, { recursive: true });
    const out = temporaryFolder('goalpost-out-');
    expect((await run(['render', goals, '--out', out])).stdout).toMatch(/^Wrote 34 files to /);
    const modified = (): Map<string, number> =>
      new Map(readdirSync(out, { recursive: true, encoding: 'utf8' }).flatMap((file) => (statSync(path.join(out, file)).isFile() ? [[file, statSync(path.join(out, file)).mtimeMs]] : [])));
    const before = modified();

    // Nothing changed: nothing is written, every file keeps its time.
    expect((await run(['render', goals, '--out', out])).stdout).toBe(
      `Wrote 0 files to ${out}/ (34 unchanged): index.md and index.html, 6 team scorecards and 9 personal scorecards (as of 2026-11).\n`,
    );
    expect(modified()).toEqual(before);

    // A goal of sales in 2026-Q4 renamed: its team's page, the page of sun.tao, who owns it, and the index's tree show it.
    const sales = path.join(goals, '2026-Q4/sales.yaml');
    writeFileSync(sales, readFileSync(sales, 'utf8').replace('title: 新增客户 500 家', 'title: 新增客户五百家'));
    const again = await run(['render', goals, '--out', out]);
    expect(again.stdout).toBe(`Wrote 6 files to ${out}/ (28 unchanged): index.md and index.html, 6 team scorecards and 9 personal scorecards (as of 2026-11).\n`);
    const after = modified();
    const rewritten = [...after].filter(([file, time]) => time !== before.get(file)).map(([file]) => file);
    expect(rewritten.sort()).toEqual([
      'index.html',
      'index.md',
      'people/sun.tao.html',
      'people/sun.tao.md',
      'teams/sales-2026-Q4.html',
      'teams/sales-2026-Q4.md',
    ]);
  });

  it('score and render refuse a repository with errors and print them', async () => {
    const broken = tempGoals({ 'x.yaml': 'apiVersion: goalpost/v1\nkind: Team\nid: t\n' });
    for (const args of [['score', broken], ['render', broken, '--out', temporaryFolder('goalpost-out-')]]) {
      const result = await run(args);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('x.yaml:1:1 error missing-key');
      expect(result.stderr).toContain('goalpost: fix the errors above first.');
    }
  });

  it('exit 2 for a bad month or a template folder that does not exist', async () => {
    const badMonth = await run(['score', `${repoRoot}goals`, '--as-of', '2026-13']);
    expect(badMonth.code).toBe(2);
    expect(badMonth.stderr).toContain('It must be a month, YYYY-MM');
    const badTemplates = await run(['render', `${repoRoot}goals`, '--template', '/nonexistent/templates', '--out', tmpdir()]);
    expect(badTemplates).toMatchObject({ code: 2, stderr: 'goalpost: Cannot read the templates in "/nonexistent/templates": it does not exist (ENOENT).\n' });
  });

  it('score prints text for a terminal', async () => {
    const result = await run(['score', `${repoRoot}goals`, '--format', 'text']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('marketing 市场营销部 · Q4 2026 (2 of 3 months): score 93.6%\n');
    expect(result.stdout).toContain('! owner wang.fang [at-risk] actual CN¥4,300,000 / target CN¥7,000,000 (61.4% of target), expected CN¥4,375,000, attainment 98.3%\n');
    // Percent units read as percentages, expected values with the digits that mean something.
    expect(result.stdout).toContain('actual 87% / target 85%, expected 85%, attainment on course');
    expect(result.stdout).toContain('expected 533.3, attainment 100.3%');
  });
});

describe('goalpost validate for other CI systems', () => {
  it('prints workflow annotations and SARIF', async () => {
    const dir = tempGoals({ 'x.yaml': 'apiVersion: goalpost/v1\nkind: Teams\n' });
    const github = await run(['validate', dir, '--format', 'github']);
    expect(github).toMatchObject({ code: 1, stdout: `::error file=${dir}/x.yaml,line=2,col=7,endLine=2,endColumn=11,title=goalpost unknown-kind::Unknown kind "Teams". The supported kinds are KpiCatalog, Team, GoalSet, Settings, CheckIn. Did you mean "Team"?\n` });
    const sarif = JSON.parse((await run(['validate', dir, '--format', 'sarif'])).stdout) as { version: string; runs: { results: { ruleId: string }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(['unknown-kind']);
  });
});

describe('file-system errors', () => {
  it('are one line with exit status 2, never an internal error', async () => {
    const dir = tempGoals({ 'a-file': '' });
    expect(await run(['init', `${dir}/a-file/repo`])).toEqual({
      code: 2,
      stdout: '',
      stderr: `goalpost: Cannot create the folder "${dir}/a-file/repo": a part of the path is a file, not a folder (ENOTDIR).\n`,
    });
  });

  it('say what failed in words, with the code, for errors the file system really raises', () => {
    const raised = (action: () => unknown): FileSystemError => {
      try {
        action();
      } catch (error) {
        if (isFileSystemError(error)) return error;
      }
      throw new Error('the file system raised no error');
    };
    const dir = tempGoals({ 'a-file': '' });
    expect(fileSystemErrorMessage(raised(() => writeFileSync('/dev/full', 'x')))).toBe('Cannot write: no space is left on the device (ENOSPC).');
    expect(fileSystemErrorMessage(raised(() => readFileSync(dir)), dir)).toBe('Cannot read: it is a folder, not a file (EISDIR).');
    expect(fileSystemErrorMessage(raised(() => readdirSync(`${dir}/a-file`)), dir)).toBe('Cannot read the folder "a-file": a part of the path is a file, not a folder (ENOTDIR).');
    expect(fileSystemErrorMessage(raised(() => readFileSync(`${dir}/${'x'.repeat(300)}`)), dir)).toBe(`Cannot open "${'x'.repeat(300)}": the path is too long (ENAMETOOLONG).`);
    // A control character in a file name is shown, not sent to the terminal.
    expect(fileSystemErrorMessage(raised(() => readFileSync(`${dir}/new\nline\u001b[2J.yaml`)), dir)).toBe('Cannot open "new\\nline\\u001b[2J.yaml": it does not exist (ENOENT).');
  });
});
