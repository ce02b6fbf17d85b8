import { describe, expect, it } from 'vitest';
import type { GoalsDiff } from '../../src/diff/diff.js';
import { formatDiff } from '../../src/diff/format-diff.js';
import { escapeMarkdown, markdownCode } from '../../src/render/escape.js';
import { baseWith } from '../helpers/fixtures.js';
import { asRead, readLikeGithub } from '../helpers/github-markdown.js';
import { renderFiles } from './render-helpers.js';

const hostileGoalSet = `apiVersion: goalpost/v1
kind: GoalSet
team: marketing
period: 2026-Q4
goals:
  - id: q4-revenue
    title: <script>alert(1)</script>
    kpi: revenue
    target: 12000000
    weight: 60
    owner: li.wei
    notes: "[click](javascript:alert(1)) @octocat #12"
    breakdown:
      - by: region
        items: {'"><img src=x onerror=alert(1)>': 5000000, "- [ ] @acme/owners": 7000000}
  - id: q4-csat
    title: '"><img src=x onerror=alert(1)> | **bold** [link](javascript:alert(1))'
    kpi: csat
    target: 4.5
    weight: 40
    owner: wang.fang
`;
const hostileTeam = `apiVersion: goalpost/v1
kind: Team
id: marketing
name: "- <b>Team</b> ## @acme/marketing"
lead: li.wei
members:
  li.wei: {name: "<iframe src=javascript:alert(1)>", role: "- 1. # lead"}
  zhang.min: {name: 张敏}
  wang.fang: {name: "](https://evil.example) @wang"}
`;

