import type { Locale } from '../model/kinds.js';
import { parsePeriod } from '../model/period.js';

/**
 * Every number goalpost shows — in the terminal, the scorecards, the diff,
 * the log and the pull-request comment — is written by this one module, so
 * that the same figure reads the same everywhere: percentages to one decimal
 * rounded half away from zero (0.6375 reads 63.8%), amounts in the KPI's
 * currency or the settings' one, and no more digits than mean something.
 */
export interface Formatter {
  locale: Locale;
  /** A value in a KPI's unit: a currency, percent, ratio, count, score, hours, or a word of the user's own. */
  value(value: number | null, unit: string | null): string;
  /** The size of a difference in a KPI's unit, without a sign ("exceed the cap by $7,500"). */
  amount(value: number, unit: string | null): string;
  /** A fraction as a percentage (0.6375 → "63.8%"). */
  percent(value: number | null): string;
  /** A fraction as a signed percentage for changes ("+10%", "−2.5%"). */
  signedPercent(value: number): string;
  /** An attainment: a percentage, or "≥ 120%" for a result that no ratio can measure (its value is then the cap). */
  attainment(value: number | null, bestPossible: boolean): string;
  /** A score contribution in points (0.255 → "25.5"). */
  points(value: number | null): string;
  /** A plain number such as a weight. */
  plain(value: number): string;
  /** A short figure for a chart's axis ("6M", "600万"). */
  compact(value: number): string;
  /** A signed plain number for changes ("+30"). */
  signed(value: number, unit: string | null): string;
  /** The unit as a word of the locale ("%", "×", "¥", "hours"), or null where the numbers need none (counts). */
  unit(unit: string | null): string | null;
  month(month: string): string;
  /** A run of months for people: "Apr–Jun 2026", "2026年10月–2027年3月". */
  monthRange(first: string, last: string): string;
  /** A period for people: "Q4 2026", "2026年第四季度", "FY2027 Q1 (Apr–Jun 2026)", "2027 财年第一季度（2026年4月–6月）". */
  period(period: string): string;
  noData: string;
}

const currencyCode = /^[A-Z]{3}$/;

/** Rounds away binary noise before a value is scaled (0.6375 × 100 is 63.74999999999999 in floating point). */
function scaled(value: number, factor: number): number {
  return Number((value * factor).toPrecision(15));
}

const unitWords: Record<Locale, Record<string, string>> = {
  en: { percent: '%', ratio: '×', score: 'points', hours: 'hours' },
  'zh-CN': { percent: '%', ratio: '倍', score: '分', hours: '小时' },
};

const quarterNames = ['第一季度', '第二季度', '第三季度', '第四季度'];

/**
 * A formatter for one locale. `defaultCurrency` is the settings' currency (for
 * `unit: currency`), `fiscalYearStart` the settings' first month of the
 * fiscal year (for naming FY periods).
 */
