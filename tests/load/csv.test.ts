import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/load/csv.js';

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
