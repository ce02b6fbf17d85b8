import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { GoalsModel } from '../model/model.js';
import { buildModel } from './build-model.js';
import { cacheKey, fromCachedFile, isCacheable, toCachedFile, type CachedFile } from './cache.js';
import { decodeFile } from './decode.js';
import { isUnreadable, isYamlPath, loadFile, type LoadedFile, type LoadOptions, type RepositoryFile } from './load-file.js';

/** Loaded files by cache key, kept between runs (see `goalpost validate --cache`). */
export interface LoadCache {
  get(key: string): CachedFile | undefined;
  set(key: string, file: CachedFile): void;
}

export interface LoadedRepository {
  model: GoalsModel;
  /** Problems found while reading files: encoding, YAML syntax, headers, schemas, CSV shape. */
  diagnostics: Diagnostic[];
  /** The YAML files that goalpost could not read to one meaning: the model lacks whatever they define. */
  unreadableFiles: string[];
}

/**
 * Files to model. The only way into goalpost's core: the CLI passes files
 * read from disk, the language server passes editor buffers, and tests pass
 * files written in memory. Files are loaded one by one (each result depends
 * on its own bytes only) and then combined.
 */
export function loadRepository(files: readonly RepositoryFile[], options: LoadOptions = {}, cache?: LoadCache): LoadedRepository {
  const loaded: LoadedFile[] = [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((file) => {
      if (!cache) return loadFile(file, options);
      const key = cacheKey(file, options);
      const cached = cache.get(key);
      // An entry is used only when it is for exactly these bytes; anything else is loaded afresh.
      if (cached?.key === key) {
        const { source } = decodeFile(file.path, file.bytes, options.maxFileBytes, file.size);
        if (source) return fromCachedFile(source, cached);
      }
      const result = loadFile(file, options);
      if (isCacheable(result)) cache.set(key, toCachedFile(key, result));
      return result;
    });
  return combineLoaded(loaded);
}

/** Loaded files, in the order of their paths, combined into the model. */
export function combineLoaded(loaded: readonly LoadedFile[]): LoadedRepository {
  return {
    model: buildModel(loaded),
    diagnostics: loaded.flatMap((file) => file.diagnostics),
    unreadableFiles: loaded.filter((file) => isYamlPath(file.path) && isUnreadable(file)).map((file) => file.path),
  };
}
