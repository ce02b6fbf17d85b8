import { describe, expect, it } from 'vitest';
import { addMonths, parsePeriod, periodsOverlap, periodYearEarlier, previousPeriod, yearPartKeys, yearPartMonths } from '../../src/model/period.js';

const span = (text: string, start?: number): string => {
  const period = parsePeriod(text, start)!;
  return `${period.months[0]}..${period.months.at(-1)} (${period.months.length})`;
};

describe('parsePeriod', () => {
  it.each([
    ['2026', 12, '2026-01', '2026-12'],
    [2026, 12, '2026-01', '2026-12'],
    ['2026-H1', 6, '2026-01', '2026-06'],
    ['2026-H2', 6, '2026-07', '2026-12'],
    ['2026-Q4', 3, '2026-10', '2026-12'],
    ['2026-11', 1, '2026-11', '2026-11'],
  ])('%s has %i months from %s to %s', (text, count, first, last) => {
    const period = parsePeriod(text)!;
    expect(period.months).toHaveLength(count);
    expect(period.months[0]).toBe(first);
    expect(period.months[count - 1]).toBe(last);
  });

  it.each(['2026-Q5', '2026-13', '2026-H3', '26-Q1', '2026-q4', '2026-00', '', 'FY2026-Q5', 'FY2026-11', 'fy2026', 'FY26'])('rejects %j', (text) => {
    expect(parsePeriod(text)).toBeUndefined();
  });

  it('tells whether periods overlap', () => {
    expect(periodsOverlap(parsePeriod('2026')!, parsePeriod('2026-Q4')!)).toBe(true);
    expect(periodsOverlap(parsePeriod('2026-H1')!, parsePeriod('2026-Q4')!)).toBe(false);
    expect(periodsOverlap(parsePeriod('FY2027-Q1', 4)!, parsePeriod('2026-Q2')!)).toBe(true);
  });
});

describe('fiscal years', () => {
  it('name the year they end in: a start in January is the calendar year', () => {
    expect(span('FY2027', 1)).toBe('2027-01..2027-12 (12)');
    expect(span('FY2027-Q1', 1)).toBe('2027-01..2027-03 (3)');
  });

  it.each([
    [4, 'FY2027', '2026-04..2027-03 (12)'],
    [4, 'FY2027-Q1', '2026-04..2026-06 (3)'],
    [4, 'FY2027-Q4', '2027-01..2027-03 (3)'],
    [4, 'FY2027-H2', '2026-10..2027-03 (6)'],
    [7, 'FY2027', '2026-07..2027-06 (12)'],
    [7, 'FY2027-Q2', '2026-10..2026-12 (3)'],
    [7, 'FY2027-Q3', '2027-01..2027-03 (3)'],
    [10, 'FY2027-Q1', '2026-10..2026-12 (3)'],
    [10, 'FY2027-H2', '2027-04..2027-09 (6)'],
    [12, 'FY2027-Q1', '2026-12..2027-02 (3)'],
  ])('start %i: %s is %s', (start, text, expected) => {
    expect(span(text, start)).toBe(expected);
  });

  it('leave calendar periods alone in the same repository', () => {
    expect(span('2027-Q1', 4)).toBe('2027-01..2027-03 (3)');
    expect(span('2027', 7)).toBe('2027-01..2027-12 (12)');
  });

  it('count months across the year boundary', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-04', 11)).toBe('2027-03');
  });
});

describe('parts of a year, and the periods before', () => {
  it('find the quarters and halves of the (fiscal) year a period belongs to', () => {
    const fy = parsePeriod('FY2027', 4)!;
    expect(yearPartMonths(fy, 'quarter', 'Q4')).toEqual(['2027-01', '2027-02', '2027-03']);
    expect(yearPartMonths(fy, 'half', 'H1')).toEqual(['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09']);
    expect(yearPartMonths(fy, 'quarter', 'Q5')).toBeUndefined();
    expect(yearPartKeys(fy, 'quarter')).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    expect(yearPartKeys(parsePeriod('2026-H2')!, 'quarter')).toEqual(['Q3', 'Q4']);
    expect(yearPartKeys(parsePeriod('2026-Q4')!, 'half')).toEqual([]);
  });

  it('step back to the previous period of the same length, and to the same period a year earlier', () => {
    expect(previousPeriod(parsePeriod('2026-Q4')!).id).toBe('2026-Q3');
    expect(previousPeriod(parsePeriod('2027-Q1')!).id).toBe('2026-Q4');
    expect(previousPeriod(parsePeriod('2027-01')!).id).toBe('2026-12');
    expect(previousPeriod(parsePeriod('2027-H1')!).id).toBe('2026-H2');
    expect(previousPeriod(parsePeriod('2027')!).id).toBe('2026');
    const fyQ1 = previousPeriod(parsePeriod('FY2027-Q1', 4)!, 4);
    expect([fyQ1.id, fyQ1.months[0]]).toEqual(['FY2026-Q4', '2026-01']);
    expect(periodYearEarlier(parsePeriod('2026-Q4')!).id).toBe('2025-Q4');
    expect(periodYearEarlier(parsePeriod('FY2027-Q2', 7)!, 7).months).toEqual(['2025-10', '2025-11', '2025-12']);
  });
});
