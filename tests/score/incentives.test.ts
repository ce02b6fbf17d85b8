import { describe, expect, it } from 'vitest';
import type { IncentiveCurve } from '../../src/model/model.js';
import { payoutAt } from '../../src/score/incentives.js';
import { validateRepository } from '../../src/validate.js';
import { baseWith } from '../helpers/fixtures.js';

/** A curve as the settings write it, read the way goalpost reads it. */
function curveOf(incentives: string): IncentiveCurve {
  const { model, diagnostics } = validateRepository(baseWith({ 'goalpost.yaml': `apiVersion: goalpost/v1\nkind: Settings\nincentives:\n${incentives}` }));
  expect(diagnostics).toEqual([]);
  return model.settings.incentives!;
}

describe('payoutAt', () => {
  const curve = curveOf(`  curve:
    - {attainment: 0.8, payout: 0.5}
    - {attainment: 1.0, payout: 1.0}
    - {attainment: 1.2, payout: 1.5}
  below: 0
`);

  it('pays exactly the point’s payout on a point', () => {
    expect(payoutAt(curve, 0.8)).toBe(0.5);
    expect(payoutAt(curve, 1.0)).toBe(1.0);
    expect(payoutAt(curve, 1.2)).toBe(1.5);
  });

  it('is linear between two points', () => {
    // 0.5 + (1.0 − 0.5) × (0.9 − 0.8) ÷ (1.0 − 0.8) = 0.75
    expect(payoutAt(curve, 0.9)).toBeCloseTo(0.75, 12);
    // 1.0 + (1.5 − 1.0) × (1.1 − 1.0) ÷ (1.2 − 1.0) = 1.25
    expect(payoutAt(curve, 1.1)).toBeCloseTo(1.25, 12);
    // 0.5 + 0.5 × (0.85 − 0.8) ÷ 0.2 = 0.625
    expect(payoutAt(curve, 0.85)).toBeCloseTo(0.625, 12);
  });

  it('pays `below` under the first point and the last payout above the last point', () => {
    expect(payoutAt(curve, 0.79)).toBe(0);
    expect(payoutAt(curve, 0)).toBe(0);
    expect(payoutAt(curve, 1.3)).toBe(1.5);
    expect(payoutAt(curve, 5)).toBe(1.5);
  });

  it('pays a `below` other than 0, and reads a missing `below` as 0', () => {
    const floor = curveOf('  curve: [{attainment: 0.9, payout: 0.6}, {attainment: 1.1, payout: 1.4}]\n  below: 0.3\n');
    expect(payoutAt(floor, 0.89)).toBe(0.3);
    // 0.6 + (1.4 − 0.6) × (1.0 − 0.9) ÷ (1.1 − 0.9) = 1.0
    expect(payoutAt(floor, 1.0)).toBeCloseTo(1.0, 12);
    const noFloor = curveOf('  curve: [{attainment: 0.9, payout: 0.6}]\n');
    expect(payoutAt(noFloor, 0.5)).toBe(0);
  });

  it('with one point: `below` under it, its payout on and above it', () => {
    const step = curveOf('  curve: [{attainment: 1.0, payout: 1.0}]\n  below: 0.2\n');
    expect([payoutAt(step, 0.99), payoutAt(step, 1.0), payoutAt(step, 1.5)]).toEqual([0.2, 1.0, 1.0]);
  });
});
