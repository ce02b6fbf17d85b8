import { describe, expect, it } from 'vitest';
import type { BreakdownScore, GoalScore, ScoreReport, TeamScore } from '../../src/score/score.js';
import { scoreRepository } from '../../src/score/score.js';
import { validateRepository } from '../../src/validate.js';
import { standaloneFixtureFiles } from '../helpers/fixtures.js';

/**
 * tests/fixtures/score/cascade: a company plan for 2026 carried by two
 * departments, scored as of 2026-11 (the latest month with actuals).
 *
 *   company 2026     annual-revenue 2600 (H1 900, H2 1700)    no actuals of its own
 *     ├─ sales 2026-H1    revenue 900                        alignsTo company/annual-revenue
 *     └─ company 2026-H2  revenue 1700 (Q3 800, Q4 900;       alignsTo company/annual-revenue,
 *          │                        marketing 700, sales 1000)  no actuals of its own
 *          ├─ marketing 2026-Q3  q3-revenue 300
 *          ├─ marketing 2026-Q4  q4-revenue 400 (shared with sales, 5 initiatives)
 *          └─ sales 2026-H2      revenue 1000
 *   company 2026-H2  csat 4.5, from marketing 2026-Q4 csat and sales 2026-H2 csat
 *
 * Monthly actuals (actuals/2026.csv):
 *
 *   month              01   02   03   04   05   06   07   08   09   10   11
 *   sales revenue     140  150  150  160  150  170  160  170  165  170  180
 *   sales csat        4.5  4.4  4.6  4.5  4.7  4.6  4.6  4.5  4.7  4.8  4.6
 *   marketing revenue                                95  100  110  120  135
 *   marketing csat                                  4.1  4.3  4.2  4.4  4.6
 *
 * Every figure below is worked out by hand from these.
 */
const { model, diagnostics } = validateRepository(standaloneFixtureFiles('score/cascade'));
const report: ScoreReport = scoreRepository(model);

const team = (id: string, period: string): TeamScore => report.teams.find((t) => t.team === id && t.period === period)!;
const goal = (teamScore: TeamScore, id: string): GoalScore => teamScore.goals.find((g) => g.id === id)!;
const item = (items: readonly BreakdownScore[], by: string, key: string): BreakdownScore => items.find((b) => b.by === by && b.key === key)!;

const companyH2 = team('company', '2026-H2');
const companyYear = team('company', '2026');
const marketingQ4 = team('marketing', '2026-Q4');
const salesH2 = team('sales', '2026-H2');

describe('the cascade', () => {
  it('validates without errors and is scored as of November', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.asOf).toBe('2026-11');
  });
});

