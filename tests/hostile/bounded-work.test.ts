import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateGoalsHistory } from '../../bench/generate-history.js';
import { generateRegions } from '../../bench/generate-regions.js';
import { fixturesDir, repoRoot } from '../helpers/fixtures.js';

/**
 * Inputs under the size limits that once cost minutes and gigabytes: a huge
 * unknown key or CSV cell (did-you-mean), a goal split into 20,000 regions
 * (scoring), thousands of commits (history). Each is run through the goalpost
 * executable and checked for what the user sees; how long each takes is
 * measured by bench/bounded-work.ts, not here.
 */
interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

interface Reported {
  file: string;
  line: number;
  column: number;
  code: string;
  message: string;
}

function goalpost(args: string[], cwd = repoRoot): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(repoRoot, 'bin/goalpost.js'), ...args], { cwd, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/** The base fixture with some of its files replaced, in a new folder. */
function materialise(replaced: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'goalpost-bounded-'));
  cpSync(path.join(fixturesDir, 'base'), dir, { recursive: true });
  for (const [file, content] of Object.entries(replaced)) writeFileSync(path.join(dir, file), content);
  return dir;
}

async function validate(replaced: Record<string, string>): Promise<{ result: Result; reported: Reported[] }> {
  const dir = materialise(replaced);
  const result = await goalpost(['validate', dir, '--format', 'json']);
  expect(result.stderr).toBe('');
  const reported = (JSON.parse(result.stdout) as Reported[]).map((d) => ({ ...d, file: path.relative(dir, d.file) }));
  return { result, reported };
}

const baseGoalSet = readFileSync(path.join(fixturesDir, 'base/2026-Q4/marketing.yaml'), 'utf8');
const baseActuals = readFileSync(path.join(fixturesDir, 'base/actuals/actuals.csv'), 'utf8');

