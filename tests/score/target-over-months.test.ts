import { describe, expect, it } from 'vitest';
import type { Goal } from '../../src/model/model.js';
import { targetOverMonths, type PlannedTarget } from '../../src/score/target-over-months.js';
import { validateRepository } from '../../src/validate.js';
import { baseWith } from '../helpers/fixtures.js';

const goalSet = `apiVersion: goalpost/v1
kind: GoalSet
team: marketing
period: 2027
goals:
  - id: planned
    title: 按季度计划
    kpi: revenue
    target: 12000000
    weight: 50
    owner: li.wei
    breakdown:
      - by: quarter
        items:
          Q1: {target: 2000000, breakdown: [{by: month, items: {2027-01: 500000, 2027-02: 500000, 2027-03: 1000000}}]}
          Q2: 3000000
          Q3: 3000000
          Q4: 4000000
      - by: owner
        items: {zhang.min: 6000000, wang.fang: 6000000}
  - id: even
    title: 无计划
    kpi: revenue
    target: 12000000
    weight: 50
    owner: li.wei
`;

const { model } = validateRepository(baseWith({ '2027/marketing.yaml': goalSet }));
const set = model.goalSets.find((s) => s.periodText === '2027')!;
const period = set.period!;
const plannedGoal = (goal: Goal): PlannedTarget => ({ target: goal.target!, breakdowns: goal.breakdowns, period, months: period.months });
const [planned, even] = set.goals.map(plannedGoal) as [PlannedTarget, PlannedTarget];
const within = (...months: string[]) => (month: string) => months.includes(month);

describe('targetOverMonths', () => {
  it('follows a month plan, then a quarter plan spread evenly over its months', () => {
    // 2027-02 and 2027-03 from Q1's month plan: 500,000 + 1,000,000; 2027-04 is a third of Q2's 3,000,000.
    expect(targetOverMonths(planned, within('2027-02', '2027-03', '2027-04'))).toBe(2_500_000);
  });

  it('spreads a target without a plan evenly over its months', () => {
    // 12,000,000 × 2 / 12.
    expect(targetOverMonths(even, within('2027-05', '2027-06'))).toBe(2_000_000);
  });

  it('phases a part of a goal (an owner, a team) like the goal when it has no plan of its own', () => {
    // zhang.min's 6,000,000 is half of the goal, whose plan puts 2,000,000 of 12,000,000 in Q1: 1,000,000.
    const item = set.goals[0]!.breakdowns[1]!.items[0]!;
    const part: PlannedTarget = { target: item.target!, breakdowns: item.breakdowns, period, months: period.months, partOf: planned };
    expect(targetOverMonths(part, within('2027-01', '2027-02', '2027-03'))).toBe(1_000_000);
  });

  it('counts the whole target over all of its months', () => {
    expect(targetOverMonths(planned, () => true)).toBe(12_000_000);
    expect(targetOverMonths(even, () => true)).toBe(12_000_000);
  });
});
