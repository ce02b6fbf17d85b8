import { CORE_SCHEMA, loadAll } from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, visit, type Document, type Node as YamlNode } from 'yaml';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import { diagnosticAt } from '../diagnostics/diagnostic.js';
import type { SourceText } from './source-text.js';

export type PathSegment = string | number;
export type NodePath = readonly PathSegment[];

/** Which part of a mapping entry a span should cover. */
export type NodePart = 'key' | 'value';

/**
 * One YAML document: its plain data and a way back from any path in that data
 * to the characters it came from. This is the only thing later stages know
 * about YAML, so a faster parser can stand behind it without touching checks.
 */
export interface LocatedDocument {
  readonly source: SourceText;
  readonly data: unknown;
  /** Whether the parser had to recover from a syntax error in this document. */
  readonly hasSyntaxErrors: boolean;
  /** The position of the document among the non-empty documents of its file. */
  readonly index?: number;
  /**
   * The span of the node at `path`. For a mapping entry, `part` picks the key
   * or the value (default). A path that does not exist falls back to its
   * nearest existing ancestor, so a missing key is reported on its parent.
   */
  span(path: NodePath, part?: NodePart): Span;
  /**
   * The span of characters `start`..`end` inside the string value at `path`
   * (a formula, say). Exact where the string is written as it reads (plain or
   * simply quoted on one line); otherwise the whole value.
   */
  spanInString(path: NodePath, start: number, end: number): Span;
}

export interface ParsedYaml {
  documents: LocatedDocument[];
  diagnostics: Diagnostic[];
}

/** Enough for any real goals file; a billion-laughs file stops here. */
const maxAliasCount = 1000;

/**
 * Parses YAML. Most files are valid, and for them only the data is needed
 * until a check finds a problem: they are read with js-yaml, several times
 * faster than a parse that keeps positions, and the positions are worked out
 * by the precise parser only for a document that a diagnostic points into.
 * A file that js-yaml refuses (a syntax error, a duplicate key) or that uses
 * anchors and aliases (which need the alias limit) goes through the precise
 * parser at once, which reports every problem with its position.
 */
export function parseYaml(source: SourceText): ParsedYaml {
  if (!usesAliases(source.text)) {
    try {
      const data = loadAll(source.text, { schema: CORE_SCHEMA }).filter((value) => value !== null && value !== undefined);
      return { documents: data.map((value, index) => new LazyLocatedDocument(source, value, index)), diagnostics: [] };
    } catch {
      // Reported with positions below.
    }
  }
  return parseYamlPrecisely(source);
}

