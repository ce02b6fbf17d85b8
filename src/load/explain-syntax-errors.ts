import { isCollection, visit, type Document, type YAMLError } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticAt } from '../diagnostics/diagnostic.js';
import type { SourceText } from './source-text.js';

/**
 * One diagnostic for the syntax errors of a document, in plain words, at the
 * line the user must change. The parser goes on after its first error by
 * guessing, so the errors after the first are mostly echoes of it; and it
 * notices a mistake where the text stops making sense, which is often not
 * where the mistake is: an unclosed quote is noticed at the end of the file,
 * a key indented one space too far on the line before it. Each common mistake
 * is traced back to its cause here; any other error keeps the parser's words.
 */
export function explainSyntaxErrors(source: SourceText, doc: Document.Parsed, errors: readonly YAMLError[]): Diagnostic {
  const sorted = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const tooDeep = sorted.find((error) => error.code === 'RESOURCE_EXHAUSTION');
  if (tooDeep) return diagnosticAt({ source, start: tooDeep.pos[0], end: tooDeep.pos[1] }, 'nesting-too-deep', 'This document nests too deeply for goalpost to read it.');
  const traced = [unclosedQuote(source, doc, sorted), unclosedBracket(source, doc, sorted)].filter((explanation): explanation is Explanation => explanation !== undefined);
  const first = sorted[0]!;
  const explanations = traced.some((explanation) => explanation.error === first) ? traced : [...traced, explainFirst(source, first, sorted)];
  // The cause that comes first in the file explains the rest.
  const { start, end, message } = explanations.reduce((earliest, next) => (next.start < earliest.start ? next : earliest));
  return diagnosticAt({ source, start, end }, 'yaml-syntax', message);
}

interface Explanation {
  start: number;
  end: number;
  message: string;
  /** The parser's error that it explains, when it was traced back from one. */
  error?: YAMLError;
}

