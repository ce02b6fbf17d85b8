import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checks } from '../../src/checks/index.js';
import { diagnosticCodes } from '../../src/diagnostics/codes.js';
import { fixturesDir, repoRoot, validateFixture } from '../helpers/fixtures.js';

const allCodes = Object.keys(diagnosticCodes).sort();

describe('diagnostic codes', () => {
  it('are all documented in the README table, and the table names no other', () => {
    const readme = readFileSync(`${repoRoot}README.md`, 'utf8');
    const documented = [...readme.matchAll(/^\| `([a-z0-9-]+)` \| (?:error|warning) \|/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual(allCodes);
  });

  it('are kebab-case, and every registered check reports only catalogued codes', () => {
    for (const code of allCodes) expect(code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
    for (const check of checks) for (const code of check.codes) expect(allCodes).toContain(code);
  });

  it('each have a failing fixture under tests/fixtures/checks (those about raw bytes and sizes are tested in tests/load)', () => {
    // closed-goal-set-changed compares two versions: goalpost diff reports it (tests/diff).
    const produced = new Set<string>(['file-too-large', 'invalid-encoding', 'yaml-alias-limit', 'nesting-too-deep', 'closed-goal-set-changed']);
    for (const name of readdirSync(`${fixturesDir}checks`)) for (const d of validateFixture(`checks/${name}`)) produced.add(d.code);
    expect([...produced].sort()).toEqual(allCodes);
  });
});
