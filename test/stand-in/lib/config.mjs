// fly.toml loading for the stand-in: the subset that shapes machines (env, services, checks, deploy
// settings) plus the validation `flyctl config validate` and `flyctl deploy` print (contract §6, §7, §14).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { FlyError, aurora, formatGoDuration, parseGoDuration } from './util.mjs';

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

const isFile = (path) => existsSync(path) && statSync(path).isFile();

/**
 * Finds the config file as flyctl's LoadAppConfigIfPresent does: `-c <p>` tries `<p>`, then `<p>/fly.toml`
 * (and fails when neither exists); without `-c`, `<cwd>/fly.toml`, then `fly.json`. Returns
 * `{ path, raw, unmarshalError }` or undefined when there is no local config. `path` is what flyctl prints
 * (`Validating <path>`): the `-c` value as given, else the joined working-directory path. A file that loads
 * but does not decode (a type error) comes back as flyctl keeps it: only `app`, plus the decode error.
 */
export function loadConfig(configFlag, cwd = process.cwd()) {
  const candidates = configFlag
    ? [configFlag, join(configFlag, 'fly.toml')]
    : [join(cwd, 'fly.toml'), join(cwd, 'fly.json')];
  for (const path of candidates) {
    const file = resolve(cwd, path);
    if (!isFile(file)) continue;
    const text = readFileSync(file, 'utf8');
    let raw;
    try {
      raw = toPlain(file.endsWith('.json') ? JSON.parse(text) : parseToml(text));
    } catch (error) {
      // go-toml's DecodeError: "row R column C" and the parser's own text on the following lines.
      const detail =
        error.line !== undefined
          ? `row ${error.line} column ${error.column}\n${String(error.message).trimEnd()}`
          : String(error.message);
      throw new FlyError(`failed loading app config from ${path}: ${detail}`);
    }
    const unmarshalError = decodeError(raw);
    if (unmarshalError) {
      return {
        path,
        raw: typeof raw.app === 'string' ? { app: raw.app } : {},
        fileRaw: raw,
        unmarshalError,
      };
    }
    return { path, raw, fileRaw: raw };
  }
  if (configFlag) {
    throw new FlyError(
      `config file not found at specified path: ${configFlag} (also tried: ${join(configFlag, 'fly.toml')})`,
    );
  }
  return undefined;
}

/** smol-toml returns TomlDate objects for dates; the stand-in only needs plain JSON. */
function toPlain(value) {
  return JSON.parse(JSON.stringify(value));
}

// ---------------------------------------------------------------- decoding (serde.go, patches.go)

/** Go's %T of a value decoded from TOML into map[string]any. */
function goTypeName(value) {
  if (Array.isArray(value)) return '[]interface {}';
  if (value && typeof value === 'object') return 'map[string]interface {}';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int64' : 'float64';
  return typeof value;
}

/** The JSON kind encoding/json names in an UnmarshalTypeError. */
function jsonKind(value) {
  if (Array.isArray(value)) return 'array';
  if (value && typeof value === 'object') return 'object';
  if (typeof value === 'number') return 'number';
  return typeof value;
}

// The fields whose type flyctl's decode can reject, as Go types (encoding/json via appconfig.Config).
const BUILD = {
  struct: 'Build',
  fields: {
    builder: 'string',
    args: 'map[string]string',
    buildpacks: '[]string',
    image: 'string',
    builtin: 'string',
    dockerfile: 'string',
    ignorefile: 'string',
    'build-target': 'string',
    compression: 'string',
    compression_level: 'int',
  },
};
const DEPLOY = {
  struct: 'Deploy',
  fields: {
    strategy: 'string',
    max_unavailable: 'float64',
    release_command: 'string',
    seed_command: 'string',
  },
};
const HTTP_SERVICE = {
  struct: 'HTTPService',
  fields: {
    internal_port: 'int',
    force_https: 'bool',
    auto_start_machines: 'bool',
    min_machines_running: 'int',
    processes: '[]string',
  },
};
const SERVICE = {
  struct: 'Service',
  fields: {
    protocol: 'string',
    internal_port: 'int',
    auto_start_machines: 'bool',
    min_machines_running: 'int',
    processes: '[]string',
  },
};
const MOUNT = {
  struct: 'Mount',
  fields: {
    source: 'string',
    destination: 'string',
    initial_size: 'string',
    snapshot_retention: 'int',
    scheduled_snapshots: 'bool',
    auto_extend_size_threshold: 'int',
    auto_extend_size_increment: 'string',
    auto_extend_size_limit: 'string',
    processes: '[]string',
  },
};
const CONFIG = {
  struct: 'Config',
  fields: {
    app: 'string',
    primary_region: 'string',
    kill_signal: 'string',
    swap_size_mb: 'int',
    console_command: 'string',
    build: BUILD,
    deploy: DEPLOY,
    env: 'map[string]string',
    mounts: [MOUNT],
    http_service: HTTP_SERVICE,
    services: [SERVICE],
    host_dedication_id: 'string',
    machine_config: 'string',
    container: 'string',
  },
};

