/**
 * The JSON shapes flyctl prints (flyctl-contract §2, §3, §5, §10, §11), validated field by field: only the
 * fields the actions rely on are required; extra fields are kept out of the typed result.
 */
import { isObject, parseJsonReply, unexpected, type Json } from './json.js';

export interface Release {
  id: string;
  version: number;
  status: string;
  description: string;
  reason: string;
  stable: boolean;
  imageRef: string;
  createdAt: string;
  user: string;
}

export interface MachineCheck {
  name: string;
  status: string;
  output: string;
}

export interface Machine {
  id: string;
  name: string;
  state: string;
  region: string;
  image: string;
  /** image_ref.digest, when flyctl reports one. */
  imageDigest?: string;
  /** config.metadata, all strings (fly_release_version, fly_process_group, fly_platform_version, …). */
  metadata: Record<string, string>;
  checks: MachineCheck[];
  /** The machine config defines health checks (so flyctl waits for at least one result). */
  hasConfiguredChecks: boolean;
  hostStatus: string;
}

export interface AppStatus {
  name: string;
  hostname: string;
  deployed: boolean;
  status: string;
  /** Current release version; 0 when the app has none. */
  version: number;
  machines: Machine[];
}

export interface SecretEntry {
  name: string;
  digest: string;
  status?: string;
}

export interface FlyctlVersion {
  version: string;
  commit: string;
  buildDate: string;
}

export interface EmittedRelease {
  id: string;
  version: number;
  imageRef: string;
}

type Field = 'string' | 'number' | 'boolean' | 'object' | 'array';

function field<T>(
  command: string,
  expected: string,
  obj: Json,
  key: string,
  type: Field,
  where: string,
  fallback?: T,
): T {
  const value = obj[key];
  if ((value === undefined || value === null) && fallback !== undefined) return fallback;
  const ok =
    type === 'array'
      ? Array.isArray(value)
      : type === 'object'
        ? isObject(value)
        : type === 'number'
          ? typeof value === 'number' && Number.isFinite(value)
          : typeof value === type;
  if (!ok)
    unexpected(
      command,
      expected,
      `${where}.${key} is ${value === undefined ? 'missing' : `${JSON.stringify(value)?.slice(0, 60)}, not a ${type}`}`,
    );
  return value as T;
}

const RELEASES = 'an array of releases with Version, Status and ImageRef (flyctl-contract §2)';

export function parseReleases(stdout: string, command = 'releases --json'): Release[] {
  const data = parseJsonReply(command, RELEASES, stdout);
  if (!Array.isArray(data)) return unexpected(command, RELEASES, 'the reply is not an array', stdout);
  return data.map((item, i) => {
    const where = `[${i}]`;
    if (!isObject(item)) return unexpected(command, RELEASES, `${where} is not an object`);
    const f = <T>(key: string, type: Field, fallback?: T) =>
      field<T>(command, RELEASES, item, key, type, where, fallback);
    const version = f<number>('Version', 'number');
    if (!Number.isInteger(version)) unexpected(command, RELEASES, `${where}.Version is not an integer`);
    const user = isObject(item.User) ? item.User : {};
    return {
      id: f<string>('ID', 'string', ''),
      version,
      status: f<string>('Status', 'string'),
      description: f<string>('Description', 'string', ''),
      reason: f<string>('Reason', 'string', ''),
      stable: f<boolean>('Stable', 'boolean', false),
      imageRef: f<string>('ImageRef', 'string'),
      createdAt: f<string>('CreatedAt', 'string', ''),
      user: typeof user.Email === 'string' && user.Email ? user.Email : String(user.Name ?? ''),
    };
  });
}

const MACHINE = 'machines with id, state and config (flyctl-contract §3, §10)';

