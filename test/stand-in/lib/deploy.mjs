// `flyctl deploy` and the restart-only deploys behind `secrets import/set/deploy`: a release N+1, machines
// replaced per strategy as real processes, smoke checks and health checks waited for on a scaled clock, and
// flyctl's failure modes and messages (contract §2, §4, §13), per flyctl's machines_deploymachinesapp.go:
// - per-machine progress on stdout through the non-interactive status logger (`> [1/2] Updating <id> [app]`,
//   `✔ … update succeeded`, `✖ … update failed: <err>`, `✖ … update canceled`);
// - rolling: the first machine alone (its error alone: exit 1), the rest in a pool of --max-unavailable size
//   that cancels the queued updates after a failure; the errors are joined, and a joined context.Canceled is
//   exit 127 without an Error: line (release `interrupted`), else exit 1 (release `failed`);
// - immediate: every machine at once, nothing waited for, errors joined (exit 1);
// - canary: one new machine first, left behind when it fails; bluegreen: greens next to blues, destroyed on
//   failure.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { appUrl, deploySettings, machineConfigFrom } from './config.mjs';
import {
  appMachines,
  createMachineRecord,
  destroyMachine,
  machineProcessAlive,
  startMachine,
} from './machines.mjs';
import { USER, newRelease, runChecks } from './model.mjs';
import { statusLogger } from './statuslog.mjs';
import {
  FlyError,
  aurora,
  canceledError,
  formatGoDuration,
  hex,
  joinErrors,
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
export const DEFAULT_WAIT_TIMEOUT_MS = 5 * 60 * 1000;
const DEFAULT_MAX_UNAVAILABLE = 0.33;
const DEFAULT_MAX_CONCURRENT = 8;
/** resolveTimeoutContext: a zero wait for a machine state becomes 2 minutes. */
const ZERO_STATE_WAIT_MS = 2 * 60 * 1000;

/**
 * deploy.go parseDurationFlag: `none` is 0, a Go duration, or a bare integer of seconds (only when Go says
 * "missing unit"); anything else is flyctl's error. Returns milliseconds, undefined when the flag is unset.
 */
export function parseDurationFlag(value, flagName) {
  if (value === undefined) return undefined;
  if (value === 'none') return 0;
  const ms = parseGoDuration(value);
  if (ms !== undefined) return ms;
  if (/^[+-]?\d+$/.test(value.trim()) && value.trim() === value) return Number(value) * 1000;
  throw new FlyError(
    `invalid duration value ${value} used for --${flagName} flag: valid options are a number of seconds, number with time unit (i.e.: 5m, 180s) or 'none'`,
  );
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
  { behaviour, readyAfterMs = 0, failAfterMs = 0, app, releaseExit, fromMachine = 1, updateError, run },
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
    update_error: updateError || null,
    app: app ?? null,
    created_at: Date.now(),
    // `standin image --run`: machines run this real program ({program, args, cwd}) instead of the fixture.
    ...(run ? { run } : {}),
  };
  data.images[ref] = image;
  return image;
}

/** Staged and deployed secrets as plain NAME→value maps. */
export function secretValues(entry = {}) {
  return Object.fromEntries(Object.entries(entry).map(([name, s]) => [name, s.value]));
}

/** The machines a deploy updates: the app's active Fly Launch machines (no release-command machines). */
export const deployableMachines = (machines, appName) =>
  appMachines(machines, appName).filter((m) => (m.process_group ?? 'app') === 'app');

class Out {
  constructor(io) {
    this.io = io;
    this.write = (text) => io.stdout.write(text);
  }
  line(text = '') {
    this.io.stdout.write(text + '\n');
  }
  err(text = '') {
    this.io.stderr.write(text + '\n');
  }
  /** stderr without a newline (flyctl's Fprintf calls that omit one). */
  errRaw(text) {
    this.io.stderr.write(text);
  }
  /** flyctl's terminal.Warnf/Infof: stdout, `WARN`/`INFO` always coloured, the message's own newline kept. */
  warn(text) {
    this.io.stdout.write(`${aurora.yellow('WARN')} ${text}\n\n`);
  }
  info(text) {
    this.io.stdout.write(`${aurora.faint('INFO')} ${text}\n\n`);
  }
}

