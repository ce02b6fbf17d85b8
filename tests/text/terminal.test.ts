import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeTerminal, printableJson, printableJsonPieces } from '../../src/text/terminal.js';

describe('escapeTerminal', () => {
  it.each([
    ['line\nbreak', 'line\\nbreak'],
    ['carriage\rreturn\r\n', 'carriage\\rreturn\\r\\n'],
    ['tab\there', 'tab\\there'],
    ['\u001b[31mred\u001b[0m', '\\u001b[31mred\\u001b[0m'],
    ['\u001b]0;title\u0007', '\\u001b]0;title\\u0007'],
    ['\u009b2J and \u0085 and \u007f and \u0000', '\\u009b2J and \\u0085 and \\u007f and \\u0000'],
    ['\u202eevil\u202c \u2066isolated\u2069 \u202a\u202b\u202d \u2067\u2068', '\\u202eevil\\u202c \\u2066isolated\\u2069 \\u202a\\u202b\\u202d \\u2067\\u2068'],
    ['line\u2028separator\u2029', 'line\\u2028separator\\u2029'],
  ])('%j → %j', (text, escaped) => {
    expect(escapeTerminal(text)).toBe(escaped);
  });

  it('leaves printable text alone, Chinese, emoji and their joiners included', () => {
    for (const text of ['第四季度销售额达到 1200 万元', 'CN¥12,000,000 · 63.8% → 70%', '👩‍💻 ✓ ✗ — “quoted”', 'C:\\goals\\a.yaml']) expect(escapeTerminal(text)).toBe(text);
  });
});

describe('printableJson', () => {
  it('writes what JSON allows raw but a terminal acts on as \\u escapes, and reads back as the same value', () => {
    const value = { title: 'a\u009b31m\u0085\u2028\u202e\u2066\u007f\n\u001b 李' };
    const text = printableJson(value);
    expect(text).toBe('{\n  "title": "a\\u009b31m\\u0085\\u2028\\u202e\\u2066\\u007f\\n\\u001b 李"\n}\n');
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('printableJsonPieces', () => {
  it('writes exactly the text of printableJson, in pieces', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect([...printableJsonPieces(value)].join('')).toBe(printableJson(value));
      }),
      { seed: 20261129, numRuns: 500 },
    );
    const report = { asOf: '2026-11', teams: [{ team: 'm', goals: [{ id: 'g', note: undefined, trend: [], title: '\u2028' }], empty: {} }], none: null };
    expect([...printableJsonPieces(report)].join('')).toBe(printableJson(report));
  });
});
