import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import { cacheKey, openStoredFile, storedFile, toCachedFile, type CachedFile } from '../../src/load/cache.js';
import { loadFile } from '../../src/load/load-file.js';
import { fixtureFiles, fixturesDir } from '../helpers/fixtures.js';

async function validate(cwd: string, extra: string[] = []) {
  let stdout = '';
  let stderr = '';
  const code = await cli(['validate', 'goals', '--format', 'json', ...extra], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, env: {}, cwd });
  return { code, stdout, stderr };
}

const workspaces: string[] = [];
afterAll(() => {
  for (const dir of workspaces) rmSync(dir, { recursive: true, force: true });
});

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'goalpost-cache-'));
  workspaces.push(dir);
  cpSync(path.join(fixturesDir, 'base'), path.join(dir, 'goals'), { recursive: true });
  cpSync(path.join(fixturesDir, 'checks/breakdown-sum'), path.join(dir, 'goals'), { recursive: true });
  return dir;
}

describe('validate --cache', () => {
  it('gives the same diagnostics, with the same positions, from the cache', async () => {
    const dir = workspace();
    const fresh = await validate(dir);
    const first = await validate(dir, ['--cache', '.cache']);
    const cached = JSON.parse(readFileSync(path.join(dir, '.cache/goalpost-cache.json'), 'utf8')) as { entries: unknown[] };
    expect(cached.entries).toHaveLength(3); // the three YAML files; the CSV is scanned every time
    const second = await validate(dir, ['--cache', '.cache']);
    expect(first).toEqual(fresh);
    expect(second).toEqual(fresh);
    expect(JSON.parse(second.stdout)).toHaveLength(3);
  });

  it('never uses an entry for a file that changed, and always runs the checks across files', async () => {
    const dir = workspace();
    await validate(dir, ['--cache', '.cache']);
    // Removing csat from the catalog breaks the goal set, which is unchanged and cached.
    const kpis = path.join(dir, 'goals/kpis.yaml');
    writeFileSync(kpis, readFileSync(kpis, 'utf8').replace(/^ {2}csat:.*\n/m, ''));
    const after = JSON.parse((await validate(dir, ['--cache', '.cache'])).stdout) as { code: string; line: number }[];
    expect(after.map((d) => `${d.code} ${d.line}`)).toContain('unknown-kpi 26');
    expect(after.map((d) => d.code)).not.toContain('breakdown-mismatch');
  });

  it('ignores a damaged cache, and one written by another version', async () => {
    const dir = workspace();
    const fresh = await validate(dir);
    await validate(dir, ['--cache', '.cache']);
    const cacheFile = path.join(dir, '.cache/goalpost-cache.json');
    const written = JSON.parse(readFileSync(cacheFile, 'utf8')) as { format: number; version: string; entries: unknown[] };
    writeFileSync(cacheFile, JSON.stringify(written).slice(0, 200));
    expect(await validate(dir, ['--cache', '.cache'])).toEqual(fresh);
    writeFileSync(cacheFile, JSON.stringify({ ...written, version: '0.0.0-other' }));
    expect(await validate(dir, ['--cache', '.cache'])).toEqual(fresh);
  });
});

describe('a stored cache entry', () => {
  const file = fixtureFiles('base').find((f) => f.path === '2026-Q4/marketing.yaml')!;
  const key = cacheKey(file, {});
  const entry = toCachedFile(key, loadFile(file));
  const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

  it('is believed when this build sealed it, after a trip through JSON', () => {
    expect(openStoredFile(roundTrip(storedFile(entry, 'build-a')), 'build-a')).toEqual(roundTrip(entry));
  });

  it('is a miss when another build sealed it, or its content changed after sealing', () => {
    expect(openStoredFile(roundTrip(storedFile(entry, 'build-a')), 'build-b')).toBeUndefined();
    const edited = roundTrip(storedFile(entry, 'build-a')) as CachedFile;
    edited.diagnostics = [];
    edited.documents[0]!.index = 1;
    expect(openStoredFile(edited, 'build-a')).toBeUndefined();
  });

  it('is a miss when it does not have the shape this build writes, even with a valid seal', () => {
    const misshapen: CachedFile[] = [
      { ...entry, key: 'not a hash' },
      { ...entry, documents: [{ ...entry.documents[0]!, kind: 'Payroll' as never }] },
      { ...entry, documents: [{ ...entry.documents[0]!, data: [] }] },
      { ...entry, documents: [{ ...entry.documents[0]!, index: 0.5 }] },
      { ...entry, diagnostics: [{ code: 'unknown-kpi', severity: 'fatal' as never, message: 'm', file: file.path, line: 1, column: 1, endLine: 1, endColumn: 2 }] },
      { ...entry, diagnostics: [{ code: 'no-such-code' as never, severity: 'error', message: 'm', file: file.path, line: 1, column: 1, endLine: 1, endColumn: 2 }] },
      { ...entry, diagnostics: [{ code: 'unknown-kpi', severity: 'error', message: 'm', file: file.path, line: 0, column: 1, endLine: 1, endColumn: 2 }] },
    ];
    for (const value of misshapen) expect(openStoredFile(roundTrip(storedFile(value, 'build-a')), 'build-a')).toBeUndefined();
    for (const value of [null, 42, 'entry', [], { ...storedFile(entry, 'build-a'), extra: 1 }]) expect(openStoredFile(roundTrip(value), 'build-a')).toBeUndefined();
  });
});
