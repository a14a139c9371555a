/**
 * Contract §4 (and §13) deploy rules, as the stand-in must follow them: per-machine progress on stdout in the
 * non-interactive status logger's form, the rolling exit code (127 only when a failure cancelled a queued
 * update, else 1 with the error), immediate's joined errors, canary and bluegreen, `--wait-timeout none`,
 * first deploys and restart-only deploys.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StandIn } from './fly.js';
import { byRelease, flyToml, standInWithWebImages } from './deploy-helpers.js';

let fly: StandIn;
const dir = mkdtempSync(join(tmpdir(), 'standin-rollout-'));
const ID = '[0-9a-f]{14}';
const HEALTH_TIMEOUT = `timeout reached waiting for health checks to pass for machine ${ID}: context deadline exceeded`;

beforeAll(async () => {
  fly = await standInWithWebImages();
  await fly.image('registry.fly.io/web:bad-from-2', 'unhealthy', { fromMachine: 2 });
  await fly.image('registry.fly.io/web:bad-from-3', 'unhealthy', { fromMachine: 3 });
});

afterAll(async () => {
  await fly?.stop();
});

/** A deploy of `image` to a fresh app with `machines` v1 machines and an HTTP check on /health. */
async function deployTo(app: string, machines: number, image: string, extra: string[] = []) {
  await fly.app(app, { image: 'registry.fly.io/web:good', machines });
  return fly.run([
    'deploy',
    '-a',
    app,
    '-c',
    flyToml(dir, app),
    '-i',
    image,
    '--wait-timeout',
    '20',
    ...extra,
  ]);
}

describe('rolling: the exit code of a failure (§4)', () => {
  it('two machines, the second (last) fails: exit 1 with the error, release failed', async () => {
    const result = await deployTo('two', 2, 'registry.fly.io/web:bad-from-2');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`\\nError: ${HEALTH_TIMEOUT}\\n$`));
    expect(result.stdout).toMatch(
      new RegExp(`\\n✖ \\[2/2\\] Machine ${ID} \\[app\\] update failed: ${HEALTH_TIMEOUT}\\n$`),
    );
    expect(result.stdout).not.toContain('update canceled');
    expect((await fly.releases('two'))[0]).toMatchObject({ Version: 2, Status: 'failed' });
    expect(byRelease(await fly.machines('two'))).toEqual(['2', '2']);
  });

  it('three machines, the second fails: the third is cancelled, exit 127 without an Error: line', async () => {
    const result = await deployTo('three', 3, 'registry.fly.io/web:bad-from-2');
    expect(result.exitCode).toBe(127);
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.stdout).toMatch(
      new RegExp(
        `\\n✖ \\[2/3\\] Machine ${ID} \\[app\\] update failed: ${HEALTH_TIMEOUT}\\n✖ \\[3/3\\] Machine ${ID} \\[app\\] update canceled\\n$`,
      ),
    );
    expect((await fly.releases('three'))[0]).toMatchObject({ Version: 2, Status: 'interrupted' });
    expect(byRelease(await fly.machines('three'))).toEqual(['1', '2', '2']);
  });

  it('three machines, the third (last) fails: nothing was queued, exit 1', async () => {
    const result = await deployTo('third', 3, 'registry.fly.io/web:bad-from-3');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`\\nError: ${HEALTH_TIMEOUT}\\n$`));
    expect(result.stdout).toMatch(/✔ \[2\/3\] Machine [0-9a-f]{14} \[app\] update succeeded\n/);
    expect((await fly.releases('third'))[0]).toMatchObject({ Version: 2, Status: 'failed' });
  });

  it('--max-unavailable 2: two updates in flight fail together, errors joined, exit 1', async () => {
    const result = await deployTo('pair', 3, 'registry.fly.io/web:bad-from-2', ['--max-unavailable', '2']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`\\nError: ${HEALTH_TIMEOUT}\\n${HEALTH_TIMEOUT}\\n$`));
    expect(result.stdout).not.toContain('update canceled');
    expect(byRelease(await fly.machines('pair'))).toEqual(['2', '2', '2']);
  });

  it('--deploy-retries above 0 (the recovery path) returns the first error only: exit 1', async () => {
    const result = await deployTo('retry', 3, 'registry.fly.io/web:bad-from-2', ['--deploy-retries', '1']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`\\nError: ${HEALTH_TIMEOUT}\\n$`));
  });
});

