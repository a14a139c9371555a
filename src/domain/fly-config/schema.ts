/**
 * The fly.toml model as flyctl decodes it (flyctl-contract §7: internal/appconfig + fly-go). Data only:
 * the checker in model.ts walks a parsed document against it.
 */

/** How flyctl reads a bare number in a duration field (§7 "Duration formats"). */
export type BareNumberUnit = 'seconds' | 'milliseconds' | 'nanoseconds';

export type Spec =
  | { kind: 'string' }
  | { kind: 'int'; min?: number; max?: number }
  | { kind: 'float' }
  | { kind: 'bool' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'duration'; bare: BareNumberUnit }
  | { kind: 'memory' }
  | { kind: 'size'; bareUnit: 'GB' }
  | { kind: 'autostop' }
  | { kind: 'strings' }
  | { kind: 'stringOrStrings' }
  | { kind: 'scalarMap' }
  | { kind: 'anyTable' }
  | { kind: 'table'; fields: Readonly<Record<string, Spec>> }
  /** `[[x]]`; `single` also accepts a plain `[x]` table, as flyctl does for vm, mounts and metrics. */
  | { kind: 'array'; of: Spec; single?: boolean }
  | { kind: 'map'; of: Spec; legacyArray?: boolean };

const string: Spec = { kind: 'string' };
const int: Spec = { kind: 'int' };
const bool: Spec = { kind: 'bool' };
const strings: Spec = { kind: 'strings' };
const stringMap: Spec = { kind: 'scalarMap' };
const table = (fields: Record<string, Spec>): Spec => ({ kind: 'table', fields });
const array = (of: Spec, single = false): Spec => ({ kind: 'array', of, single });
const duration = (bare: BareNumberUnit): Spec => ({ kind: 'duration', bare });

const concurrency = table({
  type: { kind: 'enum', values: ['connections', 'requests'] },
  hard_limit: int,
  soft_limit: int,
});

const httpCheckFields = (bare: BareNumberUnit) => ({
  interval: duration(bare),
  timeout: duration(bare),
  grace_period: duration(bare),
  method: string,
  path: string,
  protocol: { kind: 'enum', values: ['http', 'https'] } as Spec,
  tls_skip_verify: bool,
  tls_server_name: string,
  headers: stringMap,
});

const machineCheck = table({
  command: { kind: 'stringOrStrings' },
  image: string,
  entrypoint: { kind: 'stringOrStrings' },
  kill_signal: string,
  kill_timeout: duration('nanoseconds'),
});

const vm = table({
  size: string,
  memory: { kind: 'memory' },
  cpus: { kind: 'int', min: 1 },
  cpu_kind: { kind: 'enum', values: ['shared', 'performance'] },
  memory_mb: { kind: 'int', min: 1 },
  max_memory_mb: int,
  gpus: int,
  gpu_kind: string,
  kernel_args: { kind: 'stringOrStrings' },
  host_dedication_id: string,
  persist_rootfs: { kind: 'enum', values: ['never', 'always', 'restart'] },
  processes: strings,
});

const serviceCommon = {
  internal_port: { kind: 'int', min: 1, max: 65535 } as Spec,
  auto_stop_machines: { kind: 'autostop' } as Spec,
  auto_start_machines: bool,
  min_machines_running: { kind: 'int', min: 0 } as Spec,
  processes: strings,
  concurrency,
};

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
  processes: { kind: 'map', of: string },
  build: table({
    builder: string,
    image: string,
    builtin: string,
    dockerfile: string,
    ignorefile: string,
    'build-target': string,
    build_target: string,
    compression: { kind: 'enum', values: ['gzip', 'zstd'] },
    compression_level: int,
    args: stringMap,
    buildpacks: strings,
    settings: { kind: 'anyTable' },
    compose: table({ file: string }),
  }),
  deploy: table({
    strategy: { kind: 'enum', values: ['rolling', 'immediate', 'canary', 'bluegreen'] },
    max_unavailable: { kind: 'float' },
    wait_timeout: duration('nanoseconds'),
    release_command: string,
    release_command_timeout: duration('nanoseconds'),
    release_command_vm: vm,
    seed_command: string,
  }),
  env: stringMap,
  http_service: table({
    ...serviceCommon,
    force_https: bool,
    tls_options: { kind: 'anyTable' },
    http_options: { kind: 'anyTable' },
    checks: array(table(httpCheckFields('nanoseconds'))),
    machine_checks: array(machineCheck),
  }),
  services: array(
    table({
      ...serviceCommon,
      protocol: { kind: 'enum', values: ['tcp', 'udp'] },
      ports: array(
        table({
          port: { kind: 'int', min: 1, max: 65535 },
          start_port: int,
          end_port: int,
          handlers: strings,
          force_https: bool,
          tls_options: { kind: 'anyTable' },
          http_options: { kind: 'anyTable' },
          proxy_proto_options: { kind: 'anyTable' },
        }),
      ),
      tcp_checks: array(
        table({
          interval: duration('milliseconds'),
          timeout: duration('milliseconds'),
          grace_period: duration('milliseconds'),
        }),
      ),
      http_checks: array(table(httpCheckFields('milliseconds'))),
      machine_checks: array(machineCheck),
    }),
  ),
  checks: {
    kind: 'map',
    legacyArray: true,
    of: table({
      ...httpCheckFields('milliseconds'),
      name: string,
      type: { kind: 'enum', values: ['http', 'tcp'] },
      port: { kind: 'int', min: 1, max: 65535 },
      processes: strings,
    }),
  },
  vm: array(vm, true),
  compute: array(vm, true),
  computes: array(vm, true),
  mounts: array(
    table({
      source: string,
      destination: string,
      processes: strings,
      initial_size: { kind: 'size', bareUnit: 'GB' },
      snapshot_retention: { kind: 'int', min: 1, max: 60 },
      scheduled_snapshots: bool,
      auto_extend_size_threshold: { kind: 'int', min: 50, max: 99 },
      auto_extend_size_increment: { kind: 'size', bareUnit: 'GB' },
      auto_extend_size_limit: { kind: 'size', bareUnit: 'GB' },
    }),
    true,
  ),
  metrics: array(
    table({ port: { kind: 'int', min: 1, max: 65535 }, path: string, https: bool, processes: strings }),
    true,
  ),
  statics: array(
    table({
      guest_path: string,
      url_prefix: string,
      tigris_bucket: string,
      index_document: string,
      processes: strings,
    }),
    true,
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
      policy: { kind: 'enum', values: ['always', 'never', 'on-failure'] },
      retries: int,
      processes: strings,
    }),
  ),
  machine_checks: array(machineCheck),
  experimental: { kind: 'anyTable' },
});

/** Keys that are aliases of one another, as flyctl's loader accepts them. */
export const ALIASES: Readonly<Record<string, string>> = { mount: 'mounts', compute: 'vm', computes: 'vm' };
