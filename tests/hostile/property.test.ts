import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { validateRepository } from '../../src/validate.js';
import { fixtureFiles } from '../helpers/fixtures.js';
import { disagreement, yamlFile } from '../helpers/yaml-documents.js';

/**
 * Whatever the input, validation returns diagnostics rather than throwing,
 * and every diagnostic points inside the file it names.
 */
function expectPositionsInside(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): void {
  for (const d of diagnostics) {
    const text = texts.get(d.file);
    expect(text, d.file).toBeDefined();
    const lines = text!.replace(/^\uFEFF/, '').split('\n');
    expect(d.line, JSON.stringify(d)).toBeGreaterThanOrEqual(1);
    expect(d.line, JSON.stringify(d)).toBeLessThanOrEqual(lines.length);
    expect(d.column, JSON.stringify(d)).toBeGreaterThanOrEqual(1);
    expect(d.column, JSON.stringify(d)).toBeLessThanOrEqual(lines[d.line - 1]!.length + 1);
    expect(d.endLine, JSON.stringify(d)).toBeGreaterThanOrEqual(d.line);
    expect(d.endLine, JSON.stringify(d)).toBeLessThanOrEqual(lines.length);
    expect(d.endColumn, JSON.stringify(d)).toBeLessThanOrEqual(lines[d.endLine - 1]!.length + 1);
  }
}

const base = fixtureFiles('base');
const baseTexts = new Map(base.map((f) => [f.path, Buffer.from(f.bytes).toString('utf8')]));
const id = fc.stringMatching(/^[a-z][a-z0-9._-]{0,8}$/);
const value = fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double(), fc.string({ maxLength: 12 }), fc.constant(null), fc.constantFrom('.inf', '.nan', '[]', '{}', '"x"', '~'));

const goal = fc.record({
  id,
  title: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('销售额', '<script>', 'a: b', '- x')),
  kpi: fc.constantFrom('revenue', 'csat', 'market_share', 'market_size', 'nope', '__proto__'),
  target: value,
  weight: fc.oneof(fc.integer({ min: -10, max: 120 }), value),
  owner: fc.constantFrom('li.wei', 'zhang.min', 'wang.fang', 'ghost', 'constructor'),
  breakdown: fc.array(
    fc.record({
      by: fc.constantFrom('owner', 'month', 'region', '2026'),
      items: fc.dictionary(fc.oneof(id, fc.constantFrom('2026-10', '2026-13', '__proto__')), fc.oneof(fc.integer({ min: -100, max: 1e7 }), value), { maxKeys: 4 }),
    }),
    { maxLength: 2 },
  ),
});

function goalSetYaml(goals: unknown[], period: string): string {
  return `apiVersion: goalpost/v1\nkind: GoalSet\nteam: marketing\nperiod: ${period}\ngoals: ${JSON.stringify(goals)}\n`;
}

describe('validation of random input', () => {
  it('never throws on random goal sets, and every diagnostic is inside its file', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.array(goal, { minLength: 0, maxLength: 4 }), fc.constantFrom('2026-Q4', '2026', '2026-Q5', '"2026-13"', '[]'), (goals, period) => {
        const text = goalSetYaml(goals, period);
        const files = [...base.filter((f) => f.path !== '2026-Q4/marketing.yaml'), { path: '2026-Q4/marketing.yaml', bytes: Buffer.from(text) }];
        const texts = new Map(baseTexts).set('2026-Q4/marketing.yaml', text);
        expectPositionsInside(validateRepository(files).diagnostics, texts);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random edits of valid files (insertions, deletions, replacements), CRLF and CJK included', { timeout: 60_000 }, () => {
    const paths = [...baseTexts.keys()];
    const edit = fc.record({
      file: fc.constantFrom(...paths),
      at: fc.nat(),
      remove: fc.nat({ max: 12 }),
      insert: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('\t', '\r\n', ':', '- ', '{', '}', '"', "'", '&a ', '*a', '#', '销售', '\u0000', ',', '\n  ')),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), fc.boolean(), (edits, crlf) => {
        const texts = new Map(baseTexts);
        for (const { file, at, remove, insert } of edits) {
          const text = texts.get(file)!;
          const position = at % (text.length + 1);
          texts.set(file, text.slice(0, position) + insert + text.slice(position + remove));
        }
        if (crlf) for (const [file, text] of texts) texts.set(file, text.replace(/\r?\n/g, '\r\n'));
        const files = [...texts].map(([p, text]) => ({ path: p, bytes: Buffer.from(text) }));
        const { diagnostics } = validateRepository(files);
        // A file with NUL bytes is refused as binary at the first NUL, which is still inside the file.
        expectPositionsInside(diagnostics, texts);
      }),
      { numRuns: 400 },
    );
  });
});

describe('the two YAML readers', () => {
  // bench/parse-paths.ts runs the same property with many more runs.
  it('read random files to the same data, or refuse them alike: numbers in every notation, keys that read alike, tags, directives, anchors, flow and block', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(yamlFile, (text) => {
        expect(disagreement(text), text).toBeUndefined();
      }),
      { seed: 20261201, numRuns: 1000 },
    );
  });
});
