import { describe, expect, it } from 'vitest';
import type { BreakdownScore, GoalScore, ScoreReport, TeamScore } from '../../src/score/score.js';
import { scoreRepository } from '../../src/score/score.js';
import { validateRepository } from '../../src/validate.js';
import { standaloneFixtureFiles } from '../helpers/fixtures.js';

/**
 * tests/fixtures/score/mid-period: one team, 2026-Q4, with actuals for all
 * three months. Scored as of November (two of three months) every figure is
 * worked out by hand below from the goal set and actuals/2026-q4.csv; scored
 * as of December (the period's end) every figure must equal the
 * end-of-period rules: actual ÷ target (increase), target ÷ actual
 * (decrease), (actual − baseline) ÷ (target − baseline), met or not.
 */
function score(asOf: string): TeamScore {
  const { model, diagnostics } = validateRepository(standaloneFixtureFiles('score/mid-period'));
  expect(diagnostics).toEqual([]);
  const report: ScoreReport = scoreRepository(model, { asOf });
  expect(report.teams).toHaveLength(1);
  return report.teams[0]!;
}

const mid = score('2026-11');
const end = score('2026-12');
const goal = (team: TeamScore, id: string): GoalScore => team.goals.find((g) => g.id === id)!;
const item = (items: readonly BreakdownScore[], by: string, key: string): BreakdownScore => items.find((b) => b.by === by && b.key === key)!;

