import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateRepository } from '../../src/validate.js';
import { materialiseBase, runGoalpost, type ExecutableResult } from '../helpers/executable.js';
import { baseWith, repoRoot } from '../helpers/fixtures.js';

/**
 * Broken and hostile inputs, each run through the goalpost executable: the
 * diagnostic code and position, the exit status (1 for problems, 2 for usage
 * or I/O), and never a stack trace.
 */
type Result = ExecutableResult;

const materialise = (overrides: Record<string, string | Buffer>): string => materialiseBase(overrides);

function goalpost(args: string[], cwd = repoRoot): Promise<Result> {
  return runGoalpost(args, { cwd });
}

async function validate(overrides: Record<string, string | Buffer>, extra: string[] = []): Promise<{ result: Result; found: string[] }> {
  const dir = materialise(overrides);
  const result = await goalpost(['validate', dir, '--format', 'json', ...extra]);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  const diagnostics = result.code === 2 ? [] : (JSON.parse(result.stdout) as { code: string; file: string; line: number; column: number }[]);
  return { result, found: diagnostics.map((d) => `${d.code} ${path.relative(dir, d.file)}:${d.line}:${d.column}`) };
}

const goalSet = (goals: string): string => `apiVersion: goalpost/v1\nkind: GoalSet\nteam: marketing\nperiod: 2026-Q4\ngoals:\n${goals}`;
const revenueGoal = (fields: Record<string, string>): string => {
  const all = { id: 'q4-revenue', title: '销售额', kpi: 'revenue', target: '12000000', weight: '60', owner: 'li.wei', ...fields };
  return `  - ${Object.entries(all).map(([k, v]) => `${k}: ${v}`).join('\n    ')}\n  - {id: q4-csat, title: 满意度, kpi: csat, target: 4.5, weight: 40, owner: wang.fang}\n`;
};
const kpis = (extra: string): string =>
  `apiVersion: goalpost/v1\nkind: KpiCatalog\nkpis:\n  revenue: {name: 销售额, unit: CNY, direction: increase, aggregate: sum}\n  market_size: {name: 市场总规模, unit: CNY, aggregate: sum}\n  market_share: {name: 市场份额, unit: percent, direction: increase, formula: revenue / market_size}\n  csat: {name: 满意度, unit: score, direction: increase, aggregate: mean}\n${extra}`;

