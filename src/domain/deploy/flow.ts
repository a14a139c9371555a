/**
 * fly-deploy-with-health as plain functions over injected edges (flyctl, the probe, a clock): record the
 * release serving now, stage secrets, deploy, verify the rollout (contract §10), probe from outside; on any
 * failure after the deploy began, deploy the recorded ImageRef again (contract §1) and verify that too.
 */
import type { DeployRequest, DeployStrategy } from '../flyctl/deploy-args.js';
import type { FlyctlFailure } from '../flyctl/exit.js';
import {
  describeServing,
  isAppMachine,
  verifyRollout,
  type RolloutExpectation,
  type RolloutVerdict,
} from '../flyctl/rollout.js';
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
  /** Empty: fly.toml's [deploy] strategy, else flyctl's default (rolling); a flag would override fly.toml. */
  strategy?: DeployStrategy;
  /** Empty: fly.toml's [deploy] wait_timeout, else flyctl's default (5m). */
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
  /** Something the run could not check (shown as a warning); defaults to log. */
  warn?(line: string): void;
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
  /** Passed, but something could not be checked. */
  warning?: boolean;
  detail: string;
}

export interface ReleaseRef {
  version: number;
  imageRef: string;
}

/** The release a deploy made, as far as it could be read: no version when flyctl did not tell. */
export interface NewRelease {
  version?: number;
  imageRef: string;
}

/** "release v5", or words for a release whose version could not be read. */
export const releaseName = (r: { version?: number }): string =>
  r.version === undefined ? 'the new release (version unread)' : `release v${r.version}`;

/** One deploy (the new release or the rollback) and how its checks went. */
export interface Attempt {
  ok: boolean;
  /** Present when flyctl deploy succeeded. */
  release?: NewRelease;
  deployMs?: number;
  deployFailure?: string;
  rollout?: RolloutVerdict;
  /** Why the rollout could not be fully verified (the health probe decided alone). */
  rolloutUnverified?: string;
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
  /** Where the rollback target came from: the releases list, or (when it had none) the machines' image. */
  previousSource?: 'releases' | 'machines';
  outcome: Outcome;
  phases: Phase[];
  deploy: Attempt;
  rollback?: Attempt & { target: ReleaseRef };
  /** Why there was no rollback. */
  noRollback?: string;
  /** What the app's machines run at the end, when that is in doubt. */
  servingNow?: string;
  /** Secrets this run staged (names) that no deploy took live: the next deploy or restart will. */
  secretsLeftStaged?: { names: string[]; certain: boolean };
  /** Secrets this run staged (names) that the rollback deploy made live with the previous image. */
  secretsLiveWithRollback?: string[];
}

class Timeline {
  readonly phases: Phase[] = [];
  constructor(private readonly ports: DeployPorts) {}

