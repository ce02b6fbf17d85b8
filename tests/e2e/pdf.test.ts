import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import { combinedTeamPages } from '../../src/render/pdf.js';
import { executablePath, launchChromium } from '../helpers/browser.js';
import { repoRoot } from '../helpers/fixtures.js';

/**
 * `render --format pdf` prints the team pages of the example with the
 * Chromium installed (Debian's chromium package), one PDF, one page per
 * team. The pages are read back with poppler's pdftoppm and pdftotext.
 */
const outputDir = path.join(repoRoot, 'tests/output/e2e-pdf');

async function render(outDir: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await cli(['render', path.join(repoRoot, 'goals'), '--out', outDir, '--format', 'pdf', '--locale', 'zh-CN'], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTTY: false,
    env,
    cwd: repoRoot,
  });
  return { code, stdout, stderr };
}

describe('render --format pdf', () => {
  it('prints every team page into one A4 landscape PDF, one page per team', async () => {
    expect(existsSync(executablePath), `Chromium is not installed at ${executablePath} (apt-get install chromium)`).toBe(true);
    mkdirSync(outputDir, { recursive: true });
    const result = await render(outputDir, { CHROMIUM_PATH: executablePath });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // The example's team pages: company FY2026 and 2026-Q4, marketing and sales in 2026-Q3 and 2026-Q4.
    const teams = 6;
    expect(result.stdout).toContain(`scorecards.pdf: ${teams} team scorecards, each from a new page`);
    const pdf = readFileSync(path.join(outputDir, 'scorecards.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdf.toString('latin1');
    // One page per team: the longest (marketing 2026-Q4, with check-ins and last quarter's actions) is zoomed to fit.
    const pages = (text.match(/\/Type\s*\/Page\b/g) ?? []).length;
    expect(pages).toBe(teams);
    expect(text).toContain(`/Count ${teams}`);
    // A4 landscape, 297 × 210 mm: about 842 × 595 points, wider than tall on every page.
    const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((match) => [Number(match[1]), Number(match[2])]);
    expect(boxes).toHaveLength(pages);
    for (const [width, height] of boxes) {
      expect(width).toBeCloseTo(842, -1);
      expect(height).toBeCloseTo(595, -1);
    }
    // Each page as a picture, to look at: every one begins with its team's name and ends with the footer.
    for (const name of readdirSync(outputDir).filter((entry) => entry.endsWith('.png'))) rmSync(path.join(outputDir, name));
    execFileSync('pdftoppm', ['-r', '80', '-png', path.join(outputDir, 'scorecards.pdf'), path.join(outputDir, 'page')]);
    expect(readdirSync(outputDir).filter((entry) => entry.endsWith('.png'))).toHaveLength(teams);
    const pageTexts = Array.from({ length: teams }, (_, index) =>
      execFileSync('pdftotext', ['-f', String(index + 1), '-l', String(index + 1), '-layout', path.join(outputDir, 'scorecards.pdf'), '-'], { encoding: 'utf8' }),
    );
    expect(pageTexts.map((page) => page.trim().split('\n')[0]?.trim())).toEqual([
      '公司 2026 财年（2026年1月–12月）',
      '公司 2026年第四季度',
      '市场营销部 2026年第三季度',
      '市场营销部 2026年第四季度',
      '销售部 2026年第三季度',
      '销售部 2026年第四季度',
    ]);
    for (const page of pageTexts) expect(page.trim().split('\n').at(-1)?.trim()).toBe('由 goalpost 根据已提交的目标与实际值生成。');
  });

  it('starts each team page on a new printed page, in the document it prints', async () => {
    const siteDir = mkdtempSync(path.join(tmpdir(), 'goalpost-pdf-site-'));
    const io = { stdout: () => undefined, stderr: (text: string) => process.stderr.write(text), isTTY: false, env: {}, cwd: repoRoot };
    expect(await cli(['render', path.join(repoRoot, 'goals'), '--out', siteDir, '--format', 'html'], io)).toBe(0);
    const teamPages = readdirSync(path.join(siteDir, 'teams'))
      .sort()
      .map((name) => ({ path: `teams/${name}`, content: readFileSync(path.join(siteDir, 'teams', name), 'utf8') }));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const messages: string[] = [];
      page.on('console', (message) => messages.push(message.text()));
      await page.setContent(combinedTeamPages(teamPages, readFileSync(path.join(siteDir, 'styles.css'), 'utf8')));
      await page.emulateMedia({ media: 'print' });
      const breaks = await page.locator('.printed-team').evaluateAll((teams) =>
        teams.map((team) => (globalThis as unknown as { getComputedStyle(element: unknown): { breakBefore: string } }).getComputedStyle(team).breakBefore),
      );
      expect(breaks).toEqual(['auto', ...Array.from({ length: teamPages.length - 1 }, () => 'page')]);
      await expect(page.locator('.printed-team h1').count()).resolves.toBe(teamPages.length);
      await expect(page.locator('nav').first().isVisible()).resolves.toBe(false);
      expect(messages).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('says how to get Chromium when there is none, with exit 2, and writes nothing', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'goalpost-pdf-'));
    const missing = path.join(outDir, 'no-chromium-here');
    const result = await render(outDir, { CHROMIUM_PATH: missing });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`CHROMIUM_PATH (${JSON.stringify(missing)}) is not an executable file`);
    expect(result.stderr).toContain('apt-get install chromium');
    expect(existsSync(path.join(outDir, 'scorecards.pdf'))).toBe(false);
  });
});

