import { createHash } from 'node:crypto';
import { diagnosticCodes } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isDocumentKind, type DocumentKind } from '../model/kinds.js';
import { version } from '../version.js';
import { isYamlPath, type LoadedFile, type LoadOptions, type RepositoryFile } from './load-file.js';
import type { SourceText } from './source-text.js';
import { restoreDocument } from './yaml-document.js';

/**
 * What loading one YAML file produced, as JSON: the data of each document
 * and the file's own diagnostics. Parsing YAML is the costly part of
 * loading; the text itself is decoded again from the file (positions are
 * worked out from it when needed), and CSV files, quick to scan, are not cached.
 */
export interface CachedFile {
  key: string;
  documents: { kind: DocumentKind; data: unknown; index: number; hasSyntaxErrors: boolean }[];
  diagnostics: Diagnostic[];
}

/** A cached file as stored: its content and the seal that vouches for it. */
export interface StoredFile extends CachedFile {
  seal: string;
}

/** Whether a loaded file can be cached: a readable YAML file. */
export function isCacheable(loaded: LoadedFile): boolean {
  return loaded.source !== undefined && loaded.actuals === undefined && isYamlPath(loaded.path);
}

/**
 * The cache key of a file: its path (diagnostics name it), its bytes, the
 * size limit and goalpost's version, hashed. A file that changed, or a new
 * goalpost, can never match an old entry. Anyone can compute a key, so a
 * key only finds an entry; the seal decides whether it is believed.
 */
export function cacheKey(file: RepositoryFile, options: LoadOptions): string {
  return createHash('sha256')
    .update(`goalpost ${version}\u0000${options.maxFileBytes ?? 'default'}\u0000${file.path}\u0000`)
    .update(file.bytes)
    .digest('hex');
}

export function toCachedFile(key: string, loaded: LoadedFile): CachedFile {
  return {
    key,
    documents: loaded.documents.map(({ kind, doc }, index) => ({ kind, data: doc.data, index: doc.index ?? index, hasSyntaxErrors: doc.hasSyntaxErrors })),
    diagnostics: loaded.diagnostics,
  };
}

export function fromCachedFile(source: SourceText, cached: CachedFile): LoadedFile {
  return {
    path: source.path,
    source,
    documents: cached.documents.map(({ kind, data, index, hasSyntaxErrors }) => ({ kind, doc: restoreDocument(source, data, index, hasSyntaxErrors) })),
    actuals: undefined,
    diagnostics: cached.diagnostics,
  };
}

/**
 * A hash over an entry's whole content and the id of the goalpost build
 * that wrote it. A cache edited by hand, or written by another build, fails
 * it: the build id is not stored in the cache, so an entry cannot be sealed
 * without the code of this very build.
 */
export function sealOf(entry: CachedFile, buildId: string): string {
  const content = JSON.stringify({ key: entry.key, documents: entry.documents, diagnostics: entry.diagnostics });
  return createHash('sha256').update(`goalpost cache seal\u0000${buildId}\u0000`).update(content).digest('hex');
}

export function storedFile(entry: CachedFile, buildId: string): StoredFile {
  return { seal: sealOf(entry, buildId), ...entry };
}

/**
 * The entry a stored value holds, if it has exactly the shape this build
 * writes and carries its seal; anything else (damaged, edited, from another
 * build) is undefined, a miss, and the file is loaded afresh.
 */
export function openStoredFile(stored: unknown, buildId: string): CachedFile | undefined {
  if (!isRecord(stored) || !hasOnlyKeys(stored, ['seal', 'key', 'documents', 'diagnostics'])) return undefined;
  const { seal, key, documents, diagnostics } = stored;
  if (!isHash(seal) || !isHash(key) || !Array.isArray(documents) || !Array.isArray(diagnostics)) return undefined;
  if (!documents.every(isCachedDocument) || !diagnostics.every(isDiagnostic)) return undefined;
  const entry: CachedFile = { key, documents, diagnostics };
  try {
    return sealOf(entry, buildId) === seal ? entry : undefined;
  } catch {
    return undefined; // data nested too deeply to write out again was never written by goalpost
  }
}

function isCachedDocument(value: unknown): value is CachedFile['documents'][number] {
  return (
    isRecord(value) &&
    hasOnlyKeys(value, ['kind', 'data', 'index', 'hasSyntaxErrors']) &&
    isDocumentKind(value['kind']) &&
    // A document with a kind was read from a mapping.
    isRecord(value['data']) &&
    isCount(value['index']) &&
    typeof value['hasSyntaxErrors'] === 'boolean'
  );
}

function isDiagnostic(value: unknown): value is Diagnostic {
  return (
    isRecord(value) &&
    hasOnlyKeys(value, ['code', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn']) &&
    typeof value['code'] === 'string' &&
    Object.hasOwn(diagnosticCodes, value['code']) &&
    (value['severity'] === 'error' || value['severity'] === 'warning') &&
    typeof value['message'] === 'string' &&
    typeof value['file'] === 'string' &&
    [value['line'], value['column'], value['endLine'], value['endColumn']].every((n) => isCount(n) && n > 0)
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOnlyKeys(record: Record<string, unknown>, keys: readonly string[]): boolean {
  const present = Object.keys(record);
  return present.length === keys.length && keys.every((key) => Object.hasOwn(record, key));
}

function isHash(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
