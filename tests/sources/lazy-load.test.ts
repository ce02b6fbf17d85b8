import { describe, expect, it } from 'vitest';
import { runGoalpost } from '../helpers/executable.js';

/**
 * A module hook that fails any import of a database driver: run under it,
 * the executable shows which commands load one.
 */
const refuseDrivers = `data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (specifier === 'pg' || specifier.startsWith('@duckdb/')) throw new Error('a database driver was loaded: ' + specifier);
  return next(specifier, context);
}`)}`;
const register = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(refuseDrivers)});`)}`;

describe('the database drivers', () => {
  it('are not loaded by validate or score of a repository with sources, and are by pull', async () => {
    const options = { env: { ...process.env, NODE_OPTIONS: `--import=${register}` } };
    expect(await runGoalpost(['validate', 'goals'], options)).toEqual({ code: 0, stdout: '✓ No problems found.\n', stderr: '' });
    expect((await runGoalpost(['score', 'goals', '--format', 'text'], options)).code).toBe(0);
    const pull = await runGoalpost(['pull', 'goals', '--month', '2026-11', '--dry-run'], options);
    expect(pull.code).toBe(1);
    expect(pull.stderr).toContain("goalpost: exports: cannot connect: goalpost's driver for duckdb sources cannot be loaded (a database driver was loaded: @duckdb/node-api). Nothing was pulled from it (new_customers)");
  });

  it('are found by the built executable, which pulls the example as it is committed', async () => {
    expect(await runGoalpost(['pull', 'goals', '--month', '2026-10', '--month', '2026-11', '--dry-run'])).toEqual({
      code: 0,
      stdout: 'goals/actuals/pulled/2026-10.csv: no change (2 rows).\ngoals/actuals/pulled/2026-11.csv: no change (2 rows).\nNothing was written (--dry-run).\n',
      stderr: '',
    });
  });
});
