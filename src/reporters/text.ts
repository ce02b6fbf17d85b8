import { countBySeverity, type Diagnostic } from '../diagnostics/diagnostic.js';
import { escapeTerminal } from '../text/terminal.js';

export interface TextReportOptions {
  /** ANSI colours, for a terminal. */
  color: boolean;
}

const styles = { bold: [1, 22], dim: [2, 22], red: [31, 39], yellow: [33, 39], green: [32, 39], underline: [4, 24] } as const;

/**
 * One line per problem, `file:line:column severity code message`, so editors
 * and terminals can jump to it; files separated by a blank line, and a
 * closing summary. File names and messages (which quote the files' text) are
 * escaped for the terminal, so that nothing in a goals file can start a line
 * of its own or send the terminal an escape sequence.
 */
export function formatText(diagnostics: readonly Diagnostic[], options: TextReportOptions): string {
  const paint = (style: keyof typeof styles, text: string): string =>
    options.color ? `\u001b[${styles[style][0]}m${text}\u001b[${styles[style][1]}m` : text;
  const lines: string[] = [];
  let previousFile: string | undefined;
  for (const d of diagnostics) {
    if (previousFile !== undefined && d.file !== previousFile) lines.push('');
    previousFile = d.file;
    const location = paint('underline', `${escapeTerminal(d.file)}:${d.line}:${d.column}`);
    const severity = d.severity === 'error' ? paint('red', 'error') : paint('yellow', 'warning');
    lines.push(`${location} ${severity} ${paint('dim', d.code)} ${escapeTerminal(d.message)}`);
  }
  const { errors, warnings } = countBySeverity(diagnostics);
  if (lines.length > 0) lines.push('');
  if (errors === 0 && warnings === 0) lines.push(paint('green', '✓ No problems found.'));
  else {
    const summary = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
    lines.push(errors > 0 ? paint('red', paint('bold', `✖ ${summary}`)) : paint('yellow', `⚠ ${summary}`));
  }
  return `${lines.join('\n')}\n`;
}
