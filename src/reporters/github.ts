import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** The runner's escaping of a command's message (its data). */
const escapeData = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** A property value also must not contain the `:` and `,` that delimit properties. */
const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * The position properties of an annotation. GitHub's end column is
 * inclusive where ours is exclusive. The runner drops the columns when the
 * start and end lines differ, and drops the lines altogether when the end is
 * before the start, so a range only gets an end when it is a real one.
 */
function position(d: Diagnostic): string {
  if (d.endLine === d.line && d.endColumn > d.column) {
    return `line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn - 1}`;
  }
  // A range that ends at column 1 ends with the line break of the line before.
  const lastLine = d.endColumn === 1 ? d.endLine - 1 : d.endLine;
  if (lastLine > d.line) return `line=${d.line},endLine=${lastLine}`;
  return `line=${d.line},col=${d.column}`;
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
