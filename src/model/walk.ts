import type { Breakdown, BreakdownItem, Goal } from './model.js';
import { isMonth, yearPartMonths, type Period, type YearPart } from './period.js';

/** What a breakdown splits: the goal itself or an item of an enclosing breakdown. */
export type BreakdownParent = { kind: 'goal'; goal: Goal } | { kind: 'item'; item: BreakdownItem; breakdown: Breakdown };

/** The dimensions that split a target over time: its months (`2026-10`), or the quarters (`Q1`..`Q4`) or halves (`H1`, `H2`) of the period's (fiscal) year. */
export type TimeDimension = 'month' | YearPart;

export function isTimeDimension(dimension: string | undefined): dimension is TimeDimension {
  return dimension === 'month' || dimension === 'quarter' || dimension === 'half';
}

/** The months an item of a breakdown over time stands for; undefined when its key names no month, quarter or half. */
export function monthsOfItem(by: TimeDimension, key: string, period: Period): string[] | undefined {
  if (by === 'month') return isMonth(key) ? [key] : undefined;
  return yearPartMonths(period, by, key);
}

/**
 * The months the target a breakdown splits is for: the goal's period, or the
 * month, quarter or half of the innermost enclosing item that names one.
 */
export interface TimeFrame {
  months: readonly string[];
  /** The enclosing item that narrows the period; undefined for the whole period. */
  item: BreakdownItem | undefined;
  /** The dimension of that item's breakdown. */
  by: TimeDimension | undefined;
}

/** Calls `visit` for every breakdown of a goal, nested ones included, parents first. */
export function forEachBreakdown(goal: Goal, visit: (breakdown: Breakdown, parent: BreakdownParent) => void): void {
  forEachBreakdownWithin(goal, undefined, visit);
}

/**
 * Calls `visit` for every breakdown of a goal, as forEachBreakdown does, with
 * its time frame: the months of the goal set's period, narrowed by each
 * enclosing month, quarter or half item (a month breakdown of the Q2 item
 * splits Q2's months, whatever owner or region items lie between). The frame
 * is undefined when the goal set has no valid period.
 */
export function forEachBreakdownWithin(
  goal: Goal,
  period: Period | undefined,
  visit: (breakdown: Breakdown, parent: BreakdownParent, frame: TimeFrame | undefined) => void,
): void {
  const walk = (breakdowns: readonly Breakdown[], parent: BreakdownParent, frame: TimeFrame | undefined): void => {
    for (const breakdown of breakdowns) {
      visit(breakdown, parent, frame);
      for (const item of breakdown.items) {
        if (item.breakdowns.length > 0) walk(item.breakdowns, { kind: 'item', item, breakdown }, narrowed(frame, breakdown.by, item, period));
      }
    }
  };
  walk(goal.breakdowns, { kind: 'goal', goal }, period && { months: period.months, item: undefined, by: undefined });
}

/** The frame of the breakdowns inside `item`: its own months when it is a month, quarter or half, otherwise the frame around it. */
function narrowed(frame: TimeFrame | undefined, by: string | undefined, item: BreakdownItem, period: Period | undefined): TimeFrame | undefined {
  if (!frame || !period || !isTimeDimension(by)) return frame;
  const months = monthsOfItem(by, item.key, period);
  return months ? { months, item, by } : frame;
}
