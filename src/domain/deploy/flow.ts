/**
 * fly-deploy-with-health as plain functions over injected edges (flyctl, the probe, a clock): record the
 * release serving now, stage secrets, deploy, verify the rollout (contract §10), probe from outside; on any
 * failure after the deploy began, deploy the recorded ImageRef again (contract §1) and verify that too.
 */
import type { DeployRequest, DeployStrategy } from '../flyctl/deploy-args.js';
import type { FlyctlFailure } from '../flyctl/exit.js';
import { describeServing, verifyRollout, type RolloutVerdict } from '../flyctl/rollout.js';
import type { SecretPair } from '../flyctl/secrets-import.js';
import { rollbackTarget, type AppStatus, type EmittedRelease, type Release } from '../flyctl/shapes.js';
import { describeProbe, type ProbeResult } from '../probe/run.js';
import type { RetryPolicy } from '../probe/schedule.js';
import type { ProbeSpec } from '../probe/spec.js';
import { UserError, errorMessage } from '../errors.js';

export interface DeploySettings {
  app: string;
  config?: string;
  image?: string;
  strategy: DeployStrategy;
  waitTimeout?: string;
  /** The longest a `flyctl deploy` (or the rollback deploy) may run before it is stopped. */
  deployTimeoutMs?: number;
  remoteOnly: boolean;
  buildArgs: string[];
  secrets: SecretPair[];
  /** Default: https://<Hostname>/health from `flyctl status`. */
  healthUrl?: string;
  probe: Omit<ProbeSpec, 'url'>;
  retry: RetryPolicy;
  rollback: boolean;
  rollbackStrategy: DeployStrategy;
  /** How long machines may take, after flyctl returns, to show the release started with checks passing. */
  rolloutTimeoutMs: number;
  rolloutPollMs: number;
}

export interface DeployCallResult {
  ok: boolean;
  release?: EmittedRelease;
  failure?: FlyctlFailure;
  durationMs: number;
}

export interface DeployPorts {
  now(): number;
  sleep(ms: number): Promise<void>;
  status(app: string): Promise<AppStatus>;
  releases(app: string): Promise<Release[]>;
  stageSecrets(app: string, pairs: readonly SecretPair[]): Promise<void>;
  deploy(request: DeployRequest): Promise<DeployCallResult>;
  probe(spec: ProbeSpec, policy: RetryPolicy): Promise<ProbeResult>;
  log(line: string): void;
}

export type PhaseName =
  | 'record current release'
  | 'stage secrets'
  | 'deploy'
  | 'verify rollout'
  | 'health check'
  | 'rollback deploy'
  | 'verify rollback rollout'
  | 'rollback health check'
  | 'check previous release';

export interface Phase {
  name: PhaseName;
  startedAt: number;
  durationMs: number;
  ok: boolean;
  detail: string;
}

export interface ReleaseRef {
  version: number;
  imageRef: string;
}

/** One deploy (the new release or the rollback) and how its checks went. */
export interface Attempt {
  ok: boolean;
  release?: ReleaseRef;
  deployMs?: number;
  deployFailure?: string;
  rollout?: RolloutVerdict;
  health?: ProbeResult;
  /** What went wrong, one sentence. */
  story?: string;
}

export type Outcome =
  /** The new release is live and healthy. */
  | 'healthy'
  /** The new release failed; the recorded release was deployed again and is healthy. */
  | 'rolled-back'
  /** The new release failed and so did the rollback. */
  | 'rollback-failed'
  /** flyctl deploy failed without replacing anything (e.g. bluegreen, a missing image): the previous release still serves, healthy. */
  | 'previous-kept'
  /** The new release failed and nothing was rolled back (first deploy, or rollback off). */
  | 'failed';

export interface DeployReport {
  app: string;
  healthUrl: string;
  appUrl: string;
  previous?: ReleaseRef;
  outcome: Outcome;
  phases: Phase[];
  deploy: Attempt;
  rollback?: Attempt & { target: ReleaseRef };
  /** Why there was no rollback. */
  noRollback?: string;
  /** What the app's machines run at the end, when that is in doubt. */
  servingNow?: string;
}

class Timeline {
  readonly phases: Phase[] = [];
  constructor(private readonly ports: DeployPorts) {}

