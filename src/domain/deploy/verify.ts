/**
 * Deploy and verify, shared by a deploy and a rollback: run `flyctl deploy`, read the release it made, wait
 * until every app machine runs it started with checks passing (contract §10), probe from outside, then
 * (when settings.window is set) sample it through the verification window.
 */
import type { DeployRequest } from '../flyctl/deploy-args.js';
import { verifyRollout, type RolloutExpectation, type RolloutVerdict } from '../flyctl/rollout.js';
import type { EmittedRelease, Release } from '../flyctl/shapes.js';
import { describeProbe } from '../probe/run.js';
import type { ProbeSpec } from '../probe/spec.js';
import { describeWindow } from '../probe/window.js';
import { errorMessage } from '../shared/errors.js';
import type { Timeline } from './timeline.js';
import {
  releaseName,
  type Attempt,
  type NewRelease,
  type PhaseName,
  type ReleaseRef,
  type VerifyPorts,
  type VerifySettings,
} from './types.js';

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
  ports: VerifyPorts,
  settings: VerifySettings,
  expected: RolloutExpectation,
): Promise<RolloutWait> {
  const deadline = ports.now() + settings.rolloutTimeoutMs;
  let read: RolloutVerdict | undefined;
  let readError = '';
  for (;;) {
    try {
      read = verifyRollout(
        (await ports.status(settings.app, { timeoutMs: deadline - ports.now() })).machines,
        expected,
      );
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
  ports: VerifyPorts,
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

/** The names of the phases of one deploy-and-verify: deploy, rollout, health, and the window if any. */
export type VerifyPhases = [PhaseName, PhaseName, PhaseName, PhaseName?];

/**
 * Deploy, verify the rollout, probe, and run the verification window when settings.window is set.
 * `baseline` is the newest release version before this deploy.
 */
export async function deployAndVerify(
  ports: VerifyPorts,
  timeline: Timeline,
  settings: VerifySettings,
  request: DeployRequest,
  spec: ProbeSpec,
  names: VerifyPhases,
  baseline: number,
): Promise<Attempt> {
  const result = await timeline.run(
    names[0],
    () => ports.deploy(request),
    (r) => ({
      ok: r.ok,
      detail: r.ok
        ? `flyctl deploy succeeded${r.release ? ` (release v${r.release.version})` : ''}`
        : r.failure.message,
    }),
  );
  if (!result.ok) {
    const message = result.failure.message;
    return {
      ok: false,
      deployMs: result.durationMs,
      deployFailure: message,
      story: `flyctl deploy failed (exit ${result.failure.exitCode}): ${message}`,
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
    (h) => ({ ok: h.healthy, detail: describeProbe(h) }),
  );
  if (!attempt.health.healthy) {
    attempt.story = `${releaseName(release)} is ${describeProbe(attempt.health)} at ${spec.url}`;
    return attempt;
  }
  const window = settings.window;
  if (window) {
    const sample = ports.sampleWindow;
    if (!sample) throw new Error('a verification window needs the sampleWindow port');
    attempt.window = await timeline.run(
      names[3] ?? 'verification window',
      () => sample(spec, window),
      (w) => ({ ok: w.passed, detail: describeWindow(w) }),
    );
    if (!attempt.window.passed) {
      attempt.story = `${releaseName(release)} turned healthy, then failed the verification window at ${spec.url}: ${attempt.window.problems.join('; ')}`;
      return attempt;
    }
  }
  attempt.ok = true;
  return attempt;
}

/**
 * Is the recorded release still serving, untouched and healthy? (A deploy that failed before replacing
 * anything.) With `knownUnhealthy` (it failed the health check before this run) only the machines are
 * checked: the probe would fail as it did before, and a rollback deploy could not change that.
 */
export async function stillServing(
  ports: VerifyPorts,
  timeline: Timeline,
  settings: VerifySettings,
  previous: ReleaseRef,
  spec: ProbeSpec,
  options: { knownUnhealthy?: boolean } = {},
): Promise<boolean> {
  const result = await timeline.run(
    'check previous release',
    async () => {
      const status = await ports.status(settings.app).catch(() => undefined);
      if (!status || !verifyRollout(status.machines, previous).complete)
        return { kept: false, detail: `not every machine runs v${previous.version} with checks passing` };
      if (options.knownUnhealthy)
        return {
          kept: true,
          detail: `every machine still runs v${previous.version} (it failed the health check before this run too)`,
        };
      const health = await ports.probe(spec, { ...settings.retry, attempts: 1 });
      return health.healthy
        ? { kept: true, detail: `every machine still runs v${previous.version}, healthy` }
        : { kept: false, detail: `v${previous.version} still runs but is ${describeProbe(health)}` };
    },
    (r) => ({ ok: r.kept, detail: r.kept ? r.detail : `${r.detail}: rolling back` }),
  );
  return result.kept;
}