describe('actuals roll up from the goals aligned to a goal without rows of its own', () => {
  const revenue = goal(companyH2, 'revenue');

  it('across teams: each month combines the contributors whose periods include it', () => {
    // July–September: marketing Q3 and sales H2; October–November: marketing Q4 and sales H2
    const months = [95 + 160, 100 + 170, 110 + 165, 120 + 170, 135 + 180]; // 255, 270, 275, 290, 315
    expect(revenue.trend).toEqual([
      { month: '2026-07', value: 255 },
      { month: '2026-08', value: 270 },
      { month: '2026-09', value: 275 },
      { month: '2026-10', value: 290 },
      { month: '2026-11', value: 315 },
    ]);
    expect(revenue.actual).toBe(months.reduce((a, b) => a + b, 0)); // 1405
    expect(revenue.actualFrom).toBe('contributors');
  });

  it('is scored like any actual, paced by the goal’s quarter plan', () => {
    const expected = 800 + (900 * 2) / 3; // Q3, then October and November of Q4: 1400
    expect(revenue.expected).toBeCloseTo(expected, 9);
    expect(revenue.attainment).toBeCloseTo(1405 / 1400, 12);
    expect(revenue.forecast).toBeCloseTo(1405 + (900 / 3) * (1405 / 1400), 9); // 1706.07
    expect(item(revenue.breakdown, 'quarter', 'Q3')).toMatchObject({ actual: 255 + 270 + 275, expected: 800, attainment: 1, forecast: null });
    const q4 = item(revenue.breakdown, 'quarter', 'Q4');
    expect(q4.actual).toBe(290 + 315);
    expect(q4.expected).toBeCloseTo(600, 9);
    expect(q4.forecast).toBeCloseTo(605 + (900 - 600) * (605 / 600), 9); // 907.5
  });

  it('gives a `by: team` item that team’s actual over the months', () => {
    const share = 1400 / 1700; // the goal's plan to date, which an item without a plan of its own follows
    const marketing = item(revenue.breakdown, 'team', 'marketing');
    expect(marketing.actual).toBe(95 + 100 + 110 + 120 + 135); // 560
    expect(marketing.expected).toBeCloseTo(700 * share, 9);
    expect(marketing.attainment).toBeCloseTo(560 / (700 * share), 12); // 0.971
    expect(marketing.status).toBe('at-risk');
    const sales = item(revenue.breakdown, 'team', 'sales');
    expect(sales.actual).toBe(160 + 170 + 165 + 170 + 180); // 845
    expect(sales.attainment).toBeCloseTo(845 / (1000 * share), 12);
    expect(sales.owner).toBeNull();
  });

  it('across horizons and recursively: the year takes sales H1 for January–June and the rolled-up H2 for July on', () => {
    const annual = goal(companyYear, 'annual-revenue');
    const h1 = 140 + 150 + 150 + 160 + 150 + 170; // 920
    const h2 = 255 + 270 + 275 + 290 + 315; // 1405
    expect(annual.actual).toBe(h1 + h2); // 2325
    expect(annual.actualFrom).toBe('contributors');
    expect(annual.trend.map((m) => m.value)).toEqual([140, 150, 150, 160, 150, 170, 255, 270, 275, 290, 315]);
    const expected = 900 + (1700 * 5) / 6; // the half plan: H1, then five sixths of H2
    expect(annual.expected).toBeCloseTo(expected, 9);
    expect(annual.attainment).toBeCloseTo(2325 / expected, 12);
    expect(annual.forecast).toBeCloseTo(2325 + (1700 / 6) * (2325 / expected), 9);
    expect(item(annual.breakdown, 'half', 'H1')).toMatchObject({ actual: 920, expected: 900, forecast: null, status: 'on-track' });
    const secondHalf = item(annual.breakdown, 'half', 'H2');
    expect(secondHalf.actual).toBe(1405);
    expect(secondHalf.attainment).toBeCloseTo(1405 / ((1700 * 5) / 6), 12); // 0.992
    expect(secondHalf.status).toBe('at-risk');
  });

  it('combines by the KPI’s aggregate across contributors, then over time: a mean of means for a score', () => {
    const csat = goal(companyH2, 'csat');
    // July–September: sales alone (marketing's Q3 csat goal is not aligned); October–November: the mean of both
    const months = [4.6, 4.5, 4.7, (4.4 + 4.8) / 2, (4.6 + 4.6) / 2];
    expect(csat.trend.map((m) => m.value)).toEqual(months.map((v) => expect.closeTo(v, 12)));
    expect(csat.actual).toBeCloseTo(months.reduce((a, b) => a + b, 0) / 5, 12); // 4.6
    expect(csat.attainment).toBeCloseTo(4.6 / 4.5, 12);
    expect(csat.actualFrom).toBe('contributors');
  });

  it('says a goal with rows of its own is scored from them, and a goal without an actual from nowhere', () => {
    expect(goal(marketingQ4, 'q4-revenue').actualFrom).toBe('rows');
    expect(goal(salesH2, 'revenue').actualFrom).toBe('rows');
    const noActuals = scoreRepository(model, { asOf: '2025-12' });
    expect(noActuals.teams.flatMap((t) => t.goals.map((g) => g.actualFrom))).toEqual(noActuals.teams.flatMap((t) => t.goals.map(() => null)));
  });
});

describe('shared goals', () => {
  it('are listed on the contributing team’s goal sets whose period overlaps theirs, and not counted in its score', () => {
    expect(salesH2.sharedGoals).toEqual([{ team: 'marketing', period: '2026-Q4', id: 'q4-revenue' }]);
    expect(team('sales', '2026-H1').sharedGoals).toEqual([]);
    expect(marketingQ4.sharedGoals).toEqual([]);
    expect(salesH2.goals.map((g) => g.id)).toEqual(['revenue', 'csat']);
    // sales H2, as of 5 of 6 months: revenue 845 against 1000 × 5/6, csat the mean of its five months against 4.6
    const revenue = 845 / ((1000 * 5) / 6);
    const csat = (4.6 + 4.5 + 4.7 + 4.8 + 4.6) / 5 / 4.6;
    expect(salesH2.score).toBeCloseTo((revenue * 70 + csat * 30) / 100, 12);
  });

  it('name the teams that carry them, and their people', () => {
    const shared = goal(marketingQ4, 'q4-revenue');
    expect(shared.contributors).toEqual(['sales']);
    expect(shared.initiatives.find((i) => i.id === 'partner-webinars')).toMatchObject({ owner: 'chen.jie', ownerName: '陈杰' });
  });
});

