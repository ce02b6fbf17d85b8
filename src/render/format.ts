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
  const cache = new Map<string, Intl.NumberFormat>();
  const format = (options: Intl.NumberFormatOptions, value: number): string => {
    const key = JSON.stringify(options);
    let formatter = cache.get(key);
    if (!formatter) cache.set(key, (formatter = new Intl.NumberFormat(locale, options)));
    return formatter.format(value);
  };
  const plain = (value: number, digits = 2): string => format({ maximumFractionDigits: digits }, value);

  const currency = (value: number, code: string): string => {
    // 万 and 亿 read naturally for large amounts in Chinese; elsewhere the full amount.
    if (locale === 'zh-CN' && Math.abs(value) >= 100_000) {
      return format({ style: 'currency', currency: code, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 2 }, value);
    }
    return format({ style: 'currency', currency: code, maximumFractionDigits: Math.abs(value) >= 1000 ? 0 : 2 }, value);
  };

  return {
    noData,
    value(value, unit) {
      if (value === null) return noData;
      switch (unit) {
        case 'percent':
          return format({ style: 'percent', maximumFractionDigits: 1 }, value);
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
          return unit !== undefined && currencyCode.test(unit) ? currency(value, unit) : `${plain(value)} ${unit}`;
      }
    },
    percent(value) {
      return value === null ? noData : format({ style: 'percent', maximumFractionDigits: 1 }, value);
    },
    points(value) {
      return value === null ? noData : plain(value * 100, 1);
    },
    plain: (value) => plain(value),
    month(month) {
      const [year, number] = month.split('-').map(Number) as [number, number];
      if (locale === 'zh-CN') return `${year}年${number}月`;
      return new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, number - 1, 1));
    },
  };
}
