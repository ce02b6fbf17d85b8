import { describe, expect, it } from 'vitest';
import type { BreakdownScore, GoalScore, TeamScore } from '../../src/score/score.js';
import { scoreRepository } from '../../src/score/score.js';
import { validateRepository } from '../../src/validate.js';
import { standaloneFixtureFiles } from '../helpers/fixtures.js';

/**
 * tests/fixtures/score/year-plan: one team, the year 2026, its goals planned
 * by quarter, by half (with a month plan for the second half) and by month
 * and quarter at once. Monthly actuals (actuals/2026.csv):
 *
 *   month          01  02  03  04  05  06  07  08  09  10  11  12
 *   revenue        60  70  80  80  85  90  85  90  95 100  95 110
 *   new_customers   7   8   9  10   8   8  11   9  12  13  12  14
 *   leads           6   5   9  10  11  10   6   5  18  10  14  16
 *
 * Every figure below is worked out by hand from these and the goal set.
 */
function score(asOf: string): TeamScore {
  const { model, diagnostics } = validateRepository(standaloneFixtureFiles('score/year-plan'));
  expect(diagnostics).toEqual([]);
  return scoreRepository(model, { asOf }).teams[0]!;
}

const goal = (team: TeamScore, id: string): GoalScore => team.goals.find((g) => g.id === id)!;
const item = (items: readonly BreakdownScore[], by: string, key: string): BreakdownScore => items.find((b) => b.by === by && b.key === key)!;

describe('a year planned by quarter (as of 2026-08: Q1 and Q2 over, Q3 two months in)', () => {
  const august = score('2026-08');
  const revenue = goal(august, 'revenue');

  it('expects the quarter plan to date, each quarter spread evenly over its months', () => {
    const expected = 200 + 250 + (250 * 2) / 3; // 616.67, where the straight line would say 1000 × 8/12 = 666.67
    const actual = 60 + 70 + 80 + (80 + 85 + 90) + (85 + 90); // 640
    expect(revenue.actual).toBe(actual);
    expect(revenue.expected).toBeCloseTo(expected, 9);
    expect(revenue.attainment).toBeCloseTo(640 / expected, 12); // 1.0378
    expect(revenue.status).toBe('on-track');
    expect(revenue.progress).toBeCloseTo(640 / 1000, 12);
  });

  it('forecasts by the plan left (September’s third of Q3, then Q4) at the pace relative to the plan', () => {
    const expected = 200 + 250 + (250 * 2) / 3;
    const remaining = 250 / 3 + 300; // 383.33
    expect(revenue.forecast).toBeCloseTo(640 + remaining * (640 / expected), 9); // 1037.84, not the straight line's 960
    expect(revenue.forecastAttainment).toBeCloseTo((640 + remaining * (640 / expected)) / 1000, 12);
    expect(revenue.forecastReachesTarget).toBe(true);
  });

  it('judges a quarter that is over on its own target, with no forecast', () => {
    expect(item(revenue.breakdown, 'quarter', 'Q1')).toMatchObject({ actual: 210, expected: 200, forecast: null, status: 'on-track' });
    expect(item(revenue.breakdown, 'quarter', 'Q1').attainment).toBeCloseTo(210 / 200, 12);
    expect(item(revenue.breakdown, 'quarter', 'Q2').attainment).toBeCloseTo(255 / 250, 12);
  });

  it('judges the quarter under way on its plan to date and forecasts its end', () => {
    const q3 = item(revenue.breakdown, 'quarter', 'Q3');
    const expected = (250 * 2) / 3; // July and August of Q3's 250
    expect(q3.actual).toBe(85 + 90);
    expect(q3.expected).toBeCloseTo(expected, 9);
    expect(q3.attainment).toBeCloseTo(175 / expected, 12); // 1.05
    expect(q3.progress).toBeCloseTo(175 / 250, 12);
    expect(q3.forecast).toBeCloseTo(175 + (250 - expected) * (175 / expected), 9); // 262.5
  });

  it('has nothing to judge in a quarter that has not begun', () => {
    expect(item(revenue.breakdown, 'quarter', 'Q4')).toMatchObject({ actual: null, expected: null, attainment: null, forecast: null, status: 'no-data' });
  });
});

