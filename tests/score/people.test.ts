import { describe, expect, it } from 'vitest';
import { scorePeople, type PersonScore } from '../../src/score/people.js';
import { scoreRepository } from '../../src/score/score.js';
import { validateRepository } from '../../src/validate.js';
import { standaloneFixtureFiles } from '../helpers/fixtures.js';

/**
 * tests/fixtures/score/people: team sales with 2026-Q3 (closed on
 * 2026-10-09, with the review's override of q3-csat) and 2026-Q4 (open),
 * actuals for every month of both, so the default as-of month is 2026-12
 * and every attainment is the end-of-period one: actual ÷ target. Team
 * service has its own incentive curve and no goals; wang.fang is a member
 * of both teams. The settings' curve: 0.8 → 0.5, 1.0 → 1.0, 1.2 → 1.5,
 * below 0; the cap is the default 1.2.
 *
 * Attainments, from actuals/2026.csv:
 * - q3-revenue (li.wei, weight 60): (3.5 + 3.7 + 4.5)M ÷ 9M = 1.3, capped 1.2
 * - q3-csat (zhang.min, weight 40): computed (3.9 + 4.0 + 4.25) ÷ 3 ÷ 4.5 = 0.9, the review's 1.0 counts
 * - q4-revenue (li.wei, weight 60): (4.6M + 7.7M) ÷ 12M = 1.025
 *   - owner zhang.min: (0.7 + 0.7 + 0.8 + 0.8 × 3)M = 4.6M ÷ 5M = 0.92, weight 60 × 5M ÷ 12M = 25
 *     - region east (chen.jie): (0.7 + 0.7 + 0.8)M = 2.2M ÷ 2M = 1.1, weight 60 × 2M ÷ 12M = 10
 *     - region west (no owner): 2.4M ÷ 3M = 0.8, nobody's
 *   - owner wang.fang: (2.5 + 2.5 + 2.7)M = 7.7M ÷ 7M = 1.1, weight 60 × 7M ÷ 12M = 35
 * - q4-csat (wang.fang, weight 30): (3.5 + 3.6 + 3.7) ÷ 3 ÷ 4.5 = 0.8
 * - q4-nps (chen.jie, weight 10): no actuals, no attainment
 */
const { model, diagnostics } = validateRepository(standaloneFixtureFiles('score/people'));
const report = scoreRepository(model);
const provisional = scoreRepository(model, { provisional: true });
const person = (people: readonly PersonScore[], id: string): PersonScore => people.find((p) => p.id === id)!;

/** The settings' curve between 0.8 → 0.5 and 1.0 → 1.0, and between 1.0 → 1.0 and 1.2 → 1.5. */
const lower = (score: number): number => 0.5 + ((1.0 - 0.5) * (score - 0.8)) / (1.0 - 0.8);
const upper = (score: number): number => 1.0 + ((1.5 - 1.0) * (score - 1.0)) / (1.2 - 1.0);

