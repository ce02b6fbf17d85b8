import { diagnosticAt, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';
import { keySpanOf, spanOf, type CheckIn, type GoalSet, type GoalsModel, type Team } from '../model/model.js';
import { datePattern } from '../model/schema/common.js';
import { listWords } from '../text/describe.js';
import { didYouMean } from '../text/did-you-mean.js';
import type { Check } from './check.js';

const date = new RegExp(datePattern);

function where(span: Span): string {
  return `${span.source.path}:${span.source.position(span.start).line}`;
}

/** "2026-Q4 (2026-10 to 2026-12)": a period with its months, since a date is compared with months. */
function periodWithMonths(goalSet: GoalSet): string {
  const months = goalSet.period!.months;
  return months.length === 1 ? goalSet.period!.id : `${goalSet.period!.id} (${months[0]} to ${months.at(-1)})`;
}

/** The goal sets of each team with a valid period, in model order. */
function goalSetsByTeam(model: GoalsModel): Map<string, GoalSet[]> {
  const byTeam = new Map<string, GoalSet[]>();
  for (const goalSet of model.goalSets) {
    if (goalSet.team === undefined || !goalSet.period) continue;
    let list = byTeam.get(goalSet.team);
    if (!list) byTeam.set(goalSet.team, (list = []));
    list.push(goalSet);
  }
  return byTeam;
}

function unknownPerson(team: Team, id: string, span: Span, role: string): Diagnostic {
  return diagnosticAt(
    span,
    'unknown-person',
    `${role} "${id}" is not a member of team "${team.id}".${didYouMean(id, team.members.keys())} Add them to the team file or choose a member.`,
  );
}

/**
 * The goal ids of a check-in against the team's goal sets that cover its
 * date. An id of another of the team's periods is the likely mistake (last
 * quarter's file copied forward), so the message names that period rather
 * than guessing a typo.
 */
function goalDiagnostics(checkIn: CheckIn, day: string, covering: readonly GoalSet[], all: readonly GoalSet[]): Diagnostic[] {
  const ids = new Set(covering.flatMap((goalSet) => goalSet.goals.flatMap((goal) => (goal.id === undefined ? [] : [goal.id]))));
  const diagnostics: Diagnostic[] = [];
  for (const update of checkIn.goals) {
    if (ids.has(update.goal)) continue;
    const elsewhere = all.find((goalSet) => !covering.includes(goalSet) && goalSet.goals.some((goal) => goal.id === update.goal));
    const coveringNames = listWords(covering.map((goalSet) => goalSet.period!.id), 'and');
    const message = elsewhere
      ? `"${update.goal}" is a goal of ${checkIn.team}'s ${elsewhere.period!.id} goal set, not of a goal set covering ${day} (${coveringNames}). Report on it in a check-in dated within ${periodWithMonths(elsewhere)}, or remove it from this one.`
      : `"${update.goal}" is not a goal of ${checkIn.team}'s ${coveringNames} goal set${covering.length === 1 ? '' : 's'}, which cover${covering.length === 1 ? 's' : ''} ${day}.${didYouMean(update.goal, ids)}`;
    diagnostics.push(diagnosticAt(keySpanOf(update.at), 'unknown-goal', message));
  }
  return diagnostics;
}

/**
 * A check-in (进度汇报) is by a known team, on a date one of its goal sets
 * covers, about goals of those goal sets, written by and for members of the
 * team; and there is one per team and date, so that "the latest check-in"
 * means one file. What the schema refuses (a date not written YYYY-MM-DD, a
 * missing team) is left to it.
 */
export const checkIns: Check = {
  name: 'check-ins',
  codes: ['unknown-team', 'checkin-without-goal-set', 'unknown-goal', 'unknown-person', 'duplicate-checkin'],
  run(model) {
    const diagnostics: Diagnostic[] = [];
    const goalSets = goalSetsByTeam(model);
    const firsts = new Map<string, CheckIn>();
    for (const checkIn of model.checkIns) {
      const day = checkIn.date !== undefined && date.test(checkIn.date) ? checkIn.date : undefined;

      if (checkIn.team !== undefined && day !== undefined) {
        const key = `${checkIn.team}\u0000${day}`;
        const first = firsts.get(key);
        if (first === undefined) firsts.set(key, checkIn);
        else {
          diagnostics.push(
            diagnosticAt(
              spanOf(checkIn.at, ['date']),
              'duplicate-checkin',
              `Team "${checkIn.team}" already has a check-in for ${day} at ${where(spanOf(first.at, ['date']))}. Keep one check-in per team and date: merge the two, or correct the date.`,
            ),
          );
        }
      }

      if (checkIn.team === undefined) continue;
      const team = model.teams.get(checkIn.team);
      if (!team) {
        diagnostics.push(
          diagnosticAt(
            spanOf(checkIn.at, ['team']),
            'unknown-team',
            `Team "${checkIn.team}" has no team file.${didYouMean(checkIn.team, model.teams.keys())} A check-in is by a team with a file of kind: Team.`,
          ),
        );
        // Without the team there are no members or goal sets to check the rest against.
        continue;
      }

      if (checkIn.author !== undefined && !team.members.has(checkIn.author)) {
        diagnostics.push(unknownPerson(team, checkIn.author, spanOf(checkIn.at, ['author']), 'The author'));
      }
      for (const update of checkIn.goals) {
        if (update.owner !== undefined && !team.members.has(update.owner)) {
          diagnostics.push(unknownPerson(team, update.owner, spanOf(update.at, ['owner']), 'The owner'));
        }
      }

      if (day === undefined) continue;
      const month = day.slice(0, 7);
      const all = goalSets.get(team.id) ?? [];
      const covering = all.filter((goalSet) => goalSet.period!.months.includes(month));
      if (covering.length === 0) {
        const periods = all.map(periodWithMonths);
        diagnostics.push(
          diagnosticAt(
            spanOf(checkIn.at, ['date']),
            'checkin-without-goal-set',
            periods.length === 0
              ? `Team "${team.id}" has no goal set, so there is nothing to check in on ${day}. Add a goal set for the team first.`
              : `No goal set of team "${team.id}" covers ${day}: its goal sets are for ${listWords(periods, 'and')}. Correct the date, or add a goal set for the period.`,
          ),
        );
        // Every goal would be unknown: the date is the one problem to fix.
        continue;
      }
      diagnostics.push(...goalDiagnostics(checkIn, day, covering, all));
    }
    return diagnostics;
  },
};
