import type { getOctokit } from '@actions/github';
import { commentMarker } from './report.js';

type Octokit = ReturnType<typeof getOctokit>;

export interface PullRequestRef {
  owner: string;
  repo: string;
  issueNumber: number;
}

/**
 * Keeps one goalpost comment per pull request: finds the comment that carries
 * the hidden marker and updates it, or creates it the first time. Returns
 * what was done and the comment's id.
 */
export async function upsertComment(octokit: Octokit, ref: PullRequestRef, body: string): Promise<{ action: 'created' | 'updated'; id: number }> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: ref.owner,
    repo: ref.repo,
    issue_number: ref.issueNumber,
    per_page: 100,
  });
  const existing = comments.find((comment) => comment.body?.includes(commentMarker));
  if (existing) {
    await octokit.rest.issues.updateComment({ owner: ref.owner, repo: ref.repo, comment_id: existing.id, body });
    return { action: 'updated', id: existing.id };
  }
  const created = await octokit.rest.issues.createComment({ owner: ref.owner, repo: ref.repo, issue_number: ref.issueNumber, body });
  return { action: 'created', id: created.data.id };
}
