import { execFile, type ExecFileOptions } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixtureFiles, repoRoot } from './fixtures.js';

/** What the goalpost executable did: its exit status and what it printed. */
export interface ExecutableResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs bin/goalpost.js as a user would, in its own process; never rejects. */
export function runGoalpost(args: readonly string[], options: ExecFileOptions = {}): Promise<ExecutableResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(repoRoot, 'bin/goalpost.js'), ...args], { cwd: repoRoot, maxBuffer: 256 * 1024 * 1024, ...options }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

export function writeFileIn(dir: string, file: string, content: string | Uint8Array): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), content);
}

/** A goals folder on disk: tests/fixtures/base with some files replaced or added. */
export function materialiseBase(overrides: Record<string, string | Uint8Array>, prefix = 'goalpost-hostile-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const file of fixtureFiles('base')) writeFileIn(dir, file.path, file.bytes);
  for (const [file, content] of Object.entries(overrides)) writeFileIn(dir, file, content);
  return dir;
}
