import type { LoadedFile } from './load-file.js';
import type { LoadedFileCache } from './load-repository.js';

/**
 * The loaded files of a process that validates again and again (the
 * language server), kept in memory by cache key: the key holds the file's
 * path and bytes, so an edit reads again only the file that changed, YAML
 * or CSV. What a validation did not use (a file changed or gone since) is
 * dropped by `sweep`, so the cache holds one entry per file at most.
 */
export class MemoryLoadCache implements LoadedFileCache {
  private readonly entries = new Map<string, LoadedFile>();
  private readonly used = new Set<string>();

  loaded(key: string): LoadedFile | undefined {
    const entry = this.entries.get(key);
    if (entry) this.used.add(key);
    return entry;
  }

  keep(key: string, file: LoadedFile): void {
    this.entries.set(key, file);
    this.used.add(key);
  }

  /** Drops the entries that the validation since the last sweep did not use. */
  sweep(): void {
    for (const key of this.entries.keys()) if (!this.used.has(key)) this.entries.delete(key);
    this.used.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
