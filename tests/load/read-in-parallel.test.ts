import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCompany } from '../../bench/generate.js';
import { combineLoaded } from '../../src/load/load-repository.js';
import { parallelYamlBytes } from '../../src/cli/context.js';
import { loadInParallel, startYamlWorker } from '../../src/load/read-in-parallel.js';
import { readGoalsDirectory } from '../../src/load/read-directory.js';
import type { RepositoryFile } from '../../src/load/load-file.js';
import { checkRepository, validateRepository } from '../../src/validate.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
/** The worker as the executable starts it: the bundle that the tests' setup builds. */
const workerUrl = pathToFileURL(path.join(repoRoot, 'lib/yaml-worker.js'));

function summary(result: ReturnType<typeof validateRepository>) {
  return {
    diagnostics: result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.code} ${d.message}`),
    goals: result.model.goalSets.map((set) => `${set.team} ${set.period?.id}: ${set.goals.map((goal) => `${goal.id} ${goal.kpi} ${goal.target}`).join(', ')}`),
  };
}

/**
 * Edits that send files down every path of loading: YAML that only the
 * position parser reads, a key the schema lacks, and with `unreadable`, bytes
 * that are not UTF-8 and a file over the limit (which make the checks across
 * files wait).
 */
function withProblems(files: RepositoryFile[], unreadable: boolean): RepositoryFile[] {
  const edit = (name: string, change: (text: string) => string) => {
    const file = files.find((candidate) => candidate.path.endsWith(name))!;
    file.bytes = Buffer.from(change(Buffer.from(file.bytes).toString('utf8')));
  };
  edit('2026/t00003.yaml', (text) => text.replace('team: t00003', 'team: &team t00003').replace(/owner: t00003\.p1/, 'owner: t00003.p9'));
  edit('teams/t00004.yaml', (text) => text.replace('lead:', 'colour: 红\nlead:'));
  // A KPI whose id is `__proto__` is an ordinary key, read on either thread.
  edit('kpis.yaml', (text) => text.replace('kpis:\n', 'kpis:\n  __proto__: {name: 原型, unit: count, direction: increase, aggregate: sum}\n'));
  edit('2026/t00002.yaml', (text) => text.replace(/kpi: k\d+/, 'kpi: __proto__'));
  if (!unreadable) return files;
  files.find((file) => file.path.endsWith('2026/t00005.yaml'))!.bytes = Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0x3a, 0x20, 0xc3, 0x28]);
  return [...files, { path: `${path.dirname(files[0]!.path)}/2026/huge.yaml`, bytes: new Uint8Array(), size: 64 * 1024 * 1024 }];
}

describe('reading YAML on a second thread', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'goalpost-parallel-'));
    generateCompany(path.join(dir, 'small'), 6);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives what reading on one thread gives, whichever thread reads a file', async () => {
    for (const [unreadable, codes, yamlFiles] of [
      [false, ['unknown-key', 'unknown-person'], 14],
      [true, ['unknown-key', 'invalid-encoding', 'file-too-large'], 13],
    ] as const) {
      const files = withProblems(await readGoalsDirectory(path.join(dir, 'small')), unreadable);
      const alone = validateRepository(files);
      expect(new Set(alone.diagnostics.map((d) => d.code))).toEqual(new Set(codes));
      expect(alone.diagnostics.filter((d) => d.file.endsWith('2026/t00002.yaml'))).toEqual([]);
      // The worker alone reads the YAML files that can be decoded (the catalog, the settings, 6 teams, 6 goal sets, one of them not UTF-8 with `unreadable`).
      const byWorker = await loadInParallel(files, {}, startYamlWorker(workerUrl), false);
      expect(byWorker.readOnWorker).toBe(yamlFiles);
      expect(summary(checkRepository(combineLoaded(byWorker.loaded)))).toEqual(summary(alone));
      // Sharing the work, either thread may read any file.
      const shared = await loadInParallel(files, {}, startYamlWorker(workerUrl));
      expect(summary(checkRepository(combineLoaded(shared.loaded)))).toEqual(summary(alone));
    }
  });

  it('reads everything on this thread when the worker cannot start or fails', async () => {
    const files = withProblems(await readGoalsDirectory(path.join(dir, 'small')), true);
    const alone = summary(validateRepository(files));
    for (const worker of [undefined, startYamlWorker(pathToFileURL(path.join(dir, 'no-such-worker.js')))]) {
      const { loaded, readOnWorker } = await loadInParallel(files, {}, worker, false);
      expect(readOnWorker).toBe(0);
      expect(summary(checkRepository(combineLoaded(loaded)))).toEqual(alone);
    }
  });

  it('is what goalpost validate does for a large repository, with the same output as on one thread', async () => {
    const company = path.join(dir, 'large');
    const generated = generateCompany(company, 360);
    expect(generated.yamlBytes).toBeGreaterThan(parallelYamlBytes);
    const goalSet = path.join(company, '2026/t00007.yaml');
    writeFileSync(goalSet, readFileSync(goalSet, 'utf8').replace(/target: (\d+)/, 'target: 1'));
    const run = (env: Record<string, string>) =>
      promisify(execFile)(process.execPath, [path.join(repoRoot, 'bin/goalpost.js'), 'validate', company, '--format', 'json'], { env: { ...process.env, ...env }, maxBuffer: 1 << 26 }).catch(
        (error: { stdout: string; code: number }) => ({ stdout: error.stdout, code: error.code }),
      );
    const [twoThreads, oneThread] = await Promise.all([run({}), run({ GOALPOST_THREADS: '1' })]);
    expect(twoThreads.stdout).toContain('breakdown-sum');
    expect(twoThreads.stdout).toBe(oneThread.stdout);
  }, 60_000);
});
