import type { Locale } from '../model/kinds.js';

/** Formats numbers for one locale and default currency, with Intl. */
export interface Formatter {
  /** A value in a KPI's unit: a currency, percent, ratio, count, score, hours, ... */
  value(value: number | null, unit: string | null): string;
  percent(value: number | null): string;
  /** A score contribution in points (0.255 → "25.5"). */
  points(value: number | null): string;
  plain(value: number): string;
  month(month: string): string;
  noData: string;
}

const currencyCode = /^[A-Z]{3}$/;

export function createFormatter(locale: Locale, defaultCurrency: string, noData: string): Formatter {
  // Creating an Intl formatter is far slower than using one: each is made once per options.
  const cache = new Map<string, Intl.NumberFormat>();
  const formatter = (key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
    let cached = cache.get(key);
    if (!cached) cache.set(key, (cached = new Intl.NumberFormat(locale, options)));
    return cached;
  };
  const plain = (value: number, digits = 2): string => formatter(`plain${digits}`, { maximumFractionDigits: digits }).format(value);
  const percent = (value: number): string => formatter('percent', { style: 'percent', maximumFractionDigits: 1 }).format(value);
  const monthFormat = new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' });

  const currency = (value: number, code: string): string => {
    // 万 and 亿 read naturally for large amounts in Chinese; elsewhere the full amount.
    if (locale === 'zh-CN' && Math.abs(value) >= 100_000) {
      return formatter(`compact ${code}`, { style: 'currency', currency: code, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(value);
    }
    const digits = Math.abs(value) >= 1000 ? 0 : 2;
    return formatter(`currency ${code} ${digits}`, { style: 'currency', currency: code, maximumFractionDigits: digits }).format(value);
  };

  return {
    noData,
    value(value, unit) {
      if (value === null) return noData;
      switch (unit) {
        case 'percent':
          return percent(value);
        case 'currency':
          return currency(value, defaultCurrency);
        case 'count':
          return plain(value, Number.isInteger(value) ? 0 : 1);
        case 'ratio':
        case 'score':
          return plain(value, 2);
        case 'hours':
          return `${plain(value, 1)} ${locale === 'zh-CN' ? '小时' : 'h'}`;
        case null:
          return plain(value);
        default:
          return currencyCode.test(unit) ? currency(value, unit) : `${plain(value)} ${unit}`;
      }
    },
    percent(value) {
      return value === null ? noData : percent(value);
    },
    points(value) {
      return value === null ? noData : plain(value * 100, 1);
    },
    plain: (value) => plain(value),
    month(month) {
      const [year, number] = month.split('-').map(Number) as [number, number];
      if (locale === 'zh-CN') return `${year}年${number}月`;
      return monthFormat.format(Date.UTC(year, number - 1, 1));
    },
  };
}
