import { runChecks } from './checks/index.js';
import type { DiagnosticCode } from './diagnostics/codes.js';
import { compareDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import type { LoadOptions, RepositoryFile } from './load/load-file.js';
import { loadRepository, type LoadCache, type LoadedRepository } from './load/load-repository.js';
import type { GoalsModel } from './model/model.js';

export interface ValidationResult {
  model: GoalsModel;
  /** Every problem found, sorted by file, position and code. */
  diagnostics: Diagnostic[];
}

/**
 * What a check reports as unknown may be defined in a file that goalpost
 * could not read, and a plan that does not add up across files may be
 * completed by one (a team's goal set with a tab in it adds nothing to the
 * company's roll-up). While a file cannot be read, those reports would be
 * guesses (a KPI catalog with a tab in it would make every KPI unknown), so
 * they wait until it can.
 */
const codesThatWaitForEveryFile: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'unknown-kpi',
  'unknown-team',
  'unknown-person',
  'unknown-goal',
  'unknown-source',
  'checkin-without-goal-set',
  'unknown-dimension-value',
  'rollup-sum',
  'rollup-mismatch',
  'rollup-missing',
  'actuals-rollup-mismatch',
]);

/** What the checks found, without the reports that wait until every file can be read. */
export function withoutGuesses(found: Diagnostic[], unreadableFiles: readonly string[]): Diagnostic[] {
  return unreadableFiles.length === 0 ? found : found.filter((diagnostic) => !codesThatWaitForEveryFile.has(diagnostic.code));
}

/** Loads a goals repository and runs every check on it. */
export function validateRepository(files: readonly RepositoryFile[], options: LoadOptions = {}, cache?: LoadCache): ValidationResult {
  return checkRepository(loadRepository(files, options, cache));
}

/** Runs every check on a loaded repository (see `loadInParallel`). */
export function checkRepository({ model, diagnostics, unreadableFiles }: LoadedRepository): ValidationResult {
  return { model, diagnostics: [...diagnostics, ...withoutGuesses(runChecks(model), unreadableFiles)].sort(compareDiagnostics) };
}