describe('a year planned by half, the second half by month', () => {
  it('spreads the first half evenly while it is under way (as of 2026-04)', () => {
    const customers = goal(score('2026-04'), 'new-customers');
    const expected = (48 * 4) / 6; // 32
    const actual = 7 + 8 + 9 + 10; // 34
    expect(customers.actual).toBe(actual);
    expect(customers.expected).toBeCloseTo(expected, 9);
    expect(customers.attainment).toBeCloseTo(34 / 32, 12);
    // The rest of H1 (16) and all of H2's month plan (72) at 34/32 of the plan
    expect(customers.forecast).toBeCloseTo(34 + (16 + 72) * (34 / 32), 9); // 127.5
    const h1 = item(customers.breakdown, 'half', 'H1');
    expect(h1.expected).toBeCloseTo(32, 9);
    expect(h1.attainment).toBeCloseTo(34 / 32, 12);
    expect(h1.forecast).toBeCloseTo(34 + (48 - 32) * (34 / 32), 9); // 51
    expect(item(customers.breakdown, 'half', 'H2')).toMatchObject({ actual: null, expected: null, status: 'no-data' });
  });

  it('follows the second half’s own month plan once it is under way (as of 2026-08)', () => {
    const customers = goal(score('2026-08'), 'new-customers');
    const expected = 48 + 10 + 10; // H1, then July and August of H2's month plan
    const actual = 7 + 8 + 9 + 10 + 8 + 8 + 11 + 9; // 70
    expect(customers.actual).toBe(actual);
    expect(customers.expected).toBeCloseTo(expected, 9);
    expect(customers.attainment).toBeCloseTo(70 / 68, 12);
    expect(customers.forecast).toBeCloseTo(70 + (12 + 12 + 13 + 15) * (70 / 68), 9); // 123.53
    const h2 = item(customers.breakdown, 'half', 'H2');
    expect(h2).toMatchObject({ actual: 20, expected: 20, attainment: 1 });
    expect(h2.forecast).toBeCloseTo(20 + 52 * (20 / 20), 9); // 72
    expect(item(h2.breakdown, 'month', '2026-07')).toMatchObject({ actual: 11, expected: 10, forecast: null, status: 'on-track' });
    expect(item(h2.breakdown, 'month', '2026-09')).toMatchObject({ actual: null, expected: null, status: 'no-data' });
    expect(item(customers.breakdown, 'half', 'H1')).toMatchObject({ actual: 50, expected: 48, forecast: null });
  });
});

describe('a month plan wins over a quarter plan (as of 2026-08)', () => {
  const leads = goal(score('2026-08'), 'leads');

  it('expects the month plan to date', () => {
    const expected = 5 + 5 + 10 + 10 + 10 + 10 + 5 + 5; // 60; the quarter plan would say 20 + 30 + 30 × 2/3 = 70
    const actual = 6 + 5 + 9 + 10 + 11 + 10 + 6 + 5; // 62
    expect(leads.expected).toBe(expected);
    expect(leads.attainment).toBeCloseTo(62 / 60, 12);
    expect(leads.forecast).toBeCloseTo(actual + (20 + 10 + 15 + 15) * (62 / 60), 9);
  });

  it('judges the quarter under way on the month plan of its months', () => {
    const q3 = item(leads.breakdown, 'quarter', 'Q3');
    const expected = 30 * ((5 + 5) / (5 + 5 + 20)); // 10: July and August plan a third of Q3, not two thirds
    expect(q3.actual).toBe(6 + 5);
    expect(q3.expected).toBeCloseTo(expected, 9);
    expect(q3.attainment).toBeCloseTo(11 / 10, 12);
    expect(q3.forecast).toBeCloseTo(11 + (30 - 10) * (11 / 10), 9); // 33
  });
});

describe('the year at its end (as of 2026-12)', () => {
  it('expects the target and forecasts the actual', () => {
    const revenue = goal(score('2026-12'), 'revenue');
    const actual = 60 + 70 + 80 + 80 + 85 + 90 + 85 + 90 + 95 + 100 + 95 + 110; // 1040
    expect(revenue).toMatchObject({ actual, expected: 1000, forecast: actual });
    expect(revenue.attainment).toBeCloseTo(1040 / 1000, 12);
    expect(item(revenue.breakdown, 'quarter', 'Q4')).toMatchObject({ actual: 305, expected: 300, forecast: null });
  });
});
