/**
 * `nuzantara health-check --targets-file`: the monitor's targets, each with its own checks, from a
 * terminal; and scripts/deployment/health-check.sh, the seed's script as a thin wrapper over it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../support/run-action.js';
import { runCli } from '../../support/run-cli.js';
import { startTargets, type Targets } from '../prod-monitor/servers.js';

let svc: Targets;
let dir: string;
beforeAll(async () => {
  svc = await startTargets();
  dir = mkdtempSync(join(tmpdir(), 'cli-health-targets-'));
  writeFileSync(
    join(dir, 'healthy.yml'),
    [
      'targets:',
      '  - name: backend',
      `    url: ${svc.base}/healthy`,
      `    expect-body: '$.status == "ok"'`,
      '    headers:',
      '      Authorization: Bearer ${HEALTH_TOKEN}',
      '  - name: integration',
      `    url: ${svc.base}/500`,
      '    expect-status: 500',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'failing.yml'),
    `targets:\n  - name: ok\n    url: ${svc.base}/healthy\n  - name: broken\n    url: ${svc.base}/500\n`,
  );
});
afterAll(async () => {
  await svc.close();
});

const env = (extra: Record<string, string> = {}) => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  NO_COLOR: '1',
  ...extra,
});

describe('nuzantara health-check --targets-file', () => {
  it("probes every target with its own checks and the environment's header values, never printing them", async () => {
    const run = await runCli(['health-check', '--targets-file', 'healthy.yml', '--retries', '1'], {
      cwd: dir,
      env: env({ HEALTH_TOKEN: 'health-token-0123456789' }),
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('✅ all healthy');
    expect(run.stdout).toContain(`${svc.base}/500`);
    expect(svc.auth.get('/healthy')).toBe('Bearer health-token-0123456789');
    expect(run.stdout).not.toContain('health-token-0123456789');
  });

  it('exits 1 naming the unhealthy one, and takes --url beside the file', async () => {
    const run = await runCli(
      [
        'health-check',
        '--targets-file',
        'failing.yml',
        '--url',
        `${svc.base}/healthy`,
        '--retries',
        '2',
        '--interval',
        '50ms',
        '--json',
      ],
      { cwd: dir, env: env() },
    );
    expect(run.exitCode).toBe(1);
    const doc = JSON.parse(run.stdout) as { outputs: Record<string, string>; error: string };
    expect(doc.outputs).toEqual({ healthy: 'false', 'healthy-count': '2', total: '3' });
    expect(doc.error).toContain(`${svc.base}/500`);
  });

  it('refuses a bad targets file and a run with neither --url nor --targets-file, exit 2', async () => {
    writeFileSync(join(dir, 'bad.yml'), 'targets:\n  - name: x\n');
    const bad = await runCli(['health-check', '--targets-file', 'bad.yml'], { cwd: dir, env: env() });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr.trim()).toBe(
      'usage: --targets-file: bad.yml line 2, target 1 ("x"): has no url. Give the URL to check, e.g. url: https://nuzantara-rag.fly.dev/health.',
    );
    const none = await runCli(['health-check'], { cwd: dir, env: env() });
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('--url: is required but empty. Give one or more URLs');
  });
});

describe('scripts/deployment/health-check.sh', () => {
  const script = join(repoRoot, 'scripts/deployment/health-check.sh');
  const bash = ['/bin/bash', '/usr/bin/bash'].find((path) => existsSync(path)) as string;
  const toolsPath = (withNode: boolean) => {
    const bin = join(mkdtempSync(join(tmpdir(), 'health-check-sh-')), 'bin');
    mkdirSync(bin);
    if (withNode) symlinkSync(process.execPath, join(bin, 'node'));
    return bin;
  };
  /** Asynchronous, so the loopback services in this process can answer while it runs. */
  const run = (args: string[], path: string, extra: Record<string, string> = {}) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(bash, [script, ...args], {
        env: { PATH: path, HOME: tmpdir(), NO_COLOR: '1', ...extra },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('close', (status) => {
        clearTimeout(timer);
        resolve({ status, stdout, stderr });
      });
    });

  it('has --help, naming the command it runs', async () => {
    const help = await run(['--help'], toolsPath(true));
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('nuzantara health-check --targets-file monitoring/targets.yml');
    expect(help.stdout).toContain('Exit codes: 0 every endpoint healthy, 1 one is not, 2 a usage error.');
  });

  it('names a missing node clearly', async () => {
    const missing = await run([], toolsPath(false));
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe(
      'health-check.sh: node is not on PATH; install Node.js 22.12+ or 24 (https://nodejs.org) and run again.',
    );
  });

  it('checks the targets file through the command and passes its flags on', async () => {
    const ok = await run(['--retries', '1'], toolsPath(true), {
      NUZANTARA_TARGETS_FILE: join(dir, 'healthy.yml'),
      HEALTH_TOKEN: 't0ken-value-xyz',
    });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('✅ all healthy');
    const failing = await run(['--retries', '1'], toolsPath(true), {
      NUZANTARA_TARGETS_FILE: join(dir, 'failing.yml'),
    });
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('❌ unhealthy');
    const usage = await run(['--no-such-flag'], toolsPath(true));
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('unknown flag --no-such-flag');
  });

  it('passes --health-check-help on as --help', async () => {
    const listed = await run(['--health-check-help'], toolsPath(true));
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain('--targets-file');
  });
});
