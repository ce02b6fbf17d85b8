import { formulaReferences } from '../formula/formula.js';
import type { ActualsIndex } from '../model/actuals-index.js';
import { alignmentIndex, type PlacedGoal } from '../model/alignment.js';
import type { Goal, GoalsModel, Kpi } from '../model/model.js';
import { teamRows, type ActualsSource, type ContributingPart } from './kpi-value.js';

/**
 * Where the actuals of goals come from. A goal whose team reports the KPI
 * in its period has its own rows; one whose team does not (a company goal
 * that the departments carry) takes the combined actuals of the goals
 * aligned to it with the same KPI, each in the months of its own period,
 * recursively, so the company's annual revenue is scored from what the
 * teams report.
 */
export interface ActualsSources {
  ofGoal(place: PlacedGoal): ActualsSource;
  /**
   * What one team contributes to a goal (an item of its `by: team`
   * breakdown): the team's own rows, or the roll-up of its goals aligned to it.
   */
  ofTeam(place: PlacedGoal, team: string): ActualsSource;
  /** The combined actuals of goals aligned to a goal, each in the months of its own period, whether or not the goal has rows of its own. */
  ofContributors(contributors: readonly PlacedGoal[]): ActualsSource;
}

const noFilter: ReadonlyMap<string, string> = new Map();
const deepestRollUp = 64;

export function actualsSources(model: GoalsModel, index: ActualsIndex): ActualsSources {
  const alignment = alignmentIndex(model);
  const sources = new Map<Goal, ActualsSource>();
  // The goals whose source is being worked out: an alignment that loops back contributes nothing the second time.
  const open = new Set<Goal>();

  // One source per team for the rows, shared by its goals.
  const rowsOf = new Map<string, ActualsSource>();
  const rows = (team: string): ActualsSource => {
    let source = rowsOf.get(team);
    if (!source) rowsOf.set(team, (source = teamRows(team)));
    return source;
  };

  const hasRows = (team: string, kpi: Kpi, months: readonly string[], depth = 0): boolean => {
    if (kpi.formula) {
      if (depth > 50) return false;
      return formulaReferences(kpi.formula.ast).some((reference) => {
        const input = model.kpis.get(reference.id);
        return input !== undefined && hasRows(team, input, months, depth + 1);
      });
    }
    return months.some((month) => index.rowsMatching(team, kpi.id, month, noFilter).length > 0);
  };

  const rollUp = (contributors: readonly PlacedGoal[]): ActualsSource => {
    const parts: ContributingPart[] = [];
    // A team's rows count once a month, however many of its goals contribute in that month.
    const rowsOfTeam = new Map<string, Set<string>>();
    for (const contributor of contributors) {
      if (open.has(contributor.goal) || !contributor.goalSet.period) continue;
      const source = ofGoal(contributor);
      const months = contributor.goalSet.period.months;
      if (source.kind === 'rows') {
        const counted = rowsOfTeam.get(source.team);
        if (counted) {
          for (const month of months) counted.add(month);
          continue;
        }
        const counting = new Set(months);
        rowsOfTeam.set(source.team, counting);
        parts.push({ months: counting, source });
      } else {
        parts.push({ months: new Set(months), source });
      }
    }
    return { kind: 'contributors', parts };
  };

  const sourceOf = (place: PlacedGoal, team: string, contributors: () => readonly PlacedGoal[]): ActualsSource => {
    const kpi = place.goal.kpi === undefined ? undefined : model.kpis.get(place.goal.kpi);
    const months = place.goalSet.period?.months ?? [];
    if (!kpi) return rows(team);
    const parts = contributors();
    return parts.length === 0 || hasRows(team, kpi, months) ? rows(team) : rollUp(parts);
  };

  function ofGoal(place: PlacedGoal): ActualsSource {
    // Most goals have nothing aligned to them: their team's rows, without a search.
    if (alignment.childrenOf(place.goal).length === 0) return rows(place.goalSet.team ?? '');
    let source = sources.get(place.goal);
    if (source) return source;
    // A plan is a few levels deep; a chain of hundreds of roll-ups is hostile input, and is cut rather than allowed to exhaust the stack.
    if (open.size >= deepestRollUp) return rows(place.goalSet.team ?? '');
    open.add(place.goal);
    source = sourceOf(place, place.goalSet.team ?? '', () => alignment.contributorsOf(place.goal));
    open.delete(place.goal);
    sources.set(place.goal, source);
    return source;
  }

  // A goal's contributors by team, for the items of its `by: team` breakdown: one pass over them, however many teams.
  const byTeam = new Map<Goal, Map<string, PlacedGoal[]>>();
  const contributorsOfTeam = (place: PlacedGoal, team: string): readonly PlacedGoal[] => {
    let teams = byTeam.get(place.goal);
    if (!teams) {
      byTeam.set(place.goal, (teams = new Map()));
      for (const contributor of alignment.contributorsOf(place.goal)) {
        const list = teams.get(contributor.goalSet.team ?? '');
        if (list) list.push(contributor);
        else teams.set(contributor.goalSet.team ?? '', [contributor]);
      }
    }
    return teams.get(team) ?? [];
  };

  return {
    ofGoal,
    ofTeam: (place, team) => sourceOf(place, team, () => contributorsOfTeam(place, team)),
    ofContributors: rollUp,
  };
}
