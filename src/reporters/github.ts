import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { escapeTerminal } from '../text/terminal.js';

/**
 * A command's data, the message a person reads in the annotation and the log:
 * line breaks and other acting characters are shown as escapes, as in the
 * text report, so that nothing quoted from a goals file can end the command's
 * line and start a command of its own; then `%`, which the runner decodes,
 * is percent-encoded as @actions/core does.
 */
const escapeData = (text: string): string => escapeTerminal(text).replace(/%/g, '%25');

/**
 * A property value, which the runner decodes back exactly (so that an
 * annotation lands on its file whatever the file's name): `%`, the line
 * breaks, and the `:` and `,` that delimit properties, percent-encoded.
 */
const escapeProperty = (text: string): string => text.replace(/[%\r\n:,]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

/** Where an annotation goes, in GitHub's terms (1-based lines and columns, end column inclusive). */
export interface AnnotationRange {
  startLine: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

/**
 * The range of an annotation. GitHub's end column is inclusive where ours is
 * exclusive. The runner drops the columns when the start and end lines
 * differ, and drops the lines altogether when the end is before the start,
 * so a range only gets an end when it is a real one.
 */
export function annotationRange(d: Diagnostic): AnnotationRange {
  if (d.endLine === d.line && d.endColumn > d.column) {
    return { startLine: d.line, endLine: d.endLine, startColumn: d.column, endColumn: d.endColumn - 1 };
  }
  // A range that ends at column 1 ends with the line break of the line before.
  const lastLine = d.endColumn === 1 ? d.endLine - 1 : d.endLine;
  if (lastLine > d.line) return { startLine: d.line, endLine: lastLine };
  return { startLine: d.line, startColumn: d.column };
}

function position(d: Diagnostic): string {
  const range = annotationRange(d);
  const parts = [`line=${range.startLine}`];
  if (range.startColumn !== undefined) parts.push(`col=${range.startColumn}`);
  if (range.endLine !== undefined) parts.push(`endLine=${range.endLine}`);
  if (range.endColumn !== undefined) parts.push(`endColumn=${range.endColumn}`);
  return parts.join(',');
}

/**
 * GitHub Actions workflow commands (`::error file=...::message`), one line per
 * diagnostic, which the runner turns into annotations on the pull request.
 * Errors come first, so that the limits GitHub puts on annotations (10 of
 * each level per step, 50 per job) cut warnings rather than errors.
 */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  const ordered = [...diagnostics.filter((d) => d.severity === 'error'), ...diagnostics.filter((d) => d.severity !== 'error')];
  return ordered
    .map(
      (d) =>
        `::${d.severity} file=${escapeProperty(d.file)},${position(d)},title=${escapeProperty(`goalpost ${d.code}`)}::${escapeData(d.message)}\n`,
    )
    .join('');
}
