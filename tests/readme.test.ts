import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from '../src/cli/cli.js';
import { repoRoot } from './helpers/fixtures.js';
import { GoalsGitRepo } from './helpers/git-repo.js';

/**
 * The README's examples of output are what goalpost prints today: each block
 * marked `<!-- example: NAME -->` is produced here by the command it shows.
 */
const readme = readFileSync(`${repoRoot}README.md`, 'utf8');

function example(name: string): string {
  const match = new RegExp(`<!-- example: ${name} -->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\`\`\``).exec(readme);
  if (!match) throw new Error(`The README has no example "${name}".`);
  return match[1]!;
}

async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await cli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stdout += t), isTTY: false, env: {}, cwd });
  return { code, stdout };
}

const goalSet = 'goals/2026-Q4/marketing.yaml';

describe('the README', () => {
  it('shows what goalpost validate prints for a breakdown that misses its target and a misspelt KPI', async () => {
    const repo = new GoalsGitRepo();
    repo.edit(goalSet, 'items: {zhang.min: 5000000, wang.fang: 7000000}', 'items: {zhang.min: 4900000, wang.fang: 7000000}');
    repo.edit(goalSet, 'kpi: retention_rate', 'kpi: retension_rate');
    const result = await run(['validate', 'goals'], repo.dir);
    expect(result.code).toBe(1);
    expect(`${result.stdout.split('\n\n')[0]}\n`).toBe(example('validate'));
  });

  it('shows what goalpost validate says of a team whose quarters no longer add up to its share of the year', async () => {
    const repo = new GoalsGitRepo();
    repo.edit('goals/2026-Q4/sales.yaml', '    target: 18000000\n', '    target: 17000000\n');
    repo.edit('goals/2026-Q4/sales.yaml', 'items: {2026-10: 5400000, 2026-11: 6000000, 2026-12: 6600000}', 'items: {2026-10: 5000000, 2026-11: 5800000, 2026-12: 6200000}');
    const result = await run(['validate', 'goals'], repo.dir);
    expect(result.code).toBe(0);
    expect(`${result.stdout.split('\n\n')[0]}\n`).toBe(example('rollup'));
  });

  it('shows lines that goalpost score --format text prints for the example', async () => {
    const result = await run(['score', 'goals', '--format', 'text'], repoRoot);
    expect(result.code).toBe(0);
    const printed = result.stdout.split('\n');
    for (const line of example('score text').trimEnd().split('\n')) expect(printed).toContain(line);
  });

  it('documents every field of the JSON contract of goalpost score', async () => {
    const table = /### The JSON contract\n([\s\S]*?)\n### /.exec(readme)![1]!;
    const documented = new Set([...table.matchAll(/`([A-Za-z]+)(?:\[\])?`/g)].map((m) => m[1]!).concat([...table.matchAll(/`(?:[A-Za-z]+\[\]\.)+([A-Za-z]+)/g)].map((m) => m[1]!)));
    const report = JSON.parse((await run(['score', 'goals'], repoRoot)).stdout) as { teams: { team: string; period: string; goals: { id: string; breakdown: object[] }[] }[] };
    const team = report.teams.find((t) => t.team === 'marketing' && t.period === '2026-Q4')!;
    const goal = team.goals.find((g) => g.id === 'q4-revenue')!;
    const people = (report as unknown as { people: { id: string; goals: object[]; payout: object | null }[] }).people;
    const payer = people.find((p) => p.payout !== null)!;
    const checkIn = (goal as unknown as { checkIn: object }).checkIn;
    const fields = [
      ...Object.keys(report),
      ...Object.keys(team),
      ...Object.keys(goal),
      ...Object.keys(goal.breakdown[0]!),
      ...Object.keys(checkIn),
      ...Object.keys(payer),
      ...Object.keys(payer.goals[0]!),
      ...Object.keys(payer.payout!),
    ];
    for (const field of fields) expect(documented, field).toContain(field);
  });

  it('shows what goalpost diff prints for a raised target', async () => {
    const repo = new GoalsGitRepo();
    const base = repo.commit('Q4 goals', '2026-10-01T09:00:00+08:00');
    repo.edit(goalSet, '    target: 300\n', '    target: 330\n');
    repo.edit(goalSet, 'items: {zhang.min: 120, wang.fang: 180}', 'items: {zhang.min: 150, wang.fang: 180}');
    const result = await run(['diff', base], repo.dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(example('diff'));
  });

  it('shows what goalpost diff prints for a check-in added', async () => {
    const repo = new GoalsGitRepo();
    const base = repo.commit('Goals', '2026-11-16T09:00:00+08:00');
    repo.write(
      'goals/checkins/2026-11-30-marketing.yaml',
      [
        'apiVersion: goalpost/v1',
        'kind: CheckIn',
        'team: marketing',
        'date: 2026-11-30',
        'author: li.wei',
        'goals:',
        '  q4-revenue: {confidence: 8, note: 十二月大客户预算已审批}',
        '  q4-budget: {confidence: 4, status: at-risk, note: 十二月须削减 10 万元投放}',
        '  q4-attrition: {confidence: 2, status: at-risk}',
        '',
      ].join('\n'),
    );
    const result = await run(['diff', base], repo.dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(example('checkin diff'));
  });

  it('shows what goalpost diff says of a change to a closed goal set', async () => {
    const repo = new GoalsGitRepo();
    const base = repo.commit('Goals', '2026-11-16T09:00:00+08:00');
    repo.edit('goals/2026-Q3/marketing.yaml', '    target: 10800000\n', '    target: 11000000\n');
    const result = await run(['diff', base], repo.dir);
    expect(result.code).toBe(1);
    expect(`${result.stdout.split('\n\n')[0]}\n`).toBe(example('closed diff'));
  });

  it('shows what goalpost log prints for a goal, but for the commit hashes', async () => {
    const repo = new GoalsGitRepo();
    repo.commit('Q4 goals', '2026-09-25T09:00:00+08:00');
    repo.edit(goalSet, '    target: 300\n', '    target: 330\n');
    repo.edit(goalSet, 'items: {zhang.min: 120, wang.fang: 180}', 'items: {zhang.min: 150, wang.fang: 180}');
    repo.commit('Raise the new-customer target after a strong October', '2026-11-03T10:00:00+08:00', 'Zhang Min <zhang.min@example.com>');
    const result = await run(['log', 'marketing/q4-new-customers'], repo.dir);
    expect(result.code).toBe(0);
    const hashes = (text: string) => text.replace(/\([0-9a-f]{7}\)$/gm, '(hash)');
    expect(hashes(result.stdout)).toBe(hashes(example('log')));
  });
});
