import { describe, expect, it } from '@jest/globals';
import { KeyLines } from '../../../src/domain/fly-config/locate.js';
import {
  castToInt,
  castToString,
  parseFlySize,
  shellSplitError,
} from '../../../src/domain/fly-config/go-parsers.js';
import { sizeInMiB } from '../../../src/domain/fly-config/model.js';
import { validateFlyConfig } from '../../../src/domain/fly-config/validate.js';
import { checkDockerfile } from '../../../src/domain/validate/dockerfile-policy.js';
import {
  looksLikeSecretName,
  secretNameKind,
  secretValueKind,
} from '../../../src/domain/shared/secret-detect.js';

describe('KeyLines', () => {
  const source = [
    'app = "a"', // 1
    '[http_service]', // 2
    '  internal_port = 8080', // 3
    '  [[http_service.checks]]', // 4
    '    path = "/a"', // 5
    '  [[http_service.checks]]', // 6
    '    path = "/b"', // 7
    '[[services]]', // 8
    '  [[services.ports]]', // 9
    '    port = 80', // 10
    '[[services]]', // 11
    '  [[services.ports]]', // 12
    '    port = 443', // 13
    'description = """', // 14
    'fake = "not a key"', // 15
    '"""', // 16
    'env.LOG = "x"', // 17
  ].join('\n');
  const lines = new KeyLines(source);
  it.each([
    ['app', 1],
    ['http_service.internal_port', 3],
    ['http_service.checks[1].path', 7],
    ['http_service.checks[1].timeout', 6],
    ['services[1].ports[0].port', 13],
    ['services[0].ports[0].port', 10],
    ['http_service.checks', 4],
    ['services[1].ports[0].env.LOG', 17],
    ['fake', undefined],
  ])('%s is on line %s', (path, line) => expect(lines.lineOf(path)).toBe(line));
});

