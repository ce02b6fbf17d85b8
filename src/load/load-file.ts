import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticAt } from '../diagnostics/diagnostic.js';
import { apiVersion, documentKinds, isDocumentKind, type DocumentKind } from '../model/kinds.js';
import type { ActualsTable } from '../model/model.js';
import { truncate } from '../text/describe.js';
import { didYouMean } from '../text/did-you-mean.js';
import { checkSchema } from './check-schema.js';
import { decodeFile } from './decode.js';
import { readActuals } from './read-actuals.js';
import type { SourceText } from './source-text.js';
import { parseYaml, type LocatedDocument, type PathSegment } from './yaml-document.js';

/** A file of the goals repository: its path as it should appear in diagnostics, and its bytes. */
export interface RepositoryFile {
  path: string;
  bytes: Uint8Array;
}

export interface LoadOptions {
  /** Files larger than this are refused (default 16 MiB). */
  maxFileBytes?: number;
}

export interface TypedDocument {
  kind: DocumentKind;
  doc: LocatedDocument;
}

/** What one file contributes to the model; it depends on that file alone. */
export interface LoadedFile {
  path: string;
  source: SourceText | undefined;
  documents: TypedDocument[];
  actuals: ActualsTable | undefined;
  diagnostics: Diagnostic[];
}

/** Far deeper than any goals file (a breakdown nested ten times is about 40 levels); deeper data is refused before anything recurses into it. */
const maxNesting = 64;

/**
 * The path to the first node deeper than `limit`, or undefined. Depths are
 * counted without building paths or recursing (the common case, and cheap);
 * the path is only traced for a document that is too deep.
 */
function pathDeeperThan(data: unknown, limit: number): PathSegment[] | undefined {
  const stack: unknown[] = [data];
  const depths: number[] = [0];
  let tooDeep: unknown;
  while (stack.length > 0) {
    const value = stack.pop();
    const depth = depths.pop()!;
    if (depth > limit) {
      tooDeep = value;
      break;
    }
    if (value !== null && typeof value === 'object') {
      for (const child of Array.isArray(value) ? value : Object.values(value)) {
        if (child !== null && typeof child === 'object') {
          stack.push(child);
          depths.push(depth + 1);
        }
      }
    }
  }
  if (tooDeep === undefined) return undefined;
  const paths: { value: unknown; path: PathSegment[] }[] = [{ value: data, path: [] }];
  while (paths.length > 0) {
    const { value, path } = paths.pop()!;
    if (value === tooDeep) return path;
    if (Array.isArray(value)) value.forEach((item, index) => paths.push({ value: item, path: [...path, index] }));
    else if (value !== null && typeof value === 'object') for (const key of Object.keys(value)) paths.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
  }
  return undefined;
}

export function isYamlPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

export function isCsvPath(path: string): boolean {
  return /\.csv$/i.test(path);
}

export function loadFile(file: RepositoryFile, options: LoadOptions = {}): LoadedFile {
  const loaded: LoadedFile = { path: file.path, source: undefined, documents: [], actuals: undefined, diagnostics: [] };
  const decoded = decodeFile(file.path, file.bytes, options.maxFileBytes);
  if (decoded.diagnostic) {
    loaded.diagnostics.push(decoded.diagnostic);
    return loaded;
  }
  const source = decoded.source;
  loaded.source = source;
  if (isCsvPath(file.path)) {
    const { table, diagnostics } = readActuals(source);
    loaded.actuals = table;
    loaded.diagnostics.push(...diagnostics);
    return loaded;
  }
  const { documents, diagnostics } = parseYaml(source);
  loaded.diagnostics.push(...diagnostics);
  for (const doc of documents) {
    const tooDeep = pathDeeperThan(doc.data, maxNesting);
    if (tooDeep) {
      loaded.diagnostics.push(
        diagnosticAt(doc.span(tooDeep), 'nesting-too-deep', `This document nests more than ${maxNesting} levels deep; goalpost files need far fewer. It was not read.`),
      );
      continue;
    }
    const kind = readHeader(doc, loaded.diagnostics);
    if (!kind) continue;
    // Schema errors in what the parser salvaged after a syntax error are mostly noise.
    if (!doc.hasSyntaxErrors) loaded.diagnostics.push(...checkSchema(doc, kind));
    loaded.documents.push({ kind, doc });
  }
  return loaded;
}

/**
 * The kind of a document from its `apiVersion` and `kind`, never from its
 * path. Reports a missing or unknown header and returns undefined.
 */
function readHeader(doc: LocatedDocument, diagnostics: Diagnostic[]): DocumentKind | undefined {
  const data = doc.data;
  const supportedKinds = documentKinds.join(', ');
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    // After a syntax error the document is whatever the parser salvaged; the syntax error says enough.
    if (doc.hasSyntaxErrors) return undefined;
    diagnostics.push(
      diagnosticAt(
        doc.span([]),
        'missing-header',
        `This document is not a goalpost file: it should be a mapping that starts with "apiVersion: ${apiVersion}" and "kind: <${supportedKinds}>".`,
      ),
    );
    return undefined;
  }
  const record = data as Record<string, unknown>;
  if (doc.hasSyntaxErrors && (!isDocumentKind(record['kind']) || record['apiVersion'] !== apiVersion)) return undefined;
  const hasVersion = Object.hasOwn(record, 'apiVersion');
  const hasKind = Object.hasOwn(record, 'kind');
  if (!hasVersion || !hasKind) {
    const missing = [!hasVersion && `"apiVersion: ${apiVersion}"`, !hasKind && `"kind" (one of ${supportedKinds})`].filter(Boolean);
    diagnostics.push(
      diagnosticAt(
        doc.span([], 'key'),
        'missing-header',
        `This file lacks ${missing.join(' and ')}, so goalpost cannot tell what it holds.`,
      ),
    );
    return undefined;
  }
  let ok = true;
  if (record['apiVersion'] !== apiVersion) {
    diagnostics.push(
      diagnosticAt(
        doc.span(['apiVersion']),
        'unsupported-api-version',
        `apiVersion "${truncate(String(record['apiVersion']), 40)}" is not supported. This version of goalpost reads ${apiVersion}.`,
      ),
    );
    ok = false;
  }
  const kind = record['kind'];
  if (!isDocumentKind(kind)) {
    diagnostics.push(
      diagnosticAt(
        doc.span(['kind']),
        'unknown-kind',
        `Unknown kind "${truncate(String(kind), 40)}". The supported kinds are ${supportedKinds}.${didYouMean(String(kind), documentKinds)}`,
      ),
    );
    ok = false;
  }
  return ok && isDocumentKind(kind) ? kind : undefined;
}
