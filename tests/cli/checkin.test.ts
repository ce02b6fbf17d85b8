import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, type CliIo } from '../../src/cli/cli.js';
import { registerCheckIn } from '../../src/cli/commands/checkin.js';
import { readGoalFiles } from '../../src/load/read-directory.js';
import type { CheckIn } from '../../src/model/model.js';
import { validateRepository } from '../../src/validate.js';
import { repoRoot } from '../helpers/fixtures.js';

const temporaryFolders: string[] = [];
afterAll(() => {
  for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true });
});

const checkIn = (date: string, goals: string): string => `apiVersion: goalpost/v1\nkind: CheckIn\nteam: marketing\ndate: ${date}\nauthor: li.wei\ngoals:\n${goals}`;

/**
 * A copy of the example goals with check-ins of the test's own, so that the
 * previous confidences are known here: 2 November and 16 November before the
 * new check-in of 20 November, and 25 November after it, which must not count.
 */
function goalsCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'goalpost-checkin-'));
  temporaryFolders.push(dir);
  cpSync(path.join(repoRoot, 'goals'), path.join(dir, 'goals'), { recursive: true });
  rmSync(path.join(dir, 'goals/checkins'), { recursive: true, force: true });
  mkdirSync(path.join(dir, 'goals/checkins'));
  const write = (name: string, text: string): void => writeFileSync(path.join(dir, 'goals/checkins', name), text);
  write('2026-11-02-marketing.yaml', checkIn('2026-11-02', '  q4-revenue: {confidence: 6}\n  q4-budget: {confidence: 7}\n'));
  write('2026-11-16-marketing.yaml', checkIn('2026-11-16', '  q4-revenue: {confidence: 7}\n  q4-attrition: {confidence: 2}\n'));
  write('2026-11-25-marketing.yaml', checkIn('2026-11-25', '  q4-revenue: {confidence: 9}\n'));
  return dir;
}

function io(cwd: string): { io: CliIo; out: () => { stdout: string; stderr: string } } {
  let stdout = '';
  let stderr = '';
  return { io: { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, env: {}, cwd }, out: () => ({ stdout, stderr }) };
}

async function run(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io: cliIo, out } = io(cwd);
  const code = await cli(args, cliIo);
  return { code, ...out() };
}

