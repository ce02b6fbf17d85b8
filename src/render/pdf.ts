import { randomBytes } from 'node:crypto';
import { access, constants, lstat, mkdtemp, open, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fileSystemReason, isFileSystemError } from '../load/file-system-error.js';
import { UsageError } from '../load/read-directory.js';
import type { OutputFile } from './render.js';

/** Where Debian, Ubuntu and most distributions put Chromium, tried after CHROMIUM_PATH. */
const defaultChromium = '/usr/bin/chromium';
const chromiumNames = ['chromium', 'chromium-browser'];
const howToGetChromium = 'install it (apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome executable';

async function isExecutable(file: string): Promise<boolean> {
  return access(file, constants.X_OK).then(
    () => true,
    () => false,
  );
}

/**
 * The Chromium the user has: CHROMIUM_PATH when set (and then only it), else
 * /usr/bin/chromium, else chromium or chromium-browser on PATH.
 */
export async function findChromium(env: Readonly<Record<string, string | undefined>>): Promise<string> {
  const chosen = env['CHROMIUM_PATH'];
  if (chosen !== undefined && chosen !== '') {
    if (await isExecutable(chosen)) return chosen;
    throw new UsageError(`Printing PDF scorecards needs Chromium, and CHROMIUM_PATH (${JSON.stringify(chosen)}) is not an executable file: ${howToGetChromium}.`);
  }
  if (await isExecutable(defaultChromium)) return defaultChromium;
  for (const folder of (env['PATH'] ?? '').split(path.delimiter).filter((part) => part !== '')) {
    for (const name of chromiumNames) {
      const candidate = path.join(folder, name);
      if (await isExecutable(candidate)) return candidate;
    }
  }
  throw new UsageError(`Printing PDF scorecards needs Chromium, and none was found: ${howToGetChromium}.`);
}

/**
 * Each team from a new page; a team zoomed to fit its page has nothing to
 * keep together, and a breakdown kept whole must not push the team's
 * header onto a page of its own.
 */
const printedTeamStyles = [
  // flow-root keeps the first heading's and the footer's margins inside the team, so they are measured.
  '.printed-team { display: flow-root; }',
  '.printed-team + .printed-team { break-before: page; }',
  '.printed-team.fitted tbody.goal, .printed-team.fitted tr { break-inside: auto; }',
].join('\n');

/**
 * One HTML document of every team page, each starting on a new printed page,
 * so that one print gives one PDF with nothing to merge. The pages link
 * the site's stylesheet (`styles`); this document carries it inline, with a
 * Content-Security-Policy that allows its inline styles and still no script.
 */
export function combinedTeamPages(teamPages: readonly OutputFile[], styles: string): string {
  const lang = /<html[^>]*\blang="([^"]*)"/i.exec(teamPages[0]?.content ?? '')?.[1] ?? 'en';
  const bodies = teamPages.map((file) => `<div class="printed-team">\n${/<body[^>]*>([\s\S]*)<\/body>/i.exec(file.content)?.[1] ?? ''}\n</div>`);
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`,
    '<title>goalpost</title>',
    `<style>${styles}\n${printedTeamStyles}</style>`,
    '</head>',
    '<body>',
    ...bodies,
    '</body>',
    '</html>',
  ].join('\n');
}

/**
 * A4 landscape less the stylesheet's 10 mm margins, in CSS pixels (96 per
 * inch): 277 × 190 mm.
 */
const printable = { width: Math.floor((277 / 25.4) * 96), height: Math.floor((190 / 25.4) * 96) };

/**
 * Below this a page would be too small to read; a team that would need
 * less continues on the next page instead.
 */
const smallestZoom = 0.65;

/**
 * Runs in the page: each team that is taller than one printed page is
 * zoomed out until it fits, so that a quarterly review gets one page per
 * team. `zoom` (unlike a transform) changes the layout, so the page breaks
 * follow the zoomed size.
 */
function fitTeamsToPages({ height, smallest }: { height: number; smallest: number }): void {
  interface Team {
    getBoundingClientRect(): { height: number };
    style: { zoom: string };
    classList: { add(name: string): void };
  }
  const teams = (globalThis as unknown as { document: { querySelectorAll(selector: string): Iterable<Team> } }).document.querySelectorAll('.printed-team');
  for (const team of teams) {
    const natural = team.getBoundingClientRect().height;
    if (natural <= height) continue;
    // A little under the exact ratio: line boxes round to whole pixels once zoomed.
    const zoom = Math.max(smallest, Math.floor((height / natural) * 0.98 * 100) / 100);
    team.style.zoom = String(zoom);
    // A team that fits may break anywhere; one that does not keeps its goals whole across pages.
    if (zoom > smallest) team.classList.add('fitted');
  }
}

/** Prints `html` to PDF bytes, A4 landscape, in the Chromium at `executablePath`. */
export async function printPdf(html: string, executablePath: string): Promise<Uint8Array> {
  // Loaded only here: no other command needs a browser.
  const { chromium } = await import('playwright-core');
  const folder = await mkdtemp(path.join(tmpdir(), 'goalpost-pdf-'));
  try {
    const file = path.join(folder, 'scorecards.html');
    await writeFile(file, html);
    const browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      // Laid out at the printed page's own size, so that what is measured is what is printed.
      const page = await browser.newPage({ viewport: { width: printable.width, height: printable.height } });
      await page.goto(pathToFileURL(file).href);
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(fitTeamsToPages, { height: printable.height, smallest: smallestZoom });
      return await page.pdf({ format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
    } finally {
      await browser.close();
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Writes the PDF so that a run that fails or is killed half-way leaves the
 * file either as it was or complete: a new file beside it, renamed over it.
 * The output folder has been checked already (not the goals folder).
 */
export async function writePdfFile(file: string, bytes: Uint8Array): Promise<void> {
  const shown = JSON.stringify(file);
  const existing = await lstat(file).catch(() => undefined);
  if (existing?.isSymbolicLink()) throw new UsageError(`Refusing to write ${shown}: it is a symbolic link.`);
  if (existing?.isDirectory()) throw new UsageError(`${shown} is a folder; move it away to write the PDF scorecards.`);
  const temporary = path.join(path.dirname(file), `.goalpost-staging-${randomBytes(6).toString('hex')}.pdf`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(bytes);
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw isFileSystemError(error) ? new UsageError(`Cannot write ${shown}: ${fileSystemReason(error)}.`) : error;
  }
}