  async run<T>(
    name: PhaseName,
    work: () => Promise<T>,
    judge: (value: T) => { ok: boolean; detail: string; warning?: boolean },
  ): Promise<T> {
    const startedAt = this.ports.now();
    this.ports.log(`▶ ${name}`);
    try {
      const value = await work();
      const { ok, detail, warning } = judge(value);
      const phase: Phase = { name, startedAt, durationMs: this.ports.now() - startedAt, ok, detail };
      if (warning) phase.warning = true;
      this.phases.push(phase);
      this.ports.log(`${ok ? (warning ? '⚠' : '✔') : '✘'} ${name}: ${detail}`);
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

interface RolloutWait {
  verdict: RolloutVerdict;
  /** Set when flyctl status never answered: the rollout is unverified, not failed. */
  unread?: string;
}

/**
 * Polls status until every app machine runs the release with checks passing, or the timeout passes. A status
 * call that keeps failing proves nothing either way, so it leaves the rollout unverified rather than failed.
 */
async function waitForRollout(
  ports: DeployPorts,
  settings: DeploySettings,
  expected: RolloutExpectation,
): Promise<RolloutWait> {
  const deadline = ports.now() + settings.rolloutTimeoutMs;
  let read: RolloutVerdict | undefined;
  let readError = '';
  for (;;) {
    try {
      read = verifyRollout((await ports.status(settings.app)).machines, expected);
      if (read.complete) return { verdict: read };
    } catch (error) {
      readError = errorMessage(error);
    }
    if (ports.now() + settings.rolloutPollMs > deadline)
      return read
        ? { verdict: read }
        : {
            verdict: { complete: false, machines: [], problems: [readError] },
            unread: `flyctl status failed: ${readError}`,
          };
    await ports.sleep(settings.rolloutPollMs);
  }
}

/**
 * The release a successful deploy made: from FLY_EMIT_RELEASE_JSON, else (flyctl < 0.4.56) the current
 * release from status or the newest from releases, when newer than `baseline` (the version before the
 * deploy). When nothing can be read the version stays unknown: our own reading failing is never a reason
 * to call the release bad.
 */
async function releaseAfterDeploy(
  ports: DeployPorts,
  app: string,
  request: DeployRequest,
  baseline: number,
  emitted?: EmittedRelease,
): Promise<{ release: NewRelease; unread?: string }> {
  if (emitted)
    return { release: { version: emitted.version, imageRef: emitted.imageRef || request.image || '' } };
  const [status, releases] = await Promise.allSettled([ports.status(app), ports.releases(app)]);
  const list = releases.status === 'fulfilled' ? releases.value : [];
  const newest = list.reduce<Release | undefined>((a, r) => (!a || r.version > a.version ? r : a), undefined);
  const current = status.status === 'fulfilled' ? status.value.version : undefined;
  const version = [current, newest?.version].find((v) => v !== undefined && v > baseline);
  const imageRef = list.find((r) => r.version === version)?.imageRef || request.image || '';
  if (version !== undefined) return { release: { version, imageRef } };
  const why = [
    'flyctl printed no release JSON (FLY_EMIT_RELEASE_JSON needs flyctl 0.4.56 or later)',
    status.status === 'rejected'
      ? `flyctl status failed (${errorMessage(status.reason)})`
      : `flyctl status still reports v${current}`,
    releases.status === 'rejected'
      ? `flyctl releases failed (${errorMessage(releases.reason)})`
      : `flyctl releases lists nothing newer than v${baseline}`,
  ];
  return { release: { imageRef }, unread: why.join('; ') };
}

/** Deploy, verify the rollout, probe: shared by the new release and the rollback. */
async function deployAndVerify(
  ports: DeployPorts,
  timeline: Timeline,
  settings: DeploySettings,
  request: DeployRequest,
  spec: ProbeSpec,
  names: [PhaseName, PhaseName, PhaseName],
  baseline: number,
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
  const { release, unread } = await releaseAfterDeploy(
    ports,
    settings.app,
    request,
    baseline,
    result.release,
  );
  const attempt: Attempt = { ok: false, release, deployMs: result.durationMs };
  // Without a version, machines are matched on image (when known), state and checks.
  const expected: RolloutExpectation = {
    ...(release.version === undefined ? {} : { version: release.version }),
    ...(release.imageRef ? { imageRef: release.imageRef } : {}),
  };
  const wait = await timeline.run(
    names[1],
    () => waitForRollout(ports, settings, expected),
    ({ verdict, unread: statusUnread }) => {
      if (statusUnread)
        return { ok: true, warning: true, detail: `unverified (${statusUnread}); the health probe decides` };
      if (!verdict.complete) return { ok: false, detail: verdict.problems.slice(0, 3).join('; ') };
      const done = `${verdict.machines.length} machine(s) ${release.version === undefined ? '' : `on v${release.version}, `}started, checks passing`;
      return unread
        ? { ok: true, warning: true, detail: `${done}; which release they run is unverified (${unread})` }
        : { ok: true, detail: done };
    },
  );
  attempt.rollout = wait.verdict;
  if (wait.unread || (unread && wait.verdict.complete)) {
    attempt.rolloutUnverified = wait.unread ?? unread;
    const warning = `The rollout of ${releaseName(release)} is unverified (${attempt.rolloutUnverified}); the health probe decides.`;
    if (ports.warn) ports.warn(warning);
    else ports.log(warning);
  } else if (!wait.verdict.complete) {
    attempt.story = `${releaseName(release)} did not roll out within ${Math.round(settings.rolloutTimeoutMs / 1000)}s: ${wait.verdict.problems.slice(0, 3).join('; ')}`;
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
    attempt.story = `${releaseName(release)} is ${describeProbe(attempt.health)} at ${spec.url}`;
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

/** The release serving before the deploy, and when there is none to roll back to, why. */
export interface PreviousRecord {
  previous?: ReleaseRef;
  source?: 'releases' | 'machines';
  missing?: string;
}

/**
 * The rollback target: the releases list's (contract §2: 25 newest, status strings not all known), else the
 * one image every app machine runs (status `config.image`), else nothing, with the reason in words.
 */
export function recordPrevious(status: AppStatus, releases: readonly Release[]): PreviousRecord {
  const fromReleases = rollbackTarget(releases, status.version);
  if (fromReleases)
    return {
      previous: { version: fromReleases.version, imageRef: fromReleases.imageRef },
      source: 'releases',
    };
  const machines = status.machines.filter(isAppMachine);
  const images = new Set(machines.map((m) => m.image));
  const versions = new Set(machines.map((m) => Number(m.metadata.fly_release_version)));
  const [image] = images;
  const [machineVersion] = versions;
  const version =
    versions.size === 1 && Number.isInteger(machineVersion) && (machineVersion ?? 0) > 0
      ? (machineVersion as number)
      : status.version;
  if (machines.length > 0 && images.size === 1 && image && version > 0)
    return { previous: { version, imageRef: image }, source: 'machines' };
  if (status.version === 0 && releases.length === 0 && machines.length === 0)
    return { missing: 'this was the first deploy of the app: there is no earlier release to roll back to' };
  const statuses = [...new Set(releases.map((r) => r.status || '(empty)'))].join(', ');
  const listed = `${releases.length} release(s)${releases.length > 0 ? ` (status: ${statuses})` : ''}`;
  if (status.version === 0 && machines.length === 0)
    return {
      missing: `no release of the app has completed yet (flyctl lists ${listed}): there is no earlier release to roll back to`,
    };
  const onMachines =
    machines.length === 0
      ? 'the app has no machines'
      : images.size > 1
        ? `the machines run ${images.size} different images`
        : 'the machines report no image';
  return {
    missing: `flyctl releases lists no complete release with an image among its ${listed} (current release v${status.version}) and ${onMachines}: there is no known image to roll back to`,
  };
}

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
      ({ record }) => ({
        ok: true,
        warning: record.source === 'machines',
        detail: record.previous
          ? `v${record.previous.version} (${record.previous.imageRef})${record.source === 'machines' ? ': from the machines, as flyctl releases lists no complete release with an image' : ''}`
          : record.missing!,
      }),
    ),
  );
  const previousRef = record.previous;
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
    ...(record.source ? { previousSource: record.source } : {}),
    deploy,
  };
  if (deploy.ok) return { ...base, outcome: 'healthy', phases: timeline.phases };

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
      noRollback: previousRef ? 'rollback is off (rollback: false)' : record.missing!,
      servingNow: await servingNow(),
      ...leftStaged(false),
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
        ...leftStaged(true),
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
    phases: timeline.phases,
  };
}
