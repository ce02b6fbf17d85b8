import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actualsIndex } from '../../src/model/actuals-index.js';
import { combine } from '../../src/model/aggregate.js';
import type { Aggregate } from '../../src/model/kinds.js';
import type { ActualRow } from '../../src/model/model.js';
import { kpiValue, teamRows } from '../../src/score/kpi-value.js';
import { validateRepository } from '../../src/validate.js';
import { baseWith } from '../helpers/fixtures.js';

/**
 * The value of the rows of one month that match a filter, as the README
 * states it and as goalpost first computed it, by filtering every row for
 * every part: the indexed lookup must give the same figure for any rows.
 */
function valueByFiltering(rows: readonly ActualRow[], filter: ReadonlyMap<string, string>, aggregate: Aggregate, order: readonly string[]): number | undefined {
  const candidates = rows.filter((row) => row.value !== undefined && [...filter].every(([name, value]) => row.dimensions.get(name) === value));
  if (candidates.length === 0) return undefined;
  const exact = candidates.find((row) => row.dimensions.size === filter.size);
  if (exact) return exact.value;
  const dimension = order.find((name) => !filter.has(name) && candidates.some((row) => row.dimensions.has(name)));
  if (dimension === undefined) return undefined;
  const keys = [...new Set(candidates.flatMap((row) => row.dimensions.get(dimension) ?? []))];
  const parts = keys.map((key) => valueByFiltering(candidates, new Map([...filter, [dimension, key]]), aggregate, order)).filter((part) => part !== undefined);
  return combine(aggregate, parts);
}

const aggregates = ['sum', 'mean', 'min', 'max', 'first', 'last'] as const;
const catalog = `apiVersion: goalpost/v1\nkind: KpiCatalog\nkpis:\n${aggregates.map((a) => `  by_${a}: {name: ${a}, unit: count, direction: increase, aggregate: ${a}}\n`).join('')}`;

const row = fc.record({
  region: fc.constantFrom('', 'east', 'west', 'north'),
  owner: fc.constantFrom('', 'li.wei', 'zhang.min'),
  value: fc.oneof(fc.integer({ min: -50, max: 1000 }).map(String), fc.constant('n/a')),
});

describe('actuals looked up by team, KPI, month and dimension value', () => {
  it('give every breakdown filter the value that filtering every row gives, in months of few rows and of many', () => {
    fc.assert(
      fc.property(fc.constantFrom(...aggregates), fc.array(row, { maxLength: 60, size: 'max' }), (aggregate, rows) => {
        const csv = ['period,team,kpi,region,owner,value', ...rows.map((r) => `2026-10,marketing,by_${aggregate},${r.region},${r.owner},${r.value}`)].join('\n');
        const { model } = validateRepository(baseWith({ 'kpis.yaml': catalog, 'actuals/actuals.csv': `${csv}\n` }));
        const index = actualsIndex(model);
        const kpi = model.kpis.get(`by_${aggregate}`)!;
        const kpiRows = model.actuals.flatMap((table) => table.rows);
        for (const region of [undefined, 'east', 'west', 'north']) {
          for (const owner of [undefined, 'li.wei', 'zhang.min']) {
            const filter = new Map([...(region ? [['region', region] as const] : []), ...(owner ? [['owner', owner] as const] : [])]);
            const looked = kpiValue(model, index, kpi, { source: teamRows('marketing'), months: ['2026-10'], filter });
            const filtered = valueByFiltering(kpiRows, filter, aggregate, index.dimensionOrder);
            expect(looked, `${aggregate} ${JSON.stringify([...filter])}`).toBe(filtered === undefined ? undefined : combine(aggregate, [filtered]));
          }
        }
      }),
      { seed: 10, numRuns: 150 },
    );
  });
});
