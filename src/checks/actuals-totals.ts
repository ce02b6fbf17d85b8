import { diagnosticAt, type Diagnostic } from '../diagnostics/diagnostic.js';
import { combine } from '../model/aggregate.js';
import { cellSpan, type ActualRow, type ActualsTable } from '../model/model.js';
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
    const groups = new Map<string, { table: ActualsTable; row: ActualRow }[]>();
    for (const table of model.actuals) {
      for (const row of table.rows) {
        if (row.value === undefined) continue;
        const key = `${row.team}\u0000${row.kpi}\u0000${row.period}`;
        const group = groups.get(key) ?? [];
        group.push({ table, row });
        groups.set(key, group);
      }
    }
    for (const group of groups.values()) {
      const total = group.find(({ row }) => row.dimensions.size === 0);
      if (!total) continue;
      const kpi = model.kpis.get(total.row.kpi);
      if (!kpi?.aggregate || kpi.formula) continue;
      const dimensions = new Set(group.flatMap(({ row }) => (row.dimensions.size === 1 ? [...row.dimensions.keys()] : [])));
      for (const dimension of [...dimensions].sort()) {
        const parts = group.filter(({ row }) => row.dimensions.size === 1 && row.dimensions.has(dimension)).map(({ row }) => row.value!);
        const combined = combine(kpi.aggregate, parts)!;
        const expected = total.row.value!;
        if (Math.abs(combined - expected) <= model.settings.tolerance * Math.abs(expected) + 1e-9 * Math.max(1, Math.abs(expected))) continue;
        diagnostics.push(
          diagnosticAt(
            cellSpan(total.table, total.row, 'value'),
            'actuals-total-mismatch',
            `The ${total.row.period} total of ${kpi.id} for team "${total.row.team}" is ${formatNumber(expected)}, but its rows by ${dimension} ${kpi.aggregate === 'sum' ? 'add up to' : `combine (${kpi.aggregate}) to`} ${formatNumber(combined)}. Scorecards use the total for the team and the rows for breakdown items.`,
          ),
        );
      }
    }
    return diagnostics;
  },
};
