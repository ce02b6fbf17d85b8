import { beforeAll, describe, expect, it } from 'vitest';
import type { RepositoryFile } from '../../src/load/load-file.js';
import { labelsByLocale } from '../../src/render/labels.js';
import { scoreRepository, type ScoreReport } from '../../src/score/score.js';
import { validateRepository } from '../../src/validate.js';
import { readLikeGithub } from '../helpers/github-markdown.js';
import { exampleFiles, renderFiles } from './render-helpers.js';

const labels = labelsByLocale.en;

/** One node of the index's alignment tree as the HTML shows it: a line of its own, then its children's list. */
interface TreeNode {
  depth: number;
  status: string;
  statusWord: string;
  href: string;
  title: string;
  attainment: string;
}

/** The tree's <li> lines, with their depth from the nesting of <ul>. */
function treeNodes(html: string): TreeNode[] {
  const start = html.indexOf('<ul class="alignment-tree">');
  expect(start).toBeGreaterThan(-1);
  const nodes: TreeNode[] = [];
  let depth = 0;
  for (const line of html.slice(start).split('\n')) {
    if (line.startsWith('<ul')) depth += 1;
    if (line === '</ul>') {
      depth -= 1;
      if (depth === 0) break;
    }
    const node = /^<li><span class="status ([\w-]+)">([^<]+)<\/span> <a href="([^"]+)">([^<]*)<\/a> .*<span class="figure">[^<]*?: ([^<]+)<\/span>/.exec(line);
    if (node) nodes.push({ depth, status: node[1]!, statusWord: node[2]!, href: node[3]!, title: node[4]!, attainment: node[5]! });
  }
  return nodes;
}

/** The example with one file edited (`path` relative to its goals folder). */
function withFile(files: readonly RepositoryFile[], path: string, edit: (text: string) => string): RepositoryFile[] {
  const edited = files.map((file) => (file.path.endsWith(`/${path}`) ? { path: file.path, bytes: Buffer.from(edit(Buffer.from(file.bytes).toString('utf8'))) } : file));
  expect(edited).not.toEqual(files);
  return edited;
}

function report(files: readonly RepositoryFile[]): ScoreReport {
  return scoreRepository(validateRepository(files).model, { asOf: '2026-11', provisional: false });
}

