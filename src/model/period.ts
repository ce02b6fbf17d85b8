/**
 * Periods: a calendar year `2026`, half `2026-H2`, quarter `2026-Q4` or month
 * `2026-11`, or a fiscal year `FY2027` and its halves and quarters
 * (`FY2027-H1`, `FY2027-Q1`). A fiscal year is named after the calendar year
 * it ends in: with `fiscalYearStart: 4`, FY2027 runs from 2026-04 to
 * 2027-03. Actuals count in months (a day or an ISO week given in an
 * actuals file is combined into the month it falls in), so every period is a
 * run of months, and everything that uses periods (breakdowns, pace,
 * actuals, alignment) works on those months alone.
 */
export interface Period {
  id: string;
  /** The months of the period in order, as YYYY-MM. */
  months: string[];
  unit: PeriodUnit;
  /** Named in fiscal years (FY2027-Q1) rather than calendar ones. */
  fiscal: boolean;
  /** The year the period belongs to, as named: 2027 for FY2027-Q1 and for 2027-Q1. */
  year: number;
  /** Which half, quarter or month of its year it is, from 1; 1 for a whole year. */
  index: number;
  /** The first month of the year it belongs to: its halves and quarters are counted from it. */
  yearStart: string;
}

export type PeriodUnit = 'year' | 'half' | 'quarter' | 'month';

/** The parts of a year a breakdown can split a goal into, with the keys they are written as. */
export type YearPart = 'half' | 'quarter';

const calendarRegex = /^(\d{4})(?:-(?:H([12])|Q([1-4])|(0[1-9]|1[0-2])))?$/;
const fiscalRegex = /^FY(\d{4})(?:-(?:H([12])|Q([1-4])))?$/;
const monthRegex = /^(\d{4})-(0[1-9]|1[0-2])$/;
const monthsIn: Record<PeriodUnit, number> = { year: 12, half: 6, quarter: 3, month: 1 };

/**
 * The period a goal set names, or undefined when the text is not one.
 * `fiscalYearStart` (1–12, from the settings) places fiscal years; calendar
 * periods do not depend on it.
 */
export function parsePeriod(text: string | number, fiscalYearStart = 1): Period | undefined {
  const id = String(text);
  // Scoring and rendering ask for the same few periods again and again (every goal, item and page).
  const key = `${fiscalYearStart} ${id}`;
  if (parsedPeriods.has(key)) return parsedPeriods.get(key);
  if (parsedPeriods.size >= 10_000) parsedPeriods.clear();
  const period = parseNewPeriod(id, fiscalYearStart);
  if (period) Object.freeze(period.months);
  parsedPeriods.set(key, period === undefined ? undefined : Object.freeze(period));
  return period;
}

/** Periods already parsed, shared and frozen, by fiscal year start and text. */
const parsedPeriods = new Map<string, Period | undefined>();

function parseNewPeriod(id: string, fiscalYearStart: number): Period | undefined {
  const fiscal = fiscalRegex.exec(id);
  if (fiscal) {
    const year = Number(fiscal[1]);
    const [unit, index] = fiscal[2] ? (['half', Number(fiscal[2])] as const) : fiscal[3] ? (['quarter', Number(fiscal[3])] as const) : (['year', 1] as const);
    return periodOf(id, true, year, unit, index, fiscalYearStartMonth(year, fiscalYearStart));
  }
  const calendar = calendarRegex.exec(id);
  if (!calendar) return undefined;
  const year = Number(calendar[1]);
  const [unit, index] = calendar[2]
    ? (['half', Number(calendar[2])] as const)
    : calendar[3]
      ? (['quarter', Number(calendar[3])] as const)
      : calendar[4]
        ? (['month', Number(calendar[4])] as const)
        : (['year', 1] as const);
  return periodOf(id, false, year, unit, index, monthId(year, 1));
}

/** The first month of fiscal year `year`, which ends in that calendar year. */
function fiscalYearStartMonth(year: number, start: number): string {
  return start === 1 ? monthId(year, 1) : monthId(year - 1, start);
}

function periodOf(id: string, fiscal: boolean, year: number, unit: PeriodUnit, index: number, yearStart: string): Period {
  const count = monthsIn[unit];
  const first = addMonths(yearStart, (index - 1) * count);
  return { id, months: monthsFrom(first, count), unit, fiscal, year, index, yearStart };
}

export function isMonth(text: string): boolean {
  return monthRegex.test(text);
}

/** How finely an actuals period is given: a whole month (`2026-11`), an ISO week (`2026-W45`) or a day (`2026-11-03`). */
export type Granularity = 'month' | 'week' | 'day';

const dayRegex = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const weekRegex = /^(\d{4})-W(\d{2})$/;

