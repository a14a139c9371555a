/**
 * fly-rollback as plain functions over injected edges: read what serves now, then deploy the planned target
 * image and verify it with the deploy's own deploy-and-verify. A target that fails leaves the release that
 * served before serving: untouched when flyctl replaced nothing (a pruned image), else deployed again.
 */
import { deployAndVerify } from '../deploy/verify.js';
import type { Timeline } from '../deploy/timeline.js';
import type { RecordOutcome } from '../deploy/record.js';
import type { Attempt, Phase, ReleaseRef, VerifyPorts, VerifySettings } from '../deploy/types.js';
import type { DeployRequest, DeployStrategy } from '../flyctl/deploy-args.js';
import { describeServing, isAppMachine, sameImage } from '../flyctl/rollout.js';
import type { AppStatus, Release } from '../flyctl/shapes.js';
import type { ProbeSpec } from '../probe/spec.js';
import { UserError, errorMessage } from '../shared/errors.js';
import type { Drift } from './drift.js';
import { compareImages, servingNow, type RollbackPlan, type Serving } from './target.js';

export interface RollbackSettings extends VerifySettings {
  config?: string;
  strategy: DeployStrategy;
  skipReleaseCommand: boolean;
  /** The longest one `flyctl deploy` may run. */
  deployTimeoutMs?: number;
  /** Default: https://<Hostname>/health from `flyctl status`. */
  healthUrl?: string;
  probe: Omit<ProbeSpec, 'url'>;
}

/** What the run read before choosing: the app's status and releases, and what serves. */
export interface RollbackState {
  status: AppStatus;
  releases: Release[];
  serving: Serving;
  healthUrl: string;
  appUrl: string;
}

export async function readRollbackState(
  settings: RollbackSettings,
  ports: VerifyPorts,
  timeline: Timeline,
): Promise<RollbackState> {
  const app = settings.app;
  const { status, releases } = await timeline
    .run(
      'record current release',
      async () => {
        const [status, releases] = await Promise.all([ports.status(app), ports.releases(app)]);
        if (!settings.healthUrl && !status.hostname)
          throw new UserError(
            `flyctl status reports no Hostname for ${app}; set health-url to the URL to probe`,
          );
        return { status, releases };
      },
      ({ status, releases }) => ({
        ok: true,
        detail: `v${status.version} serving; flyctl lists ${releases.length} release(s)`,
      }),
    )
    .catch((error: unknown) => {
      // flyctl's failures are UserErrors: told with "nothing was changed". Anything else is a bug and
      // stays one, so its stack is shown behind debug logging.
      if (!(error instanceof UserError)) throw error;
      throw new UserError(`${errorMessage(error).replace(/\.?$/, '.')} Nothing was changed.`);
    });
  const healthUrl = settings.healthUrl ?? `https://${status.hostname}/health`;
  return {
    status,
    releases,
    serving: servingNow(status, releases),
    healthUrl,
    appUrl: status.hostname ? `https://${status.hostname}` : new URL(healthUrl).origin,
  };
}

/** A rollback ends as a deploy does (the record's outcomes). */
export type RollbackOutcome = RecordOutcome;

/** The image could not be deployed because Fly's registry no longer has it (contract §1, §12). */
export interface PrunedImage {
  image: string;
  /** Releases whose image an app machine runs now: those images exist (a running image is not pruned). */
  kept: ReleaseRef[];
  /** Complete releases newer than the target, with other images: deployed more recently, likelier kept. */
  newer: ReleaseRef[];
}

export interface RollbackRun {
  outcome: RollbackOutcome;
  /** The deploy of the target image. */
  deploy: Attempt;
  /** The release that served before, deployed again after the target failed. */
  restore?: Attempt & { target: ReleaseRef };
  /** Why the release that served before was not deployed again. */
  noRestore?: string;
  /** What the machines run at the end, when that is in doubt. */
  servingNow?: string;
  pruned?: PrunedImage;
}

export interface RollbackReport {
  app: string;
  appUrl: string;
  healthUrl: string;
  plan: RollbackPlan;
  drift: Drift;
  dryRun: boolean;
  phases: Phase[];
  /** Absent on a dry run. */
  run?: RollbackRun;
}

/** flyctl's words for an image it could not fetch: nothing was deployed (contract §12). */
export const isImageFetchFailure = (message: string): boolean =>
  /failed to fetch an image or build from source|could not find image/i.test(message);

