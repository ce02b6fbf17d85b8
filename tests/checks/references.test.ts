import { describe, expect, it } from 'vitest';
import { validateRepository } from '../../src/validate.js';
import { baseWith, positions, validateFixture } from '../helpers/fixtures.js';

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

describe('shared goals: contributing teams and breakdowns by team', () => {
  const diagnostics = validateFixture('checks/shared-goals');

  it('accepts members of a contributing team as owners of items and initiatives, and checks teams as teams', () => {
    // zhao.lei and sun.li are members of sales, which carries q4-revenue with marketing: they may own its
    // owner item, its north region and its double-11 initiative, and report the actuals of their item, but
    // not own q4-csat (no contributors), its initiative, or an actuals row that is no item of theirs.
    expect(positions(diagnostics)).toEqual([
      'unknown-team 2026-Q4/marketing.yaml:12:27-12:32',
      'unknown-person 2026-Q4/marketing.yaml:15:56-15:63',
      'unknown-team 2026-Q4/marketing.yaml:17:37-17:42',
      'unknown-person 2026-Q4/marketing.yaml:21:43-21:50',
      'unknown-person 2026-Q4/marketing.yaml:30:16-30:24',
      'unknown-person 2026-Q4/marketing.yaml:38:12-38:20',
      'unknown-person 2026-Q4/marketing.yaml:42:16-42:22',
      'unknown-person actuals/actuals.csv:4:27-4:33',
    ]);
  });

  it('names the teams a person was looked for in, and suggests the closest id', () => {
    const messages = diagnostics.map((d) => d.message);
    expect(messages[0]).toBe('Contributing team "salse" has no team file. Did you mean "sales"?');
    expect(messages[1]).toBe(
      'The breakdown owner "qian.bo" is not a member of team "marketing" or of the goal\'s contributing team "sales". Add them to one of these team files or choose a member.',
    );
    expect(messages[2]).toBe('Team "saels" has no team file. Did you mean "sales"? A breakdown by team splits the target between teams by their ids.');
    expect(messages[3]).toContain('The owner "sun.lee" is not a member of team "marketing" or of the goal\'s contributing team "sales". Did you mean "sun.li"?');
    expect(messages[4]).toContain('The initiative owner "zhou.xun" is not a member of team "marketing" or of the goal\'s contributing team "sales".');
    expect(messages[5]).toBe('The owner "zhao.lei" is not a member of team "marketing". Add them to the team file or choose a member.');
    expect(messages[7]).toBe('"sun.li" is not a member of team "marketing".');
  });
});

describe('contributing teams', () => {
  it('are pointed at where they are written, after an entry of the wrong type', () => {
    const goalSet = `apiVersion: goalpost/v1
kind: GoalSet
team: marketing
period: 2026-Q4
goals:
  - id: q4-revenue
    title: 第四季度销售额达到 1200 万元
    kpi: revenue
    target: 12000000
    weight: 100
    owner: li.wei
    contributors: [42, salse]
`;
    // "    contributors: [" is 19 characters: 42 starts in column 20, salse in column 24.
    expect(positions(validateRepository(baseWith({ '2026-Q4/marketing.yaml': goalSet })).diagnostics)).toEqual([
      'wrong-type 2026-Q4/marketing.yaml:12:20-12:22',
      'unknown-team 2026-Q4/marketing.yaml:12:24-12:29',
    ]);
  });
});
