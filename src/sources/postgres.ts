import pg from 'pg';
import { resolveUrl } from './secrets.js';
import { queryParamNames, SourceError, type Cell, type Connect, type QueryParams, type Row } from './source.js';

type ParamName = keyof QueryParams;

const identifierCharacter = /[A-Za-z0-9_$\u0080-\uffff]/;

/**
 * The query with `$month`, `$start` and `$end` turned into PostgreSQL's
 * positional parameters, numbered in the order they first appear and only
 * those the query uses (`... = $month and d <= $end` becomes `... = $1 and d
 * <= $2`, with `order` month, end). What is not SQL code is left as it is: a
 * `$month` inside a string ('...', E'...' with backslash escapes), a quoted
 * identifier, a dollar-quoted string ($$...$$, $tag$...$tag$) or a comment
 * (`--`, nested `/* *\/`), and a `$` inside an identifier (`a$b`). A `$1` of
 * the query's own, or any other `$name`, is refused: there is nothing to bind
 * to it.
 */
export function positionalParameters(sql: string): { text: string; order: ParamName[] } {
  const order: ParamName[] = [];
  let text = '';
  let i = 0;
  const copyTo = (end: number): void => {
    text += sql.slice(i, end);
    i = end;
  };
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      copyTo(end === -1 ? sql.length : end);
    } else if (c === '/' && next === '*') {
      let depth = 1;
      let j = i + 2;
      while (j < sql.length && depth > 0) {
        if (sql.startsWith('/*', j) || sql.startsWith('*/', j)) {
          depth += sql[j] === '/' ? 1 : -1;
          j += 2;
        } else j++;
      }
      copyTo(j);
    } else if (c === "'") {
      // E'...' takes backslash escapes; the E must start a word (not the end of `date'...'`).
      const escapes = /[eE]/.test(sql[i - 1] ?? '') && !identifierCharacter.test(sql[i - 2] ?? '');
      let j = i + 1;
      while (j < sql.length) {
        if (escapes && sql[j] === '\\') j += 2;
        else if (sql[j] === "'") {
          if (sql[j + 1] === "'") j += 2;
          else break;
        } else j++;
      }
      copyTo(Math.min(j + 1, sql.length));
    } else if (c === '"') {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === '"' && sql[j + 1] !== '"')) j += sql[j] === '"' ? 2 : 1;
      copyTo(Math.min(j + 1, sql.length));
    } else if (c === '$' && !identifierCharacter.test(sql[i - 1] ?? '')) {
      const rest = sql.slice(i);
      const dollarTag = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(rest)?.[0];
      const named = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
      if (dollarTag !== undefined) {
        const end = sql.indexOf(dollarTag, i + dollarTag.length);
        copyTo(end === -1 ? sql.length : end + dollarTag.length);
      } else if (named) {
        const name = named[1]!;
        if (!(queryParamNames as readonly string[]).includes(name)) throw new SourceError(`it uses the parameter $${name}; the parameters are $month, $start and $end.`);
        if (!order.includes(name as ParamName)) order.push(name as ParamName);
        text += `$${order.indexOf(name as ParamName) + 1}`;
        i += named[0].length;
      } else if (/^\$\d/.test(rest)) {
        throw new SourceError(`it uses the parameter ${/^\$\d+/.exec(rest)![0]}; write $month, $start or $end, which goalpost binds by name.`);
      } else copyTo(i + 1);
    } else copyTo(i + 1);
  }
  return { text, order };
}

/** A NUMERIC as the server wrote it; a class of its own, so that no JSON value can pass for one. */
class Numeric {
  constructor(readonly decimal: string) {}
}

const oid = { int8: 20, numeric: 1700, date: 1082, timestamp: 1114, timestamptz: 1184 } as const;

/**
 * Values read exactly: NUMERIC as its digits (a double would round it), BIGINT
 * as bigint, dates and timestamps as the text the server sends (a JavaScript
 * Date would move them to the local time zone).
 */
const types = {
  getTypeParser(typeId: number, format?: 'text' | 'binary') {
    if (format !== 'binary') {
      if (typeId === oid.numeric) return (text: string): Numeric => new Numeric(text);
      if (typeId === oid.int8) return (text: string): Cell => BigInt(text);
      if (typeId === oid.date || typeId === oid.timestamp || typeId === oid.timestamptz) return (text: string): Cell => text;
    }
    return pg.types.getTypeParser(typeId, format);
  },
} as pg.CustomTypesConfig;

/**
 * A PostgreSQL server at the URL that the source's environment variable
 * holds. Every query runs in a read-only transaction of its own: a query in
 * the goals repository measures, it never changes the warehouse. (A
 * transaction rather than a setting at connection time: connection poolers
 * such as PgBouncer refuse startup settings.)
 */
export const connect: Connect = async (definition, env, _cwd, { timeoutMs }) => {
  const client = new pg.Client({
    connectionString: resolveUrl(definition, env),
    connectionTimeoutMillis: timeoutMs,
    application_name: 'goalpost pull',
    types,
  });
  // A connection the server drops later is reported by the query that needs it; unhandled, the event would end the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    if (error instanceof Error && /timeout/i.test(error.message)) throw new SourceError(`no answer within ${timeoutMs / 1000} s.`, 'timeout');
    throw error;
  }
  return {
    async run(query, params, { timeoutMs: queryTimeoutMs }) {
      const { text, order } = positionalParameters(query);
      try {
        await client.query('begin transaction read only');
        // The server cancels a query past the limit; the client's own limit covers a server that stops answering altogether.
        await client.query(`set local statement_timeout = ${Math.ceil(queryTimeoutMs)}`);
        const result = await client.query({ text, values: order.map((name) => params[name]), rowMode: 'array', query_timeout: queryTimeoutMs + 5000 } as pg.QueryArrayConfig);
        const columns = result.fields.map((field) => field.name);
        const repeated = columns.find((column, index) => columns.indexOf(column) !== index);
        if (repeated !== undefined) throw new SourceError(`it returns the column "${repeated}" twice.`);
        return result.rows.map((values: unknown[]) => Object.fromEntries(columns.map((column, index) => [column, cell(values[index])])) as Row);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (code === '57014' || (error instanceof Error && /query read timeout/i.test(error.message))) {
          throw new SourceError(`it did not finish within ${queryTimeoutMs / 1000} s.`, 'timeout');
        }
        throw error;
      } finally {
        await client.query('rollback').catch(() => undefined);
      }
    },
    async close() {
      await client.end();
    },
  };
};

/** A value of a row as a cell: JSON and arrays as their JSON text, anything else as text. */
function cell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return value;
  if (value instanceof Numeric) return { decimal: value.decimal };
  if (value instanceof Date || Buffer.isBuffer(value)) return String(value);
  return JSON.stringify(value);
}
