/**
 * Periods: a calendar year `2026`, half `2026-H2`, quarter `2026-Q4` or month
 * `2026-11`, or a fiscal year `FY2027` and its halves and quarters
 * (`FY2027-H1`, `FY2027-Q1`). A fiscal year is named after the calendar year
 * it ends in: with `fiscalYearStart: 4`, FY2027 runs from 2026-04 to
 * 2027-03. Actuals are monthly, so every period is a run of months, and
 * everything that uses periods (breakdowns, pace, actuals, alignment) works
 * on those months alone.
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
