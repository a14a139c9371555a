// `flyctl deploy` and the restart-only deploys behind `secrets import/deploy`: a release N+1, machines
// replaced per strategy as real processes, smoke checks and health checks waited for on a scaled clock, and
// flyctl's failure modes (contract §4): smoke-check and health-check errors (exit 1), a rolling failure after
// the first machine (exit 127, no output, release interrupted), no rollback for rolling/immediate, green
// machines destroyed for bluegreen, untouched machines for canary.
import { existsSync } from 'node:fs';
import { deploySettings, machineConfigFrom } from './config.mjs';
import {
  appMachines,
  createMachineRecord,
  destroyMachine,
  machineProcessAlive,
  startMachine,
} from './machines.mjs';
import { USER, newRelease, runChecks } from './model.mjs';
import {
  FlyError,
  hex,
  machineId,
  opaqueId,
  parseGoDuration,
  pidAlive,
  rfc3339,
  sleep,
  sha256,
  truthy,
  ulid,
} from './util.mjs';

const SMOKE_WINDOW_MS = 10000;
const DEFAULT_WAIT_TIMEOUT_MS = 5 * 60 * 1000;

/** `--wait-timeout`: Go duration, bare integer seconds, or `none` (no limit). */
export function parseWaitTimeout(value) {
  if (value === undefined) return undefined;
  // flyctl maps `none` to 0, which disables the limit; the stand-in treats any zero the same way.
  if (value === 'none') return Infinity;
  if (/^\d+$/.test(value)) return Number(value) === 0 ? Infinity : Number(value) * 1000;
  const ms = parseGoDuration(value);
  if (ms === undefined) {
    throw new FlyError(
      `invalid duration value ${value} used for --wait-timeout, valid options are a number of seconds, number with time unit (i.e.: 5m, 180s) or 'none'`,
    );
  }
  return ms === 0 ? Infinity : ms;
}

/** Finds a registered image by tag ref or by `repository@sha256:<digest>`. */
export function resolveImage(images, ref) {
  if (images[ref]) return images[ref];
  const at = ref.indexOf('@');
  if (at >= 0) {
    const digest = ref.slice(at + 1).replace(/^sha256:/, '');
    const repo = ref.slice(0, at).replace(/:[^/:]+$/, '');
    return Object.values(images).find((image) => image.digest === digest && image.ref.startsWith(repo));
  }
  return undefined;
}

/** The ref a release records: the tag form, or the digest form when FLY_STANDIN_IMAGE_REF_FORM=digest. */
export function releaseImageRef(image, env = process.env) {
  if (env.FLY_STANDIN_IMAGE_REF_FORM === 'digest') {
    return `${image.ref.replace(/:[^/:]+$/, '')}@sha256:${image.digest}`;
  }
  return image.ref;
}

export function registerImage(
  data,
  ref,
  { behaviour, readyAfterMs = 0, failAfterMs = 0, app, releaseExit, fromMachine = 1 },
) {
  const image = {
    key: ref,
    ref,
    digest: sha256(`${ref}\n${Date.now()}\n${Math.random()}`),
    behaviour,
    ready_after_ms: readyAfterMs,
    fail_after_ms: failAfterMs,
    release_command_exit: releaseExit ?? 0,
    from_machine: fromMachine,
    app: app ?? null,
    created_at: Date.now(),
  };
  data.images[ref] = image;
  return image;
}

/** Staged and deployed secrets as plain NAME→value maps. */
export function secretValues(entry = {}) {
  return Object.fromEntries(Object.entries(entry).map(([name, s]) => [name, s.value]));
}

class Out {
  constructor(io) {
    this.io = io;
  }
  line(text = '') {
    this.io.stdout.write(text + '\n');
  }
  err(text) {
    this.io.stderr.write(text + '\n');
  }
}

/**
 * Runs one machines deploy. `plan` carries: app, raw config, image, strategy, waitTimeoutMs, smoke, health,
 * restartOnly, reason/description, envOverrides, forceExit, haCount. Returns the completed release.
 */
