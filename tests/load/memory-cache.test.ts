import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RepositoryFile } from '../../src/load/load-file.js';
import { MemoryLoadCache } from '../../src/load/memory-cache.js';
import { validateRepository } from '../../src/validate.js';
import { exampleFiles } from '../render/render-helpers.js';

/**
 * The language server keeps the files it loaded between validations and
 * parses again only what changed. Whatever the sequence of edits, what it
 * reports must be what a fresh `goalpost validate` reports for the same
 * files: the same diagnostics, and a model with the same goals.
 */

/** Edits a person makes while typing, each to one file of the example: changing, breaking and repairing it. */
const edits: { name: string; file: RegExp; apply: (text: string, n: number) => string }[] = [
  { name: 'a target', file: /2026-Q4\/marketing\.yaml$/, apply: (text, n) => text.replace(/target: 12000000/, `target: ${11_000_000 + n}`) },
  { name: 'a breakdown share', file: /2026-Q4\/marketing\.yaml$/, apply: (text, n) => text.replace(/zhang\.min: 5000000/, `zhang.min: ${4_000_000 + n}`) },
  { name: 'a KPI id', file: /2026-Q4\/marketing\.yaml$/, apply: (text, n) => text.replace(/kpi: new_customers/, n % 2 === 0 ? 'kpi: new_customer' : 'kpi: revenue') },
  { name: 'a team member', file: /teams\/marketing\.yaml$/, apply: (text, n) => text.replace(/wang\.fang:/, n % 2 === 0 ? 'wang.fan:' : 'wang.fang:') },
  { name: 'a syntax error', file: /2026-Q4\/sales\.yaml$/, apply: (text, n) => (n % 2 === 0 ? text.replace(/\n {2}- id:/, '\n  - id: [') : text) },
  { name: 'a KPI removed', file: /kpis\.yaml$/, apply: (text, n) => (n % 3 === 0 ? text.replace(/\n {2}csat: .*/, '') : text) },
  { name: 'an actual', file: /actuals\/2026-q4\.csv$/, apply: (text, n) => text.replace(/(2026-10,marketing,revenue,zhang\.min,)\d+/, `$1${1_500_000 + n}`) },
  { name: 'the file as it was', file: /./, apply: (text) => text },
];

function summary(files: readonly RepositoryFile[], cache?: MemoryLoadCache) {
  const result = validateRepository(files, {}, cache);
  cache?.sweep();
  return {
    diagnostics: result.diagnostics,
    goals: result.model.goalSets.map((set) => `${set.team} ${set.period?.id}: ${set.goals.map((goal) => `${goal.id} ${goal.target}`).join(', ')}`),
  };
}

describe('the language server’s kept files', () => {
  it('are edited by edits that find what they change in the example', async () => {
    const example = await exampleFiles();
    for (const edit of edits.slice(0, -1)) {
      const file = example.find((candidate) => edit.file.test(candidate.path))!;
      const text = Buffer.from(file.bytes).toString('utf8');
      expect([0, 1, 2].some((n) => edit.apply(text, n) !== text), edit.name).toBe(true);
    }
  });

  it('give the diagnostics and the model of a fresh validation after any sequence of edits', async () => {
    const example = await exampleFiles();
    const original = new Map(example.map((file) => [file.path, Buffer.from(file.bytes).toString('utf8')]));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: edits.length - 1 }), fc.integer({ min: 0, max: 999 })), { minLength: 1, maxLength: 8 }), async (sequence) => {
        const texts = new Map(original);
        const cache = new MemoryLoadCache();
        const files = (): RepositoryFile[] => [...texts].map(([path, text]) => ({ path, bytes: Buffer.from(text) }));
        expect(summary(files(), cache)).toEqual(summary(files()));
        for (const [which, n] of sequence) {
          const edit = edits[which]!;
          const path = [...texts.keys()].find((file) => edit.file.test(file))!;
          texts.set(path, edit.apply(texts.get(path)!, n));
          expect(summary(files(), cache), `after ${sequence.map(([w, k]) => `${edits[w]!.name} ${k}`).join(', ')}`).toEqual(summary(files()));
          // One entry per file at most: what an edit replaced is dropped.
          expect(cache.size).toBeLessThanOrEqual(texts.size);
        }
      }),
      { seed: 20261129, numRuns: 40 },
    );
  });

  it('reads again only the file that changed, YAML or CSV', async () => {
    const example = await exampleFiles();
    const cache = new MemoryLoadCache();
    validateRepository(example, {}, cache);
    cache.sweep();
    // Every file of the example is kept: the YAML, the CSV and the query files alike.
    expect(cache.size).toBe(example.length);
    const kept: string[] = [];
    const keep = cache.keep.bind(cache);
    cache.keep = (key, file) => {
      kept.push(file.path);
      keep(key, file);
    };
    const edit = (pattern: RegExp, from: string, to: string) => (file: RepositoryFile) =>
      pattern.test(file.path) ? { path: file.path, bytes: Buffer.from(Buffer.from(file.bytes).toString('utf8').replace(from, to)) } : file;
    validateRepository(example.map(edit(/2026-Q4\/marketing\.yaml$/, 'target: 12000000', 'target: 12500000')), {}, cache);
    cache.sweep();
    validateRepository(example.map(edit(/actuals\/2026-q4\.csv$/, '2026-10,marketing,revenue,zhang.min,1600000', '2026-10,marketing,revenue,zhang.min,1700000')), {}, cache);
    expect(kept.map((file) => file.replace(/^.*goals\//, ''))).toEqual(['2026-Q4/marketing.yaml', '2026-Q4/marketing.yaml', 'actuals/2026-q4.csv']);
  });
});
