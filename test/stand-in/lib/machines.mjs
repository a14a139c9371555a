// Machine lifecycle: records in machines.json, each backed by a real local process (machine-service.mjs)
// serving HTTP on a loopback port. Records are written before a process starts, so a flyctl killed at any
// point leaves a consistent state and no untracked process (orphaned services exit on their own).
import { spawn } from 'node:child_process';
import { closeSync, openSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJson } from './state.mjs';
import { hex, killPid, machineId, machineName, ownProcessAlive, pidAlive, sleep } from './util.mjs';

const LIB = dirname(fileURLToPath(import.meta.url));
const SERVICE = join(LIB, 'machine-service.mjs');
/** Runs an image's real program (`standin image --run`) as the machine process: see machine-program.mjs. */
const PROGRAM = join(LIB, 'machine-program.mjs');
const MAX_EVENTS = 12;

/** Active machines of an app (what `status` and deploys see), sorted by ID. */
export function appMachines(machines, app) {
  return Object.values(machines)
    .filter((m) => m.app === app && !m.destroyed)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

function pushEvent(record, type, status, source = 'flyd') {
  record.events = [{ type, status, source, timestamp: Date.now() }, ...(record.events ?? [])].slice(
    0,
    MAX_EVENTS,
  );
}

/** Creates a new machine record (state `created`) and returns its id; a canary carries fly_canary=true. */
export function createMachineRecord(state, spec, { canary = false } = {}) {
  const id = machineId();
  state.update((data) => {
    const now = Date.now();
    data.machines[id] = {
      id,
      name: machineName(),
      app: spec.app,
      region: spec.region,
      process_group: 'app',
      private_ip: `fdaa:0:1:a7b:${hex(1)}:${hex(2)}:${hex(2)}:2`,
      created_at: now,
      updated_at: now,
      state: 'created',
      events: [],
      ...(canary ? { canary: true } : {}),
    };
    pushEvent(data.machines[id], 'launch', 'created', 'user');
  });
  return id;
}

/**
 * Stops whatever a machine runs and starts the spec's image in a fresh process (a Fly machine update keeps
 * the ID and changes the instance). Resolves when the service listens or has already exited.
 */
export async function startMachine(state, id, spec, { ownerPid, timeoutMs = 30000, index = 0 } = {}) {
  // `--from-machine k`: the image misbehaves only from the k-th machine a deploy updates (1-based).
  const behaviour = index + 1 >= (spec.image.from_machine ?? 1) ? spec.image.behaviour : 'healthy';
  const instance = hex(8).toUpperCase();
  // Revoke the old instance's lease first: its service exits on its own if we die before killing it.
  const before = state.read('machines')[id];
  if (before?.instance_id) rmSync(runFilePath(state, id, before.instance_id), { force: true });
  const previous = state.update((data) => {
    const record = data.machines[id];
    const old = { pid: record.pid, marker: instanceMarker(record.instance_id) };
    Object.assign(record, {
      instance_id: instance,
      state: 'starting',
      pid: null,
      port: null,
      started_at: null,
      exited_at: null,
      image: spec.imageRef,
      image_digest: spec.image.digest ? `sha256:${spec.image.digest}` : '',
      image_key: spec.image.key,
      release_version: spec.release.Version,
      release_id: spec.release.ID,
      config: spec.config,
      checks: spec.checks,
      updated_at: Date.now(),
    });
    if (old.pid) pushEvent(record, 'update', 'replacing', 'user');
    return old;
  });
  await stopProcess(previous.pid, previous.marker);

  const runFile = runFilePath(state, id, instance);
  const log = openSync(state.path('logs', `${id}.log`), 'a');
  const secretNames = Object.keys(spec.secrets);
  const envNames = Object.keys(spec.config.env ?? {});
  // An image registered with --run runs that program, supervised; any other image the fixture service.
  const run = spec.image.run;
  const child = spawn(process.execPath, [run ? PROGRAM : SERVICE], {
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      PATH: spec.pathEnv ?? '',
      ...spec.config.env,
      ...spec.secrets,
      FLY_APP_NAME: spec.app,
      FLY_MACHINE_ID: id,
      FLY_ALLOC_ID: id,
      FLY_REGION: spec.region,
      FLY_IMAGE_REF: spec.imageRef,
      FLY_MACHINE_VERSION: instance,
      FLY_PROCESS_GROUP: 'app',
      PRIMARY_REGION: spec.region,
      STANDIN_STATE: state.dir,
      STANDIN_MACHINE_ID: id,
      STANDIN_INSTANCE_ID: instance,
      STANDIN_RELEASE_VERSION: String(spec.release.Version),
      STANDIN_BEHAVIOUR: behaviour,
      STANDIN_READY_AFTER_MS: String(spec.image.ready_after_ms ?? 0),
      STANDIN_FAIL_AFTER_MS: String(spec.image.fail_after_ms ?? 0),
      STANDIN_OWNER_PID: ownerPid ? String(ownerPid) : '',
      STANDIN_RUN_FILE: runFile,
      STANDIN_SECRET_NAMES: secretNames.join(','),
      STANDIN_ENV_NAMES: envNames.join(','),
      ...(run ? { STANDIN_PROGRAM: JSON.stringify(run) } : {}),
    },
  });
  closeSync(log);
  let exited = false;
  child.on('exit', () => (exited = true));
  child.unref();
  state.update((data) => {
    data.machines[id].pid = child.pid;
  });

  const deadline = Date.now() + timeoutMs;
  let port = null;
  while (!exited && Date.now() < deadline) {
    const run = readJson(runFile, null);
    if (run?.port) {
      port = run.port;
      break;
    }
    await sleep(10);
  }
  const startedAt = Date.now();
  state.update((data) => {
    const record = data.machines[id];
    if (record.instance_id !== instance) return;
    record.state = 'started';
    record.port = port;
    record.started_at = startedAt;
    if (exited || !ownProcessAlive(child.pid, instanceMarker(instance))) record.exited_at = Date.now();
    pushEvent(record, 'start', 'started');
  });
  return { port, exited, pid: child.pid, instance };
}

