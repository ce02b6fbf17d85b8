// The public API of goalpost: load a goals repository, check it, and format what was found.
export { validateRepository, type ValidationResult } from './validate.js';
export { loadRepository, type LoadedRepository } from './load/load-repository.js';
export type { LoadOptions, RepositoryFile } from './load/load-file.js';
export { readGoalsDirectory } from './load/read-directory.js';
export { checks, runChecks, type Check } from './checks/index.js';
export type { Diagnostic, Severity } from './diagnostics/diagnostic.js';
export { diagnosticCodes, type DiagnosticCode } from './diagnostics/codes.js';
export { formatText } from './reporters/text.js';
export { formatJson } from './reporters/json.js';
export type * from './model/model.js';
export { schemaByKind } from './model/schema/index.js';
export { scoreRepository, type ScoreReport, type TeamScore, type GoalScore, type BreakdownScore, type ScoreOptions } from './score/score.js';
export type { Status } from './score/rules.js';
export { renderScorecards, type RenderOptions, type OutputFile, type OutputFormat } from './render/render.js';
export { loadTemplates } from './render/templates.js';
