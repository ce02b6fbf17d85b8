import { describe, expect, it } from 'vitest';
import { actualsPeriodMonth, granularityOf, isDay, isoWeekMonth, isoWeeksIn } from '../../src/model/period.js';

describe('ISO weeks', () => {
  it.each([
    // Monday 26 October to Sunday 1 November 2026: the Thursday is 29 October.
    ['2026-W44', '2026-10'],
    ['2026-W45', '2026-11'],
    // Monday 30 March to Sunday 5 April 2026: the Thursday is 2 April, so all seven days count in April.
    ['2026-W14', '2026-04'],
    // Monday 29 December 2025 to Sunday 4 January 2026: the Thursday is 1 January.
    ['2026-W01', '2026-01'],
    // Monday 28 December 2026 to Sunday 3 January 2027: the Thursday is 31 December.
    ['2026-W53', '2026-12'],
    // 2027 starts on a Friday: its week 1 runs from Monday 4 January, Thursday 7 January.
    ['2027-W01', '2027-01'],
    // 2020 starts on a Wednesday and is a leap year: week 53's Thursday is 31 December.
    ['2020-W53', '2020-12'],
  ])('%s counts in the month of its Thursday, %s', (week, month) => {
    expect(isoWeekMonth(week)).toBe(month);
    expect(actualsPeriodMonth(week)).toBe(month);
  });

  it('are 53 in a year that starts on a Thursday (or a leap year that starts on a Wednesday), else 52', () => {
    expect([2015, 2020, 2021, 2025, 2026, 2027].map(isoWeeksIn)).toEqual([53, 53, 52, 52, 53, 52]);
  });

  it.each(['2027-W53', '2026-W54', '2026-W00', '2021-W53', '2026-W5', '2026-w45', '2026W45'])('%s is not a week', (text) => {
    expect(isoWeekMonth(text)).toBeUndefined();
    expect(actualsPeriodMonth(text)).toBeUndefined();
  });
});

describe('days', () => {
  it('exist only within their month, 29 February in leap years alone', () => {
    expect(['2026-11-03', '2026-11-30', '2028-02-29', '2000-02-29', '2026-12-31'].map(isDay)).toEqual([true, true, true, true, true]);
    expect(['2026-02-30', '2026-02-29', '2100-02-29', '2026-04-31', '2026-11-00', '2026-13-01', '2026-11-3'].map(isDay)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('count in their month', () => {
    expect(actualsPeriodMonth('2026-11-03')).toBe('2026-11');
    expect(actualsPeriodMonth('2026-11')).toBe('2026-11');
    expect(actualsPeriodMonth('2026-13')).toBeUndefined();
  });
});

describe('granularity', () => {
  it('is told by the shape of a valid period', () => {
    expect(['2026-11', '2026-W45', '2026-11-03'].map(granularityOf)).toEqual(['month', 'week', 'day']);
  });
});
