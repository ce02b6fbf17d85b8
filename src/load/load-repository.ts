import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { GoalsModel } from '../model/model.js';
import { buildModel } from './build-model.js';
import { loadFile, type LoadedFile, type LoadOptions, type RepositoryFile } from './load-file.js';

export interface LoadedRepository {
  model: GoalsModel;
  /** Problems found while reading files: encoding, YAML syntax, headers, schemas, CSV shape. */
  diagnostics: Diagnostic[];
}

/**
 * Files to model. The only way into goalpost's core: the CLI passes files
 * read from disk, the language server passes editor buffers, and tests pass
 * files written in memory. Files are loaded one by one (each result depends
 * on its own bytes only) and then combined.
 */
export function loadRepository(files: readonly RepositoryFile[], options: LoadOptions = {}): LoadedRepository {
  const loaded: LoadedFile[] = [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((file) => loadFile(file, options));
  return {
    model: buildModel(loaded),
    diagnostics: loaded.flatMap((file) => file.diagnostics),
  };
}