export async function runDeploy(ctx, plan) {
  const { state, scale, io } = ctx;
  const out = new Out(io);
  const appName = plan.app.name;

  // Leases on the machines to update, release N+1, staged secrets applied, deployed config recorded: one
  // atomic step. A machine leased by another live flyctl fails the deploy before any release exists.
  const leaseNonce = hex(8);
  const { release, secrets, existing } = state.update((data) => {
    const targets = appMachines(data.machines, appName).filter((m) => (m.process_group ?? 'app') === 'app');
    for (const machine of targets) {
      const lease = machine.lease;
      if (lease && pidAlive(lease.pid)) {
        throw new FlyError(
          `machines API returned an error: "machine ID ${machine.id} lease currently held by ${lease.owner}, expires at ${rfc3339(lease.expires_at)}"`,
        );
      }
    }
    for (const machine of targets) {
      machine.lease = {
        nonce: leaseNonce,
        pid: process.pid,
        owner: USER.Email,
        expires_at: Date.now() + 13000,
      };
    }
    const releases = (data.releases[appName] ??= []);
    const version = releases.reduce((max, r) => Math.max(max, r.Version), 0) + 1;
    const created = newRelease({
      id: opaqueId(),
      version,
      status: 'running',
      description: plan.description,
      reason: plan.reason,
      imageRef: plan.imageRef,
    });
    releases.push(created);
    const entry = (data.secrets[appName] ??= { staged: {}, deployed: {} });
    const now = Date.now();
    for (const [name, secret] of Object.entries(entry.staged)) {
      entry.deployed[name] = { value: secret.value, updated_at: secret.updated_at ?? now, version };
    }
    entry.staged = {};
    data.apps[appName].config_raw = plan.raw;
    return {
      release: created,
      secrets: secretValues(entry.deployed),
      existing: targets.map((m) => m.id),
    };
  });

  const interrupt = () => {
    finish(state, appName, release.Version, 'interrupted');
    process.exit(127);
  };
  if (ctx.signals) {
    process.once('SIGINT', interrupt);
    process.once('SIGTERM', interrupt);
  }

  const { config, checks } = machineConfigFrom(plan.raw, { image: plan.imageRef, env: plan.envOverrides });
  const spec = {
    app: appName,
    region: plan.app.region,
    release,
    image: plan.image,
    imageRef: plan.imageRef,
    config,
    checks,
    secrets,
    pathEnv: ctx.env?.PATH ?? process.env.PATH ?? '',
  };
  const timing = { scale, waitTimeoutMs: plan.waitTimeoutMs, smoke: plan.smoke, health: plan.health };

  try {
    if (plan.releaseCommand) runReleaseCommand(ctx, plan, release, out);
    out.line(`Watch your deployment at https://fly.io/apps/${appName}/monitoring`);
    out.line();
    if (existing.length === 0) {
      await firstDeploy(ctx, spec, timing, plan, out);
    } else {
      const strategy = plan.restartOnly ? 'rolling' : plan.strategy;
      switch (strategy) {
        case 'immediate':
          await immediate(ctx, spec, timing, existing, out);
          break;
        case 'canary':
          await canary(ctx, spec, timing, existing, plan, out);
          break;
        case 'bluegreen':
          await bluegreen(ctx, spec, timing, existing, out);
          break;
        default:
          // flyctl does not validate --strategy: unknown values take the rolling path.
          await rolling(ctx, spec, timing, existing, plan, out);
      }
    }
  } catch (error) {
    if (error instanceof Abandoned) throw error;
    const status = error instanceof FlyError && error.exitCode === 127 ? 'interrupted' : 'failed';
    finish(state, appName, release.Version, status, error.message);
    throw error;
  } finally {
    process.removeListener('SIGINT', interrupt);
    process.removeListener('SIGTERM', interrupt);
    if (existsSync(state.dir)) releaseLeases(state, leaseNonce);
  }
  return finish(state, appName, release.Version, 'complete');
}

/** The release_command runs in a temporary machine; the image decides its exit code. */
function runReleaseCommand(ctx, plan, release, out) {
  const exitCode = Number(plan.image.release_command_exit ?? 0);
  const id = machineId();
  ctx.state.update((data) => {
    const app = data.apps[plan.app.name];
    (app.release_commands ??= []).push({
      release_version: release.Version,
      command: plan.releaseCommand,
      machine: id,
      exit_code: exitCode,
      time: new Date().toISOString(),
    });
  });
  if (truthy(ctx.env?.FLY_STANDIN_KEEP_RELEASE_MACHINES))
    keepReleaseMachine(ctx, plan, release, id, exitCode);
  out.line(`Running ${plan.app.name} release_command: ${plan.releaseCommand}`);
  if (exitCode !== 0) {
    out.err(`Error release_command failed running on machine ${id} with exit code ${exitCode}.`);
    throw new FlyError(
      `release command failed - aborting deployment. error running release_command machine: machine ${id} exited with non-zero status of ${exitCode}`,
    );
  }
  out.line(`release_command ${id} completed successfully`);
}

