import { describe, expect, it } from 'vitest';
import type { Breakdown, BreakdownItem } from '../../src/model/model.js';
import { parsePeriod } from '../../src/model/period.js';
import { planOf, plannedFor } from '../../src/score/plan.js';

// Breakdowns as the model holds them; where they were read from does not matter to a plan.
const at = undefined as unknown as Breakdown['at'];
function breakdown(by: string, items: Record<string, number | { target: number; breakdowns: Breakdown[] }>): Breakdown {
  const entries = Object.entries(items).map(([key, value]): BreakdownItem => {
    const [target, breakdowns] = typeof value === 'number' ? [value, []] : [value.target, value.breakdowns];
    return { key, target, shorthand: typeof value === 'number', owner: undefined, breakdowns, at };
  });
  return { by, items: entries, at };
}

const year = parsePeriod('2026')!;
const fiscalYear = parsePeriod('FY2027', 4)!;

describe('the plan of a target over its months', () => {
  it('is its month plan, one month a run', () => {
    expect(planOf([breakdown('owner', { a: 1 }), breakdown('month', { '2026-10': 35, '2026-11': 40 })], parsePeriod('2026-Q4')!, parsePeriod('2026-Q4')!.months)).toEqual([
      { months: ['2026-10'], target: 35 },
      { months: ['2026-11'], target: 40 },
    ]);
  });

  it('spreads a quarter or half plan over the months of each part; a part with a month plan of its own keeps it', () => {
    const byQuarter = planOf([breakdown('quarter', { Q1: 200, Q4: 300 })], year, year.months);
    expect(byQuarter).toEqual([
      { months: ['2026-01', '2026-02', '2026-03'], target: 200 },
      { months: ['2026-10', '2026-11', '2026-12'], target: 300 },
    ]);
    const byHalf = planOf([breakdown('half', { H1: 48, H2: { target: 72, breakdowns: [breakdown('month', { '2026-07': 30, '2026-12': 42 })] } })], year, year.months);
    expect(byHalf).toEqual([
      { months: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'], target: 48 },
      { months: ['2026-07'], target: 30 },
      { months: ['2026-12'], target: 42 },
    ]);
  });

  it('prefers the finest plan: month, then quarter, then half', () => {
    const plans = [breakdown('half', { H1: 50, H2: 50 }), breakdown('quarter', { Q1: 25, Q2: 25, Q3: 25, Q4: 25 }), breakdown('month', { '2026-01': 100 })];
    expect(planOf(plans, year, year.months)).toEqual([{ months: ['2026-01'], target: 100 }]);
    expect(planOf(plans.slice(0, 2), year, year.months)![0]).toEqual({ months: ['2026-01', '2026-02', '2026-03'], target: 25 });
  });

  it('names the quarters of a fiscal year from its first month', () => {
    expect(planOf([breakdown('quarter', { Q1: 90, Q4: 120 })], fiscalYear, fiscalYear.months)).toEqual([
      { months: ['2026-04', '2026-05', '2026-06'], target: 90 },
      { months: ['2027-01', '2027-02', '2027-03'], target: 120 },
    ]);
  });

  it('leaves out parts outside the months it plans, and is undefined without a plan over time', () => {
    const q4 = parsePeriod('2026-Q4')!;
    expect(planOf([breakdown('quarter', { Q3: 10, Q4: 20, Q9: 5 })], q4, q4.months)).toEqual([{ months: q4.months, target: 20 }]);
    expect(planOf([breakdown('region', { east: 1 })], q4, q4.months)).toBeUndefined();
    expect(planOf([], q4, q4.months)).toBeUndefined();
  });

  it('expects of some months each run’s target in proportion to its months among them', () => {
    const plan = [
      { months: ['2026-01', '2026-02', '2026-03'], target: 300 },
      { months: ['2026-04'], target: 50 },
    ];
    expect(plannedFor(plan, (month) => month <= '2026-02')).toBe(200);
    expect(plannedFor(plan, (month) => month > '2026-02')).toBe(150);
    expect(plannedFor(plan, () => false)).toBe(0);
  });
});
