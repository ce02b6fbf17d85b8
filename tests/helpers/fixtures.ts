import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { RepositoryFile } from '../../src/load/load-file.js';
import { validateRepository } from '../../src/validate.js';

export const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function readTree(dir: string, prefix = ''): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const name of readdirSync(dir)) {
    const absolute = path.join(dir, name);
    const relative = prefix === '' ? name : `${prefix}/${name}`;
    if (statSync(absolute).isDirectory()) for (const [p, b] of readTree(absolute, relative)) files.set(p, b);
    else files.set(relative, readFileSync(absolute));
  }
  return files;
}

/**
 * The files of a check fixture: tests/fixtures/base with the fixture's own
 * files laid over it (same relative path replaces the base file), so each
 * fixture holds only what it breaks.
 */
export function fixtureFiles(name: string): RepositoryFile[] {
  const files = readTree(path.join(fixturesDir, 'base'));
  if (name !== 'base') for (const [p, bytes] of readTree(path.join(fixturesDir, name))) files.set(p, bytes);
  return [...files].map(([p, bytes]) => ({ path: p, bytes }));
}

/** The files of a fixture folder alone, without the base. */
export function standaloneFixtureFiles(name: string): RepositoryFile[] {
  return [...readTree(path.join(fixturesDir, name))].map(([p, bytes]) => ({ path: p, bytes }));
}

/** The base fixture with some files replaced by the given texts. */
export function baseWith(overrides: Record<string, string | Uint8Array>): RepositoryFile[] {
  const files = new Map(fixtureFiles('base').map((f) => [f.path, f.bytes]));
  for (const [p, content] of Object.entries(overrides)) files.set(p, typeof content === 'string' ? Buffer.from(content) : content);
  return [...files].map(([p, bytes]) => ({ path: p, bytes }));
}

export function validateFixture(name: string): Diagnostic[] {
  return validateRepository(fixtureFiles(name)).diagnostics;
}

/** Diagnostics cut down to what a test asserts: code, file and exact position. */
export function positions(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn}`);
}