/**
 * Opt-in (FLY_STANDIN_KEEP_RELEASE_MACHINES): leave the release_command machine behind, stopped, so
 * `machine list` shows it as flyctl can (§10) and callers must filter by fly_process_group.
 */
function keepReleaseMachine(ctx, plan, release, id, exitCode) {
  const now = Date.now();
  ctx.state.update((data) => {
    data.machines[id] = {
      id,
      name: `release-command-${id.slice(0, 4)}`,
      app: plan.app.name,
      region: plan.app.region,
      process_group: 'fly_app_release_command',
      private_ip: '',
      created_at: now,
      updated_at: now,
      state: 'stopped',
      instance_id: id.toUpperCase(),
      image: plan.imageRef,
      image_digest: plan.image.digest ? `sha256:${plan.image.digest}` : '',
      release_version: release.Version,
      release_id: release.ID,
      config: { image: plan.imageRef, env: {}, restart: { policy: 'no' } },
      checks: [],
      events: [
        {
          type: 'exit',
          status: 'stopped',
          source: 'flyd',
          timestamp: now,
          request: { exit_event: { exit_code: exitCode } },
        },
        { type: 'launch', status: 'created', source: 'user', timestamp: now },
      ],
    };
  });
}

function releaseLeases(state, nonce) {
  state.update((data) => {
    for (const machine of Object.values(data.machines)) {
      if (machine.lease?.nonce === nonce) delete machine.lease;
    }
  });
}

function finish(state, appName, version, status, errorText) {
  return state.update((data) => {
    const release = data.releases[appName].find((r) => r.Version === version);
    release.Status = status;
    release.Stable = status === 'complete';
    if (errorText) release._error = errorText;
    return release;
  });
}

/** Thrown when nobody can observe the deploy any more: the state dir is gone or its owner process died. */
class Abandoned extends FlyError {}

function checkAbandoned(ctx) {
  if (!existsSync(ctx.state.dir))
    throw new Abandoned('stand-in state directory was removed during the deploy');
  if (ctx.ownerPid && !pidAlive(ctx.ownerPid))
    throw new Abandoned('stand-in owner process exited during the deploy');
}

/** The 127 path: flyctl prints nothing when the joined error contains context.Canceled. */
const canceled = () => new FlyError('context canceled', { exitCode: 127, silent: true });

function forcedExit(plan) {
  const code = Number(plan.forceExit);
  if (!code) return undefined;
  return code === 127 ? canceled() : new FlyError(`stand-in forced exit ${code}`, { exitCode: code });
}

/** Starts a machine and waits for its smoke and health checks, as flyctl does for each machine it updates. */
async function startAndVerify(ctx, id, spec, timing, index) {
  const started = Date.now();
  const result = await startMachine(ctx.state, id, spec, {
    ownerPid: ctx.ownerPid,
    timeoutMs: startTimeout(timing),
    ...(index === undefined ? {} : { index }),
  });
  await verifyMachine(ctx, id, result, timing, started);
}

async function updateOne(ctx, id, spec, timing, index, total, out) {
  const label = `[${index + 1}/${total}]`;
  out.err(`  ${label} Updating ${id} [app]`);
  await startAndVerify(ctx, id, spec, timing, index);
  out.err(`  ${label} Machine ${id} [app] update finished: success`);
}

function startTimeout(timing) {
  const scaled = timing.waitTimeoutMs * timing.scale;
  return Number.isFinite(scaled) ? Math.max(5000, scaled) : 60000;
}

/** Smoke checks (process survives the scaled 10 s window), then health checks within --wait-timeout. */
async function verifyMachine(ctx, id, result, timing, started) {
  const { state, scale } = ctx;
  if (timing.smoke) {
    const end = Date.now() + Math.max(100, SMOKE_WINDOW_MS * scale);
    const self = { pid: result.pid, instance_id: result.instance };
    for (;;) {
      if (result.exited || !machineProcessAlive(self)) {
        throw new FlyError(`smoke checks for ${id} failed: the app appears to be crashing`);
      }
      if (Date.now() >= end) break;
      checkAbandoned(ctx);
      await sleep(20);
    }
  }
  if (!timing.health) return;
  const record = state.read('machines')[id];
  const specs = record?.checks ?? [];
  if (specs.length === 0) return;
  const waitMs = timing.waitTimeoutMs * scale;
  const deadline = started + (Number.isFinite(waitMs) ? Math.max(waitMs, 200) : Infinity);
  const interval = Math.min(1000, Math.max(25, Math.min(...specs.map((s) => s.interval_ms)) * scale));
  for (;;) {
    checkAbandoned(ctx);
    const results = await runChecks(record, { scale });
    if (results.length > 0 && results.every((r) => r.status === 'passing')) return;
    if (Date.now() >= deadline) {
      throw new FlyError(
        `timeout reached waiting for health checks to pass for machine ${id}: context deadline exceeded`,
      );
    }
    await sleep(Math.min(interval, Math.max(0, deadline - Date.now())));
  }
}

