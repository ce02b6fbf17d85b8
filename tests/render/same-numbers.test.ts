import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import { GoalsGitRepo } from '../helpers/git-repo.js';

/**
 * One goal of the example, q4-revenue, as of November, in every output
 * goalpost writes: `score --format text`, the Markdown and HTML scorecards
 * (in English, whose amounts read like the terminal's, and in Chinese, whose
 * percentages must too) and `goalpost diff` against a version without
 * November's revenue. Every percentage and amount must read the same.
 */
let repo: GoalsGitRepo;
const outputs: Record<'text' | 'md' | 'html' | 'mdZh' | 'htmlZh' | 'diff', string> = { text: '', md: '', html: '', mdZh: '', htmlZh: '', diff: '' };

async function run(args: string[]): Promise<string> {
  let stdout = '';
  const code = await cli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stdout += t), isTTY: false, env: {}, cwd: repo.dir });
  expect(code, stdout).toBe(0);
  return stdout;
}

/** The text of an HTML fragment as a reader sees it: tags gone, entities decoded, spaces collapsed. */
function htmlText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

beforeAll(async () => {
  repo = new GoalsGitRepo();
  const actuals = 'goals/actuals/2026-q4.csv';
  const full = repo.read(actuals);
  repo.write(actuals, full.replace(/^2026-11,marketing,revenue,.*\n/gm, ''));
  const base = repo.commit('October revenue only', '2026-11-02T09:00:00+08:00');
  repo.write(actuals, full);
  outputs.text = await run(['score', 'goals', '--format', 'text']);
  for (const [locale, md, html] of [['en', 'md', 'html'], ['zh-CN', 'mdZh', 'htmlZh']] as const) {
    const out = path.join(repo.dir, `site-${locale}`);
    await run(['render', 'goals', '--out', out, '--locale', locale, '--no-history']);
    const page = (extension: string) => readFileSync(path.join(out, `teams/marketing-2026-Q4.${extension}`), 'utf8');
    outputs[md] = page('md').split('\n').find((line) => line.includes('**第四季度销售额达到 1200 万元**'))!;
    outputs[html] = htmlText(/<tbody class="goal" id="goal-q4-revenue">[\s\S]*?<tr class="item/.exec(page('html'))![0]);
  }
  outputs.diff = await run(['diff', base]);
});

describe('every output of goalpost', () => {
  it('reads the same percentages and amounts for one goal', () => {
    const line = outputs.text.split('\n').find((l) => l.includes(' q4-revenue '))!;
    const figures = /actual (\S+) \/ target (\S+) \((\S+) of target\), expected (\S+), attainment (\S+), forecast (\S+) .*, points (\S+)$/.exec(line);
    expect(figures, line).not.toBeNull();
    const [, actual, target, progress, expected, attainment, forecast, points] = figures!;
    // Worked out by hand: 7.65M of 12M; 7.5M planned by November; 7.65 ÷ 7.5; 7.65M + 4.5M × 1.02; 1.02 × 40.
    expect([actual, target, progress, expected, attainment, forecast, points]).toEqual([
      'CN¥7,650,000',
      'CN¥12,000,000',
      '63.8%',
      'CN¥7,500,000',
      '102%',
      'CN¥12,240,000',
      '40.8',
    ]);
    for (const output of ['md', 'html'] as const) {
      for (const figure of [actual, target, progress, expected, attainment, forecast, points]) expect(outputs[output], `${figure} in ${output}`).toContain(figure);
    }
    for (const output of ['mdZh', 'htmlZh'] as const) {
      for (const figure of [progress, attainment, points]) expect(outputs[output], `${figure} in ${output}`).toContain(figure);
    }
    const teamScore = /marketing 市场营销部 · Q4 2026 .*: score (\S+)$/m.exec(outputs.text)![1]!;
    expect(teamScore).toBe('93.6%');
    expect(outputs.diff).toContain(`attainment 48% → ${attainment}`); // 3.6M of 7.5M before November's revenue was in
    expect(outputs.diff).toContain(`weighted score 19.2 → ${points}`);
    // (0.48 × 40 + 1.04 × 20 + 10 + 10 + 0 + 1.2 × 10) ÷ 100
    expect(outputs.diff).toContain(`Team score 72% → ${teamScore}`);
  });
});
