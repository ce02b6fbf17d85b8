import { describe, expect, it } from 'vitest';
import { validateRepository } from '../../src/validate.js';
import { baseWith, positions, validateFixture } from '../helpers/fixtures.js';

describe('closing a period (复盘)', () => {
  const diagnostics = validateFixture('checks/closing');

  it('reports a final attainment before closing, above the cap, a closing too early, unknown people and a reopening before the closing', () => {
    expect(positions(diagnostics)).toEqual([
      'final-without-closing 2026-Q3/marketing.yaml:13:5-13:10',
      // A reopened goal set counts the computed attainments until it is closed again.
      'final-without-closing 2026-Q4/marketing.yaml:15:5-15:10',
      // After a CJK reason on the same line: one column per character.
      'override-out-of-range 2026-Q4/marketing.yaml:15:54-15:57',
      'final-without-closing 2026-Q4/marketing.yaml:22:5-22:10',
      'closed-too-early 2026-Q4/marketing.yaml:24:16-24:26',
      'unknown-person 2026-Q4/marketing.yaml:24:32-24:38',
      'reopened-before-closed 2026-Q4/marketing.yaml:25:18-25:28',
      'unknown-person 2026-Q4/marketing.yaml:25:34-25:42',
    ]);
  });

  it('says what is wrong in words a team lead reads', () => {
    expect(diagnostics.map((d) => [d.severity, d.message])).toEqual([
      [
        'warning',
        'The goal "q3-revenue" has a final attainment, but its goal set is not closed, so the computed attainment still counts. Close the goal set with `closed: {date, by}` once the period\'s results are in, or remove `final`.',
      ],
      [
        'warning',
        'The goal "q4-revenue" has a final attainment, but its goal set is reopened, so the computed attainment counts until it is closed again. Remove `reopened` and give `closed` the new date once the review is done.',
      ],
      ['error', 'The final attainment of "q4-revenue" is 150%, above the cap of 120% in the settings: no goal counts for more than the cap. Lower it to 120% or less.'],
      [
        'warning',
        'The goal "q4-csat" has a final attainment, but its goal set is reopened, so the computed attainment counts until it is closed again. Remove `reopened` and give `closed` the new date once the review is done.',
      ],
      ['error', "The goal set is closed on 2026-11-20, before the last month of its period 2026-Q4 (2026-12). Close it on 2026-12-01 or later, once the period's results are in."],
      ['error', 'The goal set is closed by "li.wie", who is not a member of team "marketing". Did you mean "li.wei"? Add them to the team file or choose a member.'],
      ['error', 'The goal set is reopened on 2026-11-18, before it was closed on 2026-11-20. A goal set is reopened on the day it was closed or later: correct one of the dates.'],
      ['error', 'The goal set is reopened by "zhao.lei", who is not a member of team "marketing". Add them to the team file or choose a member.'],
    ]);
  });

  const goalSet = (period: string, extra: string, final = ''): string => `apiVersion: goalpost/v1
kind: GoalSet
team: marketing
period: ${period}
goals:
  - id: revenue
    title: 销售额
    kpi: revenue
    target: 12000000
    weight: 100
    owner: li.wei
${final}${extra}`;
  const codes = (files: Record<string, string>): string[] => validateRepository(baseWith(files)).diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`);

  it.each([
    ['2026-12-01', []],
    ['2027-01-15', []],
    ['2026-11-30', ['closed-too-early 12:16']],
  ])('closes 2026-Q4 on %s with %j', (date, expected) => {
    expect(codes({ '2026-Q4/marketing.yaml': goalSet('2026-Q4', `closed: {date: ${date}, by: li.wei}\n`) })).toEqual(expected);
  });

  it('counts the last month of a fiscal period from the settings', () => {
    const settings = 'apiVersion: goalpost/v1\nkind: Settings\nfiscalYearStart: 4\n';
    // FY2027-Q1 runs from 2026-04 to 2026-06.
    expect(codes({ 'goalpost.yaml': settings, '2026-Q4/marketing.yaml': goalSet('FY2027-Q1', 'closed: {date: 2026-06-01, by: li.wei}\n') })).toEqual([]);
    expect(codes({ 'goalpost.yaml': settings, '2026-Q4/marketing.yaml': goalSet('FY2027-Q1', 'closed: {date: 2026-05-31, by: li.wei}\n') })).toEqual(['closed-too-early 12:16']);
  });

  it('accepts a reopening on the day of the closing, and refuses one without a closing', () => {
    const sameDay = 'closed: {date: 2026-12-20, by: li.wei}\nreopened: {date: 2026-12-20, by: zhang.min, reason: 补录十二月数据}\n';
    expect(codes({ '2026-Q4/marketing.yaml': goalSet('2026-Q4', sameDay) })).toEqual([]);
    const never = validateRepository(baseWith({ '2026-Q4/marketing.yaml': goalSet('2026-Q4', 'reopened: {date: 2026-12-20, by: li.wei, reason: 调整}\n') })).diagnostics;
    expect(positions(never)).toEqual(['reopened-before-closed 2026-Q4/marketing.yaml:12:1-12:9']);
    expect(never[0]!.message).toBe('The goal set is reopened, but it was never closed. Remove `reopened`, or add `closed: {date, by}` with the day it was closed.');
  });

  it('allows a final attainment up to the cap of the settings, and only then', () => {
    const closed = 'closed: {date: 2026-12-20, by: li.wei}\n';
    const final = (attainment: number) => `    final: {attainment: ${attainment}, reason: 评审会认可}\n`;
    expect(codes({ '2026-Q4/marketing.yaml': goalSet('2026-Q4', closed, final(1.2)) })).toEqual([]);
    expect(codes({ '2026-Q4/marketing.yaml': goalSet('2026-Q4', closed, final(1.21)) })).toEqual(['override-out-of-range 12:25']);
    const cap = 'apiVersion: goalpost/v1\nkind: Settings\ncap: 1.5\n';
    expect(codes({ 'goalpost.yaml': cap, '2026-Q4/marketing.yaml': goalSet('2026-Q4', closed, final(1.5)) })).toEqual([]);
    expect(codes({ '2026-Q4/marketing.yaml': goalSet('2026-Q4', '', final(0.9)) })).toEqual(['final-without-closing 12:5']);
  });

  it('leaves the people of a team without a team file to unknown-team', () => {
    const other = goalSet('2026-Q4', 'closed: {date: 2026-12-20, by: somebody}\n').replace('team: marketing', 'team: markting');
    expect(codes({ '2026-Q4/marketing.yaml': other }).filter((code) => code.startsWith('unknown-person') && code.endsWith(':31'))).toEqual([]);
    expect(codes({ '2026-Q4/marketing.yaml': other })).toContain('unknown-team 3:7');
  });
});
