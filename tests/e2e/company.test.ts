import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { generateCompany } from '../../bench/generate.js';
import { cli } from '../../src/cli/cli.js';
import { executablePath, launchChromium, seriousAxeViolations, watchPage, type PageWatch } from '../helpers/browser.js';
import { repoRoot } from '../helpers/fixtures.js';

/**
 * The HTML scorecard site of a generated company of 50 teams (and of the
 * example), opened from disk in headless Chromium at a laptop, a wide and a
 * phone width: no page scrolls sideways, no owner's name breaks over two
 * lines, every goal has its chart and the chart's text, the index's
 * alignment tree has a working link for every aligned goal, its filter box
 * works, and axe finds nothing serious.
 */
const outputDir = path.join(repoRoot, 'tests/output/e2e-company');
const viewports = [
  { width: 1280, height: 900 },
  { width: 1920, height: 900 },
  { width: 390, height: 900 },
];

/** An element as the tests measure it, typed without the DOM library. */
interface MeasuredElement {
  textContent: string | null;
  hidden: boolean;
  nextElementSibling: MeasuredElement | null;
  matches(selector: string): boolean;
  getAttribute(name: string): string | null;
  getClientRects(): { length: number };
  querySelector(selector: string): MeasuredElement | null;
  querySelectorAll(selector: string): Iterable<MeasuredElement>;
}

/** The page as the tests read it. */
interface MeasuredWindow {
  innerWidth: number;
  document: {
    documentElement: { scrollWidth: number };
    querySelector(selector: string): MeasuredElement | null;
    querySelectorAll(selector: string): Iterable<MeasuredElement>;
    createRange(): { selectNodeContents(node: unknown): void; getClientRects(): Iterable<{ top: number; width: number }> };
  };
}

/** A rendered site and the three kinds of page opened from it. */
interface Site {
  name: string;
  goalsDir: string;
  siteDir: string;
  pages: { kind: 'index' | 'team' | 'person'; file: string }[];
  /** Links (`teams/x.html#goal-id`) of the goals that align to another goal, from the YAML. */
  alignedHrefs: string[];
  /** Links of the tree's roots: goals aligning to nothing, of the teams that others align to. */
  rootHrefs: string[];
}

const io = {
  stdout: () => undefined,
  stderr: (text: string) => process.stderr.write(text),
  isTTY: false,
  env: {},
  cwd: repoRoot,
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const absolute = path.join(dir, name);
    return statSync(absolute).isDirectory() ? filesUnder(absolute) : [absolute];
  });
}

function largestFile(dir: string): string {
  const files = readdirSync(dir).filter((name) => name.endsWith('.html'));
  expect(files.length, dir).toBeGreaterThan(0);
  return files.map((name) => ({ name, size: statSync(path.join(dir, name)).size })).sort((a, b) => b.size - a.size || a.name.localeCompare(b.name))[0]!.name;
}

/** The goals that align and the roots above them, read from the goal sets' YAML. */
function alignmentFromYaml(goalsDir: string): { alignedHrefs: string[]; rootHrefs: string[] } {
  const goalSets: { team: string; period: string; goals: { id: string; alignsTo?: string }[] }[] = [];
  for (const file of filesUnder(goalsDir).filter((f) => /\.ya?ml$/.test(f))) {
    for (const document of parseAllDocuments(readFileSync(file, 'utf8'))) {
      const value = document.toJS() as { kind?: string; team?: string; period?: string | number; goals?: { id: string; alignsTo?: string }[] } | null;
      if (value?.kind === 'GoalSet' && value.team !== undefined && value.period !== undefined) {
        goalSets.push({ team: value.team, period: String(value.period), goals: value.goals ?? [] });
      }
    }
  }
  const href = (team: string, period: string, id: string): string => `teams/${team}-${period}.html#goal-${id}`;
  const aligned = goalSets.flatMap((set) => set.goals.filter((goal) => goal.alignsTo !== undefined).map((goal) => href(set.team, set.period, goal.id)));
  const alignedToTeams = new Set(goalSets.flatMap((set) => set.goals.flatMap((goal) => (goal.alignsTo === undefined ? [] : [goal.alignsTo.split('/')[0]!]))));
  const roots = goalSets
    .filter((set) => alignedToTeams.has(set.team))
    .flatMap((set) => set.goals.filter((goal) => goal.alignsTo === undefined).map((goal) => href(set.team, set.period, goal.id)));
  return { alignedHrefs: aligned.sort(), rootHrefs: roots.sort() };
}

