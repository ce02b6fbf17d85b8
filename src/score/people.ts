import type { GoalsModel, IncentiveCurve, Team } from '../model/model.js';
import { payoutAt } from './incentives.js';
import { cappedAttainment, weightedScore } from './rules.js';
import type { BreakdownScore, GoalScore, TeamScore } from './score.js';

/**
 * A person's result: the goals and breakdown items they own across every
 * goal set of the report, what they add up to, and (with an incentive
 * curve) the payout factor it earns.
 */
export interface PersonScore {
  id: string;
  /** Their name in the first team (by id) that gives one; null for an owner who is no team's member. */
  name: string | null;
  /** The teams they are a member of, sorted by id. */
  teams: string[];
  /**
   * The weighted mean of the capped attainment of everything they own, each
   * goal by its weight, each item by its goal's weight × its share of the
   * goal's target; what has no attainment is left out. Null without data.
   */
  score: number | null;
  goals: {
    team: string;
    period: string;
    goal: string;
    title: string;
    weight: number;
    attainment: number | null;
    /** The weight the goal counts with in the score: its weight, or 0 without an attainment. */
    counted: number;
  }[];
  items: {
    team: string;
    period: string;
    goal: string;
    by: string;
    key: string;
    /** The keys of the items around this one, outermost first; empty for an item of the goal's own breakdown. */
    path: string[];
    /** The goal's weight × the item's share of the goal's target. */
    weight: number;
    attainment: number | null;
  }[];
  /**
   * The curve at their score over the goal sets that are closed, or over all
   * of them when asked for provisional payouts; `score` is that score, and
   * `periods` the periods of what it counts. Null without a curve or
   * without anything to count.
   */
  payout: { factor: number; score: number; provisional: boolean; periods: string[] } | null;
}

/** One goal or item a person owns, as it counts towards their score and payout. */
interface Part {
  weight: number;
  capped: number | undefined;
  period: string;
  /** The first month of the period, to list periods in time order. */
  start: string;
  closed: boolean;
}

interface Owned {
  goals: PersonScore['goals'];
  items: PersonScore['items'];
  parts: Part[];
}

/**
 * Every person's result, sorted by id: every member of every team, and every
 * owner of a goal, a breakdown item or an initiative in the report (an owner
 * who is no team's member too, so that no result goes missing).
 *
 * Payouts count only closed goal sets unless `provisional` is asked for. A
 * payout is money: one computed on results that can still change invites
 * disputes when the final figures differ, so by default it waits until the
 * review has closed the period and its results (overrides included) are
 * final. A provisional payout counts open goal sets too and says so.
 */
export function scorePeople(model: GoalsModel, teams: readonly TeamScore[], options: { provisional: boolean }): PersonScore[] {
  const owned = new Map<string, Owned>();
  const entry = (id: string): Owned => {
    let value = owned.get(id);
    if (!value) owned.set(id, (value = { goals: [], items: [], parts: [] }));
    return value;
  };
  // The teams of each person, by team id: looked up once, not by searching every team for every person.
  const teamsOf = new Map<string, Team[]>();
  for (const team of [...model.teams.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    for (const id of team.members.keys()) {
      entry(id);
      const memberOf = teamsOf.get(id);
      if (memberOf) memberOf.push(team);
      else teamsOf.set(id, [team]);
    }
  }
  const cap = model.settings.cap;
  for (const teamScore of teams) {
    const where = { team: teamScore.team, period: teamScore.period };
    const part = (weight: number, attainment: number | null): Part => ({
      weight,
      capped: attainment === null ? undefined : cappedAttainment(attainment, cap),
      period: teamScore.period,
      start: teamScore.months[0] ?? '',
      closed: teamScore.closed !== null,
    });
    for (const goal of teamScore.goals) {
      // `attainment` is what counts: the review's override of a closed goal set, else the computed one.
      const owner = entry(goal.owner);
      owner.goals.push({ ...where, goal: goal.id, title: goal.title, weight: goal.weight, attainment: goal.attainment, counted: goal.attainment === null ? 0 : goal.weight });
      owner.parts.push(part(goal.weight, goal.attainment));
      for (const initiative of goal.initiatives) entry(initiative.owner);
      const walk = (items: readonly BreakdownScore[], path: string[]): void => {
        for (const item of items) {
          if (item.owner !== null) {
            const weight = itemWeight(goal, item);
            const itemOwner = entry(item.owner);
            itemOwner.items.push({ ...where, goal: goal.id, by: item.by, key: item.key, path: [...path], weight, attainment: item.attainment });
            itemOwner.parts.push(part(weight, item.attainment));
          }
          walk(item.breakdown, [...path, item.key]);
        }
      };
      walk(goal.breakdown, []);
    }
  }
  return [...owned.keys()].sort().map((id) => {
    const { goals, items, parts } = owned.get(id)!;
    const memberOf = teamsOf.get(id) ?? [];
    const name = memberOf.map((team) => team.members.get(id)!.name).find((n) => n !== undefined);
    // A team's own curve replaces the settings' for its people; of several teams, the first by id decides.
    const curve = memberOf.find((team) => team.incentives !== undefined)?.incentives ?? model.settings.incentives;
    return {
      id,
      name: name ?? null,
      teams: memberOf.map((team) => team.id),
      score: weightedScore(parts) ?? null,
      goals,
      items,
      payout: payoutOf(curve, parts, options.provisional),
    };
  });
}

/**
 * The weight of a breakdown item: its goal's weight × its share of the goal's
 * target (at any depth, since nested items split their item's share). A share
 * that is no part of the target (a goal target of 0, or of the other sign)
 * carries no weight rather than an infinite or negative one.
 */
function itemWeight(goal: GoalScore, item: BreakdownScore): number {
  const share = item.target / goal.target;
  return Number.isFinite(share) && share > 0 ? goal.weight * share : 0;
}

function payoutOf(curve: IncentiveCurve | undefined, parts: readonly Part[], provisional: boolean): PersonScore['payout'] {
  if (!curve) return null;
  const counted = parts.filter((part) => part.capped !== undefined && part.weight > 0 && (provisional || part.closed));
  const score = weightedScore(counted);
  if (score === undefined) return null;
  const periods = new Map(counted.map((part) => [part.period, part.start]));
  return {
    factor: payoutAt(curve, score),
    score,
    provisional: counted.some((part) => !part.closed),
    periods: [...periods].sort(([a, aStart], [b, bStart]) => (aStart < bStart ? -1 : aStart > bStart ? 1 : a < b ? -1 : a > b ? 1 : 0)).map(([period]) => period),
  };
}
