import { describe, expect, it } from 'vitest';
import type { GoalSet, GoalsModel } from '../../src/model/model.js';
import { assessmentGap, checkInsByTeam, checkInsOfGoalSet, netConfidence } from '../../src/score/check-ins.js';
import { validateRepository } from '../../src/validate.js';
import { baseWith } from '../helpers/fixtures.js';

const goalSet = (period: string, goals: string): string =>
  `apiVersion: goalpost/v1\nkind: GoalSet\nteam: marketing\nperiod: ${period}\ngoals:\n${goals}`;

const checkIn = (team: string, date: string, author: string, goals: string): string =>
  `apiVersion: goalpost/v1\nkind: CheckIn\nteam: ${team}\ndate: ${date}\nauthor: ${author}\ngoals:\n${goals}`;

/**
 * Marketing has a goal "revenue" in the third quarter and another in the
 * fourth, and sales a goal of its own with the same id: only the fourth
 * quarter's check-ins of marketing count for marketing's fourth quarter.
 * Files are named so that file order is not date order.
 */
function model(): GoalsModel {
  const result = validateRepository(
    baseWith({
      '2026-Q3/marketing.yaml': goalSet('2026-Q3', '  - {id: revenue, title: 第三季度销售额, kpi: revenue, target: 10000000, weight: 100, owner: li.wei}\n'),
      '2026-Q4/marketing.yaml': goalSet(
        '2026-Q4',
        '  - {id: revenue, title: 第四季度销售额, kpi: revenue, target: 12000000, weight: 60, owner: li.wei}\n  - {id: csat, title: 客户满意度, kpi: csat, target: 4.5, weight: 40, owner: wang.fang}\n',
      ),
      'teams/sales.yaml': 'apiVersion: goalpost/v1\nkind: Team\nid: sales\nname: 销售部\nlead: zhao.lei\nmembers:\n  zhao.lei: {name: 赵磊}\n',
      '2026-Q4/sales.yaml':
        'apiVersion: goalpost/v1\nkind: GoalSet\nteam: sales\nperiod: 2026-Q4\ngoals:\n  - {id: revenue, title: 销售额, kpi: revenue, target: 18000000, weight: 100, owner: zhao.lei}\n',
      'checkins/a-december.yaml': checkIn('marketing', '2026-12-05', 'li.wei', '  revenue: {confidence: 8}\n'),
      'checkins/b-november.yaml': checkIn(
        'marketing',
        '2026-11-16',
        'wang.fang',
        '  revenue:\n    confidence: 7\n    status: on-track\n    note: 双十一活动完成本月计划的 40%\n    blockers: [十二月预算尚未审批]\n    next: [启动十二月大客户冲刺]\n    owner: zhang.min\n',
      ),
      'checkins/c-october.yaml': checkIn('marketing', '2026-10-12', 'li.wei', '  revenue: {confidence: 6}\n  csat: {confidence: 3, status: at-risk}\n'),
      'checkins/d-september.yaml': checkIn('marketing', '2026-09-28', 'li.wei', '  revenue: {confidence: 2}\n'),
      'checkins/e-sales.yaml': checkIn('sales', '2026-11-20', 'zhao.lei', '  revenue: {confidence: 1}\n'),
    }),
  );
  // The scoring functions assume a valid model; this one is.
  expect(result.diagnostics).toEqual([]);
  return result.model;
}

const q4 = (goalsModel: GoalsModel): GoalSet => goalsModel.goalSets.find((each) => each.team === 'marketing' && each.period?.id === '2026-Q4')!;

