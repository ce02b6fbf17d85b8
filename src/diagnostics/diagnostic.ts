import { defaultSeverity, type DiagnosticCode } from './codes.js';
import type { SourceText } from '../load/source-text.js';

export type Severity = 'error' | 'warning';

/**
 * One problem found in a goals repository. Lines and columns are 1-based;
 * columns count UTF-16 code units (as editors, LSP and JavaScript strings do),
 * so a CJK character is one column. The end is exclusive: `endColumn` is the
 * column just after the last character of the offending node.
 */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A stretch of one source text, as character offsets. */
export interface Span {
  source: SourceText;
  start: number;
  end: number;
}

export function diagnosticAt(
  span: Span,
  code: DiagnosticCode,
  message: string,
  severity: Severity = defaultSeverity(code),
): Diagnostic {
  const start = span.source.position(span.start);
  const end = span.source.position(Math.max(span.end, span.start));
  return {
    code,
    severity,
    message,
    file: span.source.path,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
  };
}

/** Deterministic order: file, then position, then code. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    a.line - b.line ||
    a.column - b.column ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}