describe('the index of the example', () => {
  let site: Map<string, string>;
  let scores: ScoreReport;
  beforeAll(async () => {
    const files = await exampleFiles();
    site = await renderFiles(files, { locale: 'en', asOf: '2026-11' });
    scores = report(files);
  });

  it('draws the alignment tree: a node per goal that aligns, under the company goal it serves', () => {
    const nodes = treeNodes(site.get('index.html')!);
    const expected = scores.teams.flatMap((team) =>
      team.goals
        .filter((goal) => goal.alignsTo !== null || team.team === 'company')
        .map((goal) => ({ href: `teams/${team.team}-${team.period}.html#goal-${goal.id}`, depth: goal.alignsTo === null ? 1 : 2, goal })),
    );
    expect(nodes.map((n) => n.href).sort()).toEqual(expected.map((e) => e.href).sort());
    for (const { href, depth, goal } of expected) {
      const node = nodes.find((n) => n.href === href)!;
      expect(node.depth, href).toBe(depth);
      expect(node.title).toBe(goal.title);
      expect(node.status).toBe(goal.status);
      expect(node.statusWord).toBe(labels.statuses[goal.status]);
    }
    // A child sits under its parent: the Q4 sales revenue goal after the company's revenue goal, before the next root.
    const hrefs = nodes.map((n) => n.href);
    const revenue = hrefs.indexOf('teams/company-FY2026.html#goal-revenue');
    const salesRevenue = hrefs.indexOf('teams/sales-2026-Q4.html#goal-q4-revenue');
    expect(salesRevenue).toBeGreaterThan(revenue);
    expect(nodes.slice(revenue + 1, salesRevenue + 1).every((n) => n.depth === 2)).toBe(true);
  });

  it('links each node to a goal row that exists on its team page, with the same status and attainment', () => {
    const nodes = treeNodes(site.get('index.html')!);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      const [page, anchor] = node.href.split('#') as [string, string];
      const target = site.get(page);
      expect(target, page).toBeDefined();
      const row = new RegExp(`<tbody class="goal" id="${anchor}">([\\s\\S]*?)</tbody>`).exec(target!);
      expect(row, node.href).not.toBeNull();
      expect(row![1]).toContain(`<td class="status ${node.status}">${node.statusWord}</td>`);
      expect(row![1]).toMatch(new RegExp(`<td class="attainment"[^>]*>.*<span>${node.attainment.replace(/[.%]/g, '\\$&')}</span></td>`));
    }
    // Words, not only colour: a threshold goal that is on course, a ratio with its figure.
    expect(nodes.find((n) => n.href.endsWith('marketing-2026-Q4.html#goal-q4-retention'))).toMatchObject({ statusWord: 'On track', attainment: 'on course' });
    expect(nodes.find((n) => n.href.endsWith('marketing-2026-Q4.html#goal-q4-revenue'))).toMatchObject({ statusWord: 'On track', attainment: '102%' });
  });

  it('counts each team’s goals by status as its own page does, with its score, linked to the page', () => {
    const html = site.get('index.html')!;
    const rows = [...html.matchAll(/<tr><th scope="row" class="title"[^>]*><a href="([^"]+)">[^<]*<\/a><\/th>(.*)<\/tr>/g)];
    expect(rows).toHaveLength(scores.teams.length);
    for (const [, href, cells] of rows) {
      const counts = Object.fromEntries([...cells!.matchAll(/<td class="num count ([\w-]+)"[^>]*>(\d+)<\/td>/g)].map((m) => [m[1]!, Number(m[2])]));
      expect(Object.keys(counts)).toEqual(['on-track', 'at-risk', 'off-track', 'no-data']);
      const team = site.get(href!)!;
      const onPage = Object.fromEntries(
        [...team.matchAll(/<li class="status ([\w-]+)">[^<]+: (\d+)<\/li>/g)].map((m) => [m[1]!, Number(m[2])]),
      );
      for (const [status, count] of Object.entries(counts)) expect(count, `${href} ${status}`).toBe(onPage[status] ?? 0);
      const score = /<strong class="score">([^<]+)<\/strong>/.exec(team)![1];
      expect(cells).toContain(`<span>${score}</span>`);
    }
  });

  it('shows each team’s score period by period, in figures as well as bars', () => {
    const html = site.get('index.html')!;
    const section = html.slice(html.indexOf('<ul class="period-scores">'), html.indexOf('<h2>People</h2>'));
    const marketing = section.split('\n').find((line) => line.includes('市场营销部'))!;
    expect(marketing.match(/<svg class="bar/g)).toHaveLength(2);
    expect(marketing).toMatch(/<a href="teams\/marketing-2026-Q3.html">Q3 2026<\/a> <svg[^]*?<\/svg> <span class="figure">100.6%<\/span>/);
    expect(marketing).toMatch(/<a href="teams\/marketing-2026-Q4.html">Q4 2026<\/a> <svg[^]*?<\/svg> <span class="figure">93.6%<\/span>/);
    expect(site.get('index.md')).toContain('- 市场营销部: [Q3 2026](teams/marketing-2026-Q3.md) 100.6% · [Q4 2026](teams/marketing-2026-Q4.md) 93.6%\n');
  });

  it('writes the tree in Markdown as a nested list, each goal linked to its team page', () => {
    const markdown = site.get('index.md')!;
    const section = markdown.slice(markdown.indexOf(`## ${labels.alignment}`), markdown.indexOf(`## ${labels.scoresByPeriod}`));
    const items = section.split('\n').filter((line) => /^ *- /.test(line));
    expect(items).toHaveLength(treeNodes(site.get('index.html')!).length);
    expect(items).toContain('- ⚠️ At risk · [2026 财年销售额达到 1.05 亿元](teams/company-FY2026.md) · 公司 · FY2026 (Jan–Dec 2026) · Attainment to date: 98.8% · [赵刚](people/zhao.gang.md)');
    expect(items).toContain('  - ✅ On track · [第四季度销售额达到 1200 万元](teams/marketing-2026-Q4.md) · 市场营销部 · Q4 2026 · Attainment to date: 102% · [李伟](people/li.wei.md)');
    const links = readLikeGithub(section).links.map((link) => link.href);
    for (const href of links) expect(markdown.includes(`](${href})`) && (href.startsWith('teams/') || href.startsWith('people/')), href).toBe(true);
    // The status table: a column per status, the score with each team.
    expect(markdown).toContain('| Team | Period | Team score | ✅ On track | ⚠️ At risk | ❌ Off track | ⬜ No data |\n');
    expect(markdown).toContain('| [市场营销部](teams/marketing-2026-Q4.md) | Q4 2026 | 93.6% | 5 | 1 | 0 | 0 |\n');
  });

  it('keeps the tree open with few teams', () => {
    expect(site.get('index.html')).toContain('<details open><summary>4 aligned goals</summary>');
  });
});

describe('the alignment tree with user text', () => {
  it('shows a goal title that looks like a tag as text, in HTML and in Markdown', async () => {
    const tag = '<img src=x>';
    let files = await exampleFiles();
    files = withFile(files, '2026-Q4/marketing.yaml', (text) => text.replace('title: 客户留存率不低于 85%', `title: "${tag}"`));
    files = withFile(files, '2026-Q4/company.yaml', (text) => text.replace(/title: 客户留存率提升至 85%/, `title: "${tag} [x](https://evil.example) @octocat"`));
    const site = await renderFiles(files, { locale: 'en', asOf: '2026-11' });
    const html = site.get('index.html')!;
    expect(html).not.toContain('<img');
    const titles = treeNodes(html).map((n) => n.title);
    expect(titles).toContain('&lt;img src&#x3D;x&gt;');
    expect(titles).toContain('&lt;img src&#x3D;x&gt; [x](https://evil.example) @octocat');
    const markdown = readLikeGithub(site.get('index.md')!);
    expect(markdown.html).toEqual([]);
    expect(markdown.images).toEqual([]);
    expect(markdown.mentions).toEqual([]);
    expect(markdown.links.every((link) => /^(teams|people)\//.test(link.href))).toBe(true);
    expect(markdown.paragraphs.some((text) => text.includes(`✅ On track · ${tag} ·`))).toBe(true);
  });
});

describe('the alignment tree of a large organisation', () => {
  it('is collapsed below the first level when there are more than 20 teams', async () => {
    const files: RepositoryFile[] = [...(await exampleFiles())];
    const root = files.find((file) => file.path.endsWith('goalpost.yaml'))!.path.slice(0, -'goalpost.yaml'.length);
    for (let n = 1; n <= 20; n += 1) {
      const id = `region-${String(n).padStart(2, '0')}`;
      files.push({ path: `${root}teams/${id}.yaml`, bytes: Buffer.from(`apiVersion: goalpost/v1\nkind: Team\nid: ${id}\nname: Region ${n}\nlead: sun.tao\nmembers:\n  sun.tao: {name: 孙涛}\n`) });
      files.push({
        path: `${root}2026-Q4/${id}.yaml`,
        bytes: Buffer.from(
          `apiVersion: goalpost/v1\nkind: GoalSet\nteam: ${id}\nperiod: 2026-Q4\ngoals:\n  - id: customers\n    title: New customers in region ${n}\n    kpi: new_customers\n    target: 10\n    weight: 100\n    owner: sun.tao\n    alignsTo: company/new-customers\n`,
        ),
      });
    }
    const html = (await renderFiles(files, { locale: 'en', asOf: '2026-11', formats: ['html'] })).get('index.html')!;
    expect(html).not.toContain('<details open>');
    expect(html).toContain('<details><summary>22 aligned goals</summary>');
    expect(treeNodes(html).filter((n) => n.href.includes('#goal-customers'))).toHaveLength(20);
  });
});
