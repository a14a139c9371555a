/**
 * GitHub Deployment records of deploys and rollbacks, and the chat notification: best effort, warnings only.
 * A run is recorded once its outcome is known (the payload can only be set at creation), with its final
 * status; a rollback reads the records back to tell what changed since its target.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import {
  parseRecord,
  type ConfigFingerprint,
  type DeliveryRecord,
  type RecordPayload,
  type RunFacts,
} from '../domain/deploy/record.js';
import type { SecretEntry } from '../domain/flyctl/shapes.js';
import { InputError, errorMessage } from '../domain/shared/errors.js';
import type { InputReader } from '../host/inputs.js';
import type { Host } from '../host/host.js';
import { createDeployment, listDeployments } from '../io/github-deployments.js';
import { notifyWebhook } from '../io/notify.js';

export interface RecordSettings {
  githubToken?: string;
  environment?: string;
  /** The commit (or ref) the Deployment records; undefined: the run's commit. */
  deploymentRef?: string;
}

/** The deployment-ref input: a commit, branch or tag name, nothing a ref cannot hold. */
export function readDeploymentRef(input: InputReader): string | undefined {
  const ref = input.optional('deployment-ref');
  if (ref !== undefined && !/^[\w][\w./-]*$/.test(ref))
    throw new InputError(
      'deployment-ref',
      `${JSON.stringify(ref)} is not a commit, branch or tag name`,
      "Give a commit SHA (e.g. needs.pre-deploy.outputs.sha) or a branch or tag name, or leave it empty for the run's commit.",
    );
  return ref;
}

/** What the command knows of the run it records; the facts are gathered only when a record is made. */
export interface RunToRecord {
  startedAt: Date;
  description: string;
  /** The fly.toml the run used: its directory and the config input (flyctl's ./fly.toml when empty). */
  workingDirectory: string;
  config?: string;
  /** The app's secrets after the run (names and digests); undefined when they could not be read. */
  secrets: () => Promise<SecretEntry[]>;
  /** Undefined: the run changed nothing, so there is nothing to record. */
  payload: ((facts: RunFacts) => RecordPayload) | undefined;
  status: { state: 'success' | 'failure' | 'error'; description: string; environmentUrl?: string };
}

/** The fly.toml flyctl deploys with (contract §4: -c, else ./fly.toml), relative to the workspace; null if none. */
export async function configFingerprint(
  workspace: string,
  workingDirectory: string,
  config?: string,
): Promise<ConfigFingerprint | null> {
  const path = resolve(workingDirectory, config || 'fly.toml');
  try {
    const sha256 = createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
    return { path: relative(workspace, path).split(sep).join('/') || path, sha256 };
  } catch {
    return null;
  }
}

/** Creates the Deployment with its payload and final status. Any failure is a warning. */
export async function recordDeployment(
  host: Host,
  settings: RecordSettings,
  run: RunToRecord,
): Promise<void> {
  const build = run.payload;
  if (!settings.environment || !build) return;
  const { repository, apiUrl, runUrl } = host.context;
  const sha = settings.deploymentRef ?? host.context.sha;
  if (!settings.githubToken) {
    host.warning('environment is set but github-token is empty: no GitHub Deployment is recorded.');
    return;
  }
  if (!repository || !sha) {
    host.warning(
      'environment is set but the repository and commit are unknown (GITHUB_REPOSITORY, GITHUB_SHA): no GitHub Deployment is recorded.',
    );
    return;
  }
  const [config, secrets] = await Promise.all([
    configFingerprint(host.context.workspace, run.workingDirectory, run.config),
    run.secrets().catch((error: unknown) => {
      host.warning(
        `Could not read the app's secrets for the GitHub Deployment record (${errorMessage(error)}).`,
      );
      return null;
    }),
  ]);
  const payload = build({ startedAt: run.startedAt, finishedAt: new Date(), config, secrets });
  try {
    const record = await createDeployment({
      token: settings.githubToken,
      apiUrl,
      ...repository,
      ref: sha,
      environment: settings.environment,
      description: run.description,
      payload: payload as unknown as Record<string, unknown>,
      ...(runUrl ? { logUrl: runUrl } : {}),
    });
    await record.setStatus(run.status.state, run.status);
  } catch (error) {
    host.warning(
      `Could not record a GitHub Deployment for ${settings.environment} (${errorMessage(error)}). Grant the job \`permissions: deployments: write\`.`,
    );
  }
}

/** This app's records in the environment (every environment when none is set), or why they are unknown. */
export async function readRecords(
  host: Host,
  settings: RecordSettings,
  app: string,
): Promise<{ records: DeliveryRecord[] } | { missing: string }> {
  const { repository, apiUrl } = host.context;
  if (!settings.githubToken)
    return { missing: 'github-token is empty, so the GitHub Deployment records cannot be read' };
  if (!repository)
    return {
      missing: 'the repository is unknown (GITHUB_REPOSITORY), so its GitHub Deployments cannot be read',
    };
  try {
    const listed = await listDeployments({
      token: settings.githubToken,
      apiUrl,
      ...repository,
      ...(settings.environment ? { environment: settings.environment } : {}),
    });
    const records = listed
      .map((d) => parseRecord(d.payload))
      .filter((r): r is DeliveryRecord => r !== undefined && r.app === app);
    return { records };
  } catch (error) {
    return { missing: `the GitHub Deployments could not be read (${errorMessage(error)})` };
  }
}

export async function notify(
  host: Host,
  webhook: string | undefined,
  text: string | undefined,
): Promise<void> {
  if (!webhook || text === undefined) return;
  try {
    await notifyWebhook(webhook, host.redact(text));
  } catch (error) {
    host.warning(`Could not post to notify-webhook (${errorMessage(error)}).`);
  }
}
