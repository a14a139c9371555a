/**
 * Deploy strategies (contract §4: bluegreen destroys greens, canary leaves existing machines untouched,
 * immediate updates all at once), image behaviours (slow, degrading, hang) and release_command.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StandIn } from './fly.js';
import { get } from '../support/http.js';
import { byRelease, flyToml, standInWithWebImages } from './deploy-helpers.js';

let fly: StandIn;
const dir = mkdtempSync(join(tmpdir(), 'standin-deploy-'));

/** Machine states settle asynchronously (a crashing process exits shortly after start). */
async function waitForStates(app: string, states: string[]): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    const machines = await fly.machines(app);
    if (JSON.stringify(machines.map((m) => m.state)) === JSON.stringify(states)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

beforeAll(async () => {
  fly = await standInWithWebImages();
});

afterAll(async () => {
  await fly?.stop();
});

describe('strategies', () => {
  it('bluegreen failure destroys the greens and keeps the blues serving', async () => {
    await fly.app('blue', { image: 'registry.fly.io/web:good', machines: 2 });
    const url = await fly.url('blue');
    const blues = (await fly.machines('blue')).map((m) => m.id).sort();
    const result = await fly.call([
      'deploy',
      '-a',
      'blue',
      '-c',
      flyToml(dir, 'blue'),
      '-i',
      'registry.fly.io/web:bad',
      '--strategy',
      'bluegreen',
      '--wait-timeout',
      '20',
    ]);
    expect(result.exitCode).toBe(1);
    // strategy_bluegreen.go: all on stderr; the health wait's ErrWaitTimeout joined with ErrWaitForHealthy.
    expect(result.stderr).toMatch(
      /\n\nRolling back failed deployment\n {2}Deleted machine [0-9a-f]{14} \[app\]\n {2}Deleted machine [0-9a-f]{14} \[app\]\nError: wait timeout\ncould not get all green machines to be healthy\n$/,
    );
    expect(result.stdout).toMatch(/\nUpdating existing machines in 'blue' with bluegreen strategy\n$/);
    const machines = await fly.machines('blue');
    expect(machines.map((m) => m.id).sort()).toEqual(blues);
    expect(byRelease(machines)).toEqual(['1', '1']);
    expect(await get(`${url}/health`)).toMatchObject({ status: 200 });
  });

  it('bluegreen success replaces every machine with a new one', async () => {
    await fly.app('green', { image: 'registry.fly.io/web:good', machines: 1 });
    const blues = (await fly.machines('green')).map((m) => m.id);
    const result = await fly.call([
      'deploy',
      '-a',
      'green',
      '-c',
      flyToml(dir, 'green'),
      '--strategy',
      'bluegreen',
      // 10 minutes scaled: room for the green machine to start on a loaded machine (success ends at once).
      '--wait-timeout',
      '600',
    ]);
    expect(result.exitCode).toBe(0);
    const machines = await fly.machines('green');
    expect(machines).toHaveLength(1);
    expect(machines.some((m) => blues.includes(m.id))).toBe(false);
    expect(byRelease(machines)).toEqual(['2']);
  });

  it('canary failure leaves existing machines untouched (and the canary behind)', async () => {
    await fly.app('canary', { image: 'registry.fly.io/web:good', machines: 1 });
    const existing = await fly.machines('canary');
    const result = await fly.call([
      'deploy',
      '-a',
      'canary',
      '-i',
      'registry.fly.io/web:crash',
      '--strategy',
      'canary',
    ]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/smoke checks for [0-9a-f]{14} failed/);
    const after = await fly.machines('canary');
    for (const machine of existing) {
      expect(after.find((m) => m.id === machine.id)).toMatchObject({
        instance_id: machine.instance_id,
        state: 'started',
      });
    }
    expect(after).toHaveLength(2);
  });

  it('immediate updates every machine at once and waits for no check (a crashing image "succeeds")', async () => {
    await fly.app('now', { image: 'registry.fly.io/web:good', machines: 2 });
    const result = await fly.call([
      'deploy',
      '-a',
      'now',
      '-i',
      'registry.fly.io/web:crash',
      '--strategy',
      'immediate',
    ]);
    expect(result.exitCode).toBe(0);
    expect((await fly.releases('now'))[0]).toMatchObject({ Version: 2, Status: 'complete' });
    const machines = await fly.machines('now');
    expect(byRelease(machines)).toEqual(['2', '2']);
    expect(await waitForStates('now', ['stopped', 'stopped'])).toBe(true);
  });
});

describe('image behaviours', () => {
  it('slow: passes when ready within the grace period, times out when not', async () => {
    await fly.image('registry.fly.io/web:slow', 'slow', { readyAfterMs: 150 });
    await fly.app('slow', { image: 'registry.fly.io/web:good', machines: 1 });
    // grace 30s * 0.01 = 300 ms > 150 ms
    const within = await fly.call([
      'deploy',
      '-a',
      'slow',
      '-c',
      flyToml(dir, 'slow', '', { grace: '30s', interval: '2s', timeout: '2s' }),
      '-i',
      'registry.fly.io/web:slow',
    ]);
    expect(within.exitCode).toBe(0);

    await fly.image('registry.fly.io/web:slower', 'slow', { readyAfterMs: 60000 });
    const past = await fly.call([
      'deploy',
      '-a',
      'slow',
      '-c',
      flyToml(dir, 'slow'),
      '-i',
      'registry.fly.io/web:slower',
      '--wait-timeout',
      '20',
    ]);
    expect(past.exitCode).toBe(1);
    expect(past.stderr).toContain('timeout reached waiting for health checks to pass');
  });

  it('degrading: healthy through the deploy, then 503', async () => {
    // Counted from the machine's start: room for it and the front door to start on a loaded machine.
    await fly.image('registry.fly.io/web:degrading', 'degrading', { failAfterMs: 4000 });
    await fly.app('fade', { image: 'registry.fly.io/web:degrading', machines: 1 });
    const url = await fly.url('fade');
    expect(await get(`${url}/health`)).toMatchObject({ status: 200 });
    let later = await get(`${url}/health`);
    for (
      const until = Date.now() + 15_000;
      later !== 'timeout' && later.status === 200 && Date.now() < until;
    ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      later = await get(`${url}/health`);
    }
    expect(later).toMatchObject({ status: 503 });
    expect(await get(`${url}/`)).toMatchObject({ status: 200 });
  });

  it('hang: /health never answers; deploy health checks time out', async () => {
    await fly.image('registry.fly.io/web:hang', 'hang');
    await fly.app('stuck', { image: 'registry.fly.io/web:hang', machines: 1 });
    const url = await fly.url('stuck');
    expect(await get(`${url}/health`, 500)).toBe('timeout');
    expect(await get(`${url}/`)).toMatchObject({ status: 200 });
    const result = await fly.call([
      'deploy',
      '-a',
      'stuck',
      '-c',
      flyToml(dir, 'stuck'),
      '-i',
      'registry.fly.io/web:hang',
      '--wait-timeout',
      '40',
    ]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('timeout reached waiting for health checks to pass');
  });
});

describe('release_command', () => {
  it('runs unless --skip-release-command; a failing one aborts the release', async () => {
    await fly.image('registry.fly.io/web:migrate-fails', 'healthy', { releaseExit: 2 });
    await fly.app('mig', { image: 'registry.fly.io/web:good', machines: 1 });
    const config = flyToml(dir, 'mig', '[deploy]\n  release_command = "bin/migrate"');
    const ok = await fly.call(['deploy', '-a', 'mig', '-c', config, '-i', 'registry.fly.io/web:good']);
    expect(ok.exitCode).toBe(0);
    const failing = await fly.call([
      'deploy',
      '-a',
      'mig',
      '-c',
      config,
      '-i',
      'registry.fly.io/web:migrate-fails',
    ]);
    expect(failing.exitCode).toBe(1);
    // machines_releasecommand.go: the machine's exit on stderr, the error without the "error running
    // release_command machine:" prefix (that one is for a machine that could not be created).
    expect(failing.stderr).toMatch(
      /\nRunning mig release_command: bin\/migrate\nStarting machine\nError release_command failed running on machine ([0-9a-f]{14}) with exit code 2\.\nChecking logs: fetching the last 100 lines below:\nError: release command failed - aborting deployment\. machine \1 exited with non-zero status of 2\n$/,
    );
    expect(failing.stdout).toMatch(
      /\n> Created release_command machine ([0-9a-f]{14})\n(> .*\n)+✖ release_command failed\n✖ Failed: machine \1 exited with non-zero status of 2\n$/,
    );
    expect((await fly.releases('mig'))[0]).toMatchObject({ Version: 3, Status: 'failed' });
    const skipped = await fly.call([
      'deploy',
      '-a',
      'mig',
      '-c',
      config,
      '-i',
      'registry.fly.io/web:migrate-fails',
      '--skip-release-command',
    ]);
    expect(skipped.exitCode).toBe(0);
    const kept = await fly.call(['deploy', '-a', 'mig', '-c', config, '-i', 'registry.fly.io/web:good'], {
      env: { FLY_STANDIN_KEEP_RELEASE_MACHINES: '1' },
    });
    expect(kept.exitCode).toBe(0);
    const listed = await fly.machines('mig');
    const groups = listed.map((m) => m.config.metadata.fly_process_group).sort();
    expect(groups).toEqual(['app', 'fly_app_release_command']);
    const status = JSON.parse((await fly.call(['status', '-a', 'mig', '--json'])).stdout);
    expect(
      status.Machines.map(
        (m: { config: { metadata: Record<string, string> } }) => m.config.metadata.fly_process_group,
      ),
    ).toEqual(['app']);
    const runs = JSON.parse((await fly.call(['standin', 'release-commands', 'mig'])).stdout);
    expect(
      runs.map((r: { release_version: number; exit_code: number }) => [r.release_version, r.exit_code]),
    ).toEqual([
      [2, 0],
      [3, 2],
      [5, 0],
    ]);
  });
});
