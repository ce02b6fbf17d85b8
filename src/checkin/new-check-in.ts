import { stringify } from 'yaml';
import type { GoalSet, GoalsModel } from '../model/model.js';
import { datePattern } from '../model/schema/common.js';
import { labelsByLocale } from '../render/labels.js';
import { checkInsByTeam, checkInsOfGoalSet } from '../score/check-ins.js';
import { scoreRepository, type GoalScore } from '../score/score.js';
import { createFormatter } from '../text/format.js';
import { escapeTerminal } from '../text/terminal.js';

/** A check-in for a team to edit, or why there cannot be one. */
export type CheckInDraft =
  | {
      ok: true;
      /** Where it goes, relative to the goals folder: checkins/<date>-<team>.yaml. */
      path: string;
      text: string;
      /** The goal set it is for (its period as written), how many goals it lists, and who it is written for. */
      period: string;
      goals: number;
      author: string;
    }
  | { ok: false; problem: string };

/**
 * The confidence of a goal no earlier check-in speaks of: the middle of 0–10,
 * which net confidence counts neither as confident (7 or more) nor as not
 * (3 or less), so a value left as it is does not move the team's figure.
 */
export const firstConfidence = 5;

const date = new RegExp(datePattern);

/** A date written YYYY-MM-DD that is a day of the calendar (not 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  if (!date.test(text)) return false;
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}

/** A value as YAML reads it back as the same text: quoted when it would read as a number, a boolean or null, never a block. */
function scalar(value: string): string {
  return stringify(value, { lineWidth: 0, blockQuote: false }).trimEnd();
}

/**
 * Text from the files placed in a comment: a line break would end the
 * comment and make the rest YAML, and control and bidirectional characters
 * would make the file unreadable or show it in another order, so they are
 * shown as escapes; so are the noncharacters YAML does not allow.
 */
function commentText(text: string): string {
  return escapeTerminal(text).replace(/[\ufeff\ufffe\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16)}`);
}

/** The goal set of the team that covers the date; of several, the shortest period (the quarter rather than the year). */
function coveringGoalSet(model: GoalsModel, team: string, day: string): GoalSet | undefined {
  const month = day.slice(0, 7);
  return model.goalSets
    .filter((goalSet) => goalSet.team === team && goalSet.period?.months.includes(month))
    .sort((a, b) => a.period!.months.length - b.period!.months.length || (a.period!.id < b.period!.id ? -1 : 1))[0];
}

/**
 * The next check-in of a team, dated `day`, for the team to edit: every goal
 * of its goal set covering the day, each with the confidence of the latest
 * earlier check-in of the period that speaks of it (else the middle value),
 * empty note, blockers and next steps, and as comments the goal's title and
 * where it stands as of the day's month, in the scorecards' words and
 * figures. The author is the team lead. It validates as it is.
 */
export function newCheckIn(model: GoalsModel, team: string, day: string): CheckInDraft {
  const teamFile = model.teams.get(team);
  if (!teamFile) {
    const known = [...model.teams.keys()];
    return { ok: false, problem: `There is no team "${team}"${known.length > 0 ? `: the teams are ${known.join(', ')}` : ''}.` };
  }
  const goalSet = coveringGoalSet(model, team, day);
  if (!goalSet) {
    const periods = model.goalSets.filter((each) => each.team === team && each.period).map((each) => each.period!.id);
    return {
      ok: false,
      problem: `No goal set of team "${team}" covers ${day}${periods.length > 0 ? ` (its goal sets are for ${periods.join(', ')})` : ''}: a check-in is on the goals of the period it is in.`,
    };
  }
  const sameDay = (checkInsByTeam(model).get(team) ?? []).find((checkIn) => checkIn.date === day);
  if (sameDay) {
    return { ok: false, problem: `Team "${team}" already has a check-in for ${day}, in ${sameDay.at.doc.source.path}: edit that one.` };
  }
  // A team file may leave out the lead; the first member then writes it, and the file says who to change it to.
  const author = teamFile.lead ?? [...teamFile.members.keys()][0];
  if (author === undefined) return { ok: false, problem: `Team "${team}" has no lead and no members to write the check-in.` };

  const period = goalSet.period!;
  const { settings } = model;
  const report = scoreRepository(model, { asOf: day.slice(0, 7) });
  const scores = new Map<string, GoalScore>(report.teams.find((each) => each.team === team && each.period === period.id)?.goals.map((goal) => [goal.id, goal]) ?? []);
  const format = createFormatter(settings.locale, settings.currency, undefined, settings.fiscalYearStart);
  const labels = labelsByLocale[settings.locale];
  const checkIns = checkInsOfGoalSet(model, goalSet, undefined);

  const lines = [
    `# Check-in of ${commentText(team)} for its ${commentText(period.id)} goal set, written by goalpost checkin.`,
    '# For each goal: confidence is how likely its target is reached by the end of the period (信心指数),',
    '# from 0 (no chance) to 10 (certain); add what happened (note), what blocks it and what comes next.',
    '# status is optional: on-track, at-risk or off-track, the team’s own view (自评状态).',
    'apiVersion: goalpost/v1',
    'kind: CheckIn',
    `team: ${scalar(team)}`,
    `date: ${scalar(day)}`,
    `author: ${scalar(author)}`,
    'goals:',
  ];
  let goals = 0;
  for (const goal of goalSet.goals) {
    if (goal.id === undefined) continue;
    goals++;
    const score = scores.get(goal.id);
    const previous = checkIns(goal.id).confidence.filter((each) => each.date < day).at(-1);
    lines.push(`  ${scalar(goal.id)}:`);
    if (goal.title !== undefined) lines.push(`    # ${commentText(goal.title)}`);
    if (score) {
      const figure = (label: string, value: number | null): string => `${label}${labels.colon}${format.value(value, score.unit)}`;
      const standing = [figure(labels.actual, score.actual), figure(labels.target, score.target), figure(labels.expected, score.expected), labels.statuses[score.status]];
      lines.push(`    # ${commentText([`${labels.asOf} ${format.month(day.slice(0, 7))}`, ...standing].join(' · '))}`);
    }
    lines.push(
      previous
        ? `    confidence: ${previous.value}  # was ${previous.value} on ${previous.date}`
        : `    confidence: ${firstConfidence}  # no earlier check-in of this goal: ${firstConfidence} is the middle of 0–10`,
      '    note: ""',
      '    blockers: []',
      '    next: []',
    );
  }
  if (goals === 0) return { ok: false, problem: `The ${period.id} goal set of team "${team}" has no goals to check in on.` };
  return { ok: true, path: `checkins/${day}-${team}.yaml`, text: `${lines.join('\n')}\n`, period: period.id, goals, author };
}
