import type { PlacedGoal } from '../model/alignment.js';
import { addMonths } from '../model/period.js';
import { formatNumber, listWords } from './describe.js';

/** A goal as people find it across files: `marketing/FY2027-Q1/q1-revenue`, its team, period and id. */
export function goalPath(place: PlacedGoal): string {
  return `${place.goalSet.team ?? '?'}/${place.goalSet.periodText ?? '?'}/${place.goal.id ?? '?'}`;
}

/**
 * A figure of a plan in a message. Targets spread over some of their months
 * come out in thirds and sixths: two decimals say enough of those, while a
 * rate below 1 keeps its digits.
 */
export function formatFigure(value: number): string {
  return formatNumber(Math.abs(value) >= 1 ? Math.round(value * 100) / 100 : value);
}

/** `part` as a percentage of `whole`, to two decimals: "5%", "2.22%". */
export function formatShare(part: number, whole: number): string {
  return `${formatNumber(Math.round((part / whole) * 10000) / 100)}%`;
}

/** Months as runs: "2026-10", "2027-01 to 2027-03", "2027-01 to 2027-03 and 2027-07 to 2027-09". */
export function describeMonths(months: Iterable<string>): string {
  const runs: string[][] = [];
  for (const month of [...new Set(months)].sort()) {
    const run = runs[runs.length - 1];
    if (run && addMonths(run[run.length - 1]!, 1) === month) run.push(month);
    else runs.push([month]);
  }
  return listWords(
    runs.map((run) => (run.length === 1 ? run[0]! : `${run[0]!} to ${run[run.length - 1]!}`)),
    'and',
  );
}

/** Names in a message, the ones beyond the tenth counted rather than named: a company goal may have thousands of contributors. */
export function listNames(names: readonly string[]): string {
  const named = 10;
  return names.length <= named ? names.join(', ') : `${names.slice(0, named).join(', ')} and ${formatNumber(names.length - named)} more`;
}

/** "1,500,000 short of" / "500,000 over": how far a value is from what it should be, before what that is named. */
export function describeGap(value: number, expected: number): string {
  return `${formatFigure(Math.abs(value - expected))} ${value < expected ? 'short of' : 'over'}`;
}
