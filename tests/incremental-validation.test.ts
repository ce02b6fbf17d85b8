import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCompany } from '../bench/generate.js';
import { checks } from '../src/checks/index.js';
import { IncrementalValidation } from '../src/incremental-validation.js';
import type { RepositoryFile } from '../src/load/load-file.js';
import { readGoalsDirectory } from '../src/load/read-directory.js';
import { validateRepository } from '../src/validate.js';
import { exampleFiles } from './render/render-helpers.js';

/**
 * The language server validates the repository again after every edit, but
 * reads again only the files that changed and checks again only the files an
 * edit can change. Whatever the sequence of edits, what it reports must be
 * what a fresh `goalpost validate` reports for the same files: the same
 * diagnostics, and a model with the same goals.
 */

interface Edit {
  name: string;
  file: RegExp;
  apply: (text: string, n: number) => string;
}

/** Edits a person makes while typing, each to one file of the example: changing, breaking and repairing it. */
const exampleEdits: Edit[] = [
  { name: 'a target', file: /2026-Q4\/marketing\.yaml$/, apply: (text, n) => text.replace(/target: 12000000/, `target: ${11_000_000 + n}`) },
  { name: 'a breakdown share', file: /2026-Q4\/marketing\.yaml$/, apply: (text, n) => text.replace(/zhang\.min: 5000000/, `zhang.min: ${4_000_000 + n}`) },
  { name: 'a KPI id', file: /2026-Q4\/marketing\.yaml$/, apply: (text, n) => text.replace(/kpi: new_customers/, n % 2 === 0 ? 'kpi: new_customer' : 'kpi: revenue') },
  { name: 'a team member', file: /teams\/marketing\.yaml$/, apply: (text, n) => text.replace(/wang\.fang:/, n % 2 === 0 ? 'wang.fan:' : 'wang.fang:') },
  { name: 'a syntax error', file: /2026-Q4\/sales\.yaml$/, apply: (text, n) => (n % 2 === 0 ? text.replace(/\n {2}- id:/, '\n  - id: [') : text) },
  { name: 'a KPI removed', file: /kpis\.yaml$/, apply: (text, n) => (n % 3 === 0 ? text.replace(/\n {2}csat: .*/, '') : text) },
  { name: 'an actual', file: /actuals\/2026-q4\.csv$/, apply: (text, n) => text.replace(/(2026-10,marketing,revenue,zhang\.min,)\d+/, `$1${1_500_000 + n}`) },
  {
    name: 'a check-in of another team, or of a goal it lacks',
    file: /checkins\/2026-11-16-marketing\.yaml$/,
    apply: (text, n) => (n % 3 === 0 ? text.replace('team: marketing', 'team: sales') : n % 3 === 1 ? text.replace('  q4-revenue:', '  q4-revenu:') : text),
  },
  { name: 'the file as it was', file: /./, apply: (text) => text },
];

const toggle = (n: number, edited: string, original: string): string => (n % 2 === 0 ? edited : original);

/**
 * Edits of a generated company of four teams, which the checks across files
 * see as four separate teams until an edit joins them: a goal aligned to
 * another team's goal, a contributing team, an owner from another team, a row
 * of actuals under another team. Some reach what every check reads (the KPI
 * catalog, a team's id, a syntax error, a goal set of a team without a file).
 */
