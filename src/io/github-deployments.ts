/**
 * GitHub Deployments on GITHUB_API_URL (GHES, or a local stub in tests): a deploy or rollback is recorded
 * once its outcome is known, with its payload and final status (needs `permissions: deployments: write`),
 * and an environment's records are listed back. Every call has a time limit. Recording is best effort:
 * callers report a failure as a warning and never stop or fail the deploy for it.
 */
import { githubClient, withDeadline } from './github-api.js';
import { byCodeUnit } from '../domain/shared/order.js';

export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'error' | 'inactive';

export interface GitHubRepo {
  token: string;
  /** The REST API root (GITHUB_API_URL). */
  apiUrl: string;
  owner: string;
  repo: string;
  /** Time limit of each call (creating, listing: all its pages together). Default 20 s. */
  timeoutMs?: number;
}

export interface DeploymentTarget extends GitHubRepo {
  /** The commit deployed (the workflow's). */
  ref: string;
  environment: string;
  description: string;
  /** The workflow run, linked from each status. */
  logUrl?: string;
  /** JSON stored with the Deployment (never a secret value). */
  payload?: Record<string, unknown>;
}

export interface DeploymentRecord {
  id: number;
  setStatus(state: DeploymentState, details: { description: string; environmentUrl?: string }): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 20_000;

export async function createDeployment(target: DeploymentTarget): Promise<DeploymentRecord> {
  const octokit = await githubClient(target.token, target.apiUrl);
  const { owner, repo } = target;
  const timeoutMs = target.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const response = await withDeadline(timeoutMs, (signal) =>
    octokit.rest.repos.createDeployment({
      owner,
      repo,
      ref: target.ref,
      environment: target.environment,
      description: target.description.slice(0, 140),
      auto_merge: false,
      required_contexts: [],
      transient_environment: false,
      ...(target.payload ? { payload: target.payload } : {}),
      request: { signal },
    }),
  );
  const id = (response.data as { id?: number }).id;
  if (typeof id !== 'number')
    throw new Error(
      `GitHub did not create a deployment: ${(response.data as { message?: string }).message ?? 'no id'}`,
    );
  return {
    id,
    async setStatus(state, details) {
      await withDeadline(timeoutMs, (signal) =>
        octokit.rest.repos.createDeploymentStatus({
          owner,
          repo,
          deployment_id: id,
          state,
          description: details.description.slice(0, 140),
          ...(target.logUrl ? { log_url: target.logUrl } : {}),
          ...(details.environmentUrl ? { environment_url: details.environmentUrl } : {}),
          auto_inactive: true,
          request: { signal },
        }),
      );
    },
  };
}

export interface DeploymentStatusInfo {
  state: string;
  description: string;
  environmentUrl?: string;
  logUrl?: string;
  createdAt: string;
}

export interface ListedDeployment {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  description: string;
  createdAt: string;
  /** As GitHub returns it: the object that was sent, or a string. */
  payload: unknown;
  /** The newest status; null when it has none; absent unless asked for. */
  latestStatus?: DeploymentStatusInfo | null;
}

export interface ListQuery extends GitHubRepo {
  /** Only this environment's deployments; all when empty. */
  environment?: string;
  /** Stop after this many, newest first (default 300: three pages). */
  limit?: number;
  /** Also read each deployment's newest status (one more request each). */
  withStatus?: boolean;
}

/** An environment's deployments, newest first, paginated, all pages within one time limit. */
export async function listDeployments(query: ListQuery): Promise<ListedDeployment[]> {
  const octokit = await githubClient(query.token, query.apiUrl);
  const { owner, repo } = query;
  const limit = query.limit ?? 300;
  return withDeadline(query.timeoutMs ?? DEFAULT_TIMEOUT_MS, async (signal) => {
    const found: ListedDeployment[] = [];
    const perPage = Math.min(100, limit);
    // Page by page by hand: Octokit's paginate does not pass the abort signal on to later pages.
    for (let page = 1; found.length < limit; page++) {
      const { data } = await octokit.rest.repos.listDeployments({
        owner,
        repo,
        ...(query.environment ? { environment: query.environment } : {}),
        per_page: perPage,
        page,
        request: { signal },
      });
      for (const d of data.slice(0, limit - found.length))
        found.push({
          id: d.id,
          sha: d.sha,
          ref: d.ref,
          environment: d.environment ?? '',
          description: d.description ?? '',
          createdAt: d.created_at,
          payload: d.payload,
        });
      if (data.length < perPage) break;
    }
    if (query.withStatus) {
      // A few at a time: GitHub's secondary rate limits dislike bursts.
      let next = 0;
      const worker = async () => {
        while (next < found.length) {
          const deployment = found[next++] as ListedDeployment;
          const { data } = await octokit.rest.repos.listDeploymentStatuses({
            owner,
            repo,
            deployment_id: deployment.id,
            per_page: 10,
            request: { signal },
          });
          const newest = [...data].sort((a, b) => byCodeUnit(b.created_at, a.created_at))[0];
          deployment.latestStatus = newest
            ? {
                state: newest.state,
                description: newest.description ?? '',
                ...(newest.environment_url ? { environmentUrl: newest.environment_url } : {}),
                ...(newest.log_url ? { logUrl: newest.log_url } : {}),
                createdAt: newest.created_at,
              }
            : null;
        }
      };
      await Promise.all(Array.from({ length: Math.min(4, found.length) }, worker));
    }
    return found;
  });
}
