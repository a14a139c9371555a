/**
 * Process and state hygiene: stop-all leaves no processes, machines die with their owner, concurrent
 * invocations do not lose writes, and a deploy killed mid-way (SIGTERM or SIGKILL) leaves state usable.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createStandIn, standInFlyctl, type StandIn } from './fly.js';

let fly: StandIn;

beforeAll(async () => {
  fly = await createStandIn({ timeScale: 0.02 });
  await fly.image('registry.fly.io/life:good', 'healthy');
});

/** flyctl processes these tests start; killed in afterAll if a test failed before doing so. */
const started: ChildProcess[] = [];

afterAll(async () => {
  for (const child of started)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await fly?.stop();
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]$/.test(stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3));
  } catch {
    return false;
  }
}

/** Pids of live processes whose environment has every `marker` (immune to pid reuse). */
function processesWith(...markers: string[]): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0');
      if (markers.every((m) => environ.includes(m)) && alive(Number(entry))) found.push(Number(entry));
    } catch {
      // gone, or not ours
    }
  }
  return found.sort();
}

const readState = (kind: string, standIn: StandIn = fly) =>
  JSON.parse(readFileSync(join(standIn.stateDir, `${kind}.json`), 'utf8'));

/** Pids of the machines and front-door proxies the state dir knows about. */
function knownPids(app?: string): number[] {
  const machines = Object.values(readState('machines')) as { app: string; pid?: number }[];
  const apps = Object.values(readState('apps')) as { name: string; proxy?: { pid: number } }[];
  return [
    ...machines.filter((m) => !app || m.app === app).map((m) => m.pid),
    ...apps.filter((a) => !app || a.name === app).map((a) => a.proxy?.pid),
  ].filter((pid): pid is number => typeof pid === 'number');
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return condition();
}