async function renderSite(name: string, goalsDir: string, siteDir: string): Promise<Site> {
  const code = await cli(['render', goalsDir, '--out', siteDir, '--format', 'html', '--no-history'], io);
  expect(code, `render of ${name}`).toBe(0);
  for (const file of ['index.html', 'styles.css', 'filter.js']) expect(existsSync(path.join(siteDir, file)), `${name}: ${file}`).toBe(true);
  return {
    name,
    goalsDir,
    siteDir,
    pages: [
      { kind: 'index', file: 'index.html' },
      { kind: 'team', file: `teams/${largestFile(path.join(siteDir, 'teams'))}` },
      { kind: 'person', file: `people/${largestFile(path.join(siteDir, 'people'))}` },
    ],
    ...alignmentFromYaml(goalsDir),
  };
}

let browser: Browser;
const sites = new Map<string, Site>();
const watch: PageWatch = { messages: [], requests: [] };

beforeAll(async () => {
  if (!existsSync(executablePath)) throw new Error(`Chromium is not installed at ${executablePath} (apt-get install chromium).`);
  rmSync(outputDir, { recursive: true, force: true });
  mkdirSync(outputDir, { recursive: true });
  const work = mkdtempSync(path.join(tmpdir(), 'goalpost-company-'));
  const company = generateCompany(path.join(work, 'goals'), 50);
  sites.set('company', await renderSite('company', company.dir, path.join(work, 'site')));
  sites.set('example', await renderSite('example', path.join(repoRoot, 'goals'), path.join(work, 'example-site')));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** A page that obeys the site's Content-Security-Policy, watched for requests off disk and console messages. */
async function watchedPage(viewport: { width: number; height: number }): Promise<Page> {
  return watchPage(await browser.newPage({ viewport }), watch);
}

/** What a layout check reads from a page. */
interface Layout {
  scrollWidth: number;
  innerWidth: number;
  ownerNames: number;
  brokenOwnerNames: string[];
  goals: number;
  goalsWithoutChart: string[];
  heading: string | null;
  headingLines: number;
}

async function readLayout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const window = globalThis as unknown as MeasuredWindow;
    const document = window.document;
    // Names that are links inline in the text: the owner column of a team page, the owners in the alignment tree, the index's people.
    const names = [...document.querySelectorAll('td.owner a, ul.alignment-tree span.owner a, ul.people a')];
    const goals = [...document.querySelectorAll('tbody.goal')];
    const goalsWithoutChart = goals
      .filter((goal) => {
        const chart = goal.querySelector('svg.chart');
        const text = chart?.nextElementSibling ?? null;
        return chart === null || text === null || !text.matches('p.chart-text') || (text.textContent ?? '').trim() === '';
      })
      .map((goal) => goal.getAttribute('id') ?? '?');
    // A heading is a block, one box however many lines: its lines are the distinct tops of its text's boxes.
    const heading = document.querySelector('h1');
    let headingLines = 0;
    if (heading !== null) {
      const range = document.createRange();
      range.selectNodeContents(heading);
      headingLines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top))).size;
    }
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      ownerNames: names.length,
      brokenOwnerNames: names.filter((name) => name.getClientRects().length !== 1).map((name) => name.textContent ?? ''),
      goals: goals.length,
      goalsWithoutChart,
      heading: heading?.textContent ?? null,
      headingLines,
    };
  });
}

