import { diagnosticAt, type Diagnostic } from '../diagnostics/diagnostic.js';
import { keySpanOf, spanOf, type GoalSet, type GoalsModel, type Located } from '../model/model.js';
import { datePattern } from '../model/schema/common.js';
import { formatNumber } from '../text/describe.js';
import { didYouMean } from '../text/did-you-mean.js';
import type { Check } from './check.js';

const date = new RegExp(datePattern);

/** An attainment as the review writes it on a scorecard: 1.5 → "150%". */
function percent(attainment: number): string {
  return `${formatNumber(Math.round(attainment * 10000) / 100)}%`;
}

/** The closing and the reopening are signed off by members of the goal set's team. */
function signedByMembers(goalSet: GoalSet, model: GoalsModel): Diagnostic[] {
  const team = goalSet.team === undefined ? undefined : model.teams.get(goalSet.team);
  // A goal set without a team file is reported as unknown-team; its people cannot be told apart.
  if (!team) return [];
  const diagnostics: Diagnostic[] = [];
  const signOffs: [string, { by: string | undefined; at: Located } | undefined][] = [
    ['closed', goalSet.closed],
    ['reopened', goalSet.reopened],
  ];
  for (const [verb, signOff] of signOffs) {
    if (signOff?.by === undefined || team.members.has(signOff.by)) continue;
    diagnostics.push(
      diagnosticAt(
        spanOf(signOff.at, ['by']),
        'unknown-person',
        `The goal set is ${verb} by "${signOff.by}", who is not a member of team "${team.id}".${didYouMean(signOff.by, team.members.keys())} Add them to the team file or choose a member.`,
      ),
    );
  }
  return diagnostics;
}

/**
 * Closing a period (复盘): a goal set is closed once its last month has
 * begun, by a member of its team, and reopened only after it was closed;
 * the final attainment a review decides is within the cap, and counts only
 * once the goal set is closed.
 */
export const closing: Check = {
  name: 'closing',
  codes: ['closed-too-early', 'unknown-person', 'reopened-before-closed', 'override-out-of-range', 'final-without-closing'],
  run(model) {
    const diagnostics: Diagnostic[] = [];
    const cap = model.settings.cap;
    for (const goalSet of model.goalSets) {
      const { closed, reopened, period } = goalSet;
      // Dates are written YYYY-MM-DD, so they compare as text; an invalid one is reported by the schema.
      const closedOn = closed?.date !== undefined && date.test(closed.date) ? closed.date : undefined;
      if (closedOn !== undefined && period) {
        const lastMonth = period.months[period.months.length - 1]!;
        if (closedOn < `${lastMonth}-01`) {
          diagnostics.push(
            diagnosticAt(
              spanOf(closed!.at, ['date']),
              'closed-too-early',
              `The goal set is closed on ${closedOn}, before the last month of its period ${period.id} (${lastMonth}). Close it on ${lastMonth}-01 or later, once the period's results are in.`,
            ),
          );
        }
      }
      diagnostics.push(...signedByMembers(goalSet, model));
      if (reopened && !closed) {
        diagnostics.push(
          diagnosticAt(
            keySpanOf(reopened.at),
            'reopened-before-closed',
            'The goal set is reopened, but it was never closed. Remove `reopened`, or add `closed: {date, by}` with the day it was closed.',
          ),
        );
      } else if (reopened?.date !== undefined && date.test(reopened.date) && closedOn !== undefined && reopened.date < closedOn) {
        diagnostics.push(
          diagnosticAt(
            spanOf(reopened.at, ['date']),
            'reopened-before-closed',
            `The goal set is reopened on ${reopened.date}, before it was closed on ${closedOn}. A goal set is reopened on the day it was closed or later: correct one of the dates.`,
          ),
        );
      }
      for (const goal of goalSet.goals) {
        const final = goal.final;
        if (!final) continue;
        const name = `"${goal.id ?? '?'}"`;
        // A negative attainment is reported by the schema.
        if (final.attainment !== undefined && final.attainment > cap) {
          diagnostics.push(
            diagnosticAt(
              spanOf(final.at, ['attainment']),
              'override-out-of-range',
              `The final attainment of ${name} is ${percent(final.attainment)}, above the cap of ${percent(cap)} in the settings: no goal counts for more than the cap. Lower it to ${percent(cap)} or less.`,
            ),
          );
        }
        if (!closed) {
          diagnostics.push(
            diagnosticAt(
              keySpanOf(final.at),
              'final-without-closing',
              `The goal ${name} has a final attainment, but its goal set is not closed, so the computed attainment still counts. Close the goal set with \`closed: {date, by}\` once the period's results are in, or remove \`final\`.`,
            ),
          );
        } else if (reopened) {
          diagnostics.push(
            diagnosticAt(
              keySpanOf(final.at),
              'final-without-closing',
              `The goal ${name} has a final attainment, but its goal set is reopened, so the computed attainment counts until it is closed again. Remove \`reopened\` and give \`closed\` the new date once the review is done.`,
            ),
          );
        }
      }
    }
    return diagnostics;
  },
};
