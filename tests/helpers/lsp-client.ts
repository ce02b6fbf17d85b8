import { spawn, type ChildProcess } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; message: string; code?: string | number; severity?: number; source?: string }[];
}

/**
 * A language client over stdio, as an editor would be: it answers the
 * server's requests (workspace/configuration among them) and collects the
 * diagnostics the server publishes.
 */
export class LspClient {
  readonly connection: MessageConnection;
  private readonly child: ChildProcess;
  /** How the server process ended: its exit status, or the signal that ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly published: PublishedDiagnostics[] = [];
  private readonly waiters: { match: (p: PublishedDiagnostics) => boolean; resolve: (p: PublishedDiagnostics) => void }[] = [];
  stderr = '';

  constructor(command: string, args: string[], configuration: (section: string | undefined) => unknown, cwd?: string) {
    this.child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], ...(cwd === undefined ? {} : { cwd }) });
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((item) => configuration(item.section)));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      this.published.push(params);
      for (const waiter of [...this.waiters]) {
        if (waiter.match(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.listen();
  }

  async initialize(rootUri: string, initializationOptions: unknown = {}): Promise<unknown> {
    const initialize = this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'goals' }],
      initializationOptions,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: {
          synchronization: { dynamicRegistration: true },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: { relatedInformation: true },
        },
      },
    });
    // A server that fails to start says why at once instead of leaving the test to time out.
    const gone = this.exited.then(({ code, signal }) => Promise.reject(new Error(`the server ended (${code ?? signal}) before it answered: ${this.stderr}`)));
    const result = await Promise.race([initialize, gone]);
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** The next diagnostics published for `uri` that satisfy `match`; those published before the call are in `publishedFor`. */
  diagnosticsFor(uri: string, match: (p: PublishedDiagnostics) => boolean = () => true, timeoutMs = 15_000): Promise<PublishedDiagnostics> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} in ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({
        match: (p) => p.uri === uri && match(p),
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  /** Every diagnostics notification published so far for `uri`, oldest first. */
  publishedFor(uri: string): PublishedDiagnostics[] {
    return this.published.filter((p) => p.uri === uri);
  }

  /** The stderr output once it matches `pattern`. */
  stderrMatching(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!pattern.test(this.stderr)) return;
        clearTimeout(timer);
        this.child.stderr!.off('data', check);
        resolve(this.stderr);
      };
      const timer = setTimeout(() => {
        this.child.stderr!.off('data', check);
        reject(new Error(`stderr did not match ${pattern} in ${timeoutMs} ms: ${this.stderr}`));
      }, timeoutMs);
      this.child.stderr!.on('data', check);
      check();
    });
  }

  /** Bytes written to the server's stdin as they are, bypassing the protocol's framing. */
  writeRaw(bytes: string | Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => this.child.stdin!.write(bytes, (error) => (error ? reject(error) : resolve())));
  }

  open(uri: string, text: string, languageId = 'yaml'): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  change(uri: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** What an editor's file watcher reports: 1 created, 2 changed, 3 deleted. */
  filesChanged(changes: { uri: string; type: 1 | 2 | 3 }[]): Promise<void> {
    return this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  completion(uri: string, line: number, character: number): Promise<{ items: { label: string; documentation?: unknown; detail?: string }[] } | { label: string }[]> {
    return this.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } });
  }

  hover(uri: string, line: number, character: number): Promise<{ contents: unknown } | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  }

  async stop(): Promise<void> {
    // vscode-jsonrpc leaves the failure to write a request to a process that has ended as an unhandled rejection.
    if (this.child.exitCode === null && this.child.signalCode === null) await this.shutDown();
    this.connection.dispose();
    this.child.kill();
  }

  private async shutDown(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // the server may already be gone
    }
  }
}

export function labels(result: Awaited<ReturnType<LspClient['completion']>>): string[] {
  return (Array.isArray(result) ? result : result.items).map((item) => item.label);
}
