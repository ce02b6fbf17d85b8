import { diagnosticAt, type Diagnostic } from '../diagnostics/diagnostic.js';
import { cellSpan } from '../model/model.js';
import type { Check } from './check.js';

/** Each period, team, KPI and combination of dimension values has one value. */
export const duplicateActuals: Check = {
  name: 'duplicate-actuals',
  codes: ['duplicate-actual'],
  run(model) {
    const diagnostics: Diagnostic[] = [];
    const seen = new Map<string, { file: string; line: number }>();
    for (const table of model.actuals) {
      for (const row of table.rows) {
        const dimensions = [...row.dimensions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        const key = JSON.stringify([row.period, row.team, row.kpi, dimensions]);
        const line = table.source.position(row.start).line;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, { file: table.source.path, line });
          continue;
        }
        const where = first.file === table.source.path ? `row ${first.line}` : `${first.file}:${first.line}`;
        const what = [row.period, row.team, row.kpi, ...dimensions.map(([name, value]) => `${name} ${value}`)].join(', ');
        diagnostics.push(
          diagnosticAt(cellSpan(table, row), 'duplicate-actual', `This row repeats ${where} (${what}); keep one value for each.`),
        );
      }
    }
    return diagnostics;
  },
};
