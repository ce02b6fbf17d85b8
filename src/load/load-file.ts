import { unreadableFileCodes } from '../diagnostics/codes.js';
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
import { parseYaml, parseYamlReadAhead, type LocatedDocument } from './yaml-document.js';

/** A file of the goals repository: its path as it should appear in diagnostics, and its bytes. */
export interface RepositoryFile {
  path: string;
  bytes: Uint8Array;
  /**
   * The file's size, when it is larger than what was read: a reader may leave
   * a file over the size limit unread (its `bytes` empty), and it is still
   * refused with its real size.
   */
  size?: number;
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

export function isYamlPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

export function isCsvPath(path: string): boolean {
  return /\.csv$/i.test(path);
}

/** A query of a KPI source kept in its own file (`source: {file: queries/revenue.sql}`). */
export function isQueryPath(path: string): boolean {
  return /\.sql$/i.test(path);
}

export function loadFile(file: RepositoryFile, options: LoadOptions = {}): LoadedFile {
  const decoded = decodeFile(file.path, file.bytes, options.maxFileBytes, file.size);
  if (decoded.diagnostic) return { path: file.path, source: undefined, documents: [], actuals: undefined, diagnostics: [decoded.diagnostic] };
  return loadSource(decoded.source);
}

/**
 * Loads a file from its text. `readAhead` is what js-yaml read of a YAML file
 * on another thread (`readYamlFast`'s answer: undefined for a file it cannot
 * read plainly), so that this thread does not read it again.
 */
export function loadSource(source: SourceText, readAhead?: { values: unknown[] | undefined }): LoadedFile {
  const loaded: LoadedFile = { path: source.path, source, documents: [], actuals: undefined, diagnostics: [] };
  // A query is SQL for a database to read: goalpost only keeps its text, for the source that names it.
  if (isQueryPath(source.path)) return loaded;
  if (isCsvPath(source.path)) {
    const { table, diagnostics } = readActuals(source);
    loaded.actuals = table;
    loaded.diagnostics.push(...diagnostics);
    return loaded;
  }
  // A file that cannot be read to one meaning gives no documents, so nothing of it is checked.
  const { documents, diagnostics } = readAhead ? parseYamlReadAhead(source, readAhead.values) : parseYaml(source);
  loaded.diagnostics.push(...diagnostics);
  for (const doc of documents) {
    const kind = readHeader(doc, loaded.diagnostics);
    if (!kind) continue;
    loaded.diagnostics.push(...checkSchema(doc, kind));
    loaded.documents.push({ kind, doc });
  }
  return loaded;
}

/** Whether a loaded file had a problem that kept goalpost from reading it (see `unreadableFileCodes`). */
export function isUnreadable(file: LoadedFile): boolean {
  return file.diagnostics.some((diagnostic) => diagnostic.severity === 'error' && unreadableFileCodes.has(diagnostic.code));
}

/**
 * The kind of a document from its `apiVersion` and `kind`, never from its
 * path. Reports a missing or unknown header and returns undefined.
 */
function readHeader(doc: LocatedDocument, diagnostics: Diagnostic[]): DocumentKind | undefined {
  const data = doc.data;
  const supportedKinds = documentKinds.join(', ');
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
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
