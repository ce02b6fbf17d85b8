import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { version } from '../src/version.js';
import { repoRoot } from './helpers/fixtures.js';

it('the version in the code is the version of the package', () => {
  expect(version).toBe((JSON.parse(readFileSync(`${repoRoot}package.json`, 'utf8')) as { version: string }).version);
});
