/**
 * Periods: a year `2026`, a half `2026-H2`, a quarter `2026-Q4` or a month
 * `2026-11`. Actuals are monthly, so every period is a run of months.
 */
export interface Period {
  id: string;
  /** The months of the period in order, as YYYY-MM. */
  months: string[];
}

const periodRegex = /^(\d{4})(?:-(?:H([12])|Q([1-4])|(0[1-9]|1[0-2])))?$/;
const monthRegex = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parsePeriod(text: string | number): Period | undefined {
  const id = String(text);
  const match = periodRegex.exec(id);
  if (!match) return undefined;
  const year = Number(match[1]);
  let first = 1;
  let count = 12;
  if (match[2]) {
    first = match[2] === '1' ? 1 : 7;
    count = 6;
  } else if (match[3]) {
    first = (Number(match[3]) - 1) * 3 + 1;
    count = 3;
  } else if (match[4]) {
    first = Number(match[4]);
    count = 1;
  }
  const months = Array.from({ length: count }, (_, i) => monthId(year, first + i));
  return { id, months };
}

export function isMonth(text: string): boolean {
  return monthRegex.test(text);
}

function monthId(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function periodsOverlap(a: Period, b: Period): boolean {
  return a.months.some((month) => b.months.includes(month));
}