/** Whether the text is a calendar day written YYYY-MM-DD: `2026-02-30` is not. */
export function isDay(text: string): boolean {
  const day = dayRegex.exec(text);
  return day !== null && Number(day[3]) <= daysInMonth(Number(day[1]), Number(day[2]));
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The number of ISO weeks of `year`: 53 when the Thursday of a 53rd week still falls in it (2026), else 52 (2027). */
export function isoWeeksIn(year: number): number {
  return weekThursday(year, 53).getUTCFullYear() === year ? 53 : 52;
}

/**
 * The month an ISO week counts in: the month that holds its Thursday, as the
 * ISO rule places a week in the year of its Thursday. 2026-W44 (Monday 26
 * October to Sunday 1 November) counts in 2026-10. Undefined when the text is
 * not a week written YYYY-Www that its year has.
 */
export function isoWeekMonth(text: string): string | undefined {
  const week = weekRegex.exec(text);
  if (!week) return undefined;
  const [year, number] = [Number(week[1]), Number(week[2])];
  if (number < 1 || number > isoWeeksIn(year)) return undefined;
  const thursday = weekThursday(year, number);
  return monthId(thursday.getUTCFullYear(), thursday.getUTCMonth() + 1);
}

/** The Thursday of ISO week `week` of `year`; beyond the year's last week, a Thursday of the next year. */
function weekThursday(year: number, week: number): Date {
  // Week 1 is the week that holds 4 January; its Monday may fall in December.
  const january4 = utcDate(year, 1, 4);
  const monday = 4 - ((january4.getUTCDay() + 6) % 7);
  return utcDate(year, 1, monday + 3 + 7 * (week - 1));
}

/** A UTC date; days beyond the month roll over into the next ones. `Date.UTC` would read years below 100 as 19xx. */
function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/**
 * The month an actuals period counts in: a month itself, the month of a day,
 * or the month of an ISO week's Thursday. Undefined for text that is none of
 * them, such as `2026-13`, `2026-02-30` or `2027-W53`. Months are tried
 * first: most actuals files hold nothing else.
 */
export function actualsPeriodMonth(text: string): string | undefined {
  if (isMonth(text)) return text;
  if (isDay(text)) return text.slice(0, 7);
  return isoWeekMonth(text);
}

/** The granularity of a valid actuals period, told by its shape. */
export function granularityOf(period: string): Granularity {
  return period.length === 10 ? 'day' : period[5] === 'W' ? 'week' : 'month';
}

function monthId(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The month `count` months after `month` (before, when negative). */
export function addMonths(month: string, count: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const total = year * 12 + (number - 1) + count;
  return monthId(Math.floor(total / 12), (total % 12) + 1);
}

function monthsFrom(first: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(first, i));
}

export function periodsOverlap(a: Period, b: Period): boolean {
  return a.months.some((month) => b.months.includes(month));
}

/**
 * The months of a part of a period's year named by a breakdown key: `Q1`..`Q4`
 * or `H1`, `H2` of the (fiscal) year the period belongs to. Undefined for a
 * key that names no such part.
 */
export function yearPartMonths(period: Period, part: YearPart, key: string): string[] | undefined {
  const match = (part === 'quarter' ? /^Q([1-4])$/ : /^H([12])$/).exec(key);
  if (!match) return undefined;
  const count = monthsIn[part];
  return monthsFrom(addMonths(period.yearStart, (Number(match[1]) - 1) * count), count);
}

/** The keys of the parts of a period's year that fall within it: Q1..Q4 of a year, Q3 and Q4 of a second half. */
export function yearPartKeys(period: Period, part: YearPart): string[] {
  const count = part === 'quarter' ? 4 : 2;
  const prefix = part === 'quarter' ? 'Q' : 'H';
  return Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`).filter((key) => yearPartMonths(period, part, key)!.every((month) => period.months.includes(month)));
}

/** The period of the same length just before: the previous quarter, half, year or month, named the same way. */
export function previousPeriod(period: Period, fiscalYearStart = 1): Period {
  const perYear = 12 / monthsIn[period.unit];
  const [year, index] = period.index === 1 ? [period.year - 1, perYear] : [period.year, period.index - 1];
  return namedPeriod(period, year, index, fiscalYearStart);
}

/** The same period a year earlier: last year's fourth quarter, last year's November. */
export function periodYearEarlier(period: Period, fiscalYearStart = 1): Period {
  return namedPeriod(period, period.year - 1, period.index, fiscalYearStart);
}

function namedPeriod(like: Period, year: number, index: number, fiscalYearStart: number): Period {
  const suffix = like.unit === 'year' ? '' : like.unit === 'half' ? `-H${index}` : like.unit === 'quarter' ? `-Q${index}` : `-${String(index).padStart(2, '0')}`;
  return parsePeriod(`${like.fiscal ? 'FY' : ''}${year}${suffix}`, fiscalYearStart)!;
}