/** castToInt (patches.go) for `[[services]] internal_port`. */
function castToInt(value) {
  if (typeof value === 'number') return undefined;
  if (typeof value === 'string') {
    return /^[+-]?\d+$/.test(value)
      ? undefined
      : `Can not convert '${value}' to integer: strconv.Atoi: parsing ${JSON.stringify(value)}: invalid syntax`;
  }
  return `Unknown type for cast: ${goTypeName(value)}`;
}

/** ensureArrayOfMap (patches.go). */
function arrayOfMapError(value) {
  if (Array.isArray(value)) return undefined;
  if (value && typeof value === 'object') return undefined;
  return `Unknown type '${goTypeName(value)}'`;
}

/**
 * The error flyctl's loader keeps when a file parses but does not decode (serde.go, unmarshalTOML:
 * v2UnmarshalError): first the patches' own errors, then encoding/json's first UnmarshalTypeError, found in
 * the order json.Marshal writes a map (sorted keys). Undefined when the file decodes.
 */
export function decodeError(raw) {
  if (!raw || typeof raw !== 'object') return undefined;
  if ('services' in raw) {
    const bad = arrayOfMapError(raw.services);
    if (bad) return `Error processing services: ${bad}`;
    for (const service of [raw.services].flat()) {
      if (service && 'internal_port' in service) {
        const cast = castToInt(service.internal_port);
        if (cast) return cast;
      }
    }
  }
  for (const key of ['mount', 'mounts']) {
    if (key in raw) {
      const bad = arrayOfMapError(raw[key]);
      if (bad) return `Error processing mounts: ${bad}`;
    }
  }
  if ('build' in raw && !(raw.build && typeof raw.build === 'object' && !Array.isArray(raw.build))) {
    return `Build section of unknown type: ${goTypeName(raw.build)}`;
  }
  // What the patches leave for the decoder: single tables become arrays, [[services]] ports are ints,
  // [[mounts]] initial_size is a string, [env] values are strings.
  const patched = { ...raw };
  if ('services' in patched) {
    patched.services = [patched.services]
      .flat()
      .map((s) => ({ ...s, ...('internal_port' in s ? { internal_port: Number(s.internal_port) } : {}) }));
  }
  if ('mount' in patched || 'mounts' in patched) {
    patched.mounts = [patched.mount ?? [], patched.mounts ?? []]
      .flat()
      .map((m) => ({ ...m, ...('initial_size' in m ? { initial_size: String(m.initial_size) } : {}) }));
    delete patched.mount;
  }
  if (patched.env && typeof patched.env === 'object' && !Array.isArray(patched.env)) {
    patched.env = Object.fromEntries(Object.entries(patched.env).map(([k, v]) => [k, String(v)]));
  }
  return typeMismatch(patched, CONFIG, []);
}

function typeMismatch(object, schema, path) {
  for (const key of Object.keys(object).sort()) {
    const want = schema.fields[key];
    if (want === undefined) continue;
    const error = valueMismatch(object[key], want, schema.struct, [...path, key]);
    if (error) return error;
  }
  return undefined;
}

