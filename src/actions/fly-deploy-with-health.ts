/** fly-deploy-with-health: deploy to Fly.io, verify from outside, roll back automatically. */
import { resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import * as core from '@actions/core';
import { describeTokenProblem } from '../domain/fly-token.js';
import { UserError, errorMessage } from '../domain/errors.js';
import { predatesReleaseJson, type DeployStrategy } from '../domain/flyctl/deploy-args.js';
import { encodeSecretsImport, type SecretPair } from '../domain/flyctl/secrets-import.js';
import { runDeployFlow, type DeployReport, type DeploySettings } from '../domain/deploy/flow.js';
import { parseAppName, parseProbeMethod, parseWaitTimeout } from '../domain/deploy/inputs.js';
import {
  deployOutputs,
  deploymentStatus,
  failureMessage,
  notificationText,
  summaryMarkdown,
} from '../domain/deploy/report.js';
import { parseBodyCheck, parseHeaders, parseStatusSet } from '../domain/probe/spec.js';
import { FlyctlClient } from '../io/flyctl.js';
import { setupFlyctl } from '../runner/flyctl.js';
import { createDeployment, runUrl, type DeploymentRecord } from '../io/github-deployments.js';
import { probe } from '../io/http-probe.js';
import { notifyWebhook } from '../io/notify.js';
import { input } from '../runner/inputs.js';
import { setOutputs, writeSummary } from '../runner/report.js';
import { runAction } from '../runner/run.js';
import { maskSecret, readFlyToken } from '../runner/secrets.js';

const STRATEGIES = [
  'rolling',
  'immediate',
  'canary',
  'bluegreen',
] as const satisfies readonly DeployStrategy[];

interface ActionSettings {
  deploy: DeploySettings;
  workingDirectory: string;
  flyctlVersion: string;
  githubToken?: string;
  environment?: string;
  notifyWebhook?: string;
  notifyOn: 'failure' | 'always';
}

/** Secrets are masked as they are read, and checked against flyctl's parser now, before anything runs. */
function checkedSecrets(): SecretPair[] {
  const pairs = input.secretPairs('secrets');
  encodeSecretsImport(pairs);
  return pairs;
}

function readSettings(): ActionSettings {
  const app = parseAppName('app', input.string('app', { required: true }));
  const method = parseProbeMethod('health-method', input.string('health-method'));
  const headers = parseHeaders('health-headers', input.string('health-headers'));
  for (const value of Object.values(headers)) maskSecret(value);
  const maxLatency = input.optional('health-max-latency');
  return {
    deploy: {
      app,
      config: input.optional('config'),
      image: input.optional('image'),
      ...(input.optional('strategy') ? { strategy: input.choice('strategy', STRATEGIES) } : {}),
      waitTimeout: parseWaitTimeout('wait-timeout', input.string('wait-timeout')),
      deployTimeoutMs: input.duration('deploy-timeout', { minMs: 10_000 }),
      remoteOnly: input.boolean('remote-only'),
      buildArgs: input.pairs('build-args').map((p) => `${p.name}=${p.value}`),
      secrets: checkedSecrets(),
      healthUrl: input.optionalUrl('health-url')?.toString(),
      probe: {
        method,
        headers,
        expectStatus: parseStatusSet('health-expect-status', input.string('health-expect-status')),
        body: parseBodyCheck('health-expect-body', input.string('health-expect-body')),
        ...(maxLatency ? { maxLatencyMs: input.duration('health-max-latency', { minMs: 1 }) } : {}),
        timeoutMs: input.duration('health-timeout', { minMs: 100, maxMs: 300_000 }),
        followRedirects: input.boolean('health-follow-redirects'),
        maxRedirects: 5,
      },
      retry: {
        mode: input.choice('health-schedule', ['fixed', 'adaptive'] as const),
        attempts: input.integer('health-retries', { min: 1, max: 100 }),
        intervalMs: input.duration('health-interval', { maxMs: 600_000 }),
      },
      rollback: input.boolean('rollback'),
      rollbackStrategy: input.choice('rollback-strategy', STRATEGIES),
      rolloutTimeoutMs: input.duration('rollout-timeout', { maxMs: 3_600_000 }),
      rolloutPollMs: 1000,
    },
    workingDirectory: resolve(input.string('working-directory') || '.'),
    flyctlVersion: input.string('flyctl-version') || 'latest',
    githubToken: input.secret('github-token'),
    environment: input.optional('environment'),
    notifyWebhook: input.secret('notify-webhook'),
    notifyOn: input.choice('notify-on', ['failure', 'always'] as const),
  };
}

async function recordDeployment(settings: ActionSettings): Promise<DeploymentRecord | undefined> {
  if (!settings.environment) return undefined;
  if (!settings.githubToken) {
    core.warning('environment is set but github-token is empty: no GitHub Deployment is recorded.');
    return undefined;
  }
  try {
    const record = await createDeployment({
      token: settings.githubToken,
      environment: settings.environment,
      description: `fly-deploy-with-health: ${settings.deploy.app}`,
    });
    await record.setStatus('in_progress', { description: `Deploying ${settings.deploy.app}` });
    return record;
  } catch (error) {
    core.warning(
      `Could not record a GitHub Deployment for ${settings.environment} (${errorMessage(error)}). Grant the job \`permissions: deployments: write\`; the deploy goes on.`,
    );
    return undefined;
  }
}

async function finishDeployment(
  record: DeploymentRecord | undefined,
  report: DeployReport | undefined,
  error?: unknown,
) {
  if (!record) return;
  const { state, description } = deploymentStatus(
    report,
    error === undefined ? undefined : errorMessage(error),
  );
  try {
    await record.setStatus(state, { description, environmentUrl: report?.appUrl });
  } catch (e) {
    core.warning(`Could not update the GitHub Deployment status (${errorMessage(e)}).`);
  }
}

async function notify(settings: ActionSettings, text: string | undefined): Promise<void> {
  if (!settings.notifyWebhook || text === undefined) return;
  try {
    await notifyWebhook(settings.notifyWebhook, text);
  } catch (error) {
    core.warning(`Could not post to notify-webhook (${errorMessage(error)}).`);
  }
}

/** The flyctl version in the log helps explain behaviour; FLY_EMIT_RELEASE_JSON needs 0.4.56 or later. */
async function logFlyctlVersion(client: FlyctlClient, path: string): Promise<void> {
  try {
    const { version } = await client.version();
    core.info(`flyctl ${version} (${path})`);
    if (predatesReleaseJson(version))
      core.info(
        `flyctl ${version} predates FLY_EMIT_RELEASE_JSON (0.4.56): the new release is read from flyctl status.`,
      );
  } catch (error) {
    core.info(`flyctl version unknown (${errorMessage(error)})`);
  }
}

async function main(): Promise<void> {
  const settings = readSettings();
  const token = readFlyToken();
  const problem = describeTokenProblem(token);
  if (problem) throw new UserError(problem);

  const flyctl = await setupFlyctl({ version: settings.flyctlVersion });
  const client = new FlyctlClient({
    path: flyctl.path,
    cwd: settings.workingDirectory,
    log: (l) => core.info(l),
  });
  const [record] = await Promise.all([recordDeployment(settings), logFlyctlVersion(client, flyctl.path)]);

  let report: DeployReport;
  try {
    report = await runDeployFlow(settings.deploy, {
      now: () => Date.now(),
      sleep: (ms) => delay(ms),
      status: (app) => client.status(app),
      releases: (app) => client.releases(app),
      stageSecrets: (app, pairs) => client.importSecrets(app, pairs, { stage: true }),
      deploy: (request) => client.deploy(request),
      probe: (spec, policy) =>
        probe(spec, policy, (a) =>
          core.info(
            `  health attempt ${a.attempt} (+${(a.offsetMs / 1000).toFixed(1)}s): ${a.ok ? 'ok' : a.reason} ${a.detail} ${Math.round(a.latencyMs)}ms`,
          ),
        ),
      log: (line) => core.info(line),
      warn: (line) => core.warning(line),
    });
  } catch (error) {
    await writeSummary(
      `## fly-deploy-with-health: ${settings.deploy.app} ❌ did not deploy\n\n> ${errorMessage(error)}\n`,
    );
    await finishDeployment(record, undefined, error);
    await notify(settings, `*${settings.deploy.app}* deploy could not run: ${errorMessage(error)}`);
    throw error;
  }

  setOutputs(deployOutputs(report));
  await writeSummary(summaryMarkdown(report));
  await finishDeployment(record, report);
  const failure = failureMessage(report);
  if (failure || settings.notifyOn === 'always') await notify(settings, notificationText(report, runUrl()));
  if (failure) throw new UserError(failure);
}

void runAction(main);
