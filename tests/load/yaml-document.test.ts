import { describe, expect, it } from 'vitest';
import { SourceText } from '../../src/load/source-text.js';
import { parseYaml } from '../../src/load/yaml-document.js';
import { validateRepository } from '../../src/validate.js';
import { baseWith, positions } from '../helpers/fixtures.js';

function parse(text: string) {
  return parseYaml(new SourceText('test.yaml', text));
}

describe('parseYaml', () => {
  it('reads every document of a multi-document file', () => {
    const { documents, diagnostics } = parse('a: 1\n---\nb: 2\n---\n');
    expect(diagnostics).toEqual([]);
    expect(documents.map((d) => d.data)).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('locates keys and values by path, and falls back to the parent for a missing path', () => {
    const { documents } = parse('goals:\n  - id: a\n    kpi: 销售额\n');
    const doc = documents[0]!;
    const at = (path: (string | number)[], part?: 'key' | 'value') => {
      const span = doc.span(path, part);
      return `${doc.source.position(span.start).line}:${doc.source.position(span.start).column}-${doc.source.position(span.end).column}`;
    };
    expect(at(['goals', 0, 'kpi'])).toBe('3:10-13');
    expect(at(['goals', 0, 'kpi'], 'key')).toBe('3:5-8');
    expect(at(['goals', 0, 'owner'])).toBe('2:5-10');
  });

  it('maps offsets inside plain and quoted strings, and falls back to the whole value for folded ones', () => {
    const { documents } = parse('a: x + y\nb: "x + y"\nc: >-\n  x + y\n');
    const doc = documents[0]!;
    const column = (path: string) => doc.source.position(doc.spanInString([path], 4, 5).start).column;
    expect(column('a')).toBe(8);
    expect(column('b')).toBe(9);
    expect(doc.source.position(doc.spanInString(['c'], 4, 5).start)).toEqual({ line: 3, column: 4 });
  });

  it('refuses to expand an alias bomb', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [name, previous] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f']]) {
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const { documents, diagnostics } = parse(lines.join('\n'));
    expect(documents).toEqual([]);
    expect(diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(['yaml-alias-limit 1:1']);
  });

  it('reports tabs used as indentation as a syntax error, and nothing after it', () => {
    const { diagnostics } = validateRepository(baseWith({ 'x.yaml': 'apiVersion: goalpost/v1\nkind: Team\n\tid: x\n' }));
    expect(positions(diagnostics)).toEqual(['yaml-syntax x.yaml:3:1-3:2']);
  });
});

describe('hostile keys', () => {
  it('treats __proto__ and constructor as ordinary ids without polluting prototypes', () => {
    const catalog = 'apiVersion: goalpost/v1\nkind: KpiCatalog\nkpis:\n  __proto__: {name: x, aggregate: sum, polluted: 1}\n  constructor: {name: y, aggregate: sum}\n';
    const { model, diagnostics } = validateRepository(baseWith({ 'more-kpis.yaml': catalog }));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(model.kpis.has('__proto__')).toBe(true);
    expect(model.kpis.has('constructor')).toBe(true);
    expect(positions(diagnostics)).toEqual(['unknown-key more-kpis.yaml:4:40-4:48']);
  });
});