describe('fly.toml model', () => {
  it('reads memory sizes like docker units.RAMInBytes', () => {
    expect(sizeInMiB('1gb')).toBe(1024);
    expect(sizeInMiB('512MB')).toBe(512);
    expect(sizeInMiB('2GiB')).toBe(2048);
    expect(sizeInMiB('lots')).toBeUndefined();
  });

  it('explains how flyctl reads bare numbers, field by field', () => {
    const { findings } = validateFlyConfig(
      'app = "a"\nprimary_region = "sin"\nkill_timeout = 5\n[http_service]\ninternal_port = 80\n[[http_service.checks]]\ninterval = 10\ngrace_period = "5s"\n[[services]]\ninternal_port = 81\n[[services.tcp_checks]]\ninterval = 10000\n',
      'fly.toml',
      { strict: false },
    );
    const bare = findings.filter((f) => f.rule === 'duration/bare-number');
    // All three load; flyctl warns at most, so these are warnings that say which unit it uses.
    expect(bare.map((f) => [f.line, f.severity])).toEqual([
      [3, 'warning'],
      [7, 'warning'],
      [12, 'warning'],
    ]);
    expect(bare[0]?.message).toContain('reads as seconds here (5s)');
    expect(bare[1]?.message).toContain('10 nanoseconds');
    expect(bare[1]?.fix).toBe('Write it as a string with a unit: interval = "10s".');
    expect(bare[2]?.message).toContain('reads as milliseconds here (10s)');
  });

  it('suggests the nearest known key for a typo, as a warning unless strict', () => {
    const text = 'app = "a"\nprimary_reigon = "sin"\n';
    const loose = validateFlyConfig(text, 'fly.toml', { strict: false }).findings.find(
      (f) => f.rule === 'config/unknown-key',
    );
    expect(loose?.severity).toBe('warning');
    expect(loose?.fix).toContain('Did you mean `primary_region`?');
    expect(
      validateFlyConfig(text, 'fly.toml', { strict: true }).findings.find(
        (f) => f.rule === 'config/unknown-key',
      )?.severity,
    ).toBe('error');
  });

  it('accepts flyctl aliases and legacy forms', () => {
    const { findings } = validateFlyConfig(
      'app = "a"\nprimary_region = "sin"\n[mounts]\nsource = "d"\ndestination = "/d"\ninitial_size = 10\n[[compute]]\nsize = "shared-cpu-2x"\n[http_service]\ninternal_port = 80\nauto_stop_machines = true\n[[http_service.checks]]\npath = "/"\ngrace_period = "10s"\n',
      'fly.toml',
      { strict: true },
    );
    expect(findings).toEqual([]);
  });

  const rulesOf = (text: string, strict = false) =>
    validateFlyConfig(`app = "a"\nprimary_region = "sin"\n${text}`, 'fly.toml', { strict })
      .findings.filter((f) => f.severity === 'error')
      .map((f) => f.rule);

  it.each([
    ['[http_service]\ninternal_port = "8080"\n', ['config/type']],
    ['[[services]]\ninternal_port = "8080"\n[[services.ports]]\nport = "80"\n', []],
    ['[[mounts]]\nsource = "d"\ndestination = "/d"\ninitial_size = "1500mb"\n', []],
    ['[[mounts]]\nsource = "d"\ndestination = "/d"\ninitial_size = "500mb"\n', ['mounts/initial-size']],
    ['[[mounts]]\nsource = "d"\ndestination = "/d"\nauto_extend_size_increment = 10\n', ['config/type']],
    [
      '[[mounts]]\nsource = "d"\ndestination = "/d"\nauto_extend_size_threshold = 80\nauto_extend_size_increment = "1gb"\nauto_extend_size_limit = "600gb"\n',
      ['mounts/auto-extend'],
    ],
    ['[[vm]]\ncpus = 0\nmemory_mb = 0\n', []],
    ['[[vm]]\nmemory = "512kb"\n', ['config/memory']],
    ['[deploy]\nrelease_command_vm = { memory = 1024 }\n', ['config/type']],
    [
      '[[services]]\ninternal_port = 8080\n[[services.machine_checks]]\ncommand = "curl x"\n',
      ['config/type'],
    ],
    ['[experimental]\ncmd = "serve"\n', []],
    ['[experimental]\ncmd = ["serve", 1]\n', ['config/type']],
  ])('%j: %j', (text, rules) => expect(rulesOf(text)).toEqual(rules));

  it('lists the unknown keys exactly as `config validate --strict` would, in either mode', () => {
    const text = [
      'http = true',
      '[experimental]',
      'kill_timeout = 5',
      '[http_service]',
      'internal_port = 8080',
      'max_machines_running = 2',
      '[[http_service.checks]]',
      'type = "http"',
      '[[checks]]',
      'name = "alive"',
      'type = "tcp"',
      'port = 8080',
      '[[services]]',
      'internal_port = 8080',
      'script_checks = []',
      '[[services.ports]]',
      'port = 80',
      '[[vm]]',
      'swap_size_mb = 512',
    ].join('\n');
    for (const strict of [false, true]) {
      const result = validateFlyConfig(`app = "a"\n${text}\n`, 'fly.toml', { strict });
      expect(result.strictKeys).toEqual([
        'checks.alive.name',
        'experimental.kill_timeout',
        'http',
        'http_service.checks[0].type',
        'http_service.max_machines_running',
      ]);
      const unknown = result.findings.filter((f) => f.rule === 'config/unknown-key');
      expect(unknown.filter((f) => f.severity === 'error')).toHaveLength(strict ? 5 : 0);
      expect(unknown.find((f) => f.message.includes('swap_size_mb'))?.fix).toContain('is a top-level key');
    }
  });

  it('makes readiness and [env] hygiene errors only under policy error', () => {
    const text = 'app = "a"\n[env]\nDB_PASSWORD = "hunter2"\n';
    const severities = (policy: 'warn' | 'error') =>
      validateFlyConfig(text, 'fly.toml', { strict: false, policy })
        .findings.filter((f) => /^(ready|secrets)\//.test(f.rule))
        .map((f) => f.severity);
    expect(new Set(severities('warn'))).toEqual(new Set(['warning']));
    expect(new Set(severities('error'))).toEqual(new Set(['error']));
  });

  it('never shows a value that may be a secret in a finding', () => {
    const secret = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    const { findings } = validateFlyConfig(
      `app = "a"\n[env]\nLIST = ["${secret}"]\n[build]\nargs = { TOKEN = { v = "${secret}" } }\nkill_signal = ["${secret}"]\n`,
      'fly.toml',
      { strict: true, policy: 'error' },
    );
    expect(findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['config/converted', 'config/type']));
    expect(JSON.stringify(findings)).not.toContain('ghp_');
  });

  it('does not quote the source in syntax errors (it may hold a secret)', () => {
    const { findings } = validateFlyConfig('[env]\nTOKEN = "ghp_secretvalue1234567890\n', 'fly.toml', {
      strict: false,
    });
    expect(findings[0]?.rule).toBe('toml/syntax');
    expect(findings[0]?.line).toBe(2);
    expect(JSON.stringify(findings)).not.toContain('ghp_secretvalue');
  });
});

