import { runChecks } from './checks/index.js';
import { compareDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import type { LoadOptions, RepositoryFile } from './load/load-file.js';
import { loadRepository, type LoadCache } from './load/load-repository.js';
import type { GoalsModel } from './model/model.js';

export interface ValidationResult {
  model: GoalsModel;
  /** Every problem found, sorted by file, position and code. */
  diagnostics: Diagnostic[];
}

/** Loads a goals repository and runs every check on it. */
export function validateRepository(files: readonly RepositoryFile[], options: LoadOptions = {}, cache?: LoadCache): ValidationResult {
  const { model, diagnostics } = loadRepository(files, options, cache);
  return { model, diagnostics: [...diagnostics, ...runChecks(model)].sort(compareDiagnostics) };
}
