import { diagnosticAt, type Diagnostic } from '../diagnostics/diagnostic.js';
import { keySpanOf, spanOf } from '../model/model.js';
import type { Check } from './check.js';

/** A KPI is measured (aggregate) or derived (formula): exactly one of the two. */
export const kpiDefinitions: Check = {
  name: 'kpi-definitions',
  codes: ['kpi-definition'],
  run(model) {
    const diagnostics: Diagnostic[] = [];
    for (const kpi of model.definitions.kpis) {
      const has = (key: string): boolean => kpi.keys.includes(key);
      if (has('formula') && has('aggregate')) {
        diagnostics.push(
          diagnosticAt(
            spanOf(kpi.at, ['aggregate'], 'key'),
            'kpi-definition',
            `KPI "${kpi.id}" has both a formula and an aggregate. A derived KPI is recomputed from its inputs, never summed or averaged: remove "aggregate".`,
          ),
        );
      } else if (has('formula') && has('overTime')) {
        diagnostics.push(
          diagnosticAt(
            spanOf(kpi.at, ['overTime'], 'key'),
            'kpi-definition',
            `KPI "${kpi.id}" has a formula and "overTime". A derived KPI is computed from its inputs over the period: remove "overTime".`,
          ),
        );
      } else if (!has('formula') && !has('aggregate')) {
        diagnostics.push(
          diagnosticAt(
            keySpanOf(kpi.at),
            'kpi-definition',
            `KPI "${kpi.id}" has neither "aggregate" nor "formula". Give a measured KPI an aggregate (sum, mean, min, max, first or last) or a derived KPI a formula.`,
          ),
        );
      }
    }
    return diagnostics;
  },
};
