import { beforeAll, describe, expect, it } from 'vitest';
import { scoreRepository, type GoalScore, type ScoreReport, type TeamScore } from '../../src/score/score.js';
import { validateRepository } from '../../src/validate.js';
import { exampleFiles, renderFiles } from '../render/render-helpers.js';

/**
 * The review cycle of the worked example, figures worked out by hand: the
 * third quarter closed with one override and a review, two check-ins in
 * November, and the settings' incentive curve (0.8 → 0.5, 1.0 → 1.0,
 * 1.2 → 1.5, nothing below).
 */
let report: ScoreReport;
const team = (id: string, period: string): TeamScore => report.teams.find((t) => t.team === id && t.period === period)!;
const goal = (set: TeamScore, id: string): GoalScore => set.goals.find((g) => g.id === id)!;
const person = (id: string) => report.people.find((p) => p.id === id)!;

beforeAll(async () => {
  const { model, diagnostics } = validateRepository(await exampleFiles());
  expect(diagnostics).toEqual([]);
  report = scoreRepository(model, { asOf: '2026-11' });
});

describe('closing the third quarter (复盘)', () => {
  it('counts the review override in place of the computed attainment, in the goal and in the team score', () => {
    const q3 = team('marketing', '2026-Q3');
    expect(q3.closed).toEqual({ date: '2026-10-09', by: 'li.wei', byName: '李伟' });
    const customers = goal(q3, 'q3-new-customers');
    // 117 + 123 = 240 new customers of 260.
    expect(customers.computedAttainment).toBeCloseTo(240 / 260, 12);
    expect(customers.attainment).toBe(1);
    expect(customers.override).toEqual({ attainment: 1, reason: '9 月华南行业展会被主办方取消（不可抗力），评审会认可按 100% 计' });
    // 92.3% would be at risk; the review's 100% is on track.
    expect(customers.status).toBe('on-track');
    expect(customers.score).toBeCloseTo(0.4, 12);
    // Revenue 10.9M of 10.8M (weight 60) and the override (weight 40): 100.6%, not the computed 97.5%.
    expect(q3.score).toBeCloseTo((60 * (10_900_000 / 10_800_000) + 40 * 1) / 100, 12);
    expect(q3.forecastScore).toBeCloseTo((60 * (10_900_000 / 10_800_000) + 40 * 1) / 100, 12);
    expect(q3.review!.actions).toHaveLength(2);
  });

  it("carries the review's actions to the next quarter's scorecard", () => {
    expect(team('marketing', '2026-Q4').carriedActions).toEqual({
      period: '2026-Q3',
      actions: ['华南区每季度至少安排两个获客渠道，不再依赖单一展会', '每月 5 日前提交上月实际值'],
    });
    // Sales' third quarter has no review: nothing to carry.
    expect(team('sales', '2026-Q4').carriedActions).toBeNull();
    expect(team('marketing', '2026-Q4').closed).toBeNull();
  });
});

describe('check-ins of November (进度汇报)', () => {
  it('gives each goal its latest check-in and its confidence history', () => {
    const q4 = team('marketing', '2026-Q4');
    const revenue = goal(q4, 'q4-revenue');
    expect(revenue.confidence).toEqual([
      { date: '2026-11-02', value: 6 },
      { date: '2026-11-16', value: 7 },
    ]);
    expect(revenue.checkIn).toMatchObject({ date: '2026-11-16', author: 'li.wei', authorName: '李伟', confidence: 7, blockers: ['十二月大客户预算尚未审批'] });
    expect(goal(q4, 'q4-retention').checkIn).toMatchObject({ owner: 'wang.fang', ownerName: '王芳' });
    expect(goal(q4, 'q4-roi').checkIn).toBeNull();
    expect(goal(q4, 'q4-roi').confidence).toEqual([]);
  });

  it('flags the optimistic budget goal and not the worried attrition goal', () => {
    const q4 = team('marketing', '2026-Q4');
    // "on-track" in the check-in; heading to 2.775M against a cap of 2.7M, at risk by the figures.
    expect(goal(q4, 'q4-budget').status).toBe('at-risk');
    expect(goal(q4, 'q4-budget').assessmentGap).toBe(true);
    // "at-risk" in the check-in, on track by the figures: a team more worried than its figures is not flagged.
    expect(goal(q4, 'q4-attrition').status).toBe('on-track');
    expect(goal(q4, 'q4-attrition').assessmentGap).toBe(false);
  });

  it('computes net confidence over the goals with a check-in', () => {
    // Latest confidences 7, 8, 6, 6, 2: two at 7 or more, one at 3 or less, of five goals.
    expect(team('marketing', '2026-Q4').netConfidence).toBe(Math.round(((2 - 1) / 5) * 100));
    expect(team('sales', '2026-Q4').netConfidence).toBeNull();
  });

  it('counts only the check-ins up to the end of the as-of month', async () => {
    const october = scoreRepository(validateRepository(await exampleFiles()).model, { asOf: '2026-10' });
    const q4 = october.teams.find((t) => t.team === 'marketing' && t.period === '2026-Q4')!;
    expect(q4.goals.every((g) => g.checkIn === null && g.confidence.length === 0)).toBe(true);
    expect(q4.netConfidence).toBeNull();
  });
});

