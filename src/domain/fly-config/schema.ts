/**
 * The fly.toml model as flyctl loads it (docs/flyctl-contract.md §7): what its loader's patches accept and
 * convert, then what its JSON decode into the Go structs accepts. Data only: model.ts walks a parsed
 * document against it. Where a kind says "patched", flyctl converts the value before decoding.
 */

/** How flyctl reads a bare number in a duration field (§7 "Duration formats"). */
export type BareNumberUnit = 'seconds' | 'milliseconds' | 'nanoseconds';

export type Spec =
  | { kind: 'string' }
  /**
   * `cast`: castToInt runs first (a numeric string or a float is accepted). `advise`: a range flyctl does
   * not check, so only a warning. `unsigned`: a uint32, which cannot decode a negative number.
   */
  | { kind: 'int'; cast?: boolean; unsigned?: boolean; advise?: { min?: number; max?: number } }
  | { kind: 'float' }
  | { kind: 'bool' }
  /** `enforced`: flyctl's Validate rejects other values (an empty string is "unset"); otherwise a warning. */
  | { kind: 'enum'; values: readonly string[]; enforced?: boolean; rule?: string }
  /** Patched (castDuration) unless the bare unit is nanoseconds: those fields are decoded as they are. */
  | { kind: 'duration'; bare: BareNumberUnit }
  /** `[[vm]] memory`: a size in MiB; numbers allowed where castToString runs first. */
  | { kind: 'memory'; numbers: boolean }
  /** A volume size in GB; numbers allowed where castToString runs first (initial_size). */
  | { kind: 'size'; numbers: boolean }
  | { kind: 'autostop' }
  | { kind: 'strings' }
  /** `[experimental]` cmd/entrypoint/exec: a string is wrapped into a list. */
  | { kind: 'stringOrStrings' }
  /** A map[string]string decoded as is: every value must be a string. */
  | { kind: 'stringMap' }
  /** Any table, not looked into (build.settings, response headers). */
  | { kind: 'anyTable' }
  /** [env]: a table or a [[env]] list of tables; every value becomes a string. */
  | { kind: 'env' }
  /** [processes]: a table of commands, or a legacy list (dropped when empty). */
  | { kind: 'processes' }
  /** [[services]] concurrency: a table, or the legacy "soft,hard" string. */
  | { kind: 'concurrency'; table: Spec }
  /** Patched check headers: a table (values become strings) or a list of {name, value}. */
  | { kind: 'headers' }
  | { kind: 'table'; fields: Readonly<Record<string, Spec>> }
  /**
   * `[[x]]`. `wraps`: a single `[x]` table is accepted (flyctl wraps it). `opaque`: after patching the
   * array is a Go []map[string]any, which `config validate --strict` does not look into.
   */
  | { kind: 'array'; of: Spec; wraps?: boolean; opaque?: string }
  /** Name → table (`[checks.<name>]`); `legacyArray`: a `[[checks]]` list with a `name` in each item. */
  | { kind: 'map'; of: Spec; legacyArray?: boolean }
  /**
   * A key flyctl's loader still reads but its structs no longer have, so strict mode reports it
   * (`[experimental] kill_timeout`, `metrics_port`, `metrics_path`).
   */
  | { kind: 'legacy'; of: Spec; movedTo: string };

const string: Spec = { kind: 'string' };
const int: Spec = { kind: 'int' };
const bool: Spec = { kind: 'bool' };
const strings: Spec = { kind: 'strings' };
const table = (fields: Record<string, Spec>): Spec => ({ kind: 'table', fields });
const array = (of: Spec, options: { wraps?: boolean; opaque?: string } = {}): Spec => ({
  kind: 'array',
  of,
  ...options,
});
const duration = (bare: BareNumberUnit): Spec => ({ kind: 'duration', bare });
const advised = (values: readonly string[]): Spec => ({ kind: 'enum', values });
const port: Spec = { kind: 'int', advise: { min: 1, max: 65535 } };

