import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { version } from '../version.js';
import type { CachedFile } from './cache.js';
import type { LoadCache } from './load-repository.js';

const fileName = 'goalpost-cache.json';
const format = 1;

/**
 * The load cache in a folder (for `--cache`): one JSON file holding the
 * loaded form of every YAML file of the last run, by content hash. A cache that cannot be
 * read, from another format or another goalpost version, is ignored as a
 * whole; writing keeps only the entries this run used, so it does not grow.
 */
export class DiskCache implements LoadCache {
  private readonly used = new Map<string, CachedFile>();

  private constructor(
    private readonly dir: string,
    private readonly entries: ReadonlyMap<string, CachedFile>,
  ) {}

  static open(dir: string): DiskCache {
    let entries = new Map<string, CachedFile>();
    try {
      const stored = JSON.parse(readFileSync(path.join(dir, fileName), 'utf8')) as { format?: unknown; version?: unknown; entries?: unknown };
      if (stored.format === format && stored.version === version && Array.isArray(stored.entries)) {
        entries = new Map((stored.entries as CachedFile[]).map((entry) => [entry.key, entry]));
      }
    } catch {
      // No cache yet, or a damaged one: start afresh.
    }
    return new DiskCache(dir, entries);
  }

  get(key: string): CachedFile | undefined {
    const entry = this.entries.get(key);
    if (entry) this.used.set(key, entry);
    return entry;
  }

  set(key: string, file: CachedFile): void {
    this.used.set(key, file);
  }

  /** Writes the entries of this run, atomically: a run killed half-way leaves the previous cache. */
  write(): void {
    mkdirSync(this.dir, { recursive: true });
    const target = path.join(this.dir, fileName);
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      writeFileSync(temporary, JSON.stringify({ format, version, entries: [...this.used.values()] }));
      renameSync(temporary, target);
    } finally {
      rmSync(temporary, { force: true });
    }
  }
}
