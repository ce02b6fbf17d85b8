import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/fixtures.js';
import { labels, LspClient } from '../helpers/lsp-client.js';

/**
 * `goalpost lsp` given what a broken or hostile editor, workspace or
 * keyboard can send, driven over stdio as an editor drives it: it never
 * crashes, never reads what the CLI would not read, never goes silent, and
 * does not validate once per keystroke.
 */
const folders: string[] = [];
const clients: LspClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.stop()));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

/** A copy of the example to work in. */
function workspace(): string {
  const dir = temporaryFolder('goalpost-lsp-hostile-');
  cpSync(path.join(repoRoot, 'goals'), path.join(dir, 'goals'), { recursive: true });
  return dir;
}

async function serve(dir: string, extraArgs: string[] = []): Promise<LspClient> {
  const client = new LspClient(process.execPath, [path.join(repoRoot, 'bin/goalpost.js'), 'lsp', '--stdio', ...extraArgs], () => null);
  clients.push(client);
  await client.initialize(pathToFileURL(dir).href);
  return client;
}

const marketing = (dir: string): { uri: string; text: string } => ({
  uri: pathToFileURL(path.join(dir, 'goals/2026-Q4/marketing.yaml')).href,
  text: readFileSync(path.join(dir, 'goals/2026-Q4/marketing.yaml'), 'utf8'),
});

/** The example's goal set with the owner breakdown of revenue giving zhang.min `amount`. */
const withZhangMin = (text: string, amount: number): string => text.replace('items: {zhang.min: 5000000,', `items: {zhang.min: ${amount},`);

/**
 * Opens the example's goal set (or, from `version` 2, changes it) with a breakdown that is `amount`
 * short and waits for the diagnostics of that version: proof the server is alive and checking.
 * Positions are 0-based, as LSP sends them.
 */
async function breakdownShortBy(client: LspClient, dir: string, amount: number, version = 1): Promise<string[]> {
  const { uri, text } = marketing(dir);
  const published = client.diagnosticsFor(uri, (p) => p.version === version);
  if (version === 1) await client.open(uri, withZhangMin(text, 5_000_000 - amount));
  else await client.change(uri, version, withZhangMin(text, 5_000_000 - amount));
  return (await published).diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`);
}

const goalSetWithError = 'apiVersion: goalpost/v1\nkind: GoalSet\nteam: marketing\nperiod: 2026-Q4\ngoals:\n  - {id: x, title: x, kpi: nonexistent, target: 1, weight: 100, owner: li.wei}\n';

describe('documents that are not files on this machine', () => {
  const uris = ['untitled:Untitled-1', 'untitled:/goals/Untitled-2.yaml', 'git:/goals/kpis.yaml?%7B%22ref%22%3A%22HEAD%22%7D', 'file://another-host/goals/kpis.yaml', 'vscode-notebook-cell:/goals/x.yaml#W0sZmlsZQ%3D%3D'];

  it('are opened, edited, completed in and closed without a crash, and get no diagnostics', async () => {
    const dir = workspace();
    const client = await serve(dir);
    // A file URI whose path holds an encoded slash cannot be turned into a path either.
    const all = [...uris, `${pathToFileURL(path.join(dir, 'goals')).href}/2026-Q4%2Fdraft.yaml`];
    for (const uri of all) {
      await client.open(uri, goalSetWithError);
      await client.change(uri, 2, `${goalSetWithError}    alignsTo: \n`);
      expect(labels(await client.completion(uri, 6, 14))).toEqual([]);
    }
    expect(await breakdownShortBy(client, dir, 100_000)).toEqual(['breakdown-sum 15:8']);
    for (const uri of all) await client.close(uri);
    expect(await breakdownShortBy(client, dir, 200_000, 2)).toEqual(['breakdown-sum 15:8']);

    for (const uri of all) expect(client.publishedFor(uri)).toEqual([]);
    expect(client.stderr).toBe('');
  });
});

describe('files the CLI does not read', () => {
  it('a link to /dev/zero, a link out of the folder and a linked folder are never read, even when the editor reports them changed or opens them', async () => {
    const dir = workspace();
    const elsewhere = temporaryFolder('goalpost-lsp-elsewhere-');
    writeFileSync(path.join(elsewhere, 'goals.yaml'), goalSetWithError);
    symlinkSync('/dev/zero', path.join(dir, 'goals/zero.yaml'));
    symlinkSync(path.join(elsewhere, 'goals.yaml'), path.join(dir, 'goals/outside.yaml'));
    symlinkSync(elsewhere, path.join(dir, 'goals/linked'));
    const links = ['goals/zero.yaml', 'goals/outside.yaml', 'goals/linked/goals.yaml'].map((file) => pathToFileURL(path.join(dir, file)).href);

    const client = await serve(dir);
    expect(await breakdownShortBy(client, dir, 100_000)).toEqual(['breakdown-sum 15:8']);
    await client.filesChanged(links.flatMap((uri) => [{ uri, type: 1 as const }, { uri, type: 2 as const }]));
    // An editor that followed the link shows its text; it still is not a goals file for goalpost.
    for (const uri of links) await client.open(uri, goalSetWithError);
    expect(await breakdownShortBy(client, dir, 200_000, 2)).toEqual(['breakdown-sum 15:8']);
    expect(labels(await client.completion(links[1]!, 5, 27))).toEqual([]);

    for (const uri of links) expect(client.publishedFor(uri)).toEqual([]);
  });

  it('a file over the size limit gets the CLI’s file-too-large diagnostic, and the server goes on answering', async () => {
    const dir = workspace();
    const huge = path.join(dir, 'goals/huge.yaml');
    writeFileSync(huge, `# ${'x'.repeat(17 * 1024 * 1024)}\n`);
    const stdout = await new Promise<string>((resolve) =>
      execFile(process.execPath, [path.join(repoRoot, 'bin/goalpost.js'), 'validate', path.join(dir, 'goals'), '--format', 'json'], (_error, out) => resolve(out)),
    );
    const expected = (JSON.parse(stdout) as { code: string; line: number; column: number; message: string }[]).find((d) => d.code === 'file-too-large');
    expect(expected).toMatchObject({ line: 1, column: 1 });

    const client = await serve(dir);
    const { diagnostics } = await client.diagnosticsFor(pathToFileURL(huge).href);
    expect(diagnostics).toEqual([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 1, code: 'file-too-large', source: 'goalpost', message: expected!.message }]);
    expect(await breakdownShortBy(client, dir, 100_000)).toEqual(['breakdown-sum 15:8']);
  });

  it('an editor buffer over --max-file-size is refused like a file on disk', async () => {
    const dir = workspace();
    const client = await serve(dir, ['--max-file-size', '0.5']);
    const uri = pathToFileURL(path.join(dir, 'goals/2026-Q4/pasted.yaml')).href;
    const published = client.diagnosticsFor(uri);
    await client.open(uri, `# ${'x'.repeat(1024 * 1024)}\n`);
    expect((await published).diagnostics.map((d) => d.code)).toEqual(['file-too-large']);
  });
});

