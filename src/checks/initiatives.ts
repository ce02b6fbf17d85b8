import { diagnosticAt, type Diagnostic } from '../diagnostics/diagnostic.js';
import { spanOf } from '../model/model.js';
import { datePattern } from '../model/schema/common.js';
import { truncate } from '../text/describe.js';
import type { Check } from './check.js';

const date = new RegExp(datePattern);

/**
 * Why a link is refused, or undefined for an http or https address with a
 * host. Scorecards put links in front of everyone who reads them: a
 * `javascript:` or `data:` link would run code there, a `file:` link or a
 * relative path opens something different on each machine, or nothing.
 */
function linkProblem(link: string): string | undefined {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return 'is not a full web address';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `is a ${url.protocol.slice(0, -1)} address`;
  return url.hostname === '' ? 'names no host' : undefined;
}

/** The work planned for a goal (工作计划) starts before it is due, and links only to web pages. */
export const initiatives: Check = {
  name: 'initiatives',
  codes: ['initiative-dates', 'invalid-link'],
  run(model) {
    const diagnostics: Diagnostic[] = [];
    for (const goalSet of model.goalSets) {
      for (const goal of goalSet.goals) {
        for (const initiative of goal.initiatives) {
          const { start, due, link } = initiative;
          // Dates are written YYYY-MM-DD, so they compare as text; an invalid one is reported by the schema.
          if (start !== undefined && due !== undefined && date.test(start) && date.test(due) && start > due) {
            diagnostics.push(
              diagnosticAt(
                spanOf(initiative.at, ['start']),
                'initiative-dates',
                `The initiative "${initiative.id ?? '?'}" starts on ${start}, after it is due on ${due}. Move the start to ${due} or earlier, or the due date later.`,
              ),
            );
          }
          const problem = link === undefined ? undefined : linkProblem(link);
          if (problem !== undefined) {
            diagnostics.push(
              diagnosticAt(
                spanOf(initiative.at, ['link']),
                'invalid-link',
                `The link "${truncate(link!, 80)}" ${problem}: an initiative links to an http or https address, such as https://wiki.example.com/double-11.`,
              ),
            );
          }
        }
      }
    }
    return diagnostics;
  },
};
