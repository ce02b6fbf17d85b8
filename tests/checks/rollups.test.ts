import { describe, expect, it } from 'vitest';
import type { RepositoryFile } from '../../src/load/load-file.js';
import { validateRepository } from '../../src/validate.js';
import { fixtureFiles, positions, validateFixture } from '../helpers/fixtures.js';

const settings = (lines: string): RepositoryFile => ({ path: 'goalpost.yaml', bytes: Buffer.from(`apiVersion: goalpost/v1\nkind: Settings\n${lines}\n`) });

describe('rollups', () => {
  describe('a year broken down by team and by quarter, and the goals of its teams and quarters', () => {
    const diagnostics = validateFixture('checks/rollups');

    it('reports the team items and quarter items that the aligned goals do not add up to, and a team without a goal', () => {
      expect(positions(diagnostics)).toEqual([
        'rollup-sum 2027/company.yaml:14:45-14:53',
        'rollup-missing 2027/company.yaml:14:55-14:62',
        'rollup-sum 2027/marketing.yaml:15:21-15:28',
      ]);
      expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    });

    it('compares a team with its share over the months its goals cover', () => {
      // sales plans only 2027-H1 (7,000,000). Its share of 16,000,000 for 2027 has no plan over
      // time, nor does the company goal, so it is spread evenly: 16,000,000 × 6/12 = 8,000,000.
      // 8,000,000 − 7,000,000 = 1,000,000 short, 1,000,000 / 8,000,000 = 12.5%.
      expect(diagnostics[0]!.message).toBe(
        "The goals of team sales aligned to company/2027/revenue add up to 7,000,000 (sales/2027-H1/h1-revenue 7,000,000): 1,000,000 short of the team's share of 8,000,000 (12.5%). " +
          "The team's share of 16,000,000 for 2027 is counted over the months the goals cover, 2027-01 to 2027-06.",
      );
    });

    it('reports a team of the breakdown that has no goal aligned', () => {
      expect(diagnostics[1]!.message).toBe('Team "support" has no goal aligned to company/2027/revenue with KPI "revenue", so its share of 2,000,000 is not planned by the team.');
    });

    it('compares a quarter of a year goal of the same team with the goal set of that quarter', () => {
      // Q1: 2,500,000 planned in the year goal, 2,400,000 in the Q1 goal set: 100,000 short, 4%.
      // Q2: 3,000,000 both ways; the marketing item of the company goal is the year goal's 12,000,000.
      expect(diagnostics[2]!.message).toBe(
        'The goals aligned to marketing/2027/revenue-2027 for Q1 (2027-01 to 2027-03) add up to 2,400,000 (marketing/2027-Q1/q1-revenue 2,400,000): 100,000 short of its Q1 target of 2,500,000 (4%).',
      );
    });
  });

  describe('a fiscal year starting in April', () => {
    const diagnostics = validateFixture('checks/rollups-fiscal');

    it('compares each quarter of the fiscal year with the goals in it', () => {
      expect(positions(diagnostics)).toEqual([
        'rollup-sum FY2027/company.yaml:14:21-14:28',
        'rollup-sum FY2027/company.yaml:14:47-14:54',
        'rollup-sum FY2027/company.yaml:14:60-14:67',
      ]);
      // FY2027-Q1 is 2026-04 to 2026-06: marketing 2,500,000 + sales 3,000,000 = 5,500,000,
      // 500,000 short of 6,000,000, 500,000 / 6,000,000 = 8.33%.
      expect(diagnostics[0]!.message).toBe(
        'The goals aligned to company/FY2027/revenue for Q1 (2026-04 to 2026-06) add up to 5,500,000 (marketing/FY2027-Q1/q1-revenue 2,500,000, sales/FY2027-Q1/q1-revenue 3,000,000): 500,000 short of its Q1 target of 6,000,000 (8.33%).',
      );
    });

    it('counts a half goal in each quarter it shares, spread evenly without a plan', () => {
      // FY2027-H2 is 2026-10 to 2027-03; 17,000,000 × 3/6 = 8,500,000 in each of Q3 and Q4.
      // Q3: 8,500,000 − 8,000,000 = 500,000 over (6.25%); Q4: 9,000,000 − 8,500,000 = 500,000 short (5.56%).
      expect(diagnostics[1]!.message).toBe(
        'The goals aligned to company/FY2027/revenue for Q3 (2026-10 to 2026-12) add up to 8,500,000 (sales/FY2027-H2/h2-revenue 8,500,000 in 2026-10 to 2026-12 of its 17,000,000): 500,000 over its Q3 target of 8,000,000 (6.25%).',
      );
      expect(diagnostics[2]!.message).toContain('500,000 short of its Q4 target of 9,000,000 (5.56%)');
    });
  });

  describe('goals of other horizons than the goal they serve', () => {
    const diagnostics = validateFixture('checks/rollups-overlap');

    it('reports a quarter goal whose contributors, a half among them, do not add up or average to it', () => {
      expect(positions(diagnostics)).toEqual(['rollup-sum 2026-Q4/company.yaml:9:13-9:21', 'rollup-mismatch 2026-Q4/company.yaml:15:13-15:16']);
    });

    it('counts a half goal over the months it shares with the quarter, by its month plan', () => {
      // The sales half plans 2,000,000 + 3,000,000 + 3,000,000 = 8,000,000 for 2026-10 to 2026-12;
      // with support's 1,500,000 that is 9,500,000, 500,000 short of 10,000,000 (5%).
      expect(diagnostics[0]!.message).toBe(
        'The goals aligned to company/2026-Q4/revenue add up to 9,500,000 (sales/2026-H2/h2-revenue 8,000,000 in 2026-10 to 2026-12 of its 12,000,000, support/2026-Q4/q4-revenue 1,500,000): 500,000 short of its target of 10,000,000 (5%).',
      );
    });

    it('combines a KPI that does not sum over time from the goals whose periods cover the quarter', () => {
      // The October goal of 3.0 does not cover the quarter and is left out: mean(4.4, 4.4) = 4.4,
      // 0.1 short of 4.5, 0.1 / 4.5 = 2.22%.
      expect(diagnostics[1]!.message).toBe(
        'The goals aligned to company/2026-Q4/csat combine to 4.4 by the mean of KPI "csat" (sales/2026-H2/h2-csat 4.4, support/2026-Q4/q4-csat 4.4): 0.1 short of its target of 4.5 (2.22%).',
      );
    });

    it('reports them as errors with `rollups: error` and not at all with `rollups: off`', () => {
      const asErrors = validateRepository([...fixtureFiles('checks/rollups-overlap'), settings('rollups: error')]).diagnostics;
      expect(asErrors.map((d) => `${d.code} ${d.severity}`)).toEqual(['rollup-sum error', 'rollup-mismatch error']);
      expect(validateRepository([...fixtureFiles('checks/rollups-overlap'), settings('rollups: off')]).diagnostics).toEqual([]);
    });

    it('waits while a goals file cannot be read: it may hold the missing contributors', () => {
      const unreadable: RepositoryFile = { path: '2026-Q4/sales.yaml', bytes: Buffer.from('apiVersion: goalpost/v1\nkind: GoalSet\ngoals:\n\t- id: x\n') };
      const codes = validateRepository([...fixtureFiles('checks/rollups-overlap'), unreadable]).diagnostics.map((d) => d.code);
      expect(codes).toEqual(['yaml-syntax']);
    });
  });

  it('says nothing when the contributors add up and average to the targets', () => {
    // support plans 2,000,000 and 4.6: 8,000,000 + 2,000,000 = 10,000,000, and mean(4.4, 4.6) = 4.5.
    const files = fixtureFiles('checks/rollups-overlap').map((file) =>
      file.path === '2026-Q4/support.yaml'
        ? { ...file, bytes: Buffer.from(Buffer.from(file.bytes).toString('utf8').replace('target: 1500000', 'target: 2000000').replace('target: 4.4', 'target: 4.6')) }
        : file,
    );
    expect(validateRepository(files).diagnostics).toEqual([]);
  });
});
