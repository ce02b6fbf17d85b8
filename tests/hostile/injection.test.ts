import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildComment, buildSummary, commentMarker, type ActionReport } from '../../src/action/report.js';
import { compareRepositories } from '../../src/diff/compare.js';
import type { RepositoryFile } from '../../src/load/load-file.js';
import { renderScorecards } from '../../src/render/render.js';
import { loadTemplates } from '../../src/render/templates.js';
import { scoreRepository } from '../../src/score/score.js';
import { validateRepository } from '../../src/validate.js';
import { baseWith, fixtureFiles, repoRoot } from '../helpers/fixtures.js';
import { GoalsGitRepo } from '../helpers/git-repo.js';
import { asRead, readLikeGithub, type GithubView } from '../helpers/github-markdown.js';
import { actingCharacter, ownColours } from '../helpers/inert-text.js';

/**
 * Text from goals files, git history and the pull request, where a person
 * reads it: a terminal or CI log (`--format text`), workflow commands, and
 * Markdown on GitHub (scorecards, `goalpost diff --format md`, the job
 * summary and the pull-request comment). Each output comes from the goalpost
 * executable, or from the Action's report, and is read the way its reader
 * reads it: line by line, or as GitHub renders Markdown.
 */

/** Ends the line, and starts one that GitHub Actions runs as a workflow command. */
const workflowCommand = '\n::warning::injected';
const workflowCommandShown = '\\n::warning::injected';
/** Retitles the terminal (OSC), clears the screen, starts an 8-bit CSI, returns to the line's start, and reverses what follows. */
const terminalSequences = '\u001b]0;pwned\u0007\u001b[2J\u009b31m\r\u202e';
const terminalSequencesShown = '\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\r\\u202e';
/** In Markdown, where the line break and the carriage return read as spaces. */
const workflowCommandRead = ' ::warning::injected';
const terminalSequencesRead = '\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m \\u202e';
/** A table split and a heading, a link, an image, a tag, mentions, issue references, autolinks, code and emphasis. */
const markdown =
  'x|y\n## heading [claim your bonus](https://evil.example) ![pixel](https://evil.example/p.png) <img src=x onerror=alert(1)> @octocat @acme/owners #123 acme/goals#5 GH-5 www.evil.example https://evil.example/x `tick` *em* ~~gone~~';
/** How it must read: on one line, every character as written. */
const markdownRead = markdown.replace('\n', ' ');
const bonusLink = '[claim your bonus](https://evil.example)';

/** A double-quoted YAML scalar, with C1 controls (which YAML refuses raw), separators and overrides written as escapes. */
const yamlQuoted = (text: string): string =>
  JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const temporaryFolders: string[] = [];
afterAll(() => {
  for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true });
});

function temporaryFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'goalpost-injection-'));
  temporaryFolders.push(folder);
  return folder;
}

/** The base fixture with some files replaced, as a folder on disk. */
function materialise(overrides: Record<string, string>): string {
  const dir = temporaryFolder();
  const write = (file: string, content: string | Uint8Array): void => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  };
  for (const file of fixtureFiles('base')) write(file.path, file.bytes);
  for (const [file, content] of Object.entries(overrides)) write(file, content);
  return dir;
}

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function goalpost(args: string[], cwd = repoRoot, colour: Record<string, string> = {}): Promise<Result> {
  // Colour only when a test asks for it, whatever the terminal running the tests.
  const env = { ...process.env, ...colour };
  if (colour['NO_COLOR'] === undefined) delete env['NO_COLOR'];
  if (colour['FORCE_COLOR'] === undefined) delete env['FORCE_COLOR'];
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(repoRoot, 'bin/goalpost.js'), ...args], { cwd, env }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/** Terminal output in which nothing acts: no character other than the line feeds, and no line a runner would run. */
function expectInertLines(output: string): string[] {
  const lines = output.split('\n');
  expect(output).not.toMatch(actingCharacter);
  for (const line of lines) expect(line).not.toMatch(/^::/);
  return lines;
}

