import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { materialiseBase, runGoalpost, type ExecutableResult } from '../helpers/executable.js';
import { fixtureFiles } from '../helpers/fixtures.js';

/**
 * One file, one meaning: YAML that could be read two ways, tags and
 * directives goalpost does not accept, duplicate keys however they are
 * written, alias bombs, and the common syntax mistakes, each through the
 * goalpost executable: the code and exact position of every diagnostic, and
 * nothing else.
 */
type Result = ExecutableResult;

const materialise = (overrides: Record<string, string>): string => materialiseBase(overrides, 'goalpost-yaml-');

function goalpost(args: string[]): Promise<Result> {
  return runGoalpost(args);
}

interface Found {
  code: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Validates the base fixture with some files replaced; the diagnostics as `code file:line:column`, and nothing on stderr. */
async function validate(overrides: Record<string, string>): Promise<{ result: Result; found: string[]; messages: string[] }> {
  const dir = materialise(overrides);
  const result = await goalpost(['validate', dir, '--format', 'json']);
  // No stack trace, and no warning of Node's or a library's.
  expect(result.stderr).toBe('');
  const diagnostics = JSON.parse(result.stdout) as Found[];
  return { result, found: diagnostics.map((d) => `${d.code} ${path.relative(dir, d.file)}:${d.line}:${d.column}`), messages: diagnostics.map((d) => d.message) };
}

const goalSet = (goals: string): string => `apiVersion: goalpost/v1\nkind: GoalSet\nteam: marketing\nperiod: 2026-Q4\ngoals:\n${goals}`;
/** Line 6 onwards: the revenue goal with its owner breakdown (lines 6-14), then the satisfaction goal (lines 15-20). */
const goals = [
  '  - id: q4-revenue',
  '    title: 第四季度销售额达到 1200 万元',
  '    kpi: revenue',
  '    target: 12000000',
  '    weight: 60',
  '    owner: li.wei',
  '    breakdown:',
  '      - by: owner',
  '        items: {zhang.min: 5000000, wang.fang: 7000000}',
  '  - id: q4-csat',
  '    title: 客户满意度不低于 4.5',
  '    kpi: csat',
  '    target: 4.5',
  '    weight: 40',
  '    owner: wang.fang',
];
/** The base goal set with line `line` (1-based, counting the five header lines) replaced. */
const goalSetWith = (line: number, text: string): string => goalSet(`${goals.map((l, i) => (i + 6 === line ? text : l)).join('\n')}\n`);

describe('a value means one thing, whichever parser reads the file', () => {
  it('refuses %YAML 1.1, in which 010000000 is octal, at the directive, with or without an alias-like title', async () => {
    for (const title of ['第四季度销售额', 'a *stretch* goal']) {
      const text = `%YAML 1.1\n---\n${goalSetWith(9, '    target: 010000000').replace('第四季度销售额达到 1200 万元', title)}`;
      const { result, found, messages } = await validate({ '2026-Q4/marketing.yaml': text });
      expect(result.code).toBe(1);
      expect(found).toEqual(['unsupported-directive 2026-Q4/marketing.yaml:1:1']);
      expect(messages[0]).toContain('goalpost reads YAML 1.2 only');
    }
  });

  it('refuses %TAG and unknown directives, each at its line', async () => {
    const { found } = await validate({ 'teams/marketing.yaml': `%TAG !g! tag:goalpost.dev,2026:\n%PRIORITY high\n---\n${fixtureText('teams/marketing.yaml')}` });
    expect(found).toEqual(['unsupported-directive teams/marketing.yaml:1:1', 'unsupported-directive teams/marketing.yaml:2:1']);
  });

  it('reads 010000000 as ten million, and a title with *stretch* or an anchor in the file changes nothing', async () => {
    const targets: unknown[] = [];
    for (const [title, extra] of [
      ['第四季度销售额达到 1200 万元', ''],
      ['a *stretch* goal & more', ''],
      ['第四季度销售额达到 1200 万元', '    thresholds: &steady {green: 1.0, amber: 0.9}\n'],
    ] as const) {
      const text = goalSetWith(9, `    target: 010000000\n${extra}`).replace('第四季度销售额达到 1200 万元', title).replace('items: {zhang.min: 5000000, wang.fang: 7000000}', 'items: {zhang.min: 4000000, wang.fang: 6000000}');
      const dir = materialise({ '2026-Q4/marketing.yaml': text });
      const score = await goalpost(['score', dir, '--format', 'json']);
      expect(score.stderr).toBe('');
      expect(score.code).toBe(0);
      targets.push((JSON.parse(score.stdout) as { teams: { goals: { target: number }[] }[] }).teams[0]!.goals[0]!.target);
    }
    expect(targets).toEqual([10_000_000, 10_000_000, 10_000_000]);
  });
});

describe('duplicate keys, whatever their quoting or notation', () => {
  it.each([
    ['a number and the same number quoted', '{101: 4000000, "101": 4000000, 102: 8000000}', 31],
    ['1.0 and 1', "{1.0: 4000000, 1: 4000000, '2': 8000000}", 31],
    ['hexadecimal and decimal', '{0x10: 4000000, 16: 4000000, 17: 8000000}', 32],
  ])('%s: duplicate-key at the second key, and nothing else', async (_name, items, column) => {
    const text = goalSetWith(13, '      - by: region').replace('items: {zhang.min: 5000000, wang.fang: 7000000}', `items: ${items}`);
    const { result, found } = await validate({ '2026-Q4/marketing.yaml': text });
    expect(result.code).toBe(1);
    expect(found).toEqual([`duplicate-key 2026-Q4/marketing.yaml:14:${column}`]);
  });
});

describe('tags', () => {
  it('refuses every tag but the core schema\'s with one unsupported-tag at each tag, and nothing else about those values', async () => {
    const text = goalSet(
      [
        '  - id: q4-revenue',
        '    title: !!binary 56ys5Zub5a2j5bqm',
        '    kpi: revenue',
        '    target: !!float 12000000.0',
        '    weight: 60',
        '    owner: li.wei',
        '    due: !!timestamp 2026-12-31',
        '    breakdown: !!omap',
        '      - by: owner',
        '    notes: !!set {a, b}',
        '  - {id: q4-csat, title: 满意度, kpi: csat, target: !<!score> 4.5, weight: !!str 40, owner: !person wang.fang}',
        '',
      ].join('\n'),
    );
    const { result, found } = await validate({ '2026-Q4/marketing.yaml': text });
    expect(result.code).toBe(1);
    expect(found).toEqual([
      'unsupported-tag 2026-Q4/marketing.yaml:7:12',
      'unsupported-tag 2026-Q4/marketing.yaml:12:10',
      'unsupported-tag 2026-Q4/marketing.yaml:13:16',
      'unsupported-tag 2026-Q4/marketing.yaml:15:12',
      // `  - {id: q4-csat, title: 满意度, kpi: csat, target: ` is 49 characters; `!<!score> 4.5, weight: !!str 40, owner: ` 40 more.
      'unsupported-tag 2026-Q4/marketing.yaml:16:50',
      'unsupported-tag 2026-Q4/marketing.yaml:16:90',
    ]);
  });

  it('reads the core schema\'s tags, and refuses one that does not fit its value at the tag', async () => {
    const accepted = goalSetWith(10, '    weight: !!int 60').replace("    target: 12000000", '    target: !!float 12000000.0');
    expect((await validate({ '2026-Q4/marketing.yaml': accepted })).found).toEqual([]);
    const misfit = goalSetWith(10, '    weight: !!int sixty');
    expect((await validate({ '2026-Q4/marketing.yaml': misfit })).found).toEqual(['unsupported-tag 2026-Q4/marketing.yaml:10:13']);
  });
});

describe('aliases', () => {
  /**
   * Each line copies the list of the line before ten times; a `" #"` first
   * hides the rest of the line from any pattern that looks for comments
   * (the old detection did, and `validate` ran for minutes).
   * a0 holds 2 values, a1 21, a2 211, a3 2,111: lines 5 to 7 copy 2,340
   * values, and the fourth *a3 of line 8 takes the file past 10,000.
   */
  const levels = ['l0: [" #", &a0 [lol]]'];
  for (let level = 1; level <= 10; level++) levels.push(`l${level}: [" #", &a${level} [${Array(10).fill(`*a${level - 1}`).join(', ')}]]`);
  const chain = `apiVersion: goalpost/v1\nkind: Team\nid: bomb\n${levels.join('\n')}\n`;

  it('an alias chain of about 700 bytes is refused at the alias that goes past the limit, in bounded time (npm run bench measures it)', { timeout: 20_000 }, async () => {
    expect(Buffer.byteLength(chain)).toBeLessThan(800);
    const { result, found } = await validate({ 'teams/bomb.yaml': chain });
    expect(result.code).toBe(1);
    // `l4: [" #", &a4 [` is 16 characters: the fourth *a3 starts at column 17 + 3 × 5.
    expect(found).toEqual(['yaml-alias-limit teams/bomb.yaml:8:32']);
  });

  it('a billion laughs is refused at the alias that goes past the limit', { timeout: 20_000 }, async () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const { found } = await validate({ 'bomb.yaml': `apiVersion: goalpost/v1\nkind: Team\n${lines.join('\n')}\n` });
    // b to d copy 8,289 values; the first *d of line 7 (`e: &e [` is 7 characters) takes the file past 10,000.
    expect(found).toEqual(['yaml-alias-limit bomb.yaml:7:8']);
  });
});

