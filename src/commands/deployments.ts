/** Recording a deploy or rollback as a GitHub Deployment, and the chat notification: best effort, warnings only. */
import { errorMessage } from '../domain/shared/errors.js';
import type { DeploymentState } from '../domain/deploy/report.js';
import type { Host } from '../host/host.js';
import { createDeployment, type DeploymentRecord } from '../io/github-deployments.js';
import { notifyWebhook } from '../io/notify.js';

export interface RecordSettings {
  githubToken?: string;
  environment?: string;
}

export async function recordDeployment(
  host: Host,
  settings: RecordSettings,
  description: string,
): Promise<DeploymentRecord | undefined> {
  if (!settings.environment) return undefined;
  const { repository, sha, apiUrl, runUrl } = host.context;
  if (!settings.githubToken) {
    host.warning('environment is set but github-token is empty: no GitHub Deployment is recorded.');
    return undefined;
  }
  if (!repository || !sha) {
    host.warning(
      'environment is set but the repository and commit are unknown (GITHUB_REPOSITORY, GITHUB_SHA): no GitHub Deployment is recorded.',
    );
    return undefined;
  }
  try {
    const record = await createDeployment({
      token: settings.githubToken,
      apiUrl,
      ...repository,
      ref: sha,
      environment: settings.environment,
      description,
      ...(runUrl ? { logUrl: runUrl } : {}),
    });
    await record.setStatus('in_progress', { description });
    return record;
  } catch (error) {
    host.warning(
      `Could not record a GitHub Deployment for ${settings.environment} (${errorMessage(error)}). Grant the job \`permissions: deployments: write\`; the deploy goes on.`,
    );
    return undefined;
  }
}

export async function finishDeployment(
  host: Host,
  record: DeploymentRecord | undefined,
  status: { state: DeploymentState; description: string; environmentUrl?: string },
): Promise<void> {
  if (!record) return;
  try {
    await record.setStatus(status.state, status);
  } catch (error) {
    host.warning(`Could not update the GitHub Deployment status (${errorMessage(error)}).`);
  }
}

export async function notify(
  host: Host,
  webhook: string | undefined,
  text: string | undefined,
): Promise<void> {
  if (!webhook || text === undefined) return;
  try {
    await notifyWebhook(webhook, text);
  } catch (error) {
    host.warning(`Could not post to notify-webhook (${errorMessage(error)}).`);
  }
}
