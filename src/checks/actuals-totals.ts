import { diagnosticAt, type Diagnostic } from '../diagnostics/diagnostic.js';
import { combine, withinTolerance } from '../model/aggregate.js';
import { actualsIndex } from '../model/actuals-index.js';
import { cellSpan } from '../model/model.js';
import { formatNumber } from '../text/describe.js';
import type { Check } from './check.js';

/**
 * Where a month has both a team-total row and rows split by a dimension, the
 * two should agree: scorecards use the total, and the breakdown items the
 * parts. A warning, since either may be the one that is right.
 */
export const actualsTotals: Check = {
  name: 'actuals-totals',
  codes: ['actuals-total-mismatch'],
  run(model) {
    const diagnostics: Diagnostic[] = [];
    for (const rows of actualsIndex(model).groups()) {
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
            `The ${total.period} total of ${kpi.id} for team "${total.team}" is ${formatNumber(expected)}, but its rows by ${dimension} ${kpi.aggregate === 'sum' ? 'add up to' : `combine (${kpi.aggregate}) to`} ${formatNumber(combined)}. Scorecards use the total for the team and the rows for breakdown items.`,
          ),
        );
      }
    }
    return diagnostics;
  },
};
