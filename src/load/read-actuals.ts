import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticAt } from '../diagnostics/diagnostic.js';
import { largestExactValue } from '../model/aggregate.js';
import type { ActualRow, ActualsTable } from '../model/model.js';
import { actualsPeriodMonth, daysInMonth, isoWeeksIn } from '../model/period.js';
import { dimensionPattern } from '../model/schema/common.js';
import { formatNumber, truncate } from '../text/describe.js';
import { parseCsv, scanCsv } from './csv.js';
import type { SourceText } from './source-text.js';

export const requiredActualsColumns = ['period', 'team', 'kpi', 'value'] as const;

const plainNumber = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const dimensionRegex = new RegExp(dimensionPattern);

/**
 * The dimension values of a row with exactly one (most rows that have any):
 * a map of one entry, a fraction of the size of a Map, which matters in a
 * file of actuals with a hundred thousand rows.
 */
class OneDimension implements ReadonlyMap<string, string> {
  constructor(
    private readonly name: string,
    private readonly value: string,
  ) {}

  get size(): number {
    return 1;
  }

  get(key: string): string | undefined {
    return key === this.name ? this.value : undefined;
  }

  has(key: string): boolean {
    return key === this.name;
  }

  forEach(callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void, thisArg?: unknown): void {
    callback.call(thisArg, this.value, this.name, this);
  }

  entries(): MapIterator<[string, string]> {
    return [[this.name, this.value] as [string, string]].values();
  }

  keys(): MapIterator<string> {
    return [this.name].values();
  }

  values(): MapIterator<string> {
    return [this.value].values();
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }
}

/**
 * Reads an actuals CSV: header `period,team,kpi,value` in any order plus
 * dimension columns (owner, region, ...). Checks what can be checked in the
 * file alone; references to teams and KPIs are checked against the model.
 */
export function readActuals(source: SourceText): { table: ActualsTable | undefined; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const records: { values: string[]; start: number; end: number }[] = [];
  const errors = scanCsv(source.text, (values, start, end) => records.push({ values, start, end }));
  for (const error of errors) diagnostics.push(diagnosticAt({ source, start: error.start, end: error.end }, 'csv-syntax', error.message));
  const first = records[0];
  /** The cells of a record with their offsets, scanned again (only for a diagnostic). */
  const cellsOf = (record: { start: number; end: number }) =>
    (parseCsv(source.text.slice(record.start, record.end)).records[0]?.cells ?? []).map((cell) => ({ ...cell, start: cell.start + record.start, end: cell.end + record.start }));
  const header = first && { ...first, cells: cellsOf(first) };
  if (!header) {
    diagnostics.push(
      diagnosticAt({ source, start: 0, end: 0 }, 'actuals-header', `This actuals file is empty; it needs the header ${requiredActualsColumns.join(',')}.`),
    );
    return { table: undefined, diagnostics };
  }

  const columns = header.cells.map((cell) => cell.value.trim());
  let headerOk = true;
  const seen = new Set<string>();
  header.cells.forEach((cell, index) => {
    const name = columns[index]!;
    const span = { source, start: cell.start, end: cell.end };
    if (seen.has(name)) {
      diagnostics.push(diagnosticAt(span, 'actuals-header', `The column "${name}" appears twice in the header.`));
      headerOk = false;
    } else if (!(requiredActualsColumns as readonly string[]).includes(name) && !dimensionRegex.test(name)) {
      diagnostics.push(
        diagnosticAt(
          span,
          'actuals-header',
          `"${truncate(name, 40)}" is not a valid column name. Besides ${requiredActualsColumns.join(', ')}, columns are dimensions named like breakdowns (owner, region, channel): letters, digits and underscores.`,
        ),
      );
      headerOk = false;
    }
    seen.add(name);
  });
  const missing = requiredActualsColumns.filter((name) => !seen.has(name));
  if (missing.length > 0) {
    diagnostics.push(
      diagnosticAt(
        { source, start: header.start, end: header.end },
        'actuals-header',
        `The header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}. An actuals file has the columns period,team,kpi,value and optional dimension columns such as owner.`,
      ),
    );
    headerOk = false;
  }
  if (!headerOk) return { table: undefined, diagnostics };

  const dimensions = columns.filter((name) => !(requiredActualsColumns as readonly string[]).includes(name));
  const index = (name: string): number => columns.indexOf(name);
  const [periodAt, teamAt, kpiAt, valueAt] = [index('period'), index('team'), index('kpi'), index('value')];
  const dimensionAt = dimensions.map((name) => [name, index(name)] as const);
  // Most rows of a large file have no dimension values: they share one empty map.
  const noDimensions: ReadonlyMap<string, string> = new Map();
  const rows: ActualRow[] = [];
  const table: ActualsTable = { source, columns, dimensions, rows };
  // A file repeats the same months, teams, KPIs and owners on every row: each is kept once, not once per row.
  const kept = new Map<string, string>();
  const once = (text: string): string => {
    const known = kept.get(text);
    if (known !== undefined) return known;
    kept.set(text, text);
    return text;
  };
  for (let r = 1; r < records.length; r++) {
    const record = records[r]!;
    if (record.values.length !== columns.length) {
      diagnostics.push(
        diagnosticAt(
          { source, start: record.start, end: record.end },
          'actuals-row-length',
          `This row has ${record.values.length} cell${record.values.length === 1 ? '' : 's'} but the header has ${columns.length} (${columns.join(',')}). A comma inside a value needs quotes.`,
        ),
      );
      continue;
    }
    const values = record.values;
    const text = (at: number): string => once(values[at]!.trim());
    const cellSpan = (at: number) => {
      const cell = cellsOf(record)[at]!;
      return { source, start: cell.start, end: cell.end };
    };

    const period = text(periodAt);
    if (actualsPeriodMonth(period) === undefined) {
      diagnostics.push(diagnosticAt(cellSpan(periodAt), 'actuals-period', periodProblem(period)));
    }
    const value = parseValue(values[valueAt]!.trim());
    if (typeof value === 'string') diagnostics.push(diagnosticAt(cellSpan(valueAt), 'actuals-value', value));

    let dimensionValues = noDimensions;
    for (const [dimension, at] of dimensionAt) {
      const cell = text(at);
      if (cell === '') continue;
      if (dimensionValues === noDimensions) dimensionValues = new OneDimension(dimension, cell);
      else if (dimensionValues instanceof OneDimension) dimensionValues = new Map([...dimensionValues, [dimension, cell]]);
      else (dimensionValues as Map<string, string>).set(dimension, cell);
    }
    rows.push({
      table,
      period,
      team: text(teamAt),
      kpi: text(kpiAt),
      value: typeof value === 'number' ? value : undefined,
      dimensions: dimensionValues,
      start: record.start,
      end: record.end,
    });
  }
  return { table, diagnostics };
}

