import { diagnosticAt, type Diagnostic } from '../diagnostics/diagnostic.js';
import { withinTolerance } from '../model/aggregate.js';
import { actualsIndex } from '../model/actuals-index.js';
import type { Direction } from '../model/kinds.js';
import { spanOf, type Goal } from '../model/model.js';
import { periodYearEarlier, previousPeriod, type Period } from '../model/period.js';
import { periodResult } from '../score/period-result.js';
import { formatNumber } from '../text/describe.js';
import { formatFigure, formatShare } from '../text/describe-plan.js';
import type { Check } from './check.js';

/** What a team achieved in an earlier period of the same length. */
export interface PreviousResult {
  period: Period;
  /** The KPI's value over the whole period, as a goal of that period is scored: a total, a final stock, a mean score. */
  value: number;
}

/** The result a target is measured against: the better of the previous results for the direction. */
export function bestResult(results: readonly PreviousResult[], direction: Direction): PreviousResult | undefined {
  let best: PreviousResult | undefined;
  for (const result of results) {
    if (!best || (direction === 'increase' ? result.value > best.value : result.value < best.value)) best = result;
  }
  return best;
}

/** Whether a target asks for better than a previous result: more of a KPI that should increase, less of one that should decrease. */
export function improvesOn(target: number, previous: number, direction: Direction): boolean {
  if (withinTolerance(target, previous, 0)) return false;
  return direction === 'increase' ? target > previous : target < previous;
}

/**
 * The furthest a target may go beyond a previous result above zero and still
 * be realistic. Growth reads as a factor both ways: `maxGrowth` 1.0 (+100%)
 * lets a KPI that should increase double and one that should decrease halve.
 * Read as a cut of 100%, a decrease could never be too ambitious short of a
 * target below zero.
 */
export function realisticLimit(previous: number, direction: Direction, maxGrowth: number): number {
  return direction === 'increase' ? previous * (1 + maxGrowth) : previous / (1 + maxGrowth);
}

/**
 * Targets are challenging yet realistic (具有挑战性，同时考虑到团队的实际情况):
 * compared with the team's result in the previous period of the same length
 * (and, for a quarter, the same quarter a year earlier; the better of the
 * two), a target must improve on it and ask for no more growth than
 * `challenge.maxGrowth`. Only periods in which the team reported the KPI
 * every month count. A threshold goal (`comparison`) states a level to hold
 * rather than to improve, so only the growth rule applies to it, in the
 * direction of its comparison.
 */
export const challenge: Check = {
  name: 'challenge',
  codes: ['target-not-challenging', 'target-unrealistic'],
  run(model) {
    const { enabled, maxGrowth } = model.settings.challenge;
    if (!enabled || model.actuals.length === 0) return [];
    const index = actualsIndex(model);
    const diagnostics: Diagnostic[] = [];
    // Thousands of teams plan the same quarter: its earlier periods are worked out once.
    const earlierPeriods = new Map<string, Period[]>();
    for (const { team, period, goals } of model.goalSets) {
      if (team === undefined || !period) continue;
      let earlier = earlierPeriods.get(period.id);
      if (!earlier) {
        earlier = [previousPeriod(period, model.settings.fiscalYearStart)];
        if (period.unit === 'quarter') earlier.push(periodYearEarlier(period, model.settings.fiscalYearStart));
        earlierPeriods.set(period.id, earlier);
      }
      for (const goal of goals) {
        const kpi = goal.kpi === undefined ? undefined : model.kpis.get(goal.kpi);
        const direction = goal.comparison ? (goal.comparison === 'atLeast' ? 'increase' : 'decrease') : kpi?.direction;
        if (goal.challenge === false || !kpi || !direction || goal.target === undefined) continue;
        const results = earlier.flatMap((then) => {
          const value = periodResult(model, index, kpi, team, then);
          return value === undefined ? [] : [{ period: then, value }];
        });
        const best = bestResult(results, direction);
        const verdict = best && challengeVerdict(goal.target, best.value, direction, maxGrowth, goal.comparison !== undefined);
        if (!best || !verdict) continue;
        const message = describeVerdict(verdict, goal, goal.target, best, results, direction, maxGrowth);
        diagnostics.push(diagnosticAt(spanOf(goal.at, ['target']), verdict, message));
      }
    }
    return diagnostics;
  },
};

/**
 * What a target asks for against the better previous result: no improvement
 * (not for a threshold goal, which holds a level), more growth than
 * `maxGrowth` (only from a result above zero), or undefined when it is
 * challenging yet realistic.
 */
export function challengeVerdict(
  target: number,
  previous: number,
  direction: Direction,
  maxGrowth: number,
  threshold: boolean,
): 'target-not-challenging' | 'target-unrealistic' | undefined {
  if (!threshold && !improvesOn(target, previous, direction)) return 'target-not-challenging';
  if (previous <= 0) return undefined;
  const limit = realisticLimit(previous, direction, maxGrowth);
  return (direction === 'increase' ? target > limit : target < limit) ? 'target-unrealistic' : undefined;
}

function describeVerdict(
  verdict: 'target-not-challenging' | 'target-unrealistic',
  goal: Goal,
  target: number,
  best: PreviousResult,
  results: readonly PreviousResult[],
  direction: Direction,
  maxGrowth: number,
): string {
  const base = best.value;
  const other = results.find((result) => result !== best);
  const then = `the team's result of ${formatFigure(base)} for KPI "${goal.kpi!}" in ${best.period.id}${other ? ` (the better of it and ${formatFigure(other.value)} in ${other.period.id})` : ''}`;
  const optOut = (what: string): string => `if ${what}, set \`challenge: false\` on the goal and say why in \`notes\`.`;

  if (verdict === 'target-not-challenging') {
    const change = Math.abs(target - base);
    const worse = direction === 'increase' ? 'less' : 'more';
    const asked = withinTolerance(target, base, 0)
      ? `no ${direction === 'increase' ? 'growth' : 'reduction'}`
      : `${base === 0 ? formatFigure(change) : formatShare(change, Math.abs(base))} ${worse}`;
    return `The target of ${formatFigure(target)} does not improve on ${then}: it asks for ${asked}. A target should ask for more than the team has already achieved (持续改进); ${optOut('holding the level is the plan')}`;
  }

  const limit = realisticLimit(base, direction, maxGrowth);
  const allowance = `+${formatNumber(Math.round(maxGrowth * 10000) / 100)}%`;
  const asked =
    direction === 'increase'
      ? `asks for ${formatShare(target - base, base)} growth over ${then}, more than the ${allowance} that \`challenge.maxGrowth\` calls realistic (at most ${formatFigure(limit)})`
      : `asks to cut ${then} by ${formatShare(base - target, base)}, more than \`challenge.maxGrowth\` calls realistic: ${allowance} lets a KPI that should decrease fall to ${formatFigure(base)} ÷ ${formatNumber(1 + maxGrowth)} = ${formatFigure(limit)}`;
  return `The target of ${formatFigure(target)} ${asked}. A target should be challenging yet within the team's reach (具有挑战性，同时考虑到团队的实际情况); ${optOut('the stretch is meant')}`;
}
