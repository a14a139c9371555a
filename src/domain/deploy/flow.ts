/**
 * fly-deploy-with-health as plain functions over injected edges (flyctl, the probe, a clock): record the
 * release serving now, probe it (a health check that fails there too is misconfigured, or production is
 * down: stop), stage secrets, deploy, verify the rollout, probe from outside, and sample through the
 * verification window; on any failure after the deploy began, deploy the recorded ImageRef again
 * (contract §1) and verify that too, unless it failed the same probe before the deploy.
 */
import { describeServing, isAppMachine } from '../flyctl/rollout.js';
import type { AppStatus } from '../flyctl/shapes.js';
import { FALLBACK_HEALTH_PATH } from '../probe/fly-health-path.js';
import { describeProbe } from '../probe/run.js';
import type { RetryPolicy } from '../probe/schedule.js';
import type { ProbeSpec } from '../probe/spec.js';
import { UserError, errorMessage } from '../shared/errors.js';
import { recordPrevious } from './previous.js';
import { Timeline } from './timeline.js';
import {
  releaseName,
  type DeployPorts,
  type DeployReport,
  type DeploySettings,
  type ServingProbe,
} from './types.js';
import { deployAndVerify, stillServing } from './verify.js';

export * from './types.js';
export { recordPrevious, rollbackTarget, type PreviousRecord } from './previous.js';

/**
 * The probe of the release serving now: three tries a second apart. A healthy app answers the first, so a
 * deploy pays one request; a blip gets two more chances before the run stops.
 */
export const SERVING_PROBE_POLICY: RetryPolicy = { mode: 'steady', attempts: 3, intervalMs: 1000 };

/** The URL to probe and where it came from (said in the log and the summary). */
export function healthTarget(settings: DeploySettings, hostname: string): { url: string; source: string } {
  if (settings.healthUrl) return { url: settings.healthUrl, source: 'health-url' };
  const declared = settings.healthPath;
  const path = declared?.path ?? FALLBACK_HEALTH_PATH;
  return {
    url: `https://${hostname}${path.startsWith('/') ? path : `/${path}`}`,
    source: declared?.source ?? `the default ${FALLBACK_HEALTH_PATH}`,
  };
}

const servingName = (status: AppStatus) =>
  status.version > 0 ? `v${status.version}` : 'the machines serving now';