describe('the Go parsers flyctl runs on values', () => {
  it.each([
    ['python -m app', undefined],
    ['bin/rails db:migrate && echo "done"', undefined],
    ["sh -c 'echo hi'", undefined],
    ["run # it's a comment", undefined],
    ['echo it#s', undefined],
    ['echo "unclosed', 'EOF found when expecting closing quote'],
    ["echo 'unclosed", 'EOF found when expecting closing quote'],
    ['echo trailing \\', 'EOF found after escape character'],
    ['echo "trailing \\', 'EOF found after escape character'],
  ])('google/shlex splits %j: %s', (text, error) => expect(shellSplitError(text)).toBe(error));

  it.each([
    ['10', 10],
    ['10gb', 10],
    ['10GB', 10],
    ['10 G', 10],
    ['10GiB', 10],
    ['1000mb', 1],
    ['1500mb', 1],
    ['500mb', 0],
    ['big', undefined],
    ['10 gigs', undefined],
    ['-1gb', undefined],
  ])('volume size %j is %s GB (decimal units, truncated)', (text, gb) =>
    expect(parseFlySize(text, 'volume-gb')).toBe(gb),
  );

  it('reads memory in binary units per MiB, a bare integer already being MiB', () => {
    expect(parseFlySize('1024', 'memory-mib')).toBe(1024);
    expect(parseFlySize('1gb', 'memory-mib')).toBe(1024);
    expect(parseFlySize('512kb', 'memory-mib')).toBe(0);
  });

  it('casts ports the way the loader does', () => {
    expect([castToInt('80'), castToInt(80.9), castToInt('+8'), castToInt(' 80'), castToInt(true)]).toEqual([
      80,
      80,
      8,
      undefined,
      undefined,
    ]);
  });

  it("prints a table as Go's %v prints a map: keys in byte order, whatever the machine's locale", () => {
    expect(castToString({ b: 1, B: [2, 'x'], a: { z: true, Z: 'y' } })).toBe(
      'map[B:[2 x] a:map[Z:y z:true] b:1]',
    );
  });
});