describe('broken YAML', () => {
  it('a syntax error', async () => {
    const { result, found } = await validate({ 'kpis.yaml': kpis('  bad: {name: x, aggregate: sum\n') });
    expect(result.code).toBe(1);
    // At the brace that is never closed, not where the parser gave up.
    expect(found).toEqual(['yaml-syntax kpis.yaml:8:8']);
  });

  it('tabs for indentation', async () => {
    const { result, found } = await validate({ 'teams/marketing.yaml': 'apiVersion: goalpost/v1\nkind: Team\nid: marketing\nmembers:\n\tli.wei: {name: 李伟}\n' });
    expect(result.code).toBe(1);
    expect(found).toContain('yaml-syntax teams/marketing.yaml:5:1');
  });

  it('duplicate keys', async () => {
    const { found } = await validate({ '2026-Q4/marketing.yaml': goalSet(revenueGoal({ target: '12000000\n    target: 13000000' })) });
    expect(found).toEqual(['duplicate-key 2026-Q4/marketing.yaml:10:5']);
  });

  it('an alias bomb (billion laughs)', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const { result, found } = await validate({ 'bomb.yaml': `apiVersion: goalpost/v1\nkind: Team\n${levels.join('\n')}\n` });
    expect(result.code).toBe(1);
    // At the alias that takes the copies past the limit.
    expect(found).toEqual(['yaml-alias-limit bomb.yaml:7:8']);
  });

  it('deeply nested structures', async () => {
    let nested = '1000';
    for (let i = 0; i < 80; i++) nested = `{target: 1000, breakdown: [{by: region, items: {r${i}: ${nested}}}]}`;
    const deep = goalSet(revenueGoal({ breakdown: `[{by: region, items: {east: ${nested}}}]` }));
    const { result, found } = await validate({ '2026-Q4/marketing.yaml': deep, 'flow.yaml': `${'['.repeat(50_000)}${']'.repeat(50_000)}\n` });
    expect(result.code).toBe(1);
    // Both are refused before anything recurses into them, at the first node too deep.
    const [deepest] = found.filter((f) => f.startsWith('nesting-too-deep 2026-Q4/marketing.yaml:'));
    const [, line, column] = /:(\d+):(\d+)$/.exec(deepest!)!.map(Number) as [number, number, number];
    // On the breakdown line, at a node inside at least 16 levels of flow mappings (65 path segments).
    const text = deep.split('\n')[line - 1]!.slice(0, column - 1);
    expect(line).toBe(12);
    expect(text.split('{').length - text.split('}').length).toBeGreaterThanOrEqual(16);
    expect(found.filter((f) => f.startsWith('nesting-too-deep flow.yaml:1:')).length).toBeGreaterThan(0);
    expect(found.every((f) => f.startsWith('nesting-too-deep'))).toBe(true);
  });

  it('a file over the size limit is refused with a size message (the 50 MB case is in npm run bench)', async () => {
    const { result, found } = await validate({ 'big.yaml': `# ${'x'.repeat(2 * 1024 * 1024)}\n` }, ['--max-file-size', '1']);
    expect(result.code).toBe(1);
    expect(found).toEqual(['file-too-large big.yaml:1:1']);
    expect(result.stdout).toContain('This file is 2 MB, more than the limit of 1 MB');
  });

  it('binary data', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    const { result, found } = await validate({ 'logo.yaml': png });
    expect(result.code).toBe(1);
    expect(found).toEqual(['invalid-encoding logo.yaml:1:1']);
  });

  it('a byte order mark and CRLF line endings keep positions exact', async () => {
    const text = goalSet(revenueGoal({ owner: 'li.wie' })).replace(/\n/g, '\r\n');
    const { found } = await validate({ '2026-Q4/marketing.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) });
    expect(found).toEqual(['unknown-person 2026-Q4/marketing.yaml:11:12']);
  });

  it('bytes that are not UTF-8', async () => {
    const gbk = Buffer.concat([Buffer.from('apiVersion: goalpost/v1\nkind: Team\nname: '), Buffer.from([0xca, 0xd0, 0xb3, 0xa1]), Buffer.from('\n')]);
    const { found } = await validate({ 'teams/gbk.yaml': gbk });
    expect(found).toEqual(['invalid-encoding teams/gbk.yaml:3:7']);
  });
});

describe('broken values', () => {
  it.each([
    ['a string where a number belongs', { target: '"12,000,000"' }, 'wrong-type 2026-Q4/marketing.yaml:9:13'],
    ['NaN', { target: '.nan' }, 'wrong-type 2026-Q4/marketing.yaml:9:13'],
    ['Infinity', { target: '.inf' }, 'wrong-type 2026-Q4/marketing.yaml:9:13'],
    ['1e309', { target: '1e309' }, 'wrong-type 2026-Q4/marketing.yaml:9:13'],
    ['a negative target for money', { target: '-12000000' }, 'negative-target 2026-Q4/marketing.yaml:9:13'],
    ['a weight that is a string', { weight: '"60"' }, 'wrong-type 2026-Q4/marketing.yaml:10:13'],
    ['a date like 2026-13-01', { due: '2026-13-01' }, 'invalid-value 2026-Q4/marketing.yaml:12:10'],
  ])('%s', async (_name, fields, expected) => {
    const { result, found } = await validate({ '2026-Q4/marketing.yaml': goalSet(revenueGoal(fields)) });
    expect(result.code).toBe(1);
    expect(found).toEqual([expected]);
  });

  it('a period like 2026-Q5, and an actuals month like 2026-13', async () => {
    const { found } = await validate({
      '2026-Q4/marketing.yaml': goalSet(revenueGoal({})).replace('period: 2026-Q4', 'period: 2026-Q5'),
      'actuals/actuals.csv': 'period,team,kpi,owner,value\n2026-13,marketing,revenue,zhang.min,1\n',
    });
    expect(found).toEqual(['invalid-value 2026-Q4/marketing.yaml:4:9', 'actuals-period actuals/actuals.csv:2:1']);
  });
});