/** The alignment tree's nodes: the href of each node's own goal link, and how deep it sits. */
async function readTree(page: Page): Promise<{ trees: number; nodes: { href: string | null; nested: boolean }[] }> {
  return page.evaluate(() => {
    const document = (globalThis as unknown as MeasuredWindow).document;
    const nodes = [...document.querySelectorAll('ul.alignment-tree li')].map((li) => ({
      href: li.querySelector(':scope > a')?.getAttribute('href') ?? null,
      nested: li.matches('ul.alignment-tree li li'),
    }));
    return { trees: [...document.querySelectorAll('ul.alignment-tree')].length, nodes };
  });
}

for (const siteName of ['company', 'example'] as const) {
  describe(`the HTML scorecards of the ${siteName === 'company' ? 'generated company of 50 teams' : 'example'}`, () => {
    it('has an alignment tree with a node, and a link that leads somewhere, for every goal that aligns', async () => {
      const site = sites.get(siteName)!;
      const page = await watchedPage({ width: 1280, height: 900 });
      try {
        await page.goto(`file://${site.siteDir}/index.html`);
        const tree = await readTree(page);
        if (site.alignedHrefs.length === 0) {
          // The generator writes no `alignsTo`: nothing to draw, so no tree (nor an empty one).
          expect(siteName).toBe('company');
          expect(tree).toEqual({ trees: 0, nodes: [] });
          expect(await page.locator('#alignment').count()).toBe(0);
          return;
        }
        expect(tree.trees).toBe(1);
        expect(tree.nodes.filter((node) => node.nested).map((node) => node.href).sort()).toEqual(site.alignedHrefs);
        expect(tree.nodes.filter((node) => !node.nested).map((node) => node.href).sort()).toEqual(site.rootHrefs);
        for (const { href } of tree.nodes) {
          const [file, fragment] = href!.split('#') as [string, string | undefined];
          const target = path.join(site.siteDir, file);
          expect(existsSync(target), href!).toBe(true);
          expect(fragment, href!).toBeDefined();
          expect(readFileSync(target, 'utf8'), href!).toContain(` id="${fragment}"`);
        }
        // And one followed in the browser: the page opens at its goal.
        const first = tree.nodes.find((node) => node.nested)!.href!;
        await page.locator(`ul.alignment-tree a[href="${first}"]`).first().click();
        await page.waitForURL((url) => url.href.endsWith(first));
        await expect(page.locator(`[id="${first.split('#')[1]}"]`).count()).resolves.toBe(1);
      } finally {
        await page.close();
      }
    });

    for (const viewport of viewports) {
      it(`fits ${viewport.width} px without scrolling sideways, with names on one line and a chart for every goal`, async () => {
        const site = sites.get(siteName)!;
        const page = await watchedPage(viewport);
        try {
          for (const { kind, file } of site.pages) {
            const where = `${siteName} ${file} at ${viewport.width} px`;
            await page.goto(`file://${site.siteDir}/${file}`);
            const layout = await readLayout(page);
            expect(layout.scrollWidth, `${where}: scrollWidth`).toBeLessThanOrEqual(layout.innerWidth);
            expect(layout.brokenOwnerNames, `${where}: names over two lines`).toEqual([]);
            if (kind === 'team') {
              expect(layout.ownerNames, where).toBeGreaterThan(0);
              expect(layout.goals, where).toBeGreaterThan(0);
              expect(layout.goalsWithoutChart, `${where}: goals without svg.chart + p.chart-text`).toEqual([]);
            }
            if (kind === 'index') expect(layout.ownerNames, `${where}: the people listed`).toBeGreaterThan(0);
            if (kind === 'person') {
              expect(layout.heading, where).not.toBeNull();
              expect(layout.headingLines, `${where}: the person's name "${layout.heading}"`).toBe(1);
            }
            const prefix = siteName === 'company' ? '' : 'example-';
            await page.screenshot({ path: path.join(outputDir, `${prefix}${kind}-${viewport.width}.png`), fullPage: true });
          }
        } finally {
          await page.close();
        }
      });
    }

    it('filters the index by a team name typed in its filter box', async () => {
      const site = sites.get(siteName)!;
      const page = await watchedPage({ width: 1280, height: 900 });
      try {
        await page.goto(`file://${site.siteDir}/index.html`);
        const box = page.locator('p.filter #filter');
        await expect(box.isVisible()).resolves.toBe(true);
        const rows = page.locator('table.index tbody tr');
        const texts = (await rows.allTextContents()).map((text) => text.normalize('NFKC').toLowerCase());
        expect(texts.length, 'teams in the index').toBe(siteName === 'company' ? 50 : 6);
        // The first name after the first that no other team's name contains (团队6: 团队2 is in 团队20…, 团队3 in 团队30…).
        const names = await page.locator('table.index tbody tr th.title a').allTextContents();
        const query = names.find((name, index) => index > 0 && names.filter((other) => other.includes(name)).length === names.filter((other) => other === name).length)!;
        expect(query, 'a team name contained in no other').toBeDefined();
        const expected = texts.flatMap((text, index) => (text.includes(query.normalize('NFKC').toLowerCase()) ? [index] : []));
        expect(expected.length).toBeGreaterThan(0);
        const visibleRows = (): Promise<number[]> =>
          rows.evaluateAll((elements) => elements.flatMap((row, index) => ((row as unknown as MeasuredElement).getClientRects().length > 0 ? [index] : [])));

        await box.fill(query);
        await expect.poll(visibleRows, { timeout: 5_000 }).toEqual(expected);
        for (const index of expected) await expect(rows.nth(index).locator('th.title a').textContent()).resolves.toBe(query);
        await page.screenshot({ path: path.join(outputDir, `${siteName === 'company' ? '' : 'example-'}index-filtered-1280.png`), fullPage: true });

        // A part of the index with nothing that matches is hidden with its heading (the people, whose names hold no team's).
        const people = page.locator('main > section', { has: page.locator('ul.people') });
        expect((await page.locator('ul.people > li').allTextContents()).some((text) => text.includes(query))).toBe(false);
        await expect(people.isVisible()).resolves.toBe(false);
        await expect(page.locator('#filter-none').isVisible()).resolves.toBe(false);

        // Nothing matches anywhere: every part is hidden, and the page says so.
        await box.fill('zz-no-such-team-zz');
        await expect.poll(() => page.locator('#filter-none').isVisible(), { timeout: 5_000 }).toBe(true);
        await expect(page.locator('main > section:visible').count()).resolves.toBe(0);

        await box.fill('');
        await expect.poll(visibleRows, { timeout: 5_000 }).toEqual(texts.map((_, index) => index));
        await expect(people.isVisible()).resolves.toBe(true);
        await expect(page.locator('#filter-none').isVisible()).resolves.toBe(false);
      } finally {
        await page.close();
      }
    });

    it('has no serious or critical axe violation on any kind of page, at any width', async () => {
      const site = sites.get(siteName)!;
      // The pages' Content-Security-Policy forbids every script but filter.js, axe included: bypassed here only.
      const context = await browser.newContext({ bypassCSP: true });
      try {
        const page = await context.newPage();
        const found: string[] = [];
        for (const viewport of viewports) {
          await page.setViewportSize(viewport);
          for (const { file } of site.pages) {
            await page.goto(`file://${site.siteDir}/${file}`);
            found.push(...(await seriousAxeViolations(page, `${siteName} ${file} at ${viewport.width} px`)));
          }
        }
        expect(found, found.join('\n')).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
}

describe('the pages opened without bypassing their Content-Security-Policy', () => {
  it('made no network request, logged nothing and broke no content-security rule', () => {
    expect(watch.requests).toEqual([]);
    expect(watch.messages).toEqual([]);
  });
});
