import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { actionBuildOptions } from '../../scripts/build-action.js';
import { repoRoot } from './fixtures.js';

/**
 * The Action bundled from the current sources, as `npm run build:action`
 * bundles it but into a temporary folder (dist/ is left alone), next to a
 * copy of templates/ as in the published repository.
 */
export async function buildActionBundle(): Promise<{ script: string; remove(): void }> {
  const root = mkdtempSync(path.join(tmpdir(), 'goalpost-action-'));
  const script = path.join(root, 'dist/index.js');
  await build({ ...actionBuildOptions, outfile: script, logLevel: 'silent' });
  cpSync(path.join(repoRoot, 'templates'), path.join(root, 'templates'), { recursive: true });
  return { script, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export interface FakeComment {
  id: number;
  body: string;
  /** The login of the comment's author. */
  author: string;
}

/**
 * The part of GitHub's API the Action uses, at GITHUB_API_URL: GraphQL's
 * `viewer` for the token's identity, and listing, creating and updating the
 * comments of pull request 7 of acme/goals.
 */
export class FakeGitHub {
  comments: FakeComment[] = [];
  requests: string[] = [];
  /** Who the token belongs to: the default GITHUB_TOKEN is the github-actions bot. */
  tokenLogin = 'github-actions[bot]';
  /** Refuse to create or update comments, as GitHub does for a token without `pull-requests: write`. */
  refuseWrites = false;
  private server: Server | undefined;
  private nextId = 1000;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        this.requests.push(`${request.method} ${request.url}`);
        const reply = (status: number, data: unknown): void => {
          response.writeHead(status, { 'content-type': 'application/json' });
          response.end(JSON.stringify(data));
        };
        const url = new URL(request.url ?? '/', 'http://localhost');
        const asUser = (c: FakeComment) => ({ id: c.id, body: c.body, user: { login: c.author } });
        if (request.method === 'POST' && url.pathname === '/graphql') {
          if (!/\bviewer\s*\{\s*login\s*\}/.test((JSON.parse(body) as { query: string }).query)) return reply(400, { message: 'Unexpected query' });
          return reply(200, { data: { viewer: { login: this.tokenLogin } } });
        }
        const writing = request.method === 'POST' || request.method === 'PATCH';
        if (writing && this.refuseWrites) {
          return reply(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' });
        }
        if (request.method === 'GET' && url.pathname === '/repos/acme/goals/issues/7/comments') {
          return reply(200, this.comments.map(asUser));
        }
        if (request.method === 'POST' && url.pathname === '/repos/acme/goals/issues/7/comments') {
          const comment = { id: this.nextId++, body: (JSON.parse(body) as { body: string }).body, author: this.tokenLogin };
          this.comments.push(comment);
          return reply(201, asUser(comment));
        }
        const update = /^\/repos\/acme\/goals\/issues\/comments\/(\d+)$/.exec(url.pathname);
        if (request.method === 'PATCH' && update) {
          const comment = this.comments.find((c) => c.id === Number(update[1]));
          if (!comment) return reply(404, { message: 'Not Found' });
          comment.body = (JSON.parse(body) as { body: string }).body;
          return reply(200, asUser(comment));
        }
        reply(404, { message: 'Not Found' });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** The requests that changed something: creating or updating a comment. */
  writes(): string[] {
    return this.requests.filter((r) => r.startsWith('POST /repos') || r.startsWith('PATCH '));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
}

function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/^([\w-]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm)) outputs[match[1]!] = match[3]!;
  return outputs;
}

export interface RunOptions {
  inputs?: Record<string, string>;
  /** The event payload, or the raw text of the event file. */
  event?: object | string;
  eventName?: string;
  /** Variables of the runner to leave unset, such as GITHUB_STEP_SUMMARY. */
  unset?: readonly string[];
}

/**
 * Runs the bundled Action the way the runner does: inputs and context in the
 * environment, outputs and the summary in files, annotations on stdout, and
 * the GitHub REST API at GITHUB_API_URL.
 */
export async function runAction(script: string, workspace: string, apiUrl: string, options: RunOptions = {}): Promise<ActionRun> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'goalpost-runner-'));
  const files = { event: path.join(scratch, 'event.json'), summary: path.join(scratch, 'summary.md'), output: path.join(scratch, 'output.txt') };
  const event = options.event ?? {};
  writeFileSync(files.event, typeof event === 'string' ? event : JSON.stringify(event));
  writeFileSync(files.summary, '');
  writeFileSync(files.output, '');
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? scratch,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'acme/goals',
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '42',
    INPUT_TOKEN: 'test-token',
  };
  for (const [name, value] of Object.entries(options.inputs ?? {})) env[`INPUT_${name.toUpperCase()}`] = value;
  for (const name of options.unset ?? []) delete env[name];
  try {
    return await new Promise((resolve) => {
      execFile(process.execPath, [script], { cwd: workspace, env }, (error, stdout, stderr) => {
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          stdout,
          stderr,
          summary: readFileSync(files.summary, 'utf8'),
          outputs: readOutputs(files.output),
        });
      });
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
