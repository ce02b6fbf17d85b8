import { describe, expect, it } from 'vitest';
import { validateRepository } from '../../src/validate.js';
import { baseWith, positions, validateFixture } from '../helpers/fixtures.js';

describe('check-ins', () => {
  const diagnostics = validateFixture('checks/check-ins');

  it('reports an unknown author and owner, goals of another period or misspelt, an unknown team, a date no goal set covers and a second check-in for a date', () => {
    expect(positions(diagnostics)).toEqual([
      'unknown-person checkins/2026-11-15-marketing.yaml:5:9-5:15',
      // After a flow mapping holding eight CJK characters: each counts one column.
      'unknown-person checkins/2026-11-15-marketing.yaml:13:51-13:59',
      'unknown-goal checkins/2026-11-15-marketing.yaml:14:3-14:13',
      // A quoted key: the quotes are part of what is marked.
      'unknown-goal checkins/2026-11-15-marketing.yaml:16:3-16:14',
      'unknown-team checkins/2026-12-01-marketting.yaml:3:7-3:17',
      'checkin-without-goal-set checkins/2027-01-05-marketing.yaml:4:7-4:17',
      'duplicate-checkin checkins/copy-2026-11-15-marketing.yaml:4:7-4:17',
    ]);
  });

  it('says what is wrong in words a team lead reads', () => {
    expect(diagnostics.map((d) => d.message)).toEqual([
      'The author "li.wie" is not a member of team "marketing". Did you mean "li.wei"? Add them to the team file or choose a member.',
      'The owner "zhao.lei" is not a member of team "marketing". Add them to the team file or choose a member.',
      '"q3-revenue" is a goal of marketing\'s 2026-Q3 goal set, not of a goal set covering 2026-11-15 (2026-Q4). Report on it in a check-in dated within 2026-Q3 (2026-07 to 2026-09), or remove it from this one.',
      '"q4-revenu" is not a goal of marketing\'s 2026-Q4 goal set, which covers 2026-11-15. Did you mean "q4-revenue"?',
      'Team "marketting" has no team file. Did you mean "marketing"? A check-in is by a team with a file of kind: Team.',
      'No goal set of team "marketing" covers 2027-01-05: its goal sets are for 2026-Q3 (2026-07 to 2026-09) and 2026-Q4 (2026-10 to 2026-12). Correct the date, or add a goal set for the period.',
      'Team "marketing" already has a check-in for 2026-11-15 at checkins/2026-11-15-marketing.yaml:4. Keep one check-in per team and date: merge the two, or correct the date.',
    ]);
    expect(diagnostics.every((d) => d.severity === 'error')).toBe(true);
  });

  const checkIn = (header: string, goals: string): string[] =>
    validateRepository(baseWith({ 'checkins/a.yaml': `apiVersion: goalpost/v1\nkind: CheckIn\n${header}goals:\n${goals}` })).diagnostics.map(
      (d) => `${d.code} ${d.line}:${d.column} ${d.message}`,
    );

  it('accepts a check-in of the team on a date in its period, by members, about its goals', () => {
    expect(checkIn('team: marketing\ndate: 2026-12-31\nauthor: wang.fang\n', '  q4-revenue: {confidence: 0, owner: zhang.min}\n  q4-csat: {confidence: 10}\n')).toEqual([]);
  });

  it('covers a date by the month of any goal set of the team, and takes goal ids from all of those that cover it', () => {
    const year = 'apiVersion: goalpost/v1\nkind: GoalSet\nteam: marketing\nperiod: 2026\ngoals:\n  - {id: y-revenue, title: 全年销售额, kpi: revenue, target: 40000000, weight: 100, owner: li.wei}\n';
    const files = (goals: string) =>
      validateRepository(
        baseWith({
          '2026/marketing.yaml': year,
          'checkins/a.yaml': `apiVersion: goalpost/v1\nkind: CheckIn\nteam: marketing\ndate: 2026-11-15\nauthor: li.wei\ngoals:\n${goals}`,
        }),
      ).diagnostics.map((d) => `${d.code} ${d.line}:${d.column} ${d.message}`);
    expect(files('  q4-revenue: {confidence: 6}\n  y-revenue: {confidence: 7}\n')).toEqual([]);
    expect(files('  y-revenu: {confidence: 7}\n')).toEqual([
      'unknown-goal 7:3 "y-revenu" is not a goal of marketing\'s 2026-Q4 and 2026 goal sets, which cover 2026-11-15. Did you mean "y-revenue"?',
    ]);
  });

  it('says so when the team has no goal set at all', () => {
    const team = 'apiVersion: goalpost/v1\nkind: Team\nid: sales\nname: 销售部\nlead: zhao.lei\nmembers:\n  zhao.lei: {name: 赵磊}\n';
    const result = validateRepository(
      baseWith({
        'teams/sales.yaml': team,
        'checkins/a.yaml': 'apiVersion: goalpost/v1\nkind: CheckIn\nteam: sales\ndate: 2026-11-15\nauthor: zhao.lei\ngoals:\n  q4-deals: {confidence: 5}\n',
      }),
    );
    expect(positions(result.diagnostics)).toEqual(['checkin-without-goal-set checkins/a.yaml:4:7-4:17']);
    expect(result.diagnostics[0]!.message).toBe('Team "sales" has no goal set, so there is nothing to check in on 2026-11-15. Add a goal set for the team first.');
  });

  it('leaves to the schema a date not written YYYY-MM-DD, and checks the people all the same', () => {
    const result = validateRepository(
      baseWith({ 'checkins/a.yaml': 'apiVersion: goalpost/v1\nkind: CheckIn\nteam: marketing\ndate: 2026-11\nauthor: li.wie\ngoals:\n  q4-nothing: {confidence: 5}\n' }),
    );
    expect(positions(result.diagnostics)).toEqual(['invalid-value checkins/a.yaml:4:7-4:14', 'unknown-person checkins/a.yaml:5:9-5:15']);
  });
});