const companyEdits: Edit[] = [
  { name: 'a target', file: /2026\/t00001\.yaml$/, apply: (text, n) => text.replace(/target: (\d+)/, (_, target: string) => `target: ${Number(target) + n}`) },
  { name: 'a KPI id', file: /2026\/t00002\.yaml$/, apply: (text, n) => text.replace(/kpi: k(\d+)/, (whole, id: string) => toggle(n, `kpi: k${id}x`, n % 4 === 1 ? 'kpi: k29' : whole)) },
  { name: 'an owner of another team', file: /2026\/t00001\.yaml$/, apply: (text, n) => text.replace(/owner: t00001\.p\d/, toggle(n, 'owner: t00004.p1', 'owner: t00001.p1')) },
  { name: 'a team member renamed', file: /teams\/t00002\.yaml$/, apply: (text, n) => text.replace(/t00002\.p2x?:/, toggle(n, 't00002.p2x:', 't00002.p2:')) },
  {
    name: 'a goal aligned to another team’s',
    file: /2026\/t00003\.yaml$/,
    apply: (text, n) => text.replace(/( {2}- id: g1\n)(?: {4}alignsTo: .*\n)?/, (_, line: string) => toggle(n, `${line}    alignsTo: t00001/g${1 + (n % 3)}\n`, line)),
  },
  { name: 'the same KPI as the goal it aligns to', file: /2026\/t00003\.yaml$/, apply: (text, n) => text.replace(/(- id: g1\n(?: {4}alignsTo: .*\n)? {4}title: .*\n {4}kpi: )k\d+/, `$1k${String(1 + (n % 30)).padStart(2, '0')}`) },
  {
    name: 'a contributing team',
    file: /2026\/t00001\.yaml$/,
    apply: (text, n) => text.replace(/( {2}- id: g1\n)(?: {4}contributors: .*\n)?/, (_, line: string) => toggle(n, `${line}    contributors: [t00004]\n`, line)),
  },
  { name: 'a row under another team', file: /actuals\/t00002\.csv$/, apply: (text, n) => text.replace(/\n(2026-\d\d),t0000[23],/, (_, month: string) => `\n${month},${toggle(n, 't00003', 't00002')},`) },
  { name: 'an actual', file: /actuals\/t00003\.csv$/, apply: (text, n) => text.replace(/\n(2026-\d\d,t00003,k\d\d,,)(\d+)/, (_, row: string, value: string) => `\n${row}${Number(value) + n * 1000}`) },
  { name: 'a repeated row', file: /actuals\/t00004\.csv$/, apply: (text, n) => (n % 2 === 0 ? `${text}${text.split('\n')[1]}\n` : text) },
  { name: 'a KPI removed', file: /kpis\.yaml$/, apply: (text, n) => (n % 3 === 0 ? text.replace(/\n {2}k03: .*/, '') : text) },
  { name: 'a team renamed', file: /teams\/t00004\.yaml$/, apply: (text, n) => text.replace(/^id: t00004x?$/m, toggle(n, 'id: t00004x', 'id: t00004')) },
  { name: 'a syntax error', file: /2026\/t00004\.yaml$/, apply: (text, n) => (n % 2 === 0 ? text.replace(/\n {2}- id: g2/, '\n  - id: [') : text) },
  { name: 'a goal set of a team without a file', file: /2026\/t00002\.yaml$/, apply: (text, n) => text.replace(/^team: .*$/m, n % 3 === 0 ? 'team: t0002' : n % 3 === 1 ? 'team: t00001' : 'team: t00002') },
  { name: 'the file as it was', file: /./, apply: (text) => text },
];

function summary(result: ReturnType<typeof validateRepository>) {
  return {
    diagnostics: result.diagnostics,
    goals: result.model.goalSets.map((set) => `${set.team} ${set.period?.id}: ${set.goals.map((goal) => `${goal.id} ${goal.kpi} ${goal.target}`).join(', ')}`),
  };
}

const textsOf = (files: readonly RepositoryFile[]): Map<string, string> => new Map(files.map((file) => [file.path, Buffer.from(file.bytes).toString('utf8')]));
const filesOf = (texts: ReadonlyMap<string, string>): RepositoryFile[] => [...texts].map(([path, text]) => ({ path, bytes: Buffer.from(text) }));

/** Random sequences of edits: after each, the incremental result equals a fresh validation of the same files. */
async function assertEquivalent(original: ReadonlyMap<string, string>, edits: readonly Edit[], numRuns: number): Promise<{ all: number; some: number; checkedFiles: number[] }> {
  const runs = { all: 0, some: 0, checkedFiles: [] as number[] };
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: edits.length - 1 }), fc.integer({ min: 0, max: 999 })), { minLength: 1, maxLength: 8 }), async (sequence) => {
      const texts = new Map(original);
      const validation = new IncrementalValidation();
      expect(summary(validation.validate(filesOf(texts)))).toEqual(summary(validateRepository(filesOf(texts))));
      for (const [which, n] of sequence) {
        const edit = edits[which]!;
        const file = [...texts.keys()].find((candidate) => edit.file.test(candidate))!;
        texts.set(file, edit.apply(texts.get(file)!, n));
        const after = `after ${sequence.map(([w, k]) => `${edits[w]!.name} ${k}`).join(', ')}`;
        expect(summary(validation.validate(filesOf(texts))), after).toEqual(summary(validateRepository(filesOf(texts))));
        const { checked } = validation.run;
        if (checked === 'all') runs.all++;
        else if (checked.length > 0) {
          runs.some++;
          runs.checkedFiles.push(checked.length);
        }
      }
    }),
    { seed: 20261129, numRuns },
  );
  return runs;
}

