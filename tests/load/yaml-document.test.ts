import { describe, expect, it } from 'vitest';
import { SourceText } from '../../src/load/source-text.js';
import { readYamlFast } from '../../src/load/read-yaml-fast.js';
import { parseYaml } from '../../src/load/yaml-document.js';
import { validateRepository } from '../../src/validate.js';
import { baseWith, positions, validateFixture } from '../helpers/fixtures.js';

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

  it('refuses to expand an alias bomb, at the alias that takes it past the limit', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [name, previous] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f']]) {
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const { documents, diagnostics } = parse(lines.join('\n'));
    expect(documents).toEqual([]);
    // b copies 9 × 10 values, c 9 × 91, d 9 × 820: 8,289 in all; the first *d of line 5 copies 7,381 more.
    expect(diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(['yaml-alias-limit 5:8']);
  });

  it('reads anchors and aliases within the limit, each alias as the value it refers to', () => {
    const { documents, diagnostics } = parse('base: &base {green: 1, amber: 0.9}\ngoals:\n  - thresholds: *base\n  - thresholds: *base\n');
    expect(diagnostics).toEqual([]);
    expect(documents.map((d) => d.data)).toEqual([{ base: { green: 1, amber: 0.9 }, goals: [{ thresholds: { green: 1, amber: 0.9 } }, { thresholds: { green: 1, amber: 0.9 } }] }]);
    expect(documents[0]!.source.position(documents[0]!.span(['goals', 1, 'thresholds']).start)).toEqual({ line: 4, column: 17 });
  });

  it('refuses an alias to no anchor, and an alias inside the value it refers to', () => {
    expect(positions(parse('a: *nowhere\n').diagnostics)).toEqual(['yaml-syntax test.yaml:1:4-1:12']);
    expect(positions(parse('a: &loop [1, *loop]\n').diagnostics)).toEqual(['yaml-alias-limit test.yaml:1:14-1:19']);
  });

  it('refuses an alias that nests deeper than any goals file, at the alias', () => {
    // The alias stands inside 31 levels, and what it refers to holds 39 more: 70 in all.
    const lines = [`deep: &deep ${'['.repeat(40)}${']'.repeat(40)}`, `deeper: [${'['.repeat(30)}*deep${']'.repeat(30)}]`];
    expect(positions(parse(lines.join('\n')).diagnostics)).toEqual(['nesting-too-deep test.yaml:2:40-2:76']);
  });

  it('reads lists nested 64 levels below the root, and refuses one more level at its bracket, whichever reader reads the file', () => {
    const nested = (levels: number, inside: string) => `${'['.repeat(levels)}${inside}${']'.repeat(levels)}\n`;
    expect(parse(nested(65, '')).diagnostics).toEqual([]);
    expect(parse(nested(65, '1')).diagnostics).toEqual([]);
    expect(positions(parse(nested(66, '')).diagnostics)).toEqual(['nesting-too-deep test.yaml:1:66-1:133']);
  });

  it('refuses keys that are lists, mappings or aliases', () => {
    expect(positions(parse('? [a, b]\n: 1\n').diagnostics)).toEqual(['yaml-syntax test.yaml:1:3-1:9']);
  });

  it('finds duplicate keys by the text they read as, whatever their quoting or notation', () => {
    const { diagnostics } = parse('items: {101: 1, "101": 2, 1.0: 3, 1: 4, 0x10: 5, 16: 6, ~: 7, null: 8}\n');
    expect(positions(diagnostics)).toEqual([
      'duplicate-key test.yaml:1:17-1:22',
      'duplicate-key test.yaml:1:35-1:36',
      'duplicate-key test.yaml:1:50-1:52',
      'duplicate-key test.yaml:1:63-1:67',
    ]);
    expect(diagnostics.map((d) => d.message.slice(0, 40))).toEqual(['Duplicate key "101" (first on line 1): Y', 'Duplicate key "1" (first on line 1): YAM', 'Duplicate key "16" (first on line 1): YA', 'Duplicate key "null" (first on line 1): ']);
  });

  it('refuses every tag but the core schema\'s, one diagnostic at each tag, and a core tag that does not fit its value', () => {
    const text = 'a: !!binary aGk=\nb: !!set {x}\nc: !local x\nd: ! x\ne: !!int abc\nf: !!float 1e400\ng: !!str 010\nh: !!int 12\n';
    expect(positions(parse(text).diagnostics)).toEqual([
      'unsupported-tag test.yaml:1:4-1:12',
      'unsupported-tag test.yaml:2:4-2:9',
      'unsupported-tag test.yaml:3:4-3:10',
      'unsupported-tag test.yaml:4:4-4:5',
      'unsupported-tag test.yaml:5:4-5:9',
      'unsupported-tag test.yaml:6:4-6:11',
    ]);
    expect(parse('g: !!str 010\nh: !!int 12\ni: !!map {}\n').documents.map((d) => d.data)).toEqual([{ g: '010', h: 12, i: {} }]);
  });

  it('refuses every directive but %YAML 1.2, at the directive', () => {
    expect(positions(parse('%YAML 1.1\n---\na: 010\n').diagnostics)).toEqual(['unsupported-directive test.yaml:1:1-1:10']);
    expect(positions(parse('%TAG !e! tag:example.com,2000:\n%FOO bar\n---\na: 1\n').diagnostics)).toEqual([
      'unsupported-directive test.yaml:1:1-1:31',
      'unsupported-directive test.yaml:2:1-2:9',
    ]);
    expect(positions(parse('%YAML 1.2\n%YAML 1.2\n---\na: 1\n').diagnostics)).toEqual(['unsupported-directive test.yaml:2:1-2:10']);
    expect(parse('%YAML 1.2\n---\na: 010\n').documents.map((d) => d.data)).toEqual([{ a: 10 }]);
  });

  it('sends a file to the position parser for its YAML structure only, never for text that looks like it', () => {
    const lookalikes = 'title: a *stretch* goal & more\nnotes: "&anchor *alias !tag %YAML 1.1 #"\nowner: li.wei # &a *a\n';
    expect(readYamlFast(lookalikes)).toEqual([{ title: 'a *stretch* goal & more', notes: '&anchor *alias !tag %YAML 1.1 #', owner: 'li.wei' }]);
    for (const structure of ['a: &x 1\n', 'a: *x\n', 'a: !!str 1\n', '%YAML 1.2\n---\na: 1\n', 'a: 1\n...\n%FOO\n---\nb: 2\n']) expect(readYamlFast(structure), structure).toBeUndefined();
  });

  it('reads numbers the same whether or not the file needs the position parser', () => {
    const numbers = 'a: 010\nb: 0x1F\nc: 0o17\nd: 1_000\ne: +1\nf: 1e3\ng: .inf\nh: 1e400\ni: 1.0\n';
    const plain = parse(numbers).documents[0]!.data;
    expect(plain).toEqual({ a: 10, b: 31, c: 15, d: '1_000', e: 1, f: 1000, g: Infinity, h: '1e400', i: 1 });
    expect(parse(`${numbers}j: &anchored x\n`).documents[0]!.data).toEqual({ ...(plain as object), j: 'x' });
  });

  it('reports tabs used as indentation as a syntax error, and nothing after it', () => {
    const { diagnostics } = validateRepository(baseWith({ 'x.yaml': 'apiVersion: goalpost/v1\nkind: Team\n\tid: x\n' }));
    expect(positions(diagnostics)).toEqual(['yaml-syntax x.yaml:3:1-3:2']);
  });

  it('has a failing fixture for each code about what YAML goalpost reads', () => {
    expect(positions(validateFixture('checks/unsupported-tag'))).toEqual(['unsupported-tag teams/marketing.yaml:7:30-7:41']);
    expect(positions(validateFixture('checks/unsupported-directive'))).toEqual(['unsupported-directive kpis.yaml:1:1-1:10']);
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
