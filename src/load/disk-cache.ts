import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { version } from '../version.js';
import { openStoredFile, storedFile, type CachedFile } from './cache.js';
import type { LoadCache } from './load-repository.js';

const fileName = 'goalpost-cache.json';
const format = 2;

/**
 * The id of the goalpost build that runs: its version and the bytes of the
 * file that holds this module. In the bundled executable that file imports
 * every other chunk by a name made from the chunk's content, so a change
 * anywhere in the code gives another id.
 */
function currentBuildId(): string {
  const hash = createHash('sha256').update(`goalpost ${version}\u0000`);
  try {
    hash.update(readFileSync(fileURLToPath(import.meta.url)));
  } catch {
    // Code that cannot read itself cannot tell its build: an id of its own for this run means nothing cached is believed.
    hash.update(randomBytes(32));
  }
  return hash.digest('hex');
}

/** The entries of a cache file of this format and goalpost version, unchecked; none for anything else. */
function storedEntries(file: string): unknown[] {
  try {
    // Only a regular file is read: a pipe or a link to a device in its place would never end.
    if (!statSync(file).isFile()) return [];
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; version?: unknown; entries?: unknown };
    return stored.format === format && stored.version === version && Array.isArray(stored.entries) ? stored.entries : [];
  } catch {
    return []; // no cache yet, or one that cannot be read: start afresh
  }
}

/**
 * The load cache in a folder (for `--cache`): one JSON file holding the
 * loaded form of every YAML file of the last run, by content hash. Each
 * entry is believed only when it has the exact shape this build writes and
 * carries the seal of this build over its content; anything else is a miss,
 * never an error. Writing keeps only the entries this run used, so it does not grow.
 */
export class DiskCache implements LoadCache {
  private readonly used = new Map<string, CachedFile>();

  private constructor(
    private readonly dir: string,
    private readonly buildId: string,
    private readonly entries: ReadonlyMap<string, CachedFile>,
  ) {}

  static open(dir: string): DiskCache {
    const buildId = currentBuildId();
    const entries = new Map<string, CachedFile>();
    for (const value of storedEntries(path.join(dir, fileName))) {
      const entry = openStoredFile(value, buildId);
      if (entry) entries.set(entry.key, entry);
    }
    return new DiskCache(dir, buildId, entries);
  }

  get(key: string): CachedFile | undefined {
    const entry = this.entries.get(key);
    if (entry) this.used.set(key, entry);
    return entry;
  }

  set(key: string, file: CachedFile): void {
    this.used.set(key, file);
  }

  /**
   * Writes the entries of this run, atomically: a run killed half-way leaves
   * the previous cache. Throws the file system's error when the folder cannot
   * be written; the caller decides that this is only a warning.
   */
  write(): void {
    mkdirSync(this.dir, { recursive: true });
    const target = path.join(this.dir, fileName);
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      const entries = [...this.used.values()].map((entry) => storedFile(entry, this.buildId));
      writeFileSync(temporary, JSON.stringify({ format, version, entries }));
      renameSync(temporary, target);
    } finally {
      rmSync(temporary, { force: true });
    }
  }
}
