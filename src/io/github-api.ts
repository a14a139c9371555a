import { getOctokit } from '@actions/github';

/** Octokit for this run's GitHub: GITHUB_API_URL, so GHES and local test stubs work. */
export function githubClient(
  token: string,
  baseUrl = process.env.GITHUB_API_URL || 'https://api.github.com',
) {
  return getOctokit(token, { baseUrl });
}