const concurrency = table({
  type: advised(['connections', 'requests']),
  hard_limit: int,
  soft_limit: int,
});

const tlsOptions = table({ alpn: strings, versions: strings, default_self_signed: bool });
const httpOptions = table({
  compress: bool,
  response: table({ headers: { kind: 'anyTable' }, pristine: bool }),
  h2_backend: bool,
  idle_timeout: { kind: 'int', unsigned: true },
  headers_read_timeout: { kind: 'int', unsigned: true },
  replay_cache: array(
    table({ path_prefix: string, ttl_seconds: int, type: string, name: string, allow_bypass: bool }),
  ),
});

/** Service checks are patched (bare numbers are ms, headers converted) except under [http_service]. */
const httpCheck = (patched: boolean) =>
  table({
    interval: duration(patched ? 'milliseconds' : 'nanoseconds'),
    timeout: duration(patched ? 'milliseconds' : 'nanoseconds'),
    grace_period: duration(patched ? 'milliseconds' : 'nanoseconds'),
    method: string,
    path: string,
    protocol: advised(['http', 'https']),
    tls_skip_verify: bool,
    tls_server_name: string,
    headers: patched ? { kind: 'headers' } : { kind: 'stringMap' },
  });

const machineCheck = table({
  command: strings,
  image: string,
  entrypoint: strings,
  kill_signal: string,
  kill_timeout: duration('nanoseconds'),
});

/** Compute with fly-go's MachineGuest inlined; only top-level [[vm]] memory is converted from a number. */
const vm = (memoryNumbers: boolean) =>
  table({
    size: string,
    memory: { kind: 'memory', numbers: memoryNumbers },
    processes: strings,
    cpu_kind: advised(['shared', 'performance']),
    cpus: { kind: 'int', advise: { min: 1 } },
    memory_mb: { kind: 'int', advise: { min: 1 } },
    max_memory_mb: int,
    gpus: int,
    gpu_kind: string,
    host_dedication_id: string,
    persist_rootfs: advised(['never', 'always', 'restart']),
    kernel_args: strings,
  });

const SERVICES_OPAQUE = 'inside [[services]]';

const services = array(
  table({
    protocol: advised(['tcp', 'udp']),
    internal_port: { kind: 'int', cast: true, advise: { min: 1, max: 65535 } },
    auto_stop_machines: { kind: 'autostop' },
    auto_start_machines: bool,
    min_machines_running: { kind: 'int', advise: { min: 0 } },
    processes: strings,
    concurrency: { kind: 'concurrency', table: concurrency },
    ports: array(
      table({
        port: { kind: 'int', cast: true, advise: { min: 1, max: 65535 } },
        start_port: port,
        end_port: port,
        handlers: strings,
        force_https: bool,
        tls_options: tlsOptions,
        http_options: httpOptions,
        proxy_proto_options: table({ version: string }),
      }),
      { wraps: true },
    ),
    tcp_checks: array(
      table({
        interval: duration('milliseconds'),
        timeout: duration('milliseconds'),
        grace_period: duration('milliseconds'),
      }),
      { wraps: true },
    ),
    http_checks: array(httpCheck(true), { wraps: true }),
    machine_checks: array(machineCheck),
  }),
  { wraps: true, opaque: SERVICES_OPAQUE },
);

const topLevelCheck = table({
  port: int,
  type: string,
  interval: duration('milliseconds'),
  timeout: duration('milliseconds'),
  grace_period: duration('milliseconds'),
  method: string,
  path: string,
  protocol: advised(['http', 'https']),
  tls_skip_verify: bool,
  tls_server_name: string,
  headers: { kind: 'headers' },
  processes: strings,
});

const mounts = array(
  table({
    source: string,
    destination: string,
    processes: strings,
    initial_size: { kind: 'size', numbers: true },
    snapshot_retention: int,
    scheduled_snapshots: bool,
    auto_extend_size_threshold: int,
    auto_extend_size_increment: { kind: 'size', numbers: false },
    auto_extend_size_limit: { kind: 'size', numbers: false },
  }),
  { wraps: true, opaque: 'inside [[mounts]]' },
);