function valueMismatch(value, want, struct, path) {
  const fail = (kind, type) =>
    `json: cannot unmarshal ${kind} into Go struct field ${struct}.${path.join('.')} of type ${type}`;
  if (Array.isArray(want)) {
    if (!Array.isArray(value)) return fail(jsonKind(value), `[]appconfig.${want[0].struct}`);
    for (const item of value) {
      const error = valueMismatch(item, want[0], struct, path);
      if (error) return error;
    }
    return undefined;
  }
  if (typeof want === 'object') {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      return fail(jsonKind(value), `appconfig.${want.struct}`);
    }
    return typeMismatch(value, want, path);
  }
  switch (want) {
    case 'string':
      return typeof value === 'string' ? undefined : fail(jsonKind(value), 'string');
    case 'bool':
      return typeof value === 'boolean' ? undefined : fail(jsonKind(value), 'bool');
    case 'float64':
      return typeof value === 'number' ? undefined : fail(jsonKind(value), 'float64');
    case 'int':
      if (typeof value !== 'number') return fail(jsonKind(value), 'int');
      return Number.isInteger(value) ? undefined : fail(`number ${value}`, 'int');
    case '[]string':
      if (!Array.isArray(value)) return fail(jsonKind(value), '[]string');
      return value.map((v) => valueMismatch(v, 'string', struct, path)).find(Boolean);
    case 'map[string]string':
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        return fail(jsonKind(value), 'map[string]string');
      }
      return Object.keys(value)
        .sort()
        .map((k) => valueMismatch(value[k], 'string', struct, path))
        .find(Boolean);
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------- durations

/**
 * A fly.Duration in milliseconds: strings are Go durations; bare numbers are milliseconds where the patches
 * cast them (service and top-level checks), nanoseconds everywhere else (contract §7).
 */
function durationMs(value, { numbersAre = 'ns' } = {}) {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'number') return numbersAre === 'ms' ? value : value / 1e6;
  return parseGoDuration(String(value));
}

// ---------------------------------------------------------------- machine config (contract §14)

/**
 * Turns a parsed fly.toml into what a machine carries: `config` in fly.MachineConfig JSON form and field
 * order, plus flat `checks` the stand-in runs (name, type, path, timing in ms with the platform's defaults).
 */
export function machineConfigFrom(raw = {}, { image, env = {} }) {
  const checks = [];
  const services = [];
  const httpService = raw.http_service && typeof raw.http_service === 'object' ? raw.http_service : undefined;
  const httpPort = httpService?.internal_port ? Number(httpService.internal_port) : undefined;
  // Service checks are named servicecheck-<nn>-<type>-<port>, numbered across all services.
  const addServiceChecks = (port, list) => {
    for (const check of list) {
      checks.push({ ...check.spec, name: `servicecheck-${pad(checks.length)}-${check.spec.type}-${port}` });
    }
  };
  if (httpService) {
    const port = Number(httpService.internal_port ?? 0);
    const own = (httpService.checks ?? []).map((check) => serviceCheck(check, 'http', port, 'ns'));
    services.push(
      machineService({
        protocol: 'tcp',
        internal_port: port,
        autostop: httpService.auto_stop_machines,
        autostart: httpService.auto_start_machines,
        min_machines_running: httpService.min_machines_running,
        ports: [
          dropEmpty({ port: 80, handlers: ['http'], force_https: httpService.force_https === true }),
          { port: 443, handlers: ['http', 'tls'] },
        ],
        checks: own.map((c) => c.config),
        concurrency: httpService.concurrency,
      }),
    );
    addServiceChecks(port, own);
  }
  for (const service of Array.isArray(raw.services) ? raw.services : raw.services ? [raw.services] : []) {
    const port = Number(service.internal_port ?? 0);
    // toMachineService: TCP checks first, then HTTP checks.
    const own = [
      ...[service.tcp_checks ?? []].flat().map((check) => serviceCheck(check, 'tcp', port, 'ms')),
      ...[service.http_checks ?? []].flat().map((check) => serviceCheck(check, 'http', port, 'ms')),
    ];
    services.push(
      machineService({
        protocol: service.protocol,
        internal_port: port,
        autostop: service.auto_stop_machines,
        autostart: service.auto_start_machines,
        min_machines_running: service.min_machines_running,
        ports: (service.ports ?? []).map((p) => dropEmpty({ ...p })),
        checks: own.map((c) => c.config),
        concurrency: service.concurrency,
      }),
    );
    addServiceChecks(port, own);
  }
  const topChecks = {};
  if (raw.checks && typeof raw.checks === 'object') {
    const entries = Array.isArray(raw.checks)
      ? raw.checks.map((c, i) => [c.name ?? `check-${i}`, c])
      : Object.entries(raw.checks);
    for (const [name, check] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const type = check.type ?? 'http';
      // The port defaults to [http_service] internal_port (contract §14); the method is upper-cased.
      const port = check.port !== undefined ? Number(check.port) : httpPort;
      const built = serviceCheck(check, type, port ?? 0, 'ms', { upperMethod: true });
      topChecks[name] = dropEmpty({ port, ...built.config });
      checks.push({ ...built.spec, name });
    }
  }
  const mergedEnv = { ...stringMap(raw.env), ...env };
  const config = dropEmpty({
    // Go map: keys sorted.
    env: Object.fromEntries(
      Object.keys(mergedEnv)
        .sort()
        .map((k) => [k, mergedEnv[k]]),
    ),
  });
  Object.assign(config, {
    init: {},
    guest: { cpu_kind: 'shared', cpus: 1, memory_mb: 256 },
  });
  if (services.length) config.services = services;
  if (Object.keys(topChecks).length) config.checks = topChecks;
  Object.assign(config, { image, restart: { policy: 'on-failure', max_retries: 10 }, dns: {} });
  return { config, checks };
}