/** An anchor (&name) or alias (*name) anywhere outside a comment, conservatively. */
function usesAliases(text: string): boolean {
  return /(^|[\s[{,:-])[&*][^\s,[\]{}]/m.test(text.replace(/(^|\s)#.*$/gm, ''));
}

/** The precise documents of each source, parsed once when a first position is asked for. */
const preciseDocuments = new WeakMap<SourceText, LocatedDocument[]>();

function preciseDocument(source: SourceText, index: number): LocatedDocument | undefined {
  let documents = preciseDocuments.get(source);
  if (!documents) preciseDocuments.set(source, (documents = parseYamlPrecisely(source).documents));
  return documents[index];
}

/** A document whose positions are worked out on demand: read by the fast parser, or restored from the cache. */
class LazyLocatedDocument implements LocatedDocument {
  constructor(
    readonly source: SourceText,
    readonly data: unknown,
    readonly index: number,
    readonly hasSyntaxErrors = false,
  ) {}

  span(path: NodePath, part?: NodePart): Span {
    return preciseDocument(this.source, this.index)?.span(path, part) ?? { source: this.source, start: 0, end: 0 };
  }

  spanInString(path: NodePath, start: number, end: number): Span {
    return preciseDocument(this.source, this.index)?.spanInString(path, start, end) ?? { source: this.source, start: 0, end: 0 };
  }
}

/** A document restored from the cache: the same data, positions again on demand. */
export function restoreDocument(source: SourceText, data: unknown, index: number, hasSyntaxErrors: boolean): LocatedDocument {
  return new LazyLocatedDocument(source, data, index, hasSyntaxErrors);
}

function parseYamlPrecisely(source: SourceText): ParsedYaml {
  const diagnostics: Diagnostic[] = [];
  const documents: LocatedDocument[] = [];
  const parsed = parseAllDocuments(source.text, { prettyErrors: false, uniqueKeys: true });
  const yamlDocuments = Array.isArray(parsed) ? parsed : [];
  for (const doc of yamlDocuments) {
    for (const error of doc.errors) {
      const [start, end] = error.pos;
      if (error.code === 'DUPLICATE_KEY') {
        diagnostics.push(duplicateKeyDiagnostic(source, doc, start, end));
      } else if (/call stack/i.test(error.message)) {
        // The parser ran out of stack on nesting no goals file has.
        diagnostics.push(diagnosticAt({ source, start, end }, 'nesting-too-deep', 'This document nests too deeply for goalpost to read it.'));
      } else {
        diagnostics.push(diagnosticAt({ source, start, end }, 'yaml-syntax', yamlMessage(error.message)));
      }
    }
    for (const warning of doc.warnings) {
      const [start, end] = warning.pos;
      diagnostics.push(diagnosticAt({ source, start, end }, 'yaml-syntax', yamlMessage(warning.message), 'warning'));
    }
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount });
    } catch {
      const start = doc.range[0];
      diagnostics.push(
        diagnosticAt(
          { source, start, end: source.lineEnd(start) },
          'yaml-alias-limit',
          `This document expands YAML aliases more than ${maxAliasCount} times; goalpost refuses to expand it.`,
        ),
      );
      continue;
    }
    if (data === null || data === undefined) continue; // an empty document, e.g. after a trailing ---
    const hasSyntaxErrors = doc.errors.some((error) => error.code !== 'DUPLICATE_KEY');
    documents.push(new YamlLocatedDocument(source, doc, data, hasSyntaxErrors, documents.length));
  }
  return { documents, diagnostics };
}

/** yaml's messages end with ` at line L, column C` and a code excerpt; we give our own position. */
function yamlMessage(message: string): string {
  const trimmed = message.replace(/ at line \d+, column \d+[\s\S]*$/, '').replace(/:\s*$/, '');
  return trimmed.endsWith('.') ? trimmed : `${trimmed}.`;
}

function duplicateKeyDiagnostic(source: SourceText, doc: Document.Parsed, start: number, end: number): Diagnostic {
  let keyText = source.text.slice(start, end);
  let firstLine: number | undefined;
  let keyEnd = end;
  visit(doc, {
    Map(_, map) {
      const duplicate = map.items.find((pair) => isScalar(pair.key) && pair.key.range?.[0] === start);
      if (!duplicate || !isScalar(duplicate.key)) return undefined;
      const key = duplicate.key;
      keyText = String(key.value);
      keyEnd = key.range?.[1] ?? end;
      const first = map.items.find((pair) => isScalar(pair.key) && pair.key.value === key.value);
      if (first && isScalar(first.key) && first.key.range) firstLine = source.position(first.key.range[0]).line;
      return visit.BREAK;
    },
  });
  const where = firstLine === undefined ? '' : ` (first on line ${firstLine})`;
  return diagnosticAt(
    { source, start, end: keyEnd },
    'duplicate-key',
    `Duplicate key "${keyText}"${where}: YAML would keep only the last one, so remove or rename one of them.`,
  );
}

class YamlLocatedDocument implements LocatedDocument {
  constructor(
    readonly source: SourceText,
    private readonly doc: Document.Parsed,
    readonly data: unknown,
    readonly hasSyntaxErrors: boolean,
    readonly index: number,
  ) {}

  span(path: NodePath, part: NodePart = 'value'): Span {
    const found = this.find(path);
    const range = found.part === 'key' || part === 'key' ? found.keyRange ?? found.valueRange : found.valueRange;
    const [start, end] = range ?? [this.doc.range[0], this.doc.range[0]];
    // A multi-line block (a whole mapping, say) is marked on its first line only.
    const lineEnd = this.source.lineEnd(start);
    return { source: this.source, start, end: Math.min(end, Math.max(lineEnd, start + 1), this.source.text.length) };
  }

  spanInString(path: NodePath, start: number, end: number): Span {
    const found = this.find(path);
    const node = found.node;
    if (found.exact && node && isScalar(node) && typeof node.value === 'string' && node.range) {
      const value = node.value;
      const tokenStart = node.range[0];
      const offset = node.type === 'PLAIN' ? 0 : node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE' ? 1 : -1;
      if (offset >= 0 && this.source.text.slice(tokenStart + offset, tokenStart + offset + value.length) === value) {
        const base = tokenStart + offset;
        return { source: this.source, start: base + start, end: base + Math.max(end, start) };
      }
    }
    return this.span(path);
  }

  private find(path: NodePath): {
    node: YamlNode | null;
    keyRange: [number, number] | undefined;
    valueRange: [number, number] | undefined;
    part: NodePart;
    exact: boolean;
  } {
    let node = this.doc.contents as YamlNode | null;
    let keyRange: [number, number] | undefined;
    let valueRange = rangeOf(node);
    let part: NodePart = 'value';
    for (const segment of path) {
      let next: YamlNode | null | undefined;
      let nextKeyRange: [number, number] | undefined;
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && keyMatches(item.key, segment));
        if (pair) {
          next = (pair.value as YamlNode | null) ?? null;
          nextKeyRange = rangeOf(pair.key as YamlNode | null);
        }
      } else if (isSeq(node) && typeof segment === 'number') {
        next = node.items[segment] as YamlNode | null | undefined;
      }
      if (next === undefined) return { node, keyRange, valueRange, part, exact: false };
      node = next;
      keyRange = nextKeyRange;
      const range = rangeOf(next);
      // `key:` with no value has an empty range: point at the key instead.
      if (range && range[1] > range[0]) {
        valueRange = range;
        part = 'value';
      } else {
        valueRange = keyRange ?? valueRange;
        part = keyRange ? 'key' : 'value';
      }
    }
    return { node, keyRange, valueRange, part, exact: true };
  }
}

function keyMatches(key: unknown, segment: PathSegment): boolean {
  if (isScalar(key)) return String(key.value) === String(segment);
  return false;
}

function rangeOf(node: YamlNode | null | undefined): [number, number] | undefined {
  const range = node?.range;
  return range ? [range[0], range[1]] : undefined;
}
