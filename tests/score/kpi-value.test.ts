import { describe, expect, it } from 'vitest';
import { scoreRepository } from '../../src/score/score.js';
import { validateRepository } from '../../src/validate.js';
import { baseWith } from '../helpers/fixtures.js';

function scoreWith(overrides: Record<string, string>) {
  const { model, diagnostics } = validateRepository(baseWith(overrides));
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return scoreRepository(model).teams[0]!.goals;
}

describe('actual values', () => {
  it('prefer a team-total row over the parts, and use the parts for breakdown items', () => {
    const goals = scoreWith({
      'actuals/actuals.csv': 'period,team,kpi,owner,value\n2026-10,marketing,revenue,zhang.min,1600000\n2026-10,marketing,revenue,wang.fang,2000000\n2026-10,marketing,revenue,,3700000\n',
    });
    expect(goals[0]!.actual).toBe(3_700_000);
    expect(goals[0]!.breakdown.map((b) => b.actual)).toEqual([1_600_000, 2_000_000]);
  });

  it('combine a mean KPI by mean, across months too', () => {
    const goals = scoreWith({
      'actuals/actuals.csv': 'period,team,kpi,owner,value\n2026-10,marketing,csat,,4.2\n2026-11,marketing,csat,wang.fang,4.4\n2026-11,marketing,csat,zhang.min,4.8\n',
    });
    // November has no total: its owners' mean 4.6; the period: mean of 4.2 and 4.6
    expect(goals[1]!.actual).toBeCloseTo(4.4, 12);
    expect(goals[1]!.attainment).toBeCloseTo(4.4 / 4.5, 12);
  });

  it('follow a nested breakdown down to rows with both dimension values', () => {
    const goalSet = `apiVersion: goalpost/v1
kind: GoalSet
team: marketing
period: 2026-Q4
goals:
  - id: q4-revenue
    title: 销售额
    kpi: revenue
    target: 1200
    weight: 100
    owner: li.wei
    breakdown:
      - by: region
        items:
          east: {target: 600, breakdown: [{by: channel, items: {online: 200, offline: 400}}]}
          south: 600
`;
    const csv = 'period,team,kpi,region,channel,value\n2026-10,marketing,revenue,east,online,100\n2026-10,marketing,revenue,east,offline,150\n2026-10,marketing,revenue,south,,90\n';
    const [revenue] = scoreWith({ '2026-Q4/marketing.yaml': goalSet, 'actuals/actuals.csv': csv });
    expect(revenue!.actual).toBe(340);
    const east = revenue!.breakdown[0]!;
    expect(east.actual).toBe(250);
    expect(east.breakdown.map((b) => [b.key, b.actual, b.expected])).toEqual([
      ['online', 100, 200 / 3],
      ['offline', 150, 400 / 3],
    ]);
    expect(revenue!.breakdown[1]!.actual).toBe(90);
  });

  it('give no data for a derived KPI whose denominator is zero', () => {
    const goalSet = `apiVersion: goalpost/v1
kind: GoalSet
team: marketing
period: 2026-Q4
goals:
  - {id: share, title: 份额, kpi: market_share, target: 0.1, weight: 100, owner: li.wei}
`;
    const csv = 'period,team,kpi,owner,value\n2026-10,marketing,revenue,,100\n2026-10,marketing,market_size,,0\n';
    const [share] = scoreWith({ '2026-Q4/marketing.yaml': goalSet, 'actuals/actuals.csv': csv });
    expect(share).toMatchObject({ actual: null, attainment: null, status: 'no-data', score: null });
  });
});