describe('mid-period scores (as of 2026-11, 2 of 3 months)', () => {
  it('a summed KPI with a month plan: expected is the plan to date, attainment is to date, the forecast follows the plan', () => {
    const revenue = goal(mid, 'revenue');
    const actual = 1_600_000 + 2_000_000 + 1_750_000 + 2_300_000; // 7,650,000
    const expected = 3_500_000 + 4_000_000; // October and November of the plan
    expect(revenue.actual).toBe(actual);
    expect(revenue.expected).toBe(expected);
    expect(revenue.progress).toBeCloseTo(7_650_000 / 12_000_000, 12); // 0.6375
    expect(revenue.attainment).toBeCloseTo(7_650_000 / 7_500_000, 12); // 1.02: ahead of its plan
    expect(revenue.status).toBe('on-track');
    // December's plan of 4.5M at the same pace relative to the plan: 7.65M + 4.5M × 1.02 = 12.24M
    expect(revenue.forecast).toBeCloseTo(12_240_000, 6);
    expect(revenue.forecastAttainment).toBeCloseTo(12_240_000 / 12_000_000, 12);
    expect(revenue.forecastReachesTarget).toBe(true);
    expect(revenue.met).toBeNull();
    expect(revenue.bestPossible).toBe(false);
  });

  it('breakdown items without a plan of their own follow the goal’s phasing', () => {
    const revenue = goal(mid, 'revenue');
    const share = 7_500_000 / 12_000_000; // 0.625 of the target is planned by November, not 2/3
    const east = item(revenue.breakdown, 'region', 'east');
    expect(east.expected).toBeCloseTo(5_000_000 * share, 6); // 3,125,000
    expect(east.actual).toBe(3_350_000);
    expect(east.attainment).toBeCloseTo(3_350_000 / 3_125_000, 12); // 1.072
    expect(east.progress).toBeCloseTo(3_350_000 / 5_000_000, 12);
    expect(east.status).toBe('on-track');
    const west = item(revenue.breakdown, 'region', 'west');
    expect(west.expected).toBeCloseTo(7_000_000 * share, 6); // 4,375,000
    expect(west.attainment).toBeCloseTo(4_300_000 / 4_375_000, 12); // 0.983
    expect(west.status).toBe('at-risk');
    expect(west.forecast).toBeCloseTo(4_300_000 + 7_000_000 * (1 - share) * (4_300_000 / 4_375_000), 6);
    // A month of the plan that has passed is judged on its own; one to come has no data.
    expect(item(revenue.breakdown, 'month', '2026-11')).toMatchObject({ actual: 4_050_000, expected: 4_000_000, forecast: null, status: 'on-track' });
    expect(item(revenue.breakdown, 'month', '2026-12')).toMatchObject({ actual: null, expected: null, attainment: null, progress: null, status: 'no-data' });
  });

  it('a summed KPI without a plan: expected and forecast on the straight line; an item with its own plan uses it', () => {
    const customers = goal(mid, 'new-customers');
    expect(customers.actual).toBe(35 + 65 + 40 + 68); // 208
    expect(customers.expected).toBeCloseTo(300 * (2 / 3), 12); // 200
    expect(customers.attainment).toBeCloseTo(208 / 200, 12); // 1.04
    expect(customers.progress).toBeCloseTo(208 / 300, 12);
    expect(customers.forecast).toBeCloseTo((208 * 3) / 2, 12); // 312
    expect(customers.forecastAttainment).toBeCloseTo(312 / 300, 12);
    const ana = item(customers.breakdown, 'owner', 'ana');
    expect(ana.expected).toBe(30 + 40);
    expect(ana.attainment).toBeCloseTo(75 / 70, 12);
    expect(ana.forecast).toBeCloseTo(75 + 50 * (75 / 70), 9); // 128.57
    const ben = item(customers.breakdown, 'owner', 'ben');
    expect(ben.expected).toBeCloseTo(180 * (2 / 3), 12); // 120
    expect(ben.attainment).toBeCloseTo(133 / 120, 12);
    expect(ben.forecast).toBeCloseTo((133 * 3) / 2, 12);
  });

  it('a decrease KPI that sums over time: 15 churned against 22 after two months is slightly over the allowance to date', () => {
    const churn = goal(mid, 'churn');
    expect(churn.actual).toBe(15);
    expect(churn.expected).toBeCloseTo(22 * (2 / 3), 12); // 14.67
    expect(churn.attainment).toBeCloseTo(14.666_666_666_666_666 / 15, 12); // 0.978
    expect(churn.attainment!).toBeLessThan(1);
    expect(churn.status).toBe('at-risk');
    expect(churn.progress).toBeCloseTo(15 / 22, 12); // the share of the allowance used
    expect(churn.forecast).toBeCloseTo(22.5, 12);
    expect(churn.forecastAttainment).toBeCloseTo(22 / 22.5, 12);
    expect(churn.forecastReachesTarget).toBe(false);
  });

  it('a decrease KPI at zero is the best possible result: the cap, not “no data”', () => {
    const complaints = goal(mid, 'complaints');
    expect(complaints).toMatchObject({ actual: 0, attainment: 1.2, bestPossible: true, status: 'on-track', forecast: 0, forecastAttainment: 1.2, progress: 0 });
    expect(complaints.score).toBeCloseTo((1.2 * 10) / 100, 12);
  });

  it('a level KPI with a baseline: progress from the baseline to the target, no forecast', () => {
    const nps = goal(mid, 'nps');
    expect(nps.actual).toBe(36); // overTime: last
    expect(nps.expected).toBe(40);
    expect(nps.attainment).toBeCloseTo((36 - 30) / (40 - 30), 12); // 0.6
    expect(nps.status).toBe('off-track');
    expect(nps).toMatchObject({ progress: null, forecast: null, forecastAttainment: null, forecastReachesTarget: null });
  });

  it('a budget cap heading over is judged on its forecast: still open, at risk, counting 0', () => {
    const budget = goal(mid, 'budget');
    expect(budget.actual).toBe(205_000);
    expect(budget.progress).toBeCloseTo(205_000 / 300_000, 12);
    expect(budget.forecast).toBeCloseTo((205_000 * 3) / 2, 9); // 307,500: over 300,000 but within 300,000 ÷ 0.9
    expect(budget).toMatchObject({ met: null, status: 'at-risk', attainment: 0, forecastAttainment: 0, forecastReachesTarget: false, score: 0 });
  });

  it('a budget cap heading far over is off track while still open', () => {
    const ads = goal(mid, 'ads-budget');
    expect(ads.actual).toBe(85_000);
    expect(ads.forecast).toBeCloseTo((85_000 * 3) / 2, 9); // 127,500: beyond 100,000 ÷ 0.9
    expect(ads).toMatchObject({ met: null, status: 'off-track', attainment: 0, forecastReachesTarget: false });
  });

  it('a budget cap already broken is decided: not met, off track', () => {
    const events = goal(mid, 'events-budget');
    expect(events.actual).toBe(55_000);
    expect(events).toMatchObject({ met: false, status: 'off-track', attainment: 0, score: 0 });
  });

  it('the team score is the weighted mean of the capped attainments to date, the forecast score of the forecast attainments', () => {
    const score = ((7_650_000 / 7_500_000) * 20 + (208 / 200) * 15 + (14.666_666_666_666_666 / 15) * 15 + 1.2 * 10 + 0.6 * 15 + 0 * 10 + 0 * 10 + 0 * 5) / 100;
    expect(mid.score).toBeCloseTo(score, 12); // 0.7167
    const forecastScore = ((12_240_000 / 12_000_000) * 20 + (312 / 300) * 15 + (22 / 22.5) * 15 + 1.2 * 10 + 0.6 * 15 + 0 * 10 + 0 * 10 + 0 * 5) / 100;
    expect(mid.forecastScore).toBeCloseTo(forecastScore, 12);
    expect(goal(mid, 'revenue').score).toBeCloseTo((7_650_000 / 7_500_000) * 0.2, 12);
  });
});

