import { describe, expect, it } from 'vitest';
import {
  attainment,
  cappedAttainment,
  changeFrom,
  expectedToDate,
  forecast,
  isMet,
  isOverdue,
  judgeLevelThreshold,
  judgeSummedThreshold,
  paceStatus,
  progress,
  thresholdAttainment,
  weightedScore,
} from '../../src/score/rules.js';

const thresholds = { green: 1.0, amber: 0.9 };
const cap = 1.2;
const value = (v: number) => ({ value: v, bestPossible: false });
const best = { value: cap, bestPossible: true };

describe('scoring rules', () => {
  it('expected to date: the plan, or the target spread over the months, for a KPI that sums over time; the target for any other', () => {
    const twoOfThree = { part: 2, whole: 3 };
    expect(expectedToDate(300, true, twoOfThree)).toBe(200);
    expect(expectedToDate(12_000_000, true, twoOfThree, 7_500_000)).toBe(7_500_000);
    expect(expectedToDate(0.85, false, twoOfThree)).toBe(0.85);
  });

  it('progress: the share of the target reached, only for a target above zero', () => {
    expect(progress(15, 22)).toBeCloseTo(0.681818, 6);
    expect(progress(5, 0)).toBeUndefined();
  });

  it('attainment by direction, with and without a baseline', () => {
    expect(attainment(80, 100, 'increase', cap)).toEqual(value(0.8));
    expect(attainment(80, 100, 'increase', cap, 60)).toEqual(value(0.5)); // (80 - 60) / (100 - 60)
    expect(attainment(4, 5, 'decrease', cap)).toEqual(value(1.25)); // 5 / 4
    expect(attainment(8, 5, 'decrease', cap, 10)).toEqual(value(0.4)); // (10 - 8) / (10 - 5)
    expect(attainment(-40, -10, 'increase', cap, -50)).toEqual(value(0.25)); // (-40 + 50) / (-10 + 50)
    expect(attainment(5, 7, 'increase', cap, 7)).toBeUndefined();
    expect(attainment(-40, -10, 'increase', cap)).toBeUndefined(); // refused by validation: a negative target needs a baseline
  });

  it('attainment at the ends: a decrease KPI at zero, and a plan that expected nothing yet', () => {
    expect(attainment(0, 5, 'decrease', cap)).toEqual(best);
    expect(attainment(0, 0, 'decrease', cap)).toEqual(best);
    expect(attainment(0, 10, 'decrease', cap, 20)).toEqual(best);
    expect(attainment(3, 0, 'decrease', cap)).toEqual(value(0)); // nothing was allowed yet
    expect(attainment(5, 0, 'increase', cap)).toEqual(best);
    expect(attainment(0, 0, 'increase', cap)).toEqual(value(1));
  });

  it('status against the thresholds', () => {
    expect(paceStatus(value(1), thresholds)).toBe('on-track');
    expect(paceStatus(value(0.95), thresholds)).toBe('at-risk');
    expect(paceStatus(value(0.89), thresholds)).toBe('off-track');
    expect(paceStatus(value(0.95), { green: 0.95, amber: 0.8 })).toBe('on-track');
    expect(paceStatus(best, thresholds)).toBe('on-track');
  });

  it('forecast: relative to the plan with one, on the straight line without', () => {
    const pace = { expected: 7_500_000, remainingPlan: 4_500_000, planned: true, elapsedMonths: 2, periodMonths: 3 };
    expect(forecast(7_650_000, pace)).toBeCloseTo(7_650_000 + 4_500_000 * (7_650_000 / 7_500_000), 6);
    expect(forecast(200, { ...pace, planned: false })).toBe(300);
    expect(forecast(10, { ...pace, expected: 0, remainingPlan: 100 })).toBe(110); // nothing was planned yet: the rest of the plan
    expect(forecast(10, { ...pace, elapsedMonths: 0 })).toBeUndefined();
    expect(forecast(12_150_000, { ...pace, expected: 12_000_000, remainingPlan: 0, elapsedMonths: 3 })).toBe(12_150_000);
  });

  it('threshold goals on a summed KPI: decided as soon as they can be, otherwise judged on the forecast', () => {
    expect(judgeSummedThreshold(205_000, 307_500, 300_000, 'atMost', false, 0.9)).toEqual({ met: null, status: 'at-risk' });
    expect(judgeSummedThreshold(205_000, 290_000, 300_000, 'atMost', false, 0.9)).toEqual({ met: null, status: 'on-track' });
    expect(judgeSummedThreshold(205_000, 340_000, 300_000, 'atMost', false, 0.9)).toEqual({ met: null, status: 'off-track' });
    expect(judgeSummedThreshold(55_000, 82_500, 50_000, 'atMost', false, 0.9)).toEqual({ met: false, status: 'off-track' });
    expect(judgeSummedThreshold(295_000, 295_000, 300_000, 'atMost', true, 0.9)).toEqual({ met: true, status: 'on-track' });
    expect(judgeSummedThreshold(120, 180, 100, 'atLeast', false, 0.9)).toEqual({ met: true, status: 'on-track' });
    expect(judgeSummedThreshold(60, 95, 100, 'atLeast', false, 0.9)).toEqual({ met: null, status: 'at-risk' });
    expect(judgeSummedThreshold(60, 80, 100, 'atLeast', false, 0.9)).toEqual({ met: null, status: 'off-track' });
    expect(judgeSummedThreshold(95, 95, 100, 'atLeast', true, 0.9)).toEqual({ met: false, status: 'off-track' });
  });

  it('threshold goals on a level KPI: judged on the actual, decided when the period is over', () => {
    expect(isMet(0.85, 0.85, 'atLeast')).toBe(true);
    expect(isMet(0.051, 0.05, 'atMost')).toBe(false);
    expect(judgeLevelThreshold(0.87, 0.85, 'atLeast', false)).toEqual({ met: null, status: 'on-track' });
    expect(judgeLevelThreshold(0.84, 0.85, 'atLeast', true)).toEqual({ met: false, status: 'off-track' });
    expect(thresholdAttainment(null, 'on-track')).toEqual(value(1));
    expect(thresholdAttainment(null, 'at-risk')).toEqual(value(0));
    expect(thresholdAttainment(true, 'on-track')).toEqual(value(1));
    expect(thresholdAttainment(false, 'off-track')).toEqual(value(0));
  });

  it('caps between zero and the cap, and weighs only goals with data', () => {
    expect(cappedAttainment(1.5, 1.2)).toBe(1.2);
    expect(cappedAttainment(-0.3, 1.2)).toBe(0);
    expect(weightedScore([{ weight: 60, capped: 0.5 }, { weight: 40, capped: 1 }])).toBeCloseTo(0.7, 12);
    expect(weightedScore([{ weight: 60, capped: 0.5 }, { weight: 40, capped: undefined }])).toBe(0.5);
    expect(weightedScore([{ weight: 60, capped: undefined }])).toBeUndefined();
  });

  it('overdue: due by the last day of the as-of month and neither done nor dropped; nothing without an as-of month', () => {
    expect(isOverdue('2026-11-30', 'in-progress', '2026-11')).toBe(true);
    expect(isOverdue('2026-11-01', 'planned', '2026-11')).toBe(true);
    expect(isOverdue('2026-10-15', 'blocked', '2026-11')).toBe(true);
    expect(isOverdue('2026-12-01', 'planned', '2026-11')).toBe(false);
    expect(isOverdue('2026-10-15', 'done', '2026-11')).toBe(false);
    expect(isOverdue('2026-10-15', 'dropped', '2026-11')).toBe(false);
    expect(isOverdue('2026-10-15', 'planned', undefined)).toBe(false);
  });

  it('change from the previous period: a share of the previous actual’s size, none from zero', () => {
    expect(changeFrom(305, 382.5)).toBeCloseTo(77.5 / 305, 12);
    expect(changeFrom(200, 150)).toBe(-0.25);
    expect(changeFrom(-10, -5)).toBe(0.5); // from a loss of 10 to a loss of 5: up by half its size
    expect(changeFrom(0, 5)).toBeUndefined();
  });
});
