import { describe, expect, it } from 'vitest';
import type { BreakdownScore, GoalScore, TeamScore } from '../../src/score/score.js';
import { scoreRepository } from '../../src/score/score.js';
import { validateRepository } from '../../src/validate.js';
import { standaloneFixtureFiles } from '../helpers/fixtures.js';

/**
 * tests/fixtures/score/fiscal: a fiscal year that starts in April
 * (`fiscalYearStart: 4`), so FY2027 runs from 2026-04 to 2027-03 and its Q3
 * is October to December 2026. Scored as of 2026-11 from the monthly revenue
 *
 *   2026-04: 80  05: 85  06: 90  07: 95  08: 100  09: 110  10: 100  11: 105
 */
const { model, diagnostics } = validateRepository(standaloneFixtureFiles('score/fiscal'));
const report = scoreRepository(model);
const team = (period: string): TeamScore => report.teams.find((t) => t.period === period)!;
const goal = (teamScore: TeamScore, id: string): GoalScore => teamScore.goals.find((g) => g.id === id)!;
const item = (items: readonly BreakdownScore[], key: string): BreakdownScore => items.find((b) => b.by === 'quarter' && b.key === key)!;

describe('fiscal periods', () => {
  it('validate without problems and are scored on their own months', () => {
    expect(diagnostics).toEqual([]);
    expect(report.asOf).toBe('2026-11');
    expect(team('FY2027')).toMatchObject({ months: ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03'], elapsedMonths: 8 });
    expect(team('FY2027-Q3')).toMatchObject({ months: ['2026-10', '2026-11', '2026-12'], elapsedMonths: 2 });
  });

  it('pace a fiscal year by its fiscal quarters', () => {
    const revenue = goal(team('FY2027'), 'revenue');
    const actual = 80 + 85 + 90 + (95 + 100 + 110) + (100 + 105); // 765
    const expected = 250 + 300 + (330 * 2) / 3; // Q1 (Apr–Jun), Q2 (Jul–Sep), two months of Q3: 770
    expect(revenue.actual).toBe(actual);
    expect(revenue.expected).toBeCloseTo(expected, 9);
    expect(revenue.attainment).toBeCloseTo(765 / 770, 12);
    expect(revenue.forecast).toBeCloseTo(765 + (330 / 3 + 350) * (765 / 770), 9);
    expect(item(revenue.breakdown, 'Q1')).toMatchObject({ actual: 255, expected: 250, forecast: null });
    const q3 = item(revenue.breakdown, 'Q3');
    expect(q3.actual).toBe(205);
    expect(q3.expected).toBeCloseTo(220, 9);
    expect(q3.forecast).toBeCloseTo(205 + (330 - 220) * (205 / 220), 9);
    expect(item(revenue.breakdown, 'Q4')).toMatchObject({ actual: null, status: 'no-data' });
  });

  it('compare a fiscal quarter with the fiscal quarter before it', () => {
    const q3 = goal(team('FY2027-Q3'), 'q3-revenue');
    expect(q3.expected).toBeCloseTo((330 * 2) / 3, 9);
    expect(q3.forecast).toBeCloseTo((205 * 3) / 2, 9); // 307.5
    expect(q3.previous).toEqual({ period: 'FY2027-Q2', actual: 95 + 100 + 110, attainment: null, change: expect.closeTo((307.5 - 305) / 305, 12) });
  });

  it('score a goal set exactly as the calendar quarter with the same months', () => {
    const calendar = standaloneFixtureFiles('score/mid-period');
    const fiscal = calendar.map((file) => {
      const text = Buffer.from(file.bytes).toString('utf8');
      if (file.path === 'goalpost.yaml') return { ...file, bytes: Buffer.from(`${text.trimEnd()}\nfiscalYearStart: 4\n`) };
      if (file.path.endsWith('growth.yaml') && text.includes('kind: GoalSet')) return { ...file, bytes: Buffer.from(text.replace('period: 2026-Q4', 'period: FY2027-Q3')) };
      return file;
    });
    for (const asOf of ['2026-10', '2026-11', '2026-12']) {
      const before = scoreRepository(validateRepository(calendar).model, { asOf });
      const { model: fiscalModel, diagnostics: fiscalDiagnostics } = validateRepository(fiscal);
      expect(fiscalDiagnostics).toEqual([]);
      const after = scoreRepository(fiscalModel, { asOf });
      expect(after.teams[0]!.period).toBe('FY2027-Q3');
      // Only the period's name differs; people's parts name it too.
      const renamed = (period: string): string => (period === 'FY2027-Q3' ? '2026-Q4' : period);
      expect({
        ...after,
        teams: after.teams.map((t) => ({ ...t, period: renamed(t.period) })),
        people: after.people.map((p) => ({
          ...p,
          goals: p.goals.map((g) => ({ ...g, period: renamed(g.period) })),
          items: p.items.map((i) => ({ ...i, period: renamed(i.period) })),
          payout: p.payout && { ...p.payout, periods: p.payout.periods.map(renamed) },
        })),
      }).toEqual(before);
    }
  });
});