/** Markdown that GitHub renders with no tag, image, mention or reference, and no link but goalpost's own. */
function expectInertMarkdown(markdown: string, ownLink: RegExp): GithubView {
  const view = readLikeGithub(markdown);
  expect(markdown).not.toMatch(actingCharacter);
  // The comment's hidden marker is the only HTML, and goalpost's own.
  expect(view.html.filter((html) => html !== commentMarker)).toEqual([]);
  expect(view.images).toEqual([]);
  expect(view.mentions).toEqual([]);
  expect(view.references).toEqual([]);
  for (const link of view.links) expect(link.href).toMatch(ownLink);
  for (const table of view.tables) for (const row of table) expect(row).toHaveLength(table[0]!.length);
  return view;
}

const goalSet = (goals: string): string => `apiVersion: goalpost/v1\nkind: GoalSet\nteam: marketing\nperiod: 2026-Q4\ngoals:\n${goals}`;

/** A valid repository whose every free text is hostile: titles, notes, team and people's names, roles, KPI names, units, breakdown keys. */
const hostileRepository = (hostile: string): Record<string, string> => ({
  'kpis.yaml': `apiVersion: goalpost/v1\nkind: KpiCatalog\nkpis:\n  revenue: {name: ${yamlQuoted(`销售额 ${hostile}`)}, unit: ${yamlQuoted(hostile)}, direction: increase, aggregate: sum}\n  csat: {name: 客户满意度得分, unit: score, direction: increase, aggregate: mean}\n`,
  'teams/marketing.yaml': `apiVersion: goalpost/v1\nkind: Team\nid: marketing\nname: ${yamlQuoted(hostile)}\nlead: li.wei\nmembers:\n  li.wei: {name: ${yamlQuoted(hostile)}, role: ${yamlQuoted(hostile)}}\n  zhang.min: {name: 张敏}\n  wang.fang: {name: 王芳}\n`,
  '2026-Q4/marketing.yaml': goalSet(
    `  - id: q4-revenue\n    title: ${yamlQuoted(hostile)}\n    kpi: revenue\n    target: 12000000\n    weight: 60\n    owner: li.wei\n    notes: ${yamlQuoted(`@octocat please review #123 ${hostile}`)}\n` +
      `    breakdown:\n      - by: region\n        items: {${yamlQuoted(`east ${hostile}`)}: 5000000, ${yamlQuoted(`west ${hostile}`)}: 7000000}\n` +
      `  - {id: q4-csat, title: 客户满意度不低于 4.5, kpi: csat, target: 4.5, weight: 40, owner: wang.fang}\n`,
  ),
});

describe('goalpost validate', () => {
  const overrides = {
    '2026-Q4/marketing.yaml': goalSet(
      `  - {id: q4-revenue, title: 销售额, kpi: revenue, target: 12000000, weight: 60, owner: li.wei}\n  - {id: q4-csat, title: 满意度, kpi: csat, target: 4.5, weight: 40, owner: ${yamlQuoted(`wang.fang${workflowCommand}${terminalSequences}`)}}\n`,
    ),
    [`bad${workflowCommand}.yaml`]: 'apiVersion: goalpost/v1\nkind: Nope\n',
  };
  const ownerShown = `"wang.fang${workflowCommandShown}${terminalSequencesShown}"`;

  it('--format text shows an owner id with a line break and escape sequences, and such a file name, escaped on their own lines', async () => {
    const dir = materialise(overrides);
    const result = await goalpost(['validate', dir]);
    expect(result.code).toBe(1);
    const lines = expectInertLines(result.stdout);
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatch(new RegExp(`^${escapeRegExp(dir)}/2026-Q4/marketing\\.yaml:7:\\d+ error invalid-value `));
    expect(lines[1]).toMatch(new RegExp(`^${escapeRegExp(dir)}/2026-Q4/marketing\\.yaml:7:\\d+ error unknown-person `));
    for (const line of lines.slice(0, 2)) expect(line).toContain(ownerShown);
    expect(lines[3]).toMatch(new RegExp(`^${escapeRegExp(dir)}/bad\\\\n::warning::injected\\.yaml:2:7 error unknown-kind `));
    expect(lines.slice(4)).toEqual(['', '✖ 3 errors, 0 warnings', '']);
    // In colour, the only escape sequences are goalpost's own colours.
    const coloured = await goalpost(['validate', dir], repoRoot, { FORCE_COLOR: '1' });
    expect(coloured.stdout).toMatch(ownColours);
    expect(coloured.stdout.replace(ownColours, '')).toBe(result.stdout);
  });

  it('--format github writes one workflow command per problem, whatever the text it quotes', async () => {
    const dir = materialise(overrides);
    const result = await goalpost(['validate', dir, '--format', 'github']);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(result.stdout).not.toMatch(actingCharacter);
    expect(lines).toHaveLength(4);
    for (const line of lines.slice(0, 3)) expect(line).toMatch(/^::error file=[^:,\n]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=goalpost [a-z-]+::/);
    expect(lines[0]).toContain(ownerShown);
    expect(lines[2]).toContain(`file=${dir}/bad%0A%3A%3Awarning%3A%3Ainjected.yaml,line=2,col=7`);
    expect(lines[3]).toBe('');
  });
});

