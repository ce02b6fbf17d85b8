import { UsageError } from '../load/read-directory.js';
import { queryFilePath, type GoalsModel, type Kpi, type KpiSource } from '../model/model.js';
import { dimensionPattern } from '../model/schema/common.js';
import type { Connect, QueryParams, Row } from '../sources/source.js';
import { SourceError } from '../sources/source.js';
import { didYouMean } from '../text/did-you-mean.js';
import { valueText } from './plain-number.js';
import type { PulledRow, RowOrigin } from './pulled-file.js';

/** A measured KPI with the query that measures it. */
export interface PulledKpi {
  kpi: Kpi;
  source: string;
  query: string;
}

/**
 * The KPIs to pull: every measured KPI with a source, or those named by
 * `--kpi`, narrowed to one source by `--from`. Names that match nothing are
 * usage errors, so that a typo never pulls nothing and calls it done.
 */
export function selectKpis(model: GoalsModel, options: { kpis: readonly string[]; from: string | undefined }): PulledKpi[] {
  const { from } = options;
  if (from !== undefined && !model.settings.sources.has(from)) {
    throw new UsageError(`--from ${from}: the settings define no source "${from}".${didYouMean(from, model.settings.sources.keys())}`);
  }
  const measured = [...model.kpis.values()].filter((kpi): kpi is Kpi & { source: KpiSource } => kpi.source !== undefined && kpi.formula === undefined);
  for (const id of options.kpis) {
    const kpi = model.kpis.get(id);
    if (!kpi) throw new UsageError(`--kpi ${id}: there is no KPI "${id}" in the KPI catalog.${didYouMean(id, model.kpis.keys())}`);
    if (!kpi.source) throw new UsageError(`--kpi ${id}: KPI "${id}" has no source; its actuals are written by hand.`);
    if (from !== undefined && kpi.source.from !== from) throw new UsageError(`--kpi ${id}: KPI "${id}" takes its numbers from "${kpi.source.from ?? '?'}", not from "${from}".`);
  }
  const selected = measured.filter((kpi) => (options.kpis.length === 0 || options.kpis.includes(kpi.id)) && (from === undefined || kpi.source.from === from));
  if (selected.length === 0) {
    throw new UsageError(
      from === undefined ? 'No KPI of the catalog has a source, so there is nothing to pull. Give a measured KPI a "source" (see goalpost validate).' : `No KPI takes its numbers from "${from}".`,
    );
  }
  return selected.map((kpi) => ({ kpi, source: kpi.source.from!, query: queryText(model, kpi.source) }));
}

/** A validated repository has exactly one query per source, and the file it names. */
function queryText(model: GoalsModel, source: KpiSource): string {
  if (source.query !== undefined) return source.query;
  const file = queryFilePath(source);
  return (file === undefined ? undefined : model.queryFiles.get(file))?.text ?? '';
}

/** The parameters of a month: the month, its first and its last day. */
export function monthParams(month: string): QueryParams {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { month, start: `${month}-01`, end: `${month}-${String(lastDay).padStart(2, '0')}` };
}

/** A query that did not give rows: it failed, took too long, or its source could not be reached. */
export interface QueryFailure {
  source: string;
  kpis: string[];
  /** Undefined when the source could not be reached: every month of its KPIs failed. */
  month: string | undefined;
  message: string;
  reason: 'failed' | 'timeout';
}

/** A row that a query returned and that cannot be written: its team is missing or its value is not a number. */
export interface RowProblem {
  origin: RowOrigin;
  problem: string;
}

export interface PullOutcome {
  rows: PulledRow[];
  problems: RowProblem[];
  failures: QueryFailure[];
  /** The months with a failed query: their files are left as they are. */
  failedMonths: Set<string>;
}

export interface QueryProgress {
  started(kpi: string, source: string, month: string): void;
  finished(kpi: string, source: string, month: string, result: { rows: number } | { failed: string }, milliseconds: number): void;
}

/**
 * Runs the query of each KPI for each month, source by source, one query at a
 * time (a warehouse is not hammered, and DuckDB's working directory is never
 * shared), and turns the results into rows.
 */
