import { getOctokit } from '@actions/github';

/** Octokit for this run's GitHub: `baseUrl` is GITHUB_API_URL, so GHES and local test stubs work. */
export function githubClient(token: string, baseUrl: string) {
  return getOctokit(token, { baseUrl });
}