describe('syntax errors in plain words, at the line to change', () => {
  it.each([
    // The parser says "Nested mappings are not allowed in compact mappings" on line 9; the key of line 10 is indented one space too far.
    ['a key indented one space too far', 10, '     weight: 60', '2026-Q4/marketing.yaml:10:6', 'This line is indented 5 spaces, which lines it up with nothing above it, and YAML reads structure from indentation. Indent it 4 spaces, like "target" on line 9.'],
    ['a key of a list item indented too far', 16, '      title: 客户满意度不低于 4.5', '2026-Q4/marketing.yaml:16:7', 'This line is indented 6 spaces, which lines it up with nothing above it, and YAML reads structure from indentation. Indent it 4 spaces, like "id" on line 15.'],
    ['a key indented one space too little', 10, '   weight: 60', '2026-Q4/marketing.yaml:10:4', 'This line is indented 3 spaces, which lines it up with nothing above it, and YAML reads structure from indentation. Indent it 4 spaces, like "target" on line 9.'],
    ['a list item indented one space too far', 15, '   - id: q4-csat', '2026-Q4/marketing.yaml:15:4', 'This line is indented 3 spaces, which lines it up with nothing above it, and YAML reads structure from indentation. Indent it 2 spaces, like the "-" on line 6.'],
    ['a tab for indentation', 10, '\tweight: 60', '2026-Q4/marketing.yaml:10:1', 'This line is indented with a tab. YAML allows only spaces for indentation: replace the tab with spaces.'],
    ['no space after a colon', 9, '    target:12000000', '2026-Q4/marketing.yaml:9:11', 'There is no space after the colon in "target:12000000", so YAML reads it as one piece of text, not as the key "target" and its value. Write "target: 12000000".'],
    ['no space after the colon of the last key', 20, '    owner:wang.fang', '2026-Q4/marketing.yaml:20:10', 'There is no space after the colon in "owner:wang.fang", so YAML reads it as one piece of text, not as the key "owner" and its value. Write "owner: wang.fang".'],
    ['a colon and a space in a title', 7, '    title: 目标: 销售额达到 1200 万元', '2026-Q4/marketing.yaml:7:12', 'YAML reads the ": " in this value as the start of another key. Put the value in quotes: "目标: 销售额达到 1200 万元".'],
    ['an unclosed double quote', 7, '    title: "第四季度销售额达到 1200 万元', '2026-Q4/marketing.yaml:7:12', 'This text opens a " quote that is never closed, so YAML reads the rest of the file as part of it. Add the closing " where the text ends.'],
    ['an unclosed single quote', 16, "    title: '客户满意度不低于 4.5", "2026-Q4/marketing.yaml:16:12", "This text opens a ' quote that is never closed, so YAML reads the rest of the file as part of it. Add the closing ' where the text ends."],
    ['an unclosed brace', 14, '        items: {zhang.min: 5000000, wang.fang: 7000000', '2026-Q4/marketing.yaml:14:16', 'This { is never closed. Add the closing } at the end of the mapping, before the next line.'],
    ['an unclosed bracket', 11, '    owner: [li.wei', '2026-Q4/marketing.yaml:11:12', 'This [ is never closed. Add the closing ] at the end of the list, before the next line.'],
    ['a closing brace too many', 14, '        items: {zhang.min: 5000000, wang.fang: 7000000}}', '2026-Q4/marketing.yaml:14:56', 'This } closes nothing: no { before it is still open. Remove it.'],
  ])('%s: one yaml-syntax error, and nothing from the checks across files', async (_name, line, text, at, message) => {
    const { result, found, messages } = await validate({ '2026-Q4/marketing.yaml': goalSetWith(line, text) });
    expect(result.code).toBe(1);
    expect(found).toEqual([`yaml-syntax ${at}`]);
    expect(messages).toEqual([message]);
  });

  it('a KPI catalog with a tab gives the one syntax error, not an unknown KPI for every goal that uses it', async () => {
    const catalog = fixtureText('kpis.yaml').replace('  market_size:', '\tmarket_size:');
    const { found } = await validate({ 'kpis.yaml': catalog });
    expect(found).toEqual(['yaml-syntax kpis.yaml:5:1']);
  });

  it('a key that is a list is refused at the key, without a warning from Node', async () => {
    const { found } = await validate({ 'teams/marketing.yaml': `${fixtureText('teams/marketing.yaml')}? [li.wei, zhang.min]\n: pair\n` });
    expect(found).toEqual(['yaml-syntax teams/marketing.yaml:10:3']);
  });
});

function fixtureText(file: string): string {
  return Buffer.from(fixtureFiles('base').find((f) => f.path === file)!.bytes).toString('utf8');
}