async function firstDeploy(ctx, spec, timing, plan, out) {
  const count = plan.haCount;
  out.line(`Creating ${count} machine${count === 1 ? '' : 's'} for app ${spec.app}`);
  const ids = [];
  for (let i = 0; i < count; i++) ids.push(createMachineRecord(ctx.state, spec));
  await Promise.all(
    ids.map(async (id, i) => {
      out.err(`  [${i + 1}/${count}] Machine ${id} was created`);
      await startAndVerify(ctx, id, spec, timing, i);
    }),
  );
  const forced = forcedExit(plan);
  if (forced) throw forced;
  out.line(`Finished launching new machines`);
}

async function rolling(ctx, spec, timing, ids, plan, out) {
  out.line(`Updating existing machines in '${spec.app}' with rolling strategy`);
  for (let i = 0; i < ids.length; i++) {
    try {
      await updateOne(ctx, ids[i], spec, timing, i, ids.length, out);
    } catch (error) {
      // The spearhead machine's error is returned alone (exit 1); later failures are joined with the
      // context.Canceled of the cancelled updates, which flyctl turns into a silent exit 127.
      if (i === 0) throw error;
      throw canceled();
    }
    if (i === 0) {
      const forced = forcedExit(plan);
      if (forced) throw forced;
    }
  }
  out.err('  Finished deploying');
}

async function immediate(ctx, spec, timing, ids, out) {
  // flyctl's immediate strategy updates every machine at once and waits for nothing: no smoke checks, no
  // health checks, and an update error only prints "Continuing after error".
  out.line(`Updating existing machines in '${spec.app}' with immediate strategy`);
  await Promise.all(
    ids.map(async (id, i) => {
      out.err(`  [${i + 1}/${ids.length}] Updating ${id} [app]`);
      try {
        await startMachine(ctx.state, id, spec, {
          ownerPid: ctx.ownerPid,
          timeoutMs: startTimeout(timing),
          index: i,
        });
      } catch (error) {
        out.err(`Continuing after error: ${error.message}`);
      }
    }),
  );
  out.err('  Finished deploying');
}

async function canary(ctx, spec, timing, ids, plan, out) {
  out.line(`Creating canary machine for group app`);
  const canaryId = createMachineRecord(ctx.state, spec);
  // On failure the canary is left behind and existing machines are untouched (contract §4, inferred).
  await startAndVerify(ctx, canaryId, spec, timing);
  await destroyMachine(ctx.state, canaryId);
  out.err(`  Canary machine ${canaryId} passed; destroyed`);
  await rolling(ctx, spec, timing, ids, plan, out);
}

async function bluegreen(ctx, spec, timing, blues, out) {
  out.line(`Updating existing machines in '${spec.app}' with bluegreen strategy`);
  const greens = blues.map(() => createMachineRecord(ctx.state, spec));
  try {
    await Promise.all(
      greens.map(async (id, i) => {
        out.err(`  Created machine ${id} (green)`);
        await startAndVerify(ctx, id, spec, timing, i);
      }),
    );
  } catch (error) {
    out.err('Rolling back failed deployment');
    for (const id of greens) {
      await destroyMachine(ctx.state, id);
      out.err(`  Deleted machine ${id}`);
    }
    throw error;
  }
  for (const id of blues) await destroyMachine(ctx.state, id);
  out.err('  Finished deploying');
}

/** Options from flags and fly.toml shared by deploy and the secrets deploys. */
export function deployOptions(flags, raw) {
  const settings = deploySettings(raw);
  const flagTimeout = parseWaitTimeout(flags['wait-timeout']);
  return {
    strategy: flags.strategy || settings.strategy || 'rolling',
    waitTimeoutMs: flagTimeout ?? settings.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS,
    releaseCommand: settings.releaseCommand,
  };
}

export const newDeploymentTag = (app) => `registry.fly.io/${app}:deployment-${ulid()}`;
