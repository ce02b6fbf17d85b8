import type { SourceDefinition } from '../model/model.js';

/**
 * What a query receives for the month it measures: `month` as `2026-11`,
 * `start` and `end` as its first and last day (`2026-11-01`, `2026-11-30`).
 * An adapter binds them as parameters, never as text pasted into the SQL.
 */
export interface QueryParams {
  month: string;
  start: string;
  end: string;
}

export const queryParamNames = ['month', 'start', 'end'] as const satisfies readonly (keyof QueryParams)[];

/** A DECIMAL or NUMERIC value as the database wrote it, digit for digit: a double would round it. */
export interface ExactDecimal {
  readonly decimal: string;
}

/** A cell of a result, as the adapter hands it over: integers beyond 2^53 as bigint, decimals as their text. */
export type Cell = string | number | bigint | boolean | null | ExactDecimal;

/** One row of a result, by column name. */
export type Row = Readonly<Record<string, Cell>>;

/**
 * A database that queries run in. An adapter (one file per type, loaded only
 * by the commands that use it) exports `connect`; `run` rejects with a
 * SourceError when the query fails or takes longer than `timeoutMs`.
 */
export interface Source {
  run(query: string, params: QueryParams, options: { timeoutMs: number }): Promise<Row[]>;
  close(): Promise<void>;
}

/**
 * Opens a source: `env` holds the environment variables that a `url` of the
 * settings names, and `cwd` is the goals folder, which relative file paths in
 * queries start from. `timeoutMs` bounds the connection too.
 */
export type Connect = (definition: SourceDefinition, env: Readonly<Record<string, string | undefined>>, cwd: string, options: { timeoutMs: number }) => Promise<Source>;

/** Why a source failed, in words that are safe to print: no password, no secret part of a URL. */
export class SourceError extends Error {
  constructor(
    message: string,
    /** `timeout` when the query or the connection took longer than allowed. */
    readonly reason: 'failed' | 'timeout' = 'failed',
  ) {
    super(message);
  }
}
