import { diagnosticAt, type Diagnostic } from '../diagnostics/diagnostic.js';
import { keySpanOf, type BreakdownItem } from '../model/model.js';
import { isMonth, parsePeriod, type Period, type YearPart } from '../model/period.js';
import { forEachBreakdownWithin, isTimeDimension, monthsOfItem, type TimeFrame } from '../model/walk.js';
import { didYouMean } from '../text/did-you-mean.js';
import type { Check } from './check.js';

/** The keys of a breakdown by quarter or half, and the words a message uses for them. */
const yearParts: Record<YearPart, { keys: readonly string[]; keysOf: string; splits: string }> = {
  quarter: { keys: ['Q1', 'Q2', 'Q3', 'Q4'], keysOf: 'Quarter breakdown keys are Q1 to Q4, the quarters of', splits: 'a year or a half into its quarters' },
  half: { keys: ['H1', 'H2'], keysOf: 'Half breakdown keys are H1 and H2, the halves of', splits: 'a year into its halves' },
};

/** "2026-10", or "2026-10 to 2026-12" */
function monthRange(months: readonly string[]): string {
  return `${months[0]}${months.length > 1 ? ` to ${months[months.length - 1]}` : ''}`;
}

/** The (fiscal) year of a period as named: "2026", "FY2027". */
function yearName(period: Period): string {
  return `${period.fiscal ? 'FY' : ''}${period.year}`;
}

/** A quarter or half as a team lead reads it: "Q2 of 2026", "Q1 of FY2027". */
function yearPartName(key: string, period: Period): string {
  return `${key} of ${yearName(period)}`;
}

/** A month as written; a quarter or half with its year. */
function itemName(item: BreakdownItem, by: string | undefined, period: Period): string {
  return by === 'quarter' || by === 'half' ? yearPartName(item.key, period) : item.key;
}

/** What a time frame is, with its months: "the period 2026-Q4 (2026-10 to 2026-12)", "Q2 of 2026 (2026-04 to 2026-06), the item this breakdown splits". */
function frameName(frame: TimeFrame, period: Period): string {
  const range = `(${monthRange(frame.months)})`;
  return frame.item ? `${itemName(frame.item, frame.by, period)} ${range}, the item this breakdown splits` : `the period ${period.id} ${range}`;
}

/**
 * "Did you mean" for a year part written as a period of the same year
 * ("2026-Q3" in a 2026 goal set means Q3), otherwise for a typo of a key.
 */
function suggestYearPart(key: string, part: YearPart, period: Period | undefined, fiscalYearStart: number): string {
  const named = parsePeriod(key, fiscalYearStart);
  if (period && named?.unit === part && named.fiscal === period.fiscal && named.year === period.year) {
    return ` Did you mean "${yearParts[part].keys[named.index - 1]}"?`;
  }
  return didYouMean(key, yearParts[part].keys);
}

/** What is wrong with an item of a month breakdown, if anything. */
function monthProblem(item: BreakdownItem, period: Period | undefined, frame: TimeFrame | undefined): Diagnostic | undefined {
  if (!isMonth(item.key)) {
    return diagnosticAt(keySpanOf(item.at), 'invalid-month', `"${item.key}" is not a month. Month breakdown keys are written YYYY-MM, e.g. 2026-10.`);
  }
  if (!period || !frame || frame.months.includes(item.key)) return undefined;
  return diagnosticAt(keySpanOf(item.at), 'month-outside-period', `${item.key} is outside ${frameName(frame, period)}.`);
}

/** What is wrong with an item of a quarter or half breakdown, if anything. */
function yearPartProblem(item: BreakdownItem, by: YearPart, period: Period | undefined, frame: TimeFrame | undefined, fiscalYearStart: number): Diagnostic | undefined {
  const part = yearParts[by];
  if (!part.keys.includes(item.key)) {
    return diagnosticAt(
      keySpanOf(item.at),
      'invalid-year-part',
      `"${item.key}" is not a ${by}. ${part.keysOf} ${period ? yearName(period) : "the goal's year"}.${suggestYearPart(item.key, by, period, fiscalYearStart)}`,
    );
  }
  if (!period || !frame) return undefined;
  const months = monthsOfItem(by, item.key, period)!;
  const inside = months.filter((month) => frame.months.includes(month)).length;
  if (inside === months.length && months.length < frame.months.length) return undefined;
  const name = `${yearPartName(item.key, period)} (${monthRange(months)})`;
  return diagnosticAt(
    keySpanOf(item.at),
    'year-part-outside-period',
    inside === 0 ? `${name} is outside ${frameName(frame, period)}.` : `${name} covers all of ${frameName(frame, period)}: a ${by} breakdown splits ${part.splits}.`,
  );
}

/**
 * A breakdown over time names months (YYYY-MM), or quarters (Q1..Q4) or halves
 * (H1, H2) of the goal's (fiscal) year, inside what it splits: the goal set's
 * period, or the month, quarter or half item it is nested in. A quarter or
 * half must be a part of it, not all of it: the quarters of a quarter goal
 * set would only repeat its target.
 */
export const breakdownMonths: Check = {
  name: 'breakdown-months',
  codes: ['invalid-month', 'month-outside-period', 'invalid-year-part', 'year-part-outside-period'],
  run(model) {
    const diagnostics: Diagnostic[] = [];
    const fiscalYearStart = model.settings.fiscalYearStart;
    for (const goalSet of model.goalSets) {
      const period = goalSet.period;
      for (const goal of goalSet.goals) {
        forEachBreakdownWithin(goal, period, (breakdown, _parent, frame) => {
          const by = breakdown.by;
          if (!isTimeDimension(by)) return;
          for (const item of breakdown.items) {
            const problem = by === 'month' ? monthProblem(item, period, frame) : yearPartProblem(item, by, period, frame, fiscalYearStart);
            if (problem) diagnostics.push(problem);
          }
        });
      }
    }
    return diagnostics;
  },
};
