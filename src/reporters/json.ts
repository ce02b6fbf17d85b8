import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { printableJson } from '../text/terminal.js';

/** The diagnostics as a JSON array, each with exactly the fields of a Diagnostic. */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  const plain = diagnostics.map(({ code, severity, message, file, line, column, endLine, endColumn }) => ({
    file,
    line,
    column,
    endLine,
    endColumn,
    severity,
    code,
    message,
  }));
  return printableJson(plain);
}
