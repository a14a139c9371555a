/**
 * The validate command rejects broken configs and bad inputs, in-process on a recording host: each case must
 * fail (a CheckFailed) with the expected rule id, on the right file and line, with a fix, and no stack trace.
 * The bundle itself runs end to end in test/e2e/fly-validate.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate } from '../../src/commands/validate.js';
import { CheckFailed, InputError } from '../../src/domain/shared/errors.js';
import { git } from '../support/git.js';
import { repoRoot } from '../support/run-action.js';
import { testHost, type TestHost } from '../support/test-host.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'fly-validate');
const BASE = readFileSync(join(fixtures, 'base.toml'), 'utf8');
const DOCKERFILE = readFileSync(join(fixtures, 'Dockerfile'), 'utf8');

interface Case {
  name: string;
  toml?: string;
  dockerfile?: string;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  setup?: (dir: string) => void;
  rule: string;
  /** The finding's file; '' for environment findings. Default fly.toml. */
  file?: string;
  /** Text on the expected line of the finding's file. */
  lineWith?: string;
}

/** This project's readiness and [env] hygiene rules are warnings unless asked for. */
const POLICY_ERROR = { policy: 'error' };

const replace = (from: string, to: string) => {
  if (!BASE.includes(from)) throw new Error(`base.toml has no ${from}`);
  return BASE.replace(from, to);
};

