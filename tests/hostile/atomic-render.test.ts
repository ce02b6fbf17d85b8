import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { generateCompany } from '../../bench/generate.js';
import { repoRoot } from '../helpers/fixtures.js';

function contents(dir: string, prefix = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(path.join(dir, prefix))) {
    const relative = prefix === '' ? name : `${prefix}/${name}`;
    if (name.startsWith('.goalpost-staging-')) continue;
    if (statSync(path.join(dir, relative)).isDirectory()) for (const [p, c] of contents(dir, relative)) files.set(p, c);
    else files.set(relative, readFileSync(path.join(dir, relative), 'utf8'));
  }
  return files;
}

function render(goals: string, out: string, locale: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/goalpost.js'), 'render', goals, '--out', out, '--locale', locale, '--no-history'], { stdio: 'ignore' });
    child.on('close', (code) => resolve(code ?? -1));
  });
}

describe('an interrupted render', () => {
  it('leaves every scorecard either as it was or complete', { timeout: 120_000 }, async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'goalpost-atomic-'));
    onTestFinished(() => rmSync(scratch, { recursive: true, force: true }));
    const goals = path.join(scratch, 'goals');
    generateCompany(goals, 40);
    const out = path.join(scratch, 'out');
    const reference = path.join(scratch, 'reference');
    expect(await render(goals, out, 'en')).toBe(0);
    expect(await render(goals, reference, 'zh-CN')).toBe(0);
    const before = contents(out);
    const after = contents(reference);
    expect(before.size).toBe(after.size);

    // Render again in the other language, and kill it as soon as the first new file is in place.
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/goalpost.js'), 'render', goals, '--out', out, '--locale', 'zh-CN', '--no-history'], { stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
    const index = path.join(out, 'index.md');
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && readFileSync(index, 'utf8') === before.get('index.md')) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    await exited;

    const now = contents(out);
    expect([...now.keys()].sort()).toEqual([...before.keys()].sort());
    let renewed = 0;
    for (const [file, text] of now) {
      const isOld = text === before.get(file);
      const isNew = text === after.get(file);
      expect(isOld || isNew, `${file} is neither the old nor the new scorecard`).toBe(true);
      if (isNew) renewed++;
    }
    expect(renewed).toBeGreaterThan(0);

    // The next render finishes the job and clears what the killed one left behind.
    expect(await render(goals, out, 'zh-CN')).toBe(0);
    expect(contents(out)).toEqual(after);
    expect(readdirSync(out).filter((name) => name.startsWith('.goalpost-staging-'))).toEqual([]);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
  });
});
