import { describe, expect, it } from 'vitest';
import { aggregateAlong } from '../../src/model/aggregate.js';
import type { Kpi } from '../../src/model/model.js';

const kpi = (aggregate: Kpi['aggregate'], overTime: Kpi['overTime']): Kpi => ({
  id: 'customers',
  name: undefined,
  description: undefined,
  unit: 'count',
  direction: 'increase',
  aggregate,
  overTime,
  formula: undefined,
  keys: [],
  at: undefined as unknown as Kpi['at'],
});

describe('aggregateAlong', () => {
  it('combines months, quarters and halves alike, by overTime', () => {
    // Customers at the end of a period: summed across regions, the last value over time.
    const stock = kpi('sum', 'last');
    expect(['month', 'quarter', 'half', 'region', 'team', 'owner'].map((by) => aggregateAlong(stock, by))).toEqual(['last', 'last', 'last', 'sum', 'sum', 'sum']);
  });

  it('falls back to the aggregate over time when there is no overTime', () => {
    expect(aggregateAlong(kpi('mean', undefined), 'quarter')).toBe('mean');
  });
});