describe('goalpost score --format text', () => {
  it('shows titles, team names, units and breakdown keys with line breaks and escape sequences escaped', async () => {
    const dir = materialise(hostileRepository(`${workflowCommand}${terminalSequences}`));
    const result = await goalpost(['score', dir, '--format', 'text']);
    expect(result.code).toBe(0);
    const lines = expectInertLines(result.stdout);
    const shown = `${workflowCommandShown}${terminalSequencesShown}`;
    expect(lines).toHaveLength(8);
    expect(lines[2]).toMatch(new RegExp(`^marketing ${escapeRegExp(shown)} · Q4 2026 `));
    expect(lines[3]).toContain(`q4-revenue ${shown} [at-risk] actual 3,600,000 ${shown} / target 12,000,000 ${shown}`);
    expect(lines[4]).toContain(`region east ${shown} [no-data]`);
    expect(lines[5]).toContain(`region west ${shown} [no-data]`);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

describe('goalpost render', () => {
  let out: string;
  beforeAll(async () => {
    const dir = materialise(hostileRepository(markdown));
    out = temporaryFolder();
    const result = await goalpost(['render', dir, '--out', out, '--format', 'both', '--locale', 'en', '--no-history']);
    expect(result.code, result.stderr).toBe(0);
  });
  const read = (file: string): string => readFileSync(path.join(out, file), 'utf8');
  const siteLink = /^(\.\.\/)?(index\.md|teams\/[\w.-]+\.md(#[\w-]+)?|people\/[\w.-]+\.md)$/;

  it('writes Markdown scorecards in which GitHub finds no tag, link, image, heading, mention or split cell from the files', () => {
    const files = ['index.md', ...['teams', 'people'].flatMap((folder) => readdirSync(path.join(out, folder)).filter((f) => f.endsWith('.md')).map((f) => `${folder}/${f}`))];
    expect(files).toHaveLength(4);
    for (const file of files) expectInertMarkdown(read(file), siteLink);
    const team = readLikeGithub(read('teams/marketing-2026-Q4.md'));
    expect(team.headings.map(asRead)).toEqual([`${markdownRead} · Q4 2026`]);
    const [header, revenue] = team.tables[0]!.map((row) => row.map(asRead));
    expect(header).toHaveLength(7);
    const [title, kpiLine, ...notes] = revenue![1]!.split('\n');
    expect([title, ...notes]).toEqual([markdownRead, `@octocat please review #123 ${markdownRead}`]);
    expect(kpiLine).toMatch(new RegExp(`^${escapeRegExp(`KPI: 销售额 ${markdownRead} (${markdownRead}) · `)}`));
    expect(revenue!.slice(2, 4)).toEqual([markdownRead, `12,000,000 ${markdownRead}`]);
    // The breakdown, collapsed in <details> under the goal's title.
    const [, east, west] = team.tables[1]!.map((row) => row.map(asRead));
    expect(east![1]).toBe(`↳ by region: east ${markdownRead}`);
    expect(west![1]).toBe(`↳ by region: west ${markdownRead}`);
    const person = readLikeGithub(read('people/li.wei.md'));
    expect(person.headings.map(asRead)).toEqual([markdownRead, `${markdownRead} · Q4 2026`, 'What the score is made of']);
    expect(asRead(person.paragraphs[0]!)).toMatch(new RegExp(`^${escapeRegExp(`${markdownRead} · ${markdownRead} · As of Oct 2026`)}$`));
    const index = readLikeGithub(read('index.md'));
    expect(index.links.map((link) => asRead(link.text))).toEqual([markdownRead, markdownRead, '王芳']);
  });

  it('writes HTML scorecards in which the same text is only text', () => {
    for (const file of ['index.html', 'teams/marketing-2026-Q4.html', 'people/li.wei.html']) {
      // The index's own filter box is the site's one script, a file beside it.
      const html = read(file).replace('<script src="filter.js" defer></script>', '');
      expect(html).not.toMatch(/<img|<script|href="(?!\.\.\/|teams\/|people\/|index\.html|styles\.css)/);
      expect(html).toContain('x|y\n## heading [claim your bonus](https://evil.example) ![pixel](https://evil.example/p.png) &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; @octocat');
    }
  });
});

describe('goalpost diff and goalpost log', () => {
  let repo: GoalsGitRepo;
  let base: string;
  const goalSetFile = 'goals/2026-Q4/marketing.yaml';
  beforeAll(() => {
    repo = new GoalsGitRepo();
    temporaryFolders.push(repo.dir);
    base = repo.commit('Q4 goals', '2026-10-01T09:00:00+08:00');
    repo.edit(goalSetFile, '    owner: chen.jie\n', `    owner: ${yamlQuoted(`chen.jie${workflowCommand}${terminalSequences}`)}\n`);
    repo.edit(goalSetFile, '    title: 营销投资回报率达到 3.0\n', `    title: ${yamlQuoted(`ROI${workflowCommand}${terminalSequences}`)}\n`);
    repo.commit(`Hand over the ROI goal ${terminalSequences.replace('\r', '')}`, '2026-11-03T10:00:00+08:00', `Mallory\u001b[2J <mallory@example.com>`);
    // Not committed: the change a pull request proposes, with owner keys that are no one's id.
    repo.edit(goalSetFile, 'items: {zhang.min: 5000000, wang.fang: 7000000}', `items: {${yamlQuoted(bonusLink)}: 5000000, ${yamlQuoted(`@octocat #123${workflowCommand}${terminalSequences}`)}: 7000000}`);
    repo.edit(goalSetFile, '    title: 新增客户 300 家\n', `    title: ${yamlQuoted(markdown)}\n`);
    repo.edit('goals/teams/marketing.yaml', 'name: 市场营销部', `name: ${yamlQuoted(markdown)}`);
    repo.edit('goals/kpis.yaml', 'revenue:            {name: 销售额, unit: CNY,', `revenue:            {name: 销售额, unit: ${yamlQuoted(markdown)},`);
  });

  it('diff --format md: owner keys, titles, names and units are text on GitHub, not links, headings, mentions or references', async () => {
    const result = await goalpost(['diff', base, '--format', 'md'], repo.dir);
    expect(result.code, result.stderr).toBe(0);
    const view = expectInertMarkdown(result.stdout, /^$/);
    expect(view.links).toEqual([]);
    expect(view.emphasis).toEqual([]);
    expect(view.headings.map(asRead)).toEqual([`${markdownRead} (marketing) · Q4 2026`, 'KPI catalog']);
    const items = view.paragraphs.map(asRead);
    expect(items).toContain(`Breakdown by owner: ${bonusLink} added with 5,000,000 ${markdownRead}`);
    expect(items).toContain(`Breakdown by owner: @octocat #123${workflowCommandRead}${terminalSequencesRead} added with 7,000,000 ${markdownRead}`);
    expect(items).toContain(`Title changed from “新增客户 300 家” to “${markdownRead}”`);
    expect(items).toContain(`Unit changed from CNY to ${markdownRead}`);
  });

  it('diff --format text: line breaks and escape sequences in the same data are shown escaped', async () => {
    const result = await goalpost(['diff', base, '--format', 'text'], repo.dir);
    expect(result.code, result.stderr).toBe(0);
    const lines = expectInertLines(result.stdout);
    expect(lines).toContain(`    - Breakdown by owner: @octocat #123${workflowCommandShown}${terminalSequencesShown} added with 7,000,000 x|y\\n## heading ${markdownRead.slice('x|y ## heading '.length)}`);
    expect(lines).toContain(`    - Owner changed from chen.jie (陈杰) to chen.jie${workflowCommandShown}${terminalSequencesShown}`);
  });

  it('log --format text: owner ids, titles, authors and commit messages are shown escaped', async () => {
    const result = await goalpost(['log', 'marketing'], repo.dir);
    expect(result.code, result.stderr).toBe(0);
    const lines = expectInertLines(result.stdout);
    const handover = lines.filter((line) => line.includes('Hand over the ROI goal'));
    expect(handover).toHaveLength(1);
    expect(handover[0]).toContain(`Mallory\\u001b[2J  q4-roi “ROI${workflowCommandShown}${terminalSequencesShown}”: owner chen.jie → chen.jie${workflowCommandShown}${terminalSequencesShown} — Hand over the ROI goal \\u001b]0;pwned`);
  });
});

describe('the Action’s job summary and pull-request comment', () => {
  let report: ActionReport;
  beforeAll(async () => {
    const head: RepositoryFile[] = baseWith(hostileRepository(markdown));
    const { model } = validateRepository(head);
    const score = scoreRepository(model);
    const templates = await loadTemplates();
    const scorecards = renderScorecards(score, model, { locale: 'en', formats: ['md'], templates })
      .filter((file) => file.path.startsWith('teams/'))
      .map((file) => file.content);
    const broken = baseWith({ [`x\`|@octocat${workflowCommand}.yaml`]: `apiVersion: goalpost/v1\nkind: ${yamlQuoted(`${bonusLink} @octocat #123 ${markdown}`)}\n` });
    const withOwnerKeys = head.map((file) =>
      file.path === '2026-Q4/marketing.yaml'
        ? { ...file, bytes: Buffer.from(Buffer.from(file.bytes).toString().replace('    owner: li.wei\n', `    owner: ${yamlQuoted(bonusLink)}\n`)) }
        : file,
    );
    report = {
      goalsPath: `goals/${bonusLink} @octocat`,
      diagnostics: validateRepository(broken).diagnostics,
      annotated: 1,
      diff: compareRepositories(fixtureFiles('base'), withOwnerKeys),
      diffUnavailable: undefined,
      fiscalYearStart: 1,
      report: score,
      scorecards,
    };
  });

  it('lists problems, the diff, the scores and the scorecards with every path, name and message as text', () => {
    const summary = expectInertMarkdown(buildSummary(report), /^(\.\.\/)?(index\.md|teams\/[\w.-]+\.md(#[\w-]+)?|people\/[\w.-]+\.md)$/);
    expect(summary.headings.map(asRead)).toEqual([
      'goalpost',
      'What this change does to the goals',
      `${markdownRead} (marketing) · Q4 2026`,
      'KPI catalog',
      'Scores',
      `${markdownRead} · Q4 2026`,
    ]);
    const [problems, scores] = summary.tables.map((table) => table.map((row) => row.map(asRead)));
    expect(problems).toHaveLength(2);
    expect(problems![1]!.slice(0, 3)).toEqual([`x\`|@octocat${workflowCommandRead}.yaml:2:7`, 'error', 'unknown-kind']);
    // The message quotes the kind, cut short, as it was written.
    expect(problems![1]![3]).toContain(`"${bonusLink.slice(0, -1)}…"`);
    expect(scores![1]!.slice(0, 2)).toEqual([`${markdownRead} (marketing)`, 'Q4 2026']);
    expect(asRead(summary.paragraphs[0]!)).toBe(`❌ goals/${bonusLink} @octocat: 1 error, 0 warnings.`);
    expect(summary.paragraphs.map(asRead)).toContain(`Changed goal q4-revenue “${markdownRead}”`);
    expect(summary.paragraphs.map(asRead)).toContain(`Owner changed from li.wei (李伟) to ${bonusLink}`);
  });

  it('the comment too, and a reason for a missing diff that quotes git', () => {
    const runUrl = 'https://github.com/acme/goals/actions/runs/1';
    const comment = expectInertMarkdown(buildComment(report, runUrl), new RegExp(`^${escapeRegExp(runUrl)}$`));
    expect(comment.headings.map(asRead)).toEqual(['goalpost', 'What this change does to the goals', `${markdownRead} (marketing) · Q4 2026`, 'KPI catalog', 'Scores']);
    expect(comment.links).toEqual([{ text: 'Full report in the job summary', href: runUrl }]);
    const reason = `The base commit 1234567 is not in this checkout, so the change cannot be explained; check out with \`fetch-depth: 0\`. (fatal: ${bonusLink} @octocat #5)`;
    const withoutDiff = expectInertMarkdown(buildComment({ ...report, diff: undefined, diffUnavailable: reason }, undefined), /^$/);
    expect(withoutDiff.emphasis.map(asRead)).toContain(reason);
  });
});
