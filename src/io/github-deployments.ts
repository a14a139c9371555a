/**
 * Records a deploy as a GitHub Deployment with statuses (needs `permissions: deployments: write`) on
 * GITHUB_API_URL (GHES, or a local stub in tests). Recording is best effort:
 * a failure is reported by the caller as a warning and never stops or fails the deploy.
 */
import * as github from '@actions/github';
import { githubClient } from './github-api.js';

export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'error' | 'inactive';

export interface DeploymentTarget {
  token: string;
  environment: string;
  description: string;
  /** Defaults to the workflow's commit. */
  ref?: string;
}

export interface DeploymentRecord {
  id: number;
  setStatus(state: DeploymentState, details: { description: string; environmentUrl?: string }): Promise<void>;
}

/** This workflow run's page; undefined outside a runner (the terminal tools), where there is no run. */
export function runUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const {
    GITHUB_SERVER_URL: server = 'https://github.com',
    GITHUB_REPOSITORY: repository,
    GITHUB_RUN_ID: run,
  } = env;
  return repository && run ? `${server}/${repository}/actions/runs/${run}` : undefined;
}

export async function createDeployment(target: DeploymentTarget): Promise<DeploymentRecord> {
  const octokit = githubClient(target.token);
  const { owner, repo } = github.context.repo;
  const response = await octokit.rest.repos.createDeployment({
    owner,
    repo,
    ref: target.ref ?? github.context.sha,
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
        log_url: runUrl(),
        ...(details.environmentUrl ? { environment_url: details.environmentUrl } : {}),
        auto_inactive: true,
      });
    },
  };
}
