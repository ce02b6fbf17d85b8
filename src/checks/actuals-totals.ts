import { diagnosticAt, type Diagnostic } from '../diagnostics/diagnostic.js';
import { combine, withinTolerance } from '../model/aggregate.js';
import { actualsIndex, isCombinedRow } from '../model/actuals-index.js';
import { cellSpan, type ActualRow } from '../model/model.js';
import { granularityOf } from '../model/period.js';
import { formatNumber } from '../text/describe.js';
import type { Check } from './check.js';

/** How a monthly total was combined from week or day rows (the diagnostic points at the first of them); empty for a month row. */
function combinedFrom(row: ActualRow): string {
  if (!isCombinedRow(row) || row.combines.length === 0) return '';
  const unit = granularityOf(row.combines[0]!.period) === 'week' ? 'ISO week' : 'day';
  const count = row.combines.length;
  return ` (combined from ${count === 1 ? `one row by ${unit}` : `${count} rows by ${unit}`})`;
}

/**
 * Where a month has both a team-total row and rows split by a dimension, the
 * two should agree: scorecards use the total, and the breakdown items the
 * parts. Rows given by ISO week or by day are compared as the months they
 * combine into, as scorecards use them. A warning, since either may be the
 * one that is right.
 */
export const actualsTotals: Check = {
  name: 'actuals-totals',
  codes: ['actuals-total-mismatch'],
  run(model) {
    const diagnostics: Diagnostic[] = [];
    for (const rows of actualsIndex(model).monthGroups()) {
      if (rows.length < 2) continue;
      const total = rows.find((row) => row.dimensions.size === 0 && row.value !== undefined);
      if (!total) continue;
      const kpi = model.kpis.get(total.kpi);
      if (!kpi?.aggregate || kpi.formula) continue;
      const parts = new Map<string, number[]>();
      for (const row of rows) {
        if (row.dimensions.size !== 1 || row.value === undefined) continue;
        const [dimension] = row.dimensions.keys() as unknown as [string];
        let values = parts.get(dimension);
        if (!values) parts.set(dimension, (values = []));
        values.push(row.value);
      }
      for (const dimension of [...parts.keys()].sort()) {
        const combined = combine(kpi.aggregate, parts.get(dimension)!)!;
        const expected = total.value!;
        if (withinTolerance(combined, expected, model.settings.tolerance)) continue;
        diagnostics.push(
          diagnosticAt(
            cellSpan(total, 'value'),
            'actuals-total-mismatch',
            `The ${total.period} total of ${kpi.id} for team "${total.team}" is ${formatNumber(expected)}${combinedFrom(total)}, but its rows by ${dimension} ${kpi.aggregate === 'sum' ? 'add up to' : `combine (${kpi.aggregate}) to`} ${formatNumber(combined)}. Scorecards use the total for the team and the rows for breakdown items.`,
          ),
        );
      }
    }
    return diagnostics;
  },
};
