/**
 * One sticky pull request comment per marker: found by the hidden marker AND written by this token's own
 * identity (a PAT's user, or github-actions[bot] for GITHUB_TOKEN), so a user's quote of the comment is
 * never edited; updated in place, created only when none exists.
 */
import { getOctokit } from '@actions/github';

export interface StickyComment {
  token: string;
  baseUrl: string;
  owner: string;
  repo: string;
  issueNumber: number;
  marker: string;
  body: string;
}

export type CommentOutcome =
  | { action: 'created' | 'updated'; id: number; url: string }
  | { action: 'forbidden'; status: number; message: string };

export const ACTIONS_BOT = 'github-actions[bot]';

interface RequestFailure {
  status?: number;
  message?: string;
}

/** The login comments made with this token carry. GITHUB_TOKEN cannot call GET /user (403): it is the bot. */
async function tokenIdentity(octokit: ReturnType<typeof getOctokit>): Promise<string> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return data.login;
  } catch {
    return ACTIONS_BOT;
  }
}

export async function upsertStickyComment(options: StickyComment): Promise<CommentOutcome> {
  const octokit = getOctokit(options.token, { baseUrl: options.baseUrl });
  const target = { owner: options.owner, repo: options.repo, issue_number: options.issueNumber };
  try {
    const identity = await tokenIdentity(octokit);
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...target, per_page: 100 });
    const own = comments.find((c) => c.user?.login === identity && (c.body ?? '').includes(options.marker));
    if (own) {
      const { data } = await octokit.rest.issues.updateComment({
        owner: options.owner,
        repo: options.repo,
        comment_id: own.id,
        body: options.body,
      });
      return { action: 'updated', id: data.id, url: data.html_url };
    }
    const { data } = await octokit.rest.issues.createComment({ ...target, body: options.body });
    return { action: 'created', id: data.id, url: data.html_url };
  } catch (error) {
    const failure = error as RequestFailure;
    // A fork's pull request runs with a read-only token: GitHub answers 403 (404 for some private repos).
    if (failure.status === 403 || failure.status === 404) {
      return { action: 'forbidden', status: failure.status, message: failure.message ?? '' };
    }
    throw error;
  }
}