const pad = (n) => String(n).padStart(2, '0');

/** fly.MachineService in struct order; autostop serialises off/stop as booleans, suspend as a string. */
function machineService(s) {
  const autostop =
    s.autostop === undefined
      ? undefined
      : s.autostop === 'suspend'
        ? 'suspend'
        : s.autostop === true || s.autostop === 'stop';
  return {
    ...dropEmpty({
      protocol: s.protocol,
      internal_port: s.internal_port,
    }),
    ...(autostop === undefined ? {} : { autostop }),
    ...(s.autostart === undefined ? {} : { autostart: Boolean(s.autostart) }),
    ...(s.min_machines_running === undefined ? {} : { min_machines_running: s.min_machines_running }),
    ...dropEmpty({ ports: s.ports, checks: s.checks, concurrency: s.concurrency }),
    force_instance_key: null,
  };
}

/**
 * A check as the machine config carries it (only the fields fly.toml sets, fly.MachineServiceCheck order:
 * port, type, interval, timeout, grace_period, method, path, protocol, tls_skip_verify, tls_server_name,
 * headers) and as the stand-in runs it (the platform's defaults filled in).
 */
function serviceCheck(check, type, port, numbersAre, { upperMethod = false } = {}) {
  const interval = durationMs(check.interval, { numbersAre });
  const timeout = durationMs(check.timeout, { numbersAre });
  const grace = durationMs(check.grace_period, { numbersAre });
  const kind = check.type ?? type;
  const method = check.method === undefined ? undefined : String(check.method);
  const config = dropEmpty({
    type: kind,
    interval: interval === undefined ? undefined : formatGoDuration(interval),
    timeout: timeout === undefined ? undefined : formatGoDuration(timeout),
    grace_period: grace === undefined ? undefined : formatGoDuration(grace),
    method: method === undefined ? undefined : upperMethod ? method.toUpperCase() : method,
    path: check.path,
    protocol: check.protocol,
    tls_skip_verify: check.tls_skip_verify,
    tls_server_name: check.tls_server_name,
    headers: check.headers
      ? Object.entries(check.headers).map(([name, v]) => ({ name, values: [String(v)] }))
      : undefined,
  });
  const spec = {
    type: kind,
    port,
    path: check.path ?? '/',
    method: String(method ?? 'GET').toUpperCase(),
    headers: stringMap(check.headers),
    interval_ms: interval ?? 15000,
    timeout_ms: timeout ?? 2000,
    grace_ms: grace ?? 0,
  };
  return { config, spec };
}

function stringMap(value) {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : String(v)]),
  );
}

/** Go's `omitempty`: drops undefined, null, "", false, empty arrays and empty objects. */
function dropEmpty(object) {
  return Object.fromEntries(
    Object.entries(object).filter(([, v]) => {
      if (v === undefined || v === null || v === '' || v === false) return false;
      if (Array.isArray(v)) return v.length > 0;
      if (typeof v === 'object') return Object.keys(v).length > 0;
      return true;
    }),
  );
}

/** The app's public URL as appconfig.Config.URL() derives it (nil without an HTTP service or HTTP port). */
export function appUrl(raw = {}, appName) {
  const url = `https://${appName}.fly.dev/`;
  if (raw.http_service?.internal_port > 0) return url;
  const ports = (Array.isArray(raw.services) ? raw.services : raw.services ? [raw.services] : []).flatMap(
    (s) => s.ports ?? [],
  );
  const http = ports.filter((p) => p.port !== undefined && (p.handlers ?? []).includes('http'));
  if (http.length === 0) return undefined;
  const https = http.filter((p) => p.handlers.includes('tls'));
  if (https.length && !https.some((p) => Number(p.port) === 443)) {
    return `https://${appName}.fly.dev:${https[0].port}/`;
  }
  if (https.length) return url;
  const plain = http.some((p) => Number(p.port) === 80) ? '' : `:${http[0].port}`;
  return `http://${appName}.fly.dev${plain}/`;
}

