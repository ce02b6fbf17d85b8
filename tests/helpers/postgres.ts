import pg from 'pg';

/**
 * The PostgreSQL server of the tests, at GOALPOST_TEST_PG_URL (CI starts one
 * with scripts/start-test-postgres.sh). Without it the tests that need it are
 * skipped, saying how to start one; under CI=true they run and fail instead,
 * so that a CI that lost its server cannot pass by skipping them.
 */
export interface TestPostgres {
  url: string | undefined;
  /** Why there is no server, when there is none. */
  missing: string | undefined;
  /** Whether the tests must run even without a server (and then fail). */
  required: boolean;
}

const howToStart = 'start one with `export GOALPOST_TEST_PG_URL="$(bash scripts/start-test-postgres.sh)"`';

export async function testPostgres(): Promise<TestPostgres> {
  const required = process.env['CI'] === 'true';
  const url = process.env['GOALPOST_TEST_PG_URL'];
  if (url === undefined || url === '') return { url: undefined, missing: `GOALPOST_TEST_PG_URL is not set; ${howToStart}`, required };
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
    return { url, missing: undefined, required };
  } catch (error) {
    return { url: undefined, missing: `PostgreSQL at GOALPOST_TEST_PG_URL does not answer (${(error as Error).message}); ${howToStart}`, required };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs SQL as the test's own setup, outside goalpost (which only ever reads). */
export async function onTestServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A schema of its own for a test file, so that test files never see each other's tables. */
export function schemaName(prefix: string): string {
  return `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
}
