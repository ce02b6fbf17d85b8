import { diagnosticAt, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formulaReferences } from '../formula/formula.js';
import type { Kpi } from '../model/model.js';
import { didYouMean } from '../text/did-you-mean.js';
import type { Check } from './check.js';

function formulaSpan(kpi: Kpi, start: number, end: number) {
  return kpi.at.doc.spanInString([...kpi.at.path, 'formula'], start, end);
}

/** Formulas parse, call known functions, and refer to KPIs of the catalog. */
export const formulaReferencesCheck: Check = {
  name: 'formula-references',
  codes: ['formula-syntax', 'unknown-function', 'unknown-kpi'],
  run(model) {
    const diagnostics: Diagnostic[] = [];
    for (const kpi of model.definitions.kpis) {
      if (!kpi.formula) continue;
      for (const error of kpi.formula.parsed.errors) {
        diagnostics.push(
          diagnosticAt(
            formulaSpan(kpi, error.start, error.end),
            error.kind === 'unknown-function' ? 'unknown-function' : 'formula-syntax',
            `In the formula of "${kpi.id}": ${error.message}`,
          ),
        );
      }
      for (const reference of formulaReferences(kpi.formula.ast)) {
        if (model.kpis.has(reference.id)) continue;
        diagnostics.push(
          diagnosticAt(
            formulaSpan(kpi, reference.start, reference.end),
            'unknown-kpi',
            `The formula of "${kpi.id}" uses "${reference.id}", which is not in the KPI catalog.${didYouMean(reference.id, model.kpis.keys())}`,
          ),
        );
      }
    }
    return diagnostics;
  },
};

/** Derived KPIs must not depend on themselves, directly or through others. */
export const formulaCycles: Check = {
  name: 'formula-cycles',
  codes: ['formula-cycle'],
  run(model) {
    const diagnostics: Diagnostic[] = [];
    const order = new Map([...model.kpis.keys()].map((id, index) => [id, index]));
    const inputsOf = (id: string): string[] => {
      const kpi = model.kpis.get(id);
      return [...new Set(formulaReferences(kpi?.formula?.ast).map((r) => r.id))].filter((input) => model.kpis.get(input)?.formula);
    };
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const reported = new Set<string>();

    const visit = (id: string): void => {
      state.set(id, 'visiting');
      stack.push(id);
      for (const input of inputsOf(id)) {
        if (state.get(input) === 'visiting') {
          const cycle = stack.slice(stack.indexOf(input));
          // Report each cycle once, starting from the KPI listed first in the catalog.
          const first = cycle.reduce((a, b) => (order.get(a)! <= order.get(b)! ? a : b));
          const rotated = [...cycle.slice(cycle.indexOf(first)), ...cycle.slice(0, cycle.indexOf(first))];
          const key = rotated.join(' ');
          if (reported.has(key)) continue;
          reported.add(key);
          const kpi = model.kpis.get(first)!;
          const nextId = rotated[1 % rotated.length]!;
          const reference = formulaReferences(kpi.formula?.ast).find((r) => r.id === nextId)!;
          const path = [...rotated, first].join(' → ');
          diagnostics.push(
            diagnosticAt(
              formulaSpan(kpi, reference.start, reference.end),
              'formula-cycle',
              `Formulas form a cycle: ${path}. A derived KPI cannot depend on itself; one of these must be measured instead.`,
            ),
          );
        } else if (!state.has(input)) {
          visit(input);
        }
      }
      stack.pop();
      state.set(id, 'done');
    };

    for (const [id, kpi] of model.kpis) if (kpi.formula && !state.has(id)) visit(id);
    return diagnostics;
  },
};
