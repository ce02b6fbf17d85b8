import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import { fixturesDir } from '../helpers/fixtures.js';

async function validate(cwd: string, extra: string[] = []) {
  let stdout = '';
  const code = await cli(['validate', 'goals', '--format', 'json', ...extra], { stdout: (t) => (stdout += t), stderr: () => undefined, isTTY: false, env: {}, cwd });
  return { code, stdout };
}

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'goalpost-cache-'));
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

  it('ignores a damaged cache', async () => {
    const dir = workspace();
    const fresh = await validate(dir);
    await validate(dir, ['--cache', '.cache']);
    writeFileSync(path.join(dir, '.cache/goalpost-cache.json'), '{"format": 1, "version": "0.1.0", "entries": [{"key": 42');
    expect(await validate(dir, ['--cache', '.cache'])).toEqual(fresh);
    writeFileSync(path.join(dir, '.cache/goalpost-cache.json'), JSON.stringify({ format: 1, version: '0.0.0-other', entries: [] }));
    expect(await validate(dir, ['--cache', '.cache'])).toEqual(fresh);
  });
});
