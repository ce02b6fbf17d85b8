import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import { repoRoot } from '../helpers/fixtures.js';

/**
 * Runs axe-core on each kind of rendered page (the index, a team page, a
 * person page) in headless Chromium, in both locales and both colour
 * schemes, and fails on any violation of serious or critical impact.
 */
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const locales = ['zh-CN', 'en'] as const;
const colorSchemes = ['light', 'dark'] as const;
const pages = ['index.html', 'teams/marketing-2026-Q4.html', 'teams/marketing-2026-Q3.html', 'people/li.wei.html', 'people/wang.fang.html'];

/** A violation as axe reports it, reduced to what a failing test prints. */
interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

const siteDirs = new Map<string, string>();
let browser: Browser;

beforeAll(async () => {
  for (const locale of locales) {
    const siteDir = mkdtempSync(path.join(tmpdir(), `goalpost-a11y-${locale}-`));
    const code = await cli(['render', path.join(repoRoot, 'goals'), '--out', siteDir, '--format', 'html', '--locale', locale], {
      stdout: () => undefined,
      stderr: (text) => process.stderr.write(text),
      isTTY: false,
      env: {},
      cwd: repoRoot,
    });
    expect(code).toBe(0);
    siteDirs.set(locale, siteDir);
  }
  browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
});

function describeViolation(page: string, violation: Violation): string {
  const nodes = violation.nodes.map((node) => `    ${JSON.stringify(node.target)}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`);
  return `${page}: ${violation.id} (${violation.impact}): ${violation.help}\n${nodes.join('\n')}`;
}

describe('the HTML scorecards are accessible', () => {
  for (const locale of locales) {
    for (const colorScheme of colorSchemes) {
      it(`has no serious or critical axe violation in ${locale}, ${colorScheme} scheme, at 1280 px`, async () => {
        // The pages' Content-Security-Policy forbids every script, axe included: bypassed here only.
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
        try {
          const page = await context.newPage();
          await page.emulateMedia({ colorScheme });
          const found: string[] = [];
          for (const file of pages) {
            await page.goto(`file://${siteDirs.get(locale)}/${file}`);
            await page.addScriptTag({ content: axeSource });
            const violations = (await page.evaluate(() =>
              (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> } }).axe
                .run((globalThis as unknown as { document: unknown }).document, { resultTypes: ['violations'] })
                .then((results) => results.violations),
            )) as Violation[];
            for (const violation of violations) {
              if (violation.impact === 'serious' || violation.impact === 'critical') found.push(describeViolation(file, violation));
            }
          }
          expect(found, found.join('\n')).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }
});
