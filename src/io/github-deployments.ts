/**
 * Records a deploy as a GitHub Deployment with statuses (needs `permissions: deployments: write`) on
 * GITHUB_API_URL (GHES, or a local stub in tests). Recording is best effort:
 * a failure is reported by the caller as a warning and never stops or fails the deploy.
 */
import { githubClient } from './github-api.js';

export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'error' | 'inactive';

export interface DeploymentTarget {
  token: string;
  /** The REST API root (GITHUB_API_URL). */
  apiUrl: string;
  owner: string;
  repo: string;
  /** The commit deployed (the workflow's). */
  ref: string;
  environment: string;
  description: string;
  /** The workflow run, linked from each status. */
  logUrl?: string;
}

export interface DeploymentRecord {
  id: number;
  setStatus(state: DeploymentState, details: { description: string; environmentUrl?: string }): Promise<void>;
}

export async function createDeployment(target: DeploymentTarget): Promise<DeploymentRecord> {
  const octokit = githubClient(target.token, target.apiUrl);
  const { owner, repo } = target;
  const response = await octokit.rest.repos.createDeployment({
    owner,
    repo,
    ref: target.ref,
    environment: target.environment,
    description: target.description.slice(0, 140),
    auto_merge: false,
    required_contexts: [],
    transient_environment: false,
  });
  const id = (response.data as { id?: number }).id;
  if (typeof id !== 'number')
    throw new Error(
      `GitHub did not create a deployment: ${(response.data as { message?: string }).message ?? 'no id'}`,
    );
  return {
    id,
    async setStatus(state, details) {
      await octokit.rest.repos.createDeploymentStatus({
        owner,
        repo,
        deployment_id: id,
        state,
        description: details.description.slice(0, 140),
        ...(target.logUrl ? { log_url: target.logUrl } : {}),
        ...(details.environmentUrl ? { environment_url: details.environmentUrl } : {}),
        auto_inactive: true,
      });
    },
  };
}
