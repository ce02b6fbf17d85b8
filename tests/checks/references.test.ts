import { describe, expect, it } from 'vitest';
import { positions, validateFixture } from '../helpers/fixtures.js';

describe('goal-references and team-leads', () => {
  const diagnostics = validateFixture('checks/references');

  it('points at each broken reference', () => {
    expect(positions(diagnostics)).toEqual([
      'unknown-kpi 2026-Q4/marketing.yaml:8:10-8:16',
      'unknown-person 2026-Q4/marketing.yaml:11:12-11:18',
      'unknown-person 2026-Q4/marketing.yaml:14:37-14:45',
      'kpi-without-direction 2026-Q4/marketing.yaml:17:10-17:21',
      'unknown-team 2026-Q4/sales.yaml:3:7-3:12',
      'unknown-person teams/brand.yaml:5:7-5:15',
    ]);
  });

  it('suggests the name that was probably meant', () => {
    const messages = diagnostics.map((d) => d.message);
    expect(messages[0]).toBe('KPI "revenu" is not in the KPI catalog. Did you mean "revenue"?');
    expect(messages[1]).toContain('"li.wie" is not a member of team "marketing". Did you mean "li.wei"?');
    expect(messages[2]).toContain('Did you mean "wang.fang"?');
    expect(messages[5]).toContain('The lead "chen.jie" is not a member of team "brand". Did you mean "chen.jay"?');
  });
});