const cases: Case[] = [
  {
    name: 'unterminated string',
    toml: replace('app = "fixture-app"', 'app = "fixture-app'),
    rule: 'toml/syntax',
    lineWith: 'app = "fixture-app',
  },
  {
    name: 'port as a string',
    toml: replace('internal_port = 8000', 'internal_port = "8000"'),
    rule: 'config/type',
    lineWith: 'internal_port',
  },
  {
    name: 'unknown strategy',
    toml: replace('strategy = "rolling"', 'strategy = "blue-green"'),
    rule: 'deploy/strategy',
    lineWith: 'blue-green',
  },
  {
    name: 'canary with mounts',
    toml:
      replace('strategy = "rolling"', 'strategy = "canary"') +
      '\n[[mounts]]\n  source = "data"\n  destination = "/data"\n',
    rule: 'deploy/canary-mounts',
    lineWith: 'strategy = "canary"',
  },
  {
    name: 'check interval under 2s',
    toml: BASE + '\n[checks.alive]\n  type = "tcp"\n  port = 8000\n  interval = "1s"\n',
    rule: 'checks/interval-min',
    lineWith: 'interval = "1s"',
  },
  {
    name: 'check timeout over 60s',
    toml: BASE + '\n[checks.alive]\n  type = "tcp"\n  port = 8000\n  timeout = "90s"\n',
    rule: 'checks/timeout-max',
    lineWith: 'timeout = "90s"',
  },
  {
    name: 'days are not a Go duration',
    toml: replace('grace_period = "30s"', 'grace_period = "1d"'),
    rule: 'duration/format',
    lineWith: 'grace_period = "1d"',
  },
  {
    name: 'memory not a size',
    toml: replace('memory = "2gb"', 'memory = "2 gigs"'),
    rule: 'config/memory',
    lineWith: 'memory = "2 gigs"',
  },
  {
    name: 'volume size not a size',
    toml: BASE + '\n[[mounts]]\n  source = "data"\n  destination = "/data"\n  initial_size = "big"\n',
    rule: 'config/size',
    lineWith: 'initial_size = "big"',
  },
  {
    name: 'volume under 1GB',
    toml: BASE + '\n[[mounts]]\n  source = "data"\n  destination = "/data"\n  initial_size = "512mb"\n',
    rule: 'mounts/initial-size',
    lineWith: 'initial_size = "512mb"',
  },
  {
    name: 'auto_stop_machines value',
    toml: replace('auto_stop_machines = "stop"', 'auto_stop_machines = "sometimes"'),
    rule: 'config/auto-stop',
    lineWith: 'sometimes',
  },
  {
    name: 'unknown key under strict',
    toml: replace('strategy = "rolling"', 'strategi = "rolling"'),
    inputs: { strict: 'true' },
    rule: 'config/unknown-key',
    lineWith: 'strategi',
  },
  {
    name: 'snapshot retention out of range',
    toml: BASE + '\n[[mounts]]\n  source = "data"\n  destination = "/data"\n  snapshot_retention = 90\n',
    rule: 'config/range',
    lineWith: 'snapshot_retention',
  },
  {
    name: 'restart policy value',
    toml: BASE + '\n[[restart]]\n  policy = "sometimes"\n',
    rule: 'config/enum',
    lineWith: 'policy = "sometimes"',
  },
  {
    name: 'service names an undefined process group',
    toml: replace('internal_port = 8000', 'internal_port = 8000\n  processes = ["worker"]'),
    rule: 'config/unknown-process',
    lineWith: 'processes = ["worker"]',
  },
  {
    name: 'missing app name',
    toml: replace('app = "fixture-app"\n', ''),
    rule: 'config/app-name',
    lineWith: undefined,
  },
  {
    name: 'missing primary region',
    inputs: POLICY_ERROR,
    toml: replace('primary_region = "sin"\n', ''),
    rule: 'ready/primary-region',
  },
  {
    name: 'no HTTP health check',
    inputs: POLICY_ERROR,
    toml: replace(
      '  [[http_service.checks]]\n    path = "/health"\n    grace_period = "30s"\n    interval = "30s"\n    timeout = "10s"\n',
      '',
    ),
    rule: 'ready/health-check',
    lineWith: '[http_service]',
  },
  {
    name: 'health check without grace period',
    inputs: POLICY_ERROR,
    toml: replace('    grace_period = "30s"\n', ''),
    rule: 'ready/grace-period',
    lineWith: '[[http_service.checks]]',
  },
  {
    name: 'health check on a port nothing serves',
    inputs: POLICY_ERROR,
    toml:
      BASE + '\n[checks.web]\n  type = "http"\n  port = 9000\n  path = "/health"\n  grace_period = "10s"\n',
    rule: 'ready/check-port',
    lineWith: 'port = 9000',
  },
  {
    name: 'no service at all',
    inputs: POLICY_ERROR,
    toml: 'app = "fixture-app"\nprimary_region = "sin"\n\n[[vm]]\n  cpus = 2\n  memory = "2gb"\n',
    rule: 'ready/service',
  },
  {
    name: 'GitHub token in [env]',
    inputs: POLICY_ERROR,
    toml: replace('LOG_LEVEL = "info"', 'CI_HELPER = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"'),
    rule: 'secrets/env-value',
    lineWith: 'CI_HELPER',
  },
  {
    name: 'Fly token in [env]',
    inputs: POLICY_ERROR,
    toml: replace('LOG_LEVEL = "info"', 'DEPLOYER = "FlyV1 fm2_lJPECAAAAAAAAMzKxBBQ"'),
    rule: 'secrets/env-value',
    lineWith: 'DEPLOYER',
  },
  {
    name: 'AWS key in [env]',
    inputs: POLICY_ERROR,
    toml: replace('LOG_LEVEL = "info"', 'S3_ACCESS = "AKIAIOSFODNN7EXAMPLE"'),
    rule: 'secrets/env-value',
    lineWith: 'S3_ACCESS',
  },
  {
    name: 'high-entropy value in [env]',
    inputs: POLICY_ERROR,
    toml: replace('LOG_LEVEL = "info"', 'SESSION_SALT = "q8Zr2Lx7Vt4Nw1Kp9Hs3Jd6Fg5Mb0Cy"'),
    rule: 'secrets/env-value',
    lineWith: 'SESSION_SALT',
  },
  {
    name: 'password-named [env] entry',
    inputs: POLICY_ERROR,
    toml: replace('LOG_LEVEL = "info"', 'DB_PASSWORD = "hunter2"'),
    rule: 'secrets/env-name',
    lineWith: 'DB_PASSWORD',
  },
  {
    name: '[processes] defined but a service names none',
    toml: BASE + '\n[processes]\n  app = "python -m app"\n',
    rule: 'config/service-processes',
    lineWith: '[http_service]',
  },
  {
    name: '[[services]] without processes while [processes] is defined',
    toml:
      replace('internal_port = 8000', 'internal_port = 8000\n  processes = ["app"]') +
      '\n[processes]\n  app = "python -m app"\n  worker = "python -m worker"\n\n[[services]]\n  internal_port = 9000\n  [[services.ports]]\n    port = 9000\n',
    rule: 'config/service-processes',
    lineWith: '[[services]]',
  },
  {
    name: 'restart policy missing',
    toml: BASE + '\n[[restart]]\n  retries = 3\n',
    rule: 'config/enum',
    lineWith: '[[restart]]',
  },
  {
    name: 'restart policy names an undefined process group',
    toml: BASE + '\n[[restart]]\n  policy = "always"\n  processes = ["worker"]\n',
    rule: 'config/unknown-process',
    lineWith: 'processes = ["worker"]',
  },
  {
    name: 'compression level outside 0-9',
    toml: BASE + '\n[build]\n  compression_level = 12\n',
    rule: 'config/range',
    lineWith: 'compression_level = 12',
  },
  {
    name: 'compression not gzip or zstd',
    toml: BASE + '\n[build]\n  compression = "brotli"\n',
    rule: 'config/enum',
    lineWith: 'compression = "brotli"',
  },
  {
    name: 'numeric build arg (flyctl does not convert [build.args])',
    toml: BASE + '\n[build.args]\n  NODE_VERSION = 22\n',
    rule: 'config/type',
    lineWith: 'NODE_VERSION = 22',
  },
  {
    name: 'a single [statics] table',
    toml: BASE + '\n[statics]\n  guest_path = "/app/public"\n  url_prefix = "/static"\n',
    rule: 'config/type',
    lineWith: '[statics]',
  },
  {
    name: 'a single [http_service.checks] table',
    toml: replace('[[http_service.checks]]', '[http_service.checks]'),
    rule: 'config/type',
    lineWith: '[http_service.checks]',
  },
  {
    name: '[[services.concurrency]] as an array',
    toml:
      BASE +
      '\n[[services]]\n  internal_port = 9000\n  [[services.ports]]\n    port = 9000\n  [[services.concurrency]]\n    hard_limit = 25\n',
    rule: 'config/type',
    lineWith: '[[services.concurrency]]',
  },
  {
    name: '[env] that is not a table',
    toml: replace('[env]\n  LOG_LEVEL = "info"\n', '').replace(
      '[deploy]',
      'env = "LOG_LEVEL=info"\n\n[deploy]',
    ),
    rule: 'config/type',
    lineWith: 'env = "LOG_LEVEL=info"',
  },
  {
    name: 'release_command with an unclosed quote',
    toml: replace('strategy = "rolling"', 'strategy = "rolling"\n  release_command = "python -c \'print(1)"'),
    rule: 'config/command',
    lineWith: 'release_command',
  },
  {
    name: '[processes] command ending in a backslash',
    toml:
      replace('internal_port = 8000', 'internal_port = 8000\n  processes = ["app"]') +
      '\n[processes]\n  app = "python -m app \\\\"\n',
    rule: 'config/command',
    lineWith: 'app = "python -m app',
  },
  {
    name: 'auto-extend threshold without an increment',
    toml:
      BASE + '\n[[mounts]]\n  source = "data"\n  destination = "/data"\n  auto_extend_size_threshold = 80\n',
    rule: 'mounts/auto-extend',
    lineWith: 'auto_extend_size_threshold',
  },
  {
    name: 'strict: an old key in [experimental]',
    toml: BASE + '\n[experimental]\n  allowed_public_ports = []\n',
    inputs: { strict: 'true' },
    rule: 'config/unknown-key',
    lineWith: 'allowed_public_ports',
  },
  {
    name: 'strict: an unknown key in [http_service.http_options.response]',
    toml: replace(
      'auto_stop_machines = "stop"',
      'auto_stop_machines = "stop"\n  [http_service.http_options.response]\n    read_timeout = 60',
    ),
    inputs: { strict: 'true' },
    rule: 'config/unknown-key',
    lineWith: 'read_timeout',
  },
  {
    name: 'final stage runs as root',
    dockerfile:
      'FROM python:3.12.7-slim AS build\nRUN true\n\nFROM python:3.12.7-slim\nCOPY --from=build /x /x\nCMD ["python"]\n',
    rule: 'docker/root-user',
    file: 'Dockerfile',
    lineWith: 'FROM python:3.12.7-slim\n',
  },
  {
    name: 'explicit USER root',
    dockerfile: DOCKERFILE.replace('USER 10001', 'USER root'),
    rule: 'docker/root-user',
    file: 'Dockerfile',
    lineWith: 'USER root',
  },
  {
    name: 'base image on latest',
    dockerfile: DOCKERFILE.replace('AS build', 'AS build').replace(
      'FROM python:3.12.7-slim-bookworm AS build',
      'FROM python:latest AS build',
    ),
    rule: 'docker/unpinned-base',
    file: 'Dockerfile',
    lineWith: 'FROM python:latest',
  },
  {
    name: 'untagged base image',
    dockerfile: DOCKERFILE.replace('FROM python:3.12.7-slim-bookworm\n', 'FROM ubuntu\n'),
    rule: 'docker/unpinned-base',
    file: 'Dockerfile',
    lineWith: 'FROM ubuntu',
  },
  {
    name: 'Dockerfile named in [build] is missing',
    toml: BASE + '\n[build]\n  dockerfile = "Dockerfile.prod"\n',
    rule: 'docker/missing',
  },
  {
    name: 'config path matches nothing',
    inputs: { config: 'missing/fly.toml' },
    rule: 'config/not-found',
    file: '',
  },
  {
    name: 'required secret not set',
    inputs: { 'required-secrets': 'DATABASE_URL' },
    rule: 'secrets/required-missing',
    file: '',
  },
  {
    name: 'required secret empty',
    inputs: { 'required-secrets': 'OPENAI_API_KEY' },
    env: { OPENAI_API_KEY: '' },
    rule: 'secrets/required-missing',
    file: '',
  },
  {
    name: 'no Fly token when required',
    inputs: { 'require-fly-token': 'true' },
    rule: 'auth/token-missing',
    file: '',
  },
  {
    name: 'empty FLY_ACCESS_TOKEN shadows FLY_API_TOKEN',
    inputs: { 'require-fly-token': 'true' },
    env: { FLY_ACCESS_TOKEN: '', FLY_API_TOKEN: 'FlyV1 fm2_shadowedtokenvalue' },
    rule: 'auth/token-shadowed',
    file: '',
  },
  { name: 'not a git checkout', inputs: { 'require-clean-git': 'true' }, rule: 'git/not-a-repo', file: '' },
  {
    name: 'dirty git tree',
    inputs: { 'require-clean-git': 'true' },
    setup: (dir) => {
      git(dir, 'init', '-q');
      git(dir, 'add', '-A');
      git(dir, 'commit', '-qm', 'init');
      writeFileSync(join(dir, 'stray.txt'), 'uncommitted');
    },
    rule: 'git/dirty',
    file: '',
  },
];

