import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

/** The Chromium the end-to-end tests drive: CHROMIUM_PATH, else Debian's chromium package. */
export const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Headless Chromium without its background traffic, so that a test sees only the page's own requests. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A violation as axe reports it, reduced to what a failing test prints. */
interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

function describeViolation(where: string, violation: Violation): string {
  const nodes = violation.nodes.map((node) => `    ${JSON.stringify(node.target)}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`);
  return `${where}: ${violation.id} (${violation.impact}): ${violation.help}\n${nodes.join('\n')}`;
}

/**
 * Runs axe-core on the page as loaded and returns its violations of serious
 * or critical impact, described for a failing test (`where` names the page).
 * The page's context must bypass the Content-Security-Policy, which allows
 * no script but the site's own.
 */
export async function seriousAxeViolations(page: Page, where: string): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = (await page.evaluate(() =>
    (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> } }).axe
      .run((globalThis as unknown as { document: unknown }).document, { resultTypes: ['violations'] })
      .then((results) => results.violations),
  )) as Violation[];
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => describeViolation(where, violation));
}

/** What pages said and asked for while a test file ran: both must stay empty. */
export interface PageWatch {
  /** Console messages and uncaught errors, with the page they came from. */
  messages: string[];
  /** Requests for anything that is not a file of the site on disk. */
  requests: string[];
}

/** Records `page`'s console messages, errors and requests off disk in `watch`. */
export function watchPage(page: Page, watch: PageWatch): Page {
  page.on('console', (message) => watch.messages.push(`${page.url()}: ${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => watch.messages.push(`${page.url()}: ${error.message}`));
  page.on('request', (request) => {
    if (!request.url().startsWith('file://')) watch.requests.push(request.url());
  });
  return page;
}
