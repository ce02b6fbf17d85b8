import { describe, expect, it } from 'vitest';
import { plainDecimal, valueText } from '../../src/pull/plain-number.js';

describe('numbers written plainly', () => {
  it.each([
    ['1750000.00', '1750000'],
    ['0.10', '0.1'],
    ['-0.0', '0'],
    ['+12', '12'],
    ['007.50', '7.5'],
    ['.5', '0.5'],
    ['5.', '5'],
    ['1e21', '1000000000000000000000'],
    ['1.25E+3', '1250'],
    ['1e-7', '0.0000001'],
    ['-2.5e-3', '-0.0025'],
    ['12345678901234567890.123', '12345678901234567890.123'],
  ])('%s is %s', (text, plain) => {
    expect(plainDecimal(text)).toBe(plain);
  });

  it.each(['NaN', 'Infinity', '-Infinity', '', '.', '1,000', '1e', '0x10', '1e999'])('%j is not a number to write', (text) => {
    expect(plainDecimal(text)).toBeUndefined();
  });

  it('writes each kind of value a database hands over exactly, and says why the others are no values', () => {
    expect(valueText(9007199254740993n)).toEqual({ text: '9007199254740993' });
    expect(valueText(0.1 + 0.2)).toEqual({ text: '0.30000000000000004' });
    expect(valueText(1e21)).toEqual({ text: '1000000000000000000000' });
    expect(valueText(-0)).toEqual({ text: '0' });
    expect(valueText({ decimal: '1750000.10' })).toEqual({ text: '1750000.1' });
    expect(valueText({ decimal: 'NaN' })).toEqual({ problem: 'the value is NaN, not a finite number' });
    expect(valueText(Number.POSITIVE_INFINITY)).toEqual({ problem: 'the value is Infinity, not a finite number' });
    expect(valueText(null)).toEqual({ problem: 'the value is empty (NULL); leave the row out when there is no value' });
    expect(valueText(true)).toEqual({ problem: 'the value is true, not a number' });
    expect(valueText('1,750,000')).toEqual({ problem: 'the value is the text "1,750,000", not a number; cast it in the query if it holds one' });
  });
});