describe('initiatives', () => {
  it('are listed in file order, overdue when due by the end of the as-of month and neither done nor dropped', () => {
    const initiatives = goal(marketingQ4, 'q4-revenue').initiatives;
    expect(initiatives.map((i) => [i.id, i.status, i.overdue])).toEqual([
      ['launch-campaign', 'done', false],
      ['partner-webinars', 'in-progress', true], // due 2026-11-30, the last day of the as-of month
      ['year-end-promo', 'planned', false], // due in December
      ['crm-cleanup', 'blocked', true],
      ['print-ads', 'dropped', false],
    ]);
    expect(initiatives[0]).toEqual({
      id: 'launch-campaign',
      title: '新品上市活动',
      owner: 'zhang.min',
      ownerName: '张敏',
      start: '2026-10-01',
      due: '2026-10-31',
      status: 'done',
      link: null,
      overdue: false,
    });
    expect(initiatives[2]!.link).toBe('https://example.com/promo');
  });

  it('are counted per goal set', () => {
    expect(marketingQ4.initiatives).toEqual({ total: 5, done: 1, overdue: 2, blocked: 1 });
    expect(salesH2.initiatives).toEqual({ total: 0, done: 0, overdue: 0, blocked: 0 });
  });

  it('follow the as-of month: as of October, nothing due in November is overdue yet', () => {
    const october = scoreRepository(model, { asOf: '2026-10' }).teams.find((t) => t.team === 'marketing' && t.period === '2026-Q4')!;
    expect(october.initiatives).toEqual({ total: 5, done: 1, overdue: 0, blocked: 1 });
  });
});

describe('the previous period', () => {
  it('compares the forecast of a KPI that sums over time with the previous actual; the attainment is of the goal on the same KPI then', () => {
    const revenue = goal(marketingQ4, 'q4-revenue');
    const forecast = ((120 + 135) * 3) / 2; // 382.5 on the straight line
    expect(revenue.forecast).toBeCloseTo(forecast, 9);
    expect(revenue.previous).toEqual({
      period: '2026-Q3',
      actual: 95 + 100 + 110, // 305
      attainment: expect.closeTo(305 / 300, 12), // q3-revenue, the Q3 goal on revenue (no Q3 goal is called q4-revenue)
      change: expect.closeTo((forecast - 305) / 305, 12), // +25.4%
    });
  });

  it('compares the actual of a KPI that does not sum over time; the attainment is of the goal with the same id then', () => {
    const csat = goal(marketingQ4, 'csat');
    const previous = (4.1 + 4.3 + 4.2) / 3; // 4.2
    expect(csat.previous).toEqual({
      period: '2026-Q3',
      actual: expect.closeTo(previous, 12),
      attainment: expect.closeTo(previous / 4.2, 12),
      change: expect.closeTo((4.5 - previous) / previous, 12),
    });
  });

  it('has no attainment without a goal on the KPI then, and needs the team’s actuals in every month of the period', () => {
    const h1 = (4.5 + 4.4 + 4.6 + 4.5 + 4.7 + 4.6) / 6; // 4.55
    expect(goal(salesH2, 'csat').previous).toEqual({
      period: '2026-H1',
      actual: expect.closeTo(h1, 12),
      attainment: null,
      change: expect.closeTo((4.64 - h1) / h1, 12),
    });
    expect(goal(salesH2, 'revenue').previous).toMatchObject({ period: '2026-H1', actual: 920, attainment: expect.closeTo(920 / 900, 12) });
    expect(goal(salesH2, 'revenue').previous!.change).toBeCloseTo((845 * (6 / 5) - 920) / 920, 12);
    // marketing reported nothing before July; the company has no rows of its own; 2025 has no actuals at all
    expect(goal(team('marketing', '2026-Q3'), 'q3-revenue').previous).toBeNull();
    expect(goal(companyH2, 'revenue').previous).toBeNull();
    expect(goal(companyYear, 'annual-revenue').previous).toBeNull();
  });

  it('is left out until every month of it is counted', () => {
    const asOfAugust = scoreRepository(model, { asOf: '2026-08' });
    const q4 = asOfAugust.teams.find((t) => t.team === 'marketing' && t.period === '2026-Q4')!;
    expect(goal(q4, 'q4-revenue').previous).toBeNull();
  });
});
