import { describe, expect, it } from '@jest/globals';
import { configValidateProblems, interpretRun } from '../../../src/domain/flyctl/exit.js';
import { describeServing, sameImage, verifyRollout } from '../../../src/domain/flyctl/rollout.js';
import { parseStatus } from '../../../src/domain/flyctl/shapes.js';
import { machine, pretty, status } from '../../support/flyctl-fixtures.js';

describe('flyctl exit codes (contract §4)', () => {
  it('0 is success', () => {
    expect(interpretRun({ exitCode: 0, stdout: '', stderr: '' })).toBeUndefined();
  });
  it('127 with no output is a failure, explained', () => {
    const failure = interpretRun({ exitCode: 127, stdout: '', stderr: '' });
    expect(failure?.kind).toBe('cancelled');
    expect(failure?.message).toMatch(/exited 127 without printing anything/);
    expect(failure?.transient).toBe(false);
  });
  it('127 from a program that cannot start says so', () => {
    const failure = interpretRun({
      exitCode: 127,
      stdout: '',
      stderr: 'Unable to locate executable file: flyctl',
    });
    expect(failure?.kind).toBe('not-started');
  });
  it('1 takes the Error: line from stderr', () => {
    const failure = interpretRun({
      exitCode: 1,
      stdout: 'Updating existing machines\n',
      stderr:
        'WARN something\nError: smoke checks for 148e21ea7d9e89 failed: the app appears to be crashing\n',
    });
    expect(failure?.kind).toBe('error');
    expect(failure?.message).toBe('smoke checks for 148e21ea7d9e89 failed: the app appears to be crashing');
    expect(failure?.transient).toBe(false);
  });
  it('marks network trouble as transient and auth trouble as not', () => {
    expect(
      interpretRun({ exitCode: 1, stdout: '', stderr: 'Error: Post "https://api.fly.io/graphql": EOF\n' })
        ?.transient,
    ).toBe(true);
    expect(
      interpretRun({ exitCode: 1, stdout: '', stderr: 'Error: 503 Service Unavailable\n' })?.transient,
    ).toBe(true);
    expect(
      interpretRun({
        exitCode: 1,
        stdout: '',
        stderr: "Error: no access token available. Please login with 'flyctl auth login'\n",
      })?.transient,
    ).toBe(false);
    expect(
      interpretRun({ exitCode: 126, stdout: '', stderr: 'Error: context deadline exceeded' })?.kind,
    ).toBe('deadline');
    expect(interpretRun({ exitCode: 3, stdout: '', stderr: 'panic: boom' })?.kind).toBe('panic');
  });
});

describe('flyctl exit 127 and config validate as flyctl really prints them (contract §4, §6, §13)', () => {
  it('127 after progress output and without an Error: line is a cancelled deploy, with the machine failure', () => {
    const failure = interpretRun({
      exitCode: 127,
      stdout:
        "Updating existing machines in 'demo' with rolling strategy\n  Machine 148e21ea update succeeded\n  Machine 3d8d9 update failed: smoke checks for 3d8d9 failed: the app appears to be crashing\n",
      stderr: '\n',
    });
    expect(failure?.kind).toBe('cancelled');
    expect(failure?.message).toMatch(
      /without an Error: line.*flyctl said: Machine 3d8d9 update failed: smoke checks/,
    );
  });

  it('127 from a shell or wrapper that cannot find flyctl is not started, not a cancelled deploy', () => {
    for (const stderr of [
      'sh: 1: flyctl: not found\n',
      'bash: flyctl: command not found\n',
      '/usr/bin/env: ‘node’: No such file or directory\n',
    ])
      expect(interpretRun({ exitCode: 127, stdout: '', stderr })?.kind).toBe('not-started');
    expect(
      interpretRun({ exitCode: 127, stdout: '', stderr: 'x', notStarted: 'spawn flyctl EACCES' })?.message,
    ).toBe('flyctl could not be started: spawn flyctl EACCES');
  });

  it('127 with an Error: line is read like any error', () => {
    expect(interpretRun({ exitCode: 127, stdout: '', stderr: 'Error: boom\n' })?.kind).toBe('other');
  });

  it('config validate: colour codes stripped, the plain reason lines kept', () => {
    const problems = configValidateProblems({
      exitCode: 1,
      stdout: [
        'Validating fly.toml',
        "Check 'web' interval is too short: 1s, minimum is 2 seconds",
        '\x1b[33mWARN\x1b[0m service has no ports',
        '   \x1b[31m✘\x1b[0minvalid app configuration',
        '',
      ].join('\n'),
      stderr: 'Error: App configuration is not valid\n',
    });
    expect(problems).toEqual([
      "Check 'web' interval is too short: 1s, minimum is 2 seconds",
      'WARN service has no ports',
      '✘invalid app configuration',
      'App configuration is not valid',
    ]);
    expect(problems.join('')).not.toContain('\x1b');
  });

  it('config validate: a TOML load failure keeps its row and column, never the quoted source', () => {
    const problems = configValidateProblems({
      exitCode: 1,
      stdout:
        'failed loading app config from /etc/app/fly.toml: row 3 column 9\n  3 | DATABASE_URL = postgres://zzsecret\n        ^ expected value\n',
      stderr: 'Error: App configuration is not valid\n',
    });
    expect(problems).toEqual([
      'failed loading app config from /etc/app/fly.toml: row 3 column 9',
      'App configuration is not valid',
    ]);
  });
});