const acceptedPeriods = 'A period is a month (2026-11), an ISO week (2026-W45, counted in the month that holds its Thursday) or a day (2026-11-03).';
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Why a period cell is not a month, an ISO week or a day, with the forms that are accepted. */
function periodProblem(period: string): string {
  if (period === '') return `The period is empty. ${acceptedPeriods}`;
  const day = /^(\d{4})-(0[1-9]|1[0-2])-(\d{2})$/.exec(period);
  if (day) {
    const [year, month] = [Number(day[1]), Number(day[2])];
    return `"${period}" is not a day: ${monthNames[month - 1]} ${year} has ${daysInMonth(year, month)} days. ${acceptedPeriods}`;
  }
  const week = /^(\d{4})-W(\d{2})$/.exec(period);
  if (week) {
    const year = Number(week[1]);
    return `"${period}" is not a week: ${year} has ISO weeks W01 to W${isoWeeksIn(year)}. ${acceptedPeriods}`;
  }
  return `"${truncate(period, 40)}" is not a period. ${acceptedPeriods}`;
}

/** The number in a value cell, or a message saying why it is not one. */
function parseValue(text: string): number | string {
  if (text === '') return 'The value is empty. Leave the row out if there is no value yet.';
  if (plainNumber.test(text)) {
    const value = Number(text);
    if (Math.abs(value) <= largestExactValue) return value;
    return `${truncate(text, 40)} is too large for goalpost to add up exactly: a value can be at most ${formatNumber(largestExactValue)} either way.`;
  }
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) {
    return `"${text}" uses thousands separators; write plain numbers such as ${text.replace(/,/g, '')}.`;
  }
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)%$/.test(text)) {
    return `"${text}" is a percentage; write it as a fraction such as ${Number(text.slice(0, -1)) / 100}.`;
  }
  return `"${truncate(text, 40)}" is not a number.`;
}
