import { describe, expect, it } from 'vitest';
import { parsePeriod, periodsOverlap } from '../../src/model/period.js';

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

  it.each(['2026-Q5', '2026-13', '2026-H3', '26-Q1', '2026-q4', '2026-00', ''])('rejects %j', (text) => {
    expect(parsePeriod(text)).toBeUndefined();
  });

  it('tells whether periods overlap', () => {
    expect(periodsOverlap(parsePeriod('2026')!, parsePeriod('2026-Q4')!)).toBe(true);
    expect(periodsOverlap(parsePeriod('2026-H1')!, parsePeriod('2026-Q4')!)).toBe(false);
  });
});
