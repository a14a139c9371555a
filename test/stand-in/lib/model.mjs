// Shapes flyctl prints (contract §2, §3, §5, §10, §11) built from the stand-in's stored records, and live
// machine facts (process alive, health checks probed over real HTTP/TCP on loopback).
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { setTimeout, clearTimeout } from 'node:timers';
import { ownProcessAlive, rfc3339 } from './util.mjs';

// Required, not imported: an ESM import of node:http reads every export, and one of them loads undici (~50 ms
// at each of the many short-lived processes a test run starts).
const { request: httpRequest } = createRequire(import.meta.url)('node:http');

export const FLYCTL_VERSION = '0.4.87';
export const USER = {
  ID: 'standin-user',
  Name: 'Stand-in CI',
  Email: 'ci@standin.invalid',
  EnablePaidHobby: false,
};

/** The app's current release: the newest complete one (what the proxy routes to and status reports). */
export function currentVersion(releases = []) {
  let best = 0;
  for (const r of releases) if (r.Status === 'complete' && r.Version > best) best = r.Version;
  return best;
}

export function newRelease({ id, version, status, description, reason, imageRef, now = Date.now() }) {
  // Field order is fly-go's Release struct; InProgress, DeploymentStrategy, EvaluationID and
  // User.EnablePaidHobby are never queried, so they are always zero values, and Metadata is null.
  return {
    ID: id,
    Version: version,
    Stable: status === 'complete',
    InProgress: false,
    Reason: reason,
    Description: description,
    Status: status,
    DeploymentStrategy: '',
    Metadata: null,
    User: { ...USER },
    EvaluationID: '',
    CreatedAt: rfc3339(now),
    ImageRef: imageRef,
  };
}

/** Releases as `flyctl releases --json` prints them: newest first, at most 25. */
export const releasesView = (releases = []) =>
  [...releases].sort((a, b) => b.Version - a.Version).slice(0, 25);

/** What a stored machine is now: a started machine whose process died is stopped (with an exit event). */
export function liveState(record) {
  if (record.destroyed) return 'destroyed';
  if (
    record.state === 'started' &&
    !ownProcessAlive(record.pid, `STANDIN_INSTANCE_ID=${record.instance_id}`)
  ) {
    return 'stopped';
  }
  return record.state;
}

export function parseImageRef(ref) {
  let rest = ref;
  let digest = '';
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag = '';
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const slash = rest.indexOf('/');
  const registry = slash > 0 && /[.:]/.test(rest.slice(0, slash)) ? rest.slice(0, slash) : '';
  const repository = registry ? rest.slice(slash + 1) : rest;
  return { registry, repository, tag, digest, labels: {} };
}

/** Go's `omitempty`: drops "", 0, false, null and empty objects/arrays. */
function omitEmpty(object) {
  return Object.fromEntries(
    Object.entries(object).filter(([, v]) => {
      if (v === undefined || v === null || v === '' || v === 0 || v === false) return false;
      if (Array.isArray(v)) return v.length > 0;
      if (typeof v === 'object') return Object.keys(v).length > 0;
      return true;
    }),
  );
}

/**
 * fly.Machine JSON as fly-go's struct tags render it: snake_case, field order of the struct, and `omitempty`
 * on nearly everything (no `checks` key without check results, no `events` without events, empty image_ref
 * parts dropped); `image_ref` and `cordoned` are always present.
 */
export function machineView(record, checkResults = []) {
  const state = liveState(record);
  const events = [...(record.events ?? [])];
  if (state === 'stopped' && record.state === 'started') {
    const exitedAt = record.exited_at ?? Date.now();
    events.unshift({
      type: 'exit',
      status: 'stopped',
      request: {
        exit_event: {
          exit_code: 1,
          guest_exit_code: 1,
          guest_signal: -1,
          signal: -1,
          exited_at: rfc3339(exitedAt),
        },
      },
      source: 'flyd',
      timestamp: exitedAt,
    });
  }
  const view = omitEmpty({ id: record.id, name: record.name, state, region: record.region });
  view.image_ref = omitEmpty({ ...parseImageRef(record.image ?? ''), digest: record.image_digest ?? '' });
  // fly.MachineConfig.Metadata is a Go map: its keys come out sorted.
  const metadata = {
    ...(record.canary ? { fly_canary: 'true' } : {}),
    fly_flyctl_version: FLYCTL_VERSION,
    fly_platform_version: 'v2',
    fly_process_group: record.process_group ?? 'app',
    fly_release_id: record.release_id,
    fly_release_version: String(record.release_version),
  };
  Object.assign(
    view,
    omitEmpty({
      instance_id: record.instance_id,
      version: record.instance_id,
      private_ip: record.private_ip,
      created_at: rfc3339(record.created_at),
      updated_at: rfc3339(record.updated_at),
      config: machineConfigView(record.config ?? {}, metadata),
      events,
      checks: checkResults.map(omitEmpty),
      host_status: 'ok',
    }),
  );
  view.cordoned = false;
  return view;
}