describe('messages it cannot read', () => {
  const body = '{"jsonrpc":"2.0","id":99,"method":"shutdown"}';
  const malformed: Record<string, string> = {
    'a Content-Length that is not a number': `Content-Length: abc\r\n\r\n${body}`,
    'no Content-Length': `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${body}`,
    'a header line without a colon': `Content-Length ${body.length}\r\n\r\n${body}`,
    'a negative Content-Length': `Content-Length: -5\r\n\r\n${body}`,
    'a Content-Length shorter than the body': `Content-Length: 10\r\n\r\n${body}`,
    'a body that is not JSON': `Content-Length: 11\r\n\r\n{"jsonrpc":`,
  };

  for (const [name, bytes] of Object.entries(malformed)) {
    it(`${name}: it stops with the reason on stderr and status 2, instead of dropping every later message`, async () => {
      const dir = workspace();
      const client = await serve(dir);
      await client.writeRaw(bytes);
      expect(await client.exited).toEqual({ code: 2, signal: null });
      expect(client.stderr).toMatch(/^goalpost lsp: stopped: the editor sent a message that cannot be read \(.+\)\. Messages after it cannot be told apart, so the editor should start the server again\.\n$/);
    });
  }

  it('a Content-Length longer than what was sent: it says in the log that it is waiting', async () => {
    const dir = workspace();
    const client = await serve(dir);
    await client.writeRaw(`Content-Length: 1000\r\n\r\n${body}`);
    expect(await client.stderrMatching(/incomplete/, 20_000)).toBe(
      'goalpost lsp: a message from the editor has been incomplete for 5 s; if the editor is waiting for an answer, its Content-Length header counts more bytes than it sent.\n',
    );
  });
});

describe('a burst of edits', () => {
  it('1,000 changes sent at once are validated a few times, not 1,000, and the last diagnostics are those of the last text', async () => {
    const dir = workspace();
    const client = await serve(dir);
    const { uri, text } = marketing(dir);
    expect(await breakdownShortBy(client, dir, 100_000)).toEqual(['breakdown-sum 15:8']);

    // Every validation publishes the diagnostics of each open file, so these publications count the validations.
    const before = client.publishedFor(uri).length;
    const last = client.diagnosticsFor(uri, (p) => p.version === 1001);
    // zhang.min's share of the breakdown moves on every keystroke, so each text has its own message.
    for (let version = 2; version <= 1001; version++) await client.change(uri, version, withZhangMin(text, 4_000_000 + version));
    const { diagnostics } = await last;
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['breakdown-sum', "The breakdown by owner adds up to 11,001,001, but the goal's target is 12,000,000: 998,999 short (8.32%)."],
    ]);
    const validations = client.publishedFor(uri).slice(before);
    expect(validations.length).toBeLessThan(20);
    expect(validations.at(-1)!.version).toBe(1001);
  });
});