/** A quote that is never closed runs to the end of the file, where the parser notices it; the cause is the opening quote. */
function unclosedQuote(source: SourceText, doc: Document.Parsed, errors: readonly YAMLError[]): Explanation | undefined {
  const error = errors.find((e) => e.code === 'MISSING_CHAR' && /closing .?quote/i.test(e.message));
  if (!error) return undefined;
  let opening: number | undefined;
  visit(doc, {
    Scalar(_, scalar) {
      const range = scalar.range;
      if ((scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE') && range && range[0] < error.pos[0] && range[1] >= error.pos[0]) {
        if (opening === undefined || range[0] > opening) opening = range[0];
      }
    },
  });
  if (opening === undefined) return undefined;
  const quote = source.text[opening]!;
  return {
    error,
    start: opening,
    end: source.lineEnd(opening),
    message: `This text opens a ${quote} quote that is never closed, so YAML reads the rest of the file as part of it. Add the closing ${quote} where the text ends.`,
  };
}

/** A `{` or `[` that is never closed makes the next line look wrongly indented; the cause is the opening bracket. */
function unclosedBracket(source: SourceText, doc: Document.Parsed, errors: readonly YAMLError[]): Explanation | undefined {
  const error = errors.find((e) => /^(Flow (map|sequence) in block collection must|Expected flow (map|sequence) to end)/.test(e.message));
  if (!error) return undefined;
  let opening: number | undefined;
  visit(doc, {
    Node(_, node) {
      const range = node.range;
      if (isCollection(node) && node.flow && range && range[0] < error.pos[0] && range[1] >= error.pos[0]) {
        if (opening === undefined || range[0] > opening) opening = range[0];
      }
    },
  });
  if (opening === undefined) return undefined;
  const bracket = source.text[opening]!;
  const closing = bracket === '{' ? '}' : ']';
  const what = bracket === '{' ? 'mapping' : 'list';
  return {
    error,
    start: opening,
    end: opening + 1,
    message: `This ${bracket} is never closed. Add the closing ${closing} at the end of the ${what}, before the next line.`,
  };
}

function explainFirst(source: SourceText, first: YAMLError, errors: readonly YAMLError[]): Explanation {
  const [start, end] = first.pos;
  switch (first.code) {
    case 'TAB_AS_INDENT':
      return { start, end, message: 'This line is indented with a tab. YAML allows only spaces for indentation: replace the tab with spaces.' };
    case 'UNEXPECTED_TOKEN':
      if (/flow-(map|seq)-end/.test(first.message)) {
        const bracket = source.text[start]!;
        return { start, end, message: `This ${bracket} closes nothing: no ${bracket === '}' ? '{' : '['} before it is still open. Remove it.` };
      }
      break;
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'MISSING_CHAR':
      if (first.code === 'MISSING_CHAR' && !/^(Implicit map keys need to be followed|Sequence item without)/.test(first.message)) break;
      return (
        missingSpace(source, start) ??
        colonInValue(source, first, errors) ??
        // The parser read this line as the continuation of a value above it, and notices when it reaches the colon.
        wrongIndentation(source, first.code === 'MISSING_CHAR' && first.message.startsWith('Sequence') ? start : continuedLine(first, errors))
      );
    case 'BAD_INDENT':
      return wrongIndentation(source, start);
  }
  return { start, end, message: parserMessage(first.message) };
}

/** Where a key written over several lines ends: the line with the colon that the parser tripped over. */
function continuedLine(first: YAMLError, errors: readonly YAMLError[]): number {
  const multiline = errors.find((error) => error.code === 'MULTILINE_IMPLICIT_KEY' && error.pos[0] >= first.pos[0]);
  return multiline ? multiline.pos[1] : first.pos[1];
}

/** `owner:li.wei` is one piece of text to YAML; a key needs a space after its colon. */
function missingSpace(source: SourceText, offset: number): Explanation | undefined {
  const lineStart = source.lineStart(offset);
  const line = source.text.slice(lineStart, source.lineEnd(offset));
  const content = /^(?:\s*-\s+)*\s*/.exec(line)![0].length;
  if (lineStart + content !== offset) return undefined; // the error is not where a key starts
  const written = line.slice(content);
  const colon = written.search(/:\S/);
  if (colon <= 0 || /:\s|\s#/.test(written.slice(0, colon))) return undefined;
  const word = /^\S+/.exec(written)![0];
  const key = written.slice(0, colon);
  return {
    start: offset + colon,
    end: offset + colon + 1,
    message: `There is no space after the colon in "${word}", so YAML reads it as one piece of text, not as the key "${key}" and its value. Write "${key}: ${word.slice(colon + 1)}".`,
  };
}

/** `title: 目标: 销售额`: a second `: ` on the line of a value starts a key to YAML, unless the value is quoted. */
function colonInValue(source: SourceText, first: YAMLError, errors: readonly YAMLError[]): Explanation | undefined {
  if (first.code !== 'BLOCK_AS_IMPLICIT_KEY' || source.lineStart(continuedLine(first, errors)) !== source.lineStart(first.pos[0])) return undefined;
  const value = source.text.slice(first.pos[0], source.lineEnd(first.pos[0])).replace(/\s+#.*$/, '');
  if (!/:\s/.test(value)) return undefined;
  return {
    start: first.pos[0],
    end: first.pos[0] + value.length,
    message: `YAML reads the ": " in this value as the start of another key. Put the value in quotes: "${value.replace(/"/g, '\\"')}".`,
  };
}

/** A line indented to no level of the lines above it, with the level it most likely means. */
function wrongIndentation(source: SourceText, offset: number): Explanation {
  const lineStart = source.lineStart(offset);
  const line = source.text.slice(lineStart, source.lineEnd(offset));
  const indent = /^ */.exec(line)![0].length;
  const start = lineStart + indent;
  const end = Math.max(source.lineEnd(offset), start + 1);
  const isItem = /^-(\s|$)/.test(line.slice(indent));
  const levels = openLevels(source, lineStart);
  const alike = levels.filter((level) => level.isItem === isItem);
  const nearest = (alike.length > 0 ? alike : levels).reduce<Level | undefined>((best, level) => {
    if (!best) return level;
    const distance = Math.abs(level.column - indent);
    const bestDistance = Math.abs(best.column - indent);
    return distance < bestDistance || (distance === bestDistance && level.column > best.column) ? level : best;
  }, undefined);
  if (!nearest || nearest.column === indent) {
    return { start, end, message: 'This line does not fit the structure of the lines above it. Check its indentation, and the line before it.' };
  }
  const like = nearest.isItem ? `the "-" on line ${nearest.line}` : `"${nearest.name}" on line ${nearest.line}`;
  return {
    start,
    end,
    message: `This line is indented ${spaces(indent)}, which lines it up with nothing above it, and YAML reads structure from indentation. Indent it ${spaces(nearest.column)}, like ${like}.`,
  };
}

function spaces(count: number): string {
  return count === 1 ? '1 space' : `${count} spaces`;
}

interface Level {
  column: number;
  line: number;
  name: string;
  isItem: boolean;
}

/**
 * The columns at which the lines above `lineStart` open blocks that are still
 * open there: a key or a list item stays open until a line indented less.
 */
function openLevels(source: SourceText, lineStart: number): Level[] {
  const levels: Level[] = [];
  let floor = Infinity;
  let end = lineStart - 1;
  while (end > 0 && floor > 0) {
    const start = source.text.lastIndexOf('\n', end - 1) + 1;
    const line = source.text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (/^\s*(#|$)/.test(line)) continue;
    const lineNumber = source.position(start).line;
    let column = /^ */.exec(line)![0].length;
    const indent = column;
    // `  - id: x` opens a list item at 2 and a mapping at 4.
    for (;;) {
      const rest = line.slice(column);
      const item = /^-(\s+|$)/.exec(rest);
      if (column <= floor && !levels.some((level) => level.column === column)) {
        levels.push({ column, line: lineNumber, name: item ? '-' : (/^[^:\s]+/.exec(rest)?.[0] ?? rest), isItem: item !== null });
      }
      if (!item || item[0].length === rest.length) break;
      column += item[0].length;
    }
    floor = Math.min(floor, indent);
  }
  return levels;
}

/** yaml's messages end with ` at line L, column C` and a code excerpt; the diagnostic gives its own position. */
function parserMessage(message: string): string {
  const trimmed = message.replace(/ at line \d+, column \d+[\s\S]*$/, '').replace(/:\s*$/, '');
  return trimmed.endsWith('.') ? trimmed : `${trimmed}.`;
}