describe('secret detection', () => {
  it.each([
    'FlyV1 fm2_abc',
    'ghp_0123456789abcdefghijABCDEFGHIJ',
    'sk-abcdefghijklmnop1234',
    'AKIAIOSFODNN7EXAMPLE',
    'https://user:pw@db.example.com/x',
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abc',
  ])('flags %s', (value) => expect(secretValueKind(value)).toBeDefined());
  it.each([
    'info',
    'production',
    'https://nuzantara-rag.fly.dev/health',
    '/usr/local/lib/python3.12/site-packages',
    'nuzantara-rag.internal',
    '8000',
    '--max-old-space-size=4096',
    '_penny-session',
    'race_of_sloths_bot=TRACE,race-of-sloths-server=TRACE',
    'mainnet,optimism,fantom,arbitrum,polygon,sepolia,avalanche,avalanche-fuji,scroll,scroll-sepolia,base',
    'api.filspark.com',
    'jdbc:postgresql://drs-postgres.internal:5432/dancerush_songs',
    'v1.24.3-beta.1',
    '0xd4ec730ab062f20460727710fce70664948a6bc9',
    'Monolog\\Formatter\\JsonFormatter',
    'ApplicationConfigurationManagerService',
  ])('leaves %s alone', (value) => expect(secretValueKind(value)).toBeUndefined());
  it.each([
    'redis://:Sup3rS3cret@cache.internal:6379',
    'https://api.example.com/v1?api_key=q8Zr2Lx7Vt4Nw1Kp',
    'q8Zr2Lx7Vt4Nw1Kp9Hs3Jd6Fg5Mb0Cy',
    'SG.abcdefghijklmnopqrstuv.ABCDEFGHIJKLMNOPQRSTUVWXYZ0123',
  ])('flags %s too', (value) => expect(secretValueKind(value)).toBeDefined());
  it('needs both a secret-like name and a value that could be a secret', () => {
    expect(secretNameKind('DB_PASSWORD', 'hunter2')).toBeDefined();
    expect(secretNameKind('SHOPIFY_API_KEY', '656b84090c3d90435a1675270b9182d8')).toBeDefined();
    expect(secretNameKind('API_TOKEN', '3f2a9c1e-7b4d-4e8a-9c0f-2d1b5a6e7f80')).toBeDefined();
    for (const [name, value] of [
      ['SESSION_KEY', '_penny-session'],
      ['SEND_GRID_KEY', 'unused'],
      ['DATADOG_API_KEY', ''],
      ['ACCESS_TOKEN', '${ACCESS_TOKEN}'],
      ['CSRF_TOKEN', 'X-CSRF-Token'],
      ['DB_PASSWORD', '/run/secrets/db-password'],
      ['AUTH_TOKEN', 'https://auth.example.com/token'],
      ['LOG_LEVEL', 'q8Zr2Lx7Vt4Nw1Kp'],
    ])
      expect([name, secretNameKind(name as string, value as string)]).toEqual([name, undefined]);
  });
  it('knows secret-like names', () => {
    expect(['DB_PASSWORD', 'API_TOKEN', 'OPENAI_API_KEY', 'JWT_SECRET'].every(looksLikeSecretName)).toBe(
      true,
    );
    expect(
      ['LOG_LEVEL', 'STRIPE_PUBLISHABLE_KEY', 'AWS_ACCESS_KEY_ID', 'PORT'].some(looksLikeSecretName),
    ).toBe(false);
  });
});

describe('Dockerfile policy', () => {
  it('passes a pinned multi-stage non-root build, recommending digests', () => {
    const findings = checkDockerfile(
      'FROM node:24-alpine AS build\nRUN true\nFROM node:24-alpine\nUSER node\n',
      'Dockerfile',
    );
    expect(findings.map((f) => f.rule)).toEqual(['docker/digest', 'docker/digest']);
    expect(findings.every((f) => f.severity === 'notice')).toBe(true);
  });
  it('inherits USER from the stage the final stage builds on', () => {
    const findings = checkDockerfile(
      'FROM python:3.12-slim AS base\nUSER app\nFROM base\nCMD ["x"]\n',
      'Dockerfile',
    );
    expect(findings.map((f) => f.rule)).not.toContain('docker/root-user');
  });
  it('accepts distroless nonroot images without USER, and flags full OS bases and single stages', () => {
    expect(
      checkDockerfile('FROM golang:1.23 AS b\nFROM gcr.io/distroless/static:nonroot\n', 'D').map(
        (f) => f.rule,
      ),
    ).not.toContain('docker/root-user');
    const rules = checkDockerfile('FROM ubuntu:24.04\nUSER app\n', 'D').map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['docker/multi-stage', 'docker/base-not-minimal']));
  });
  it('cannot check a base given by ARG, and says so', () => {
    expect(checkDockerfile('ARG BASE\nFROM ${BASE}\nUSER app\n', 'D').map((f) => f.rule)).toContain(
      'docker/unresolved-base',
    );
  });
});
