import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { expect, it } from 'vitest';
import { actionBuildOptions } from '../../scripts/build-action.js';
import { repoRoot } from '../helpers/fixtures.js';

it('dist/ is the bundle that src/ builds (run npm run build:action after changing the code)', async () => {
  const result = await build({ ...actionBuildOptions, write: false, logLevel: 'silent' });
  expect(result.outputFiles.length).toBeGreaterThan(0);
  for (const file of result.outputFiles) {
    const relative = path.relative(repoRoot, file.path);
    expect(readFileSync(file.path, 'utf8') === file.text, `${relative} is stale`).toBe(true);
  }
});

it('action.yml runs the bundle on the newest Node runtime for actions', () => {
  const action = readFileSync(path.join(repoRoot, 'action.yml'), 'utf8');
  expect(action).toMatch(/^runs:\n {2}using: node24\n {2}main: dist\/index\.js$/m);
});