/** What flyctl normalises or only warns about: the step passes; `rule` (if any) is a warning or notice on `lineWith`. */
interface Accepted {
  name: string;
  toml: string;
  inputs?: Record<string, string>;
  rule?: string;
  lineWith?: string;
}

/** A [[services]] entry on port 9000, with `keys` written before its ports table. */
const service = (keys = '', port = 'port = 9000') =>
  `\n[[services]]\n  internal_port = 9000\n${keys}  [[services.ports]]\n    ${port}\n`;

const accepted: Accepted[] = [
  {
    name: 'bare integer in a nanosecond field (flyctl loads it and raises it to 1s)',
    toml: replace('interval = "30s"', 'interval = 30'),
    rule: 'duration/bare-number',
    lineWith: 'interval = 30',
  },
  {
    name: 'bare wait_timeout (nanoseconds)',
    toml: replace('strategy = "rolling"', 'strategy = "rolling"\n  wait_timeout = 300'),
    rule: 'duration/bare-number',
    lineWith: 'wait_timeout = 300',
  },
  {
    name: 'bare kill_timeout (seconds)',
    toml: replace('primary_region = "sin"', 'primary_region = "sin"\nkill_timeout = 5'),
    rule: 'duration/bare-number',
    lineWith: 'kill_timeout = 5',
  },
  {
    name: 'grace period over a minute (flyctl lowers it)',
    toml: replace('grace_period = "30s"', 'grace_period = "2m"'),
    rule: 'checks/service-duration',
    lineWith: 'grace_period = "2m"',
  },
  {
    name: 'a [[services]] entry without ports',
    toml: BASE + '\n[[services]]\n  internal_port = 9000\n',
    rule: 'config/service-ports',
    lineWith: '[[services]]',
  },
  {
    name: 'more than one build strategy',
    toml: BASE + '\n[build]\n  image = "registry.fly.io/app:1"\n  dockerfile = "Dockerfile"\n',
    rule: 'config/build-strategy',
    lineWith: '[build]',
  },
  {
    name: 'strict: unknown keys inside [[services]] (flyctl strict mode does not look there)',
    toml: BASE + service('  auto_machine_start = true\n'),
    inputs: { strict: 'true' },
    rule: 'config/unknown-key',
    lineWith: 'auto_machine_start',
  },
  {
    name: 'strict: Nomad-era script_checks in [[services]]',
    toml: BASE + service('  script_checks = []\n'),
    inputs: { strict: 'true' },
    rule: 'config/unknown-key',
    lineWith: 'script_checks',
  },
  {
    name: 'a port outside 1-65535 (flyctl does not check it)',
    toml: BASE + service('', 'port = 70000'),
    rule: 'config/range',
    lineWith: 'port = 70000',
  },
  {
    name: 'processes = [] (old flyctl launch output)',
    toml: replace('primary_region = "sin"', 'primary_region = "sin"\nprocesses = []'),
  },
  {
    name: 'a string port in [[services.ports]]',
    toml: BASE + service('', 'port = "9000"'),
  },
  {
    name: 'a string internal_port in [[services]]',
    toml: BASE + service().replace('internal_port = 9000', 'internal_port = "9000"'),
  },
  { name: 'the old "soft,hard" concurrency string', toml: BASE + service('  concurrency = "20,25"\n') },
  {
    name: 'an [[env]] list',
    toml: replace('[env]\n  LOG_LEVEL = "info"', '[[env]]\n  LOG_LEVEL = "info"\n[[env]]\n  PORT = 8000'),
  },
  {
    name: 'numbers and booleans in [env]',
    toml: replace('LOG_LEVEL = "info"', 'PORT = 8000\n  DEBUG = false'),
  },
  {
    name: 'a single [vm] table and [mount] alias',
    toml: replace('[[vm]]', '[vm]') + '\n[mount]\n  source = "data"\n  destination = "/data"\n',
  },
  {
    name: 'initial_size in decimal units ("1000mb" is 1 GB)',
    toml: BASE + '\n[[mounts]]\n  source = "data"\n  destination = "/data"\n  initial_size = "1000mb"\n',
  },
  {
    name: 'auto_extend_size_threshold = 0 (unset)',
    toml:
      BASE + '\n[[mounts]]\n  source = "data"\n  destination = "/data"\n  auto_extend_size_threshold = 0\n',
  },
  { name: 'empty http_checks = [] in [[services]]', toml: BASE + service('  http_checks = []\n') },
  {
    name: 'the old [[checks]] list with names',
    toml: BASE + '\n[[checks]]\n  name = "alive"\n  type = "tcp"\n  port = 8000\n  interval = "15s"\n',
    // flyctl loads it; only its strict mode reports the `name` key, so a notice here.
    rule: 'config/unknown-key',
    lineWith: 'name = "alive"',
  },
  {
    name: 'policy warn: no primary region is a warning',
    toml: replace('primary_region = "sin"\n', ''),
    rule: 'ready/primary-region',
  },
  {
    name: 'policy warn: a token in [env] is a warning',
    toml: replace('LOG_LEVEL = "info"', 'CI_HELPER = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"'),
    rule: 'secrets/env-value',
    lineWith: 'CI_HELPER',
  },
  {
    name: 'NODE_OPTIONS flags and a cookie name in [env]',
    toml: replace(
      'LOG_LEVEL = "info"',
      'NODE_OPTIONS = "--max-old-space-size=4096"\n  SESSION_KEY = "_app-session"',
    ),
    inputs: POLICY_ERROR,
  },
];

