import { isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import { composeDocuments, isEmptyDocument, keyText } from './compose-yaml.js';
import { readYamlFast } from './read-yaml-fast.js';
import { readYamlPrecisely } from './read-yaml-precisely.js';
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
  /** Whether the parser had to recover from a syntax error in this document: never for a document goalpost reads, as a file with one gives no documents. */
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
  /** The non-empty documents of the file; none when the file has any problem that keeps it from being read. */
  documents: LocatedDocument[];
  diagnostics: Diagnostic[];
}

/**
 * Reads a YAML file once, to one meaning. A plain file (most files) is read
 * with js-yaml, several times faster than a parse that keeps positions, and
 * positions are worked out by the position parser only for a document that a
 * diagnostic points into. Any other file goes to the position parser, which
 * reports every problem with its position. The values are js-yaml's either
 * way, so which reader a file goes to never changes what it says.
 */
export function parseYaml(source: SourceText): ParsedYaml {
  return parseYamlReadAhead(source, readYamlFast(source.text));
}

/** `parseYaml` of a file that `readYamlFast` has already read (on another thread): `fast` is its answer. */
export function parseYamlReadAhead(source: SourceText, fast: unknown[] | undefined): ParsedYaml {
  if (fast) return { documents: located(source, fast), diagnostics: [] };
  const { documents, values, diagnostics } = readYamlPrecisely(source);
  preciseDocuments.set(source, documents);
  return { documents: located(source, values), diagnostics };
}

function located(source: SourceText, values: readonly unknown[]): LocatedDocument[] {
  return values.filter((value) => value !== null && value !== undefined).map((value, index) => new LazyLocatedDocument(source, value, index));
}

/** The non-empty documents of each source with positions, parsed once when a first position is asked for. */
const preciseDocuments = new WeakMap<SourceText, Document.Parsed[]>();

function preciseDocument(source: SourceText, index: number): Document.Parsed | undefined {
  let documents = preciseDocuments.get(source);
  if (!documents) preciseDocuments.set(source, (documents = composeDocuments(source.text).filter((doc) => !isEmptyDocument(doc))));
  return documents[index];
}

/** A document whose positions are worked out on demand: read by the fast reader, or restored from the cache. */
class LazyLocatedDocument implements LocatedDocument {
  constructor(
    readonly source: SourceText,
    readonly data: unknown,
    readonly index: number,
    readonly hasSyntaxErrors = false,
  ) {}

  span(path: NodePath, part?: NodePart): Span {
    return this.located()?.span(path, part) ?? { source: this.source, start: 0, end: 0 };
  }

  spanInString(path: NodePath, start: number, end: number): Span {
    return this.located()?.spanInString(path, start, end) ?? { source: this.source, start: 0, end: 0 };
  }

  private located(): YamlPositions | undefined {
    const doc = preciseDocument(this.source, this.index);
    return doc && new YamlPositions(this.source, doc);
  }
}

/** A document restored from the cache: the same data, positions again on demand. */
export function restoreDocument(source: SourceText, data: unknown, index: number, hasSyntaxErrors: boolean): LocatedDocument {
  return new LazyLocatedDocument(source, data, index, hasSyntaxErrors);
}

/** The position parser's tree of a document, to find where any path of its data was written. */
class YamlPositions {
  constructor(
    private readonly source: SourceText,
    private readonly doc: Document.Parsed,
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
        const pair = pairByKey(node, segment);
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

/** The entries of each mapping by the text of their keys, made when a first position in it is asked for: a file may ask for many. */
const entriesByKey = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairByKey(map: YAMLMap, segment: PathSegment): Pair | undefined {
  let entries = entriesByKey.get(map);
  if (!entries) {
    entries = new Map();
    for (const item of map.items) if (isPair(item) && isScalar(item.key) && !entries.has(keyText(item.key))) entries.set(keyText(item.key), item);
    entriesByKey.set(map, entries);
  }
  return entries.get(String(segment));
}

function rangeOf(node: YamlNode | null | undefined): [number, number] | undefined {
  const range = node?.range;
  return range ? [range[0], range[1]] : undefined;
}
