import { datePattern } from '../model/schema/common.js';
import type { CheckIn, CheckInUpdate, GoalSet, GoalsModel, SelfAssessment } from '../model/model.js';
import type { Status } from './rules.js';

/** One goal's update in one check-in (进度汇报), as scorecards show it. */
export interface CheckInScore {
  date: string;
  author: string;
  authorName: string | null;
  /** 信心指数, 0..10. */
  confidence: number;
  status: SelfAssessment | null;
  note: string | null;
  blockers: string[];
  next: string[];
  owner: string | null;
  ownerName: string | null;
}

/** What the check-ins say of one goal up to the as-of month. */
export interface GoalCheckIns {
  latest: CheckInScore | null;
  /** The confidence of each check-in that speaks of the goal, in date order. */
  confidence: { date: string; value: number }[];
}

const date = new RegExp(datePattern);

/**
 * Check-ins by team, in date order (file order for the same date, which
 * validation refuses anyway). Built once per model: a scoring run asks for
 * them once per goal set, and a scan of every check-in each time would grow
 * with goal sets × check-ins.
 */
const byTeamCache = new WeakMap<GoalsModel, ReadonlyMap<string, readonly CheckIn[]>>();

/** A check-in that can be scored: its team, date and author read; the rest is refused by validation. */
function isComplete(checkIn: CheckIn): checkIn is CheckIn & { team: string; date: string; author: string } {
  return checkIn.team !== undefined && checkIn.author !== undefined && checkIn.date !== undefined && date.test(checkIn.date);
}

export function checkInsByTeam(model: GoalsModel): ReadonlyMap<string, readonly CheckIn[]> {
  let byTeam = byTeamCache.get(model);
  if (byTeam) return byTeam;
  const lists = new Map<string, CheckIn[]>();
  for (const checkIn of model.checkIns) {
    if (!isComplete(checkIn)) continue;
    let list = lists.get(checkIn.team);
    if (!list) lists.set(checkIn.team, (list = []));
    list.push(checkIn);
  }
  // Dates are YYYY-MM-DD, so they sort as text; sort is stable, keeping file order within a date.
  for (const list of lists.values()) list.sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));
  byTeam = lists;
  byTeamCache.set(model, byTeam);
  return byTeam;
}

/**
 * The check-ins of a goal set's team dated within its period and on or
 * before the end of the as-of month (all of them when asOf is undefined),
 * per goal id, in date order.
 */
export function checkInsOfGoalSet(model: GoalsModel, goalSet: GoalSet, asOf: string | undefined): (goalId: string) => GoalCheckIns {
  const byGoal = new Map<string, { checkIn: CheckIn; update: CheckInUpdate & { confidence: number } }[]>();
  const period = goalSet.period;
  const team = goalSet.team === undefined ? undefined : model.teams.get(goalSet.team);
  if (goalSet.team !== undefined && period) {
    const months = new Set(period.months);
    for (const checkIn of checkInsByTeam(model).get(goalSet.team) ?? []) {
      const month = checkIn.date!.slice(0, 7);
      if (!months.has(month) || (asOf !== undefined && month > asOf)) continue;
      for (const update of checkIn.goals) {
        if (update.confidence === undefined) continue;
        let list = byGoal.get(update.goal);
        if (!list) byGoal.set(update.goal, (list = []));
        list.push({ checkIn, update: update as CheckInUpdate & { confidence: number } });
      }
    }
  }
  const nameOf = (person: string): string | null => team?.members.get(person)?.name ?? null;
  return (goalId) => {
    const updates = byGoal.get(goalId);
    if (!updates) return { latest: null, confidence: [] };
    const { checkIn, update } = updates.at(-1)!;
    return {
      latest: {
        date: checkIn.date!,
        author: checkIn.author!,
        authorName: nameOf(checkIn.author!),
        confidence: update.confidence,
        status: update.status ?? null,
        note: update.note ?? null,
        blockers: [...update.blockers],
        next: [...update.next],
        owner: update.owner ?? null,
        ownerName: update.owner === undefined ? null : nameOf(update.owner),
      },
      confidence: updates.map((each) => ({ date: each.checkIn.date!, value: each.update.confidence })),
    };
  };
}

const assessmentRank: Record<SelfAssessment, number> = { 'on-track': 2, 'at-risk': 1, 'off-track': 0 };

/**
 * True when the team's own status is better than the computed one
 * (on-track > at-risk > off-track); never for no-data or without a
 * self-assessment. Only optimism is flagged: a team more worried than its
 * figures knows something the figures do not show yet.
 */
export function assessmentGap(self: SelfAssessment | null, computed: Status): boolean {
  if (self === null || computed === 'no-data') return false;
  return assessmentRank[self] > assessmentRank[computed];
}

/**
 * Net confidence: share of goals whose latest confidence is 7 or more minus
 * share at 3 or less, ×100, rounded half away from zero to an integer, over
 * the goals with a check-in; null when none.
 */
export function netConfidence(latest: readonly (number | null)[]): number | null {
  let counted = 0;
  let high = 0;
  let low = 0;
  for (const value of latest) {
    if (value === null) continue;
    counted++;
    if (value >= 7) high++;
    else if (value <= 3) low++;
  }
  if (counted === 0) return null;
  const net = ((high - low) * 100) / counted;
  // + 0 turns a -0 (a small negative rounded away) into 0.
  return Math.sign(net) * Math.round(Math.abs(net)) + 0;
}