describe('the same repository at the period’s end (as of 2026-12)', () => {
  it('gives every figure by the end-of-period rules', () => {
    expect(end.elapsedMonths).toBe(3);
    const revenue = goal(end, 'revenue');
    expect(revenue).toMatchObject({ actual: 12_150_000, expected: 12_000_000, forecast: 12_150_000 });
    expect(revenue.attainment).toBeCloseTo(12_150_000 / 12_000_000, 12);
    expect(item(revenue.breakdown, 'region', 'west').attainment).toBeCloseTo(6_800_000 / 7_000_000, 12);
    expect(goal(end, 'new-customers').attainment).toBeCloseTo(303 / 300, 12);
    expect(item(goal(end, 'new-customers').breakdown, 'owner', 'ana').attainment).toBeCloseTo(120 / 120, 12);
    expect(goal(end, 'churn').attainment).toBeCloseTo(22 / 21, 12);
    expect(goal(end, 'complaints')).toMatchObject({ actual: 3, bestPossible: false });
    expect(goal(end, 'complaints').attainment).toBeCloseTo(10 / 3, 12);
    expect(goal(end, 'nps').attainment).toBeCloseTo((41 - 30) / (40 - 30), 12);
    expect(goal(end, 'budget')).toMatchObject({ actual: 295_000, met: true, attainment: 1, status: 'on-track' });
    expect(goal(end, 'events-budget')).toMatchObject({ actual: 55_000, met: false, attainment: 0, status: 'off-track' });
    expect(goal(end, 'ads-budget')).toMatchObject({ actual: 95_000, met: true, attainment: 1, status: 'on-track' });
    for (const g of end.goals) expect(g.forecastAttainment ?? g.attainment).toBe(g.attainment);
    const score = ((12_150_000 / 12_000_000) * 20 + (303 / 300) * 15 + (22 / 21) * 15 + 1.2 * 10 + 1.1 * 15 + 1 * 10 + 0 * 10 + 1 * 5) / 100;
    expect(end.score).toBeCloseTo(score, 12); // 0.9461
    expect(end.forecastScore).toBeCloseTo(score, 12);
  });
});
