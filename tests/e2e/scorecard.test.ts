import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import { executablePath, launchChromium, watchPage, type PageWatch } from '../helpers/browser.js';
import { repoRoot } from '../helpers/fixtures.js';

/**
 * Opens the rendered HTML scorecards of the example in headless Chromium
 * (Debian's chromium package), from disk, with the network unused.
 */
const outputDir = path.join(repoRoot, 'tests/output/e2e');
const siteDir = path.join(outputDir, 'site');

/** The browser functions the tests call, typed without the DOM library. */
interface BrowserWindow {
  getComputedStyle(element: unknown): { color: string };
}

/** An element as the layout tests measure it. */
interface LaidOutElement {
  textContent: string | null;
  getClientRects(): { length: number };
  getBoundingClientRect(): { width: number; height: number };
}

/** The page as the layout tests read it, typed without the DOM library. */
interface LaidOutWindow {
  innerWidth: number;
  document: {
    documentElement: { scrollWidth: number };
    querySelector(selector: string): LaidOutElement | null;
    querySelectorAll(selector: string): Iterable<LaidOutElement>;
    activeElement: LaidOutElement | null;
    styleSheets: Iterable<{ cssRules: Iterable<{ cssText: string }> }>;
  };
  getComputedStyle(element: unknown): { display: string; lineHeight: string; color: string; backgroundColor: string; outlineStyle: string; outlineWidth: string; breakInside: string };
}

