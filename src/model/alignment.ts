import type { Goal, GoalSet, GoalsModel } from './model.js';
import { periodsOverlap } from './period.js';

/** A goal with the goal set it is in: its team and its period. */
export interface PlacedGoal {
  goalSet: GoalSet;
  goal: Goal;
}

/**
 * `alignsTo` read both ways: the goal a goal serves, and the goals that
 * serve it. A goal aligned to a goal with the same KPI contributes to it: its
 * target is part of the parent's, and its actuals can stand for the parent's
 * (the roll-up of a plan across teams and horizons).
 */
export interface AlignmentIndex {
  /** The goal that `alignsTo` names, in a goal set of that team whose period overlaps; undefined when there is none. */
  parentOf(goal: Goal): PlacedGoal | undefined;
  /** Every goal aligned to this one, in file order. */
  childrenOf(goal: Goal): readonly PlacedGoal[];
  /** The goals aligned to this one with the same KPI: the parts its target and actuals roll up from. */
  contributorsOf(goal: Goal): readonly PlacedGoal[];
  /** Where a goal is, for every goal of the model. */
  placeOf(goal: Goal): PlacedGoal | undefined;
}

const indexes = new WeakMap<GoalsModel, AlignmentIndex>();

export function alignmentIndex(model: GoalsModel): AlignmentIndex {
  let index = indexes.get(model);
  if (!index) indexes.set(model, (index = buildAlignmentIndex(model)));
  return index;
}

function buildAlignmentIndex(model: GoalsModel): AlignmentIndex {
  const places = new Map<Goal, PlacedGoal>();
  // Goal sets by team, so that a parent is looked for among its own team's sets only.
  const setsByTeam = new Map<string, GoalSet[]>();
  for (const goalSet of model.goalSets) {
    for (const goal of goalSet.goals) places.set(goal, { goalSet, goal });
    if (goalSet.team === undefined) continue;
    let sets = setsByTeam.get(goalSet.team);
    if (!sets) setsByTeam.set(goalSet.team, (sets = []));
    sets.push(goalSet);
  }
  const parents = new Map<Goal, PlacedGoal>();
  const children = new Map<Goal, PlacedGoal[]>();
  for (const [goal, place] of places) {
    const parent = findParent(place, setsByTeam);
    if (!parent) continue;
    parents.set(goal, parent);
    let list = children.get(parent.goal);
    if (!list) children.set(parent.goal, (list = []));
    list.push(place);
  }
  return {
    parentOf: (goal) => parents.get(goal),
    childrenOf: (goal) => children.get(goal) ?? [],
    contributorsOf: (goal) => (children.get(goal) ?? []).filter((child) => child.goal.kpi !== undefined && child.goal.kpi === goal.kpi),
    placeOf: (goal) => places.get(goal),
  };
}

/**
 * The goal `alignsTo: team/id` names. When the team has that goal in more than
 * one overlapping period (a quarter goal set and a year goal set), the one
 * whose period contains the child's is meant, then the longest.
 */
function findParent(child: PlacedGoal, setsByTeam: ReadonlyMap<string, readonly GoalSet[]>): PlacedGoal | undefined {
  const alignsTo = child.goal.alignsTo;
  const slash = alignsTo?.indexOf('/') ?? -1;
  if (alignsTo === undefined || slash === -1) return undefined;
  const team = alignsTo.slice(0, slash);
  const id = alignsTo.slice(slash + 1);
  const childPeriod = child.goalSet.period;
  const candidates: PlacedGoal[] = [];
  for (const goalSet of setsByTeam.get(team) ?? []) {
    if (childPeriod && goalSet.period && !periodsOverlap(childPeriod, goalSet.period)) continue;
    for (const goal of goalSet.goals) if (goal.id === id && goal !== child.goal) candidates.push({ goalSet, goal });
  }
  const contains = (place: PlacedGoal): boolean =>
    childPeriod !== undefined && place.goalSet.period !== undefined && childPeriod.months.every((month) => place.goalSet.period!.months.includes(month));
  candidates.sort((a, b) => Number(contains(b)) - Number(contains(a)) || (b.goalSet.period?.months.length ?? 0) - (a.goalSet.period?.months.length ?? 0));
  return candidates[0];
}
