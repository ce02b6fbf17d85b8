import { describe, expect, it } from 'vitest';
import { bestResult, challengeVerdict, improvesOn, realisticLimit } from '../../src/checks/challenge.js';
import type { RepositoryFile } from '../../src/load/load-file.js';
import { parsePeriod } from '../../src/model/period.js';
import { validateRepository } from '../../src/validate.js';
import { fixtureFiles, positions, validateFixture } from '../helpers/fixtures.js';

const withSettings = (lines: string): RepositoryFile[] => [
  ...fixtureFiles('checks/challenge'),
  { path: 'goalpost.yaml', bytes: Buffer.from(`apiVersion: goalpost/v1\nkind: Settings\n${lines}\n`) },
];

describe('challenge', () => {
  const diagnostics = validateFixture('checks/challenge');

  it('reports targets that do not improve on the previous result or ask for too much, at the target', () => {
    expect(positions(diagnostics)).toEqual([
      'target-not-challenging 2026-Q4/marketing.yaml:9:13-9:21',
      'target-unrealistic 2026-Q4/marketing.yaml:31:13-31:16',
      'target-unrealistic 2026-Q4/marketing.yaml:45:13-45:14',
      'target-not-challenging 2026-Q4/marketing.yaml:51:13-51:15',
    ]);
    expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('takes the better of the previous quarter and the same quarter a year earlier', () => {
    // Revenue 2026-Q3: 3,000,000 + 3,500,000 + 4,000,000 = 10,500,000; 2025-Q4: 3,500,000 + 4,000,000
    // + 4,500,000 = 12,000,000, the better. A target of 12,000,000 asks for no growth over it.
    expect(diagnostics[0]!.message).toBe(
      'The target of 12,000,000 does not improve on the team\'s result of 12,000,000 for KPI "revenue" in 2025-Q4 (the better of it and 10,500,000 in 2026-Q3): it asks for no growth. ' +
        'A target should ask for more than the team has already achieved (持续改进); if holding the level is the plan, set `challenge: false` on the goal and say why in `notes`.',
    );
  });

  it('reports growth beyond challenge.maxGrowth', () => {
    // New customers 2026-Q3: 100 + 110 + 120 = 330; at most 330 × (1 + 1.0) = 660. 700 asks for
    // (700 − 330) / 330 = 112.12% growth.
    expect(diagnostics[1]!.message).toBe(
      'The target of 700 asks for 112.12% growth over the team\'s result of 330 for KPI "new_customers" in 2026-Q3, more than the +100% that `challenge.maxGrowth` calls realistic (at most 660). ' +
        "A target should be challenging yet within the team's reach (具有挑战性，同时考虑到团队的实际情况); if the stretch is meant, set `challenge: false` on the goal and say why in `notes`.",
    );
  });

  it('reads growth as a factor for a KPI that should decrease: +100% allows halving it', () => {
    // Churned customers 2026-Q3: 6 + 7 + 7 = 20; at most halved, 20 ÷ 2 = 10. 8 cuts it by 12 / 20 = 60%.
    expect(diagnostics[2]!.message).toContain(
      'The target of 8 asks to cut the team\'s result of 20 for KPI "churned_customers" in 2026-Q3 by 60%, more than `challenge.maxGrowth` calls realistic: +100% lets a KPI that should decrease fall to 20 ÷ 2 = 10.',
    );
  });

  it('reports a target of a KPI that should decrease that is above the better previous result', () => {
    // Complaints 2026-Q3: 5 + 8 + 7 = 20; 2025-Q4: 9 + 8 + 8 = 25. The better is the lower, 20;
    // 22 is (22 − 20) / 20 = 10% more.
    expect(diagnostics[3]!.message).toContain(
      'The target of 22 does not improve on the team\'s result of 20 for KPI "complaints" in 2026-Q3 (the better of it and 25 in 2025-Q4): it asks for 10% more.',
    );
  });

  it('leaves out a period the team did not report every month of, threshold goals that hold a level, and goals with challenge: false', () => {
    // csat: 2025-Q4 has December only, so the base is 2026-Q3, mean(4.0, 4.2, 4.4) = 4.2, which 4.5 improves on.
    // The floor of 4.0 (atLeast) is below 4.2 but states a level to hold; the stretch of 1,000 new customers opts out.
    expect(diagnostics.map((d) => d.message).filter((message) => message.includes('"csat"') || message.includes('1,000'))).toEqual([]);
  });

  it('follows the settings: challenge: false turns it off, maxGrowth moves the limit', () => {
    expect(validateRepository(withSettings('challenge: false')).diagnostics).toEqual([]);
    // With maxGrowth 2: new customers up to 330 × 3 = 990, churn down to 20 ÷ 3 = 6.67; 700 and 8 are within.
    const codes = validateRepository(withSettings('challenge: {maxGrowth: 2}')).diagnostics.map((d) => d.code);
    expect(codes).toEqual(['target-not-challenging', 'target-not-challenging']);
  });

  it('judges by direction', () => {
    const q3 = { period: parsePeriod('2026-Q3')!, value: 20 };
    const q4 = { period: parsePeriod('2025-Q4')!, value: 25 };
    expect(bestResult([q3, q4], 'increase')).toBe(q4);
    expect(bestResult([q3, q4], 'decrease')).toBe(q3);
    expect(improvesOn(21, 20, 'increase')).toBe(true);
    expect(improvesOn(20, 20, 'increase')).toBe(false);
    expect(improvesOn(19, 20, 'decrease')).toBe(true);
    expect(improvesOn(20.000000000001, 20, 'decrease')).toBe(false);
    expect(realisticLimit(20, 'increase', 0.5)).toBe(30);
    expect(realisticLimit(30, 'decrease', 0.5)).toBe(20);
  });

  it('gives a verdict on both sides, for both directions, and spares threshold goals the improvement rule', () => {
    // Increase from 100 with maxGrowth 1.0: 100 does not improve, 150 is fine, 201 is beyond 200.
    expect(challengeVerdict(100, 100, 'increase', 1, false)).toBe('target-not-challenging');
    expect(challengeVerdict(150, 100, 'increase', 1, false)).toBeUndefined();
    expect(challengeVerdict(201, 100, 'increase', 1, false)).toBe('target-unrealistic');
    // Decrease from 100: 110 is worse, 60 is fine, 49 is below 100 ÷ 2 = 50, and 0 asks to end it entirely.
    expect(challengeVerdict(110, 100, 'decrease', 1, false)).toBe('target-not-challenging');
    expect(challengeVerdict(60, 100, 'decrease', 1, false)).toBeUndefined();
    expect(challengeVerdict(49, 100, 'decrease', 1, false)).toBe('target-unrealistic');
    expect(challengeVerdict(0, 100, 'decrease', 1, false)).toBe('target-unrealistic');
    // A cap of 110 (atMost) holds a level; a cap of 40 still asks for too much.
    expect(challengeVerdict(110, 100, 'decrease', 1, true)).toBeUndefined();
    expect(challengeVerdict(40, 100, 'decrease', 1, true)).toBe('target-unrealistic');
    // Growth is not measured from a result of 0 or below.
    expect(challengeVerdict(500, 0, 'increase', 1, false)).toBeUndefined();
  });
});
