import { diagnosticAt, type Diagnostic } from '../diagnostics/diagnostic.js';
import { largestExactValue } from '../model/aggregate.js';
import { cellSpan, type GoalsModel } from '../model/model.js';
import { formatNumber, truncate } from '../text/describe.js';
import type { Check } from './check.js';

/** The sum of the magnitudes of every actual value: no team's KPI can add up to more. */
function magnitudeOfAll(model: GoalsModel): number {
  let total = 0;
  for (const table of model.actuals) for (const row of table.rows) if (row.value !== undefined) total += Math.abs(row.value);
  return total;
}

/**
 * The actuals of a team's KPI are added up over months and breakdown items,
 * so each value within the limit is not enough: their sum must stay within
 * it too, counting every value as positive since a scorecard may add any
 * subset of them. Reported once per team and KPI, at the row that takes the
 * running total past the limit, in the order of the files.
 */
export const actualsSums: Check = {
  name: 'actuals-sums',
  codes: ['actuals-value'],
  run(model) {
    // Almost every repository stays far below the limit in total, and then no key is built per row.
    if (magnitudeOfAll(model) <= largestExactValue) return [];
    const diagnostics: Diagnostic[] = [];
    const totals = new Map<string, number>();
    for (const table of model.actuals) {
      for (const row of table.rows) {
        if (row.value === undefined) continue;
        const key = `${row.team}\u0000${row.kpi}`;
        const before = totals.get(key) ?? 0;
        if (before > largestExactValue) continue;
        const total = before + Math.abs(row.value);
        totals.set(key, total);
        if (total <= largestExactValue) continue;
        diagnostics.push(
          diagnosticAt(
            cellSpan(row, 'value'),
            'actuals-value',
            `With this value, the actuals of KPI "${truncate(row.kpi, 40)}" for team "${truncate(row.team, 40)}" add up to more than ${formatNumber(largestExactValue)} (counting every value as positive), too large for goalpost to add up exactly. Check the unit of the values.`,
          ),
        );
      }
    }
    return diagnostics;
  },
};