export async function runDeployFlow(settings: DeploySettings, ports: DeployPorts): Promise<DeployReport> {
  const timeline = new Timeline(ports);
  const app = settings.app;
  const secretNames = settings.secrets.map((s) => s.name);

  // Before the deploy nothing has changed, and an error says so.
  const beforeDeploy = <T>(work: () => Promise<T>, extra = ''): Promise<T> =>
    work().catch((error: unknown) => {
      throw new UserError(`${errorMessage(error).replace(/\.?$/, '.')} Nothing was deployed.${extra}`);
    });

  const { status, record } = await beforeDeploy(() =>
    timeline.run(
      'record current release',
      async () => {
        const [status, releases] = await Promise.all([ports.status(app), ports.releases(app)]);
        // Checked here so that a run that cannot probe stops before anything is recorded as done.
        if (!settings.healthUrl && !status.hostname)
          throw new UserError(
            `flyctl status reports no Hostname for ${app}; set health-url to the URL to probe`,
          );
        return { status, record: recordPrevious(status, releases) };
      },
      ({ record }) =>
        record.found
          ? {
              ok: true,
              warning: record.source === 'machines',
              detail: `v${record.previous.version} (${record.previous.imageRef})${record.source === 'machines' ? ': from the machines, as flyctl releases lists no complete release with an image' : ''}`,
            }
          : { ok: true, detail: record.missing },
    ),
  );
  const previousRef = record.found ? record.previous : undefined;
  const { url: healthUrl, source: healthUrlSource } = healthTarget(settings, status.hostname);
  ports.log(`health URL: ${healthUrl} (${healthUrlSource})`);
  const appUrl = status.hostname ? `https://${status.hostname}` : new URL(healthUrl).origin;
  const spec: ProbeSpec = { ...settings.probe, url: healthUrl };
  const common = {
    app,
    healthUrl,
    healthUrlSource,
    appUrl,
    previous: previousRef,
    ...(record.found ? { previousSource: record.source } : {}),
  };

  // A check that fails against the release serving now would fail any release: it proves nothing about the
  // new one, and a rollback to the old one could not pass it either. A first deploy has nothing to probe.
  let servingProbe: ServingProbe | undefined;
  if (status.machines.some(isAppMachine)) {
    const name = servingName(status);
    const anyway = settings.deployWhenUnhealthy === true;
    const health = await beforeDeploy(() =>
      timeline.run(
        'probe serving release',
        () => ports.probe(spec, SERVING_PROBE_POLICY),
        (h) =>
          h.healthy
            ? { ok: true, detail: `${name} is ${describeProbe(h)}` }
            : anyway
              ? {
                  ok: true,
                  warning: true,
                  detail: `${name} is ${describeProbe(h)}; deploying anyway (deploy-when-unhealthy: true)`,
                }
              : { ok: false, detail: `${name} is ${describeProbe(h)}: nothing deployed` },
      ),
    );
    servingProbe = { version: status.version, health, deployedAnyway: !health.healthy && anyway };
    if (!health.healthy && !anyway)
      return {
        ...common,
        outcome: 'not-deployed',
        servingProbe,
        deploy: {
          ok: false,
          story: `the health check fails against the release serving now (${name}): it is ${describeProbe(health)} at ${healthUrl}. The health URL or expectations are misconfigured, or production is already down. Nothing was deployed; set deploy-when-unhealthy: true to deploy anyway (the fix for an outage)`,
        },
        phases: timeline.phases,
      };
    if (servingProbe.deployedAnyway && ports.warn)
      ports.warn(
        `The health check fails against ${name} (${describeProbe(health)}); deploying anyway (deploy-when-unhealthy: true). If the new release fails it too, there is no rollback to ${name}.`,
      );
  }
  // The rollback target failed this very probe before the deploy: redeploying it cannot make the probe pass.
  const targetFailedProbe =
    servingProbe?.deployedAnyway === true && previousRef?.version === servingProbe.version;

  if (settings.secrets.length > 0)
    await beforeDeploy(
      () =>
        timeline.run(
          'stage secrets',
          () => ports.stageSecrets(app, settings.secrets),
          () => ({
            ok: true,
            detail: `${settings.secrets.length} secret(s) staged: ${secretNames.join(', ')}`,
          }),
        ),
      ` Some of ${secretNames.join(', ')} may be staged on Fly: check \`flyctl secrets list --app ${app}\` (staged ones go live with the next deploy).`,
    );

  const deploy = await deployAndVerify(
    ports,
    timeline,
    settings,
    {
      app,
      config: settings.config,
      image: settings.image,
      strategy: settings.strategy,
      waitTimeout: settings.waitTimeout,
      timeoutMs: settings.deployTimeoutMs,
      remoteOnly: settings.remoteOnly,
      buildArgs: settings.buildArgs,
      echo: true,
    },
    spec,
    ['deploy', 'verify rollout', 'health check', 'verification window'],
    status.version,
  );
  const base = {
    ...common,
    ...(servingProbe ? { servingProbe } : {}),
    deploy,
    phases: timeline.phases,
  };
  if (deploy.ok) return { ...base, outcome: 'healthy' };

  const servingNow = async () => {
    try {
      return describeServing((await ports.status(app)).machines);
    } catch (error) {
      return `unknown (flyctl status failed: ${errorMessage(error)})`;
    }
  };
  // flyctl deploy failed: the secrets staged for it may not have gone live anywhere.
  const leftStaged = (certain: boolean) =>
    secretNames.length > 0 && !deploy.release ? { secretsLeftStaged: { names: secretNames, certain } } : {};

  if (!previousRef || !settings.rollback) {
    return {
      ...base,
      outcome: 'failed',
      noRollback: record.found ? 'rollback is off (rollback: false)' : record.missing,
      servingNow: await servingNow(),
      ...leftStaged(false),
    };
  }

  const failedAtProbe = deploy.health !== undefined;
  if (targetFailedProbe && failedAtProbe)
    return {
      ...base,
      outcome: 'failed',
      noRollback: `v${previousRef.version}, the release serving before, failed the same health check before this deploy (${describeProbe(servingProbe?.health as ServingProbe['health'])}), so a rollback to it cannot help: ${releaseName(deploy.release ?? {})} stays`,
      servingNow: await servingNow(),
    };

  // flyctl failed before replacing anything (bluegreen destroys its greens; a missing image changes nothing):
  // when every machine still runs the recorded release and it answers healthy, a rollback deploy is churn.
  if (
    !deploy.release &&
    (await stillServing(ports, timeline, settings, previousRef, spec, { knownUnhealthy: targetFailedProbe }))
  )
    return {
      ...base,
      outcome: 'previous-kept',
      noRollback: targetFailedProbe
        ? `flyctl did not replace the serving release: every machine still runs v${previousRef.version} with checks passing (it failed the health check at ${healthUrl} before this run, as it does now), so no rollback deploy was needed`
        : `flyctl did not replace the serving release: every machine still runs v${previousRef.version} with checks passing and it is healthy at ${healthUrl}, so no rollback deploy was needed`,
      ...leftStaged(true),
    };

  // The rollback skips the verification window: it restores the release that served before, and a window
  // would only delay the all-clear of a recovery that has nothing further to fall back to.
  const rollback = await deployAndVerify(
    ports,
    timeline,
    { ...settings, window: undefined },
    {
      app,
      config: settings.config,
      image: previousRef.imageRef,
      strategy: settings.rollbackStrategy,
      waitTimeout: settings.waitTimeout,
      timeoutMs: settings.deployTimeoutMs,
      skipReleaseCommand: true,
      echo: true,
    },
    spec,
    ['rollback deploy', 'verify rollback rollout', 'rollback health check'],
    Math.max(status.version, deploy.release?.version ?? 0),
  );
  // Back where the run began: rolled out, failing the probe as it did before (deploy-when-unhealthy).
  const unhealthyAsBefore =
    !rollback.ok && targetFailedProbe && rollback.health !== undefined && !rollback.health.healthy;
  const restored = rollback.ok || unhealthyAsBefore;
  return {
    ...base,
    outcome: restored ? 'rolled-back' : 'rollback-failed',
    rollback: { ...rollback, target: previousRef, ...(unhealthyAsBefore ? { unhealthyAsBefore } : {}) },
    // A rollback deploy runs with the app's current secrets (contract §1), the staged ones included.
    ...(rollback.release && secretNames.length > 0 ? { secretsLiveWithRollback: secretNames } : {}),
    ...(restored ? {} : { servingNow: await servingNow() }),
    ...(rollback.release ? {} : leftStaged(false)),
  };
}