describe("people's results and incentives (激励)", () => {
  it('pays from the closed quarter only, at the curve', () => {
    // li.wei owns q3-revenue (weight 60): 10.9M / 10.8M = 1.00926, between 1.0 and 1.2 on the curve.
    const liWei = person('li.wei');
    const q3Revenue = 10_900_000 / 10_800_000;
    expect(liWei.payout).toEqual({ factor: expect.closeTo(1 + ((q3Revenue - 1) / 0.2) * 0.5, 12), score: expect.closeTo(q3Revenue, 12), provisional: false, periods: ['2026-Q3'] });
    // zhang.min: the overridden goal (40 × 1.0), the revenue item (60 × 4.5M/10.8M = 25, at 4.55M/4.5M)
    // and the new-customers item (40 × 110/260, at 117/110).
    const items = [
      { weight: 40, attainment: 1 },
      { weight: 25, attainment: 4_550_000 / 4_500_000 },
      { weight: (40 * 110) / 260, attainment: 117 / 110 },
    ];
    const zhangMin = items.reduce((sum, part) => sum + part.weight * part.attainment, 0) / items.reduce((sum, part) => sum + part.weight, 0);
    expect(person('zhang.min').payout!.score).toBeCloseTo(zhangMin, 12);
    expect(person('zhang.min').payout!.factor).toBeCloseTo(1 + ((zhangMin - 1) / 0.2) * 0.5, 12);
    // wang.fang: 35 × 6.35M/6.3M and 40 × 150/260 × 123/150, under 100%: between 0.8 → 0.5 and 1.0 → 1.0.
    const wangFang = (35 * (6_350_000 / 6_300_000) + ((40 * 150) / 260) * (123 / 150)) / (35 + (40 * 150) / 260);
    expect(person('wang.fang').payout!.factor).toBeCloseTo(0.5 + ((wangFang - 0.8) / 0.2) * 0.5, 12);
    // chen.jie owns only fourth-quarter goals, still open: no payout yet.
    expect(person('chen.jie').payout).toBeNull();
  });
});

describe('scorecards of the review cycle', () => {
  it('show the closing, the override, the review, the carried actions and the check-ins, and no payout unless asked', async () => {
    const files = await renderFiles(await exampleFiles(), { locale: 'en', formats: ['md', 'html'], asOf: '2026-11' });
    const q3 = files.get('teams/marketing-2026-Q3.md')!;
    expect(q3).toContain('🔒 **Final, closed on 2026-10-09 by 李伟**');
    expect(q3).toContain('<br>Final 100% (computed 92.3%): 9 月华南行业展会被主办方取消（不可抗力），评审会认可按 100% 计 |');
    expect(q3).toContain('## Review');
    expect(q3).toContain('**Actions**\n\n- 华南区每季度至少安排两个获客渠道，不再依赖单一展会\n');
    const q4 = files.get('teams/marketing-2026-Q4.md')!;
    expect(q4).toContain(' · Net confidence +20\n');
    expect(q4).toContain('**Actions from the review of Q3 2026**\n\n- 华南区每季度至少安排两个获客渠道，不再依赖单一展会\n- 每月 5 日前提交上月实际值\n');
    expect(q4).toContain('<br>⚠️ The team says “On track”; the figures say “At risk”<br>💬 Check-in of 2026-11-16 by 李伟 · confidence 6/10: 双十一追加投放 15 万元，十二月将收紧<br>Next: 十二月投放逐周审批 |');
    expect(q4).toContain(' · Confidence 6 → 7<br>');
    const html = files.get('teams/marketing-2026-Q4.html')!;
    expect(html).toContain('<svg class="confidence"');
    expect(html).toContain('<div class="meta blockers">Blockers: <ul><li>十二月大客户预算尚未审批</li></ul></div>');
    const page = files.get('people/zhang.min.md')!;
    expect(page).toContain('**Score: 103.2%**\n');
    expect(page).not.toContain('Payout');
    const withIncentives = await renderFiles(await exampleFiles(), { locale: 'en', formats: ['md'], asOf: '2026-11', includeIncentives: true });
    expect(withIncentives.get('people/li.wei.md')).toContain(' · Payout 102.3% of the incentive\n');
    expect(withIncentives.get('people/chen.jie.md')).not.toContain('Payout');
    const provisional = await renderFiles(await exampleFiles(), { locale: 'en', formats: ['md'], asOf: '2026-11', includeIncentives: true, provisional: true });
    // chen.jie's open fourth-quarter goal (ROI 3.0 of 3.0): 100%, paid 1.0 provisionally.
    expect(provisional.get('people/chen.jie.md')).toContain('Payout 100% of the incentive (provisional: a period counted is not closed yet)');
  });
});