  async run<T>(
    name: PhaseName,
    work: () => Promise<T>,
    judge: (value: T) => { ok: boolean; detail: string },
  ): Promise<T> {
    const startedAt = this.ports.now();
    this.ports.log(`▶ ${name}`);
    try {
      const value = await work();
      const { ok, detail } = judge(value);
      this.phases.push({ name, startedAt, durationMs: this.ports.now() - startedAt, ok, detail });
      this.ports.log(`${ok ? '✔' : '✘'} ${name}: ${detail}`);
      return value;
    } catch (error) {
      this.phases.push({
        name,
        startedAt,
        durationMs: this.ports.now() - startedAt,
        ok: false,
        detail: errorMessage(error),
      });
      this.ports.log(`✘ ${name}: ${errorMessage(error)}`);
      throw error;
    }
  }
}

/** Polls status until every app machine runs the release with checks passing, or the timeout passes. */
async function waitForRollout(
  ports: DeployPorts,
  settings: DeploySettings,
  expected: ReleaseRef,
): Promise<RolloutVerdict> {
  const deadline = ports.now() + settings.rolloutTimeoutMs;
  for (;;) {
    // A status call that fails even after its retries is one more reason the rollout is unproven.
    const verdict = await ports.status(settings.app).then(
      (status) => verifyRollout(status.machines, expected),
      (error: unknown): RolloutVerdict => ({
        complete: false,
        machines: [],
        problems: [errorMessage(error)],
      }),
    );
    if (verdict.complete || ports.now() + settings.rolloutPollMs > deadline) return verdict;
    await ports.sleep(settings.rolloutPollMs);
  }
}

/** The release a successful deploy made: from FLY_EMIT_RELEASE_JSON, else from status and releases (older flyctl). */
async function releaseAfterDeploy(
  ports: DeployPorts,
  app: string,
  emitted?: EmittedRelease,
): Promise<ReleaseRef> {
  if (emitted) return { version: emitted.version, imageRef: emitted.imageRef };
  const status = await ports.status(app);
  const release = (await ports.releases(app)).find((r) => r.version === status.version);
  return { version: status.version, imageRef: release?.imageRef ?? '' };
}

/** Deploy, verify the rollout, probe: shared by the new release and the rollback. */
async function deployAndVerify(
  ports: DeployPorts,
  timeline: Timeline,
  settings: DeploySettings,
  request: DeployRequest,
  spec: ProbeSpec,
  names: [PhaseName, PhaseName, PhaseName],
): Promise<Attempt> {
  const result = await timeline.run(
    names[0],
    () => ports.deploy(request),
    (r) => ({
      ok: r.ok,
      detail: r.ok
        ? `flyctl deploy succeeded${r.release ? ` (release v${r.release.version})` : ''}`
        : (r.failure?.message ?? 'failed'),
    }),
  );
  if (!result.ok) {
    const message = result.failure?.message ?? 'flyctl deploy failed';
    return {
      ok: false,
      deployMs: result.durationMs,
      deployFailure: message,
      story: `flyctl deploy failed (exit ${result.failure?.exitCode ?? '?'}): ${message}`,
    };
  }
  const release = await releaseAfterDeploy(ports, settings.app, result.release).catch((): ReleaseRef => ({
    version: 0,
    imageRef: request.image ?? '',
  }));
  if (request.image && !release.imageRef) release.imageRef = request.image;
  const attempt: Attempt = { ok: false, release, deployMs: result.durationMs };
  attempt.rollout = await timeline.run(
    names[1],
    () => waitForRollout(ports, settings, release),
    (v) => ({
      ok: v.complete,
      detail: v.complete
        ? `${v.machines.length} machine(s) on v${release.version}, started, checks passing`
        : v.problems.slice(0, 3).join('; '),
    }),
  );
  if (!attempt.rollout.complete) {
    attempt.story = `release v${release.version} did not roll out within ${Math.round(settings.rolloutTimeoutMs / 1000)}s: ${attempt.rollout.problems.slice(0, 3).join('; ')}`;
    return attempt;
  }
  attempt.health = await timeline.run(
    names[2],
    () => ports.probe(spec, settings.retry),
    (h) => ({
      ok: h.healthy,
      detail: describeProbe(h),
    }),
  );
  if (!attempt.health.healthy) {
    attempt.story = `release v${release.version} is ${describeProbe(attempt.health)} at ${spec.url}`;
    return attempt;
  }
  attempt.ok = true;
  return attempt;
}