/** `[deploy]` settings the stand-in honours. */
export function deploySettings(raw = {}) {
  const deploy = raw.deploy ?? {};
  return {
    strategy: typeof deploy.strategy === 'string' && deploy.strategy !== '' ? deploy.strategy : undefined,
    waitTimeoutMs: durationMs(deploy.wait_timeout),
    maxUnavailable: typeof deploy.max_unavailable === 'number' ? deploy.max_unavailable : undefined,
    releaseCommand:
      typeof deploy.release_command === 'string' && deploy.release_command !== ''
        ? deploy.release_command
        : undefined,
  };
}

// ---------------------------------------------------------------- validation (validation.go)

/** shlex.Split's only failures: an unclosed quote, an escape at the end. */
function shlexError(command) {
  let quote = '';
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (quote === "'") {
      if (c === "'") quote = '';
    } else if (c === '\\') {
      if (i + 1 >= command.length) return 'EOF found after escape character';
      i++;
    } else if (quote === '"') {
      if (c === '"') quote = '';
    } else if (c === '"' || c === "'") quote = c;
  }
  return quote ? 'EOF found when expecting closing quote' : undefined;
}

/** One [http_service] / [[services]] check duration, validateSingleServiceCheckDuration. */
function serviceCheckDurationInfo(ms, zeroOk, proto, description) {
  if (ms === undefined) return '';
  const d = formatGoDuration(ms);
  if (zeroOk && ms !== 0 && ms < 1000) {
    return `${aurora.yellow('WARN')} Service ${proto} check has ${description} that is non-zero and less than 1 second (${d}); this will be raised to 1 second\n`;
  }
  if (!zeroOk && ms < 1000) {
    return `${aurora.yellow('WARN')} Service ${proto} check has ${description} less than 1 second (${d}); this will be raised to 1 second\n`;
  }
  if (ms > 60000) {
    return `${aurora.yellow('WARN')} Service ${proto} check has ${description} greater than 1 minute (${d}); this will be lowered to 1 minute\n`;
  }
  return '';
}

/**
 * appconfig.Config.Validate (contract §6): `{ valid, error, info }`. `info` is flyctl's extra_info, printed
 * as is: `Validating <path>`, each validator's detail lines (the real reasons, some without a trailing
 * newline), then `   ✘<error>` (usually `invalid app configuration`; a decode error's own text) or
 * `✓ Configuration is valid`, with aurora's colour codes. `unknown` lists what --strict reports.
 */
