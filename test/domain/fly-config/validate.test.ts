import { describe, expect, it } from '@jest/globals';
import { KeyLines } from '../../../src/domain/fly-config/locate.js';
import { sizeInMiB } from '../../../src/domain/fly-config/model.js';
import { validateFlyConfig } from '../../../src/domain/fly-config/validate.js';
import { checkDockerfile } from '../../../src/domain/validate/dockerfile-policy.js';
import { secretValueKind, looksLikeSecretName } from '../../../src/domain/shared/secret-detect.js';

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
    expect(bare.map((f) => [f.line, f.severity])).toEqual([
      [3, 'warning'],
      [7, 'error'],
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

  it('does not quote the source in syntax errors (it may hold a secret)', () => {
    const { findings } = validateFlyConfig('[env]\nTOKEN = "ghp_secretvalue1234567890\n', 'fly.toml', {
      strict: false,
    });
    expect(findings[0]?.rule).toBe('toml/syntax');
    expect(findings[0]?.line).toBe(2);
    expect(JSON.stringify(findings)).not.toContain('ghp_secretvalue');
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
  ])('leaves %s alone', (value) => expect(secretValueKind(value)).toBeUndefined());
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
