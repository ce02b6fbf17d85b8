import { DuckDBDecimalValue, DuckDBInstance, StatementType, dateValue, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { queryParamNames, SourceError, type Cell, type Connect, type QueryParams, type Row } from './source.js';

/**
 * DuckDB inside goalpost, over a fresh in-memory database: SQL over the CSV,
 * Parquet and JSON files of the goals folder (`read_csv('exports/orders.csv')`).
 *
 * Relative paths in a query are the goals folder's: DuckDB opens files
 * relative to the process's working directory, which it looks in before its
 * `file_search_path`, so the working directory is the goals folder while a
 * query runs (and restored after). Queries run one at a time, so no other
 * query sees it moved. Where a process cannot change its directory (a worker
 * thread), `file_search_path` still finds the files.
 */
export const connect: Connect = async (_definition, _env, cwd) => {
  const instance = await DuckDBInstance.create(':memory:', { file_search_path: cwd });
  let connection: DuckDBConnection;
  try {
    connection = await instance.connect();
  } catch (error) {
    instance.closeSync();
    throw error;
  }
  return {
    async run(query, params, { timeoutMs }) {
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        connection.interrupt();
      }, timeoutMs);
      const previous = process.cwd();
      const moved = changeDirectory(cwd);
      try {
        const prepared = await connection.prepare(query);
        // Only a query: a COPY or an ATTACH would write files or reach other databases.
        if (prepared.statementType !== StatementType.SELECT) throw new SourceError('it is not a query: goalpost only runs SELECT statements (with, from, select ...).');
        for (let index = 1; index <= prepared.parameterCount; index++) {
          const name = prepared.parameterName(index);
          if (!isParamName(name)) throw new SourceError(`it uses the parameter $${name}; the parameters are $month, $start and $end.`);
          if (name === 'month') prepared.bindVarchar(index, params.month);
          else prepared.bindDate(index, dateValue(dayParts(params[name])));
        }
        const reader = await prepared.runAndReadAll();
        const columns = reader.columnNames();
        const repeated = columns.find((column, index) => columns.indexOf(column) !== index);
        if (repeated !== undefined) throw new SourceError(`it returns the column "${repeated}" twice.`);
        return reader.getRows().map((values) => Object.fromEntries(columns.map((column, index) => [column, cell(values[index] ?? null)])) as Row);
      } catch (error) {
        if (timedOut) throw new SourceError(`it did not finish within ${timeoutMs / 1000} s.`, 'timeout');
        throw error;
      } finally {
        clearTimeout(timer);
        if (moved) process.chdir(previous);
      }
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
};

function changeDirectory(directory: string): boolean {
  try {
    process.chdir(directory);
    return true;
  } catch {
    return false;
  }
}

function isParamName(name: string): name is keyof QueryParams {
  return (queryParamNames as readonly string[]).includes(name);
}

function dayParts(date: string): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** A DuckDB value as a cell: DECIMAL as its exact digits, BIGINT and HUGEINT as bigint, anything else as text. */
function cell(value: DuckDBValue): Cell {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return value;
  if (value instanceof DuckDBDecimalValue) return { decimal: value.toString() };
  return String(value);
}
