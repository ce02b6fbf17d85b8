import type { SourceDefinition, SourceType } from '../model/model.js';
import { redact, secretsOf } from './secrets.js';
import { SourceError, type Connect, type Source } from './source.js';

/**
 * The adapter of each source type, loaded when a source of that type is
 * first used: `validate` and the other commands never load a database
 * driver. A type added to the model's list needs its line here.
 */
const adapters: Record<SourceType, () => Promise<{ connect: Connect }>> = {
  duckdb: () => import('./duckdb.js'),
  postgres: () => import('./postgres.js'),
};

/**
 * Opens a source through its adapter. Every error that comes out of it, from
 * connecting, a query or closing, is a SourceError whose message has the
 * secrets of the source's URL taken out, whatever the driver put in it.
 */
export async function connectSource(
  definition: SourceDefinition,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  options: { timeoutMs: number },
): Promise<Source> {
  if (definition.type === undefined) throw new SourceError(`the source "${definition.name}" has a type goalpost does not know; goalpost validate says which it knows.`);
  const secrets = secretsOf(definition, env);
  const safely = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new SourceError(redact(message, secrets), error instanceof SourceError ? error.reason : 'failed');
    }
  };
  const type = definition.type;
  // DuckDB's driver is a native addon: a platform it was not built for cannot load it.
  const { connect } = await adapters[type]().catch((error: unknown) => {
    throw new SourceError(`goalpost's driver for ${type} sources cannot be loaded (${error instanceof Error ? error.message : String(error)}).`);
  });
  const source = await safely(() => connect(definition, env, cwd, options));
  return {
    run: (query, params, runOptions) => safely(() => source.run(query, params, runOptions)),
    close: () => safely(() => source.close()),
  };
}