describe('incremental validation', () => {
  let company: Map<string, string>;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'goalpost-incremental-'));
    generateCompany(dir, 4);
    // Paths relative to the company's folder, as `goalpost validate .` run there reports them.
    company = new Map([...textsOf(await readGoalsDirectory(dir))].map(([file, text]) => [path.relative(dir, file).split(path.sep).join('/'), text]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is given edits that each find what they change', async () => {
    const example = textsOf(await exampleFiles());
    for (const [texts, edits] of [
      [example, exampleEdits],
      [company, companyEdits],
    ] as const) {
      for (const edit of edits.slice(0, -1)) {
        const file = [...texts.keys()].find((candidate) => edit.file.test(candidate));
        expect(file, edit.name).toBeDefined();
        const text = texts.get(file!)!;
        expect([0, 1, 2].some((n) => edit.apply(text, n) !== text), edit.name).toBe(true);
      }
    }
  });

  it('gives the diagnostics and the model of a fresh validation after any sequence of edits of the example', async () => {
    await assertEquivalent(textsOf(await exampleFiles()), exampleEdits, 30);
  });

  it('gives the diagnostics and the model of a fresh validation after any sequence of edits that join and part teams', async () => {
    const runs = await assertEquivalent(company, companyEdits, 60);
    // The sequences check both ways, and some edits reach more than one team's files (3 files a team).
    expect(runs.all).toBeGreaterThan(15);
    expect(runs.some).toBeGreaterThan(70);
    expect(runs.checkedFiles.filter((count) => count > 3).length).toBeGreaterThan(15);
  });

  it('validates in steps that let other work run between them, with the same result', async () => {
    const validation = new IncrementalValidation();
    let ticks = 0;
    let running = true;
    const tick = (): void => {
      ticks++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const result = await validation.validateInSteps(filesOf(company));
    running = false;
    expect(summary(result)).toEqual(summary(validateRepository(filesOf(company))));
    // A pause after each of the checks, at least.
    expect(ticks).toBeGreaterThanOrEqual(checks.length);
    expect(validation.run.checked).toBe('all');
  });

  it('reads again only the file that changed and checks again only the files of its team', () => {
    const validation = new IncrementalValidation();
    const texts = new Map(company);
    validation.validate(filesOf(texts));
    expect(validation.run.checked).toBe('all');
    const edit = (file: string, from: RegExp | string, to: string): void => {
      const before = texts.get(file)!;
      texts.set(file, before.replace(from, to));
      expect(texts.get(file)).not.toBe(before);
    };

    edit('2026/t00002.yaml', /target: \d+/, 'target: 1');
    const result = validation.validate(filesOf(texts));
    expect(validation.run).toEqual({ reread: ['2026/t00002.yaml'], checked: ['2026/t00002.yaml', 'actuals/t00002.csv', 'teams/t00002.yaml'] });
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual(
      validateRepository(filesOf(texts)).diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`),
    );
    expect(result.diagnostics.some((d) => d.file === '2026/t00002.yaml' && d.code === 'breakdown-sum')).toBe(true);

    // A team member renamed: the team's goal set now names someone who is not a member.
    edit('teams/t00003.yaml', 't00003.p2:', 't00003.p9:');
    const renamed = validation.validate(filesOf(texts));
    expect(validation.run).toEqual({ reread: ['teams/t00003.yaml'], checked: ['2026/t00003.yaml', 'actuals/t00003.csv', 'teams/t00003.yaml'] });
    expect(renamed.diagnostics.some((d) => d.file === '2026/t00003.yaml' && d.code === 'unknown-person')).toBe(true);

    // Aligning a goal of t00004 to one of t00001 joins the two teams; the next edit of t00001 checks both again.
    edit('2026/t00004.yaml', '  - id: g1\n', '  - id: g1\n    alignsTo: t00001/g1\n');
    validation.validate(filesOf(texts));
    expect(validation.run.checked).toEqual(['2026/t00001.yaml', '2026/t00004.yaml', 'actuals/t00001.csv', 'actuals/t00004.csv', 'teams/t00001.yaml', 'teams/t00004.yaml']);
    edit('actuals/t00001.csv', /\n(2026-01,t00001,k\d\d,,)\d+/, '\n$1999');
    validation.validate(filesOf(texts));
    expect(validation.run).toEqual({
      reread: ['actuals/t00001.csv'],
      checked: ['2026/t00001.yaml', '2026/t00004.yaml', 'actuals/t00001.csv', 'actuals/t00004.csv', 'teams/t00001.yaml', 'teams/t00004.yaml'],
    });

    // The KPI catalog is read by every check.
    edit('kpis.yaml', /\n {2}k30: .*/, '');
    validation.validate(filesOf(texts));
    expect(validation.run).toEqual({ reread: ['kpis.yaml'], checked: 'all' });

    // Nothing changed: nothing is read or checked again.
    validation.validate(filesOf(texts));
    expect(validation.run).toEqual({ reread: [], checked: [] });
  });
});
