import { describe, expect, it } from 'vitest';
import type { SourceDefinition } from '../../src/model/model.js';
import { redact, resolveUrl, secretsOf } from '../../src/sources/secrets.js';
import { SourceError } from '../../src/sources/source.js';

const warehouse = { name: 'warehouse', type: 'postgres', url: '${env:GOALPOST_WAREHOUSE_URL}' } as unknown as SourceDefinition;

describe('the secrets of a source', () => {
  it('come from the environment variable its url names', () => {
    expect(resolveUrl(warehouse, { GOALPOST_WAREHOUSE_URL: 'postgres://u:p@h/db' })).toBe('postgres://u:p@h/db');
    expect(() => resolveUrl(warehouse, {})).toThrow(
      new SourceError('the environment variable GOALPOST_WAREHOUSE_URL, which holds the URL of the source "warehouse", is not set. Set it (in CI, from a secret) and run again.'),
    );
  });

  it('are the URL, its user and password as written and decoded, and password parameters', () => {
    const env = { GOALPOST_WAREHOUSE_URL: 'postgres://analyst:p%40ss%2Fword@db.internal:5432/sales?password=other-secret' };
    expect(secretsOf(warehouse, env)).toEqual([env.GOALPOST_WAREHOUSE_URL, 'analyst:p%40ss%2Fword', 'p%40ss%2Fword', 'other-secret', 'p@ss/word']);
  });

  it('never reach a message, however a driver quotes them', () => {
    const url = 'postgres://analyst:p%40ss%2Fword@db.internal:5432/sales';
    const secrets = secretsOf(warehouse, { GOALPOST_WAREHOUSE_URL: url });
    expect(redact(`could not connect to ${url}: password p@ss/word rejected`, secrets)).toBe('could not connect to ***: password *** rejected');
    // Secrets it was not told about, in the shapes connection strings have.
    expect(redact('invalid connection string mysql://root:hunter2@10.0.0.1/db, or host=x password=hunter2 user=y', [])).toBe(
      'invalid connection string mysql://***@10.0.0.1/db, or host=x password=*** user=y',
    );
    expect(redact('relation "orders" does not exist', secrets)).toBe('relation "orders" does not exist');
  });
});
