import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import { writeFileIn } from '../helpers/executable.js';
import { fixtureFiles } from '../helpers/fixtures.js';
import { onTestServer, schemaName, testPostgres } from '../helpers/postgres.js';

const server = await testPostgres();
const schema = schemaName('goalpost_pull');
const folders: string[] = [];

const settings = `apiVersion: goalpost/v1
kind: Settings
sources:
  warehouse: {type: postgres, url: "\${env:GOALPOST_WAREHOUSE_URL}"}
`;

const catalog = `apiVersion: goalpost/v1
kind: KpiCatalog
kpis:
  revenue:
    name: 销售额
    unit: CNY
    direction: increase
    aggregate: sum
    source: {from: warehouse, file: queries/revenue.sql}
  market_size: {name: 市场总规模, unit: CNY, aggregate: sum}
  market_share: {name: 市场份额, unit: percent, direction: increase, formula: revenue / market_size}
  csat: {name: 客户满意度得分, unit: score, direction: increase, aggregate: mean}
`;

function project(): string {
  const cwd = mkdtempSync(path.join(tmpdir(), 'goalpost-pull-pg-'));
  folders.push(cwd);
  for (const file of fixtureFiles('base')) writeFileIn(cwd, `goals/${file.path}`, file.bytes);
  writeFileIn(cwd, 'goals/goalpost.yaml', settings);
  writeFileIn(cwd, 'goals/kpis.yaml', catalog);
  writeFileIn(
    cwd,
    'goals/queries/revenue.sql',
    `-- The month's orders by owner; $month in this comment and in 'a $month string' is not a parameter.
select team, owner, sum(amount) as value
from ${schema}.orders
where ordered_at between $start and $end and to_char(ordered_at, 'YYYY-MM') = $month and note <> 'a $month string'
group by team, owner
`,
  );
  return cwd;
}

async function run(cwd: string, args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await cli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, env, cwd });
  return { code, stdout, stderr };
}

describe.skipIf(server.url === undefined && !server.required)(`goalpost pull from PostgreSQL${server.missing ? ` (skipped: ${server.missing})` : ''}`, () => {
  let url: string;

  beforeAll(async () => {
    if (server.url === undefined) throw new Error(server.missing);
    url = server.url;
    await onTestServer(url, async (client) => {
      await client.query(`create schema ${schema}`);
      await client.query(`create table ${schema}.orders (ordered_at date, team text, owner text, amount numeric(18, 4), note text default '')`);
      // The table that a team name below would drop, were it ever pasted into SQL.
      await client.query(`create table ${schema}.t (id int)`);
      await client.query(
        `insert into ${schema}.orders (ordered_at, team, owner, amount) values
          ('2026-11-02', 'marketing', 'zhang.min', 1000000.1250), ('2026-11-20', 'marketing', 'zhang.min', 750000),
          ('2026-11-15', 'marketing', 'wang.fang', 2300000), ('2026-10-31', 'marketing', 'wang.fang', 5),
          ('2026-12-01', 'x''; drop table ${schema}.t; --', 'wang.fang', 1)`,
      );
    });
  });

  afterAll(async () => {
    if (server.url !== undefined) await onTestServer(server.url, (client) => client.query(`drop schema if exists ${schema} cascade`));
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('pulls a month with its parameters bound, NUMERIC written exactly and plainly', async () => {
    const cwd = project();
    const result = await run(cwd, ['pull', 'goals', '--month', '2026-11'], { GOALPOST_WAREHOUSE_URL: url });
    expect(result).toEqual({ code: 0, stdout: 'Wrote goals/actuals/pulled/2026-11.csv: 2 rows (2 added).\n', stderr: '' });
    expect(readFileSync(path.join(cwd, 'goals/actuals/pulled/2026-11.csv'), 'utf8')).toBe(
      'period,team,kpi,value,owner\n2026-11,marketing,revenue,2300000,wang.fang\n2026-11,marketing,revenue,1750000.125,zhang.min\n',
    );
  });

  it("takes a team named x'; drop table t; -- as data: the row does not validate, nothing is written, the table is still there", async () => {
    const cwd = project();
    const result = await run(cwd, ['pull', 'goals', '--month', '2026-12'], { GOALPOST_WAREHOUSE_URL: url });
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'goalpost: the pulled rows do not fit the goals, so nothing was written:',
      `  revenue from warehouse, 2026-12, returned team "x'; drop table ${schema}.t; --", owner "wang.fang", value 1.0000:`,
    ]);
    // The message quotes the first 40 characters of the team name.
    expect(lines[2]).toBe(`    goals/actuals/pulled/2026-12.csv:2:9 error unknown-team Team "${`x'; drop table ${schema}.t; --`.slice(0, 39)}…" has no team file.`);
    expect(lines.slice(3)).toEqual(['']);
    expect(existsSync(path.join(cwd, 'goals/actuals/pulled'))).toBe(false);
    const tables = await onTestServer(url, (client) => client.query('select table_name from information_schema.tables where table_schema = $1 order by 1', [schema]));
    expect(tables.rows).toEqual([{ table_name: 'orders' }, { table_name: 't' }]);
  });

  it('reports a server that refuses the connection without the password, and writes nothing', async () => {
    const cwd = project();
    const closed = url.replace(/@[^/]+\//, '@127.0.0.1:1/');
    const password = /:\/\/[^:]+:([^@]+)@/.exec(url)![1]!;
    const result = await run(cwd, ['pull', 'goals', '--month', '2026-11'], { GOALPOST_WAREHOUSE_URL: closed });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'goalpost: warehouse: cannot connect: connect ECONNREFUSED 127.0.0.1:1. Nothing was pulled from it (revenue); the files of the months asked for are left as they were.\n',
    });
    expect(result.stderr).not.toContain(password);
    expect(existsSync(path.join(cwd, 'goals/actuals/pulled'))).toBe(false);
  });

  it('reports a query that fails, without any part of the URL, and one whose environment variable is not set', async () => {
    const cwd = project();
    writeFileIn(cwd, 'goals/queries/revenue.sql', `select team, amount as value from ${schema}.missing where ordered_at between $start and $end`);
    const failed = await run(cwd, ['pull', 'goals', '--month', '2026-11'], { GOALPOST_WAREHOUSE_URL: url });
    expect(failed).toEqual({
      code: 1,
      stdout: '',
      stderr: `goalpost: revenue from warehouse, 2026-11: the query failed: relation "${schema}.missing" does not exist. goals/actuals/pulled/2026-11.csv is left as it was.\n`,
    });
    const unset = await run(cwd, ['pull', 'goals', '--month', '2026-11'], {});
    expect(unset.stderr).toBe(
      'goalpost: warehouse: cannot connect: the environment variable GOALPOST_WAREHOUSE_URL, which holds the URL of the source "warehouse", is not set. Set it (in CI, from a secret) and run again. Nothing was pulled from it (revenue); the files of the months asked for are left as they were.\n',
    );
    expect(existsSync(path.join(cwd, 'goals/actuals/pulled'))).toBe(false);
  });
});
