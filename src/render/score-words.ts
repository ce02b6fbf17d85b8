import type { Formatter } from '../text/format.js';
import type { BreakdownScore, GoalScore, TeamScore } from '../score/score.js';
import type { Labels, TargetKind } from './labels.js';

/** The figures an attainment is told from. */
export type AttainmentFigures = Pick<GoalScore, 'attainment' | 'bestPossible' | 'met'>;

/**
 * The figures of a score in words, the same in the scorecards, the terminal
 * and the diff: an attainment (or, for a threshold goal, met / not met / on
 * course), the progress towards the target, and what the forecast says.
 */
export interface ScoreWords {
  attainment(row: AttainmentFigures, comparison: GoalScore['comparison']): string;
  /** "63.8% of target", or null where progress does not apply (or says nothing new). */
  progress(row: GoalScore | BreakdownScore, goal: GoalScore): string | null;
  /** What the forecast (or, once the period is over, the final value) says about the target. */
  forecastNote(goal: GoalScore, team: TeamScore): string | null;
}

/** Whether the target is one to reach (increase, atLeast) or an allowance to stay within (decrease, atMost). */
export function targetKind(goal: GoalScore): TargetKind {
  return goal.comparison ?? goal.direction;
}

export function scoreWords(labels: Labels, format: Formatter): ScoreWords {
  return {
    attainment(row, comparison) {
      if (row.attainment === null || comparison === null) return format.attainment(row.attainment, row.bestPossible);
      if (row.met !== null) return row.met ? labels.met : labels.notMet;
      return row.attainment === 1 ? labels.onCourse : labels.offCourse;
    },
    progress(row, goal) {
      // A month, quarter or half of a plan that is over has nothing left to reach: its progress would only repeat its attainment.
      if (row.progress === null || ('by' in row && (row.by === 'month' || row.by === 'quarter' || row.by === 'half') && row.forecast === null)) return null;
      return labels.progress(targetKind(goal), format.percent(row.progress));
    },
    forecastNote(goal, team) {
      if (goal.forecast === null || goal.forecastReachesTarget === null) return null;
      const kind = targetKind(goal);
      const periodOver = team.elapsedMonths === team.months.length;
      if (!periodOver && goal.met !== null && (kind === 'atMost' || kind === 'atLeast')) {
        return labels.decidedEarly(kind, format.amount((goal.actual ?? goal.target) - goal.target, goal.unit));
      }
      const by = format.amount(goal.forecast - goal.target, goal.unit);
      return periodOver ? labels.finalNote(kind, goal.forecastReachesTarget, by) : labels.forecastNote(kind, goal.forecastReachesTarget, by);
    },
  };
}
