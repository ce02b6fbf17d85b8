import type { getOctokit } from '@actions/github';
import { commentMarker } from './report.js';

type Octokit = ReturnType<typeof getOctokit>;

export interface PullRequestRef {
  owner: string;
  repo: string;
  issueNumber: number;
}

/**
 * The login of the token's identity: a person or machine user for a personal
 * token, `github-actions[bot]` for the default GITHUB_TOKEN, `<app>[bot]`
 * for a GitHub App. REST's GET /user refuses installation tokens; GraphQL's
 * `viewer` answers for every kind, with the login comments carry.
 */
async function tokenLogin(octokit: Octokit): Promise<string> {
  const { viewer } = await octokit.graphql<{ viewer: { login: string } }>('query { viewer { login } }');
  return viewer.login;
}

/**
 * Keeps one goalpost comment per pull request: finds the comment that this
 * token's identity wrote with the hidden marker and updates it, or creates
 * it the first time. Anyone can paste the marker into a comment of their
 * own; such a comment is never touched. Returns what was done and the comment's id.
 */
export async function upsertComment(octokit: Octokit, ref: PullRequestRef, body: string): Promise<{ action: 'created' | 'updated'; id: number }> {
  const login = await tokenLogin(octokit);
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: ref.owner,
    repo: ref.repo,
    issue_number: ref.issueNumber,
    per_page: 100,
  });
  const existing = comments.find((comment) => comment.user?.login === login && comment.body?.includes(commentMarker));
  if (existing) {
    await octokit.rest.issues.updateComment({ owner: ref.owner, repo: ref.repo, comment_id: existing.id, body });
    return { action: 'updated', id: existing.id };
  }
  const created = await octokit.rest.issues.createComment({ owner: ref.owner, repo: ref.repo, issue_number: ref.issueNumber, body });
  return { action: 'created', id: created.data.id };
}