/** The relative luminance of an rgb() colour, as WCAG defines it. */
function luminance(rgb: string): number {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((part) => {
    const c = Number(part) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(foreground: string, background: string): number {
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The pages that must fit every screen: the index, the widest team page and a person with goals in two teams. */
const layoutPages = [
  { name: 'index', file: 'index.html' },
  { name: 'marketing-2026-Q4', file: 'teams/marketing-2026-Q4.html' },
  { name: 'li.wei', file: 'people/li.wei.html' },
];
const viewports = [
  { width: 1280, height: 900 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
];

/** A page of its own, watched like the shared one for requests and console messages. */
async function newWatchedPage(options: Parameters<Browser['newPage']>[0]): Promise<Page> {
  return watchPage(await browser.newPage(options), watch);
}

let browser: Browser;
let page: Page;
const watch: PageWatch = { messages: [], requests: [] };

beforeAll(async () => {
  if (!existsSync(executablePath)) throw new Error(`Chromium is not installed at ${executablePath} (apt-get install chromium).`);
  rmSync(outputDir, { recursive: true, force: true });
  mkdirSync(outputDir, { recursive: true });
  const code = await cli(['render', path.join(repoRoot, 'goals'), '--out', siteDir, '--format', 'html', '--locale', 'zh-CN'], {
    stdout: () => undefined,
    stderr: (text) => process.stderr.write(text),
    isTTY: false,
    env: {},
    cwd: repoRoot,
  });
  expect(code).toBe(0);
  browser = await launchChromium();
  page = await newWatchedPage({ viewport: { width: 1300, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
});

/**
 * A status as a reader sees it: the icon the stylesheet puts before it (its
 * first string; the second is the empty text a screen reader gets) and the word.
 */
async function statusShown(cell: Locator): Promise<string> {
  const icon = await cell.evaluate((element) => (globalThis as unknown as { getComputedStyle(element: unknown, pseudo: string): { content: string } }).getComputedStyle(element, '::before').content);
  return `${/^"([^"]*)"/.exec(icon)?.[1] ?? ''}${await cell.innerText()}`;
}


describe('the HTML scorecards', () => {
  it('index lists the teams with their scores and links to each team page', async () => {
    await page.goto(`file://${siteDir}/index.html`);
    await expect(page.locator('h1').textContent()).resolves.toBe('目标记分卡');
    const marketingRow = page.locator('table.index tr', { hasText: '市场营销部' }).filter({ hasText: '2026年第四季度' });
    await expect(marketingRow.locator('td.team-score').textContent()).resolves.toContain('93.6%');
    await page.screenshot({ path: path.join(outputDir, 'index.png'), fullPage: true });
    await marketingRow.locator('a').click();
    await page.waitForURL(/teams\/marketing-2026-Q4\.html$/);
  });

  it('team page shows the team score and every goal with its status, in words and not only in colour', async () => {
    await page.goto(`file://${siteDir}/teams/marketing-2026-Q4.html`);
    await expect(page.locator('.summary strong.score').textContent()).resolves.toBe('93.6%');
    const goals = [
      ['第四季度销售额达到 1200 万元', '✅ 正常'],
      ['新增客户 300 家', '✅ 正常'],
      ['客户留存率不低于 85%', '✅ 正常'],
      ['营销投资回报率达到 3.0', '✅ 正常'],
      ['第四季度营销费用控制在 270 万元以内', '⚠️ 有风险'],
      ['人才流失率控制在 5% 以内', '✅ 正常'],
    ];
    const rows = page.locator('tr.goal-row');
    await expect(rows.count()).resolves.toBe(goals.length);
    for (const [index, [title, status]] of goals.entries()) {
      const row = rows.nth(index);
      await expect(row.locator('.goal-title').textContent()).resolves.toBe(title);
      await expect(statusShown(row.locator('td.status'))).resolves.toBe(status);
      await expect(row.locator('svg.bar').isVisible()).resolves.toBe(true);
      await expect(row.locator('svg.trend polyline').count()).resolves.toBe(1);
    }
    // Revenue: 63.8% of the target reached, 102% of the 7.5M planned by November, and a forecast from December's plan.
    const revenue = rows.nth(0);
    await expect(revenue.locator('td.actual').innerText()).resolves.toBe('¥765万\n已完成目标的 63.8%\n2026年第三季度：¥1090万（+12.3%）');
    await expect(revenue.locator('td.attainment span').innerText()).resolves.toBe('102%');
    await expect(revenue.locator('td.forecast').innerText()).resolves.toBe('¥1224万\n预计可达成');
    // The bar fills to the progress (63.75% of 120 px) with its marker where the plan expects it (62.5%).
    await expect(revenue.locator('svg.bar rect.fill').getAttribute('width')).resolves.toBe('76.5');
    await expect(revenue.locator('svg.bar line.marker').getAttribute('x1')).resolves.toBe('75');
    const budget = rows.nth(4);
    await expect(budget.locator('td.attainment span').innerText()).resolves.toBe('难以达成');
    await expect(budget.locator('td.forecast').innerText()).resolves.toBe('¥277.5万\n预计超出上限 ¥75,000');
    const atRisk = page.locator('tr.item', { hasText: '王芳' }).first();
    await expect(statusShown(atRisk.locator('td.status'))).resolves.toBe('⚠️ 有风险');
    await expect(atRisk.locator('td.status').evaluate((cell) => (globalThis as unknown as BrowserWindow).getComputedStyle(cell).color)).resolves.toBe('rgb(154, 103, 0)');
    await page.screenshot({ path: path.join(outputDir, 'marketing-2026-Q4.png'), fullPage: true });
  });

  it('person page lists what the person owns, with links back to the goals', async () => {
    await page.goto(`file://${siteDir}/people/wang.fang.html`);
    await expect(page.locator('h1').textContent()).resolves.toBe('王芳');
    // One section per quarter: her owner items of revenue and new customers in each, and the retention goal of the fourth.
    await expect(page.locator('section.goal-set h2').allTextContents()).resolves.toEqual(['市场营销部 · 2026年第三季度', '市场营销部 · 2026年第四季度']);
    await expect(page.locator('ul.owned li').count()).resolves.toBe(5);
    await expect(page.locator('.owner').count()).resolves.toBe(0);
    // Her share of new customers links to its row on the team page.
    await page.locator('ul.owned a', { hasText: '新增客户 300 家' }).click();
    await page.waitForURL(/marketing-2026-Q4\.html#goal-q4-new-customers-owner-wang\.fang$/);
    await expect(page.locator('tr.item:target td.owner').innerText()).resolves.toBe('王芳');
  });

  it('closed quarter shows its final results, the override beside the computed attainment, and the review', async () => {
    await page.goto(`file://${siteDir}/teams/marketing-2026-Q3.html`);
    await expect(page.locator('p.closed').innerText()).resolves.toBe('🔒 最终结果：已于 2026-10-09 由 李伟 关闭');
    await expect(page.locator('header strong.score').textContent()).resolves.toBe('100.6%');
    await expect(page.locator('#goal-q3-new-customers .meta.override').innerText()).resolves.toBe(
      '最终达成率 100%（计算值 92.3%）：9 月华南行业展会被主办方取消（不可抗力），评审会认可按 100% 计',
    );
    await expect(page.locator('section.review h2').textContent()).resolves.toBe('复盘');
    await expect(page.locator('section.review li').count()).resolves.toBe(6);
    await page.screenshot({ path: path.join(outputDir, 'marketing-2026-Q3.png'), fullPage: true });
  });

  it('check-ins show under their goals, with the confidence line and the optimistic goal flagged', async () => {
    await page.goto(`file://${siteDir}/teams/marketing-2026-Q4.html`);
    await expect(page.locator('p.net-confidence').textContent()).resolves.toBe('净信心指数 +20');
    await expect(page.locator('section.carried li').count()).resolves.toBe(2);
    const budget = page.locator('#goal-q4-budget');
    await expect(budget.locator('.meta.gap').innerText()).resolves.toBe('⚠️ 自评“正常”，数据显示“有风险”');
    await expect(budget.locator('.checkin p').textContent()).resolves.toBe('双十一追加投放 15 万元，十二月将收紧');
    // Two check-ins of the budget goal, 7 then 6: drawn on the fixed 0–10 scale, y = 16 − 2 − value × 12 / 10.
    await expect(budget.locator('svg.confidence polyline').getAttribute('points')).resolves.toBe('2,5.6 46,6.8');
    await expect(page.locator('#goal-q4-roi .checkin').count()).resolves.toBe(0);
  });

  it('prints without navigation, on A4 landscape, keeping a goal and its breakdown together', async () => {
    await page.goto(`file://${siteDir}/teams/marketing-2026-Q4.html`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('nav').count()).resolves.toBe(1);
    await expect(page.locator('nav').isVisible()).resolves.toBe(false);
    // The page's stylesheet is a file of the site, whose rules a file:// page may not read: it is read from disk.
    expect(readFileSync(path.join(siteDir, 'styles.css'), 'utf8')).toMatch(/@page \{ size: A4 landscape; margin: 10mm; \}/);
    await expect(page.locator('tbody.goal').first().evaluate((body) => (globalThis as unknown as LaidOutWindow).getComputedStyle(body).breakInside)).resolves.toBe('avoid');
    await page.emulateMedia({ media: 'screen' });
  });

  for (const viewport of viewports) {
    it(`fits ${viewport.width} px without scrolling sideways, names on one line`, async () => {
      const sized = await newWatchedPage({ viewport });
      try {
        for (const { name, file } of layoutPages) {
          await sized.goto(`file://${siteDir}/${file}`);
          const layout = await sized.evaluate(() => {
            const window = globalThis as unknown as LaidOutWindow;
            const lineCount = (element: LaidOutElement) =>
              Math.round(element.getBoundingClientRect().height / Number.parseFloat(window.getComputedStyle(element).lineHeight));
            const names = [...window.document.querySelectorAll('table.goals td.owner a')];
            const heading = window.document.querySelector('h1');
            return {
              scrollWidth: window.document.documentElement.scrollWidth,
              innerWidth: window.innerWidth,
              names: names.length,
              brokenNames: names.filter((link) => link.getClientRects().length !== 1).map((link) => link.textContent),
              headingLines: heading === null ? 0 : lineCount(heading),
            };
          });
          expect(layout.scrollWidth, `${name} at ${viewport.width} px`).toBeLessThanOrEqual(layout.innerWidth);
          expect(layout.brokenNames, `${name} at ${viewport.width} px`).toEqual([]);
          // A person page has no owner column: the person is the owner.
          if (name === 'marketing-2026-Q4') expect(layout.names, name).toBeGreaterThan(0);
          if (name === 'li.wei') expect(layout.headingLines, `the person's name at ${viewport.width} px`).toBe(1);
          if (viewport.width <= 400 && name === 'marketing-2026-Q4') {
            // A phone: each goal is a card, its title as wide as the screen less the page's margins.
            const row = sized.locator('tr.goal-row').first();
            await expect(row.evaluate((element) => (globalThis as unknown as LaidOutWindow).getComputedStyle(element).display)).resolves.toMatch(/^(block|grid)$/);
            const title = await row.locator('th.title').boundingBox();
            expect(title!.width).toBeGreaterThan(viewport.width * 0.8);
            await expect(row.locator('td.owner').evaluate((cell) => (globalThis as unknown as LaidOutWindow).getComputedStyle(cell).display)).resolves.toBe('block');
          }
          await sized.screenshot({ path: path.join(outputDir, `${name}-${viewport.width}.png`), fullPage: true });
        }
      } finally {
        await sized.close();
      }
    });
  }

  it('shows the expected value, weight and score under the goal’s title, on a laptop and a wide screen alike', async () => {
    for (const width of [1280, 1920]) {
      const sized = await newWatchedPage({ viewport: { width, height: 900 } });
      try {
        await sized.goto(`file://${siteDir}/teams/marketing-2026-Q4.html`);
        const revenue = sized.locator('#goal-q4-revenue tr.goal-row');
        await expect(revenue.locator('th.title .meta.figures').innerText()).resolves.toBe('应达进度：¥750万 权重：40 加权得分：40.8');
        // A breakdown item: its share of the plan by now, under its name.
        await expect(sized.locator('#goal-q4-revenue-owner-zhang\\.min th.title .meta.figures').innerText()).resolves.toBe('应达进度：¥312.5万');
      } finally {
        await sized.close();
      }
    }
  });

  it('follows a dark colour scheme, with status colours that keep their contrast', async () => {
    const dark = await newWatchedPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
    try {
      await dark.goto(`file://${siteDir}/teams/marketing-2026-Q4.html`);
      const background = await dark.locator('body').evaluate((body) => (globalThis as unknown as LaidOutWindow).getComputedStyle(body).backgroundColor);
      expect(luminance(background)).toBeLessThan(0.05);
      const atRisk = await dark.locator('tr.goal-row td.status.at-risk').first().evaluate((cell) => (globalThis as unknown as LaidOutWindow).getComputedStyle(cell).color);
      expect(atRisk).not.toBe('rgb(154, 103, 0)');
      expect(contrast(atRisk, background)).toBeGreaterThanOrEqual(4.5);
      const onTrack = await dark.locator('tr.goal-row td.status.on-track').first().evaluate((cell) => (globalThis as unknown as LaidOutWindow).getComputedStyle(cell).color);
      expect(contrast(onTrack, background)).toBeGreaterThanOrEqual(4.5);
      await dark.screenshot({ path: path.join(outputDir, 'marketing-2026-Q4-dark.png'), fullPage: true });
    } finally {
      await dark.close();
    }
  });

  it('shows where the keyboard focus is', async () => {
    const focused = await newWatchedPage({ viewport: { width: 1280, height: 900 } });
    await focused.goto(`file://${siteDir}/teams/marketing-2026-Q4.html`);
    await focused.keyboard.press('Tab');
    const focus = await focused.evaluate(() => {
      const window = globalThis as unknown as LaidOutWindow;
      const style = window.getComputedStyle(window.document.activeElement);
      return { text: window.document.activeElement?.textContent, outline: style.outlineStyle, width: style.outlineWidth };
    });
    await focused.close();
    expect(focus).toEqual({ text: '全部记分卡', outline: 'solid', width: '2px' });
  });

  it('made no network request and broke no content-security rule', () => {
    expect(watch.requests).toEqual([]);
    expect(watch.messages).toEqual([]);
  });
});
