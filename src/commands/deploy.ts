/** `deploy` (the fly-deploy-with-health action): deploy, verify from outside, roll back automatically. */
import { resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { runDeployFlow, type DeployReport, type DeploySettings } from '../domain/deploy/flow.js';
import { parseAppName, parseWaitTimeout } from '../domain/deploy/inputs.js';
import {
  deployOutputs,
  deploymentStatus,
  failureMessage,
  notificationText,
  summaryMarkdown,
} from '../domain/deploy/report.js';
import { predatesReleaseJson, type DeployStrategy } from '../domain/flyctl/deploy-args.js';
import { encodeSecretsImport } from '../domain/flyctl/secrets-import.js';
import { describeTokenProblem } from '../domain/flyctl/token.js';
import { attemptLine } from '../domain/probe/report.js';
import { CheckFailed, UserError, errorMessage } from '../domain/shared/errors.js';
import type { Host, RunContext } from '../host/host.js';
import { inputReader, type InputReader } from '../host/inputs.js';
import type { FlyctlClient } from '../io/flyctl.js';
import { probe } from '../io/http-probe.js';
import { finishDeployment, notify, recordDeployment } from './deployments.js';
import { flyctlClient, readFlyToken, setupFlyctl } from './flyctl.js';
import { readProbeSettings } from './probe-inputs.js';
import { setOutputs } from './report.js';

export const STRATEGIES = [
  'rolling',
  'immediate',
  'canary',
  'bluegreen',
] as const satisfies readonly DeployStrategy[];

export interface DeployCommandSettings {
  deploy: DeploySettings;
  workingDirectory: string;
  flyctlVersion: string;
  githubToken?: string;
  environment?: string;
  notifyWebhook?: string;
  notifyOn: 'failure' | 'always';
}

export function readDeploySettings(
  input: InputReader,
  context: RunContext,
  mask: (value: string) => void,
): DeployCommandSettings {
  const app = parseAppName('app', input.string('app', { required: true }));
  const { probe, retry } = readProbeSettings(input, 'health-', mask);
  // Secrets are masked as they are read, and checked against flyctl's parser now, before anything runs.
  const secrets = input.secretPairs('secrets');
  encodeSecretsImport(secrets);
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
      secrets,
      healthUrl: input.optionalUrl('health-url')?.toString(),
      probe,
      retry,
      rollback: input.boolean('rollback'),
      rollbackStrategy: input.choice('rollback-strategy', STRATEGIES),
      rolloutTimeoutMs: input.duration('rollout-timeout', { maxMs: 3_600_000 }),
      rolloutPollMs: 1000,
    },
    workingDirectory: resolve(context.workspace, input.string('working-directory') || '.'),
    flyctlVersion: input.string('flyctl-version') || 'latest',
    githubToken: input.secret('github-token'),
    environment: input.optional('environment'),
    notifyWebhook: input.secret('notify-webhook'),
    notifyOn: input.choice('notify-on', ['failure', 'always'] as const),
  };
}

/** The flyctl version in the log helps explain behaviour; FLY_EMIT_RELEASE_JSON needs 0.4.56 or later. */
export async function logFlyctlVersion(host: Host, client: FlyctlClient, path: string): Promise<void> {
  try {
    const { version } = await client.version();
    host.info(`flyctl ${version} (${path})`);
    if (predatesReleaseJson(version))
      host.info(
        `flyctl ${version} predates FLY_EMIT_RELEASE_JSON (0.4.56): the new release is read from flyctl status.`,
      );
  } catch (error) {
    host.info(`flyctl version unknown (${errorMessage(error)})`);
  }
}

/** The edges the deploy flow runs on: flyctl, the HTTP probe (its attempts told as they go), the clock. */
export function deployPorts(host: Host, client: FlyctlClient) {
  return {
    now: () => Date.now(),
    sleep: (ms: number) => delay(ms),
    status: (app: string) => client.status(app),
    releases: (app: string) => client.releases(app),
    stageSecrets: (app: string, pairs: Parameters<FlyctlClient['importSecrets']>[1]) =>
      client.importSecrets(app, pairs, { stage: true }),
    deploy: (request: Parameters<FlyctlClient['deploy']>[0]) => client.deploy(request),
    probe: (spec: Parameters<typeof probe>[0], policy: Parameters<typeof probe>[1]) =>
      probe(spec, policy, (a) => host.info(attemptLine(a))),
    log: (line: string) => host.info(line),
    warn: (line: string) => host.warning(line),
  };
}

export async function deploy(host: Host): Promise<void> {
  const settings = readDeploySettings(inputReader(host), host.context, (v) => host.mask(v));
  const app = settings.deploy.app;
  const token = readFlyToken(host);
  const problem = describeTokenProblem(token);
  if (problem) throw new UserError(problem);

  const flyctl = await setupFlyctl(host, settings.flyctlVersion);
  const client = flyctlClient(host, flyctl.path, settings.workingDirectory);
  const [record] = await Promise.all([
    recordDeployment(host, settings, `fly-deploy-with-health: ${app}`),
    logFlyctlVersion(host, client, flyctl.path),
  ]);

  let report: DeployReport;
  try {
    report = await runDeployFlow(settings.deploy, deployPorts(host, client));
  } catch (error) {
    await host.summary(`## fly-deploy-with-health: ${app} ❌ did not deploy\n\n> ${errorMessage(error)}\n`);
    await finishDeployment(host, record, deploymentStatus(undefined, errorMessage(error)));
    await notify(host, settings.notifyWebhook, `*${app}* deploy could not run: ${errorMessage(error)}`);
    throw error;
  }

  setOutputs(host, deployOutputs(report));
  host.result({ report });
  await host.summary(summaryMarkdown(report));
  await finishDeployment(host, record, { ...deploymentStatus(report), environmentUrl: report.appUrl });
  const failure = failureMessage(report);
  if (failure || settings.notifyOn === 'always')
    await notify(host, settings.notifyWebhook, notificationText(report, host.context.runUrl));
  if (failure) throw new CheckFailed(failure);
}
