import { describe, expect, it } from 'vitest';
import { attainment, cappedAttainment, forecast, isMet, paceStatus, weightedScore } from '../../src/score/rules.js';

const thresholds = { green: 1.0, amber: 0.9 };

describe('scoring rules', () => {
  it('attainment by direction, with and without a baseline', () => {
    expect(attainment(80, 100, 'increase')).toBe(0.8);
    expect(attainment(80, 100, 'increase', 60)).toBe(0.5); // (80 - 60) / (100 - 60)
    expect(attainment(4, 5, 'decrease')).toBe(1.25); // 5 / 4
    expect(attainment(8, 5, 'decrease', 10)).toBe(0.4); // (10 - 8) / (10 - 5)
    expect(attainment(0, 5, 'decrease')).toBeUndefined();
    expect(attainment(5, 0, 'increase')).toBeUndefined();
    expect(attainment(5, 7, 'increase', 7)).toBeUndefined();
  });

  it('status against the expected value and the thresholds', () => {
    expect(paceStatus(100, 100, 'increase', thresholds)).toBe('on-track');
    expect(paceStatus(95, 100, 'increase', thresholds)).toBe('at-risk');
    expect(paceStatus(89, 100, 'increase', thresholds)).toBe('off-track');
    expect(paceStatus(105, 100, 'decrease', thresholds)).toBe('at-risk'); // 100 / 105 = 0.952
    expect(paceStatus(95, 100, 'increase', { green: 0.95, amber: 0.8 })).toBe('on-track');
    expect(paceStatus(0, 0, 'decrease', thresholds)).toBe('on-track');
  });

  it('threshold goals are met or not', () => {
    expect(isMet(0.85, 0.85, 'atLeast')).toBe(true);
    expect(isMet(0.84, 0.85, 'atLeast')).toBe(false);
    expect(isMet(0.051, 0.05, 'atMost')).toBe(false);
  });

  it('caps between zero and the cap, forecasts at the run rate, and weighs only goals with data', () => {
    expect(cappedAttainment(1.5, 1.2)).toBe(1.2);
    expect(cappedAttainment(-0.3, 1.2)).toBe(0);
    expect(forecast(200, 2, 3)).toBe(300);
    expect(forecast(200, 0, 3)).toBeUndefined();
    expect(weightedScore([{ weight: 60, capped: 0.5 }, { weight: 40, capped: 1 }])).toBeCloseTo(0.7, 12);
    expect(weightedScore([{ weight: 60, capped: 0.5 }, { weight: 40, capped: undefined }])).toBe(0.5);
    expect(weightedScore([{ weight: 60, capped: undefined }])).toBeUndefined();
  });
});
