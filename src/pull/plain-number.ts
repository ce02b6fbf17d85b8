import type { Cell } from '../sources/source.js';

const decimalNumber = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * A number written plainly, as an actuals file holds it: no exponent, no
 * leading or trailing zeros, no `+`, `-0` as `0` (1.7500e6 is `1750000`,
 * 0.10 is `0.1`, 1e-7 is `0.0000001`). It is exact: the digits are moved, never
 * computed, so the same number is always the same text and a re-pull of the
 * same data changes nothing.
 */
export function plainDecimal(text: string): string | undefined {
  const match = decimalNumber.exec(text.trim());
  if (!match) return undefined;
  const [, sign, whole = '', fraction = '', exponentText] = match;
  if (whole === '' && fraction === '') return undefined;
  const digits = whole + fraction;
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  // Beyond this, the digits would be mostly zeros that no goal needs; validation refuses such values anyway.
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 400) return undefined;
  const point = whole.length + exponent;
  const padded = point < 0 ? '0'.repeat(-point) + digits : point > digits.length ? digits + '0'.repeat(point - digits.length) : digits;
  const at = Math.max(point, 0);
  const integer = padded.slice(0, at).replace(/^0+/, '') || '0';
  const decimals = padded.slice(at).replace(/0+$/, '');
  const body = decimals === '' ? integer : `${integer}.${decimals}`;
  return sign === '-' && body !== '0' ? `-${body}` : body;
}

/** The value cell of a pulled row as plain text, or why it is not a number. */
export function valueText(cell: Cell): { text: string } | { problem: string } {
  if (cell === null) return { problem: 'the value is empty (NULL); leave the row out when there is no value' };
  if (typeof cell === 'bigint') return { text: plainDecimal(cell.toString())! };
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { problem: `the value is ${cell}, not a finite number` };
    // The shortest text that reads back as this double, exactly what JavaScript writes, without its exponent.
    return { text: plainDecimal(String(cell))! };
  }
  if (typeof cell === 'object') {
    const text = plainDecimal(cell.decimal);
    return text === undefined ? { problem: `the value is ${cell.decimal}, not a finite number` } : { text };
  }
  if (typeof cell === 'boolean') return { problem: `the value is ${cell}, not a number` };
  return { problem: `the value is the text ${JSON.stringify(cell.length > 40 ? `${cell.slice(0, 39)}…` : cell)}, not a number; cast it in the query if it holds one` };
}
