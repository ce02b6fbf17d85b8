import type { Breakdown, BreakdownItem, Goal } from './model.js';

/** What a breakdown splits: the goal itself or an item of an enclosing breakdown. */
export type BreakdownParent = { kind: 'goal'; goal: Goal } | { kind: 'item'; item: BreakdownItem; breakdown: Breakdown };

/** Calls `visit` for every breakdown of a goal, nested ones included, parents first. */
export function forEachBreakdown(goal: Goal, visit: (breakdown: Breakdown, parent: BreakdownParent) => void): void {
  const walk = (breakdowns: readonly Breakdown[], parent: BreakdownParent): void => {
    for (const breakdown of breakdowns) {
      visit(breakdown, parent);
      for (const item of breakdown.items) walk(item.breakdowns, { kind: 'item', item, breakdown });
    }
  };
  walk(goal.breakdowns, { kind: 'goal', goal });
}