describe('targets and actuals that no ratio can judge', () => {
  it('an NPS goal with a target of -10 and no baseline', async () => {
    const { result, found } = await validate({
      'kpis.yaml': kpis('  nps: {name: 净推荐值, unit: score, direction: increase, aggregate: mean}\n'),
      '2026-Q4/marketing.yaml': goalSet(revenueGoal({ id: 'q4-nps', title: '净推荐值提升到 -10', kpi: 'nps', target: '-10' })),
    });
    expect(result.code).toBe(1);
    expect(found).toEqual(['target-needs-baseline 2026-Q4/marketing.yaml:9:13']);
  });

  it('a baseline equal to the target', async () => {
    const { result, found } = await validate({ '2026-Q4/marketing.yaml': goalSet(revenueGoal({ baseline: '12000000' })) });
    expect(result.code).toBe(1);
    expect(found).toEqual(['baseline-equals-target 2026-Q4/marketing.yaml:12:15']);
  });

  it('two actual values of 1e308, each refused at its cell', async () => {
    const csv = 'period,team,kpi,owner,value\n2026-10,marketing,revenue,zhang.min,1e308\n2026-11,marketing,revenue,zhang.min,1e308\n';
    const { result, found } = await validate({ 'actuals/actuals.csv': csv });
    expect(result.code).toBe(1);
    expect(found).toEqual(['actuals-value actuals/actuals.csv:2:37', 'actuals-value actuals/actuals.csv:3:37']);
    expect(result.stdout).toContain('1e308 is too large for goalpost to add up exactly');
  });
});

describe('keys named __proto__, constructor and prototype', () => {
  const files = {
    'kpis.yaml': kpis('  __proto__: {name: p, unit: count, direction: increase, aggregate: sum}\n  constructor: {name: c, unit: count, direction: increase, aggregate: sum}\n'),
    'teams/proto.yaml': 'apiVersion: goalpost/v1\nkind: Team\nid: constructor\nname: C\nlead: prototype\nmembers:\n  prototype: {name: P}\n  constructor: {name: Q}\n',
    '2026-Q4/proto.yaml': goalSet(
      '  - {id: prototype, title: t, kpi: __proto__, target: 10, weight: 100, owner: prototype, breakdown: [{by: constructor, items: {__proto__: 5, prototype: 5}}]}\n',
    ).replace('team: marketing', 'team: constructor'),
    'actuals/proto.csv': 'period,team,kpi,owner,constructor,value\n2026-10,constructor,__proto__,prototype,__proto__,3\n',
  };

  it('are ordinary ids: nothing is polluted, and the repository validates, scores and renders', async () => {
    const { diagnostics, model } = validateRepository(baseWith(files));
    expect(diagnostics).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(model.teams.get('constructor')?.members.has('prototype')).toBe(true);
    expect(model.kpis.get('__proto__')?.name).toBe('p');
    const dir = materialise(files);
    const score = await goalpost(['score', dir]);
    expect(score.code).toBe(0);
    const goal = (JSON.parse(score.stdout) as { teams: { team: string; goals: { actual: number; breakdown: { key: string; actual: number | null }[] }[] }[] }).teams.find((t) => t.team === 'constructor')!.goals[0]!;
    expect(goal.actual).toBe(3);
    expect(goal.breakdown.map((b) => [b.key, b.actual])).toEqual([['__proto__', 3], ['prototype', null]]);
    const out = mkdtempSync(path.join(tmpdir(), 'goalpost-proto-out-'));
    const render = await goalpost(['render', dir, '--out', out, '--locale', 'en', '--no-history']);
    expect(render.code).toBe(0);
    const page = readFileSync(path.join(out, 'teams/constructor-2026-Q4.md'), 'utf8');
    expect(page).toContain('↳ by constructor: \\_\\_proto\\_\\_');
    expect(page).not.toContain('function');
  });

  it('as a person id, __proto__ is refused by the id pattern, at its key', async () => {
    const { found } = await validate({ 'teams/proto.yaml': files['teams/proto.yaml'].replace('  constructor: {name: Q}', '  __proto__: {name: Q}') });
    expect(found).toEqual(['invalid-value teams/proto.yaml:8:3']);
  });
});

describe('hostile formulas', () => {
  it.each([
    // "  hostile: {name: h, formula: " is 30 characters: the formula starts at column 31.
    ['unbalanced parentheses', '(revenue - market_size', 'formula-syntax kpis.yaml:8:31'],
    ['an unknown function', 'median(revenue)', 'unknown-function kpis.yaml:8:31'],
    ['constructor.constructor', 'constructor.constructor("alert(1)")()', 'formula-syntax kpis.yaml:8:42'],
    ['a very long expression', Array.from({ length: 3000 }, () => 'revenue').join(' + '), 'formula-syntax kpis.yaml:8:31'],
  ])('%s', async (_name, formula, expected) => {
    const { result, found } = await validate({ 'kpis.yaml': kpis(`  hostile: {name: h, formula: ${formula}}\n`) });
    expect(result.code).toBe(1);
    expect(found).toEqual([expected]);
  });
});

