import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import type { BreakdownScore, GoalScore, ScoreReport, TeamScore } from '../../src/score/score.js';
import { repoRoot } from '../helpers/fixtures.js';

/**
 * `goalpost score --format json` on the worked example, checked against
 * values computed by hand from goals/actuals/2026-q4.csv (as of 2026-11:
 * October and November of 2026-Q4, 2 of 3 months).
 */
async function score(...args: string[]): Promise<ScoreReport> {
  let stdout = '';
  const code = await cli(['score', `${repoRoot}goals`, '--format', 'json', ...args], {
    stdout: (t) => (stdout += t),
    stderr: () => undefined,
    isTTY: false,
    env: {},
    cwd: repoRoot,
  });
  expect(code).toBe(0);
  return JSON.parse(stdout) as ScoreReport;
}

let report: ScoreReport;
let marketing: TeamScore;
let company: TeamScore;
let companyYear: TeamScore;
let sales: TeamScore;
const goal = (team: TeamScore, id: string): GoalScore => team.goals.find((g) => g.id === id)!;
const item = (g: GoalScore, by: string, key: string): BreakdownScore => g.breakdown.find((b) => b.by === by && b.key === key)!;

beforeAll(async () => {
  report = await score();
  const team = (id: string, period: string): TeamScore => report.teams.find((t) => t.team === id && t.period === period)!;
  marketing = team('marketing', '2026-Q4');
  company = team('company', '2026-Q4');
  companyYear = team('company', 'FY2026');
  sales = team('sales', '2026-Q4');
});

