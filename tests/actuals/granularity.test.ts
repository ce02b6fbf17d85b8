import { describe, expect, it } from 'vitest';
import { validateRepository } from '../../src/validate.js';
import { baseWith, positions, validateFixture } from '../helpers/fixtures.js';

const accepted = 'A period is a month (2026-11), an ISO week (2026-W45, counted in the month that holds its Thursday) or a day (2026-11-03).';
const oneForm = "Give a month's actuals in one form: one row for the month, rows by ISO week, or rows by day.";

describe('actuals by month, ISO week and day', () => {
  // actuals.csv: zhang.min gives November as a month (line 2) and then by day (lines 5, 6); wang.fang by day
  // (lines 3, 4, 9) and then by week (line 7); 2026-W44 (line 8) counts in October, where wang.fang has nothing
  // else. weekly.csv gives December's csat by week, which actuals.csv (line 13) gives as a month.
  const diagnostics = validateFixture('checks/actuals-granularity');

  it('report a month given in two forms at the period of the later row, once for each form, and invalid days and weeks at their cells', () => {
    expect(positions(diagnostics)).toEqual([
      'actuals-mixed-granularity actuals/actuals.csv:5:1-5:11',
      'actuals-mixed-granularity actuals/actuals.csv:7:1-7:9',
      'duplicate-actual actuals/actuals.csv:9:1-9:43',
      'actuals-period actuals/actuals.csv:10:1-10:11',
      'actuals-period actuals/actuals.csv:11:1-11:9',
      'actuals-period actuals/actuals.csv:12:1-12:9',
      'actuals-mixed-granularity actuals/weekly.csv:2:1-2:9',
    ]);
    expect(diagnostics.map((d) => d.severity)).toEqual(['error', 'error', 'error', 'error', 'error', 'error', 'error']);
  });

  it('name the row given in the other form, file and line', () => {
    expect(diagnostics[0]!.message).toBe(
      `This row gives revenue of team "marketing" (owner zhang.min) for the day 2026-11-20, but actuals/actuals.csv:2 gives it for the whole month 2026-11: 2026-11 would count the same figures twice. ${oneForm}`,
    );
    expect(diagnostics[1]!.message).toBe(
      `This row gives revenue of team "marketing" (owner wang.fang) for the ISO week 2026-W45, which counts in 2026-11 (the month of its Thursday), but actuals/actuals.csv:3 gives it for the day 2026-11-03: 2026-11 would count the same figures twice. ${oneForm}`,
    );
    expect(diagnostics[6]!.message).toBe(
      `This row gives csat of team "marketing" for the ISO week 2026-W49, which counts in 2026-12 (the month of its Thursday), but actuals/actuals.csv:13 gives it for the whole month 2026-12: 2026-12 would count the same figures twice. ${oneForm}`,
    );
  });

  it('treat two rows for the same day as duplicates, as two rows for the same month', () => {
    expect(diagnostics[2]!.message).toBe('This row repeats row 3 (2026-11-03, marketing, revenue, owner wang.fang); keep one value for each.');
  });

  it('say why a day or week does not exist, and which forms are accepted', () => {
    expect(diagnostics.slice(3, 6).map((d) => d.message)).toEqual([
      `"2026-02-30" is not a day: February 2026 has 28 days. ${accepted}`,
      `"2027-W53" is not a week: 2027 has ISO weeks W01 to W52. ${accepted}`,
      `"2026-W00" is not a week: 2026 has ISO weeks W01 to W53. ${accepted}`,
    ]);
  });

  it('report other text, and an empty period, with the accepted forms', () => {
    const csv = 'period,team,kpi,owner,value\n2026-13,marketing,revenue,zhang.min,1\n,marketing,revenue,wang.fang,2\n2026-11-3,marketing,csat,,4\n';
    const found = validateRepository(baseWith({ 'actuals/actuals.csv': csv })).diagnostics;
    expect(positions(found)).toEqual(['actuals-period actuals/actuals.csv:2:1-2:8', 'actuals-period actuals/actuals.csv:3:1-3:1', 'actuals-period actuals/actuals.csv:4:1-4:10']);
    expect(found.map((d) => d.message)).toEqual([`"2026-13" is not a period. ${accepted}`, `The period is empty. ${accepted}`, `"2026-11-3" is not a period. ${accepted}`]);
  });

  it('treat two rows for the same ISO week as duplicates', () => {
    const csv = 'period,team,kpi,owner,value\n2026-W45,marketing,revenue,zhang.min,1\n2026-W46,marketing,revenue,zhang.min,2\n2026-W45,marketing,revenue,zhang.min,3\n';
    const found = validateRepository(baseWith({ 'actuals/actuals.csv': csv })).diagnostics;
    expect(positions(found)).toEqual(['duplicate-actual actuals/actuals.csv:4:1-4:39']);
    expect(found[0]!.message).toBe('This row repeats row 2 (2026-W45, marketing, revenue, owner zhang.min); keep one value for each.');
  });

  it('allow a month in another form for other dimension values, and in another month', () => {
    // zhang.min by month and wang.fang by day in November; the team total by week in November and by day in
    // December; 2026-W44 (Thursday 29 October) and a month row for October.
    const csv = [
      'period,team,kpi,owner,value',
      '2026-11,marketing,revenue,zhang.min,1000',
      '2026-11-03,marketing,revenue,wang.fang,100',
      '2026-W45,marketing,csat,,4',
      '2026-12-01,marketing,csat,,5',
      '2026-W44,marketing,revenue,wang.fang,80',
      '2026-10,marketing,revenue,zhang.min,90',
      '',
    ].join('\n');
    expect(validateRepository(baseWith({ 'actuals/actuals.csv': csv })).diagnostics).toEqual([]);
  });

  it('report a week that counts in a month given as a whole, though some of its days fall in the next', () => {
    // 2026-W44 runs from 26 October to 1 November: all of it counts in October.
    const csv = 'period,team,kpi,owner,value\n2026-10,marketing,revenue,zhang.min,1000\n2026-11,marketing,revenue,zhang.min,1000\n2026-W44,marketing,revenue,zhang.min,80\n';
    const found = validateRepository(baseWith({ 'actuals/actuals.csv': csv })).diagnostics;
    expect(positions(found)).toEqual(['actuals-mixed-granularity actuals/actuals.csv:4:1-4:9']);
    expect(found[0]!.message).toContain('for the ISO week 2026-W44, which counts in 2026-10 (the month of its Thursday), but actuals/actuals.csv:2 gives it for the whole month 2026-10');
  });
});