describe('rollout verification (contract §10)', () => {
  const image = 'registry.fly.io/demo:deployment-01J2';
  const machinesOf = (...ms: unknown[]) => parseStatus(pretty(status(4, ms))).machines;

  it('is complete when every app machine runs the release, started, checks passing', () => {
    const verdict = verifyRollout(machinesOf(machine({ id: 'a' }), machine({ id: 'b' })), {
      version: 4,
      imageRef: image,
    });
    expect(verdict.complete).toBe(true);
    expect(verdict.machines.map((m) => m.checks)).toEqual(['1/1 passing', '1/1 passing']);
  });

  it('lists each machine that is behind, stopped or failing checks', () => {
    const verdict = verifyRollout(
      machinesOf(
        machine({ id: 'old', version: 3 }),
        machine({
          id: 'crit',
          checks: [{ name: 'servicecheck-00-http-8080', status: 'critical', output: '503' }],
        }),
        machine({ id: 'other', image: 'registry.fly.io/demo:deployment-01J1' }),
        machine({ id: 'nochecks', checks: [] }),
        machine({ id: 'partial', hostStatus: 'unreachable' }),
      ),
      { version: 4, imageRef: image },
    );
    expect(verdict.complete).toBe(false);
    expect(verdict.problems).toEqual([
      'machine old runs v3, not v4',
      'machine crit check servicecheck-00-http-8080 is critical: 503',
      'machine other runs image registry.fly.io/demo:deployment-01J1, not registry.fly.io/demo:deployment-01J2',
      'machine nochecks has configured health checks but no results yet',
      'machine partial host status is unreachable (its data may be partial)',
    ]);
  });

  it('ignores release-command machines and destroyed ones; needs at least one machine', () => {
    const verdict = verifyRollout(
      machinesOf(
        machine({ id: 'a' }),
        machine({ id: 'rc', version: 3, group: 'fly_app_release_command', state: 'stopped' }),
        machine({ id: 'gone', version: 1, state: 'destroyed' }),
      ),
      { version: 4 },
    );
    expect(verdict.complete).toBe(true);
    expect(verifyRollout([], { version: 4 }).problems).toEqual(['the app has no machines']);
  });

  it('accepts auto-stopped machines only beside a started one', () => {
    expect(
      verifyRollout(machinesOf(machine({ id: 'a' }), machine({ id: 'b', state: 'stopped' })), { version: 4 })
        .complete,
    ).toBe(true);
    expect(verifyRollout(machinesOf(machine({ id: 'b', state: 'stopped' })), { version: 4 }).complete).toBe(
      false,
    );
  });

  it('matches images by digest or repository:tag, and never fails on a form difference', () => {
    expect(
      sameImage('registry.fly.io/demo@sha256:aa11', 'registry.fly.io/demo:deployment-x@sha256:aa11'),
    ).toBe(true);
    expect(sameImage('registry.fly.io/demo@sha256:aa11', 'registry.fly.io/demo@sha256:bb22')).toBe(false);
    expect(sameImage('registry.fly.io/demo:a', 'registry.fly.io/demo:b')).toBe(false);
    expect(sameImage('docker.io/library/nginx:1', 'nginx:1')).toBe(true);
    expect(
      sameImage('registry.fly.io/demo:deployment-1', 'registry.fly.io/demo@sha256:cc33', 'sha256:cc33'),
    ).toBe(true);
    expect(
      sameImage('registry.fly.io/demo:deployment-1', 'registry.fly.io/demo@sha256:cc33', 'sha256:dd44'),
    ).toBe(false);
    expect(sameImage('registry.fly.io/demo:deployment-1', 'registry.fly.io/demo@sha256:cc33')).toBe(true);
    expect(sameImage('localhost:5000/demo', 'localhost:5000/demo:latest')).toBe(true);
  });

  it('describes what is serving', () => {
    expect(describeServing(machinesOf(machine({ id: 'a' }), machine({ id: 'b' })))).toBe(
      `2 machine(s) on v4 (${image}) started, checks passing`,
    );
    expect(describeServing([])).toBe('no app machines are running');
  });
});
