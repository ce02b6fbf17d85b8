import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Vitest global setup: gives the whole test run one temporary folder and
 * removes it at the end. TMPDIR points there before any test worker starts,
 * so every mkdtemp of a test (and of the goalpost, git and npm processes
 * the tests start, which inherit the environment) lands inside it and
 * nothing is left behind, even by a test that fails half-way.
 */
export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'goalpost-tests-'));
  // Like /tmp itself: tests that drop privileges still reach their folders in it and make new ones.
  chmodSync(root, 0o1777);
  const previous = process.env['TMPDIR'];
  process.env['TMPDIR'] = root;
  return () => {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