/** Is the recorded release still serving, untouched and healthy? */
async function keptPrevious(
  ports: DeployPorts,
  timeline: Timeline,
  settings: DeploySettings,
  previous: ReleaseRef,
  spec: ProbeSpec,
): Promise<boolean> {
  return timeline
    .run(
      'check previous release',
      async () => {
        const status = await ports.status(settings.app).catch(() => undefined);
        if (!status || !verifyRollout(status.machines, previous).complete)
          return { kept: false, detail: `not every machine runs v${previous.version} with checks passing` };
        const health = await ports.probe(spec, { ...settings.retry, attempts: 1 });
        return health.healthy
          ? { kept: true, detail: `every machine still runs v${previous.version}, healthy` }
          : { kept: false, detail: `v${previous.version} still runs but is ${describeProbe(health)}` };
      },
      (r) => ({ ok: r.kept, detail: r.kept ? r.detail : `${r.detail}: rolling back` }),
    )
    .then((r) => r.kept);
}

export async function runDeployFlow(settings: DeploySettings, ports: DeployPorts): Promise<DeployReport> {
  const timeline = new Timeline(ports);
  const app = settings.app;

  // Before the deploy nothing has changed, and an error says so.
  const beforeDeploy = <T>(work: () => Promise<T>): Promise<T> =>
    work().catch((error: unknown) => {
      throw new UserError(`${errorMessage(error).replace(/\.?$/, '.')} Nothing was deployed.`);
    });

  const { status, previous } = await beforeDeploy(() =>
    timeline.run(
      'record current release',
      async () => {
        const [status, releases] = await Promise.all([ports.status(app), ports.releases(app)]);
        return { status, previous: rollbackTarget(releases, status.version) };
      },
      ({ previous }) => ({
        ok: true,
        detail: previous
          ? `v${previous.version} (${previous.imageRef})`
          : 'no complete release yet: first deploy',
      }),
    ),
  );
  const previousRef = previous ? { version: previous.version, imageRef: previous.imageRef } : undefined;
  if (!settings.healthUrl && !status.hostname)
    throw new UserError(
      `flyctl status reports no Hostname for ${app}; set health-url to the URL to probe. Nothing was deployed.`,
    );
  const healthUrl = settings.healthUrl ?? `https://${status.hostname}/health`;
  const appUrl = status.hostname ? `https://${status.hostname}` : new URL(healthUrl).origin;
  const spec: ProbeSpec = { ...settings.probe, url: healthUrl };

  if (settings.secrets.length > 0)
    await beforeDeploy(() =>
      timeline.run(
        'stage secrets',
        () => ports.stageSecrets(app, settings.secrets),
        () => ({
          ok: true,
          detail: `${settings.secrets.length} secret(s) staged: ${settings.secrets.map((s) => s.name).join(', ')}`,
        }),
      ),
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
  );
  const base = { app, healthUrl, appUrl, previous: previousRef, deploy };
  if (deploy.ok) return { ...base, outcome: 'healthy', phases: timeline.phases };

  const servingNow = async () => {
    try {
      return describeServing((await ports.status(app)).machines);
    } catch (error) {
      return `unknown (flyctl status failed: ${errorMessage(error)})`;
    }
  };

  if (!previousRef || !settings.rollback) {
    const noRollback = !previousRef
      ? 'this was the first deploy of the app: there is no earlier release to roll back to'
      : 'rollback is off (rollback: false)';
    return {
      ...base,
      outcome: 'failed',
      noRollback,
      servingNow: await servingNow(),
      phases: timeline.phases,
    };
  }

  // flyctl failed before replacing anything (bluegreen destroys its greens; a missing image changes nothing):
  // when every machine still runs the recorded release and it answers healthy, a rollback deploy is churn.
  if (!deploy.release) {
    const kept = await keptPrevious(ports, timeline, settings, previousRef, spec);
    if (kept)
      return {
        ...base,
        outcome: 'previous-kept',
        noRollback: `flyctl did not replace the serving release: every machine still runs v${previousRef.version} with checks passing and it is healthy at ${healthUrl}, so no rollback deploy was needed`,
        phases: timeline.phases,
      };
  }

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
  );
  return {
    ...base,
    outcome: rollback.ok ? 'rolled-back' : 'rollback-failed',
    rollback: { ...rollback, target: previousRef },
    ...(rollback.ok ? {} : { servingNow: await servingNow() }),
    phases: timeline.phases,
  };
}
