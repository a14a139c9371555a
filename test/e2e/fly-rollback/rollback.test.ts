/**
 * fly-rollback end to end: the bundle runs as the runner runs it, against the local Fly stand-in (machines
 * are real processes on loopback, flyctl's JSON, messages and exit codes) and a GitHub Deployments fake.
 * Runs dist/fly-rollback (and dist/fly-deploy-with-health for the drift case): build them first.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStandIn, type StandIn } from '../../stand-in/fly.js';
import { fastHealth, projectDir } from '../../support/deploy-project.js';
import { writeFlyToml } from '../../support/fly-toml.js';
import { getJson } from '../../support/http.js';
import { runAction, type RunOptions } from '../../support/run-action.js';
import { startGitHubFake, type GitHubFake } from './github-fake.js';

let fly: StandIn;
let github: GitHubFake;
let cwd: string;

const fast = {
  'health-retries': '3',
  'health-interval': '300ms',
  'health-timeout': '1s',
  'health-schedule': 'fixed',
  'rollout-timeout': '5s',
};

beforeAll(async () => {
  fly = await createStandIn({ timeScale: 0.02 });
  cwd = projectDir();
  for (const tag of ['v1', 'v2', 'v3']) await fly.image(`registry.fly.io/web:${tag}`, 'healthy');
  await fly.image('registry.fly.io/web:bad', 'unhealthy');
  github = await startGitHubFake();
}, 120_000);

afterAll(async () => {
  await fly?.stop();
  await github?.close();
});

/** An app whose releases v1, v2, … ran these images (each a real deploy, machines updated). */
async function appWith(app: string, images: string[]): Promise<void> {
  const [first, ...rest] = images;
  await fly.app(app, { image: first as string, machines: 1 });
  for (const image of rest) {
    const deployed = await fly.call(
      ['deploy', '-a', app, '--image', image, '--strategy', 'immediate', '--config', 'plain.toml'],
      { cwd },
    );
    if (deployed.exitCode !== 0) throw new Error(`stand-in deploy of ${image} failed: ${deployed.stderr}`);
  }
}

async function rollback(app: string, inputs: Record<string, string> = {}, options: RunOptions = {}) {
  const url = await fly.url(app);
  return runAction('fly-rollback', {
    cwd,
    path: [fly.binDir],
    ...options,
    env: { ...fly.env, GITHUB_API_URL: github.url, ...options.env },
    inputs: { app, config: 'plain.toml', 'health-url': `${url}/health`, ...fast, ...inputs },
  });
}

/** What the app's front door serves now: the release and image of the machine that answered. */
async function serving(app: string): Promise<Record<string, unknown>> {
  const url = await fly.url(app);
  const health = await getJson(`${url}/health`);
  const root = await getJson(`${url}/`);
  return { health: health.status, ...(typeof root.body === 'object' ? root.body : {}) };
}

const deploysOf = (app: string) =>
  fly.invocations().filter((i) => i.argv[0] === 'deploy' && i.argv.includes(app));
const errorOf = (result: { annotations: { level: string; message: string }[] }) =>
  result.annotations.find((a) => a.level === 'error')?.message ?? '';