describe('score of the example', () => {
  it('is as of the latest month with actuals', () => {
    expect(report.asOf).toBe('2026-11');
    expect(report.teams.map((t) => [t.team, t.period, t.elapsedMonths])).toEqual([
      ['company', 'FY2026', 11],
      ['company', '2026-Q4', 2],
      ['marketing', '2026-Q3', 3],
      ['marketing', '2026-Q4', 2],
      ['sales', '2026-Q3', 3],
      ['sales', '2026-Q4', 2],
    ]);
  });

  it('sums: the team actual is the owners combined when there is no team-total row', () => {
    const revenue = goal(marketing, 'q4-revenue');
    expect(revenue.actual).toBe(1_600_000 + 2_000_000 + 1_750_000 + 2_300_000);
    expect(revenue.progress).toBeCloseTo(7_650_000 / 12_000_000, 12);
    expect(item(revenue, 'owner', 'zhang.min').actual).toBe(1_600_000 + 1_750_000);
    expect(item(revenue, 'owner', 'wang.fang').progress).toBeCloseTo(4_300_000 / 7_000_000, 12);
    expect(item(revenue, 'month', '2026-10').actual).toBe(3_600_000);
    expect(goal(marketing, 'q4-new-customers').actual).toBe(42 + 58 + 45 + 63);
  });

  it('ratio recomputation: a derived KPI is its formula over the combined inputs, never a mean of ratios', () => {
    // customers_end is the last month's (overTime: last), customers_start the first's (overTime: first)
    expect(goal(marketing, 'q4-retention').actual).toBeCloseTo((1078 - 208) / 1000, 12);
    const roi = goal(marketing, 'q4-roi');
    const sumRatio = (3_500_000 + 3_900_000 - (900_000 + 950_000)) / (900_000 + 950_000);
    const meanOfRatios = ((3_500_000 - 900_000) / 900_000 + (3_900_000 - 950_000) / 950_000) / 2;
    expect(roi.actual).toBeCloseTo(sumRatio, 12);
    expect(roi.actual).not.toBeCloseTo(meanOfRatios, 4);
    expect(goal(company, 'market-share').actual).toBeCloseTo((9_100_000 + 9_700_000) / (78_000_000 + 80_000_000), 12);
    expect(goal(company, 'retention').actual).toBeCloseTo((2823 - 535) / 2600, 12);
  });

  it('baseline: attainment measures progress from the baseline to the target', () => {
    const share = (9_100_000 + 9_700_000) / (78_000_000 + 80_000_000);
    const marketShare = goal(company, 'market-share');
    expect(marketShare.baseline).toBe(0.115);
    expect(marketShare.attainment).toBeCloseTo((share - 0.115) / (0.12 - 0.115), 12);
    expect(marketShare.status).toBe('off-track');
  });

  it('decrease direction: attainment is target / actual, and headcount averages over the months', () => {
    const attrition = goal(marketing, 'q4-attrition');
    expect(attrition.direction).toBe('decrease');
    expect(attrition.actual).toBeCloseTo((1 + 0) / ((24 + 25) / 2), 12);
    expect(attrition.attainment).toBeCloseTo(0.05 / (1 / 24.5), 12);
    expect(attrition.status).toBe('on-track');
  });

  it('pace from a month breakdown: expected is the cumulative plan of the months elapsed, attainment is to date', () => {
    const revenue = goal(marketing, 'q4-revenue');
    expect(revenue.expected).toBe(3_500_000 + 4_000_000);
    expect(revenue.attainment).toBeCloseTo(7_650_000 / 7_500_000, 12); // 1.02
    expect(revenue.status).toBe('on-track');
    expect(item(revenue, 'month', '2026-11')).toMatchObject({ target: 4_000_000, expected: 4_000_000, status: 'on-track' });
  });

  it('pace: owners of a planned goal follow its plan; a goal without a plan expects 2/3 of its target', () => {
    const customers = goal(marketing, 'q4-new-customers');
    expect(customers.expected).toBeCloseTo(300 * (2 / 3), 9);
    expect(customers.attainment).toBeCloseTo(208 / 200, 12);
    expect(customers.status).toBe('on-track');
    const revenue = goal(marketing, 'q4-revenue');
    // 7.5M of the 12M target is planned by November: each owner is expected to have 62.5% of theirs.
    expect(item(revenue, 'owner', 'zhang.min').expected).toBeCloseTo(5_000_000 * 0.625, 6);
    expect(item(revenue, 'owner', 'zhang.min').status).toBe('on-track'); // 3.35M / 3.125M = 1.072
    expect(item(revenue, 'owner', 'wang.fang').attainment).toBeCloseTo(4_300_000 / 4_375_000, 12);
    expect(item(revenue, 'owner', 'wang.fang').status).toBe('at-risk'); // 0.983
    // The company's year: 23M + 25M + 27M planned for Q1 to Q3 and two thirds of Q4's 30M by November.
    const companyRevenue = goal(companyYear, 'revenue');
    expect(companyRevenue.actual).toBe(7_400_000 + 7_600_000 + 8_000_000 + 8_100_000 + 8_300_000 + 8_600_000 + 8_700_000 + 9_000_000 + 9_400_000 + 9_100_000 + 9_700_000);
    expect(companyRevenue.expected).toBeCloseTo(23_000_000 + 25_000_000 + 27_000_000 + 30_000_000 * (2 / 3), 4);
    expect(companyRevenue.attainment).toBeCloseTo(93_900_000 / 95_000_000, 12);
    expect(companyRevenue.status).toBe('at-risk'); // 0.988
  });

  it('caps: attainment is shown uncapped and counts at most 1.2 in the score', () => {
    const attrition = goal(marketing, 'q4-attrition');
    expect(attrition.attainment).toBeGreaterThan(1.2);
    expect(attrition.score).toBeCloseTo((1.2 * 10) / 100, 12);
    // revenue 1.02, new customers 1.04, retention on course 1, ROI 1, budget heading over its cap 0, attrition capped 1.2
    const expected = ((7_650_000 / 7_500_000) * 40 + (208 / 200) * 20 + 1 * 10 + 1 * 10 + 0 * 10 + 1.2 * 10) / 100;
    expect(marketing.score).toBeCloseTo(expected, 12);
    expect(goal(marketing, 'q4-revenue').score).toBeCloseTo((7_650_000 / 7_500_000) * 0.4, 12);
  });

  it('no data: a month not yet reached has no actual and no expectation, and nothing before the period gives no score', async () => {
    const december = item(goal(marketing, 'q4-revenue'), 'month', '2026-12');
    expect(december).toMatchObject({ actual: null, attainment: null, expected: null, status: 'no-data' });
    // As of June no fourth-quarter goal set has begun; the year's goal has six months of company revenue.
    const early = await score('--as-of', '2026-06');
    expect(early.asOf).toBe('2026-06');
    const fourthQuarter = early.teams.filter((t) => t.period === '2026-Q4');
    expect(fourthQuarter).toHaveLength(3);
    expect(fourthQuarter.every((t) => t.score === null && t.goals.every((g) => g.status === 'no-data' && g.actual === null))).toBe(true);
    const year = early.teams.find((t) => t.period === 'FY2026')!;
    expect(year.goals[0]!.actual).toBe(7_400_000 + 7_600_000 + 8_000_000 + 8_100_000 + 8_300_000 + 8_600_000);
  });

  it('thresholds: a level goal is judged on its actual and open until the period ends; a budget cap on its forecast', () => {
    const retention = goal(marketing, 'q4-retention');
    expect(retention).toMatchObject({ comparison: 'atLeast', met: null, attainment: 1, score: 0.1, status: 'on-track', expected: 0.85, forecast: null });
    const budget = goal(marketing, 'q4-budget');
    expect(budget.actual).toBe(900_000 + 950_000);
    expect(budget.forecast).toBeCloseTo((1_850_000 / 2) * 3, 6); // 2,775,000: over 2.7M, within 2.7M ÷ 0.9
    expect(budget).toMatchObject({ comparison: 'atMost', met: null, attainment: 0, status: 'at-risk', forecastReachesTarget: false });
  });

  it('forecast: from the month plan when there is one, otherwise at the current run rate', () => {
    expect(goal(marketing, 'q4-revenue').forecast).toBeCloseTo(7_650_000 + 4_500_000 * (7_650_000 / 7_500_000), 6);
    expect(goal(marketing, 'q4-revenue').forecastReachesTarget).toBe(true);
    expect(goal(marketing, 'q4-new-customers')).toMatchObject({ forecast: (208 / 2) * 3, forecastReachesTarget: true });
    expect(goal(marketing, 'q4-roi')).toMatchObject({ forecast: null, forecastReachesTarget: null });
  });

  it('as of an earlier month counts only the months up to it', async () => {
    const october = (await score('--as-of', '2026-10')).teams.find((t) => t.team === 'marketing' && t.period === '2026-Q4')!;
    const revenue = goal(october, 'q4-revenue');
    expect(revenue).toMatchObject({ actual: 3_600_000, expected: 3_500_000 });
    expect(revenue.forecast).toBeCloseTo(3_600_000 + 8_500_000 * (3_600_000 / 3_500_000), 6);
    expect(goal(october, 'q4-retention').actual).toBeCloseTo((1035 - 100) / 1000, 12);
  });

  it('gives the monthly trend of each goal', () => {
    expect(goal(marketing, 'q4-revenue').trend).toEqual([
      { month: '2026-10', value: 3_600_000 },
      { month: '2026-11', value: 4_050_000 },
    ]);
  });
});

