// Small helpers shared by the stand-in CLI, its machines and its front-door proxies.
import { randomBytes, createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleepAsync } from 'node:timers/promises';

/**
 * An error that the CLI prints as flyctl's cli.printError does: `Error: <message>`, then the description and
 * the suggestion (each followed by a blank line), and exits with `exitCode`.
 */
export class FlyError extends Error {
  constructor(
    message,
    { exitCode = 1, silent = false, stdout = '', description = '', suggestion = '', canceled = false } = {},
  ) {
    super(message);
    this.exitCode = exitCode;
    /** flyctl prints nothing for context.Canceled (exit 127). */
    this.silent = silent;
    /** Extra text cobra prints on stdout after the error (e.g. "Run 'flyctl --help' for usage."). */
    this.stdout = stdout;
    /** flyerr.GetErrorDescription / GetErrorSuggestion. */
    this.description = description;
    this.suggestion = suggestion;
    /** The error chain holds context.Canceled (errors.Is): the command exits 127 without an Error: line. */
    this.canceled = canceled;
  }
}

/** context.Canceled as flyctl sees it: a cancelled machine update, a signal. */
export const canceledError = () =>
  new FlyError('context canceled', { exitCode: 127, silent: true, canceled: true });

/**
 * errors.Join: the messages one per line; when any joined error is context.Canceled, errors.Is finds it and
 * cli.Run exits 127 without printing (contract §4).
 */
export function joinErrors(errors) {
  if (errors.length === 1) return errors[0];
  const message = errors.map((e) => e.message).join('\n');
  if (errors.some((e) => e.canceled)) {
    return new FlyError(message, { exitCode: 127, silent: true, canceled: true });
  }
  // errors.As walks joined errors: the first description and suggestion found are printed.
  return new FlyError(message, {
    description: errors.find((e) => e.description)?.description ?? '',
    suggestion: errors.find((e) => e.suggestion)?.suggestion ?? '',
  });
}

/** aurora's package functions: ANSI codes always, terminal or not, NO_COLOR or not (contract §6). */
export const aurora = {
  red: (text) => `\x1b[31m${text}\x1b[0m`,
  green: (text) => `\x1b[32m${text}\x1b[0m`,
  yellow: (text) => `\x1b[33m${text}\x1b[0m`,
  faint: (text) => `\x1b[2m${text}\x1b[0m`,
};

// unicode.IsSpace: Go's strings.TrimSpace trims these (NEL and NBSP included, BOM not), unlike String#trim.
const GO_SPACE = '\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000';
const GO_TRIM = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, 'g');
/** Go's strings.TrimSpace. */
export const goTrimSpace = (text) => text.replace(GO_TRIM, '');

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

/** Go's time.Duration.String() for a millisecond count (rounded to whole nanoseconds). */
export function formatGoDuration(ms) {
  let ns = Math.round(ms * 1e6);
  if (ns === 0) return '0s';
  const sign = ns < 0 ? '-' : '';
  ns = Math.abs(ns);
  // The fraction of `value / unit`, Go style: no trailing zeros, no dot when it is whole.
  const frac = (value, unit, digits) => {
    const whole = Math.floor(value / unit);
    const rest = String(value % unit)
      .padStart(digits, '0')
      .replace(/0+$/, '');
    return rest ? `${whole}.${rest}` : String(whole);
  };
  if (ns < 1e3) return `${sign}${ns}ns`;
  if (ns < 1e6) return `${sign}${frac(ns, 1e3, 3)}µs`;
  if (ns < 1e9) return `${sign}${frac(ns, 1e6, 6)}ms`;
  const h = Math.floor(ns / 3.6e12);
  const m = Math.floor((ns % 3.6e12) / 6e10);
  const s = frac(ns % 6e10, 1e9, 9);
  if (h) return `${sign}${h}h${m}m${s}s`;
  if (m) return `${sign}${m}m${s}s`;
  return `${sign}${s}s`;
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

/** A plain json.Encoder (no indent): one compact line, Go's HTML escaping, a trailing newline. */
export const renderCompactJson = (value) =>
  JSON.stringify(value).replace(
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
