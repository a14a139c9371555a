/**
 * What delivery metrics read from GitHub besides the Deployments (src/io/github-deployments.ts lists
 * those): the repository's environments, and each deployed commit's time from the Git commits API. Every
 * call has a time limit.
 */
import { githubClient, withDeadline } from './github-api.js';
import type { GitHubRepo } from './github-deployments.js';

const DEFAULT_TIMEOUT_MS = 20_000;

/** The environments the token can see, by name (all pages within one time limit). */
export async function listEnvironments(repo: GitHubRepo): Promise<string[]> {
  const octokit = await githubClient(repo.token, repo.apiUrl);
  return withDeadline(repo.timeoutMs ?? DEFAULT_TIMEOUT_MS, async (signal) => {
    const names: string[] = [];
    for (let page = 1; page <= 10; page++) {
      const { data } = await octokit.rest.repos.getAllEnvironments({
        owner: repo.owner,
        repo: repo.repo,
        per_page: 100,
        page,
        request: { signal },
      });
      const found = (data.environments ?? []).map((e) => e.name);
      names.push(...found);
      if (found.length < 100) break;
    }
    return names;
  });
}

/** Each commit's committer time; a commit GitHub does not know is left out. A few requests at a time. */
export async function commitTimes(repo: GitHubRepo, shas: readonly string[]): Promise<Map<string, Date>> {
  const octokit = await githubClient(repo.token, repo.apiUrl);
  const times = new Map<string, Date>();
  const unique = [...new Set(shas)];
  await withDeadline(repo.timeoutMs ?? DEFAULT_TIMEOUT_MS, async (signal) => {
    let next = 0;
    const worker = async () => {
      while (next < unique.length) {
        const sha = unique[next++] as string;
        try {
          const { data } = await octokit.rest.git.getCommit({
            owner: repo.owner,
            repo: repo.repo,
            commit_sha: sha,
            request: { signal },
          });
          const at = Date.parse(data.committer?.date ?? '');
          if (!Number.isNaN(at)) times.set(sha, new Date(at));
        } catch (error) {
          if (signal.aborted) throw error;
          if ((error as { status?: number }).status !== 404 && (error as { status?: number }).status !== 422)
            throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(4, unique.length) }, worker));
  });
  return times;
}
