import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import { launchChromium, seriousAxeViolations } from '../helpers/browser.js';
import { repoRoot } from '../helpers/fixtures.js';

/**
 * Runs axe-core on each kind of rendered page (the index, a team page, a
 * person page) in headless Chromium, in both locales and both colour
 * schemes, and fails on any violation of serious or critical impact.
 */
const locales = ['zh-CN', 'en'] as const;
const colorSchemes = ['light', 'dark'] as const;
const pages = ['index.html', 'teams/marketing-2026-Q4.html', 'teams/marketing-2026-Q3.html', 'people/li.wei.html', 'people/wang.fang.html'];

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
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

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
            found.push(...(await seriousAxeViolations(page, file)));
          }
          expect(found, found.join('\n')).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }
});
