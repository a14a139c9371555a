/** The deploy flow's data: settings, the edges it is given, the phases it records and the report it returns. */
import type { DeployRequest, DeployStrategy } from '../flyctl/deploy-args.js';
import type { FlyctlFailure } from '../flyctl/exit.js';
import type { RolloutVerdict } from '../flyctl/rollout.js';
import type { SecretPair } from '../flyctl/secrets-import.js';
import type { AppStatus, EmittedRelease, Release } from '../flyctl/shapes.js';
import type { ProbeResult } from '../probe/run.js';
import type { RetryPolicy } from '../probe/schedule.js';
import type { ProbeSpec } from '../probe/spec.js';
import type { WindowResult, WindowSettings } from '../probe/window.js';

/** What deploy-and-verify needs, shared by a deploy and a rollback. */
export interface VerifySettings {
  app: string;
  retry: RetryPolicy;
  /** How long machines may take, after flyctl returns, to show the release started with checks passing. */
  rolloutTimeoutMs: number;
  rolloutPollMs: number;
  /** After the probe passes, sample for a while and judge error rate and p95. Undefined: off. */
  window?: WindowSettings;
}

export interface DeploySettings extends VerifySettings {
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
  /** Default: https://<Hostname><healthPath> from `flyctl status`. */
  healthUrl?: string;
  /** The path the deploy's fly.toml declares for its HTTP check (read by the command); default /health. */
  healthPath?: { path: string; source: string };
  /** Deploy even when the release serving now fails the health check (the fix for an outage). */
  deployWhenUnhealthy?: boolean;
  probe: Omit<ProbeSpec, 'url'>;
  rollback: boolean;
  rollbackStrategy: DeployStrategy;
}

export type DeployCallResult = { durationMs: number } & (
  { ok: true; release?: EmittedRelease } | { ok: false; failure: FlyctlFailure }
);

/** The flyctl calls and the clock deploy-and-verify needs. */
export interface VerifyPorts {
  now(): number;
  sleep(ms: number): Promise<void>;
  status(app: string, options?: { timeoutMs?: number }): Promise<AppStatus>;
  releases(app: string): Promise<Release[]>;
  deploy(request: DeployRequest): Promise<DeployCallResult>;
  probe(spec: ProbeSpec, policy: RetryPolicy): Promise<ProbeResult>;
  /** The verification window's samples; needed only when settings.window is set. */
  sampleWindow?(spec: ProbeSpec, window: WindowSettings): Promise<WindowResult>;
  log(line: string): void;
  /** Something the run could not check (shown as a warning); defaults to log. */
  warn?(line: string): void;
}

export interface DeployPorts extends VerifyPorts {
  stageSecrets(app: string, pairs: readonly SecretPair[]): Promise<void>;
}

export type PhaseName =
  | 'record current release'
  | 'probe serving release'
  | 'stage secrets'
  | 'deploy'
  | 'verify rollout'
  | 'health check'
  | 'verification window'
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
  /** The verification window after the probe passed, when one was asked for. */
  window?: WindowResult;
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
  /** The new release failed and nothing was rolled back (first deploy, rollback off, or a rollback that cannot help). */
  | 'failed';

/** A deploy's outcomes: a verify outcome, or stopped before deploying. */
export type DeployOutcome =
  | Outcome
  /** The release serving now failed the health check, so nothing was deployed (deploy-when-unhealthy: false). */
  | 'not-deployed';

/** The health check against the release serving before the deploy. */
export interface ServingProbe {
  version: number;
  health: ProbeResult;
  /** It failed, and deploy-when-unhealthy said to deploy anyway. */
  deployedAnyway: boolean;
}

interface ReportBase {
  app: string;
  healthUrl: string;
  appUrl: string;
  previous?: ReleaseRef;
  /** Where the rollback target came from: the releases list, or (when it had none) the machines' image. */
  previousSource?: 'releases' | 'machines';
  phases: Phase[];
  /** Where the health URL came from: the health-url input, the fly.toml check, or the /health fallback. */
  healthUrlSource?: string;
  /** Undefined when nothing served yet (a first deploy). */
  servingProbe?: ServingProbe;
  /** For not-deployed: the story of the release serving now, no deploy fields. */
  deploy: Attempt;
  /** What the app's machines run at the end, when that is in doubt. */
  servingNow?: string;
  /** Secrets this run staged (names) that no deploy took live: the next deploy or restart will. */
  secretsLeftStaged?: { names: string[]; certain: boolean };
  /** Secrets this run staged (names) that the rollback deploy made live with the previous image. */
  secretsLiveWithRollback?: string[];
}

export type RollbackAttempt = Attempt & {
  target: ReleaseRef;
  /** Rolled out, and fails the health check as it did before this run (deploy-when-unhealthy). */
  unhealthyAsBefore?: boolean;
};

export type DeployReport = ReportBase &
  (
    | { outcome: 'healthy' }
    | { outcome: 'rolled-back' | 'rollback-failed'; rollback: RollbackAttempt }
    /** Why there was no rollback. */
    | { outcome: 'previous-kept' | 'failed'; noRollback: string }
    | { outcome: 'not-deployed'; servingProbe: ServingProbe }
  );
