import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DocumentKind } from '../model/kinds.js';
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

/** Whether a loaded file can be cached: a readable YAML file. */
export function isCacheable(loaded: LoadedFile): boolean {
  return loaded.source !== undefined && loaded.actuals === undefined && isYamlPath(loaded.path);
}

/**
 * The cache key of a file: its path (diagnostics name it), its bytes, the
 * size limit and goalpost's version, hashed. A file that changed, or a new
 * goalpost, can never match an old entry.
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
