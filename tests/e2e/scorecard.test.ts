import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import { repoRoot } from '../helpers/fixtures.js';

/**
 * Opens the rendered HTML scorecards of the example in headless Chromium
 * (Debian's chromium package), from disk, with the network unused.
 */
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const outputDir = path.join(repoRoot, 'tests/output/e2e');
const siteDir = path.join(outputDir, 'site');

/** The one browser function the tests call, typed without the DOM library. */
interface BrowserWindow {
  getComputedStyle(element: unknown): { color: string };
}

let browser: Browser;
let page: Page;
const consoleMessages: string[] = [];
const requests: string[] = [];

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
  browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
  page.on('console', (message) => consoleMessages.push(`${message.type()}: ${message.text()}`));
  page.on('request', (request) => {
    if (!request.url().startsWith('file://')) requests.push(request.url());
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('the HTML scorecards', () => {
  it('index lists the teams with their scores and links to each team page', async () => {
    await page.goto(`file://${siteDir}/index.html`);
    await expect(page.locator('h1').textContent()).resolves.toBe('目标记分卡');
    const marketingRow = page.locator('table.index tr', { hasText: '市场营销部' }).filter({ hasText: '2026年第四季度' });
    await expect(marketingRow.locator('td.attainment').textContent()).resolves.toContain('93.6%');
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
      await expect(row.locator('td.status').innerText()).resolves.toBe(status);
      await expect(row.locator('svg.bar').isVisible()).resolves.toBe(true);
      await expect(row.locator('svg.trend polyline').count()).resolves.toBe(1);
    }
    // Revenue: 63.8% of the target reached, 102% of the 7.5M planned by November, and a forecast from December's plan.
    const revenue = rows.nth(0);
    await expect(revenue.locator('td.num').nth(1).innerText()).resolves.toBe('¥765万\n已完成目标的 63.8%\n2026年第三季度：¥1090万（+12.3%）');
    await expect(revenue.locator('td.attainment span').innerText()).resolves.toBe('102%');
    await expect(revenue.locator('td.num').nth(3).innerText()).resolves.toBe('¥1224万\n预计可达成');
    // The bar fills to the progress (63.75% of 120 px) with its marker where the plan expects it (62.5%).
    await expect(revenue.locator('svg.bar rect.fill').getAttribute('width')).resolves.toBe('76.5');
    await expect(revenue.locator('svg.bar line.marker').getAttribute('x1')).resolves.toBe('75');
    const budget = rows.nth(4);
    await expect(budget.locator('td.attainment span').innerText()).resolves.toBe('难以达成');
    await expect(budget.locator('td.num').nth(3).innerText()).resolves.toBe('¥277.5万\n预计超出上限 ¥75,000');
    const atRisk = page.locator('tr.item', { hasText: '王芳' }).first();
    await expect(atRisk.locator('td.status').innerText()).resolves.toBe('⚠️ 有风险');
    await expect(atRisk.locator('td.status').evaluate((cell) => (globalThis as unknown as BrowserWindow).getComputedStyle(cell).color)).resolves.toBe('rgb(154, 103, 0)');
    await page.screenshot({ path: path.join(outputDir, 'marketing-2026-Q4.png'), fullPage: true });
  });

  it('person page lists what the person owns, with links back to the goals', async () => {
    await page.goto(`file://${siteDir}/people/wang.fang.html`);
    await expect(page.locator('h1').textContent()).resolves.toBe('王芳');
    // Her owner items of revenue and new customers, in the third quarter and in the fourth.
    await expect(page.locator('table.items tbody tr').count()).resolves.toBe(4);
    await page.locator('table.items a', { hasText: '新增客户 300 家' }).click();
    await page.waitForURL(/marketing-2026-Q4\.html#goal-q4-new-customers$/);
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

  it('prints without navigation', async () => {
    await page.goto(`file://${siteDir}/teams/marketing-2026-Q4.html`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('nav').isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });

  it('made no network request and broke no content-security rule', () => {
    expect(requests).toEqual([]);
    expect(consoleMessages).toEqual([]);
  });
});
