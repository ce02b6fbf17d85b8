import { readFileSync } from 'node:fs';
import { fileSystemReason, isFileSystemError } from '../load/file-system-error.js';

// The event that started an Action run, read from the runner's files as data that may be malformed.

/** The event that started the run, as the runner describes it, or why it cannot be read. */
export interface WorkflowEvent {
  name: string;
  payload: Record<string, unknown>;
  /** Set when the event file is missing its JSON or holds something else. */
  problem?: string;
}

/**
 * Reads the event file itself rather than through @actions/github, which
 * parses it as it loads and would fail before any output is set.
 */
export function readWorkflowEvent(): WorkflowEvent {
  const name = process.env['GITHUB_EVENT_NAME'] ?? '';
  const file = process.env['GITHUB_EVENT_PATH'];
  if (file === undefined || file === '') return { name, payload: {} };
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = isFileSystemError(error) ? fileSystemReason(error) : 'it is not valid JSON';
    return { name, payload: {}, problem: `The event file ${JSON.stringify(file)} cannot be read: ${reason}.` };
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { name, payload: {}, problem: `The event file ${JSON.stringify(file)} does not hold an event (a JSON object).` };
  }
  return { name, payload: payload as Record<string, unknown> };
}

export interface PullRequest {
  /** Undefined in a malformed event: then no comment can be posted. */
  number: number | undefined;
  baseSha: string | undefined;
}

export function pullRequestOf(event: WorkflowEvent): PullRequest | undefined {
  const pullRequest = event.payload['pull_request'];
  if (typeof pullRequest !== 'object' || pullRequest === null) return undefined;
  const { number, base } = pullRequest as { number?: unknown; base?: { sha?: unknown } };
  const sha = typeof base === 'object' && base !== null ? base.sha : undefined;
  return {
    number: Number.isSafeInteger(number) && (number as number) > 0 ? (number as number) : undefined,
    // A commit id only: it is handed to git.
    baseSha: typeof sha === 'string' && /^[0-9a-f]{7,64}$/i.test(sha) ? sha : undefined,
  };
}

/** The repository the run belongs to, as `GITHUB_REPOSITORY` (owner/name) names it. */
export function repositoryOf(event: WorkflowEvent): { owner: string; repo: string } | undefined {
  const [owner, repo, ...rest] = (process.env['GITHUB_REPOSITORY'] ?? '').split('/');
  if (owner && repo && rest.length === 0) return { owner, repo };
  const repository = event.payload['repository'] as { name?: unknown; owner?: { login?: unknown } } | undefined;
  const name = repository?.name;
  const login = repository?.owner?.login;
  return typeof name === 'string' && typeof login === 'string' ? { owner: login, repo: name } : undefined;
}
