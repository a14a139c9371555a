// fly.toml loading for the stand-in: the subset that shapes machines (env, services, checks, deploy
// settings) plus the validation `flyctl config validate` does that the actions rely on.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { FlyError, formatGoDuration, parseGoDuration } from './util.mjs';

export const STRATEGIES = ['canary', 'rolling', 'immediate', 'bluegreen'];

const TOP_LEVEL_KEYS = new Set([
  'app',
  'primary_region',
  'kill_signal',
  'kill_timeout',
  'swap_size_mb',
  'console_command',
  'host_dedication_id',
  'machine_config',
  'container',
  'containers',
  'processes',
  'build',
  'deploy',
  'env',
  'http_service',
  'services',
  'checks',
  'vm',
  'compute',
  'computes',
  'mounts',
  'mount',
  'metrics',
  'statics',
  'files',
  'restart',
  'experimental',
  'machine_checks',
]);

/**
 * Finds the config file as flyctl does: an explicit `-c` path must exist; otherwise ./fly.toml if present.
 * Returns `{ path, raw }` or undefined when there is no local config.
 */
export function loadConfig(configFlag, cwd = process.cwd()) {
  let path;
  if (configFlag) {
    path = resolve(cwd, configFlag);
    if (existsSync(path) && !path.endsWith('.toml') && !path.endsWith('.json')) {
      // `-c dir` means dir/fly.toml
      const inDir = resolve(path, 'fly.toml');
      if (existsSync(inDir)) path = inDir;
    }
    if (!existsSync(path)) throw new FlyError(`config file not found at specified path: ${configFlag}`);
  } else {
    path = resolve(cwd, 'fly.toml');
    if (!existsSync(path)) return undefined;
  }
  const text = readFileSync(path, 'utf8');
  let raw;
  try {
    raw = path.endsWith('.json') ? JSON.parse(text) : parseToml(text);
  } catch (error) {
    const detail = String(error.message).split('\n')[0];
    throw new FlyError(`failed loading app config from ${path}: ${detail}`);
  }
  return { path, raw: toPlain(raw) };
}

/** smol-toml returns TomlDate objects for dates; the stand-in only needs plain JSON. */
function toPlain(value) {
  return JSON.parse(JSON.stringify(value));
}

/** Durations as flyctl reads them: strings are Go durations; bare numbers are ms (patched) or ns. */
function durationMs(value, { numbersAre = 'ns' } = {}) {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'number') return numbersAre === 'ms' ? value : value / 1e6;
  const ms = parseGoDuration(String(value));
  return ms;
}

/**
 * Turns a parsed fly.toml into what a machine carries: `config` in fly.Machine JSON form plus flat
 * `checks` the stand-in runs (name, type, path, timing in ms).
 */
export function machineConfigFrom(raw = {}, { image, env = {} }) {
  const checks = [];
  const services = [];
  const httpService = raw.http_service;
  if (httpService && typeof httpService === 'object') {
    const port = Number(httpService.internal_port ?? 8080);
    const serviceChecks = (httpService.checks ?? []).map((check) => serviceCheck(check, 'http', port, 'ns'));
    services.push({
      protocol: 'tcp',
      internal_port: port,
      autostop: httpService.auto_stop_machines ?? undefined,
      autostart: httpService.auto_start_machines ?? undefined,
      min_machines_running: httpService.min_machines_running ?? undefined,
      ports: [
        { port: 80, handlers: ['http'], force_https: Boolean(httpService.force_https) },
        { port: 443, handlers: ['http', 'tls'] },
      ],
      checks: serviceChecks.map((c) => c.config),
    });
    serviceChecks.forEach((c, i) => checks.push({ ...c.spec, name: `servicecheck-${pad(i)}-http-${port}` }));
  }
  for (const service of Array.isArray(raw.services) ? raw.services : []) {
    const port = Number(service.internal_port ?? 8080);
    const own = [
      ...(service.http_checks ?? []).map((check) => serviceCheck(check, 'http', port, 'ms')),
      ...(service.tcp_checks ?? []).map((check) => serviceCheck(check, 'tcp', port, 'ms')),
    ];
    services.push({
      protocol: service.protocol ?? 'tcp',
      internal_port: port,
      ports: (service.ports ?? []).map((p) => ({ ...p })),
      checks: own.map((c) => c.config),
    });
    const offset = checks.length;
    own.forEach((c, i) =>
      checks.push({ ...c.spec, name: `servicecheck-${pad(offset + i)}-${c.spec.type}-${port}` }),
    );
  }
  const topChecks = {};
  if (raw.checks && typeof raw.checks === 'object') {
    const entries = Array.isArray(raw.checks)
      ? raw.checks.map((c, i) => [c.name ?? `check-${i}`, c])
      : Object.entries(raw.checks);
    for (const [name, check] of entries) {
      const type = check.type ?? 'http';
      const built = serviceCheck(check, type, Number(check.port ?? 8080), 'ms');
      topChecks[name] = { ...built.config, port: Number(check.port ?? 8080) };
      checks.push({ ...built.spec, name });
    }
  }
  const config = {
    init: {},
    guest: { cpu_kind: 'shared', cpus: 1, memory_mb: 256 },
    image,
    env: { ...stringMap(raw.env), ...env },
    metadata: {},
    restart: { policy: 'on-failure', max_retries: 10 },
    dns: {},
  };
  if (services.length) config.services = services.map(dropUndefined);
  if (Object.keys(topChecks).length) config.checks = topChecks;
  return { config, checks };
}

