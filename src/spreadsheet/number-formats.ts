import type { Formatter } from '../text/format.js';

/** Excel's number format for fractions shown as percentages: 0.6375 shows 63.8%. */
export const percentFormat = '0.0%';

/** Thousands separated whole numbers: 7650000 shows 7,650,000. */
export const thousandsFormat = '#,##0';

/** A literal text inside a number format: in double quotes, which a format cannot escape otherwise. */
function literal(text: string): string {
  return `"${text.replace(/"/g, '')}"`;
}

/**
 * The Excel number format of a value in a KPI's unit, so that the cell holds
 * the real number and shows it as the scorecards do: a currency with its
 * symbol (the settings' currency for `unit: currency`, taken from the one
 * formatter), a percent unit as 0.0%, counts with thousands separators,
 * decimals only where the value has them.
 */
export function unitNumberFormat(unit: string | null, value: number, formatter: Formatter): string {
  const whole = Number.isInteger(value);
  switch (unit) {
    case 'percent':
      return percentFormat;
    case 'count':
      return whole ? thousandsFormat : '#,##0.0';
    case 'ratio':
      return `0.00${literal(formatter.unit('ratio') ?? '')}`;
    case 'score':
      return '0.00';
    case 'hours':
      return '#,##0.0';
    case null:
      return whole ? thousandsFormat : 'General';
  }
  // A currency as the formatter knows it (`currency` is the settings' one); a unit of the user's own (`leads`) is a plain number.
  if (unit !== 'currency' && !/^[A-Z]{3}$/.test(unit)) return whole ? thousandsFormat : 'General';
  return `${literal(formatter.unit(unit) ?? unit)}${whole || Math.abs(value) >= 1000 ? thousandsFormat : '#,##0.00'}`;
}
