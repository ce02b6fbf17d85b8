import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceDefinition } from '../../src/model/model.js';
import { connectSource } from '../../src/sources/connect.js';
import { SourceError, type Source } from '../../src/sources/source.js';

const definition = { name: 'exports', type: 'duckdb', url: undefined } as unknown as SourceDefinition;
const november = { month: '2026-11', start: '2026-11-01', end: '2026-11-30' };
const timeout = { timeoutMs: 30_000 };

let root: string;
let goals: string;
let source: Source;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'goalpost-duckdb-'));
  goals = path.join(root, 'goals');
  mkdirSync(path.join(goals, 'exports'), { recursive: true });
  writeFileSync(
    path.join(goals, 'exports/orders.tsv'),
    'ordered_at\tteam\towner\tamount\n2026-10-31\tmarketing\tzhang.min\t5\n2026-11-01\tmarketing\tzhang.min\t100.25\n2026-11-30\tmarketing\twang.fang\t200\n2026-12-01\tmarketing\twang.fang\t7\n',
  );
  source = await connectSource(definition, {}, goals, timeout);
});

afterAll(async () => {
  await source.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the DuckDB source', () => {
  it('reads files relative to the goals folder, with the month bound as $month, $start and $end', async () => {
    const rows = await source.run(
      "select team, owner, sum(amount) as value, $month as month from read_csv('exports/orders.tsv') where ordered_at between $start and $end group by all order by owner",
      november,
      timeout,
    );
    expect(rows).toEqual([
      { team: 'marketing', owner: 'wang.fang', value: 200, month: '2026-11' },
      { team: 'marketing', owner: 'zhang.min', value: 100.25, month: '2026-11' },
    ]);
  });

  it('finds them there even when the working directory has a file of the same name, and leaves the working directory as it was', async () => {
    const decoy = path.join(root, 'elsewhere');
    mkdirSync(path.join(decoy, 'exports'), { recursive: true });
    writeFileSync(path.join(decoy, 'exports/orders.tsv'), 'ordered_at\tteam\towner\tamount\n2026-11-02\tdecoy\tnobody\t1\n');
    const previous = process.cwd();
    process.chdir(decoy);
    try {
      const rows = await source.run("select distinct team from read_csv('exports/orders.tsv')", november, timeout);
      expect(rows).toEqual([{ team: 'marketing' }]);
      expect(process.cwd()).toBe(decoy);
    } finally {
      process.chdir(previous);
    }
  });

  it('hands over BIGINT and HUGEINT as bigint, DECIMAL digit for digit, DOUBLE as a number, and Parquet files the same', async () => {
    const query = `select 'marketing' as team, 9007199254740993::bigint as big, 170141183460469231731687303715884105727::hugeint as huge,
      1750000.10::decimal(18,2) as money, 12345678901234567890.123::decimal(38,3) as wide, 0.1::double + 0.2::double as double, null as nothing`;
    const expected = {
      team: 'marketing',
      big: 9007199254740993n,
      huge: 170141183460469231731687303715884105727n,
      money: { decimal: '1750000.10' },
      wide: { decimal: '12345678901234567890.123' },
      double: 0.30000000000000004,
      nothing: null,
    };
    expect(await source.run(query, november, timeout)).toEqual([expected]);
    // goalpost runs no COPY (it only runs queries): the test makes the Parquet file with DuckDB directly.
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`copy (${query}) to '${path.join(goals, 'exports/types.parquet')}' (format parquet)`);
    connection.closeSync();
    instance.closeSync();
    // Parquet has no 128-bit integers: DuckDB writes HUGEINT as a double, the rest as it is.
    const { huge, ...inParquet } = expected;
    expect(await source.run("select * from read_parquet('exports/types.parquet')", november, timeout)).toEqual([{ ...inParquet, huge: Number(huge) }]);
  });

  it('runs queries only: a statement that writes or attaches is refused before it runs', async () => {
    const target = path.join(goals, 'exports/copied.csv');
    await expect(source.run(`copy (select 1 as a) to '${target}'`, november, timeout)).rejects.toThrow(
      new SourceError('it is not a query: goalpost only runs SELECT statements (with, from, select ...).'),
    );
    await expect(source.run("attach 'other.duckdb'", november, timeout)).rejects.toThrow(/it is not a query/);
  });

  it('refuses a parameter other than $month, $start and $end', async () => {
    await expect(source.run('select $region as team', november, timeout)).rejects.toThrow(new SourceError('it uses the parameter $region; the parameters are $month, $start and $end.'));
  });

  it('reports a missing file and a syntax error in DuckDB’s words', async () => {
    await expect(source.run("select * from read_csv('exports/missing.csv')", november, timeout)).rejects.toThrow(/No files found that match the pattern "exports\/missing.csv"/);
    await expect(source.run('selec team', november, timeout)).rejects.toThrow(/syntax error at or near "selec"/);
  });

  it('stops a query that takes longer than the timeout, and stays usable', async () => {
    const started = performance.now();
    const error = await source.run('select count(*) as value from range(10000000000) a, range(100) b', november, { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ reason: 'timeout', message: 'it did not finish within 0.2 s.' });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(await source.run("select 'marketing' as team, 1 as value", november, timeout)).toEqual([{ team: 'marketing', value: 1 }]);
  });
});