describe('did-you-mean on huge names', () => {
  it('reports a 15 MB unknown key at its position, shortened, with the allowed keys and no suggestion', async () => {
    const key = `targett${'x'.repeat(15 * 2 ** 20)}`;
    const { result, reported } = await validate({ '2026-Q4/marketing.yaml': baseGoalSet.replace('    owner: wang.fang\n', `    owner: wang.fang\n    ? ${key}\n    : 1\n`) });
    expect(result.code).toBe(1);
    expect(reported.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`)).toEqual(['unknown-key 2026-Q4/marketing.yaml:21:7']);
    expect(reported[0]!.message).toMatch(/^Unknown key "targettx{32}…" in a goal\. Allowed keys: id, title, kpi, /);
    expect(reported[0]!.message).not.toContain('Did you mean');
  });

  it('reports a 10 MB owner cell as an unknown person without a suggestion', async () => {
    const owner = `wang.fang${'x'.repeat(10 * 2 ** 20)}`;
    const { result, reported } = await validate({ 'actuals/actuals.csv': `${baseActuals}2026-11,marketing,revenue,${owner},1\n` });
    expect(result.code).toBe(1);
    expect(reported.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`)).toEqual(['unknown-person actuals/actuals.csv:5:27']);
    expect(reported[0]!.message).toBe(`"${owner.slice(0, 39)}…" is not a member of team "marketing".`);
  });

  it('still suggests the name an ordinary typo was meant to be, in a key and in a cell', async () => {
    const { reported } = await validate({
      '2026-Q4/marketing.yaml': baseGoalSet.replace('    target: 4.5\n', '    tagret: 4.5\n    target: 4.5\n'),
      'actuals/actuals.csv': `${baseActuals}2026-11,marketing,revenue,wang.fnag,1\n`,
    });
    expect(reported.map((d) => `${d.code} ${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'unknown-key 2026-Q4/marketing.yaml:18:5 Unknown key "tagret" in a goal. Did you mean "target"?',
      'unknown-person actuals/actuals.csv:5:27 "wang.fnag" is not a member of team "marketing". Did you mean "wang.fang"?',
    ]);
  });
});

describe('scoring a goal split into 20,000 regions', () => {
  it('scores every region from its own row, and the goal from all of them', async () => {
    const regions = generateRegions(mkdtempSync(path.join(tmpdir(), 'goalpost-regions-')), 20_000);
    const result = await goalpost(['score', regions.dir, '--format', 'json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const report = JSON.parse(result.stdout) as { asOf: string; teams: { score: number; goals: { actual: number; target: number; expected: number; breakdown: { key: string; target: number; actual: number; expected: number; attainment: number }[] }[] }[] };
    expect(report.asOf).toBe('2026-10');
    const goal = report.teams[0]!.goals[0]!;
    // Targets 1,000 + (i mod 7) × 100: 2,857 whole weeks of 9,100 and one 1,000. Actuals 900 + (i mod 11) × 50: 1,818 × 12,650 + 900 + 950.
    expect(goal.target).toBe(25_999_700);
    expect(goal.actual).toBe(22_999_550);
    // One month of three: a third of the target is expected, and the team's score is capped at 120%.
    expect(goal.expected).toBeCloseTo(8_666_566.667, 3);
    expect(report.teams[0]!.score).toBe(1.2);
    expect(goal.breakdown).toHaveLength(20_000);
    expect(goal.breakdown[0]).toMatchObject({ key: 'r00001', target: 1000, actual: 900, attainment: 2.7 });
    expect(goal.breakdown[19_999]).toMatchObject({ key: 'r20000', target: 1000, actual: 950 });
    expect(goal.breakdown[19_999]!.expected).toBeCloseTo(1000 / 3, 9);
    expect(goal.breakdown.reduce((sum, item) => sum + item.actual, 0)).toBe(22_999_550);

    const out = mkdtempSync(path.join(tmpdir(), 'goalpost-regions-out-'));
    const rendered = await goalpost(['render', regions.dir, '--out', out, '--format', 'md', '--locale', 'en', '--no-history']);
    expect(rendered).toMatchObject({ code: 0, stderr: '' });
    const page = readFileSync(path.join(out, 'teams/sales-2026-Q4.md'), 'utf8');
    expect(page).toContain('r20000');
  });
});

describe('a month of more parts than a function call takes arguments', () => {
  it('combines 130,000 regions by their largest value without running out of stack', { timeout: 60_000 }, async () => {
    const regions = generateRegions(mkdtempSync(path.join(tmpdir(), 'goalpost-regions-')), 130_000, 'max');
    expect(await goalpost(['validate', regions.dir])).toMatchObject({ code: 0, stderr: '' });
    const result = await goalpost(['score', regions.dir, '--format', 'json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const goal = (JSON.parse(result.stdout) as { teams: { goals: { target: number; actual: number; breakdown: unknown[] }[] }[] }).teams[0]!.goals[0]!;
    // The largest target is 1,000 + 6 × 100, the largest actual 900 + 10 × 50.
    expect(goal).toMatchObject({ target: 1600, actual: 1400 });
    expect(goal.breakdown).toHaveLength(130_000);
  });
});

describe('reading a long git history', () => {
  it('says once on stderr that it is slow, and how render can skip it, without changing the output', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'goalpost-long-history-'));
    // 6,000 commits from July to December, four in five of them in the goals folder.
    generateGoalsHistory(dir, 6000);
    const log = await goalpost(['log', 'q4-new-customers'], dir);
    expect(log.code).toBe(0);
    expect(log.stderr).toBe('goalpost: reading the git history of the goals (4,800 commits); this may take a while.\n');
    // Every fifth commit raises the target, from 300 by 10 each time.
    const raises = log.stdout.split('\n').filter((line) => /: target [\d,]+ → [\d,]+ /.test(line));
    expect(raises).toHaveLength(1200);
    expect(raises.at(-1)).toContain('target 12,290 → 12,300 ');

    const render = await goalpost(['render', 'goals', '--out', 'site', '--format', 'md', '--locale', 'en'], dir);
    expect(render.code).toBe(0);
    // The example's year goal set begins in January, before the history does: every commit in the goals folder is read.
    expect(render.stderr).toBe('goalpost: reading the git history of the goals (4,800 commits); --no-history skips it.\n');
    const withHistory = readFileSync(path.join(dir, 'site/teams/marketing-2026-Q4.md'), 'utf8');
    expect(withHistory.match(/target revised on/g)).toHaveLength(600);

    const without = await goalpost(['render', 'goals', '--out', 'site', '--format', 'md', '--locale', 'en', '--no-history'], dir);
    expect(without).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(path.join(dir, 'site/teams/marketing-2026-Q4.md'), 'utf8')).toBe(withHistory.replace(/<br>target revised on [\d-]+ from [^<| ]+/g, ''));
  });
});