const compute = array(vm(true), { wraps: true, opaque: 'inside [[vm]]' });

const metrics = array(table({ port, path: string, https: bool, processes: strings }), {
  wraps: true,
  opaque: 'inside [[metrics]]',
});

export const FLY_CONFIG: Spec = table({
  app: string,
  primary_region: string,
  kill_signal: string,
  kill_timeout: duration('seconds'),
  swap_size_mb: int,
  console_command: string,
  host_dedication_id: string,
  machine_config: string,
  container: string,
  processes: { kind: 'processes' },
  build: table({
    builder: string,
    image: string,
    builtin: string,
    dockerfile: string,
    ignorefile: string,
    'build-target': string,
    build_target: string, // renamed to build-target by patchBuild
    compression: { kind: 'enum', values: ['gzip', 'zstd'], enforced: true },
    compression_level: int,
    args: { kind: 'stringMap' },
    buildpacks: strings,
    settings: { kind: 'anyTable' },
    compose: table({ file: string }),
  }),
  deploy: table({
    strategy: {
      kind: 'enum',
      values: ['canary', 'rolling', 'immediate', 'bluegreen'],
      enforced: true,
      rule: 'deploy/strategy',
    },
    max_unavailable: { kind: 'float' },
    wait_timeout: duration('nanoseconds'),
    release_command: string,
    release_command_timeout: duration('nanoseconds'),
    release_command_vm: vm(false),
    seed_command: string,
  }),
  env: { kind: 'env' },
  http_service: table({
    internal_port: port,
    force_https: bool,
    auto_stop_machines: { kind: 'autostop' },
    auto_start_machines: bool,
    min_machines_running: { kind: 'int', advise: { min: 0 } },
    processes: strings,
    concurrency,
    tls_options: tlsOptions,
    http_options: httpOptions,
    checks: array(httpCheck(false)),
    machine_checks: array(machineCheck),
  }),
  services,
  checks: { kind: 'map', legacyArray: true, of: topLevelCheck },
  // Aliases flyctl's patches fold into vm, mounts and metrics before anything else looks at them.
  vm: compute,
  compute,
  computes: compute,
  mounts,
  mount: mounts,
  metrics,
  metric: metrics,
  statics: array(
    table({ guest_path: string, url_prefix: string, tigris_bucket: string, index_document: string }),
  ),
  files: array(
    table({
      guest_path: string,
      local_path: string,
      secret_name: string,
      raw_value: string,
      processes: strings,
    }),
  ),
  restart: array(
    table({
      policy: { kind: 'enum', values: ['always', 'on-failure', 'never'], enforced: true },
      retries: int,
      processes: strings,
    }),
  ),
  machine_checks: array(machineCheck),
  experimental: table({
    cmd: { kind: 'stringOrStrings' },
    entrypoint: { kind: 'stringOrStrings' },
    exec: { kind: 'stringOrStrings' },
    auto_rollback: bool,
    enable_consul: bool,
    enable_etcd: bool,
    lazy_load_images: bool,
    attached: table({ secrets: table({ export: { kind: 'stringMap' } }) }),
    machine_config: string,
    kill_timeout: { kind: 'legacy', of: duration('seconds'), movedTo: 'kill_timeout at the top level' },
    metrics_port: { kind: 'legacy', of: port, movedTo: '[[metrics]] port' },
    metrics_path: { kind: 'legacy', of: string, movedTo: '[[metrics]] path' },
  }),
});

/** Keys of the Nomad-era (Apps v1) format that Machines apps no longer read; old `flyctl launch` wrote them. */
export const LEGACY_KEYS: ReadonlySet<string> = new Set([
  'script_checks',
  'restart_limit',
  'allowed_public_ports',
  'private_network',
]);