describe('where the output goes (§4)', () => {
  it('prints per-machine progress on stdout, the blocks and the error on stderr', async () => {
    await fly.app('progress', { image: 'registry.fly.io/web:good', machines: 2 });
    const config = flyToml(dir, 'progress');
    const result = await fly.run(
      ['deploy', '-a', 'progress', '-c', config, '-i', 'registry.fly.io/web:good'],
      {
        env: { FLY_EMIT_RELEASE_JSON: '1' },
      },
    );
    expect(result.exitCode).toBe(0);
    // Group i is machine i's ID; the first health line only shows when the first poll was not passing.
    const machine = (i: number) =>
      `> \\[${i}/2\\] Updating (${ID}) \\[app\\]\\n` +
      `> \\[${i}/2\\] Updating \\${i} \\[app\\]\\n` +
      `> \\[${i}/2\\] Waiting for \\${i} \\[app\\] to have state: started\\n` +
      `> \\[${i}/2\\] Machine \\${i} \\[app\\] has state: started\\n` +
      `> \\[${i}/2\\] Checking that \\${i} \\[app\\] is up and running\\n` +
      `(?:> \\[${i}/2\\] Waiting for \\${i} \\[app\\] to become healthy: 0/1\\n\\n)?` +
      `> \\[${i}/2\\] Waiting for \\${i} \\[app\\] to become healthy: 1/1\\n\\n` +
      `✔ \\[${i}/2\\] Machine \\${i} \\[app\\] update succeeded\\n`;
    expect(result.stdout).toMatch(
      new RegExp(
        `^Validating ${config}\\n\\x1b\\[32m✓\\x1b\\[0m Configuration is valid\\n\\nWatch your deployment at https://fly\\.io/apps/progress/monitoring\\n\\nUpdating existing machines in 'progress' with rolling strategy\\n${machine(1)}${machine(2)}\\{"id":"[A-Za-z0-9]+","version":2,"image_ref":"registry\\.fly\\.io/web:good"\\}\\n\\nVisit your newly deployed app at https://progress\\.fly\\.dev/\\n\\n$`,
      ),
    );
    expect(result.stderr).toBe(
      "==> Verifying app config\n--> Verified app config\n==> Building image\nSearching for image 'registry.fly.io/web:good' remotely...\n" +
        result.stderr.split('\n')[4] +
        '\nChecking DNS configuration for progress.fly.dev\n',
    );
    expect(result.stderr.split('\n')[4]).toMatch(/^image found: img_[0-9a-f]+$/);
  });

  it('--detach updates the machines without waiting for any state or check', async () => {
    await fly.app('detached', { image: 'registry.fly.io/web:good', machines: 1 });
    const config = flyToml(dir, 'detached');
    const result = await fly.run([
      'deploy',
      '-a',
      'detached',
      '-c',
      config,
      '-i',
      'registry.fly.io/web:bad',
      '--detach',
    ]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(
      /\n> Updating ([0-9a-f]{14}) \[app\]\n> Updating \1 \[app\]\n✔ Machine \1 \[app\] update succeeded\n/,
    );
    expect(result.stderr).not.toContain('Checking DNS');
  });

  it('a first deploy launches the machines one after the other', async () => {
    await fly.app('fresh', { machines: 2 });
    const result = await fly.run(['deploy', '-a', 'fresh', '-c', flyToml(dir, 'fresh')]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(
      /\n> Launching new machine\nNo machines in group app, launching a new machine\n> Machine ([0-9a-f]{14}) \[app\] was created\n✔ Machine \1 \[app\] update finished: success\nCreating a second machine for high availability and zero downtime deployments\.\nTo disable this, set "min_machines_running = 0" in your fly\.toml\.\n✔ Machine ([0-9a-f]{14}) \[app\] was created\n✔ Machine \2 \[app\] update finished: success\n/,
    );
    expect(result.stdout).not.toContain('Updating existing machines');
    expect(result.stderr).toMatch(/\nFinished launching new machines\n/);
  });
});

describe('immediate (§4)', () => {
  it('waits for nothing and prints each update', async () => {
    await fly.app('quick', { image: 'registry.fly.io/web:good', machines: 2 });
    const result = await fly.run([
      'deploy',
      '-a',
      'quick',
      '-i',
      'registry.fly.io/web:crash',
      '--strategy',
      'immediate',
    ]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/\nUpdating existing machines in 'quick' with immediate strategy\n/);
    expect(
      result.stdout.match(/^✔ \[[12]\/2\] Machine [0-9a-f]{14} \[app\] update succeeded$/gm),
    ).toHaveLength(2);
    expect(result.stdout).not.toMatch(/Waiting for|Checking that/);
  });

  it('joins update errors: exit 1, release failed, no "Continuing after error" (removed in v0.1.112)', async () => {
    await fly.image('registry.fly.io/web:refused', 'healthy', {
      updateError: 'failed to update VM: image refused',
    });
    await fly.app('refuse', { image: 'registry.fly.io/web:good', machines: 2 });
    const result = await fly.run([
      'deploy',
      '-a',
      'refuse',
      '-i',
      'registry.fly.io/web:refused',
      '--strategy',
      'immediate',
    ]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /\nError: failed to update VM: image refused\nfailed to update VM: image refused\n$/,
    );
    expect(
      result.stdout.match(
        /^✖ \[[12]\/2\] Machine [0-9a-f]{14} \[app\] update failed: failed to update VM: image refused$/gm,
      ),
    ).toHaveLength(2);
    expect(`${result.stdout}${result.stderr}`).not.toContain('Continuing after error');
    expect((await fly.releases('refuse'))[0]).toMatchObject({ Version: 2, Status: 'failed' });
  });
});

describe('canary and bluegreen (§4)', () => {
  it('canary: a new canary machine first (fly_canary=true), destroyed on success, then rolling', async () => {
    await fly.app('bird', { image: 'registry.fly.io/web:good', machines: 1 });
    const result = await fly.run([
      'deploy',
      '-a',
      'bird',
      '-i',
      'registry.fly.io/web:good',
      '--strategy',
      'canary',
    ]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(
      /\n> Creating canary machine for group app\n> Machine ([0-9a-f]{14}) \[app\] was created\n✔ Machine \1 \[app\] update finished: success\nmachine \1 was found and is currently in created state, attempting to destroy\.\.\.\nUpdating existing machines in 'bird' with canary strategy\n/,
    );
    expect(await fly.machines('bird')).toHaveLength(1);
  });

  it('canary: a failing canary is left behind, tagged, and the error says why', async () => {
    await fly.app('crow', { image: 'registry.fly.io/web:good', machines: 1 });
    const result = await fly.run([
      'deploy',
      '-a',
      'crow',
      '-i',
      'registry.fly.io/web:crash',
      '--strategy',
      'canary',
    ]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(
      /\n✖ Failed to create canary machine: smoke checks for [0-9a-f]{14} failed: the app appears to be crashing\n$/,
    );
    const canaries = (await fly.machines('crow')).filter((m) => m.config.metadata.fly_canary === 'true');
    expect(canaries).toHaveLength(1);
    expect(Object.keys(canaries[0]?.config.metadata ?? {})[0]).toBe('fly_canary');
  });

  it('bluegreen refuses a config without checks', async () => {
    await fly.app('nocheck', { image: 'registry.fly.io/web:good', machines: 1 });
    const result = await fly.run([
      'deploy',
      '-a',
      'nocheck',
      '-i',
      'registry.fly.io/web:good',
      '--strategy',
      'bluegreen',
    ]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /\nVerifying if app can be safely deployed \n\n\[WARN\] Machine [0-9a-f]{14} \[app\] doesn't have healthchecks setup\. We won't check its health\.\n\nYou need to define at least 1 check in order to use blue-green deployments\. Refer to https:\/\/fly\.io\/docs\/reference\/configuration\/#services-tcp_checks\nError: app not in valid state for bluegreen deployments\n$/,
    );
    expect((await fly.releases('nocheck'))[0]).toMatchObject({ Version: 2, Status: 'failed' });
  });

  it('bluegreen refuses machines running different images', async () => {
    // The third update is cancelled: v1's image on one machine, the new one on two.
    const result = await deployTo('mixed', 3, 'registry.fly.io/web:bad-from-2');
    expect(result.exitCode).toBe(127);
    const again = await fly.run([
      'deploy',
      '-a',
      'mixed',
      '-c',
      flyToml(dir, 'mixed'),
      '-i',
      'registry.fly.io/web:good',
      '--strategy',
      'bluegreen',
    ]);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toMatch(
      /\n {2}Found 2 different images in your app \(for bluegreen to work, all machines need to run a single image\)\n/,
    );
    expect(again.stderr).toMatch(/\nError: found multiple image versions\n$/);
  });
});

describe('--wait-timeout none (§4, §13)', () => {
  it('is not "forever": a 2-minute state wait with a warning, and a zero health wait', async () => {
    await fly.app('zero', { image: 'registry.fly.io/web:good', machines: 1 });
    const result = await fly.run([
      'deploy',
      '-a',
      'zero',
      '-c',
      flyToml(dir, 'zero'),
      '-i',
      'registry.fly.io/web:good',
      '--wait-timeout',
      'none',
    ]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(
      '\x1b[2mINFO\x1b[0m Using wait timeout: 0s lease timeout: 13s delay between lease refreshes: 4s\n\n',
    );
    expect(result.stdout).toContain(
      '\x1b[33mWARN\x1b[0m resolveTimeoutContext: allowInfinite is false and timeout is 0, setting timeout to 2 minutes\n\n',
    );
    expect(result.stderr).toMatch(new RegExp(`\\nError: ${HEALTH_TIMEOUT}\\n$`));
  });
});

describe('restart-only deploys (§5)', () => {
  it('take the strategy of the deployed config and print no Watch/Visit lines', async () => {
    await fly.app('later', { image: 'registry.fly.io/web:good', machines: 2 });
    const deployed = await fly.call([
      'deploy',
      '-a',
      'later',
      '-i',
      'registry.fly.io/web:good',
      '--strategy',
      'immediate',
    ]);
    expect(deployed.exitCode).toBe(0);
    const set = await fly.call(['secrets', 'set', '-a', 'later', 'TOKEN=abc']);
    expect(set.exitCode).toBe(0);
    expect(set.stdout).toMatch(/^Updating existing machines in 'later' with immediate strategy\n/);
    expect(set.stdout).not.toMatch(/Watch your deployment|Visit your newly deployed app/);
    expect((await fly.releases('later'))[0]).toMatchObject({ Version: 3, Status: 'complete' });
  });
});