function workspace(c: Case): string {
  const dir = mkdtempSync(join(tmpdir(), 'fly-validate-case-'));
  writeFileSync(join(dir, 'fly.toml'), c.toml ?? BASE);
  writeFileSync(join(dir, 'Dockerfile'), c.dockerfile ?? DOCKERFILE);
  c.setup?.(dir);
  return dir;
}

function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`fixture has no ${needle}`);
  return text.slice(0, index).split('\n').length;
}

async function run(dir: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}) {
  const host = testHost({ action: 'fly-validate', inputs, context: { workspace: dir, env } });
  const error = await validate(host).then(
    () => undefined,
    (e: unknown) => e,
  );
  return { host, error };
}

const errorsOf = (host: TestHost) => host.logs.filter((l) => l.level === 'error');

describe('fly-validate rejects broken configs', () => {
  it('has at least 25 cases, and the base fixture on its own passes', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    const { host, error } = await run(workspace({ name: 'base', rule: '' }), {
      strict: 'true',
      'require-clean-git': 'false',
    });
    expect(errorsOf(host)).toEqual([]);
    expect(error).toBeUndefined();
    expect(host.outputs.valid).toBe('true');
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const { host, error } = await run(workspace(c), { 'require-clean-git': 'false', ...c.inputs }, c.env);
    expect(error).toBeInstanceOf(CheckFailed);
    expect(host.outputs.valid).toBe('false');
    const file =
      c.file ?? (c.rule.startsWith('docker/') && c.rule !== 'docker/missing' ? 'Dockerfile' : 'fly.toml');
    const hit = errorsOf(host).find((l) => l.where?.title === c.rule);
    expect(hit).toBeDefined();
    expect(hit?.where?.file).toBe(file || undefined);
    expect(hit?.message).toContain('Fix: ');
    if (c.lineWith) {
      const source = c.rule.startsWith('docker/') ? (c.dockerfile ?? DOCKERFILE) : (c.toml ?? BASE);
      expect(hit?.where?.line).toBe(lineOf(source, c.lineWith));
    }
    const report = JSON.parse(readFileSync(host.outputs.report as string, 'utf8'));
    expect(report.findings.some((f: { rule: string }) => f.rule === c.rule)).toBe(true);
    expect(host.summaries.join('\n')).toContain(c.rule);
    expect(host.allText()).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  });
});

