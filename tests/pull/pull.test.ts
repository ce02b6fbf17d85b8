import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import { readGoalFiles } from '../../src/load/read-directory.js';
import { validateRepository } from '../../src/validate.js';
import { writeFileIn } from '../helpers/executable.js';
import { fixtureFiles } from '../helpers/fixtures.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const settings = `apiVersion: goalpost/v1
kind: Settings
sources:
  exports: {type: duckdb}
`;

const catalog = (csatQuery = "select team, score as value from read_parquet('exports/surveys.parquet') where month = $month"): string => `apiVersion: goalpost/v1
kind: KpiCatalog
kpis:
  revenue:
    name: 销售额
    unit: CNY
    direction: increase
    aggregate: sum
    source: {from: exports, file: queries/revenue.sql}
  market_size: {name: 市场总规模, unit: CNY, aggregate: sum}
  market_share: {name: 市场份额, unit: percent, direction: increase, formula: revenue / market_size}
  csat:
    name: 客户满意度得分
    unit: score
    direction: increase
    aggregate: mean
    source: {from: exports, query: ${JSON.stringify(csatQuery)}}
`;

/** The orders export lies outside the goals folder (every .csv inside it is actuals): the query reaches it as ../exports/orders.csv. */
const revenueQuery = `-- The month's orders by owner.
select team, owner, sum(amount::decimal(18, 2)) as value
from read_csv('../exports/orders.csv')
where ordered_at::date between $start and $end
group by all
`;

const orders = `ordered_at,team,owner,amount
2026-12-03,marketing,wang.fang,1200000
2026-11-02,marketing,zhang.min,1000000.50
2026-11-20,marketing,zhang.min,750000
2026-11-15,marketing,wang.fang,2300000
2026-10-30,marketing,zhang.min,999
2026-12-10,marketing,zhang.min,1800000.25
2026-12-31,marketing,wang.fang,300000
2027-01-01,marketing,wang.fang,1
`;

/** A folder with goals/ (tests/fixtures/base with sources) and exports/ beside it; returns the folder, the working directory of the runs. */
async function project(files: Record<string, string> = {}): Promise<string> {
  const cwd = mkdtempSync(path.join(tmpdir(), 'goalpost-pull-'));
  folders.push(cwd);
  for (const file of fixtureFiles('base')) writeFileIn(cwd, `goals/${file.path}`, file.bytes);
  const all: Record<string, string> = { 'goals/goalpost.yaml': settings, 'goals/kpis.yaml': catalog(), 'goals/queries/revenue.sql': revenueQuery, 'exports/orders.csv': orders, ...files };
  for (const [file, text] of Object.entries(all)) writeFileIn(cwd, file, text);
  // The survey results are a Parquet file with exact decimals, made by DuckDB.
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const parquet = path.join(cwd, 'goals/exports/surveys.parquet');
  writeFileIn(cwd, 'goals/exports/.keep', '');
  await connection.run(`copy (select * from (values ('2026-11', 'marketing', 4.4::decimal(3, 1)), ('2026-12', 'marketing', 4.60::decimal(4, 2))) surveys(month, team, score)) to '${parquet}' (format parquet)`);
  connection.closeSync();
  instance.closeSync();
  return cwd;
}

async function run(cwd: string, args: string[], options: { isTTY?: boolean; env?: Record<string, string> } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await cli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: options.isTTY ?? false, env: options.env ?? {}, cwd });
  return { code, stdout, stderr };
}

const read = (cwd: string, file: string): string => readFileSync(path.join(cwd, file), 'utf8');
const pulled = (cwd: string): string[] => (existsSync(path.join(cwd, 'goals/actuals/pulled')) ? readdirSync(path.join(cwd, 'goals/actuals/pulled')).sort() : []);

const november = `period,team,kpi,value,owner
2026-11,marketing,csat,4.4,
2026-11,marketing,revenue,2300000,wang.fang
2026-11,marketing,revenue,1750000.5,zhang.min
`;
const december = `period,team,kpi,value,owner
2026-12,marketing,csat,4.6,
2026-12,marketing,revenue,1500000,wang.fang
2026-12,marketing,revenue,1800000.25,zhang.min
`;

describe('goalpost pull', () => {
  it('writes one sorted file per month, with the numbers written plainly, that validates with the goals', async () => {
    const cwd = await project();
    const result = await run(cwd, ['pull', 'goals', '--month', '2026-12', '--month', '2026-11']);
    expect(result).toEqual({
      code: 0,
      stdout: 'Wrote goals/actuals/pulled/2026-11.csv: 3 rows (3 added).\nWrote goals/actuals/pulled/2026-12.csv: 3 rows (3 added).\n',
      stderr: '',
    });
    expect(pulled(cwd)).toEqual(['2026-11.csv', '2026-12.csv']);
    expect(read(cwd, 'goals/actuals/pulled/2026-11.csv')).toBe(november);
    expect(read(cwd, 'goals/actuals/pulled/2026-12.csv')).toBe(december);
    expect(validateRepository(await readGoalFiles('goals', cwd)).diagnostics).toEqual([]);
  });

  it('changes nothing when pulled again from the same data: same bytes, same modification time', async () => {
    const cwd = await project();
    await run(cwd, ['pull', 'goals', '--month', '2026-11', '--month', '2026-12']);
    const file = path.join(cwd, 'goals/actuals/pulled/2026-11.csv');
    const before = { text: readFileSync(file), mtime: statSync(file).mtimeMs };
    const again = await run(cwd, ['pull', 'goals', '--month', '2026-11', '--month', '2026-12']);
    expect(again).toEqual({ code: 0, stdout: 'goals/actuals/pulled/2026-11.csv is up to date (3 rows).\ngoals/actuals/pulled/2026-12.csv is up to date (3 rows).\n', stderr: '' });
    expect(readFileSync(file).equals(before.text)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(before.mtime);
    expect(readdirSync(path.join(cwd, 'goals/actuals/pulled'))).toEqual(['2026-11.csv', '2026-12.csv']);
  });

  it('shows with --dry-run the rows each month would gain, change and lose, and writes nothing', async () => {
    const cwd = await project();
    await run(cwd, ['pull', 'goals', '--month', '2026-11', '--month', '2026-12']);
    // A corrected order, a new one by another member of the team, and December's of zhang.min withdrawn.
    writeFileSync(
      path.join(cwd, 'exports/orders.csv'),
      orders.replace('2026-11-15,marketing,wang.fang,2300000', '2026-11-15,marketing,wang.fang,2310000').replace('2026-12-10,marketing,zhang.min,1800000.25\n', '') + '2026-11-21,marketing,li.wei,80000\n',
    );
    const files = ['2026-11.csv', '2026-12.csv'].map((name) => path.join(cwd, 'goals/actuals/pulled', name));
    const mtimes = files.map((file) => statSync(file).mtimeMs);
    const result = await run(cwd, ['pull', 'goals', '--month', '2026-11', '--month', '2026-12', '--month', '2027-01', '--dry-run']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'goals/actuals/pulled/2026-11.csv would be changed: 1 added, 1 changed.',
        '  added    marketing revenue owner=li.wei: 80000',
        '  changed  marketing revenue owner=wang.fang: 2300000 → 2310000',
        'goals/actuals/pulled/2026-12.csv would be changed: 1 removed.',
        '  removed  marketing revenue owner=zhang.min: 1800000.25',
        'goals/actuals/pulled/2027-01.csv would be created: 1 added.',
        '  added    marketing revenue owner=wang.fang: 1',
        'Nothing was written (--dry-run).',
        '',
      ].join('\n'),
    );
    expect(read(cwd, 'goals/actuals/pulled/2026-11.csv')).toBe(november);
    expect(read(cwd, 'goals/actuals/pulled/2026-12.csv')).toBe(december);
    expect(files.map((file) => statSync(file).mtimeMs)).toEqual(mtimes);
    expect(pulled(cwd)).toEqual(['2026-11.csv', '2026-12.csv']);
  });

  it('keeps the rows of the KPIs it does not pull, and removes those of a KPI that no longer has any', async () => {
    const cwd = await project();
    await run(cwd, ['pull', 'goals', '--month', '2026-11']);
    writeFileSync(path.join(cwd, 'exports/orders.csv'), 'ordered_at,team,owner,amount\n');
    const result = await run(cwd, ['pull', 'goals', '--month', '2026-11', '--kpi', 'revenue']);
    expect(result).toEqual({ code: 0, stdout: 'Wrote goals/actuals/pulled/2026-11.csv: 1 row (2 removed).\n', stderr: '' });
    expect(read(cwd, 'goals/actuals/pulled/2026-11.csv')).toBe('period,team,kpi,value\n2026-11,marketing,csat,4.4\n');
  });

  it('reports a query that fails with its source and KPI, and leaves the file of its month as it was', async () => {
    const cwd = await project();
    await run(cwd, ['pull', 'goals', '--month', '2026-11']);
    writeFileIn(cwd, 'goals/kpis.yaml', catalog("select team, score as value from read_parquet('exports/survey.parquet') where month = $month"));
    writeFileSync(path.join(cwd, 'exports/orders.csv'), orders.replace('2300000', '2400000'));
    const result = await run(cwd, ['pull', 'goals', '--month', '2026-11']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^goalpost: csat from exports, 2026-11: the query failed: IO Error: No files found that match the pattern "exports\/survey.parquet" .* goals\/actuals\/pulled\/2026-11.csv is left as it was.\n$/,
    );
    expect(read(cwd, 'goals/actuals/pulled/2026-11.csv')).toBe(november);

    writeFileIn(cwd, 'goals/queries/revenue.sql', 'selec team, amount as value from orders');
    const syntax = await run(cwd, ['pull', 'goals', '--month', '2026-12', '--kpi', 'revenue']);
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toMatch(/^goalpost: revenue from exports, 2026-12: the query failed: Parser Error: syntax error at or near "selec" .* goals\/actuals\/pulled\/2026-12.csv is left as it was.\n$/);
    expect(pulled(cwd)).toEqual(['2026-11.csv']);
  });

  it('stops a query at --timeout, and writes nothing for its month', async () => {
    const cwd = await project({ 'goals/kpis.yaml': catalog("select 'marketing' as team, count(*) as value from range(10000000000) a, range(100) b where $month <> ''") });
    const started = performance.now();
    const result = await run(cwd, ['pull', 'goals', '--month', '2026-11', '--timeout', '0.2']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'goalpost: csat from exports, 2026-11: the query did not finish within 0.2 s (--timeout). goals/actuals/pulled/2026-11.csv is left as it was.\n',
    });
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(pulled(cwd)).toEqual([]);
  });

  it('writes nothing when a row would not validate, and shows the query that returned it', async () => {
    const cwd = await project({
      'exports/orders.csv': `${orders}2026-11-05,marketing,zhao.lei,10\n2026-11-06,markting,wang.fang,20\n2026-10-05,marketing,wang.fang,2000000\n`,
      'goals/kpis.yaml': catalog("select team, case when month = '2026-11' then 'n/a' else score::varchar end as value from read_parquet('exports/surveys.parquet') where month = $month"),
    });
    const result = await run(cwd, ['pull', 'goals', '--month', '2026-10', '--month', '2026-11']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      [
        'goalpost: the pulled rows do not fit the goals, so nothing was written:',
        '  csat from exports, 2026-11, returned team "marketing", value "n/a":',
        '    the value is the text "n/a", not a number; cast it in the query if it holds one',
        '  revenue from exports, 2026-10, returned team "marketing", owner "wang.fang", value 2000000.00:',
        '    goals/actuals/pulled/2026-10.csv:2:1 error duplicate-actual This row repeats goals/actuals/actuals.csv:3 (2026-10, marketing, revenue, owner wang.fang); keep one value for each.',
        '  revenue from exports, 2026-10, returned team "marketing", owner "zhang.min", value 999.00:',
        '    goals/actuals/pulled/2026-10.csv:3:1 error duplicate-actual This row repeats goals/actuals/actuals.csv:2 (2026-10, marketing, revenue, owner zhang.min); keep one value for each.',
        '  revenue from exports, 2026-11, returned team "marketing", owner "zhao.lei", value 10.00:',
        '    goals/actuals/pulled/2026-11.csv:4:30 error unknown-person "zhao.lei" is not a member of team "marketing".',
        '  revenue from exports, 2026-11, returned team "markting", owner "wang.fang", value 20.00:',
        '    goals/actuals/pulled/2026-11.csv:5:9 error unknown-team Team "markting" has no team file. Did you mean "marketing"?',
        '',
      ].join('\n'),
    );
    expect(pulled(cwd)).toEqual([]);
  });

  it('prints values from the data as text: a line break in a team name never starts a line', async () => {
    const cwd = await project({ 'exports/orders.csv': `${orders}2026-11-05,"marketing\n::error::injected",wang.fang,10\n` });
    const result = await run(cwd, ['pull', 'goals', '--month', '2026-11', '--kpi', 'revenue']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('returned team "marketing\\n::error::injected", owner "wang.fang", value 10.00:');
    expect(result.stderr.split('\n').filter((line) => line.startsWith('::'))).toEqual([]);
    expect(pulled(cwd)).toEqual([]);
  });

  it('shows each query as it runs on a terminal', async () => {
    const cwd = await project();
    const result = await run(cwd, ['pull', 'goals', '--month', '2026-11'], { isTTY: true });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^revenue from exports, 2026-11 … 2 rows in \d+\.\d s\ncsat from exports, 2026-11 … 1 row in \d+\.\d s\n$/);
  });

  it('refuses a repository with errors, as score does', async () => {
    const cwd = await project({ 'goals/kpis.yaml': catalog().replace('from: exports, file', 'from: export, file') });
    const result = await run(cwd, ['pull', 'goals', '--month', '2026-11']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('unknown-source KPI "revenue" takes its numbers from "export", which is not a source of the settings. Did you mean "exports"?');
    expect(result.stderr).toContain('goalpost: fix the errors above first.');
    expect(pulled(cwd)).toEqual([]);
  });

  it.each([
    [['pull', 'goals'], 'goalpost: Say which month to pull: --month 2026-11 (repeat it for more months).\n'],
    [['pull', 'goals', '--month', '2026-11', '--kpi', 'revenu'], 'goalpost: --kpi revenu: there is no KPI "revenu" in the KPI catalog. Did you mean "revenue"?\n'],
    [['pull', 'goals', '--month', '2026-11', '--kpi', 'market_size'], 'goalpost: --kpi market_size: KPI "market_size" has no source; its actuals are written by hand.\n'],
    [['pull', 'goals', '--month', '2026-11', '--from', 'warehouse'], 'goalpost: --from warehouse: the settings define no source "warehouse".\n'],
  ])('refuses %j as a usage error', async (args, message) => {
    const cwd = await project();
    expect(await run(cwd, args)).toEqual({ code: 2, stdout: '', stderr: message });
  });

  it('refuses a month that is not one', async () => {
    const cwd = await project();
    const result = await run(cwd, ['pull', 'goals', '--month', '2026-13']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("option '--month <month>' argument '2026-13' is invalid. It must be a month, YYYY-MM (for example 2026-11).");
  });
});
