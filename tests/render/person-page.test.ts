import { beforeAll, describe, expect, it } from 'vitest';
import { baseWith } from '../helpers/fixtures.js';
import { asRead, readLikeGithub } from '../helpers/github-markdown.js';
import { exampleFiles, renderFiles } from './render-helpers.js';

interface Section {
  heading: string;
  /** The goal of each line, as text. */
  titles: string[];
  hrefs: string[];
  /** The status and attainment of each line, as text. */
  figures: string[];
}

const text = (html: string): string => html.replace(/<[^>]*>/g, '').trim();

/** The goal-set sections of a rendered person page, read from its HTML. */
function sectionsOf(html: string): Section[] {
  return [...html.matchAll(/<section class="goal-set">([\s\S]*?)<\/section>/g)].map(([, body]) => {
    const list = /<ul class="owned">([\s\S]*?)<\/ul>/.exec(body!)?.[1] ?? '';
    const rows = [...list.matchAll(/<li><span class="status [\w-]+">([^<]*)<\/span> <a href="([^"]*)">([\s\S]*?)<\/a> <span class="figure">([^<]*)<\/span><\/li>/g)];
    return {
      heading: text(/<h2>([\s\S]*?)<\/h2>/.exec(body!)![1]!),
      titles: rows.map((row) => text(row[3]!)),
      hrefs: rows.map((row) => row[2]!),
      figures: rows.map((row) => `${row[1]} ${row[4]}`),
    };
  });
}

describe('person pages: what a person owns, per goal set, linked rather than copied', () => {
  let files: Map<string, string>;
  beforeAll(async () => {
    files = await renderFiles(await exampleFiles(), { asOf: '2026-11' });
  });

  const expected = {
    // The sales director: the team's revenue in the third quarter, three goals of the fourth.
    'li.wei': {
      score: '94.5%',
      weights: [
        ['正常 进度达成率：100.9% · 权重：60'],
        ['正常 进度达成率：102% · 权重：40', '有风险 进度达成率：难以达成 · 权重：10', '正常 进度达成率：122.5% · 权重：10'],
      ],
      sections: [
        { heading: '市场营销部 · 2026年第三季度', goals: 1, items: 0 },
        { heading: '市场营销部 · 2026年第四季度', goals: 3, items: 0 },
      ],
    },
    // The South China manager: her owner items of revenue and new customers, and the retention goal of the fourth quarter.
    'wang.fang': {
      score: '96%',
      // Her shares: 630万 of 1080万 × 60 = 35 and 150 of 260 × 40 = 23.08 in Q3; 700万 of 1200万 × 40 = 23.33 and 180 of 300 × 20 = 12 in Q4.
      weights: [
        ['正常 进度达成率：100.8% · 权重：35', '落后 进度达成率：82% · 权重：23.08'],
        ['正常 进度达成率：有望达成 · 权重：10', '有风险 进度达成率：98.3% · 权重：23.33', '正常 进度达成率：100.8% · 权重：12'],
      ],
      sections: [
        { heading: '市场营销部 · 2026年第三季度', goals: 0, items: 2 },
        { heading: '市场营销部 · 2026年第四季度', goals: 1, items: 2 },
      ],
    },
  };

  for (const [person, { score, sections, weights }] of Object.entries(expected)) {
    it(`${person}: one section per goal set in period order, goals then items, without naming the owner`, () => {
      const page = sectionsOf(files.get(`people/${person}.html`)!);
      expect(page.map((s) => s.heading)).toEqual(sections.map((s) => s.heading));
      for (const [i, section] of page.entries()) {
        const { goals, items } = sections[i]!;
        expect(section.titles, section.heading).toHaveLength(goals + items);
        // A goal is its title alone; the person's part of a goal split by owner reads "goal title · 个人份额".
        expect(section.titles.filter((title) => title.includes(' · ')), section.heading).toHaveLength(items);
        expect(section.titles.slice(goals).every((title) => title.endsWith(' · 个人份额'))).toBe(true);
        for (const figure of section.figures) expect(figure).toMatch(/^(正常|有风险|落后|无数据) 进度达成率：/);
      }
    });

    it(`${person}: every link lands on the row of the goal or item on the team page`, () => {
      const html = files.get(`people/${person}.html`)!;
      const links = [...html.matchAll(/href="\.\.\/(teams\/[^"#]+)#([^"]+)"/g)];
      expect(links.length).toBeGreaterThan(0);
      for (const [, page, anchor] of links) {
        const team = files.get(page!);
        expect(team, page).toBeDefined();
        expect(anchor).toMatch(/^goal-[^-]|^goal-[\w-]+-owner-/);
        expect(team, `${page}#${anchor}`).toContain(`id="${anchor}"`);
      }
      // In Markdown, which has no goal anchors, the same links go to the team page.
      const markdown = files.get(`people/${person}.md`)!;
      const mdLinks = [...markdown.matchAll(/\]\((\.\.\/[^)]*)\)/g)].map((m) => m[1]!);
      expect(mdLinks.filter((href) => href.includes('#'))).toEqual([]);
      for (const href of mdLinks) expect(files.has(href.slice(3)), href).toBe(true);
    });

    it(`${person}: the score line stays, each line with its weight in it, the payout only with incentives`, () => {
      const html = files.get(`people/${person}.html`)!;
      expect(html).toContain(`<p class="summary"><span class="score-label">个人得分</span> <strong class="score">${score}</strong></p>`);
      // Each line says its weight in that score: a goal its own, an item its goal's × its share of the target.
      expect(sectionsOf(html).map((section) => section.figures)).toEqual(weights);
      expect(files.get(`people/${person}.md`)!).toContain(`**个人得分：${score}**\n`);
      // Nothing of the team page is copied: no charts, no breakdown tables, no owner column.
      expect(html).not.toMatch(/<svg|class="owner"|<tbody class="goal"/);
    });
  }

  it('the check-ins a person gave show in the goal set they belong to', () => {
    const html = files.get('people/wang.fang.html')!;
    const q4 = html.slice(html.indexOf('<h2>市场营销部 · 2026年第四季度</h2>'));
    expect(q4).toContain('<h3>最新进度汇报</h3>');
    expect(q4).toMatch(/<li><a href="\.\.\/teams\/marketing-2026-Q4\.html#goal-q4-retention">客户留存率不低于 85%<\/a>：2026-11-16 进度汇报（王芳）/);
  });

  it('stays small: the busiest person page is a fraction of the team pages it links to', () => {
    const size = (file: string): number => Buffer.byteLength(files.get(file)!);
    expect(size('people/li.wei.html')).toBeLessThan(size('teams/marketing-2026-Q4.html') / 3);
    expect(Buffer.byteLength(files.get('people/li.wei.md')!)).toBeLessThan(4000);
  });
});

