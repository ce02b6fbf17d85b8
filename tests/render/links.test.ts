import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { githubAnchors, readLikeGithub } from '../helpers/github-markdown.js';
import { exampleFiles, renderFiles } from './render-helpers.js';

/** A link of a page, split into the file it names (relative to the site) and its anchor. */
function target(from: string, href: string): { file: string; anchor: string | null } | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return null; // not a link within the site
  const [file = '', anchor] = href.split('#');
  return { file: file === '' ? from : path.posix.join(path.posix.dirname(from), file), anchor: anchor === undefined ? null : decodeURIComponent(anchor) };
}

/** Every link of the site that leads to no file, or to no anchor in it, as `page → href`. */
function brokenLinks(site: ReadonlyMap<string, string>, linksOf: (page: string) => string[], anchorsOf: (page: string) => Set<string>): string[] {
  const anchors = new Map<string, Set<string>>();
  const broken: string[] = [];
  for (const page of site.keys()) {
    for (const href of linksOf(site.get(page)!)) {
      const to = target(page, href);
      if (to === null) continue;
      if (!site.has(to.file)) broken.push(`${page} → ${href} (no such file)`);
      else if (to.anchor !== null) {
        if (!anchors.has(to.file)) anchors.set(to.file, anchorsOf(site.get(to.file)!));
        if (!anchors.get(to.file)!.has(to.anchor)) broken.push(`${page} → ${href} (no such anchor)`);
      }
    }
  }
  return broken;
}

const only = (files: Map<string, string>, extension: string): Map<string, string> => new Map([...files].filter(([file]) => file.endsWith(extension)));

describe('links of the scorecards of the example', () => {
  it.each(['en', 'zh-CN'] as const)('in Markdown, lead to a page that exists and an anchor GitHub makes for one of its headings, in %s', async (locale) => {
    const site = only(await renderFiles(await exampleFiles(), { locale, formats: ['md'], asOf: '2026-11' }), '.md');
    expect(site.size).toBeGreaterThan(0);
    const broken = brokenLinks(
      site,
      (markdown) => readLikeGithub(markdown).links.map((link) => link.href),
      (markdown) => new Set(githubAnchors(readLikeGithub(markdown).headings)),
    );
    expect(broken).toEqual([]);
  });

  it.each(['en', 'zh-CN'] as const)('in HTML, lead to a page that exists and an id in it, and to the site’s stylesheet and script, in %s', async (locale) => {
    const site = await renderFiles(await exampleFiles(), { locale, formats: ['html'], asOf: '2026-11' });
    expect(only(site, '.html').size).toBeGreaterThan(0);
    expect([...site.keys()].filter((file) => !file.endsWith('.html'))).toEqual(['styles.css', 'filter.js']);
    const unescape = (value: string): string =>
      value.replace(/&(#x[\da-f]+|#\d+|amp|lt|gt|quot);/gi, (_, name: string) =>
        name.startsWith('#') ? String.fromCodePoint(parseInt(name.slice(name[1] === 'x' ? 2 : 1), name[1] === 'x' ? 16 : 10)) : { amp: '&', lt: '<', gt: '>', quot: '"' }[name.toLowerCase()]!,
      );
    const broken = brokenLinks(
      site,
      (html) => [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) => unescape(match[1]!)),
      (html) => new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((match) => unescape(match[1]!))),
    );
    expect(broken).toEqual([]);
  });
});

describe('githubAnchors', () => {
  it('makes the anchors GitHub makes', () => {
    expect(githubAnchors(['Goals owned', 'What’s new? (v1.0)', 'Goals owned', 'Goals owned', 'Goals owned-1', '市场营销部 · 2026年第四季度', 'a_b - c'])).toEqual([
      'goals-owned',
      'whats-new-v10',
      'goals-owned-1',
      'goals-owned-2',
      'goals-owned-1-1',
      '市场营销部--2026年第四季度',
      'a_b---c',
    ]);
  });
});