/** The goals folder validated as `goalpost validate` does, and the check-in of a date in it. */
async function validated(dir: string, date: string): Promise<{ diagnostics: string[]; checkIn: CheckIn | undefined }> {
  const { model, diagnostics } = validateRepository(await readGoalFiles('goals', dir, 16 * 1024 * 1024));
  return { diagnostics: diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column} ${d.message}`), checkIn: model.checkIns.find((each) => each.date === date) };
}

describe('goalpost checkin', () => {
  it('writes a check-in that validates, with every goal of the quarter and the confidence of the latest earlier check-in', async () => {
    const dir = goalsCopy();
    const result = await run(dir, ['checkin', 'goals', '--team', 'marketing', '--date', '2026-11-20']);
    expect(result).toEqual({
      code: 0,
      stdout:
        'Wrote goals/checkins/2026-11-20-marketing.yaml: 6 goals of the 2026-Q4 goal set of marketing, by li.wei. Set each confidence (0–10), add notes, blockers and next steps, then run goalpost validate goals.\n',
      stderr: '',
    });
    const { diagnostics, checkIn: written } = await validated(dir, '2026-11-20');
    expect(diagnostics).toEqual([]);
    expect(written).toMatchObject({ team: 'marketing', author: 'li.wei' });
    // q4-revenue: 7 of 16 November, not 9 of the 25th; q4-budget: 7 of 2 November; q4-attrition: 2; the rest the middle, 5.
    expect(written!.goals.map((update) => [update.goal, update.confidence, update.note, update.blockers, update.next])).toEqual([
      ['q4-revenue', 7, '', [], []],
      ['q4-new-customers', 5, '', [], []],
      ['q4-retention', 5, '', [], []],
      ['q4-roi', 5, '', [], []],
      ['q4-budget', 7, '', [], []],
      ['q4-attrition', 2, '', [], []],
    ]);
    const text = readFileSync(path.join(dir, 'goals/checkins/2026-11-20-marketing.yaml'), 'utf8');
    // October and November: 1.6M + 2.0M + 1.75M + 2.3M = 7.65M against the month plan's 3.5M + 4.0M = 7.5M, 102%: on track.
    expect(text).toContain(
      [
        'team: marketing',
        'date: 2026-11-20',
        'author: li.wei',
        'goals:',
        '  q4-revenue:',
        '    # 第四季度销售额达到 1200 万元',
        '    # 截至 2026年11月 · 实际值：¥765万 · 目标值：¥1200万 · 应达进度：¥750万 · 正常',
        '    confidence: 7  # was 7 on 2026-11-16',
        '    note: ""',
        '    blockers: []',
        '    next: []',
        '  q4-new-customers:',
        '    # 新增客户 300 家',
      ].join('\n'),
    );
    expect(text).toContain('  q4-roi:\n    # 营销投资回报率达到 3.0\n');
    expect(text).toContain('    confidence: 5  # no earlier check-in of this goal: 5 is the middle of 0–10\n');
  });

  it('refuses a second check-in for the same date and leaves the first as it was', async () => {
    const dir = goalsCopy();
    expect((await run(dir, ['checkin', 'goals', '--team', 'marketing', '--date', '2026-11-20'])).code).toBe(0);
    const file = path.join(dir, 'goals/checkins/2026-11-20-marketing.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('    confidence: 5  # no earlier', '    confidence: 8  # no earlier'));
    const edited = readFileSync(file);
    expect(edited.toString()).toContain('    confidence: 8  # no earlier');
    const again = await run(dir, ['checkin', 'goals', '--team', 'marketing', '--date', '2026-11-20']);
    expect(again).toEqual({
      code: 2,
      stdout: '',
      stderr: 'goalpost: Team "marketing" already has a check-in for 2026-11-20, in goals/checkins/2026-11-20-marketing.yaml: edit that one.\n',
    });
    expect(readFileSync(file).equals(edited)).toBe(true);
  });

  it('never overwrites a file in the way, even one that is not a check-in of that date', async () => {
    const dir = goalsCopy();
    const file = path.join(dir, 'goals/checkins/2026-11-21-marketing.yaml');
    const other = checkIn('2026-11-22', '  q4-revenue: {confidence: 8}\n');
    writeFileSync(file, other);
    const result = await run(dir, ['checkin', 'goals', '--team', 'marketing', '--date', '2026-11-21']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'goalpost: goals/checkins/2026-11-21-marketing.yaml already exists; goalpost checkin never overwrites a file. Edit it, or choose another --date.\n',
    });
    expect(readFileSync(file, 'utf8')).toBe(other);
  });

  it('exits 2 without writing for a date no goal set covers, an unknown team, or a date that is not one', async () => {
    const dir = goalsCopy();
    const before = readdirSync(path.join(dir, 'goals/checkins')).sort();
    const noGoalSet = await run(dir, ['checkin', 'goals', '--team', 'marketing', '--date', '2027-02-01']);
    expect(noGoalSet.code).toBe(2);
    expect(noGoalSet.stderr).toMatch(/^goalpost: No goal set of team "marketing" covers 2027-02-01 \(its goal sets are for .*2026-Q4.*\): a check-in is on the goals of the period it is in\.\n$/);
    const unknownTeam = await run(dir, ['checkin', 'goals', '--team', 'marketting', '--date', '2026-11-20']);
    expect(unknownTeam.code).toBe(2);
    expect(unknownTeam.stderr).toMatch(/^goalpost: There is no team "marketting": the teams are .*marketing/);
    const notADate = await run(dir, ['checkin', 'goals', '--team', 'marketing', '--date', '2026-02-30']);
    expect(notADate.code).toBe(2);
    expect(notADate.stderr).toContain('It must be a date, YYYY-MM-DD (for example 2026-11-15).');
    expect(readdirSync(path.join(dir, 'goals/checkins')).sort()).toEqual(before);
  });

  it('takes the quarter rather than the year when both cover the date', async () => {
    const dir = goalsCopy();
    writeFileSync(
      path.join(dir, 'goals/2026-marketing.yaml'),
      'apiVersion: goalpost/v1\nkind: GoalSet\nteam: marketing\nperiod: 2026\ngoals:\n  - {id: y-training, title: 全年培训 1000 小时, kpi: training_hours, target: 1000, weight: 100, owner: li.wei}\n',
    );
    expect((await validated(dir, '2026-11-20')).diagnostics).toEqual([]);
    expect((await run(dir, ['checkin', 'goals', '--team', 'marketing', '--date', '2026-11-20'])).code).toBe(0);
    expect((await validated(dir, '2026-11-20')).checkIn!.goals.map((update) => update.goal)).not.toContain('y-training');
  });

  it('refuses to write into a goals folder with errors', async () => {
    const dir = goalsCopy();
    writeFileSync(path.join(dir, 'goals/checkins/broken.yaml'), checkIn('2026-11-03', '  q4-revenu: {confidence: 6}\n'));
    const result = await run(dir, ['checkin', 'goals', '--team', 'marketing', '--date', '2026-11-20']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('unknown-goal');
    expect(result.stderr).toContain('goalpost: fix the errors above first.');
    expect(existsSync(path.join(dir, 'goals/checkins/2026-11-20-marketing.yaml'))).toBe(false);
  });

  it('keeps a title with a line break and control characters inside its comment', async () => {
    const dir = goalsCopy();
    const goalSet = path.join(dir, 'goals/2026-Q4/marketing.yaml');
    writeFileSync(goalSet, readFileSync(goalSet, 'utf8').replace('title: 新增客户 300 家', 'title: "新增客户 300 家\\nkind: Team \\u202e# \\u0007"'));
    expect((await run(dir, ['checkin', 'goals', '--team', 'marketing', '--date', '2026-11-20'])).code).toBe(0);
    const { diagnostics, checkIn: written } = await validated(dir, '2026-11-20');
    expect(diagnostics).toEqual([]);
    expect(written!.goals).toHaveLength(6);
    expect(readFileSync(path.join(dir, 'goals/checkins/2026-11-20-marketing.yaml'), 'utf8')).toContain('  q4-new-customers:\n    # 新增客户 300 家\\nkind: Team \\u202e# \\u0007\n');
  });

  it('dates the check-in today by the clock it is given', async () => {
    const dir = goalsCopy();
    const { io: cliIo, out } = io(dir);
    let exitCode = 0;
    const program = new Command().exitOverride();
    // 18 November 2026 at 23:30 where the team works.
    registerCheckIn(program, { io: cliIo, setExitCode: (code) => (exitCode = code) }, () => new Date(2026, 10, 18, 23, 30));
    await program.parseAsync(['checkin', 'goals', '--team', 'marketing'], { from: 'user' });
    expect(exitCode).toBe(0);
    expect(out().stdout).toMatch(/^Wrote goals\/checkins\/2026-11-18-marketing\.yaml: /);
    expect((await validated(dir, '2026-11-18')).diagnostics).toEqual([]);
  });
});
