// Small helpers shared by the stand-in CLI, its machines and its front-door proxies.
import { randomBytes, createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleepAsync } from 'node:timers/promises';

/** An error that the CLI prints as `Error: <message>` and exits with `exitCode`. */
export class FlyError extends Error {
  constructor(message, { exitCode = 1, silent = false, stdout = '' } = {}) {
    super(message);
    this.exitCode = exitCode;
    /** flyctl prints nothing for context.Canceled (exit 127). */
    this.silent = silent;
    /** Extra text cobra prints on stdout after the error (e.g. "Run 'flyctl --help' for usage."). */
    this.stdout = stdout;
  }
}

export const sleep = (ms) => sleepAsync(Math.max(0, ms));

const sleepCell = new Int32Array(new SharedArrayBuffer(4));
/** Blocking sleep for the synchronous state lock. */
export function sleepSync(ms) {
  Atomics.wait(sleepCell, 0, 0, ms);
}

/** True when a pid names a live, non-zombie process (PID 1 here may never reap our orphans). */
export function pidAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return error.code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return true;
  }
}

/**
 * True when `pid` is alive and is the process we started: its environment holds `marker` (e.g. its
 * instance ID). Guards against pid reuse, so the stand-in never signals somebody else's process.
 */
export function ownProcessAlive(pid, marker) {
  if (!pidAlive(pid)) return false;
  let environ;
  try {
    environ = readFileSync(`/proc/${pid}/environ`, 'latin1');
  } catch (error) {
    // No /proc (not Linux): trust the pid.
    return error.code === 'ENOENT' && !existsSync('/proc/self');
  }
  return environ.split('\0').includes(marker);
}

export function killPid(pid, signal = 'SIGTERM') {
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

export const hex = (bytes) => randomBytes(bytes).toString('hex');

/** Fly machine IDs are 14 lowercase hex characters. */
export const machineId = () => hex(7);

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A ULID (48-bit time + 80 random bits, Crockford base32), as flyctl's deployment tags use. */
export function ulid(now = Date.now()) {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const random = randomBytes(16);
  let rest = '';
  for (let i = 0; i < 16; i++) rest += CROCKFORD[random[i] % 32];
  return time + rest;
}

const ALPHANUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** GraphQL-style opaque IDs such as release IDs. */
export function opaqueId(length = 14) {
  const random = randomBytes(length);
  let id = '';
  for (let i = 0; i < length; i++) id += ALPHANUM[random[i] % ALPHANUM.length];
  return id;
}

const ADJECTIVES = ['bold', 'calm', 'dry', 'holy', 'late', 'misty', 'proud', 'quiet', 'red', 'wild'];
const NOUNS = ['bird', 'cloud', 'dew', 'field', 'frog', 'moon', 'pine', 'river', 'snow', 'star'];
export function machineName() {
  const r = randomBytes(3);
  return `${ADJECTIVES[r[0] % 10]}-${NOUNS[r[1] % 10]}-${1000 + ((r[2] * 37) % 9000)}`;
}

export const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/** RFC 3339 with second precision, as the Fly API returns timestamps. */
export const rfc3339 = (ms = Date.now()) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const UNITS = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };
/** Go time.ParseDuration, in milliseconds; undefined when invalid. */
export function parseGoDuration(text) {
  if (typeof text !== 'string') return undefined;
  let s = text.trim();
  if (s === '0') return 0;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '') return undefined;
  const re = /^(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/;
  let total = 0;
  while (s.length > 0) {
    const m = re.exec(s);
    if (!m) return undefined;
    total += Number(m[1]) * UNITS[m[2]];
    s = s.slice(m[0].length);
  }
  return sign * total;
}

/** Go's time.Duration.String() for a millisecond count (enough for the values the stand-in prints). */
export function formatGoDuration(ms) {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${+ms.toFixed(3)}ms`;
  const h = Math.floor(ms / 3600000);
  const m = Math.floor((ms % 3600000) / 60000);
  const s = +((ms % 60000) / 1000).toFixed(3);
  if (h) return `${h}h${m}m${s}s`;
  if (m) return `${m}m${s}s`;
  return `${s}s`;
}

/**
 * flyctl's render.JSON: json.Encoder with a 4-space indent, a trailing newline, and Go's default HTML
 * escaping of <, >, & and U+2028/U+2029 inside strings.
 */
export const renderJson = (value) =>
  JSON.stringify(value, null, 4).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  ) + '\n';

/** Truthy as flyctl's env helpers read it. */
export const truthy = (value) => ['1', 'ok', 't', 'true'].includes(String(value ?? '').toLowerCase());

export function timeScale(env = process.env) {
  const raw = env.FLY_STANDIN_TIME_SCALE;
  if (raw === undefined || raw === '') return 1;
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new FlyError(`FLY_STANDIN_TIME_SCALE must be a positive number, got "${raw}"`);
  }
  return scale;
}
