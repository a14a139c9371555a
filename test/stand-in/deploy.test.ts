/**
 * Real deploy behaviour: machines are loopback processes, health checks are real requests, and failures
 * follow contract §4 (rolling leaves new machines in place, 127 when a failure cancels queued updates,
 * bluegreen destroys greens, canary leaves existing machines untouched, rollback = deploy --image <earlier
 * ImageRef>). The exact §4 texts and exit-code rules are in rollout.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StandIn } from './fly.js';
import { get } from '../support/http.js';
import { byRelease, flyToml, standInWithWebImages } from './deploy-helpers.js';

let fly: StandIn;
const dir = mkdtempSync(join(tmpdir(), 'standin-deploy-'));

beforeAll(async () => {
  fly = await standInWithWebImages();
});

afterAll(async () => {
  await fly?.stop();
});

describe('healthy deploys', () => {
  it('builds an image, creates release N+1, replaces machines and emits the release JSON', async () => {
    await fly.app('alpha', { image: 'registry.fly.io/web:good', machines: 2 });
    const url = await fly.url('alpha');
    const before = await fly.machines('alpha');
    const result = await fly.run(
      [
        'deploy',
        '-a',
        'alpha',
        '-c',
        flyToml(dir, 'alpha'),
        '--remote-only',
        '--build-arg',
        'STANDIN_BEHAVIOUR=healthy',
      ],
      { env: { FLY_EMIT_RELEASE_JSON: '1' } },
    );
    expect(result.stderr).not.toContain('Error');
    expect(result.exitCode).toBe(0);
    const emitted = result.stdout.split('\n').filter((line) => line.startsWith('{"id"'));
    expect(emitted).toHaveLength(1);
    const line = JSON.parse(emitted[0] as string);
    expect(Object.keys(line)).toEqual(['id', 'version', 'image_ref']);
    expect(line.version).toBe(2);
    expect(line.image_ref).toMatch(/^registry\.fly\.io\/alpha:deployment-[0-9A-HJKMNP-TV-Z]{26}$/);

    const [latest] = await fly.releases('alpha');
    expect(latest).toMatchObject({ Version: 2, Status: 'complete', ID: line.id, ImageRef: line.image_ref });
    const after = await fly.machines('alpha');
    expect(after.map((m) => m.id).sort()).toEqual(before.map((m) => m.id).sort());
    for (const machine of after) {
      expect(machine.instance_id).not.toBe(before.find((m) => m.id === machine.id)?.instance_id);
      expect(machine).toMatchObject({
        state: 'started',
        config: { image: line.image_ref, env: { MODE: 'production' } },
      });
      expect(machine.checks).toEqual([
        expect.objectContaining({ name: 'servicecheck-00-http-8080', status: 'passing' }),
      ]);
    }
    // Each machine is its own process listening on a loopback port (recorded in the state dir).
    const records = JSON.parse(readFileSync(join(fly.stateDir, 'machines.json'), 'utf8')) as Record<
      string,
      { app: string; pid: number; port: number }
    >;
    const alphas = Object.entries(records).filter(([, r]) => r.app === 'alpha');
    expect(new Set(alphas.map(([, r]) => r.pid)).size).toBe(2);
    for (const [id, record] of alphas) {
      expect(() => process.kill(record.pid, 0)).not.toThrow();
      const info = await get(`http://127.0.0.1:${record.port}/standin/info`);
      expect(JSON.parse((info as { body: string }).body)).toMatchObject({
        machine_id: id,
        release_version: 2,
      });
    }
    const served = await get(`${url}/`);
    expect(served).toMatchObject({ status: 200 });
    expect(JSON.parse((served as { body: string }).body)).toMatchObject({
      release: 2,
      image: line.image_ref,
    });
  });

  it('does not print the release JSON without FLY_EMIT_RELEASE_JSON', async () => {
    await fly.app('quiet', { image: 'registry.fly.io/web:good', machines: 1 });
    const result = await fly.call(['deploy', '-a', 'quiet', '-i', 'registry.fly.io/web:good']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).not.toContain('{"id"');
  });
});

describe('failures (§4)', () => {
  it('rolling: a health-check timeout on the first machine exits 1 and leaves it updated', async () => {
    await fly.app('beta', { image: 'registry.fly.io/web:good', machines: 2 });
    const url = await fly.url('beta');
    const result = await fly.call([
      'deploy',
      '-a',
      'beta',
      '-c',
      flyToml(dir, 'beta'),
      '-i',
      'registry.fly.io/web:bad',
      '--wait-timeout',
      '30',
    ]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /\nError: timeout reached waiting for health checks to pass for machine [0-9a-f]{14}: context deadline exceeded\n$/,
    );
    const failedId = /Error: .* for machine ([0-9a-f]{14})/.exec(result.stderr)?.[1];
    const [latest] = await fly.releases('beta');
    expect(latest).toMatchObject({ Version: 2, Status: 'failed' });
    const machines = await fly.machines('beta');
    expect(byRelease(machines)).toEqual(['1', '2']);
    const updated = machines.find((m) => m.id === failedId);
    expect(updated).toMatchObject({ state: 'started', config: { image: 'registry.fly.io/web:bad' } });
    expect(updated?.checks[0]?.status).toBe('critical');
    // The untouched v1 machine still serves through the front door.
    expect(await get(`${url}/health`)).toMatchObject({ status: 200 });
  });

  it('rolling: a failure that cancels a queued update exits 127 with no Error: line, release interrupted', async () => {
    await fly.image('registry.fly.io/web:bad-2nd', 'unhealthy', { fromMachine: 2 });
    await fly.app('gamma', { image: 'registry.fly.io/web:good', machines: 3 });
    const result = await fly.run([
      'deploy',
      '-a',
      'gamma',
      '-c',
      flyToml(dir, 'gamma'),
      '-i',
      'registry.fly.io/web:bad-2nd',
      '--wait-timeout',
      '60',
    ]);
    expect(result.exitCode).toBe(127);
    expect(result.stderr).not.toContain('Error');
    expect(result.stdout).not.toContain('Error');
    // Not silent: the cause is on stdout, and the third update was cancelled.
    expect(result.stdout).toMatch(
      /\n✖ \[2\/3\] Machine [0-9a-f]{14} \[app\] update failed: timeout reached waiting for health checks to pass for machine [0-9a-f]{14}: context deadline exceeded\n✖ \[3\/3\] Machine [0-9a-f]{14} \[app\] update canceled\n$/,
    );
    expect((await fly.releases('gamma'))[0]).toMatchObject({ Version: 2, Status: 'interrupted' });
    // Two machines updated (the healthy first, the failing second), the third cancelled.
    expect(byRelease(await fly.machines('gamma'))).toEqual(['1', '2', '2']);
  });

  it('FLY_STANDIN_FORCE_EXIT=127 forces the silent 127 path', async () => {
    await fly.app('delta', { image: 'registry.fly.io/web:good', machines: 1 });
    const result = await fly.run(['deploy', '-a', 'delta', '-i', 'registry.fly.io/web:good'], {
      env: { FLY_STANDIN_FORCE_EXIT: '127', FLY_EMIT_RELEASE_JSON: '1' },
    });
    expect(result).toEqual({ exitCode: 127, stdout: '', stderr: '' });
    expect((await fly.releases('delta'))[0]).toMatchObject({ Version: 2, Status: 'interrupted' });
  });

  it('smoke checks fail for a crashing image; the machine is stopped', async () => {
    await fly.app('crashy', { image: 'registry.fly.io/web:good', machines: 1 });
    const result = await fly.run(['deploy', '-a', 'crashy', '--build-arg', 'STANDIN_BEHAVIOUR=crash']);
    expect(result.exitCode).toBe(1);
    // smokeChecksError: the error, then its suggestion with the machine's own log lines (contract §4).
    expect(result.stderr).toMatch(
      /\nError: smoke checks for ([0-9a-f]{14}) failed: the app appears to be crashing\nSmoke checks for \1 failed: the app appears to be crashing\nCheck its logs: here's the last lines below, or run 'fly logs -i \1':\n\[\1\] fatal: stand-in image crashes at start\n\n\n$/,
    );
    expect((await fly.releases('crashy'))[0]).toMatchObject({ Version: 2, Status: 'failed' });
    const [machine] = await fly.machines('crashy');
    expect(machine?.state).toBe('stopped');
    expect(machine?.events[0]).toMatchObject({ type: 'exit', status: 'stopped' });
    expect(await get(`${await fly.url('crashy')}/health`)).toMatchObject({ status: 503 });
  });

  it('a missing image fails before any release', async () => {
    await fly.app('epsilon', { image: 'registry.fly.io/web:good', machines: 1 });
    const result = await fly.call(['deploy', '-a', 'epsilon', '-i', 'registry.fly.io/web:nope']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /\nError: failed to fetch an image or build from source: could not find image "registry\.fly\.io\/web:nope"\n$/,
    );
    expect((await fly.releases('epsilon')).map((r) => r.Version)).toEqual([1]);
  });
});

describe('rollback = deploy --image <earlier ImageRef> (§1)', () => {
  it('creates release N+1 serving the old behaviour', async () => {
    await fly.app('zeta', { image: 'registry.fly.io/web:good', machines: 2 });
    const url = await fly.url('zeta');
    // No fly.toml checks: the unhealthy image deploys "successfully" and then serves 503.
    const bad = await fly.call(['deploy', '-a', 'zeta', '--build-arg', 'STANDIN_BEHAVIOUR=unhealthy']);
    expect(bad.exitCode).toBe(0);
    expect(await get(`${url}/health`)).toMatchObject({ status: 503 });

    const releases = await fly.releases('zeta');
    const previous = releases.find((r) => r.Version === 1);
    const rollback = await fly.call([
      'deploy',
      '-a',
      'zeta',
      '--image',
      previous?.ImageRef as string,
      '--strategy',
      'immediate',
      '--skip-release-command',
    ]);
    expect(rollback.exitCode).toBe(0);
    const after = await fly.releases('zeta');
    expect(after.map((r) => [r.Version, r.Status, r.ImageRef])).toEqual([
      [3, 'complete', 'registry.fly.io/web:good'],
      [2, 'complete', releases[0]?.ImageRef],
      [1, 'complete', 'registry.fly.io/web:good'],
    ]);
    for (let i = 0; i < 2; i++) {
      const served = await get(`${url}/health`);
      expect(served).toMatchObject({ status: 200 });
    }
    expect(byRelease(await fly.machines('zeta'))).toEqual(['3', '3']);
  });

  it('fails like a missing image once the earlier image was pruned', async () => {
    await fly.app('theta', { image: 'registry.fly.io/web:good', machines: 1 });
    const labelled = await fly.call(['deploy', '-a', 'theta', '--image-label', 'v2-candidate']);
    expect(labelled.exitCode).toBe(0);
    expect((await fly.releases('theta'))[0]?.ImageRef).toBe('registry.fly.io/theta:v2-candidate');
    await fly.prune('registry.fly.io/theta:v2-candidate');
    const rollback = await fly.call(['deploy', '-a', 'theta', '-i', 'registry.fly.io/theta:v2-candidate']);
    expect(rollback.exitCode).toBe(1);
    expect(rollback.stderr).toMatch(
      /Error: failed to fetch an image or build from source: could not find image/,
    );
    expect((await fly.releases('theta')).map((r) => r.Version)).toEqual([2, 1]);
  });

  it('resolves digest-form ImageRefs', async () => {
    const env = { FLY_STANDIN_IMAGE_REF_FORM: 'digest' };
    await fly.app('eta', { machines: 1 });
    const first = await fly.call(['deploy', '-a', 'eta', '--ha=false'], { env });
    expect(first.exitCode).toBe(0);
    const [v1] = await fly.releases('eta');
    expect(v1?.ImageRef).toMatch(/^registry\.fly\.io\/eta@sha256:[0-9a-f]{64}$/);
    const again = await fly.call(['deploy', '-a', 'eta', '-i', v1?.ImageRef as string], { env });
    expect(again.exitCode).toBe(0);
    expect((await fly.releases('eta'))[0]).toMatchObject({ Version: 2, ImageRef: v1?.ImageRef });
  });
});