describe('the plan of the example across teams and quarters', () => {
  it('judges each team’s share of the year’s revenue over the months its quarter goals cover, phased by the quarters', () => {
    const revenue = goal(companyYear, 'revenue');
    const marketingShare = item(revenue, 'team', 'marketing');
    // Marketing's 42M of the year's 105M; its goals cover Q3 and Q4 (27M + 30M of the company plan): 42M × 57/105 = 22.8M,
    // of which 42M × (27M + 30M × 2/3)/105M = 18.8M is expected by November.
    expect(marketingShare.counted!.months).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(marketingShare.counted!.target).toBeCloseTo(22_800_000, 4);
    expect(marketingShare.expected).toBeCloseTo(18_800_000, 4);
    expect(marketingShare.actual).toBe(3_500_000 + 3_600_000 + 3_800_000 + 3_600_000 + 4_050_000);
    expect(marketingShare.attainment).toBeCloseTo(18_550_000 / 18_800_000, 12);
    expect(marketingShare.status).toBe('at-risk');
    const salesShare = item(revenue, 'team', 'sales');
    expect(salesShare.counted!.target).toBeCloseTo(63_000_000 * (57 / 105), 4); // 34.2M: 16.2M in Q3 and 18M in Q4
    expect(salesShare.actual).toBe(5_200_000 + 5_400_000 + 5_600_000 + 5_500_000 + 5_650_000);
  });

  it('takes the year’s own rows when the company reports revenue itself', () => {
    expect(goal(companyYear, 'revenue').actualFrom).toBe('rows');
  });

  it('shows the retention goal shared with sales on the sales scorecard, without counting it there', () => {
    expect(sales.sharedGoals).toEqual([{ team: 'marketing', period: '2026-Q4', id: 'q4-retention' }]);
    expect(goal(marketing, 'q4-retention').contributors).toEqual(['sales']);
    // Sales scores only its own goals: revenue 11.15M of 11.4M planned, new customers 327 of 333.3.
    expect(sales.score).toBeCloseTo(((11_150_000 / 11_400_000) * 60 + (327 / ((500 * 2) / 3)) * 40) / 100, 12);
  });

  it('counts the work plans: one done, one overdue as of November, one blocked', () => {
    expect(marketing.initiatives).toEqual({ total: 5, done: 1, overdue: 1, blocked: 1 });
    const webinars = goal(marketing, 'q4-new-customers').initiatives[0]!;
    expect(webinars).toMatchObject({ id: 'webinars', due: '2026-11-15', status: 'in-progress', overdue: true, ownerName: '陈杰' });
    // A member of sales owns an initiative of the shared retention goal.
    expect(goal(marketing, 'q4-retention').initiatives[0]).toMatchObject({ owner: 'sun.tao', ownerName: '孙涛', overdue: false });
  });

  it('compares each goal with the quarter before', () => {
    const previous = goal(marketing, 'q4-revenue').previous!;
    expect(previous.period).toBe('2026-Q3');
    expect(previous.actual).toBe(3_500_000 + 3_600_000 + 3_800_000); // 10.9M
    expect(previous.attainment).toBeCloseTo(10_900_000 / 10_800_000, 12); // the Q3 goal q3-revenue, matched by KPI
    // The forecast of 12.24M against the third quarter's 10.9M
    expect(previous.change).toBeCloseTo((7_650_000 + 4_500_000 * (7_650_000 / 7_500_000) - 10_900_000) / 10_900_000, 12);
    // Company retention in Q3: (2,600 − 670) ÷ 2,380 (670 new customers: 220 + 230 + 220); no company goal set for Q3, so no attainment.
    expect(goal(company, 'retention').previous).toMatchObject({ period: '2026-Q3', attainment: null });
    expect(goal(company, 'retention').previous!.actual).toBeCloseTo((2600 - 670) / 2380, 12);
  });
});