describe('fly-rollback against the stand-in', () => {
  it('rolls back by default to the newest complete release with another image, and verifies it', async () => {
    // v2 and v3 run the same image: v2 is passed over, v1 is the target.
    await appWith('plain', ['registry.fly.io/web:v1', 'registry.fly.io/web:v2', 'registry.fly.io/web:v2']);
    const result = await rollback('plain');
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({
      'from-version': '3',
      'to-version': '1',
      'image-ref': 'registry.fly.io/web:v1',
      'release-version': '4',
      healthy: 'true',
      outcome: 'healthy',
    });
    expect(await serving('plain')).toMatchObject({
      health: 200,
      release: 4,
      image: 'registry.fly.io/web:v1',
    });
    // The target's image, fast, without the release command (the action.yml defaults).
    expect(deploysOf('plain').at(-1)?.argv).toEqual(
      expect.arrayContaining([
        '--image',
        'registry.fly.io/web:v1',
        '--strategy',
        'immediate',
        '--skip-release-command',
      ]),
    );
    expect(result.summary).toContain('fly-rollback: plain ✅ rolled back and healthy');
    expect(result.summary).toMatch(/newest complete release older than the serving v3 whose image differs/);
    expect(result.summary).toMatch(/passed over: v2 \(the image serving now\)/);
    expect(result.summary).toMatch(/\| v3 \| complete \|.*\| ● serving now \|/);
    expect(result.summary).toMatch(/\| v1 \| complete \|.*\| → target \|/);
    expect(result.summary).toMatch(/\| 1 \|.*\| 200 \|.*\| ok \|/);
    // Without an environment nothing is recorded, and drift could not be checked: said so.
    expect(result.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        message: expect.stringMatching(/^Could not check what changed since v1/),
      }),
    );
    expect(result.outputs.report).toMatch(/fly-rollback-report\.json$/);
  });

  it('rolls back to a given version', async () => {
    await appWith('pick', ['registry.fly.io/web:v1', 'registry.fly.io/web:v2', 'registry.fly.io/web:v3']);
    const result = await rollback('pick', { version: 'v1' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ 'from-version': '3', 'to-version': '1', 'release-version': '4' });
    expect(await serving('pick')).toMatchObject({ release: 4, image: 'registry.fly.io/web:v1' });
    expect(result.summary).toContain('version 1 was asked for');
  });

  it('deploys an explicit image that no listed release has', async () => {
    await appWith('imagey', ['registry.fly.io/web:v2', 'registry.fly.io/web:v3']);
    const result = await rollback('imagey', { image: 'registry.fly.io/web:v1' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({
      'from-version': '2',
      'to-version': '',
      'image-ref': 'registry.fly.io/web:v1',
      'release-version': '3',
      healthy: 'true',
    });
    expect(result.summary).toContain('none of the listed releases has it');
    expect(await serving('imagey')).toMatchObject({ release: 3, image: 'registry.fly.io/web:v1' });
  });

  it('refuses a target whose image is the one serving, before anything changes', async () => {
    await appWith('same', ['registry.fly.io/web:v1', 'registry.fly.io/web:v2', 'registry.fly.io/web:v1']);
    const before = deploysOf('same').length;
    const byVersion = await rollback('same', { version: '1' });
    expect(byVersion.exitCode).toBe(1);
    expect(errorOf(byVersion)).toBe(
      "Input 'version': v1 runs registry.fly.io/web:v1, the image serving now (v3). A rollback to it would change nothing: pick a release with another image.",
    );
    const serving3 = await rollback('same', { version: '3' });
    expect(errorOf(serving3)).toMatch(/^Input 'version': v3 is the release serving now\./);
    const byImage = await rollback('same', { image: 'registry.fly.io/web:v1' });
    expect(errorOf(byImage)).toMatch(
      /^Input 'image': registry\.fly\.io\/web:v1 is the image serving now \(v3\)\./,
    );
    expect(deploysOf('same')).toHaveLength(before);
    expect((await fly.releases('same')).map((r) => r.Version)).toEqual([3, 2, 1]);
    expect(byVersion.summary).toContain('fly-rollback: same ❌ did not roll back');
  });

  it('says how to pass image for a version outside the 25 releases flyctl lists', async () => {
    await appWith('old', ['registry.fly.io/web:v1']);
    await fly.call(['standin', 'history', 'old', '--count', '30', '--image', 'registry.fly.io/web:v2']);
    const result = await rollback('old', { version: '1' });
    expect(result.exitCode).toBe(1);
    expect(errorOf(result)).toBe(
      "Input 'version': v1 is not among the 25 release(s), v7 to v31 that flyctl lists for old. flyctl lists only the 25 newest releases (docs/flyctl-contract.md §12), so deploy its image instead: set image to its ImageRef (from the GitHub Deployment or the job log of the run that deployed it).",
    );
    // With the release's GitHub Deployment record, the error names the image to pass.
    github.seed({
      environment: 'production-old',
      payload: {
        nuzantara: {
          schema: 1,
          kind: 'deploy',
          app: 'old',
          release: 1,
          image: 'registry.fly.io/web:v1',
          previousRelease: null,
          outcome: 'healthy',
          rolledBackTo: null,
          startedAt: '2026-11-01T00:00:00.000Z',
          finishedAt: '2026-11-01T00:01:00.000Z',
          config: null,
          secrets: {},
        },
      },
    });
    const recorded = await rollback(
      'old',
      { version: '1', environment: 'production-old' },
      { githubToken: 'ghs_fake' },
    );
    expect(errorOf(recorded)).toMatch(
      /the GitHub Deployment recorded for v1 names it, so set image: registry\.fly\.io\/web:v1\.$/,
    );
    expect(deploysOf('old')).toHaveLength(0);
  });

  it('fails clearly on a pruned image, naming it and the releases that still have theirs', async () => {
    await fly.image('registry.fly.io/pruney:v1', 'healthy');
    await appWith('pruney', [
      'registry.fly.io/pruney:v1',
      'registry.fly.io/web:v2',
      'registry.fly.io/web:v3',
    ]);
    await fly.prune('registry.fly.io/pruney:v1');
    const result = await rollback('pruney', { version: '1' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({
      outcome: 'previous-kept',
      healthy: 'false',
      'release-version': '',
    });
    const error = errorOf(result);
    expect(error).toMatch(
      /^Rollback of pruney to v1 \(registry\.fly\.io\/pruney:v1\) failed: its image registry\.fly\.io\/pruney:v1 is no longer in Fly's registry/,
    );
    expect(error).toContain('nothing was deployed and v3 (registry.fly.io/web:v3) still serves');
    expect(error).toContain(
      "the only releases known to still have theirs are the images the app's machines run now, those of v3 (registry.fly.io/web:v3)",
    );
    expect(error).toContain('v2 (registry.fly.io/web:v2); try version: 2');
    expect((await fly.releases('pruney')).map((r) => r.Version)).toEqual([3, 2, 1]);
    expect(await serving('pruney')).toMatchObject({ health: 200, release: 3 });
  });

  it('deploys the release that served before again when the target fails its health check', async () => {
    await appWith('sick', ['registry.fly.io/web:bad', 'registry.fly.io/web:v1']);
    const result = await rollback('sick');
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({
      'from-version': '2',
      'to-version': '1',
      'release-version': '3',
      healthy: 'false',
      outcome: 'rolled-back',
    });
    expect(errorOf(result)).toMatch(
      /^Rollback of sick to v1 \(registry\.fly\.io\/web:bad\) failed: release v3 is unhealthy after 3 attempt\(s\).*HTTP 503.*v2 \(registry\.fly\.io\/web:v1\), which served before, was deployed again as release v4 and is healthy/,
    );
    expect(await serving('sick')).toMatchObject({ health: 200, release: 4, image: 'registry.fly.io/web:v1' });
    expect(result.summary).toMatch(/\| 3 \|.*\| 503 \|.*status: HTTP 503/);
    expect(result.summary).toContain('### Restore of v2 (registry.fly.io/web:v1)');
  });

  it('changes nothing on a dry run', async () => {
    await appWith('dry', ['registry.fly.io/web:v1', 'registry.fly.io/web:v2']);
    const before = deploysOf('dry').length;
    const result = await rollback('dry', { 'dry-run': 'true' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({
      'from-version': '2',
      'to-version': '1',
      'image-ref': 'registry.fly.io/web:v1',
      'release-version': '',
      healthy: '',
      outcome: 'dry-run',
    });
    expect(result.summary).toContain('dry run: would roll back to v1');
    expect(deploysOf('dry')).toHaveLength(before);
    expect((await fly.releases('dry')).map((r) => r.Version)).toEqual([2, 1]);
    expect(await serving('dry')).toMatchObject({ release: 2 });
  });

  it('warns by name about secrets and fly.toml changed since the target, from the deploys’ records', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rollback-drift-'));
    writeFlyToml(dir, 'fly.toml', { check: false });
    await fly.app('drifty', { image: 'registry.fly.io/web:v1', machines: 1 });
    const url = await fly.url('drifty');
    const deploy = (image: string, secrets: string) =>
      runAction('fly-deploy-with-health', {
        cwd: dir,
        path: [fly.binDir],
        githubToken: 'ghs_fake',
        env: { ...fly.env, GITHUB_API_URL: github.url },
        inputs: {
          app: 'drifty',
          image,
          secrets,
          strategy: 'immediate',
          environment: 'production-drifty',
          'health-url': `${url}/health`,
          ...fastHealth,
        },
      });
    const first = await deploy('registry.fly.io/web:v2', 'API_KEY=fake-key-one-7a1\nKEEP=fake-keep-3c9');
    expect(first.exitCode).toBe(0);
    const second = await deploy('registry.fly.io/web:v3', 'API_KEY=fake-key-two-5b2\nNEW_FLAG=fake-on-8d4');
    expect(second.exitCode).toBe(0);
    // fly.toml changes after v2 was deployed.
    writeFlyToml(dir, 'fly.toml', { check: false, extra: '[deploy]\n  strategy = "immediate"' });

    const result = await runAction('fly-rollback', {
      cwd: dir,
      path: [fly.binDir],
      githubToken: 'ghs_fake',
      env: { ...fly.env, GITHUB_API_URL: github.url },
      inputs: { app: 'drifty', environment: 'production-drifty', 'health-url': `${url}/health`, ...fast },
    });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ 'from-version': '3', 'to-version': '2', healthy: 'true' });
    const warnings = result.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /^Secrets changed since v2 \(its deploy finished [^)]+\): changed \(or set again\): API_KEY; added: NEW_FLAG\. A rollback restores the image only/,
      ),
    );
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /^fly\.toml changed since v2 .*: then fly\.toml \(sha256 [0-9a-f]{12}\), now fly\.toml \(sha256 [0-9a-f]{12}\)/,
      ),
    );
    expect(result.summary).toContain('What changed since v2 (a rollback does not undo it)');
    // The rollback is recorded too: names and digests, never a value.
    const recorded = github.deployments.filter((d) => d.environment === 'production-drifty');
    expect(recorded).toHaveLength(3);
    const last = recorded.at(-1);
    expect(last?.payload).toMatchObject({
      nuzantara: {
        schema: 1,
        kind: 'rollback',
        app: 'drifty',
        release: 4,
        image: 'registry.fly.io/web:v2',
        previousRelease: 3,
        outcome: 'healthy',
        rolledBackTo: 2,
        config: { path: 'fly.toml' },
        secrets: { API_KEY: expect.any(String), NEW_FLAG: expect.any(String) },
      },
    });
    expect(last?.statuses.map((s) => s.state)).toEqual(['success']);
    expect(last?.statuses[0]).toMatchObject({
      environment_url: 'https://drifty.fly.dev',
      log_url: 'https://github.com/nuzantara/example/actions/runs/1234',
    });
    // The runner's own mask commands aside, no value appears anywhere.
    const unmasked = (text: string) => text.replace(/^::add-mask::.*$/gm, '');
    const everything =
      JSON.stringify(github.deployments) + unmasked(result.allText + first.allText + second.allText);
    for (const value of ['fake-key-one-7a1', 'fake-key-two-5b2', 'fake-keep-3c9', 'fake-on-8d4'])
      expect(everything).not.toContain(value);
    expect(await serving('drifty')).toMatchObject({ release: 4, image: 'registry.fly.io/web:v2' });
  });
});
