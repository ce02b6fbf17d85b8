import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceDefinition } from '../../src/model/model.js';
import { connectSource } from '../../src/sources/connect.js';
import { SourceError, type Source } from '../../src/sources/source.js';
import { onTestServer, schemaName, testPostgres } from '../helpers/postgres.js';

const server = await testPostgres();
const warehouse = { name: 'warehouse', type: 'postgres', url: '${env:GOALPOST_WAREHOUSE_URL}' } as unknown as SourceDefinition;
const november = { month: '2026-11', start: '2026-11-01', end: '2026-11-30' };
const timeout = { timeoutMs: 30_000 };
const schema = schemaName('goalpost_sources');

describe.skipIf(server.url === undefined && !server.required)(`the PostgreSQL source${server.missing ? ` (skipped: ${server.missing})` : ''}`, () => {
  let url: string;
  let source: Source;

  beforeAll(async () => {
    if (server.url === undefined) throw new Error(server.missing);
    url = server.url;
    await onTestServer(url, async (client) => {
      await client.query(`create schema ${schema}`);
      await client.query(`create table ${schema}.orders (ordered_at date, team text, owner text, amount numeric(18, 2))`);
      await client.query(
        `insert into ${schema}.orders values ('2026-10-31', 'marketing', 'zhang.min', 5), ('2026-11-01', 'marketing', 'zhang.min', 1750000.10), ('2026-11-30', 'marketing', 'wang.fang', 2300000), ('2026-12-01', 'marketing', 'wang.fang', 7)`,
      );
    });
    source = await connectSource(warehouse, { GOALPOST_WAREHOUSE_URL: url }, '/nonexistent', timeout);
  });

  afterAll(async () => {
    await source?.close();
    if (server.url !== undefined) await onTestServer(server.url, (client) => client.query(`drop schema if exists ${schema} cascade`));
  });

  it('binds $month, $start and $end, and hands over NUMERIC digit for digit and BIGINT as bigint', async () => {
    const rows = await source.run(
      `select team, owner, sum(amount) as value, count(*) as orders, $month as month from ${schema}.orders where ordered_at between $start and $end and to_char(ordered_at, 'YYYY-MM') = $month group by team, owner order by owner`,
      november,
      timeout,
    );
    expect(rows).toEqual([
      { team: 'marketing', owner: 'wang.fang', value: { decimal: '2300000.00' }, orders: 1n, month: '2026-11' },
      { team: 'marketing', owner: 'zhang.min', value: { decimal: '1750000.10' }, orders: 1n, month: '2026-11' },
    ]);
  });

  it('leaves $month in strings, quoted names, dollar quotes and comments to PostgreSQL, as it reads them', async () => {
    const rows = await source.run(
      `select 'costs $month' as a, E'\\' $end' as b, $$ $start $$ as c, $tag$ $month $tag$ as d, 1.5::float8 as "e$month" -- $end\n/* $start /* nested */ $end */ , $month as month`,
      november,
      timeout,
    );
    expect(rows).toEqual([{ a: 'costs $month', b: "' $end", c: ' $start ', d: ' $month ', e$month: 1.5, month: '2026-11' }]);
  });

  it('runs every query read-only: a query that writes fails and writes nothing', async () => {
    await expect(source.run(`insert into ${schema}.orders values ($start::date, 'x', 'y', 1) returning team`, november, timeout)).rejects.toThrow(
      new SourceError('cannot execute INSERT in a read-only transaction'),
    );
    const count = await onTestServer(url, (client) => client.query(`select count(*)::int as n from ${schema}.orders`));
    expect(count.rows).toEqual([{ n: 4 }]);
  });

  it('stops a query at the timeout, and the connection stays usable', async () => {
    const started = performance.now();
    const error = await source.run("select 'marketing' as team, 1 as value from pg_sleep(5)", november, { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'timeout', message: 'it did not finish within 0.3 s.' });
    expect(performance.now() - started).toBeLessThan(4000);
    expect(await source.run("select 'marketing' as team, 1 as value", november, timeout)).toEqual([{ team: 'marketing', value: 1 }]);
  });

  it('reports errors without any secret of the URL, even when the server repeats one', async () => {
    // The password is also the name of the database asked for, and the server names that database in its error.
    const echoing = url.replace(/:\/\/([^:]+):([^@]+)@([^/]+)\/.*$/, '://$1:$2@$3/$2');
    const password = /:\/\/[^:]+:([^@]+)@/.exec(url)![1]!;
    const error = await connectSource(warehouse, { GOALPOST_WAREHOUSE_URL: echoing }, '/', timeout).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toBe('database "***" does not exist');
    expect((error as Error).message).not.toContain(password);

    const wrongPassword = url.replace(/:\/\/([^:]+):[^@]+@/, '://$1:not-the-password@');
    const refused = (await connectSource(warehouse, { GOALPOST_WAREHOUSE_URL: wrongPassword }, '/', timeout).catch((e: unknown) => e)) as Error;
    expect(refused.message).toMatch(/^password authentication failed for user "/);
    expect(refused.message).not.toContain('not-the-password');
  });

  it('reports a server that does not answer, and one that is not there', async () => {
    const closed = url.replace(/@[^/]+\//, '@127.0.0.1:1/');
    await expect(connectSource(warehouse, { GOALPOST_WAREHOUSE_URL: closed }, '/', timeout)).rejects.toThrow(new SourceError('connect ECONNREFUSED 127.0.0.1:1'));
  });
});
