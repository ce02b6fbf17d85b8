import { diagnosticAt, type Diagnostic } from '../diagnostics/diagnostic.js';
import { spanOf, type IncentiveCurve } from '../model/model.js';
import { formatNumber } from '../text/describe.js';
import type { Check } from './check.js';

/** An attainment as a team lead reads it: 1.2 → "120%". */
function percent(attainment: number): string {
  return `${formatNumber(Math.round(attainment * 10000) / 100)}%`;
}

/**
 * The points of a curve as written, with their index in the file. The model
 * keeps only complete points, so its index can differ from the file's when a
 * point without a payout (reported by the schema) comes first.
 */
function writtenPoints(curve: IncentiveCurve): { index: number; attainment: number }[] {
  let value: unknown = curve.at.doc.data;
  for (const segment of [...curve.at.path, 'curve']) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) return [];
    value = (value as Record<string | number, unknown>)[segment];
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((point: unknown, index) => {
    const attainment = typeof point === 'object' && point !== null ? (point as Record<string, unknown>)['attainment'] : undefined;
    return typeof attainment === 'number' && Number.isFinite(attainment) ? [{ index, attainment }] : [];
  });
}

/**
 * The points of an incentive curve (激励) go in strictly increasing order of
 * attainment, in the settings and in every team's own curve: the payout is
 * read along the line between neighbours, so a point out of order would make
 * a better score pay less, and two points at the same attainment would give
 * one score two payouts. A negative payout is the schema's to report.
 */
export const incentives: Check = {
  name: 'incentives',
  codes: ['incentive-curve-order'],
  run(model) {
    const diagnostics: Diagnostic[] = [];
    const check = (curve: IncentiveCurve): void => {
      const attainmentAt = (index: number): (string | number)[] => ['curve', index, 'attainment'];
      // Each point is compared with the highest before it: after 0.8, 1.2, 1.0, a 1.1 is out of place too.
      let highest: { index: number; attainment: number } | undefined;
      for (const point of writtenPoints(curve)) {
        if (highest === undefined || point.attainment > highest.attainment) {
          highest = point;
          continue;
        }
        const span = spanOf(curve.at, attainmentAt(point.index));
        const before = spanOf(curve.at, attainmentAt(highest.index));
        const line = before.source.position(before.start).line;
        diagnostics.push(
          diagnosticAt(
            span,
            'incentive-curve-order',
            point.attainment === highest.attainment
              ? `The point at ${percent(point.attainment)} repeats the attainment of the point on line ${line}: each point of an incentive curve needs a higher attainment than the one before it. Remove one of the two, or correct its attainment.`
              : `The point at ${percent(point.attainment)} comes after the point at ${percent(highest.attainment)} on line ${line}: the points of an incentive curve go in increasing order of attainment. Move it before that point, or correct one of the two.`,
          ),
        );
      }
    };
    if (model.settings.incentives) check(model.settings.incentives);
    for (const team of model.definitions.teams) if (team.incentives) check(team.incentives);
    return diagnostics;
  },
};