function parseMachine(command: string, item: unknown, where: string): Machine {
  if (!isObject(item)) return unexpected(command, MACHINE, `${where} is not an object`);
  const f = <T>(key: string, type: Field, fallback?: T) =>
    field<T>(command, MACHINE, item, key, type, where, fallback);
  // host_status != ok comes with incomplete_config instead of config (contract §3).
  const config = isObject(item.config)
    ? item.config
    : isObject(item.incomplete_config)
      ? item.incomplete_config
      : {};
  const metadata: Record<string, string> = {};
  if (isObject(config.metadata))
    for (const [key, value] of Object.entries(config.metadata))
      if (value !== null && value !== undefined) metadata[key] = String(value);
  const checks = f<unknown[]>('checks', 'array', []).map((check, j) => {
    if (!isObject(check)) return unexpected(command, MACHINE, `${where}.checks[${j}] is not an object`);
    return {
      name: String(check.name ?? ''),
      status: String(check.status ?? ''),
      output: String(check.output ?? ''),
    };
  });
  const configuredChecks =
    (isObject(config.checks) && Object.keys(config.checks).length > 0) ||
    (Array.isArray(config.services) &&
      config.services.some(
        (s) => isObject(s) && Array.isArray(s.checks) && (s.checks as unknown[]).length > 0,
      ));
  const digest =
    isObject(item.image_ref) && typeof item.image_ref.digest === 'string' ? item.image_ref.digest : '';
  return {
    id: f<string>('id', 'string'),
    ...(digest ? { imageDigest: digest } : {}),
    name: f<string>('name', 'string', ''),
    state: f<string>('state', 'string'),
    region: f<string>('region', 'string', ''),
    image: typeof config.image === 'string' ? config.image : '',
    metadata,
    checks,
    hasConfiguredChecks: configuredChecks,
    hostStatus: f<string>('host_status', 'string', 'ok'),
  };
}

export function parseMachines(stdout: string, command = 'machine list --json'): Machine[] {
  const data = parseJsonReply(command, `an array of ${MACHINE}`, stdout);
  if (data === null) return [];
  if (!Array.isArray(data)) return unexpected(command, `an array of ${MACHINE}`, 'the reply is not an array');
  return data.map((item, i) => parseMachine(command, item, `[${i}]`));
}

const STATUS = 'an object with Name, Hostname, Version and Machines (flyctl-contract §3)';

export function parseStatus(stdout: string, command = 'status --json'): AppStatus {
  const data = parseJsonReply(command, STATUS, stdout);
  if (!isObject(data)) return unexpected(command, STATUS, 'the reply is not an object', stdout);
  const f = <T>(key: string, type: Field, fallback?: T) =>
    field<T>(command, STATUS, data, key, type, '', fallback);
  const version = f<number>('Version', 'number', 0);
  return {
    name: f<string>('Name', 'string'),
    hostname: f<string>('Hostname', 'string', ''),
    deployed: f<boolean>('Deployed', 'boolean', false),
    status: f<string>('Status', 'string', ''),
    version,
    machines: f<unknown[]>('Machines', 'array', []).map((m, i) =>
      parseMachine(command, m, `.Machines[${i}]`),
    ),
  };
}

const SECRETS = 'an array of {name, digest, status} (flyctl-contract §5)';

export function parseSecretsList(stdout: string, command = 'secrets list --json'): SecretEntry[] {
  const data = parseJsonReply(command, SECRETS, stdout);
  if (data === null) return [];
  if (!Array.isArray(data)) return unexpected(command, SECRETS, 'the reply is not an array', stdout);
  return data.map((item, i) => {
    if (!isObject(item)) return unexpected(command, SECRETS, `[${i}] is not an object`);
    const f = <T>(key: string, type: Field, fallback?: T) =>
      field<T>(command, SECRETS, item, key, type, `[${i}]`, fallback);
    const status = f<string>('status', 'string', '');
    return {
      name: f<string>('name', 'string'),
      digest: f<string>('digest', 'string', ''),
      ...(status ? { status } : {}),
    };
  });
}

const VERSION = 'an object with Version (flyctl-contract §11)';

export function parseVersion(stdout: string, command = 'version --json'): FlyctlVersion {
  const data = parseJsonReply(command, VERSION, stdout);
  if (!isObject(data)) return unexpected(command, VERSION, 'the reply is not an object', stdout);
  const f = <T>(key: string, type: Field, fallback?: T) =>
    field<T>(command, VERSION, data, key, type, '', fallback);
  return {
    version: f<string>('Version', 'string'),
    commit: f<string>('Commit', 'string', ''),
    buildDate: f<string>('BuildDate', 'string', ''),
  };
}

/**
 * The compact line a successful deploy prints with FLY_EMIT_RELEASE_JSON set (flyctl ≥ 0.4.56, contract §2),
 * amid other output. The last matching line wins; undefined when flyctl printed none (older flyctl).
 */
export function findEmittedRelease(stdout: string): EmittedRelease | undefined {
  const lines = stdout.split('\n').reverse();
  for (const line of lines) {
    const text = line.trim();
    if (!text.startsWith('{') || !text.includes('"image_ref"')) continue;
    try {
      const data = JSON.parse(text) as unknown;
      if (
        isObject(data) &&
        typeof data.version === 'number' &&
        Number.isInteger(data.version) &&
        typeof data.image_ref === 'string'
      )
        return { id: String(data.id ?? ''), version: data.version, imageRef: data.image_ref };
    } catch {
      // not the line we want
    }
  }
  return undefined;
}