export function validateConfig(raw, { path = '', unmarshalError } = {}) {
  let info = `Validating ${path}\n`;
  let error;
  const invalid = (text) => {
    info += text;
    error = 'invalid app configuration';
  };
  const build = raw.build ?? {};
  const buildStrategies = [];
  if (build.image) buildStrategies.push(`the "${build.image}" docker image`);
  if (build.builder || (build.buildpacks ?? []).length > 0) buildStrategies.push('a buildpack');
  if (build.dockerfile) buildStrategies.push(`the "${build.dockerfile}" dockerfile`);
  else if (build['build-target']) buildStrategies.push('a dockerfile');
  if (build.builtin) buildStrategies.push(`the "${build.builtin}" builtin image`);
  if (buildStrategies.length > 1) {
    info += `${aurora.yellow('WARN')} more than one build configuration found: [${buildStrategies.join(', ')}]\n`;
  }

  const deploy = raw.deploy ?? {};
  if (typeof deploy.release_command === 'string' && shlexError(deploy.release_command)) {
    invalid(`Can't shell split release command: '${deploy.release_command}'\n`);
  }
  if (typeof deploy.strategy === 'string' && deploy.strategy !== '') {
    if (!STRATEGIES.includes(deploy.strategy)) {
      // No trailing newline in flyctl: the next detail (or the ✘ line's own newline) follows directly.
      invalid(
        `unsupported deployment strategy '${deploy.strategy}'; Apps v2 supports the following strategies: ${STRATEGIES.join(', ')}`,
      );
    }
    const mounts = [raw.mounts ?? [], raw.mount ?? []].flat();
    if (deploy.strategy === 'canary' && mounts.length > 0) {
      invalid('error canary deployment strategy is not supported when using mounted volumes');
    }
  }

  if (raw.checks && typeof raw.checks === 'object' && !Array.isArray(raw.checks)) {
    for (const [name, check] of Object.entries(raw.checks)) {
      if (check.type !== 'http' && check.type !== 'tcp') {
        invalid(
          `Can't process top level check '${name}': Missing or invalid check type, must be 'http' or 'tcp'\n`,
        );
      }
      const interval = durationMs(check.interval, { numbersAre: 'ms' });
      if (interval !== undefined && interval < 2000) {
        invalid(
          `Check '${name}' interval is too short: ${formatGoDuration(interval)}, minimum is 2 seconds\n`,
        );
      }
      const timeout = durationMs(check.timeout, { numbersAre: 'ms' });
      if (timeout !== undefined && timeout > 60000) {
        invalid(`Check '${name}' timeout is too long: ${formatGoDuration(timeout)}, maximum is 60 seconds\n`);
      }
    }
  }

  const processNames = raw.processes && typeof raw.processes === 'object' ? Object.keys(raw.processes) : [];
  const allServices = [
    ...(raw.http_service && typeof raw.http_service === 'object'
      ? [
          {
            ...raw.http_service,
            ports: [{ port: 80 }, { port: 443 }],
            http_checks: raw.http_service.checks,
            tcp_checks: undefined,
            // [[http_service.checks]] are not patched: a bare number there is nanoseconds (contract §7).
            numbersAre: 'ns',
          },
        ]
      : []),
    ...(Array.isArray(raw.services) ? raw.services : raw.services ? [raw.services] : []),
  ];
  for (const service of allServices) {
    const processes = service.processes ?? [];
    if (processes.length === 0 && processNames.length > 0) {
      invalid(
        `Service has no processes set but app has ${processNames.length} processes defined; update fly.toml to set processes for each service\n`,
      );
    } else {
      for (const name of processes) {
        if (!processNames.includes(name) && !(processNames.length === 0 && name === 'app')) {
          invalid(
            `Service specifies '${name}' as one of its processes, but no processes are defined with that name; update fly.toml [processes] to add '${name}' process or remove it from service's processes list\n`,
          );
        }
      }
    }
    if ((service.ports ?? []).length === 0) {
      info +=
        'WARNING: Service must expose at least one port. Add a [[services.ports]] section to fly.toml; ' +
        'Check docs at https://fly.io/docs/reference/configuration/#services-ports \n ' +
        'Validation for _services without ports_ will hard fail after February 15, 2024.';
    }
    const numbersAre = service.numbersAre ?? 'ms';
    for (const [proto, list] of [
      ['TCP', service.tcp_checks],
      ['HTTP', service.http_checks],
    ]) {
      for (const check of [list ?? []].flat()) {
        info += serviceCheckDurationInfo(
          durationMs(check.interval, { numbersAre }),
          false,
          proto,
          'an interval',
        );
        info += serviceCheckDurationInfo(
          durationMs(check.timeout, { numbersAre }),
          false,
          proto,
          'a timeout',
        );
        info += serviceCheckDurationInfo(
          durationMs(check.grace_period, { numbersAre }),
          true,
          proto,
          'a grace period',
        );
      }
    }
  }

  for (const [name, command] of Object.entries(raw.processes ?? {})) {
    const bad = typeof command === 'string' && command !== '' ? shlexError(command) : undefined;
    if (bad) {
      invalid(`Could not parse command for '${name}' process group; check [processes] section: ${bad}\n`);
    }
  }
  if (typeof raw.console_command === 'string' && shlexError(raw.console_command)) {
    invalid(`Can't shell split console command: '${raw.console_command}'\n`);
  }
  if (typeof build.compression === 'string' && !['', 'gzip', 'zstd'].includes(build.compression)) {
    invalid(
      `Invalid value '${build.compression}' for compression. Valid options are 'gzip', 'zstd', or leave unset.\n`,
    );
  }
  if (
    typeof build.compression_level === 'number' &&
    (build.compression_level < 0 || build.compression_level > 9)
  ) {
    invalid(
      `Invalid value '${build.compression_level}' for compression level. Must be an integer between 0 and 9.\n`,
    );
  }

  if (unmarshalError) error = unmarshalError;
  if (error) info += `\n   ${aurora.red('✘')}${error}\n`;
  else info += `${aurora.green('✓')} Configuration is valid\n`;
  const unknown = Object.keys(raw).filter((key) => !TOP_LEVEL_KEYS.has(key));
  return { valid: !error, info, unknown };
}
