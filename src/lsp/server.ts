import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItemKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic as LspDiagnostic,
} from 'vscode-languageserver/node.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RepositoryFile } from '../load/load-file.js';
import { isCsvPath, isYamlPath } from '../load/load-file.js';
import { readGoalsDirectory } from '../load/read-directory.js';
import type { GoalsModel } from '../model/model.js';
import { validateRepository } from '../validate.js';
import { completionCandidates } from './completion.js';

export interface LanguageServerOptions {
  /** The goals folder relative to the workspace root; default `goals` if it exists, else the root. */
  goalsPath?: string;
}

const completionKinds = {
  kpi: CompletionItemKind.Value,
  person: CompletionItemKind.EnumMember,
  team: CompletionItemKind.Module,
  goal: CompletionItemKind.Reference,
} as const;

/** goalpost's 1-based, end-exclusive positions as an LSP range (0-based; UTF-16, like ours). */
export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  return {
    range: { start: { line: d.line - 1, character: d.column - 1 }, end: { line: d.endLine - 1, character: d.endColumn - 1 } },
    severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.code,
    source: 'goalpost',
    message: d.message,
  };
}

/**
 * A language server over stdio that publishes goalpost's own diagnostics —
 * the same codes, ranges and messages as `goalpost validate` — for the whole
 * goals folder as files change in the editor, and completes KPI, person,
 * team and goal ids. Unsaved editor buffers take the place of the files on disk.
 * Resolves when the client ends the session.
 */
export function startLanguageServer(options: LanguageServerOptions = {}): Promise<void> {
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  const documents = new TextDocuments(TextDocument);
  const disk = new Map<string, Uint8Array>();
  const published = new Set<string>();
  let goalsDir = process.cwd();
  let model: GoalsModel | undefined;
  // Edits that arrive before the files on disk are read wait for them, or they would be checked alone.
  let diskRead: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (diskRead = resolve));

  const inGoals = (file: string): boolean => {
    const relative = path.relative(goalsDir, file);
    return !relative.startsWith('..') && !path.isAbsolute(relative) && (isYamlPath(file) || isCsvPath(file));
  };

  const currentFiles = (): RepositoryFile[] => {
    const files = new Map(disk);
    for (const document of documents.all()) {
      const file = fileURLToPath(document.uri);
      if (inGoals(file)) files.set(file, Buffer.from(document.getText()));
    }
    return [...files].map(([file, bytes]) => ({ path: file, bytes }));
  };

  const validate = (): void => {
    const result = validateRepository(currentFiles());
    model = result.model;
    const byFile = new Map<string, LspDiagnostic[]>();
    for (const d of result.diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), toLspDiagnostic(d)]);
    // Open files always hear back, even when they have nothing wrong; others only when that changes.
    const open = documents.all().map((document) => fileURLToPath(document.uri)).filter(inGoals);
    for (const file of new Set([...published, ...byFile.keys(), ...open])) {
      const diagnostics = byFile.get(file) ?? [];
      void connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics });
      if (diagnostics.length > 0) published.add(file);
      else published.delete(file);
    }
  };

  connection.onInitialize((params) => {
    const rootUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    const root = rootUri ? fileURLToPath(rootUri) : process.cwd();
    const requested = (params.initializationOptions as LanguageServerOptions | undefined)?.goalsPath ?? options.goalsPath;
    const candidate = path.resolve(root, requested ?? 'goals');
    goalsDir = existsSync(candidate) && statSync(candidate).isDirectory() ? candidate : root;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [':', ' ', '/'] },
      },
      serverInfo: { name: 'goalpost' },
    };
  });

  connection.onInitialized(async () => {
    try {
      for (const file of await readGoalsDirectory(goalsDir, '/')) disk.set(file.path, file.bytes);
    } catch (error) {
      connection.console.error(`goalpost: cannot read ${goalsDir}: ${(error as Error).message}`);
    }
    // Files changed outside the editor (git checkout, another tool) are read again.
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml,csv}' }] }).catch(() => undefined);
    diskRead();
    validate();
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    await ready;
    for (const change of changes) {
      const file = fileURLToPath(change.uri);
      if (!inGoals(file)) continue;
      if (change.type === FileChangeType.Deleted) disk.delete(file);
      else disk.set(file, await readFile(file).catch(() => Buffer.alloc(0)));
    }
    validate();
  });

  documents.onDidChangeContent(({ document }) => {
    if (inGoals(fileURLToPath(document.uri))) void ready.then(validate);
  });
  documents.onDidClose(({ document }) => {
    if (inGoals(fileURLToPath(document.uri))) void ready.then(validate);
  });

  connection.onCompletion(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    if (!document || !model) return [];
    const linePrefix = document.getText({ start: { line: position.line, character: 0 }, end: position });
    const team = /^team:\s*([^\s#]+)/m.exec(document.getText())?.[1] ?? /^id:\s*([^\s#]+)/m.exec(document.getText())?.[1];
    return completionCandidates(model, linePrefix, team).map((candidate) => ({
      label: candidate.label,
      kind: completionKinds[candidate.kind],
      ...(candidate.detail === undefined ? {} : { detail: candidate.detail }),
    }));
  });

  documents.listen(connection);
  return new Promise((resolve) => {
    connection.onExit(() => resolve());
    connection.listen();
  });
}
