/** The flyctl client against the local Fly stand-in: every reply the actions read parses and means what it should. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createStandIn, type StandIn } from '../stand-in/fly.js';
import { FlyctlClient, FlyctlError } from '../../src/io/flyctl.js';
import { rollbackTarget } from '../../src/domain/deploy/previous.js';
import { verifyRollout } from '../../src/domain/flyctl/rollout.js';

let fly: StandIn;
let client: FlyctlClient;

beforeAll(async () => {
  fly = await createStandIn({ timeScale: 0.02 });
  await fly.image('registry.fly.io/web:v1', 'healthy');
  await fly.image('registry.fly.io/web:v2', 'healthy');
  await fly.app('demo', { image: 'registry.fly.io/web:v1', machines: 2 });
  client = new FlyctlClient({ path: fly.binDir + '/flyctl', env: fly.env, cwd: fly.stateDir, attempts: 1 });
});

afterAll(async () => {
  await fly?.stop();
});

describe('FlyctlClient against the stand-in', () => {
  it('reads version, releases, status and machines', async () => {
    expect((await client.version()).version).toMatch(/^\d+\.\d+\.\d+$/);
    const releases = await client.releases('demo');
    expect(releases.map((r) => [r.version, r.status, r.imageRef])).toEqual([
      [1, 'complete', 'registry.fly.io/web:v1'],
    ]);
    const status = await client.status('demo');
    expect(status).toMatchObject({ name: 'demo', hostname: 'demo.fly.dev', version: 1 });
    expect(rollbackTarget(releases, status.version)?.imageRef).toBe('registry.fly.io/web:v1');
    expect(verifyRollout(status.machines, { version: 1, imageRef: 'registry.fly.io/web:v1' }).complete).toBe(
      true,
    );
    expect((await client.machines('demo')).map((m) => m.id).sort()).toEqual(
      status.machines.map((m) => m.id).sort(),
    );
  });

  it('stages secrets through stdin and lists them without values', async () => {
    const value = 'zq "a" # b\nline two';
    await client.importSecrets('demo', [{ name: 'MULTI', value }]);
    expect((await fly.secrets('demo')).staged).toEqual({ MULTI: value });
    const listed = await client.listSecrets('demo');
    expect(listed).toEqual([expect.objectContaining({ name: 'MULTI', status: 'Staged' })]);
    expect(JSON.stringify(listed)).not.toContain('zq');
  });

  it('deploys an image, reads the emitted release and sees it rolled out', async () => {
    const result = await client.deploy({
      app: 'demo',
      image: 'registry.fly.io/web:v2',
      strategy: 'immediate',
    });
    if (!result.ok) throw new Error(result.failure.message);
    expect(result.release).toMatchObject({ version: 2, imageRef: 'registry.fly.io/web:v2' });
    const status = await client.status('demo');
    expect(verifyRollout(status.machines, { version: 2, imageRef: 'registry.fly.io/web:v2' }).complete).toBe(
      true,
    );
    expect((await fly.secrets('demo')).deployed).toHaveProperty('MULTI');
  });

  it('reports flyctl errors as they are printed', async () => {
    const missing = await client.deploy({ app: 'demo', image: 'registry.fly.io/web:nope' });
    if (missing.ok) throw new Error('expected a failure');
    expect(missing.failure.message).toBe(
      'failed to fetch an image or build from source: could not find image "registry.fly.io/web:nope"',
    );
    await expect(client.status('ghost')).rejects.toBeInstanceOf(FlyctlError);
    const noToken = new FlyctlClient({
      path: fly.binDir + '/flyctl',
      env: { ...fly.env, FLY_ACCESS_TOKEN: '' },
      attempts: 1,
    });
    await expect(noToken.releases('demo')).rejects.toThrow(/no access token available/);
  });
});
