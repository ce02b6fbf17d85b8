import { describe, expect, it } from 'vitest';
import { parseCsv, scanCsv } from '../../src/load/csv.js';

describe('parseCsv', () => {
  it('reads quoted cells with commas, escaped quotes and line breaks, keeping offsets', () => {
    const text = 'a,b\r\n"x, y","say ""hi"""\n"two\nlines",\n';
    const { records, errors } = parseCsv(text);
    expect(errors).toEqual([]);
    expect(records.map((r) => r.cells.map((c) => c.value))).toEqual([['a', 'b'], ['x, y', 'say "hi"'], ['two\nlines', '']]);
    expect(records[1]!.cells.map((c) => [c.start, c.end])).toEqual([[5, 11], [12, 24]]);
  });

  it('skips blank lines and reads a last line without a line break', () => {
    const { records } = parseCsv('a\n\n\nb');
    expect(records.map((r) => r.cells[0]!.value)).toEqual(['a', 'b']);
  });

  it('reports an unclosed quote and text after a closing quote', () => {
    expect(parseCsv('a,"b\n').errors).toEqual([{ message: 'A quoted cell is never closed: a closing " is missing.', start: 2, end: 3 }]);
    expect(parseCsv('"a"b,c\n').errors.map((e) => [e.start, e.end])).toEqual([[3, 4]]);
  });
});

describe('scanCsv', () => {
  it('gives the same records as parseCsv, and goes on after text after a closing quote', () => {
    const text = 'a,b\r\n"x, y","say ""hi"""\n"two\nlines",\n"a"b,c\nlast,row';
    const scanned: [string[], number, number][] = [];
    const errors = scanCsv(text, (values, start, end) => scanned.push([values, start, end]));
    const parsed = parseCsv(text);
    expect(scanned).toEqual(parsed.records.map((r) => [r.cells.map((c) => c.value), r.start, r.end]));
    expect(errors).toEqual(parsed.errors);
    expect(scanned.at(-1)![0]).toEqual(['last', 'row']);
  });

  it('reads every row of a long file with a quoted cell on each line', () => {
    const text = Array.from({ length: 50_000 }, (_, i) => `2026-10,"team ${i}",k,1`).join('\n');
    const teams: string[] = [];
    scanCsv(text, (values) => teams.push(values[1]!));
    expect(teams).toHaveLength(50_000);
    expect(teams[49_999]).toBe('team 49999');
  });
});