describe('person pages: user text', () => {
  const goalSet = `apiVersion: goalpost/v1
kind: GoalSet
team: marketing
period: 2026-Q4
goals:
  - id: q4-revenue
    title: <script>alert(1)</script> | **bold**
    kpi: revenue
    target: 12000000
    weight: 100
    owner: li.wei
    breakdown:
      - by: owner
        items: {wang.fang: 5000000, li.wei: 7000000}
`;
  const team = `apiVersion: goalpost/v1
kind: Team
id: marketing
name: "<b>Team</b> ## @acme/marketing"
lead: li.wei
members:
  li.wei: {name: "<iframe src=javascript:alert(1)>"}
  zhang.min: {name: 张敏}
  wang.fang: {name: "](https://evil.example) @wang"}
`;

  it('is escaped in HTML and reads as text on GitHub', async () => {
    const files = await renderFiles(baseWith({ '2026-Q4/marketing.yaml': goalSet, 'teams/marketing.yaml': team }), { locale: 'en' });
    const html = files.get('people/wang.fang.html')!;
    expect(html).not.toMatch(/<script|<iframe|<b>|href="(?!\.\.\/)/);
    expect(html).toContain('<h2>&lt;b&gt;Team&lt;/b&gt; ## @acme/marketing · Q4 2026</h2>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; | **bold** · own share</a>');
    expect(html).toContain('<h1>](https://evil.example) @wang</h1>');
    const markdown = readLikeGithub(files.get('people/wang.fang.md')!);
    expect(markdown.headings.map(asRead)).toEqual(['](https://evil.example) @wang', '<b>Team</b> ## @acme/marketing · Q4 2026', 'What the score is made of']);
    for (const link of markdown.links) expect(link.href).toMatch(/^(\.\.\/)?(index\.md|teams\/[\w.-]+\.md|people\/[\w.-]+\.md)$/);
  });
});
