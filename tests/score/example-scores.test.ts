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
const goal = (team: TeamScore, id: string): GoalScore => team.goals.find((g) => g.id === id)!;
const item = (g: GoalScore, by: string, key: string): BreakdownScore => g.breakdown.find((b) => b.by === by && b.key === key)!;

beforeAll(async () => {
  report = await score();
  marketing = report.teams.find((t) => t.team === 'marketing')!;
  company = report.teams.find((t) => t.team === 'company')!;
});

describe('score of the example', () => {
  it('is as of the latest month with actuals', () => {
    expect(report.asOf).toBe('2026-11');
    expect(report.teams.map((t) => [t.team, t.period, t.elapsedMonths])).toEqual([
      ['company', '2026-Q4', 2],
      ['marketing', '2026-Q4', 2],
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
    expect(goal(company, 'revenue').attainment).toBeCloseTo(18_800_000 / 20_000_000, 12);
    expect(goal(company, 'revenue').status).toBe('at-risk'); // 0.94
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
    const early = await score('--as-of', '2026-09');
    expect(early.asOf).toBe('2026-09');
    expect(early.teams.every((t) => t.score === null && t.goals.every((g) => g.status === 'no-data' && g.actual === null))).toBe(true);
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
    const october = (await score('--as-of', '2026-10')).teams.find((t) => t.team === 'marketing')!;
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
