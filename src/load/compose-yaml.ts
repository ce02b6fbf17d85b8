import { Composer, Parser, isScalar, type CST, type Document, type Scalar } from 'yaml';

/** A directive or tag as written, with the offset where it starts. */
export interface YamlProperty {
  offset: number;
  source: string;
}

export interface YamlDirective extends YamlProperty {
  /** The document it stands before, counted from 0. */
  document: number;
}

export interface ComposedYaml {
  documents: Document.Parsed[];
  /** Every `%` directive of the file, in order. */
  directives: YamlDirective[];
  /** Every `!` tag of the file, in order. */
  tags: YamlProperty[];
}

/**
 * The position parser: the `yaml` library, read as YAML 1.2 with the core
 * schema only (no YAML 1.1 tags such as !!timestamp, no merge keys). It does
 * not look for duplicate keys: it would compare every key of a mapping with
 * every other, and goalpost finds them by the text they read as, in one pass.
 */
const options = { version: '1.2', schema: 'core', resolveKnownTags: false, uniqueKeys: false } as const;

/** Parses YAML with positions, and picks the directives and tags out of the parser's tokens. */
export function composeYaml(text: string): ComposedYaml {
  const directives: YamlDirective[] = [];
  const tags: YamlProperty[] = [];
  let document = 0;
  function* collect(tokens: Iterable<CST.Token>): Generator<CST.Token> {
    for (const token of tokens) {
      if (token.type === 'directive') {
        directives.push({ offset: token.offset, source: token.source, document });
      } else if (token.type === 'document') {
        collectTags(token, tags);
        document++;
      }
      yield token;
    }
  }
  const documents = [...new Composer(options).compose(collect(new Parser().parse(text)))];
  return { documents, directives, tags: tags.sort((a, b) => a.offset - b.offset) };
}

/** Parses YAML with positions only, for a file already read by the fast parser. */
export function composeDocuments(text: string): Document.Parsed[] {
  return [...new Composer(options).compose(new Parser().parse(text))];
}

/** Adds the tag tokens anywhere in a document's syntax tree; a loop, not recursion, as the tree may be very deep. */
function collectTags(document: CST.Document, found: YamlProperty[]): void {
  const pending: unknown[] = [document];
  while (pending.length > 0) {
    const value = pending.pop();
    if (Array.isArray(value)) {
      for (const item of value as unknown[]) pending.push(item);
    } else if (typeof value === 'object' && value !== null) {
      const token = value as { type?: unknown; offset?: unknown; source?: unknown };
      if (token.type === 'tag' && typeof token.offset === 'number' && typeof token.source === 'string') found.push({ offset: token.offset, source: token.source });
      else for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) pending.push(child);
    }
  }
}

/** Whether a scalar is written as YAML writes infinity or NaN (`.inf`, `-.Inf`, `.nan`). */
export function writesInfinityOrNaN(scalar: Scalar): boolean {
  return /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/.test(scalar.source ?? '');
}

/** The value of a scalar as goalpost reads it: a plain number too large for a double, such as 1e400, is text, as it is to js-yaml. */
export function scalarValue(scalar: Scalar): unknown {
  const value = scalar.value;
  if (typeof value === 'number' && !Number.isFinite(value) && scalar.type === 'PLAIN' && scalar.tag === undefined && !writesInfinityOrNaN(scalar)) {
    return scalar.source;
  }
  return value;
}

/** Whether a document holds nothing: js-yaml reads it as null, and goalpost skips it. */
export function isEmptyDocument(doc: Document.Parsed): boolean {
  return doc.contents === null || (isScalar(doc.contents) && scalarValue(doc.contents) === null);
}

/** A mapping key as the model uses it: the text of its value, as js-yaml makes it (`1.0` and `1` are both "1"). */
export function keyText(key: Scalar): string {
  return String(scalarValue(key));
}
