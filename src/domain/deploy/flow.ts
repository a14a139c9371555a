/**
 * fly-deploy-with-health as plain functions over injected edges (flyctl, the probe, a clock): record the
 * release serving now, stage secrets, deploy, verify the rollout, probe from outside; on any failure after
 * the deploy began, deploy the recorded ImageRef again (contract §1) and verify that too.
 */
import { describeServing } from '../flyctl/rollout.js';
import type { ProbeSpec } from '../probe/spec.js';
import { UserError, errorMessage } from '../shared/errors.js';
import { recordPrevious } from './previous.js';
import { Timeline } from './timeline.js';
import type { DeployPorts, DeployReport, DeploySettings } from './types.js';
import { deployAndVerify, stillServing } from './verify.js';

export * from './types.js';
export { recordPrevious, rollbackTarget, type PreviousRecord } from './previous.js';

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
  const healthUrl = settings.healthUrl ?? `https://${status.hostname}/health`;
  const appUrl = status.hostname ? `https://${status.hostname}` : new URL(healthUrl).origin;
  const spec: ProbeSpec = { ...settings.probe, url: healthUrl };

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
    ['deploy', 'verify rollout', 'health check'],
    status.version,
  );
  const base = {
    app,
    healthUrl,
    appUrl,
    previous: previousRef,
    ...(record.found ? { previousSource: record.source } : {}),
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

  // flyctl failed before replacing anything (bluegreen destroys its greens; a missing image changes nothing):
  // when every machine still runs the recorded release and it answers healthy, a rollback deploy is churn.
  if (!deploy.release && (await stillServing(ports, timeline, settings, previousRef, spec)))
    return {
      ...base,
      outcome: 'previous-kept',
      noRollback: `flyctl did not replace the serving release: every machine still runs v${previousRef.version} with checks passing and it is healthy at ${healthUrl}, so no rollback deploy was needed`,
      ...leftStaged(true),
    };

  const rollback = await deployAndVerify(
    ports,
    timeline,
    settings,
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
  return {
    ...base,
    outcome: rollback.ok ? 'rolled-back' : 'rollback-failed',
    rollback: { ...rollback, target: previousRef },
    // A rollback deploy runs with the app's current secrets (contract §1), the staged ones included.
    ...(rollback.release && secretNames.length > 0 ? { secretsLiveWithRollback: secretNames } : {}),
    ...(rollback.ok ? {} : { servingNow: await servingNow() }),
    ...(rollback.release ? {} : leftStaged(false)),
  };
}