/** FormattedMachineId: `<id> [<process group>]`, only the ID for release-command machines. */
const formatted = (id, group = 'app') => (group ? `${id} [${group}]` : id);

/**
 * Runs one machines deploy. `plan` carries: app, raw config, image, imageRef, strategy (flyctl's md.strategy:
 * the flag, else [deploy] strategy, else rolling), waitTimeoutMs (unscaled; 0 = `none`), smoke, health,
 * releaseCommand, restartOnly, reason/description, envOverrides, forceExit, haCount, maxUnavailable,
 * maxConcurrent, deployRetries, dnsChecks. Returns the completed release.
 */
export async function runDeploy(ctx, plan) {
  const { state, io } = ctx;
  const out = new Out(io);
  const appName = plan.app.name;

  // NewMachineDeployment: the wait-timeout notice, then release N+1 (createReleaseInBackend). The stored
  // config is the deployed one: fly.toml with the --strategy and -e values applied (deploy.go
  // determineAppConfigForMachines), which later restart-only deploys read back.
  if (plan.waitTimeoutMs !== DEFAULT_WAIT_TIMEOUT_MS) {
    out.info(
      `Using wait timeout: ${formatGoDuration(plan.waitTimeoutMs)} lease timeout: 13s delay between lease refreshes: 4s`,
    );
  }
  const { release, secrets, existing } = state.update((data) => {
    const targets = deployableMachines(data.machines, appName);
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
    if (!plan.restartOnly) data.apps[appName].config_raw = plan.storedRaw ?? plan.raw;
    return {
      release: created,
      secrets: secretValues(entry.deployed),
      existing: targets.map((m) => ({ id: m.id, image: m.image })),
    };
  });

  const interrupt = () => {
    finish(state, appName, release.Version, 'interrupted');
    // ctrlc.Hook writes a bare newline to stderr; cli.Run exits 127 without an Error: line.
    process.stderr.write('\n', () => process.exit(127));
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
  const timing = {
    scale: ctx.scale,
    waitTimeoutMs: plan.waitTimeoutMs,
    smoke: plan.smoke,
    health: plan.health,
  };
  const deploy = { ctx, plan, spec, timing, out, leaseNonce: hex(8) };

  try {
    if (plan.restartOnly) {
      if (existing.length) await updateExistingMachines(deploy, existing);
    } else {
      if (plan.releaseCommand) runReleaseCommand(deploy);
      if (existing.length === 0) {
        await createMachinesForGroup(deploy);
        const forced = forcedExit(plan);
        if (forced) throw forced;
      } else {
        if (plan.strategy === 'canary') await canaryPhase(deploy);
        await updateExistingMachines(deploy, existing);
      }
    }
  } catch (error) {
    if (error instanceof Abandoned || error.panic) throw error;
    // DeployMachinesApp: errors.Is(err, context.Canceled) → interrupted, anything else → failed.
    finish(state, appName, release.Version, error.canceled ? 'interrupted' : 'failed', error.message);
    throw error;
  } finally {
    process.removeListener('SIGINT', interrupt);
    process.removeListener('SIGTERM', interrupt);
    if (existsSync(state.dir)) releaseLeases(state, deploy.leaseNonce);
  }
  const done = finish(state, appName, release.Version, 'complete');
  // DNS checks (stderr) only after a good deploy, then the FLY_EMIT_RELEASE_JSON line (contract §2).
  if (plan.dnsChecks && appUrl(plan.raw, appName)) {
    out.err(`Checking DNS configuration for ${appName}.fly.dev`);
  }
  if (ctx.env?.FLY_EMIT_RELEASE_JSON) {
    out.line(JSON.stringify({ id: done.ID, version: done.Version, image_ref: done.ImageRef }));
  }
  return done;
}

/**
 * machineSet.AcquireLeases: a machine leased by another live flyctl fails the deploy (after its release was
 * created and, for a deploy, after the release command), with terminal.Warnf's line on stdout first.
 */
function acquireLeases(deploy, ids) {
  const { ctx, out, leaseNonce } = deploy;
  try {
    ctx.state.update((data) => {
      for (const id of ids) {
        const lease = data.machines[id]?.lease;
        if (lease && lease.nonce !== leaseNonce && pidAlive(lease.pid)) {
          throw new FlyError(
            `machines API returned an error: "machine ID ${id} lease currently held by ${lease.owner}, expires at ${rfc3339(lease.expires_at)}"`,
          );
        }
      }
      for (const id of ids) {
        data.machines[id].lease = {
          nonce: leaseNonce,
          pid: process.pid,
          owner: USER.Email,
          expires_at: Date.now() + 13000,
        };
      }
    });
  } catch (error) {
    out.warn(`failed to acquire lease: ${error.message}`);
    throw error;
  }
}

/** The release_command runs in a temporary machine; the image decides its exit code. */
function runReleaseCommand(deploy) {
  const { ctx, plan, out, timing } = deploy;
  const exitCode = Number(plan.image.release_command_exit ?? 0);
  const id = machineId();
  ctx.state.update((data) => {
    const app = data.apps[plan.app.name];
    (app.release_commands ??= []).push({
      release_version: deploy.spec.release.Version,
      command: plan.releaseCommand,
      machine: id,
      exit_code: exitCode,
      time: new Date().toISOString(),
    });
  });
  if (truthy(ctx.env?.FLY_STANDIN_KEEP_RELEASE_MACHINES)) keepReleaseMachine(deploy, id, exitCode);
  // machines_releasecommand.go runReleaseCommand: a single status line (no index), the rest on stderr.
  out.err(`Running ${plan.app.name} release_command: ${plan.releaseCommand}`);
  const line = statusLogger(out.write, 1).line(0);
  line.logStatus('running', `Created release_command machine ${id}`);
  const waitState = (desired, { warn = true } = {}) => {
    if (warn && timing.waitTimeoutMs === 0) warnZeroWait(out);
    line.log(`Waiting for ${id} to have state: ${desired}`);
  };
  waitState('stopped');
  line.log(`Machine ${id} has state: stopped`);
  out.err('Starting machine');
  line.log(`Waiting for ${id} to have state: started`);
  waitState('started');
  line.log(`Machine ${id} has state: started`);
  waitState('destroyed', { warn: false });
  line.log(`Machine ${id} has state: destroyed`);
  if (exitCode !== 0) {
    line.logStatus('failure', 'release_command failed');
    out.err(`Error release_command failed running on machine ${id} with exit code ${exitCode}.`);
    out.err('Checking logs: fetching the last 100 lines below:');
    const error = `machine ${id} exited with non-zero status of ${exitCode}`;
    line.failed({ message: error });
    throw new FlyError(`release command failed - aborting deployment. ${error}`);
  }
  line.logStatus('success', `release_command ${id} completed successfully`);
}

function warnZeroWait(out) {
  out.warn('resolveTimeoutContext: allowInfinite is false and timeout is 0, setting timeout to 2 minutes');
}

/**
 * Opt-in (FLY_STANDIN_KEEP_RELEASE_MACHINES): leave the release_command machine behind, stopped, so
 * `machine list` shows it as flyctl can (§10) and callers must filter by fly_process_group.
 */
function keepReleaseMachine(deploy, id, exitCode) {
  const { ctx, plan, spec } = deploy;
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
      release_version: spec.release.Version,
      release_id: spec.release.ID,
      config: { image: plan.imageRef, restart: { policy: 'no' } },
      checks: [],
      events: [
        {
          type: 'exit',
          status: 'stopped',
          // fly.MachineExitEvent: exit_code omitempty, exited_at always present.
          request: { exit_event: { ...(exitCode ? { exit_code: exitCode } : {}), exited_at: rfc3339(now) } },
          source: 'flyd',
          timestamp: now,
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

/** FLY_STANDIN_FORCE_EXIT: 127 is the silent cancelled path, other codes `Error: stand-in forced exit N`. */
function forcedExit(plan) {
  const code = Number(plan.forceExit);
  if (!code) return undefined;
  return code === 127 ? canceledError() : new FlyError(`stand-in forced exit ${code}`, { exitCode: code });
}

function logSize(ctx, id) {
  try {
    return statSync(ctx.state.path('logs', `${id}.log`)).size;
  } catch {
    return 0;
  }
}

/** The lines a machine instance logged since `offset` (what flyctl's smoke-check suggestion shows). */
function logLinesSince(ctx, id, offset) {
  try {
    return readFileSync(ctx.state.path('logs', `${id}.log`))
      .subarray(offset)
      .toString('utf8')
      .split('\n')
      .filter((l) => l !== '');
  } catch {
    return [];
  }
}

/** The scaled wait for `started`: --wait-timeout, or 2 minutes for a zero one; at least 5 s of real time. */
function stateWaitMs(timing) {
  const wait = timing.waitTimeoutMs === 0 ? ZERO_STATE_WAIT_MS : timing.waitTimeoutMs;
  return Math.max(5000, wait * timing.scale);
}

/**
 * Replaces a machine's process (same ID, new instance) and, unless immediate, waits as flyctl's
 * waitForMachine / spawnMachineInGroup do: the started state, the smoke checks (the process survives the
 * scaled 10 s window), then the health checks within the scaled --wait-timeout. `log` is the machine's
 * status line when flyctl shows the waits (existing machines), undefined otherwise (new machines).
 */
async function startAndWait(deploy, id, index, { log, wait = true, order = 'update' } = {}) {
  const { ctx, spec, timing, out } = deploy;
  const fid = formatted(id);
  // `--update-error`: the Machines API refuses to update the k-th and later machines (flaps Update fails).
  if (order === 'update' && spec.image.update_error && (index ?? 0) + 1 >= (spec.image.from_machine ?? 1)) {
    throw new FlyError(spec.image.update_error);
  }
  const offset = logSize(ctx, id);
  const result = await startMachine(ctx.state, id, spec, {
    ownerPid: ctx.ownerPid,
    timeoutMs: stateWaitMs(timing),
    ...(index === undefined ? {} : { index }),
  });
  if (!wait) return;
  const waitStarted = () => {
    if (!timing.health) return;
    if (timing.waitTimeoutMs === 0) warnZeroWait(out);
    log?.(`Waiting for ${fid} to have state: started`);
    if (!result.port && !result.exited) throw stateTimeout();
    log?.(`Machine ${fid} has state: started`);
  };
  // waitForMachine waits for `started` before the smoke checks; spawnMachineInGroup after them.
  if (order === 'update') waitStarted();
  if (timing.smoke) {
    log?.(`Checking that ${fid} is up and running`);
    await smokeChecks(deploy, id, result, offset);
  }
  if (order === 'spawn') waitStarted();
  if (timing.health) await healthChecks(deploy, id, log);
}

/** WaitTimeoutErr after suggestChangeWaitTimeout (a flyerr.GenericErr with its description and suggestion). */
function stateTimeout() {
  return new FlyError("timeout reached waiting for machine's state to change", {
    description:
      "Your machine was created, but never started or exited immediately. This could mean that your app is taking a long time to start,\nbut it could be indicative of a region issue.\n\nAlternatively, your app may have exited immediately due to a startup failure. Check your Dockerfile\nto ensure it specifies a valid start command (e.g., check that your 'CMD' or 'ENTRYPOINT' is correct).\nYou can also try running 'fly logs' to see what happened when the machine tried to start.",
    suggestion:
      'You can try deploying to a different region,\nor you can try increasing the timeout with the --wait-timeout flag',
  });
}

/** WaitForSmokeChecksToPass: a process that keeps dying within the scaled 10 s is "crashing". */
async function smokeChecks(deploy, id, result, offset) {
  const { ctx, timing } = deploy;
  const end = Date.now() + Math.max(100, SMOKE_WINDOW_MS * timing.scale);
  const self = { pid: result.pid, instance_id: result.instance };
  for (;;) {
    if (result.exited || !machineProcessAlive(self)) {
      const reason = 'the app appears to be crashing';
      const logs = logLinesSince(ctx, id, offset)
        .map((l) => `${l}\n`)
        .join('');
      // smokeChecksError: its Suggestion() carries the machine's recent log lines.
      throw new FlyError(`smoke checks for ${id} failed: ${reason}`, {
        suggestion: `Smoke checks for ${id} failed: ${reason}\nCheck its logs: here's the last lines below, or run 'fly logs -i ${id}':\n${logs}`,
      });
    }
    if (Date.now() >= end) return;
    checkAbandoned(ctx);
    await sleep(20);
  }
}

/**
 * WaitForHealthchecksToPass: when the config defines checks, poll until there is at least one result and all
 * pass, or the scaled --wait-timeout (0: at once) ends. Non-interactive flyctl logs the first status and the
 * final one (`Waiting for <id> [app] to become healthy: p/t`, plus the message's own newline).
 */
async function healthChecks(deploy, id, log) {
  // Its own deadline, counted from the start of this wait (context.WithTimeout in WaitForHealthchecksToPass).
  const started = Date.now();
  const { ctx, timing } = deploy;
  const record = ctx.state.read('machines')[id];
  const specs = record?.checks ?? [];
  if (specs.length === 0) return;
  const fid = formatted(id);
  const waitMs = timing.waitTimeoutMs * timing.scale;
  const deadline = timing.waitTimeoutMs === 0 ? started : started + Math.max(waitMs, 200);
  const interval = Math.min(1000, Math.max(25, Math.min(...specs.map((s) => s.interval_ms)) * timing.scale));
  let printed = false;
  for (;;) {
    checkAbandoned(ctx);
    if (Date.now() >= deadline) {
      throw new FlyError(
        `timeout reached waiting for health checks to pass for machine ${id}: context deadline exceeded`,
      );
    }
    const results = await runChecks(record, { scale: timing.scale });
    const passing = results.filter((r) => r.status === 'passing').length;
    const status = `Waiting for ${fid} to become healthy: ${passing}/${results.length}\n`;
    if (results.length > 0 && passing === results.length) {
      log?.(status);
      return;
    }
    if (!printed) log?.(status);
    printed = true;
    await sleep(Math.min(interval, Math.max(0, deadline - Date.now())));
  }
}

/** deployCreateMachinesForGroups (a first deploy): machines created one after the other. */
async function createMachinesForGroup(deploy) {
  const { plan, spec, out } = deploy;
  const line = statusLogger(out.write, 1).line(0);
  line.logStatus('running', 'Launching new machine');
  out.line('No machines in group app, launching a new machine');
  const hasServices = Boolean(spec.config.services?.length);
  if (plan.parallel) {
    await Promise.all(Array.from({ length: plan.haCount }, (_, i) => spawnMachine(deploy, line, i)));
    return;
  }
  let first;
  for (let i = 0; i < plan.haCount; i++) {
    if (i > 0 && hasServices) {
      out.line('Creating a second machine for high availability and zero downtime deployments.');
      out.line('To disable this, set "min_machines_running = 0" in your fly.toml.');
    } else if (i > 0) {
      out.line(`Creating a standby machine for ${first}`);
    }
    const id = await spawnMachine(deploy, line, i);
    first ??= id;
  }
  out.err('Finished launching new machines');
}

/**
 * spawnMachineInGroup: `Machine <id> [app] was created`; immediate returns at once; else smoke checks, the
 * started state and health checks (unless --detach), then `Machine <id> [app] update finished: success`.
 */
async function spawnMachine(deploy, line, index, { canary = false } = {}) {
  const { ctx, plan, spec, timing } = deploy;
  const id = createMachineRecord(ctx.state, spec, { canary });
  line.log(`Machine ${formatted(id)} was created`);
  try {
    await startAndWait(deploy, id, index, { wait: plan.strategy !== 'immediate', order: 'spawn' });
  } catch (error) {
    if (!canary) line.failed(error);
    throw error;
  }
  if (plan.strategy !== 'immediate' && timing.health) {
    line.logStatus('success', `Machine ${formatted(id)} update finished: success`);
  }
  return id;
}

/** deployCanaryMachines: one canary per group; left behind on failure, destroyed (machine.Destroy) on success. */
async function canaryPhase(deploy) {
  const { out } = deploy;
  const line = statusLogger(out.write, 1).line(0);
  line.logStatus('running', 'Creating canary machine for group app');
  let id;
  try {
    id = await spawnMachine(deploy, line, undefined, { canary: true });
  } catch (error) {
    line.logStatus('failure', `Failed to create canary machine: ${error.message.split('\n')[0]}`);
    throw error;
  }
  out.line(`machine ${id} was found and is currently in created state, attempting to destroy...`);
  await destroyMachine(deploy.ctx.state, id);
}

/** updateExistingMachines: leases, the strategy line, then the strategy. */
async function updateExistingMachines(deploy, existing) {
  const { plan, out } = deploy;
  const ids = existing.map((m) => m.id);
  acquireLeases(deploy, ids);
  out.line(`Updating existing machines in '${plan.app.name}' with ${plan.strategy} strategy`);
  switch (plan.strategy) {
    case 'bluegreen':
      return bluegreen(deploy, existing);
    case 'immediate':
      return immediate(deploy, ids);
    default:
      // canary after its canary phase, rolling, and any unknown --strategy value (not validated).
      return rolling(deploy, ids);
  }
}

/** getPoolSize: --max-unavailable below 1 is a fraction of the machines, from 1 a count. */
function poolSize(maxUnavailable, total) {
  const mu = maxUnavailable ?? DEFAULT_MAX_UNAVAILABLE;
  return mu >= 1 ? Math.floor(mu) : Math.ceil(total * mu);
}

/**
 * updateUsingRollingStrategy / updateEntriesGroup, sorted by machine ID: the spearhead alone, its error
 * returned alone; then a pool (cancel on error, no first-error) where every update still queued after a
 * failure logs `update canceled` and returns context.Canceled; the errors are joined (contract §4).
 */
async function rolling(deploy, ids) {
  const { plan, out } = deploy;
  const sorted = [...ids].sort();
  const sl = statusLogger(out.write, sorted.length);
  let canceled = false;
  const update = async (i) => {
    const line = sl.line(i);
    const fid = formatted(sorted[i]);
    if (canceled) {
      line.logStatus('failure', `Machine ${fid} update canceled`);
      throw canceledError();
    }
    line.logStatus('running', `Updating ${fid}`);
    line.log(`Updating ${fid}`);
    try {
      await startAndWait(deploy, sorted[i], i, { log: line.log });
    } catch (error) {
      if (error instanceof Abandoned) throw error;
      line.logStatus(
        'failure',
        error.canceled
          ? `Machine ${fid} update canceled while it was in progress`
          : `Machine ${fid} update failed: ${error.message}`,
      );
      throw error;
    }
    line.logStatus('success', `Machine ${fid} update succeeded`);
  };
  await update(0);
  const forced = forcedExit(plan);
  if (forced) throw forced;
  if (sorted.length === 1) return;
  const errors = [];
  let next = 1;
  // --deploy-retries above 0 is flyctl's recovery path: an errgroup, first error only, exit 1.
  const recovery = (plan.deployRetries ?? 0) > 0;
  const worker = async () => {
    while (next < sorted.length) {
      const i = next++;
      try {
        await update(i);
      } catch (error) {
        if (error instanceof Abandoned) throw error;
        if (recovery && errors.length) continue;
        errors.push(error);
        canceled = true;
      }
    }
  };
  const size = Math.max(1, Math.min(poolSize(plan.maxUnavailable, sorted.length), sorted.length - 1));
  await Promise.all(Array.from({ length: size }, worker));
  if (errors.length) throw recovery ? errors[0] : joinErrors(errors);
}

/**
 * updateUsingImmediateStrategy: every machine at once (at most --max-concurrent), no smoke or health checks;
 * the errors are collected and joined, so the deploy exits 1 and the release is `failed`.
 */
async function immediate(deploy, ids) {
  const { plan, out } = deploy;
  const sl = statusLogger(out.write, ids.length);
  const errors = [];
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const i = next++;
      const line = sl.line(i);
      const fid = formatted(ids[i]);
      line.logStatus('running', `Updating ${fid}`);
      line.log(`Updating ${fid}`);
      try {
        await startAndWait(deploy, ids[i], i, { wait: false });
        line.logStatus('success', `Machine ${fid} update succeeded`);
      } catch (error) {
        if (error instanceof Abandoned) throw error;
        line.logStatus('failure', `Machine ${fid} update failed: ${error.message}`);
        errors.push(error);
      }
    }
  };
  const size = Math.max(1, Math.min(plan.maxConcurrent ?? DEFAULT_MAX_CONCURRENT, ids.length));
  await Promise.all(Array.from({ length: size }, worker));
  if (errors.length) throw joinErrors(errors);
}

/**
 * strategy_bluegreen.go Deploy: all on stderr. Refuses mixed images and configs without checks; greens are
 * created next to the blues, must start and pass their checks within the scaled --wait-timeout (no smoke
 * checks); on failure they are destroyed (`Rolling back failed deployment`), on success the blues go.
 */
async function bluegreen(deploy, blues) {
  const { ctx, spec, timing, out } = deploy;
  if (timing.waitTimeoutMs === 0) {
    // time.NewTicker(0) panics; main's recover: exit 3, the release stays `running`.
    const error = new FlyError('non-positive interval for NewTicker', {
      exitCode: 3,
      silent: true,
      stdout: `${aurora.red('Oops, something went wrong! Could you try that again?')}\n\nnon-positive interval for NewTicker\ngoroutine 1 [running]:\ntime.NewTicker(0x0)\n\n`,
    });
    error.panic = true;
    throw error;
  }
  out.err('\nVerifying if app can be safely deployed ');
  const images = new Map();
  for (const blue of blues) images.set(blue.image, [...(images.get(blue.image) ?? []), blue.id]);
  if (images.size !== 1) {
    out.err(
      `\n  Found ${images.size} different images in your app (for bluegreen to work, all machines need to run a single image)`,
    );
    for (const [image, machineIds] of images) {
      out.err(`    [x] ${image} - ${machineIds.length} machine(s) (${machineIds.join(',')})`);
    }
    out.err("\n  Here's how to fix your app so deployments can go through:");
    out.err('    1. Find all the unwanted image versions from the list above.');
    out.err("       Use 'fly machines list' and 'fly releases --image' to help determine unwanted images.");
    out.err(
      "    2. For each unwanted image version, run 'fly machines destroy --force --image=<image-version> --app <app-name>'",
    );
    out.err("    3. Retry the deployment with 'fly deploy'");
    out.err('');
    throw new FlyError('found multiple image versions');
  }
  if (spec.checks.length === 0) {
    for (const blue of blues) {
      out.errRaw(
        `\n[WARN] Machine ${formatted(blue.id)} doesn't have healthchecks setup. We won't check its health.`,
      );
    }
    out.err(
      '\n\nYou need to define at least 1 check in order to use blue-green deployments. Refer to https://fly.io/docs/reference/configuration/#services-tcp_checks',
    );
    throw new FlyError('app not in valid state for bluegreen deployments');
  }

  const greens = [];
  const rollback = async (error) => {
    out.err('\nRolling back failed deployment');
    for (const id of greens) {
      await destroyMachine(ctx.state, id);
      out.err(`  Deleted machine ${formatted(id)}`);
    }
    return error;
  };
  out.err('\nCreating green machines');
  for (let i = 0; i < blues.length; i++) {
    const id = createMachineRecord(ctx.state, spec);
    greens.push(id);
    out.err(`  Created machine ${formatted(id)}`);
  }
  // renderMachineStates / renderMachineHealthchecks: the rows again (sorted) whenever a status changes.
  let shown = '';
  const render = (status) => {
    const rows = greens
      .map((id) => `  Machine ${formatted(id)} - ${status(id)}`)
      .sort()
      .join('\n');
    if (rows !== shown) out.err(rows);
    shown = rows;
  };
  out.err('\nWaiting for all green machines to start');
  render(() => 'created');
  const started = Date.now();
  const results = await Promise.all(
    greens.map((id, i) =>
      startMachine(ctx.state, id, spec, { ownerPid: ctx.ownerPid, timeoutMs: stateWaitMs(timing), index: i }),
    ),
  );
  if (results.some((r) => !r.port && !r.exited)) {
    throw await rollback(new FlyError('wait timeout\ncould not get all green machines into started state'));
  }
  render(() => 'started');
  out.err('\nWaiting for all green machines to be healthy');
  const deadline = started + Math.max(timing.waitTimeoutMs * timing.scale, 200);
  const health = new Map();
  const healthStatus = (id) => {
    const h = health.get(id);
    return h && h.total ? `${h.passing}/${h.total} passing` : 'unchecked';
  };
  shown = '';
  render(healthStatus);
  for (;;) {
    checkAbandoned(ctx);
    const records = ctx.state.read('machines');
    for (const id of greens) {
      const checks = await runChecks(records[id], { scale: timing.scale });
      health.set(id, { passing: checks.filter((c) => c.status === 'passing').length, total: checks.length });
    }
    render(healthStatus);
    if ([...health.values()].every((h) => h.total > 0 && h.passing === h.total)) break;
    if (Date.now() >= deadline) {
      throw await rollback(new FlyError('wait timeout\ncould not get all green machines to be healthy'));
    }
    await sleep(Math.min(250, Math.max(25, deadline - Date.now())));
  }
  out.err('\nMarking green machines as ready');
  for (const id of greens) out.err(`  Machine ${formatted(id)} now ready`);
  out.err('\nCheckpointing deployment, this may take a few seconds...');
  out.err('\nWaiting before cordoning all blue machines');
  for (const blue of blues) out.err(`  Machine ${formatted(blue.id)} cordoned`);
  out.err('\nWaiting before stopping all blue machines');
  out.err('\nStopping all blue machines');
  out.err('\nWaiting for all blue machines to stop');
  out.err('\nDestroying all blue machines');
  for (const blue of blues) {
    await destroyMachine(ctx.state, blue.id);
    out.err(`  Machine ${formatted(blue.id)} destroyed`);
  }
  out.err('\nDeployment Complete');
}

/**
 * Options from flags and fly.toml shared by deploy and the restart-only deploys (machines.go
 * NewMachineDeployment): md.strategy is the flag, else `[deploy] strategy`, else rolling; the wait timeout
 * is the flag, else `[deploy] wait_timeout`, else 5m; max-unavailable the flag, else the config, else 0.33.
 */
export function deployOptions(flags, raw) {
  const settings = deploySettings(raw);
  const flagTimeout = parseDurationFlag(flags['wait-timeout'], 'wait-timeout');
  let maxUnavailable = settings.maxUnavailable;
  if (flags['max-unavailable'] !== undefined) {
    maxUnavailable = Number(flags['max-unavailable']);
    if (!(maxUnavailable > 0)) throw new FlyError('the value for --max-unavailable must be > 0');
  }
  return {
    strategy: flags.strategy || settings.strategy || 'rolling',
    waitTimeoutMs: flagTimeout ?? settings.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS,
    releaseCommand: settings.releaseCommand,
    maxUnavailable,
  };
}

export const newDeploymentTag = (app) => `registry.fly.io/${app}:deployment-${ulid()}`;