/** Does every app machine still run the release that served before (a deploy that replaced nothing)? */
function untouched(status: AppStatus, serving: Serving): boolean {
  const machines = status.machines.filter(isAppMachine);
  return (
    machines.length > 0 &&
    machines.every(
      (m) =>
        m.metadata.fly_release_version === String(serving.version) &&
        serving.machineImages.some((s) => s.image === m.image || sameImage(m.image, s.image, m.imageDigest)),
    )
  );
}

function prunedImage(image: string, state: RollbackState, target: RollbackPlan['target']): PrunedImage {
  const complete = state.releases.filter((r) => r.status === 'complete' && r.imageRef !== '');
  const kept = complete
    .filter((r) =>
      state.serving.machineImages.some((m) => compareImages(r.imageRef, m.image, m.digest) === 'same'),
    )
    .map((r) => ({ version: r.version, imageRef: r.imageRef }));
  const newer = complete
    .filter(
      (r) =>
        (target.version === undefined || r.version > target.version) &&
        compareImages(r.imageRef, image) !== 'same' &&
        !kept.some((k) => k.version === r.version),
    )
    .sort((a, b) => b.version - a.version)
    .slice(0, 3)
    .map((r) => ({ version: r.version, imageRef: r.imageRef }));
  return { image, kept, newer };
}

export async function runRollback(
  plan: RollbackPlan,
  state: RollbackState,
  settings: RollbackSettings,
  ports: VerifyPorts,
  timeline: Timeline,
): Promise<RollbackRun> {
  const app = settings.app;
  const spec: ProbeSpec = { ...settings.probe, url: state.healthUrl };
  const newest = Math.max(state.status.version, ...state.releases.map((r) => r.version));
  const request = (image: string, skipReleaseCommand: boolean): DeployRequest => ({
    app,
    config: settings.config,
    image,
    strategy: settings.strategy,
    timeoutMs: settings.deployTimeoutMs,
    skipReleaseCommand,
    echo: true,
  });

  const deploy = await deployAndVerify(
    ports,
    timeline,
    settings,
    request(plan.target.imageRef, settings.skipReleaseCommand),
    spec,
    ['deploy', 'verify rollout', 'health check'],
    newest,
  );
  if (deploy.ok) return { outcome: 'healthy', deploy };

  const servingNowText = async () => {
    try {
      return describeServing((await ports.status(app)).machines);
    } catch (error) {
      return `unknown (flyctl status failed: ${errorMessage(error)})`;
    }
  };
  const from = state.serving;
  const gone = !deploy.release && isImageFetchFailure(deploy.deployFailure ?? '');

  // flyctl failed before it made a release: when every machine still runs what served before, nothing changed.
  if (!deploy.release) {
    const kept = await timeline.run(
      'check previous release',
      async () => {
        const status = await ports.status(app).catch(() => undefined);
        return { kept: status !== undefined && untouched(status, from), status };
      },
      ({ kept }) => ({
        ok: kept,
        detail: kept
          ? `every machine still runs v${from.version}: nothing was replaced`
          : `not every machine runs v${from.version} any more`,
      }),
    );
    if (kept.kept)
      return {
        outcome: 'previous-kept',
        deploy,
        servingNow: kept.status ? describeServing(kept.status.machines) : from.machines,
        ...(gone ? { pruned: prunedImage(plan.target.imageRef, state, plan.target) } : {}),
      };
  }

  if (!from.imageRef)
    return {
      outcome: 'failed',
      deploy,
      noRestore: `the image v${from.version} ran is unknown (the machines ran ${from.machineImages.length} different images), so it cannot be deployed again`,
      servingNow: await servingNowText(),
    };

  const target: ReleaseRef = { version: from.version, imageRef: from.imageRef };
  const restore = await deployAndVerify(
    ports,
    timeline,
    settings,
    request(from.imageRef, true),
    spec,
    ['rollback deploy', 'verify rollback rollout', 'rollback health check'],
    Math.max(newest, deploy.release?.version ?? 0),
  );
  return {
    outcome: restore.ok ? 'rolled-back' : 'rollback-failed',
    deploy,
    restore: { ...restore, target },
    ...(restore.ok ? {} : { servingNow: await servingNowText() }),
  };
}
