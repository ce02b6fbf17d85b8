import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { GoalsModel } from '../model/model.js';

/** A semantic check: a pure function of the model that returns what it finds. */
export interface Check {
  name: string;
  /** The codes this check can report. */
  codes: readonly DiagnosticCode[];
  run(model: GoalsModel): Diagnostic[];
}