export function createFormatter(locale: Locale, defaultCurrency: string, noData = locale === 'zh-CN' ? '无数据' : 'no data', fiscalYearStart = 1): Formatter {
  // Creating an Intl formatter is far slower than using one: each is made once per options.
  const cache = new Map<string, Intl.NumberFormat>();
  const intl = (key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
    let cached = cache.get(key);
    // halfExpand is Intl's default and rounds half away from zero; it is named so that it stays so. A value
    // that rounds to zero reads 0, not -0.
    if (!cached) cache.set(key, (cached = new Intl.NumberFormat(locale, { roundingMode: 'halfExpand', signDisplay: 'negative', ...options } as Intl.NumberFormatOptions)));
    return cached;
  };
  const fixed = (value: number, digits: number): string => intl(`plain ${digits}`, { maximumFractionDigits: digits }).format(value);
  /** Digits that mean something for a number without a unit: fewer as it grows. */
  const plain = (value: number): string => {
    const size = Math.abs(value);
    return size >= 10_000 ? fixed(value, 0) : size >= 100 ? fixed(value, 1) : size >= 1 ? fixed(value, 2) : intl('small', { maximumSignificantDigits: 3 }).format(value);
  };
  const percent = (value: number): string => intl('percent', { style: 'percent', maximumFractionDigits: 1 }).format(value);
  const monthFormat = new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const monthName = new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' });
  // Validation refuses values that would overflow; this is the last guard, so that no page ever shows ∞ or NaN.
  const usable = (value: number | null): value is number => value !== null && Number.isFinite(value);

  const currencyOf = (unit: string | null): string | undefined => (unit === 'currency' ? defaultCurrency : unit !== null && currencyCode.test(unit) ? unit : undefined);
  const currency = (value: number, code: string): string => {
    // 万 and 亿 read naturally for large amounts in Chinese; elsewhere the full amount.
    if (locale === 'zh-CN' && Math.abs(value) >= 100_000) {
      return intl(`compact ${code}`, { style: 'currency', currency: code, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(value);
    }
    // Cents only where they say something: $12.50, but $300 and $7,500.
    const digits = Math.abs(value) >= 1000 || Number.isInteger(value) ? 0 : 2;
    return intl(`currency ${code} ${digits}`, { style: 'currency', currency: code, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  };
  const currencySymbol = (code: string): string =>
    intl(`currency ${code} 0`, { style: 'currency', currency: code, minimumFractionDigits: 0, maximumFractionDigits: 0 })
      .formatToParts(1)
      .find((part) => part.type === 'currency')?.value ?? code;
  const words = unitWords[locale];
  /** "Apr–Jun 2026", "Oct 2026–Mar 2027"; "2026年4月–6月", "2026年10月–2027年3月". */
  const monthRange = (first: string, last: string): string => {
    const [firstYear, firstMonth] = first.split('-').map(Number) as [number, number];
    const [lastYear, lastMonth] = last.split('-').map(Number) as [number, number];
    if (locale === 'zh-CN') return firstYear === lastYear ? `${firstYear}年${firstMonth}月–${lastMonth}月` : `${firstYear}年${firstMonth}月–${lastYear}年${lastMonth}月`;
    const name = (year: number, number: number): string => monthName.format(Date.UTC(year, number - 1, 1));
    return firstYear === lastYear ? `${name(firstYear, firstMonth)}–${name(lastYear, lastMonth)} ${lastYear}` : `${name(firstYear, firstMonth)} ${firstYear}–${name(lastYear, lastMonth)} ${lastYear}`;
  };
  const month = (id: string): string => {
    const [year, number] = id.split('-').map(Number) as [number, number];
    if (locale === 'zh-CN') return `${year}年${number}月`;
    return monthFormat.format(Date.UTC(year, number - 1, 1));
  };

  const value = (number: number, unit: string | null): string => {
    const code = currencyOf(unit);
    if (code !== undefined) return currency(number, code);
    switch (unit) {
      case 'percent':
        return percent(number);
      case 'count':
        return fixed(number, Number.isInteger(number) ? 0 : 1);
      case 'ratio':
        return `${fixed(number, 2)}${words.ratio}`;
      case 'score':
        return fixed(number, 2);
      case 'hours':
        return `${fixed(number, 1)} ${locale === 'zh-CN' ? '小时' : 'h'}`;
      case null:
        return plain(number);
      default:
        return `${plain(number)} ${unit}`;
    }
  };

  const periodNames = new Map<string, string>();
  return {
    locale,
    noData,
    value: (number, unit) => (usable(number) ? value(number, unit) : noData),
    amount: (number, unit) => (usable(number) ? value(Math.abs(number), unit) : noData),
    percent: (number) => (usable(number) ? percent(number) : noData),
    signedPercent: (number) => (usable(number) ? intl('signed percent', { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(number) : noData),
    attainment: (number, bestPossible) => (usable(number) ? `${bestPossible ? '≥ ' : ''}${percent(number)}` : noData),
    points: (number) => (usable(number) ? fixed(scaled(number, 100), 1) : noData),
    plain: (number) => (Number.isFinite(number) ? plain(number) : noData),
    compact: (number) => (Number.isFinite(number) ? intl('compact', { notation: 'compact', maximumFractionDigits: 2 }).format(number) : noData),
    signed(number, unit) {
      if (!usable(number)) return noData;
      const text = value(Math.abs(number), unit);
      return number > 0 ? `+${text}` : number < 0 ? `-${text}` : text;
    },
    unit(unit) {
      if (unit === null || unit === 'count') return null;
      const code = currencyOf(unit);
      if (code !== undefined) return currencySymbol(code);
      return Object.hasOwn(words, unit) ? words[unit]! : unit;
    },
    month,
    monthRange,
    period(id) {
      let text = periodNames.get(id);
      if (text === undefined) periodNames.set(id, (text = periodName(id)));
      return text;
    },
  };
  // A page names the same few periods on every row, so each is worked out once.
  function periodName(id: string): string {
    const period = parsePeriod(id, fiscalYearStart);
    if (!period) return id;
    const zh = locale === 'zh-CN';
    const part = period.unit === 'half' ? `H${period.index}` : period.unit === 'quarter' ? `Q${period.index}` : '';
    const partZh = period.unit === 'half' ? (period.index === 1 ? '上半年' : '下半年') : period.unit === 'quarter' ? quarterNames[period.index - 1]! : '';
    if (period.fiscal) {
      // A fiscal period says which months it is: "FY2027 Q1" alone does not tell a reader it is April to June 2026.
      const range = monthRange(period.months[0]!, period.months.at(-1)!);
      return zh ? `${period.year} 财年${partZh}（${range}）` : `FY${period.year}${part ? ` ${part}` : ''} (${range})`;
    }
    if (period.unit === 'month') return month(id);
    if (period.unit === 'year') return zh ? `${period.year}年` : String(period.year);
    return zh ? `${period.year}年${partZh}` : `${part} ${period.year}`;
  }
}