/** A machine instance's run file: written by the service once it listens; removing it revokes the instance. */
const runFilePath = (state, id, instance) => state.path('run', `${id}-${instance}.json`);

/** The environment entry that identifies a machine's process (see ownProcessAlive). */
export const instanceMarker = (instance) => `STANDIN_INSTANCE_ID=${instance}`;

/** A stored machine's process is alive (and really is that machine instance). */
export const machineProcessAlive = (record) =>
  Boolean(record?.pid) && ownProcessAlive(record.pid, instanceMarker(record.instance_id));

/** SIGTERM, then SIGKILL if the process lingers; only if it is still the process we started. */
export async function stopProcess(pid, marker) {
  if (!pid || !ownProcessAlive(pid, marker)) return;
  killPid(pid, 'SIGTERM');
  // Identity was checked above; an exiting process loses its environ before it is gone, so wait on the pid.
  for (let i = 0; i < 50 && pidAlive(pid); i++) await sleep(10);
  if (pidAlive(pid)) killPid(pid, 'SIGKILL');
  for (let i = 0; i < 50 && pidAlive(pid); i++) await sleep(10);
}

export async function destroyMachine(state, id) {
  const before = state.read('machines')[id];
  if (before?.instance_id) rmSync(runFilePath(state, id, before.instance_id), { force: true });
  const pid = state.update((data) => {
    const record = data.machines[id];
    if (!record) return {};
    record.destroyed = true;
    record.state = 'destroyed';
    record.updated_at = Date.now();
    pushEvent(record, 'destroy', 'destroyed', 'user');
    return { pid: record.pid, marker: instanceMarker(record.instance_id) };
  });
  await stopProcess(pid.pid, pid.marker);
}
