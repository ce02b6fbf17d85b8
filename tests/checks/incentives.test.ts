import { describe, expect, it } from 'vitest';
import { validateRepository } from '../../src/validate.js';
import { baseWith, positions, validateFixture } from '../helpers/fixtures.js';

describe('incentives', () => {
  const diagnostics = validateFixture('checks/incentives');

  it('reports points out of order in the settings and in a team, and a negative payout through the schema', () => {
    expect(positions(diagnostics)).toEqual([
      'incentive-curve-order goalpost.yaml:8:20-8:23',
      'invalid-value teams/marketing.yaml:14:33-14:37',
      'missing-key teams/marketing.yaml:15:7-15:24',
      // The third point of the file, though the model keeps only two before it: positions follow the file.
      'incentive-curve-order teams/marketing.yaml:16:20-16:23',
    ]);
  });

  it('says which point comes before the one out of order', () => {
    expect(diagnostics.map((d) => d.message)).toEqual([
      'The point at 100% comes after the point at 120% on line 7: the points of an incentive curve go in increasing order of attainment. Move it before that point, or correct one of the two.',
      'The payout must be at least 0, but it is -0.2.',
      'This point is missing "payout". (payout: The payout factor at that score: 1.0 = the full incentive)',
      'The point at 100% repeats the attainment of the point on line 15: each point of an incentive curve needs a higher attainment than the one before it. Remove one of the two, or correct its attainment.',
    ]);
    expect(diagnostics.filter((d) => d.code === 'incentive-curve-order').map((d) => d.severity)).toEqual(['error', 'error']);
  });

  const settingsWith = (points: string): string[] =>
    positions(
      validateRepository(
        baseWith({
          'goalpost.yaml': `apiVersion: goalpost/v1
kind: Settings
incentives:
  curve: [${points}]
`,
        }),
      ).diagnostics,
    );

  it('accepts points in increasing order', () => {
    expect(settingsWith('{attainment: 0.8, payout: 0.5}, {attainment: 1.0, payout: 1.0}, {attainment: 1.2, payout: 1.5}')).toEqual([]);
  });

  it('compares each point with the highest before it, so every point out of place is reported', () => {
    // After 0.8 and 1.2, both 1.0 and 1.1 are below 1.2; 1.3 is in place again.
    expect(
      settingsWith('{attainment: 0.8, payout: 0.5}, {attainment: 1.2, payout: 1.5}, {attainment: 1.0, payout: 1.0}, {attainment: 1.1, payout: 1.2}, {attainment: 1.3, payout: 1.6}'),
    ).toEqual(['incentive-curve-order goalpost.yaml:4:88-4:91', 'incentive-curve-order goalpost.yaml:4:120-4:123']);
  });
});
