import { existsSync, lstatSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItemKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic as LspDiagnostic,
} from 'vscode-languageserver/node.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { describeFailure } from '../load/file-system-error.js';
import type { RepositoryFile } from '../load/load-file.js';
import { isCsvPath, isQueryPath, isYamlPath } from '../load/load-file.js';
import { readGoalsDirectory } from '../load/read-directory.js';
import type { GoalsModel } from '../model/model.js';
import { IncrementalValidation } from '../incremental-validation.js';
import { parsePeriod } from '../model/period.js';
import { completionCandidates } from './completion.js';
import { stdioTransport } from './stdio-transport.js';
import { ValidationSchedule } from './validation-schedule.js';

export interface LanguageServerOptions {
  /** The goals folder relative to the workspace root; default `goals` if it exists, else the root. */
  goalsPath?: string;
  /** Files larger than this are refused, as by `goalpost validate --max-file-size` (default 16 MiB). */
  maxFileBytes?: number;
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

/** The path of a `file:` URI; nothing for any other document (`untitled:`, `git:`, a file on another host), which goalpost leaves alone. */
function localPath(uri: string): string | undefined {
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * A language server over stdio that publishes goalpost's own diagnostics —
 * the same codes, ranges and messages as `goalpost validate` — for the whole
 * goals folder as files change in the editor, and completes KPI, person,
 * team and goal ids. Unsaved editor buffers take the place of the files on
 * disk, which are read as the CLI reads them. Resolves when the client ends
 * the session.
 */
export function startLanguageServer(options: LanguageServerOptions = {}): Promise<void> {
  let shutdownRequested = false;
  let ending = false;
  // The language server library ends the process itself on `exit` or when the editor goes away; these follow its lead.
  const end = (status: number, line?: string): void => {
    if (ending) return;
    ending = true;
    schedule.stop();
    if (line === undefined) process.exit(status);
    process.stderr.write(`goalpost lsp: ${line}\n`, () => process.exit(status));
  };
  const { reader, writer } = stdioTransport(process.stdin, process.stdout, {
    unreadable: (reason) => end(2, `stopped: the editor sent a message that cannot be read (${reason}). Messages after it cannot be told apart, so the editor should start the server again.`),
    stalled: (seconds) => process.stderr.write(`goalpost lsp: a message from the editor has been incomplete for ${seconds} s; if the editor is waiting for an answer, its Content-Length header counts more bytes than it sent.\n`),
    closed: () => end(shutdownRequested ? 0 : 1),
  });
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  const documents = new TextDocuments(TextDocument);
  /** The goals folder's files as the CLI reads them; a link or a device is never among them. */
  const disk = new Map<string, RepositoryFile>();
  let diskStale = true;
  let goalsDir = process.cwd();
  /** The last validation: its model, put together when a completion asks for it. */
  let validated: { readonly model: GoalsModel } | undefined;

  const inGoalsFolder = (file: string): boolean => {
    const relative = path.relative(goalsDir, file);
    return !relative.startsWith('..') && !path.isAbsolute(relative);
  };
  const goalsFile = (uri: string): string | undefined => {
    const file = localPath(uri);
    return file !== undefined && (isYamlPath(file) || isCsvPath(file) || isQueryPath(file)) && inGoalsFolder(file) ? file : undefined;
  };

  /**
   * An editor buffer counts for a file that the CLI reads, or for one not yet
   * saved; a file that is on disk but that the CLI leaves out (a link, a
   * device, a hidden folder) is left out here too, so that the editor shows
   * what `goalpost validate` says.
   */
  const countsAsGoalsFile = (file: string): boolean => {
    if (disk.has(file)) return true;
    try {
      return lstatSync(file, { throwIfNoEntry: false }) === undefined;
    } catch {
      // A path that cannot be looked at (under a file, too long) is not one the CLI reads either.
      return false;
    }
  };

  const openGoalsFiles = (): { file: string; document: TextDocument }[] =>
    documents.all().flatMap((document) => {
      const file = goalsFile(document.uri);
      return file !== undefined && countsAsGoalsFile(file) ? [{ file, document }] : [];
    });

  const readDisk = async (): Promise<void> => {
    try {
      const files = await readGoalsDirectory(goalsDir, '/', options.maxFileBytes);
      disk.clear();
      for (const file of files) disk.set(path.resolve(file.path), { ...file, path: path.resolve(file.path) });
    } catch (error) {
      // The CLI would stop here; the editor keeps the files as last read and says why in its log.
      connection.console.error(`goalpost: the goals folder was not read again: ${describeFailure(error)}`);
    }
  };

  // Files that did not change since the last run are not read again, and the checks across files run again only where an edit can change what they find.
  const validation = new IncrementalValidation(options.maxFileBytes === undefined ? {} : { maxFileBytes: options.maxFileBytes });
  /** What was last published for each file, to publish a file that is not open only when its diagnostics change. */
  const published = new Map<string, string>();
  const validate = async (overtaken: () => boolean): Promise<void> => {
    if (diskStale) {
      diskStale = false;
      await readDisk();
    }
    // Edits that arrived while the disk was read have scheduled a run that sees them.
    if (overtaken()) return;
    const open = openGoalsFiles();
    const files = new Map(disk);
    for (const { file, document } of open) files.set(file, { path: file, bytes: Buffer.from(document.getText()) });
    // A whole repository is read and checked in steps (the first run, an edit of the KPI catalog), so that the editor's messages are answered meanwhile.
    const result = await validation.validateInSteps([...files.values()]);
    validated = result;
    // Edits made meanwhile have scheduled a run that sees them (and re-reads only what they changed); these diagnostics would be stale.
    if (overtaken()) return;
    const byFile = new Map<string, LspDiagnostic[]>();
    for (const d of result.diagnostics) {
      const diagnostics = byFile.get(d.file) ?? [];
      diagnostics.push(toLspDiagnostic(d));
      byFile.set(d.file, diagnostics);
    }
    // Open files always hear back, under the editor's own URI and with the version checked, even when they have nothing wrong; others only when that changes.
    const openDocuments = new Map(open.map(({ file, document }) => [file, document]));
    for (const file of new Set([...published.keys(), ...byFile.keys(), ...openDocuments.keys()])) {
      const diagnostics = byFile.get(file) ?? [];
      const document = openDocuments.get(file);
      const said = JSON.stringify(diagnostics);
      if (!document && published.get(file) === said) continue;
      void connection.sendDiagnostics(document ? { uri: document.uri, version: document.version, diagnostics } : { uri: pathToFileURL(file).href, diagnostics });
      if (diagnostics.length > 0) published.set(file, said);
      else published.delete(file);
    }
  };

  const schedule = new ValidationSchedule(async (overtaken) => {
    try {
      await validate(overtaken);
    } catch (error) {
      // One bad run must not end the session: the next change may well fix it.
      connection.console.error(`goalpost: internal error while validating: ${(error as Error).stack ?? String(error)}`);
    }
  });

  connection.onInitialize((params) => {
    const rootUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    const root = (rootUri ? localPath(rootUri) : undefined) ?? process.cwd();
    const requested: unknown = (params.initializationOptions as { goalsPath?: unknown } | null | undefined)?.goalsPath ?? options.goalsPath;
    const candidate = path.resolve(root, typeof requested === 'string' ? requested : 'goals');
    goalsDir = existsSync(candidate) && statSync(candidate).isDirectory() ? candidate : root;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [':', ' ', '/'] },
      },
      serverInfo: { name: 'goalpost' },
    };
  });

  connection.onInitialized(() => {
    // Files changed outside the editor (git checkout, another tool) are read again.
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml,csv}' }] }).catch(() => undefined);
    schedule.changed();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    // The folder is read again as a whole, by the CLI's reader, rather than one file at a time: that reader alone decides what may be read.
    // A folder that was deleted or renamed is reported by its own path, without an extension.
    const inFolder = (uri: string): boolean => {
      const file = localPath(uri);
      return file !== undefined && inGoalsFolder(file);
    };
    if (changes.some((change) => inFolder(change.uri))) {
      diskStale = true;
      schedule.changed();
    }
  });

  documents.onDidOpen(({ document }) => {
    const file = goalsFile(document.uri);
    // A file created since the folder was read, in an editor that does not report new files.
    if (file !== undefined && !countsAsGoalsFile(file)) diskStale = true;
  });
  documents.onDidChangeContent(({ document }) => {
    if (goalsFile(document.uri) !== undefined) schedule.changed();
  });
  documents.onDidClose(({ document }) => {
    if (goalsFile(document.uri) !== undefined) schedule.changed();
  });

  connection.onCompletion(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    const file = goalsFile(textDocument.uri);
    const model = validated?.model;
    if (!document || !model || file === undefined || !countsAsGoalsFile(file)) return [];
    const linePrefix = document.getText({ start: { line: position.line, character: 0 }, end: position });
    const text = document.getText();
    const team = /^team:\s*([^\s#]+)/m.exec(text)?.[1] ?? /^id:\s*([^\s#]+)/m.exec(text)?.[1];
    const period = /^period:\s*["']?([^\s#"']+)/m.exec(text)?.[1];
    return completionCandidates(model, linePrefix, team, period === undefined ? undefined : parsePeriod(period, model.settings.fiscalYearStart)).map((candidate) => ({
      label: candidate.label,
      kind: completionKinds[candidate.kind],
      ...(candidate.detail === undefined ? {} : { detail: candidate.detail }),
    }));
  });

  connection.onShutdown(() => {
    shutdownRequested = true;
    schedule.stop();
  });

  documents.listen(connection);
  return new Promise((resolve) => {
    connection.onExit(() => resolve());
    connection.listen();
  });
}