describe('fly-validate accepts what flyctl accepts', () => {
  it.each(accepted.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const { host, error } = await run(workspace({ name: c.name, toml: c.toml, rule: '' }), {
      'require-clean-git': 'false',
      ...c.inputs,
    });
    expect(errorsOf(host)).toEqual([]);
    expect(error).toBeUndefined();
    expect(host.outputs.valid).toBe('true');
    const fromConfig = host.logs.filter(
      (l) => (l.level === 'warning' || l.level === 'notice') && l.where?.file === 'fly.toml',
    );
    if (!c.rule) {
      expect(fromConfig.filter((l) => l.where?.title !== 'ready/vm-resources')).toEqual([]);
      return;
    }
    const hit = fromConfig.find((l) => l.where?.title === c.rule);
    expect(hit).toBeDefined();
    expect(hit?.message).toContain('Fix: ');
    if (c.lineWith) expect(hit?.where?.line).toBe(lineOf(c.toml, c.lineWith));
  });

  it('says strict mode rejects a key only where flyctl’s strict mode looks', async () => {
    const toml =
      replace('auto_stop_machines = "stop"', 'auto_stop_machines = "stop"\n  max_machines_running = 2') +
      service('  auto_machine_start = true\n');
    const { host } = await run(workspace({ name: 'strict', toml, rule: '' }), {
      strict: 'true',
      'require-clean-git': 'false',
    });
    const rejected = errorsOf(host).find((l) => l.where?.title === 'config/unknown-key');
    expect(rejected?.message).toContain(
      '`config validate --strict` rejects it (as `http_service.max_machines_running`)',
    );
    const ignored = host.logs.find((l) => l.level === 'warning' && l.where?.title === 'config/unknown-key');
    expect(ignored?.message).toContain('does not look inside [[services]]');
    expect(ignored?.message).not.toContain('rejects');
  });

  it('holds the repository apps to everything: strict and policy error', async () => {
    const { host, error } = await run(repoRoot, {
      config: 'apps/*/fly.toml',
      strict: 'true',
      policy: 'error',
      'require-clean-git': 'false',
    });
    expect(errorsOf(host)).toEqual([]);
    expect(host.logs.filter((l) => l.level === 'warning')).toEqual([]);
    expect(error).toBeUndefined();
    expect(JSON.parse(readFileSync(host.outputs.report as string, 'utf8')).files).toEqual([
      'apps/backend-rag/fly.toml',
      'apps/mouth/fly.toml',
    ]);
  });
});

