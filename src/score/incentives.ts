import type { IncentiveCurve } from '../model/model.js';

/**
 * The payout factor (激励系数) a score earns on an incentive curve: linear
 * between two points, `below` under the first point, the last point's payout
 * above the last point (the curve caps what a score can earn), and exactly a
 * point's payout on that point. It assumes the points are in increasing
 * order of attainment, which the check `incentive-curve-order` ensures; a
 * curve without points pays `below`.
 */
export function payoutAt(curve: IncentiveCurve, score: number): number {
  const points = curve.curve;
  const first = points[0];
  if (first === undefined || score < first.attainment) return curve.below;
  for (let i = 1; i < points.length; i++) {
    const from = points[i - 1]!;
    const to = points[i]!;
    if (score > to.attainment) continue;
    // On a point, its payout as written: no rounding of the line through it.
    if (score === to.attainment) return to.payout;
    return from.payout + ((to.payout - from.payout) * (score - from.attainment)) / (to.attainment - from.attainment);
  }
  return points[points.length - 1]!.payout;
}