describe('checkInsOfGoalSet', () => {
  const goals = model();

  it('gives the latest check-in on or before the end of the as-of month, and the confidence of each before it in date order', () => {
    const of = checkInsOfGoalSet(goals, q4(goals), '2026-11');
    // The September check-in is of the third quarter, the December one after November, sales' of another team.
    expect(of('revenue')).toEqual({
      latest: {
        date: '2026-11-16',
        author: 'wang.fang',
        authorName: '王芳',
        confidence: 7,
        status: 'on-track',
        note: '双十一活动完成本月计划的 40%',
        blockers: ['十二月预算尚未审批'],
        next: ['启动十二月大客户冲刺'],
        owner: 'zhang.min',
        ownerName: '张敏',
      },
      confidence: [
        { date: '2026-10-12', value: 6 },
        { date: '2026-11-16', value: 7 },
      ],
    });
    // csat was spoken of in October only: its latest stays October's.
    expect(of('csat').latest).toMatchObject({ date: '2026-10-12', author: 'li.wei', authorName: '李伟', confidence: 3, status: 'at-risk', note: null, owner: null, ownerName: null });
  });

  it('counts every check-in of the period without an as-of month, and none after the as-of month', () => {
    expect(checkInsOfGoalSet(goals, q4(goals), undefined)('revenue').confidence).toEqual([
      { date: '2026-10-12', value: 6 },
      { date: '2026-11-16', value: 7 },
      { date: '2026-12-05', value: 8 },
    ]);
    expect(checkInsOfGoalSet(goals, q4(goals), '2026-10')('revenue').latest?.confidence).toBe(6);
    expect(checkInsOfGoalSet(goals, q4(goals), '2026-09')('revenue')).toEqual({ latest: null, confidence: [] });
  });

  it('gives nothing for a goal no check-in speaks of, and keeps the third quarter apart', () => {
    expect(checkInsOfGoalSet(goals, q4(goals), '2026-12')('no-such-goal')).toEqual({ latest: null, confidence: [] });
    const q3 = goals.goalSets.find((each) => each.period?.id === '2026-Q3')!;
    expect(checkInsOfGoalSet(goals, q3, '2026-12')('revenue').confidence).toEqual([{ date: '2026-09-28', value: 2 }]);
  });

  it('indexes the check-ins by team once per model', () => {
    expect(checkInsByTeam(goals)).toBe(checkInsByTeam(goals));
    expect(checkInsByTeam(goals).get('marketing')!.map((each) => each.date)).toEqual(['2026-09-28', '2026-10-12', '2026-11-16', '2026-12-05']);
  });
});

describe('netConfidence', () => {
  it('is the share at 7 or more minus the share at 3 or less, ×100, over the goals with a check-in', () => {
    // 8 and 7 are confident, 2 is not, 5 neither: (2 − 1) / 4 = +25.
    expect(netConfidence([8, 7, 5, 2])).toBe(25);
    // Goals without a check-in do not count: (1 − 0) / 3 = 33.3…, rounded to 33.
    expect(netConfidence([7, null, 5, 4])).toBe(33);
    // 7 and 3 are the edges; 4 and 6 are neither: (1 − 1) / 4 = 0.
    expect(netConfidence([7, 3, 4, 6])).toBe(0);
    // (0 − 2) / 3 = −66.7, rounded to −67.
    expect(netConfidence([0, 3, 5])).toBe(-67);
  });

  it('rounds half away from zero', () => {
    // (1 − 2) / 8 = −12.5 → −13; (2 − 1) / 8 = +12.5 → +13.
    expect(netConfidence([7, 2, 2, 5, 5, 5, 5, 5])).toBe(-13);
    expect(netConfidence([7, 7, 2, 5, 5, 5, 5, 5])).toBe(13);
  });

  it('is null without any check-in', () => {
    expect(netConfidence([])).toBeNull();
    expect(netConfidence([null, null])).toBeNull();
  });
});

describe('assessmentGap', () => {
  it('flags a team that sees its goal better than the figures do', () => {
    expect(assessmentGap('on-track', 'at-risk')).toBe(true);
    expect(assessmentGap('on-track', 'off-track')).toBe(true);
    expect(assessmentGap('at-risk', 'off-track')).toBe(true);
  });

  it('does not flag agreement, a more worried team, no self-assessment or no data', () => {
    expect(assessmentGap('at-risk', 'at-risk')).toBe(false);
    expect(assessmentGap('off-track', 'on-track')).toBe(false);
    expect(assessmentGap('at-risk', 'on-track')).toBe(false);
    expect(assessmentGap(null, 'off-track')).toBe(false);
    expect(assessmentGap('on-track', 'no-data')).toBe(false);
  });
});