// fly.MachineConfig's json field order (fly-go machine_types.go).
const MACHINE_CONFIG_ORDER = [
  'env',
  'init',
  'guest',
  'metadata',
  'mounts',
  'services',
  'metrics',
  'checks',
  'statics',
  'image',
  'files',
  'schedule',
  'auto_destroy',
  'restart',
  'dns',
  'processes',
  'standbys',
];

/** A stored config in fly.MachineConfig order with the release metadata; `init` is never omitted. */
function machineConfigView(config, metadata) {
  const all = { ...config, metadata };
  const view = {};
  for (const key of [...MACHINE_CONFIG_ORDER, ...Object.keys(all)]) {
    if (key in view || !(key in all)) continue;
    const value = all[key];
    if (key === 'init') view.init = value ?? {};
    else if (key === 'env' && value && typeof value === 'object') {
      // A Go map: sorted keys.
      if (Object.keys(value).length) {
        view.env = Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, value[k]]),
        );
      }
    } else if (value !== undefined) view[key] = value;
  }
  if (!('init' in view)) {
    const { env, ...rest } = view;
    return { ...(env ? { env } : {}), init: {}, ...rest };
  }
  return view;
}

/**
 * Runs a machine's checks now, as Fly's health checker would report them: `passing`, `warning` while the
 * grace period has not elapsed, `critical` otherwise. Timing comes pre-scaled by the caller.
 */
export async function runChecks(record, { scale, probeFloorMs = 500 } = {}) {
  const specs = record.checks ?? [];
  const state = liveState(record);
  const now = Date.now();
  return Promise.all(
    specs.map(async (spec) => {
      const result = { name: spec.name, status: 'critical', output: '', updated_at: rfc3339(now) };
      if (state !== 'started' || !record.port) {
        result.output = `machine is ${state}`;
        return result;
      }
      if (now - (record.started_at ?? 0) < spec.grace_ms * scale) {
        result.status = 'warning';
        result.output = 'waiting for the grace period before the first check';
        return result;
      }
      const timeout = Math.max(probeFloorMs, spec.timeout_ms * scale);
      const outcome =
        spec.type === 'tcp'
          ? await tcpProbe(record.port, timeout)
          : await httpProbe(record.port, spec, timeout);
      result.status = outcome.ok ? 'passing' : 'critical';
      result.output = outcome.output;
      return result;
    }),
  );
}

function httpProbe(port, spec, timeoutMs) {
  return new Promise((resolve) => {
    const started = Date.now();
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: spec.method,
        path: spec.path,
        headers: spec.headers,
        timeout: timeoutMs,
        agent: false,
      },
      (res) => {
        res.resume();
        const status = res.statusCode ?? 0;
        const ok = status >= 200 && status < 300;
        resolve({
          ok,
          output: `[${ok ? '✓' : '✗'}] ${status} ${res.statusMessage ?? ''} (${Date.now() - started}ms)`,
        });
      },
    );
    req.on('timeout', () => {
      req.destroy();
      resolve({
        ok: false,
        output: `${spec.method} ${spec.path}: context deadline exceeded (Client.Timeout exceeded)`,
      });
    });
    req.on('error', (error) =>
      resolve({ ok: false, output: `${spec.method} ${spec.path}: ${error.code ?? error.message}` }),
    );
    req.end();
  });
}

function tcpProbe(port, timeoutMs) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ ok: false, output: 'dial tcp: i/o timeout' });
    }, timeoutMs);
    socket.on('connect', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ ok: true, output: 'Success' });
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, output: `dial tcp: ${error.code}` });
    });
  });
}

export function statusView(app, releases, machines) {
  const version = currentVersion(releases);
  const deployed = version > 0;
  // Built from a Go map, so keys come out sorted.
  return {
    AppURL: `https://${app.name}.fly.dev`,
    Deployed: deployed,
    Hostname: `${app.name}.fly.dev`,
    ID: app.name,
    Machines: machines,
    Name: app.name,
    Organization: {
      ID: 'standin-org',
      InternalNumericID: 1,
      Name: '',
      Slug: 'personal',
      RawSlug: '',
      PaidPlan: false,
    },
    PlatformVersion: 'machines',
    Status: deployed ? 'deployed' : 'pending',
    Version: version,
  };
}