describe('people', () => {
  it('the fixture validates and is scored as of December, the third quarter closed and the fourth open', () => {
    expect(diagnostics).toEqual([]);
    expect(report.asOf).toBe('2026-12');
    expect(report.teams.map((t) => [t.period, t.closed?.date ?? null])).toEqual([
      ['2026-Q3', '2026-10-09'],
      ['2026-Q4', null],
    ]);
  });

  it('lists every member of every team, sorted by id, with their name and teams', () => {
    expect(report.people.map((p) => [p.id, p.name, p.teams])).toEqual([
      ['chen.jie', '陈杰', ['sales']],
      ['li.wei', '李伟', ['sales']],
      ['wang.fang', '王芳', ['sales', 'service']],
      ['zhang.min', '张敏', ['sales']],
      ['zhao.lei', '赵磊', ['service']],
    ]);
    // A member who owns nothing has no score.
    expect(person(report.people, 'zhao.lei')).toMatchObject({ score: null, goals: [], items: [], payout: null });
  });

  it('scores goals of two goal sets, each capped and weighted by its weight', () => {
    const liWei = person(report.people, 'li.wei');
    expect(liWei.goals).toEqual([
      { team: 'sales', period: '2026-Q3', goal: 'q3-revenue', title: '第三季度销售额达到 900 万元', weight: 60, attainment: expect.closeTo(11_700_000 / 9_000_000, 12), counted: 60 },
      { team: 'sales', period: '2026-Q4', goal: 'q4-revenue', title: '第四季度销售额达到 1200 万元', weight: 60, attainment: expect.closeTo(12_300_000 / 12_000_000, 12), counted: 60 },
    ]);
    expect(liWei.items).toEqual([]);
    // 1.3 counts as the cap 1.2: (60 × 1.2 + 60 × 1.025) ÷ 120 = 1.1125
    expect(liWei.score).toBeCloseTo((60 * 1.2 + 60 * 1.025) / (60 + 60), 12);
  });

  it('scores a goal of one goal set with the review’s override and a breakdown item of another, weighted by its share of the target', () => {
    const zhangMin = person(report.people, 'zhang.min');
    expect(zhangMin.goals).toEqual([
      { team: 'sales', period: '2026-Q3', goal: 'q3-csat', title: '客户满意度不低于 4.5', weight: 40, attainment: 1.0, counted: 40 },
    ]);
    // The region west under their item has no owner: it is not theirs.
    expect(zhangMin.items).toEqual([
      { team: 'sales', period: '2026-Q4', goal: 'q4-revenue', by: 'owner', key: 'zhang.min', path: [], weight: expect.closeTo(60 * (5_000_000 / 12_000_000), 12), attainment: expect.closeTo(4_600_000 / 5_000_000, 12) },
    ]);
    // (40 × 1.0 + 25 × 0.92) ÷ (40 + 25) = 63 ÷ 65, not (40 × 0.9 + 23) ÷ 65 from the computed attainment
    expect(zhangMin.score).toBeCloseTo(63 / 65, 12);
  });

  it('scores an item nested two deep by its share of the goal’s target, and leaves out a goal without an attainment', () => {
    const chenJie = person(report.people, 'chen.jie');
    expect(chenJie.items).toEqual([
      { team: 'sales', period: '2026-Q4', goal: 'q4-revenue', by: 'region', key: 'east', path: ['zhang.min'], weight: expect.closeTo(60 * (2_000_000 / 12_000_000), 12), attainment: expect.closeTo(2_200_000 / 2_000_000, 12) },
    ]);
    expect(chenJie.goals).toEqual([{ team: 'sales', period: '2026-Q4', goal: 'q4-nps', title: '净推荐值达到 40', weight: 10, attainment: null, counted: 0 }]);
    // 10 × 1.1 ÷ 10, not (10 × 1.1 + 10 × 0) ÷ 20 = 0.55
    expect(chenJie.score).toBeCloseTo(1.1, 12);
  });

  it('pays from closed goal sets only, and nothing to whoever owns nothing closed', () => {
    // li.wei over 2026-Q3 alone: 1.2 (capped 1.3), the last point of the curve: 1.5
    expect(person(report.people, 'li.wei').payout).toEqual({ factor: 1.5, score: 1.2, provisional: false, periods: ['2026-Q3'] });
    // zhang.min over q3-csat alone: 1.0, a point of the curve: 1.0
    expect(person(report.people, 'zhang.min').payout).toEqual({ factor: 1.0, score: 1.0, provisional: false, periods: ['2026-Q3'] });
    expect(person(report.people, 'wang.fang').payout).toBeNull();
    expect(person(report.people, 'chen.jie').payout).toBeNull();
  });

  it('with provisional, pays from open goal sets too, marked provisional', () => {
    const liWei = person(provisional.people, 'li.wei').payout!;
    expect(liWei).toEqual({ factor: expect.closeTo(upper(1.1125), 12), score: expect.closeTo(1.1125, 12), provisional: true, periods: ['2026-Q3', '2026-Q4'] });
    // 1.0 + 0.5 × 0.1125 ÷ 0.2 = 1.28125
    expect(liWei.factor).toBeCloseTo(1.28125, 12);
    // 0.5 + 0.5 × (63/65 − 0.8) ÷ 0.2 = 0.5 + 27.5/65
    expect(person(provisional.people, 'zhang.min').payout).toEqual({ factor: expect.closeTo(0.5 + 27.5 / 65, 12), score: expect.closeTo(63 / 65, 12), provisional: true, periods: ['2026-Q3', '2026-Q4'] });
    // 1.0 + 0.5 × 0.1 ÷ 0.2 = 1.25
    expect(person(provisional.people, 'chen.jie').payout).toEqual({ factor: expect.closeTo(1.25, 12), score: expect.closeTo(1.1, 12), provisional: true, periods: ['2026-Q4'] });
    expect(person(provisional.people, 'zhao.lei').payout).toBeNull();
  });

  it('is not provisional when everything counted is closed, even when asked for provisional payouts', () => {
    const closedOnly = scorePeople(model, report.teams.filter((t) => t.closed !== null), { provisional: true });
    expect(person(closedOnly, 'li.wei').payout).toEqual({ factor: 1.5, score: 1.2, provisional: false, periods: ['2026-Q3'] });
  });

  it('uses the curve of the person’s first team with one of its own in place of the settings’', () => {
    const wangFang = person(provisional.people, 'wang.fang');
    // (35 × 1.1 + 30 × 0.8) ÷ (35 + 30) = 62.5 ÷ 65
    expect(wangFang.score).toBeCloseTo(62.5 / 65, 12);
    // service's curve (0.9 → 0.6, 1.1 → 1.4): 0.6 + (1.4 − 0.6) × (62.5/65 − 0.9) ÷ (1.1 − 0.9) = 0.6 + 16/65
    expect(wangFang.payout).toEqual({ factor: expect.closeTo(0.6 + 16 / 65, 12), score: expect.closeTo(62.5 / 65, 12), provisional: true, periods: ['2026-Q4'] });
    // The settings' curve would have paid 0.5 + 2.5 × (62.5/65 − 0.8) = 0.5 + 26.25/65.
    expect(wangFang.payout!.factor).not.toBeCloseTo(lower(62.5 / 65), 3);
  });

  it('lists an owner who is no team’s member, with no name and no teams', () => {
    const q4 = report.teams.find((t) => t.period === '2026-Q4')!;
    const revenue = q4.goals.find((g) => g.id === 'q4-revenue')!;
    const people = scorePeople(model, [{ ...q4, goals: [{ ...revenue, owner: 'guest' }] }], { provisional: true });
    // q4-revenue: 1.025; the settings' curve: 1.0 + 0.5 × 0.025 ÷ 0.2 = 1.0625
    expect(person(people, 'guest')).toEqual({
      id: 'guest',
      name: null,
      teams: [],
      score: expect.closeTo(1.025, 12),
      goals: [{ team: 'sales', period: '2026-Q4', goal: 'q4-revenue', title: '第四季度销售额达到 1200 万元', weight: 60, attainment: expect.closeTo(1.025, 12), counted: 60 }],
      items: [],
      payout: { factor: expect.closeTo(1.0625, 12), score: expect.closeTo(1.025, 12), provisional: true, periods: ['2026-Q4'] },
    });
    expect(people.map((p) => p.id)).toEqual(['chen.jie', 'guest', 'li.wei', 'wang.fang', 'zhang.min', 'zhao.lei']);
  });
});
