/** `deploy` (the fly-deploy-with-health action): deploy, verify from outside, roll back automatically. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { runDeployFlow, type DeployReport, type DeploySettings } from '../domain/deploy/flow.js';
import { parseAppName, parseWaitTimeout } from '../domain/deploy/inputs.js';
import { deployRecord } from '../domain/deploy/record.js';
import {
  deployOutputs,
  deploymentStatus,
  failureMessage,
  notificationText,
  summaryMarkdown,
} from '../domain/deploy/report.js';
import type { DeployStrategy } from '../domain/flyctl/deploy-args.js';
import { encodeSecretsImport } from '../domain/flyctl/secrets-import.js';
import {
  FALLBACK_HEALTH_PATH,
  declaredHealthPath,
  type DeclaredHealthPath,
} from '../domain/probe/fly-health-path.js';
import { attemptLine } from '../domain/probe/report.js';
import type { WindowSettings } from '../domain/probe/window.js';
import { CheckFailed, InputError, errorMessage } from '../domain/shared/errors.js';
import { escapeInline } from '../domain/shared/markdown.js';
import type { Host, RunContext } from '../host/host.js';
import { inputReader, type InputReader } from '../host/inputs.js';
import type { FlyctlClient } from '../io/flyctl.js';
import { probe, sampleWindow } from '../io/http-probe.js';
import { notify, readDeploymentRef, recordDeployment } from './deployments.js';
import { checkAppPaths, readyFlyctl } from './flyctl.js';
import { readProbeSettings, readWindowSettings } from './probe-inputs.js';
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
  deploymentRef?: string | undefined;
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
      deployWhenUnhealthy: input.boolean('deploy-when-unhealthy'),
      window: readWindowSettings(input),
      rollback: input.boolean('rollback'),
      rollbackStrategy: input.choice('rollback-strategy', STRATEGIES),
      rolloutTimeoutMs: input.duration('rollout-timeout', { maxMs: 3_600_000 }),
      rolloutPollMs: 1000,
    },
    workingDirectory: resolve(context.workspace, input.string('working-directory') || '.'),
    flyctlVersion: input.string('flyctl-version') || 'latest',
    githubToken: input.secret('github-token'),
    environment: input.optional('environment'),
    deploymentRef: readDeploymentRef(input),
    notifyWebhook: input.secretUrl('notify-webhook'),
    notifyOn: input.choice('notify-on', ['failure', 'always'] as const),
  };
}

/**
 * The health path the deploy's fly.toml declares (`config`, else ./fly.toml in working-directory), or
 * /health with the reason. Only read when health-url is empty; a `config` that is missing or not TOML is
 * an input error now, before anything runs (flyctl could not deploy it either).
 */
export async function readHealthPath(settings: DeployCommandSettings): Promise<DeclaredHealthPath> {
  const file = settings.deploy.config ?? 'fly.toml';
  const fallback = (why: string) => ({ path: FALLBACK_HEALTH_PATH, source: `the default: ${why}` });
  if (/\.(json|ya?ml)$/i.test(file))
    return fallback(`${file} is not TOML, so its checks are not read; set health-url to probe another path`);
  let text: string;
  try {
    text = await readFile(resolve(settings.workingDirectory, file), 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    if (settings.deploy.config)
      throw new InputError(
        'config',
        missing
          ? `${file} does not exist in ${settings.workingDirectory}`
          : `${file} cannot be read (${errorMessage(error)})`,
        'Give the fly.toml path relative to working-directory, or leave config empty for ./fly.toml.',
      );
    return fallback(`there is no ${file} in ${settings.workingDirectory} to read a check path from`);
  }
  return declaredHealthPath(text, file, 'config') ?? fallback(`${file} declares no HTTP check with a path`);
}

/** The edges the deploy flow runs on: flyctl, the HTTP probe (its attempts told as they go), the clock. */
export function deployPorts(host: Host, client: FlyctlClient) {
  return {
    now: () => Date.now(),
    sleep: (ms: number) => delay(ms),
    status: (app: string, options?: { timeoutMs?: number }) => client.status(app, options),
    releases: (app: string) => client.releases(app),
    stageSecrets: (app: string, pairs: Parameters<FlyctlClient['importSecrets']>[1]) =>
      client.importSecrets(app, pairs, { stage: true }),
    deploy: (request: Parameters<FlyctlClient['deploy']>[0]) => client.deploy(request),
    probe: (spec: Parameters<typeof probe>[0], policy: Parameters<typeof probe>[1]) =>
      probe(spec, policy, (a) => host.info(attemptLine(a))),
    sampleWindow: (spec: Parameters<typeof probe>[0], window: WindowSettings) => {
      // Failed samples as they come; otherwise a line every 10, so a long window stays readable.
      let answered = 0;
      let failed = 0;
      return sampleWindow(spec, window, (s) => {
        if (s.reason === 'cancelled') return;
        answered++;
        if (!s.ok) failed++;
        if (!s.ok) host.info(attemptLine(s, 'verify sample'));
        else if (answered % 10 === 0)
          host.info(
            `  verify window: ${answered} sample(s), ${failed} failed (+${(s.offsetMs / 1000).toFixed(1)}s)`,
          );
      });
    },
    log: (line: string) => host.info(line),
    warn: (line: string) => host.warning(line),
  };
}

export async function deploy(host: Host): Promise<void> {
  const settings = readDeploySettings(inputReader(host), host.context, (v) => host.mask(v));
  await checkAppPaths(settings.workingDirectory, settings.deploy.config);
  const app = settings.deploy.app;
  if (!settings.deploy.healthUrl) settings.deploy.healthPath = await readHealthPath(settings);
  const startedAt = new Date();
  const client = await readyFlyctl(host, settings.flyctlVersion, settings.workingDirectory);

  let report: DeployReport;
  try {
    report = await runDeployFlow(settings.deploy, deployPorts(host, client));
  } catch (error) {
    await host.summary(
      `## fly-deploy-with-health: ${app} ❌ did not deploy\n\n> ${escapeInline(errorMessage(error))}\n`,
    );
    await notify(host, settings.notifyWebhook, `*${app}* deploy could not run: ${errorMessage(error)}`);
    throw error;
  }

  setOutputs(host, deployOutputs(report));
  host.result({ report });
  await host.summary(summaryMarkdown(report));
  // Recorded once the outcome is known: a Deployment's payload can only be set when it is created.
  await recordDeployment(host, settings, {
    startedAt,
    description: `fly-deploy-with-health: ${app}`,
    workingDirectory: settings.workingDirectory,
    config: settings.deploy.config,
    secrets: () => client.listSecrets(app),
    payload: deployRecord(report),
    status: { ...deploymentStatus(report), environmentUrl: report.appUrl },
  });
  const failure = failureMessage(report);
  if (failure || settings.notifyOn === 'always')
    await notify(host, settings.notifyWebhook, notificationText(report, host.context.runUrl));
  if (failure) throw new CheckFailed(failure);
}