const pad = (n) => String(n).padStart(2, '0');

function serviceCheck(check, type, port, numbersAre) {
  const interval = durationMs(check.interval, { numbersAre }) ?? 15000;
  const timeout = durationMs(check.timeout, { numbersAre }) ?? 2000;
  const grace = durationMs(check.grace_period, { numbersAre }) ?? 0;
  const kind = check.type ?? type;
  const config = dropUndefined({
    type: kind,
    port: undefined,
    interval: formatGoDuration(interval),
    timeout: formatGoDuration(timeout),
    grace_period: grace ? formatGoDuration(grace) : undefined,
    method: kind === 'http' ? String(check.method ?? 'GET').toUpperCase() : undefined,
    path: kind === 'http' ? (check.path ?? '/') : undefined,
    protocol: kind === 'http' ? (check.protocol ?? 'http') : undefined,
    headers: check.headers
      ? Object.entries(check.headers).map(([name, v]) => ({ name, values: [String(v)] }))
      : undefined,
  });
  const spec = {
    type: kind,
    port,
    path: check.path ?? '/',
    method: String(check.method ?? 'GET').toUpperCase(),
    headers: stringMap(check.headers),
    interval_ms: interval,
    timeout_ms: timeout,
    grace_ms: grace,
  };
  return { config, spec };
}

function stringMap(value) {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : String(v)]),
  );
}

function dropUndefined(object) {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
}

/** `[deploy]` settings the stand-in honours. */
export function deploySettings(raw = {}) {
  const deploy = raw.deploy ?? {};
  return {
    strategy: typeof deploy.strategy === 'string' ? deploy.strategy : undefined,
    waitTimeoutMs: typeof deploy.wait_timeout === 'string' ? parseGoDuration(deploy.wait_timeout) : undefined,
    releaseCommand: typeof deploy.release_command === 'string' ? deploy.release_command : undefined,
  };
}

/**
 * `flyctl config validate` (contract §6): returns `{ errors, warnings, unknown }` where `unknown` lists
 * unrecognised top-level sections (reported only with --strict).
 */
export function validateConfig(raw) {
  const errors = [];
  const warnings = [];
  const deploy = raw.deploy ?? {};
  if (deploy.strategy !== undefined && !STRATEGIES.includes(deploy.strategy)) {
    errors.push(
      `unsupported deployment strategy '${deploy.strategy}'; fly supports the following strategies: ${STRATEGIES.join(', ')}`,
    );
  }
  if (raw.checks && typeof raw.checks === 'object' && !Array.isArray(raw.checks)) {
    for (const [name, check] of Object.entries(raw.checks)) {
      if (check.type !== 'http' && check.type !== 'tcp') {
        errors.push(`Check '${name}' has an invalid type '${check.type ?? ''}'; must be one of http, tcp`);
      }
      const interval = durationMs(check.interval, { numbersAre: 'ms' });
      if (interval !== undefined && interval < 2000) {
        errors.push(`Check '${name}' interval is less than 2s`);
      }
      const timeout = durationMs(check.timeout, { numbersAre: 'ms' });
      if (timeout !== undefined && timeout > 60000) {
        errors.push(`Check '${name}' timeout is greater than 60s`);
      }
    }
  }
  for (const check of raw.http_service?.checks ?? []) {
    for (const field of ['interval', 'timeout', 'grace_period']) {
      const ms = durationMs(check[field], { numbersAre: 'ns' });
      if (ms !== undefined && ms < 1000) {
        warnings.push(
          `http_service.checks ${field} ${formatGoDuration(ms)} is less than 1s and will be raised to 1 second`,
        );
      }
    }
  }
  const unknown = Object.keys(raw).filter((key) => !TOP_LEVEL_KEYS.has(key));
  return { errors, warnings, unknown };
}
