import { diagnosticAt, type Diagnostic } from '../diagnostics/diagnostic.js';
import { actualsIndex, dimensionsKey } from '../model/actuals-index.js';
import { cellSpan, type ActualRow } from '../model/model.js';
import type { Check } from './check.js';

/** Each period (month, ISO week or day), team, KPI and combination of dimension values has one value. */
export const duplicateActuals: Check = {
  name: 'duplicate-actuals',
  codes: ['duplicate-actual'],
  run(model) {
    const diagnostics: Diagnostic[] = [];
    // Rows can only repeat within a group of the same team, KPI and period, and groups are small.
    for (const rows of actualsIndex(model).groups()) {
      if (rows.length < 2) continue;
      const seen = new Map<string, ActualRow>();
      for (const row of rows) {
        const key = dimensionsKey(row);
        const first = seen.get(key);
        if (!first) {
          seen.set(key, row);
          continue;
        }
        const firstLine = first.table.source.position(first.start).line;
        const where = first.table === row.table ? `row ${firstLine}` : `${first.table.source.path}:${firstLine}`;
        const dimensions = [...row.dimensions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        const what = [row.period, row.team, row.kpi, ...dimensions.map(([name, value]) => `${name} ${value}`)].join(', ');
        diagnostics.push(diagnosticAt(cellSpan(row), 'duplicate-actual', `This row repeats ${where} (${what}); keep one value for each.`));
      }
    }
    return diagnostics;
  },
};