/** Starts a deploy and returns the child plus a promise of its exit. */
function startDeploy(args: string[], standIn: StandIn = fly) {
  const child = spawn(process.execPath, [standInFlyctl, ...args], {
    env: standIn.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exit = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>(
    (done) => child.on('close', (code, signal) => done({ code, signal, stdout, stderr })),
  );
  return { child, exit };
}

/** A fly.toml whose check never passes for a slow image within the test, keeping the deploy busy. */
function slowConfig(app: string, standIn: StandIn = fly): string {
  const path = join(standIn.stateDir, `${app}.toml`);
  writeFileSync(
    path,
    `app = "${app}"\n[http_service]\n  internal_port = 8080\n  [[http_service.checks]]\n    interval = "2s"\n    timeout = "2s"\n    path = "/health"\n`,
  );
  return path;
}

async function deployBusy(app: string, standIn: StandIn = fly) {
  await standIn.image('registry.fly.io/life:good', 'healthy');
  await standIn.image(`registry.fly.io/${app}:slow`, 'slow', { readyAfterMs: 60000 });
  await standIn.app(app, { image: 'registry.fly.io/life:good', machines: 1 });
  const deploy = startDeploy(
    [
      'deploy',
      '-a',
      app,
      '-c',
      slowConfig(app, standIn),
      '-i',
      `registry.fly.io/${app}:slow`,
      // Long enough to stay busy (scaled: 72 s); `none` would fail the health wait at once (contract §4).
      '--wait-timeout',
      '60m',
    ],
    standIn,
  );
  // Wait until the rollout is under way: the first machine runs the new release.
  const busy = await waitFor(() => {
    const machines = Object.values(readState('machines', standIn)) as {
      app: string;
      release_version?: number;
      port?: number;
    }[];
    return machines.some((m) => m.app === app && m.release_version === 2 && m.port);
  }, 10000);
  expect(busy).toBe(true);
  return deploy;
}

describe('killed deploys', () => {
  it('SIGTERM: exit 127, no Error: line, release interrupted, state usable', async () => {
    const { child, exit } = await deployBusy('term');
    // While the first deploy holds the machine leases, a second one fails when it acquires them: after its
    // release was created (updateExistingMachines → AcquireLeases), so that release is failed.
    const second = await fly.run(['deploy', '-a', 'term', '-i', 'registry.fly.io/life:good']);
    expect(second.exitCode).toBe(1);
    expect(second.stderr).toMatch(
      /\nError: machines API returned an error: "machine ID [0-9a-f]{14} lease currently held by .+, expires at .+"\n$/,
    );
    expect(second.stdout).toMatch(
      // eslint-disable-next-line no-control-regex
      /\n\x1b\[33mWARN\x1b\[0m failed to acquire lease: machines API returned an error: "machine ID [0-9a-f]{14} lease currently held by .+"\n\n$/,
    );
    expect((await fly.releases('term')).map((r) => [r.Version, r.Status])).toEqual([
      [3, 'failed'],
      [2, 'running'],
      [1, 'complete'],
    ]);
    child.kill('SIGTERM');
    const result = await exit;
    expect(result.code).toBe(127);
    // ctrlc.Hook's bare newline only.
    expect(result.stderr).not.toContain('Error');
    expect(result.stderr.endsWith('\n')).toBe(true);
    expect((await fly.releases('term')).find((r) => r.Version === 2)).toMatchObject({
      Status: 'interrupted',
    });
    const next = await fly.run(['deploy', '-a', 'term', '-i', 'registry.fly.io/life:good']);
    expect(next.exitCode).toBe(0);
    expect((await fly.releases('term'))[0]).toMatchObject({ Version: 4, Status: 'complete' });
  });

  it('SIGKILL: files stay whole, the lock is not stuck, the next deploy completes', async () => {
    const { child, exit } = await deployBusy('kill');
    child.kill('SIGKILL');
    expect((await exit).signal).toBe('SIGKILL');
    for (const file of readdirSync(fly.stateDir).filter((f) => f.endsWith('.json'))) {
      expect(() => JSON.parse(readFileSync(join(fly.stateDir, file), 'utf8'))).not.toThrow();
    }
    // flyctl never got to record an outcome; like a real killed flyctl, the release stays running.
    expect((await fly.releases('kill'))[0]).toMatchObject({ Version: 2, Status: 'running' });
    const next = await fly.run(['deploy', '-a', 'kill', '-i', 'registry.fly.io/life:good']);
    expect(next.exitCode).toBe(0);
    const machines = await fly.machines('kill');
    expect(machines.map((m) => m.config.metadata.fly_release_version)).toEqual(['3']);
    expect(machines.every((m) => m.state === 'started')).toBe(true);
  });

  it('a deploy waiting on checks gives up when its state directory is removed, and so do its machines', async () => {
    const other = await createStandIn({ timeScale: 0.02 });
    const { exit } = await deployBusy('gone', other);
    const ours = () => processesWith(`STANDIN_STATE=${other.stateDir}`);
    expect(ours().length).toBeGreaterThan(0);
    rmSync(other.stateDir, { recursive: true, force: true });
    const result = await exit;
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('stand-in state directory was removed during the deploy');
    expect(await waitFor(() => ours().length === 0, 5000)).toBe(true);
  });

  it('a lock left by a dead process is taken over', async () => {
    const lock = join(fly.stateDir, '.lock');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(lock);
    writeFileSync(join(lock, 'owner'), '999999999');
    const result = await fly.run([
      'standin',
      'image',
      'registry.fly.io/life:other',
      '--behaviour',
      'healthy',
    ]);
    expect(result.exitCode).toBe(0);
  });
});

describe('concurrency', () => {
  it('parallel invocations do not lose each other’s writes', async () => {
    await fly.app('busy');
    const runs = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        fly.run(['secrets', 'import', '-a', 'busy', '--stage'], { input: `KEY_${i}=value-${i}\n` }),
      ),
    );
    expect(runs.map((r) => r.exitCode)).toEqual([0, 0, 0, 0]);
    const { staged } = await fly.secrets('busy');
    expect(Object.keys(staged).sort()).toEqual(['KEY_0', 'KEY_1', 'KEY_2', 'KEY_3']);
  });
});

describe('no leaked processes', () => {
  it('machines and proxies exit when their owner process dies', async () => {
    const owner = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    const env = { FLY_STANDIN_OWNER_PID: String(owner.pid) };
    const app = ['standin', 'app', 'orphan', '--image', 'registry.fly.io/life:good', '--machines', '2'];
    expect((await fly.run(app, { env })).exitCode).toBe(0);
    expect((await fly.run(['standin', 'url', 'orphan'], { env })).exitCode).toBe(0);
    const owned = () => processesWith(`STANDIN_STATE=${fly.stateDir}`, `STANDIN_OWNER_PID=${owner.pid}`);
    expect(owned()).toHaveLength(3);
    expect(owned().sort()).toEqual(knownPids('orphan').sort());
    owner.kill('SIGKILL');
    expect(await waitFor(() => owned().length === 0, 5000)).toBe(true);
  });

  it('stop-all leaves no machine or proxy process running', async () => {
    await fly.app('last', { image: 'registry.fly.io/life:good', machines: 2 });
    await fly.url('last');
    const ours = () => processesWith(`STANDIN_STATE=${fly.stateDir}`);
    expect(ours().length).toBeGreaterThanOrEqual(3);
    const result = await fly.run(['standin', 'stop-all']);
    expect(result.exitCode).toBe(0);
    expect(ours()).toEqual([]);
    const machines = await fly.machines('last');
    expect(machines.map((m) => m.state)).toEqual(['stopped', 'stopped']);
  });
});
