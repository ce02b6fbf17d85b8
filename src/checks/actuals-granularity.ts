import { diagnosticAt, type Diagnostic } from '../diagnostics/diagnostic.js';
import { actualsIndex } from '../model/actuals-index.js';
import { cellSpan, type ActualRow } from '../model/model.js';
import { granularityOf, type Granularity } from '../model/period.js';
import { truncate } from '../text/describe.js';
import type { Check } from './check.js';

/** The period of a row as a team lead would say it. */
function describePeriod(row: ActualRow, month: string): string {
  switch (granularityOf(row.period)) {
    case 'month':
      return `the whole month ${row.period}`;
    case 'week':
      return `the ISO week ${row.period}, which counts in ${month} (the month of its Thursday)`;
    case 'day':
      return `the day ${row.period}`;
  }
}

/**
 * A team's KPI is given for a month in one form: one row for the month, rows
 * by ISO week, or rows by day. Mixed, the same figures would count twice in
 * the month (a day and the month that holds it). Rows with other dimension
 * values (another owner) may take another form. Reported once for each form
 * that differs from the first row's, at the period of its first row, naming
 * the row it clashes with.
 */
export const actualsGranularity: Check = {
  name: 'actuals-granularity',
  codes: ['actuals-mixed-granularity'],
  run(model) {
    const diagnostics: Diagnostic[] = [];
    for (const group of actualsIndex(model).finerGroups()) {
      const first = group.rows[0]!;
      const reported = new Set<Granularity>([granularityOf(first.period)]);
      for (const row of group.rows) {
        const granularity = granularityOf(row.period);
        if (reported.has(granularity)) continue;
        reported.add(granularity);
        const where = `${first.table.source.path}:${first.table.source.position(first.start).line}`;
        const dimensions = [...row.dimensions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, value]) => `${name} ${truncate(value, 40)}`);
        const what = `${truncate(row.kpi, 40)} of team "${truncate(row.team, 40)}"${dimensions.length > 0 ? ` (${dimensions.join(', ')})` : ''}`;
        diagnostics.push(
          diagnosticAt(
            cellSpan(row, 'period'),
            'actuals-mixed-granularity',
            `This row gives ${what} for ${describePeriod(row, group.month)}, but ${where} gives it for ${describePeriod(first, group.month)}: ` +
              `${group.month} would count the same figures twice. Give a month's actuals in one form: one row for the month, rows by ISO week, or rows by day.`,
          ),
        );
      }
    }
    return diagnostics;
  },
};