describe('fly-validate with nothing to validate', () => {
  it.each([
    ['a glob that matches nothing', 'apps/*/fly.toml', 'No fly.toml matches "apps/*/fly.toml"'],
    ['a match removed by an exclusion', 'fly.toml\n!fly.toml', 'once !fly.toml are excluded'],
  ])('%s is an error, never valid', async (_name, config, text) => {
    const { host, error } = await run(workspace({ name: 'none', rule: '' }), {
      config,
      'require-clean-git': 'false',
    });
    expect(error).toBeInstanceOf(CheckFailed);
    expect(host.outputs.valid).toBe('false');
    const hit = errorsOf(host).find((l) => l.where?.title === 'config/not-found');
    expect(hit?.message).toContain(text);
    const report = JSON.parse(readFileSync(host.outputs.report as string, 'utf8'));
    expect(report).toMatchObject({ valid: false, files: [] });
  });
});

describe('fly-validate rejects bad inputs with one clear error', () => {
  const bad: [string, Record<string, string>, RegExp][] = [
    ['strict', { strict: 'maybe' }, /Input 'strict': "maybe" is not a boolean\. Use true or false\./],
    [
      'flyctl-validate',
      { 'flyctl-validate': 'perhaps' },
      /Input 'flyctl-validate': "perhaps" is not one of the accepted values\. Use one of: auto, true, false\./,
    ],
    [
      'required-secrets',
      { 'required-secrets': '1BAD-NAME' },
      /Input 'required-secrets': "1BAD-NAME" is not a valid variable name/,
    ],
    ['config', { config: 'apps/[unclosed' }, /Input 'config': "apps\/\[unclosed" is not a valid glob/],
    [
      'config of exclusions only',
      { config: '!apps/old/fly.toml' },
      /Input 'config': names no file: it holds only ! exclusions/,
    ],
    [
      'policy',
      { policy: 'strict' },
      /Input 'policy': "strict" is not one of the accepted values\. Use one of: warn, error\./,
    ],
    [
      'require-clean-git',
      { 'require-clean-git': 'yes please' },
      /Input 'require-clean-git': "yes please" is not a boolean/,
    ],
  ];
  it.each(bad)('%s', async (_name, inputs, message) => {
    const { host, error } = await run(workspace({ name: 'input', rule: '' }), inputs);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    // Refused before anything ran: nothing reported, nothing written.
    expect(host.logs).toEqual([]);
    expect(host.outputs).toEqual({});
  });
});