describe('CSV', () => {
  it.each([
    ['a wrong header', 'period,team,kpi,amount\n2026-10,marketing,revenue,1\n', 'actuals-header actuals/actuals.csv:1:1'],
    ['a ragged row', 'period,team,kpi,owner,value\n2026-10,marketing,revenue,zhang.min,1,2\n', 'actuals-row-length actuals/actuals.csv:2:1'],
    ['a quoted comma in a value', 'period,team,kpi,owner,value\n2026-10,marketing,revenue,zhang.min,"1,600,000"\n', 'actuals-value actuals/actuals.csv:2:37'],
    ['an unclosed quote', 'period,team,kpi,owner,value\n2026-10,marketing,revenue,"zhang.min,1\n', 'csv-syntax actuals/actuals.csv:2:27'],
  ])('%s', async (_name, csv, expected) => {
    const { result, found } = await validate({ 'actuals/actuals.csv': csv });
    expect(result.code).toBe(1);
    expect(found).toEqual([expected]);
  });

  it('a cell that starts with = + - or @ is escaped in the CSV goalpost writes', async () => {
    const titles = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)'];
    const goals = titles.map((title, i) => `  - {id: g${i}, title: '${title}', kpi: revenue, target: 10, weight: 25, owner: li.wei}\n`).join('');
    const dir = materialise({ '2026-Q4/marketing.yaml': goalSet(goals) });
    const result = await goalpost(['score', dir, '--format', 'csv']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\r\n');
    expect(lines[0]).toBe('team,period,goal,title,level,by,key,kpi,unit,owner,target,actual,progress,attainment,expected,forecast,forecastAttainment,met,status,weight,score');
    const cells = lines[1]!.split(',');
    expect(cells.slice(0, 5)).toEqual(['marketing', '2026-Q4', 'g0', '"\'=HYPERLINK(""http://x""', '""y"")"']);
    // October's 3.6M against a target of 10: 10/3 expected by October, 3 × 3.6M forecast, capped at 1.2 × 25% in the score
    const numbers = cells.slice(5 + 6, 5 + 6 + 8);
    expect(numbers.slice(0, 2)).toEqual(['10', '3600000']);
    expect(Number(numbers[2])).toBeCloseTo(3_600_000 / 10, 6);
    expect(Number(numbers[3])).toBeCloseTo(3_600_000 / (10 / 3), 6);
    expect(Number(numbers[4])).toBeCloseTo(10 / 3, 12);
    expect(Number(numbers[5])).toBeCloseTo(3_600_000 * 3, 6);
    expect(Number(numbers[6])).toBeCloseTo((3_600_000 * 3) / 10, 6);
    expect(cells.slice(5 + 6 + 7)).toEqual(['', 'on-track', '25', '0.3']);
    expect(lines.slice(2, 5).map((line) => line.split(',')[3])).toEqual(["'+1+1", "'-2+3", "'@SUM(A1)"]);
  });
});

describe('paths', () => {
  it('refuses an output folder that is the goals folder', async () => {
    const dir = materialise({});
    const result = await goalpost(['render', dir, '--out', dir]);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe(`goalpost: The output folder "${dir}" is the goals folder itself; write the scorecards somewhere else.\n`);
  });

  it('refuses an output folder with a link that leads outside it', async () => {
    const dir = materialise({});
    const out = mkdtempSync(path.join(tmpdir(), 'goalpost-out-'));
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'goalpost-elsewhere-'));
    symlinkSync(elsewhere, path.join(out, 'teams'));
    const result = await goalpost(['render', dir, '--out', out, '--no-history']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`goalpost: Refusing to write into teams: it leads outside "${out}" through a symbolic link.\n`);
  });

  it('refuses a template that is a link to a file outside the template folder', async () => {
    const dir = materialise({});
    const templates = mkdtempSync(path.join(tmpdir(), 'goalpost-templates-'));
    symlinkSync('/etc/hostname', path.join(templates, 'team.md.hbs'));
    const result = await goalpost(['render', dir, '--out', mkdtempSync(path.join(tmpdir(), 'goalpost-out-')), '--template', templates]);
    expect(result).toMatchObject({ code: 2, stderr: `goalpost: Cannot read the templates in "${templates}": team.md.hbs is a link to a file outside the template folder.\n` });
  });
});