export async function runQueries(
  model: GoalsModel,
  kpis: readonly PulledKpi[],
  months: readonly string[],
  options: { env: Readonly<Record<string, string | undefined>>; goalsFolder: string; timeoutMs: number; connect: Connect; progress?: QueryProgress },
): Promise<PullOutcome> {
  const outcome: PullOutcome = { rows: [], problems: [], failures: [], failedMonths: new Set() };
  const bySource = new Map<string, PulledKpi[]>();
  for (const kpi of kpis) bySource.set(kpi.source, [...(bySource.get(kpi.source) ?? []), kpi]);
  for (const [name, sourceKpis] of bySource) {
    const definition = model.settings.sources.get(name)!;
    let source;
    try {
      source = await options.connect(definition, options.env, options.goalsFolder, { timeoutMs: options.timeoutMs });
    } catch (error) {
      outcome.failures.push({ source: name, kpis: sourceKpis.map((kpi) => kpi.kpi.id), month: undefined, ...failureOf(error) });
      for (const month of months) outcome.failedMonths.add(month);
      continue;
    }
    try {
      for (const { kpi, query } of sourceKpis) {
        for (const month of months) {
          options.progress?.started(kpi.id, name, month);
          const began = performance.now();
          let rows: Row[];
          try {
            rows = await source.run(query, monthParams(month), { timeoutMs: options.timeoutMs });
            const columnProblem = rows.length === 0 ? undefined : columnsProblem(Object.keys(rows[0]!));
            if (columnProblem !== undefined) throw new SourceError(columnProblem);
          } catch (error) {
            const failure = failureOf(error);
            options.progress?.finished(kpi.id, name, month, { failed: failure.message }, performance.now() - began);
            outcome.failures.push({ source: name, kpis: [kpi.id], month, ...failure });
            outcome.failedMonths.add(month);
            continue;
          }
          options.progress?.finished(kpi.id, name, month, { rows: rows.length }, performance.now() - began);
          for (const cells of rows) {
            const origin: RowOrigin = { source: name, kpi: kpi.id, month, cells };
            const row = pulledRow(cells, origin);
            if ('problem' in row) outcome.problems.push({ origin, problem: row.problem });
            else outcome.rows.push(row);
          }
        }
      }
    } finally {
      await source.close().catch(() => undefined);
    }
  }
  return outcome;
}

function failureOf(error: unknown): Pick<QueryFailure, 'message' | 'reason'> {
  // Every error out of a source is a SourceError, its secrets taken out; anything else is a fault of goalpost's own.
  if (error instanceof SourceError) return { message: error.message, reason: error.reason };
  throw error;
}

const dimensionName = new RegExp(dimensionPattern);

/** Why the columns of a result cannot make actuals rows, or undefined when they can. */
function columnsProblem(columns: readonly string[]): string | undefined {
  const missing = ['team', 'value'].filter((column) => !columns.includes(column));
  if (missing.length > 0) return `it returns no ${missing.join(' and no ')} column (it returns ${columns.join(', ')}); name them with "as team" and "as value".`;
  for (const column of columns) {
    if (column === 'period' || column === 'kpi') return `it returns a "${column}" column; goalpost writes the ${column === 'period' ? 'month' : 'KPI'} itself, so leave it out.`;
    if (column !== 'team' && column !== 'value' && !dimensionName.test(column)) {
      return `it returns the column "${column}", which cannot be a dimension: besides team and value, columns are dimensions named like breakdowns (owner, region): letters, digits and underscores.`;
    }
  }
  return undefined;
}

function pulledRow(cells: Row, origin: RowOrigin): PulledRow | { problem: string } {
  const team = cells['team'];
  if (typeof team !== 'string' || team.trim() === '') return { problem: team === undefined || team === null || team === '' ? 'the team is empty' : `the team is ${describeCell(team)}, not a team id` };
  const value = valueText(cells['value'] ?? null);
  if ('problem' in value) return value;
  const dimensions = new Map<string, string>();
  for (const [column, cell] of Object.entries(cells)) {
    if (column === 'team' || column === 'value' || cell === null) continue;
    const text = typeof cell === 'object' ? cell.decimal : String(cell);
    if (text.trim() !== '') dimensions.set(column, text.trim());
  }
  return { period: origin.month, team: team.trim(), kpi: origin.kpi, value: value.text, dimensions, origin };
}

function describeCell(cell: Row[string]): string {
  return cell === null ? 'empty' : typeof cell === 'object' ? cell.decimal : typeof cell === 'string' ? JSON.stringify(cell) : String(cell);
}
