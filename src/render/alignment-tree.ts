import { alignmentIndex } from '../model/alignment.js';
import type { Goal, GoalsModel } from '../model/model.js';
import type { GoalScore, ScoreReport, TeamScore } from '../score/score.js';

/** A scored goal in the alignment tree, with the scored goals that serve it (`alignsTo`). */
export interface AlignmentTreeNode {
  teamScore: TeamScore;
  goal: GoalScore;
  children: AlignmentTreeNode[];
}

/**
 * The organisation's goals as a tree: each root is a goal that aligns to
 * nothing, of a team that other goals align to (the company's goals, those
 * served and those not yet served); under it the goals aligned to it, and
 * theirs. Goals the report did not score are left out, and a goal is placed
 * once, so a cycle of `alignsTo` (which validation reports) cannot loop.
 */
export function alignmentTree(report: ScoreReport, model: GoalsModel): AlignmentTreeNode[] {
  const alignment = alignmentIndex(model);
  const scored = new Map<string, { teamScore: TeamScore; goal: GoalScore }>();
  for (const teamScore of report.teams) {
    for (const goal of teamScore.goals) scored.set(`${teamScore.team}/${teamScore.period}/${goal.id}`, { teamScore, goal });
  }
  const scoreOf = (goal: Goal): { teamScore: TeamScore; goal: GoalScore } | undefined => {
    const place = alignment.placeOf(goal);
    const team = place?.goalSet.team;
    const period = place?.goalSet.period?.id;
    return team === undefined || period === undefined ? undefined : scored.get(`${team}/${period}/${goal.id}`);
  };

  const alignedTo = new Set<string>();
  for (const goalSet of model.goalSets) {
    for (const goal of goalSet.goals) {
      const parent = alignment.parentOf(goal);
      if (parent?.goalSet.team !== undefined && scoreOf(parent.goal)) alignedTo.add(parent.goalSet.team);
    }
  }

  const placed = new Set<Goal>();
  const nodeOf = (goal: Goal, scores: { teamScore: TeamScore; goal: GoalScore }): AlignmentTreeNode => {
    placed.add(goal);
    const children: AlignmentTreeNode[] = [];
    for (const child of alignment.childrenOf(goal)) {
      const childScores = scoreOf(child.goal);
      if (childScores && !placed.has(child.goal)) children.push(nodeOf(child.goal, childScores));
    }
    return { ...scores, children };
  };

  const roots: AlignmentTreeNode[] = [];
  for (const goalSet of model.goalSets) {
    if (goalSet.team === undefined || !alignedTo.has(goalSet.team)) continue;
    for (const goal of goalSet.goals) {
      const parent = alignment.parentOf(goal);
      if (parent && scoreOf(parent.goal)) continue;
      const scores = scoreOf(goal);
      if (scores && !placed.has(goal)) roots.push(nodeOf(goal, scores));
    }
  }
  return roots;
}

/** The tree with each node turned into what a page shows, children kept in order. */
export function mapAlignmentTree<T extends { children: T[] }>(nodes: readonly AlignmentTreeNode[], view: (node: AlignmentTreeNode) => Omit<T, 'children'>): T[] {
  return nodes.map((node) => ({ ...view(node), children: mapAlignmentTree(node.children, view) }) as T);
}
