/** `nuzantara` in a terminal: Ctrl-C stops flyctl's whole group too, and a probe target that never answers is bounded. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliBundle, runCli } from '../../support/run-cli.js';
import { startHttpStub, type HttpStub } from '../../support/http-stub.js';
import { stillAlive } from '../../io/processes.js';
import { fakeFlyctl, type FakeFlyctl } from './fake-flyctl.js';
import { startSilentServer, type SilentServer } from './silent-server.js';

let app: HttpStub;
let silent: SilentServer;
let fly: FakeFlyctl;
let cwd: string;
beforeAll(async () => {
  app = await startHttpStub();
  app.on('GET', '/health', () => ({ status: 200, body: 'ok' }));
  silent = await startSilentServer();
  fly = fakeFlyctl({ status: [1], deploy: 'hang' });
  cwd = mkdtempSync(join(tmpdir(), 'cli-faults-'));
});
afterAll(async () => {
  await app.close();
  await silent.close();
  fly.remove();
  rmSync(cwd, { recursive: true, force: true });
});

describe('nuzantara and Ctrl-C', () => {
  it('passes the interrupt on to a hung deploy (its own process group), rolls nothing back, and exits 130', async () => {
    const child = spawn(
      process.execPath,
      [cliBundle, 'deploy', '--app', 'demo', '--health-url', `${app.url}/health`, '--deploy-timeout', '10m'],
      {
        cwd,
        env: {
          PATH: `${fly.binDir}:${process.env.PATH}`,
          HOME: process.env.HOME,
          FLY_API_TOKEN: 'FlyV1 fm2_zzfake',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const ended = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // Until the deploy is under way: its call recorded and its grandchild started (one pid more than calls).
    const underWay = () =>
      fly.calls().some((c) => c[0] === 'deploy') && fly.pids().length > fly.calls().length;
    for (let i = 0; i < 400 && !underWay(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(fly.calls().map((c) => c[0])).toContain('deploy');
    child.kill('SIGINT');
    expect(await ended).toBe(130);
    expect(output).toContain('Received SIGINT: passing it on');
    expect(fly.calls().filter((c) => c[0] === 'deploy')).toHaveLength(1);
    expect(await stillAlive(fly.pids())).toEqual([]);
  });
});

describe('nuzantara health-check against a target that accepts and never answers', () => {
  it('each try ends at health-timeout and the run ends with the story', async () => {
    const result = await runCli(
      [
        'health-check',
        '--url',
        `${silent.url}/health`,
        '--retries',
        '2',
        '--interval',
        '1s',
        '--timeout',
        '1s',
        '--schedule',
        'fixed',
      ],
      { cwd, timeoutMs: 30_000 },
    );
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/unhealthy after 2 attempt\(s\).*timeout/);
    expect(silent.hits.filter((h) => h === 'GET /health')).toHaveLength(2);
  });
});