describe('user text in scorecards', () => {
  it('renders as text in HTML: no element, attribute or javascript: link comes from a goal file', async () => {
    const files = await renderFiles(baseWith({ '2026-Q4/marketing.yaml': hostileGoalSet, 'teams/marketing.yaml': hostileTeam }), { formats: ['html'] });
    const team = files.get('teams/marketing-2026-Q4.html')!;
    expect(team).toContain('<span class="goal-title">&lt;script&gt;alert(1)&lt;/script&gt;</span>');
    expect(team).toContain('&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(team).toContain('<div class="meta notes">[click](javascript:alert(1)) @octocat #12</div>');
    // A breakdown key in an attribute stays inside its quotes.
    expect(team).toContain('<tr class="item depth-1" id="goal-q4-revenue-region-&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;">');
    for (const [file, html] of files) {
      if (!file.endsWith('.html')) continue;
      // The one script of the site is goalpost's own filter box, a file beside the index; no page has an inline one.
      const withoutOwnScript = file === 'index.html' ? html.replace('<script src="filter.js" defer></script>', '') : html;
      expect(withoutOwnScript).not.toMatch(/<script|<img|<iframe|<b>|<style|href="javascript:|href="https?:|\son\w+=/i);
      // Styles and scripts only from the site's own files: none inline, none from elsewhere.
      expect(html).toContain(`content="default-src 'none'; style-src 'self' file:; script-src 'self' file:; img-src data:; base-uri 'none'; form-action 'none'"`);
    }
  });

  it('reads on GitHub as the text it is: no tag, link, heading, list, mention or split table cell comes from a goal file', async () => {
    const files = await renderFiles(baseWith({ '2026-Q4/marketing.yaml': hostileGoalSet, 'teams/marketing.yaml': hostileTeam }), { formats: ['md'], locale: 'en' });
    for (const [file, markdown] of files) {
      const page = readLikeGithub(markdown);
      expect(page.html, file).toEqual([]);
      expect(page.images, file).toEqual([]);
      expect(page.mentions, file).toEqual([]);
      expect(page.references, file).toEqual([]);
      // Site links only: to the index, a team page or a person's page.
      for (const link of page.links) expect(link.href, file).toMatch(/^(\.\.\/)?(index\.md|teams\/[\w.-]+\.md(#[\w-]+)?|people\/[\w.-]+\.md)$/);
      // Every row of a table has as many cells as its header.
      for (const table of page.tables) for (const row of table) expect(row, file).toHaveLength(table[0]!.length);
    }
    const team = readLikeGithub(files.get('teams/marketing-2026-Q4.md')!);
    expect(team.headings.map(asRead)).toEqual(['- <b>Team</b> ## @acme/marketing · Q4 2026']);
    const rows = team.tables[0]!.slice(1).map((row) => row.map(asRead));
    expect(rows.map((row) => row[1]!.split('\n').filter((line) => !line.startsWith('KPI: ')))).toEqual([
      ['<script>alert(1)</script>', '[click](javascript:alert(1)) @octocat #12'],
      ['"><img src=x onerror=alert(1)> | **bold** [link](javascript:alert(1))'],
    ]);
    expect(rows.map((row) => row[2])).toEqual(['<iframe src=javascript:alert(1)>', '](https://evil.example) @wang']);
    // The breakdown, collapsed under the goal's title (HTML, where GitHub reads no Markdown).
    expect(files.get('teams/marketing-2026-Q4.md')).toContain('<details><summary>⚠️ &#60;script&#62;alert(1)&#60;/script&#62;</summary>\n');
    const items = team.tables[1]!.slice(1).map((row) => row.map(asRead));
    expect(items.map((row) => row[1])).toEqual(['↳ by region: "><img src=x onerror=alert(1)>', '↳ by region: - [ ] @acme/owners']);
    // The only emphasis is the template's: the team score, and the title of each goal.
    expect(team.emphasis.map(asRead)).toEqual(['Team score: 92.2%', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)> | **bold** [link](javascript:alert(1))']);
    // A person's roles start a line: a role that looks like a list or a heading is still text.
    const person = readLikeGithub(files.get('people/li.wei.md')!);
    expect(person.headings.map(asRead)).toEqual(['<iframe src=javascript:alert(1)>', '- <b>Team</b> ## @acme/marketing · Q4 2026', 'What the score is made of']);
    expect(asRead(person.paragraphs[0]!)).toMatch(/^- <b>Team<\/b> ## @acme\/marketing · - 1\. # lead · As of /);
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['a|b\nc_d', 'a\\|b c\\_d'],
    ['@octocat and @acme/owners', '@\u200doctocat and @\u200dacme/owners'],
    ['#12, acme/goals#5, gh-5 and GH-5', '#\u200d12, acme/goals#\u200d5, gh-\u200d5 and GH-\u200d5'],
    ['https://evil.example and www.evil.example', 'https\u200d://evil.example and www\u200d.evil.example'],
    ['<b>&amp;</b> &#60; &x', '\\<b>\\&amp;\\</b> &#\u200d60; &x'],
    ['[x](y) ![i](j)', '\\[x\\](y) !\\[i\\](j)'],
    ['`code` *em* ~~s~~ \\', '\\`code\\` \\*em\\* \\~\\~s\\~\\~ \\\\'],
    ['> quote', '\\> quote'],
    ['$\\huge{X}$ costs $300', '\\$\\\\huge{X}\\$ costs $300'],
    ['- item', '\\- item'],
    ['--- rule', '\\--- rule'],
    ['+ item', '\\+ item'],
    ['1. first', '1\\. first'],
    ['  12) twelfth', '  12\\) twelfth'],
    ['## heading', '#\u200d#\u200d heading'],
    ['tab\tand escape\u001b[2J', 'tab\\\\tand escape\\\\u001b\\[2J'],
  ])('%j → %j', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });

  it('leaves numbers, amounts and plain words as they are', () => {
    for (const text of ['AT&T', 'a > b', 'it\'s "new" = 1', '4.5', '-5', '-CN¥5,000', '$300,000', 'US$20万', '63.8% of target', '第四季度销售额达到 1200 万元', 'li.wei']) expect(escapeMarkdown(text)).toBe(text);
  });
});

describe('markdownCode', () => {
  it.each([
    ['marketing/2026-Q4/q4-roi', '`marketing/2026-Q4/q4-roi`'],
    ['a`b', '``a`b``'],
    ['`a``', '``` `a`` ```'],
    [' padded ', '`  padded  `'],
    ['line\nbreak', '`line break`'],
    ['a|b @x', '<code>a\\|b @\u200dx</code>'],
    ['', '<code></code>'],
  ])('%j → %j', (text, code) => {
    expect(markdownCode(text)).toBe(code);
  });

  it('shows the text as it is, in one code span or <code> element, in a table or outside one', () => {
    for (const text of ['a`b', '`a``', ' padded ', 'a|b', 'x``` y']) {
      const code = markdownCode(text);
      const table = readLikeGithub(`| a |\n|---|\n| ${code} |\n`);
      expect(table.tables[0]![1]).toEqual([text]);
      expect(readLikeGithub(`- ${code}\n`).paragraphs).toEqual([text]);
    }
  });
});

describe('units written by the user', () => {
  it('are escaped wherever a scorecard shows a number with its unit', async () => {
    const kpis = (unit: string) =>
      `apiVersion: goalpost/v1\nkind: KpiCatalog\nkpis:\n  revenue: {name: 销售额, unit: '${unit}', direction: increase, aggregate: sum}\n  csat: {name: 满意度, unit: score, direction: increase, aggregate: mean}\n`;
    const files = await renderFiles(baseWith({ 'kpis.yaml': kpis('<img src=x>|*') }), { formats: ['md', 'html'] });
    const md = files.get('teams/marketing-2026-Q4.md')!;
    const html = files.get('teams/marketing-2026-Q4.html')!;
    expect(md).not.toMatch(/(?<!\\)<img/);
    expect(md).toContain('\\<img src=x>\\|\\*');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src&#x3D;x&gt;|*');
  });

  it('are escaped in the Markdown of a diff, as posted on a pull request', () => {
    const diff: GoalsDiff = {
      asOf: null,
      kpis: [],
      people: {},
      fiscalYearStart: 1,
      problems: [],
      checkIns: [],
      goalSets: [
        {
          team: 'marketing',
          name: null,
          period: '2026-Q4',
          change: 'changed',
          weightTotal: null,
          score: null,
          closed: null,
          reopened: null,
          review: null,
          goals: [
            {
              id: 'q4-revenue',
              title: '销售额',
              change: 'changed',
              renamedFrom: null,
              unit: '<img src=x>',
              summary: { kpi: 'revenue', unit: '<img src=x>', target: 20, weight: 100, owner: 'li.wei' },
              fields: [{ field: 'target', before: 10, after: 20, delta: 10, percent: 1 }],
              breakdown: [],
              effect: null,
              rollup: null,
              final: null,
            },
          ],
        },
      ],
    };
    const md = formatDiff(diff, 'md');
    expect(md).not.toMatch(/(?<!\\)<img/);
    expect(md).toContain('Target raised from 10 \\<img src=x> to 20 \\<img src=x> (+10 \\<img src=x>, +100%)');
  });
});
