/**
 * fly-deploy-with-health end to end: the bundle runs as the runner runs it, against the local Fly stand-in
 * (real machine processes on loopback, flyctl's JSON, messages and exit codes), with a stub GitHub API.
 * Runs dist/fly-deploy-with-health: build it first (npm test checks dist/ is current before jest).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runAction, type RunOptions } from '../../support/run-action.js';
import { startHttpStub, type HttpStub } from '../../support/http-stub.js';
import { createStandIn, type StandIn } from '../../stand-in/fly.js';
import { fastHealth, projectDir } from '../../support/deploy-project.js';
import { getJson } from '../../support/http.js';

let fly: StandIn;
let github: HttpStub;
let cwd: string;

beforeAll(async () => {
  fly = await createStandIn({ timeScale: 0.02 });
  cwd = projectDir();
  await fly.image('registry.fly.io/web:v1', 'healthy');
  await fly.image('registry.fly.io/web:bad', 'unhealthy');
  github = await startHttpStub();
  let id = 100;
  github.on('POST', '/repos/nuzantara/example/deployments', () => ({ status: 201, body: { id: ++id } }));
  github.on('POST', '/repos/nuzantara/example/deployments/:id/statuses', (r) => ({
    status: 201,
    body: { id: 1, state: (r.json as { state: string }).state },
  }));
  github.on('POST', '/hooks/slack', () => ({ status: 200, body: 'ok' }));
}, 120_000);

afterAll(async () => {
  await fly?.stop();
  await github?.close();
});

async function deploy(app: string, inputs: Record<string, string>, options: RunOptions = {}) {
  const url = await fly.url(app);
  return runAction('fly-deploy-with-health', {
    cwd,
    path: [fly.binDir],
    ...options,
    env: { ...fly.env, GITHUB_API_URL: github.url, ...options.env },
    inputs: { app, config: 'plain.toml', 'health-url': `${url}/health`, ...fastHealth, ...inputs },
  });
}

/** What the app's front door serves now: the release and image of the machine that answered. */
async function serving(app: string): Promise<Record<string, unknown>> {
  const url = await fly.url(app);
  const health = await getJson(`${url}/health`);
  const root = await getJson(`${url}/`);
  return { health: health.status, ...(typeof root.body === 'object' ? root.body : {}) };
}

describe('fly-deploy-with-health against the stand-in', () => {
  it('deploys a healthy build, verifies it and records the GitHub Deployment', async () => {
    await fly.app('happy', { image: 'registry.fly.io/web:v1', machines: 2 });
    const before = github.requests.length;
    const result = await deploy(
      'happy',
      { config: 'checks.toml', 'build-args': 'STANDIN_BEHAVIOUR=healthy', environment: 'production' },
      { githubToken: 'ghs_stubtoken' },
    );
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({
      'release-version': '2',
      'previous-version': '1',
      'previous-image-ref': 'registry.fly.io/web:v1',
      healthy: 'true',
      'rolled-back': 'false',
      outcome: 'healthy',
      url: 'https://happy.fly.dev',
      'health-attempts': '1',
    });
    expect(result.outputs['image-ref']).toMatch(/^registry\.fly\.io\/happy:deployment-/);
    expect(Number(result.outputs['deploy-seconds'])).toBeGreaterThan(0);
    expect(result.outputs['health-latency-ms']).toMatch(/^\d+$/);
    expect(result.summary).toContain('deployed and healthy');
    expect(result.summary).toMatch(
      /\| record current release \|.*\| deploy \|.*\| verify rollout \|.*\| health check \|/s,
    );
    expect((await serving('happy')).release).toBe(2);

    const calls = github.requests.slice(before);
    // Recorded once the outcome is known: the Deployment with its payload, then its final status.
    expect(calls.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /repos/nuzantara/example/deployments',
      expect.stringMatching(/^POST \/repos\/nuzantara\/example\/deployments\/\d+\/statuses$/),
    ]);
    expect(calls[0]?.json).toMatchObject({
      environment: 'production',
      ref: '0123456789abcdef0123456789abcdef01234567',
      payload: {
        nuzantara: {
          schema: 1,
          kind: 'deploy',
          app: 'happy',
          release: 2,
          image: result.outputs['image-ref'],
          previousRelease: 1,
          outcome: 'healthy',
          rolledBackTo: null,
          config: { path: 'checks.toml', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
          secrets: {},
        },
      },
    });
    expect(calls[0]?.headers.authorization).toBe('token ghs_stubtoken');
    expect(calls[1]?.json).toMatchObject({
      state: 'success',
      environment_url: 'https://happy.fly.dev',
      log_url: 'https://github.com/nuzantara/example/actions/runs/1234',
    });
  });

  it('leaves strategy and wait-timeout to fly.toml when the inputs are empty', async () => {
    await fly.app('bluey', { image: 'registry.fly.io/web:v1', machines: 2 });
    const result = await deploy('bluey', {
      config: 'bluegreen.toml',
      'build-args': 'STANDIN_BEHAVIOUR=healthy',
      'wait-timeout': '',
    });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ outcome: 'healthy', 'release-version': '2' });
    const argv = fly.invocations().find((i) => i.argv.includes('bluey') && i.argv[0] === 'deploy')?.argv;
    expect(argv).toEqual(expect.arrayContaining(['--config', 'bluegreen.toml']));
    expect(argv).not.toContain('--strategy');
    expect(argv).not.toContain('--wait-timeout');
    expect(result.stdout).toContain("Updating existing machines in 'bluey' with bluegreen strategy");
  });

  it('rolls back when the new release answers 503 after the deploy, and fails the job', async () => {
    await fly.app('sour', { image: 'registry.fly.io/web:v1', machines: 2 });
    const before = github.requests.length;
    const result = await deploy(
      'sour',
      {
        strategy: 'immediate',
        'build-args': 'STANDIN_BEHAVIOUR=unhealthy',
        'notify-webhook': `${github.url}/hooks/slack`,
        environment: 'staging',
      },
      { githubToken: 'ghs_stubtoken' },
    );
    expect(result.exitCode).toBe(1);
    const states = github.requests
      .slice(before)
      .filter((r) => r.path.endsWith('/statuses'))
      .map((r) => r.json);
    expect(states).toEqual([
      expect.objectContaining({ state: 'failure', description: 'Failed; rolled back to v1' }),
    ]);
    const created = github.requests.slice(before).find((r) => r.path.endsWith('/deployments'));
    expect(created?.json).toMatchObject({
      environment: 'staging',
      payload: { nuzantara: { kind: 'deploy', release: 2, outcome: 'rolled-back', rolledBackTo: 1 } },
    });
    // The webhook URL is a secret: masked, and never printed.
    expect(result.masks).toContain(`${github.url}/hooks/slack`);
    expect(result.outputs).toMatchObject({
      healthy: 'false',
      'rolled-back': 'true',
      outcome: 'rolled-back',
      'release-version': '2',
      'health-attempts': '5',
    });
    const error = result.annotations.find((a) => a.level === 'error')?.message ?? '';
    expect(error).toMatch(/Deploy of sour failed: release v2 is unhealthy after 5 attempt\(s\).*HTTP 503/);
    expect(error).toMatch(
      /Rolled back to v1 \(registry\.fly\.io\/web:v1\) as release v3; it is healthy again/,
    );
    // The previous release's image serves again, as a new release.
    const now = await serving('sour');
    expect(now).toMatchObject({ health: 200, release: 3, image: 'registry.fly.io/web:v1' });
    const releases = await fly.releases('sour');
    expect(releases[0]).toMatchObject({ Version: 3, ImageRef: 'registry.fly.io/web:v1', Status: 'complete' });
    expect(result.summary).toContain('Rollback to v1 (registry.fly.io/web:v1)');
    expect(result.summary).toMatch(/\| rollback deploy \|/);
    expect(result.summary).toMatch(/\| 5 \|.*\| 503 \|.*status: HTTP 503, expected 200-299/);
    // The rollback skipped the release command and used a fast strategy.
    const rollbackArgv = fly
      .invocations()
      .filter((i) => i.argv.includes('--image') && i.argv.includes('registry.fly.io/web:v1'))
      .at(-1)?.argv;
    expect(rollbackArgv).toEqual(
      expect.arrayContaining(['--skip-release-command', '--strategy', 'immediate']),
    );
    const notified = github.requests.filter((r) => r.path === '/hooks/slack').at(-1);
    expect((notified?.json as { text: string }).text).toMatch(/\*sour\* deploy .*rolled back/);
  });

  it('rolls back to an ImageRef in the @sha256: form', async () => {
    const env = { FLY_STANDIN_IMAGE_REF_FORM: 'digest' };
    await fly.run(['standin', 'app', 'digesty', '--image', 'registry.fly.io/web:v1', '--machines', '1'], {
      env,
    });
    const previous = (await fly.releases('digesty'))[0]?.ImageRef ?? '';
    expect(previous).toMatch(/@sha256:[0-9a-f]+$/);
    const result = await deploy(
      'digesty',
      { strategy: 'immediate', 'build-args': 'STANDIN_BEHAVIOUR=unhealthy' },
      { env },
    );
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ 'rolled-back': 'true', 'previous-image-ref': previous });
    expect((await fly.releases('digesty'))[0]).toMatchObject({
      Version: 3,
      ImageRef: previous,
      Status: 'complete',
    });
    expect(await serving('digesty')).toMatchObject({ health: 200, release: 3 });
  });

  it('rolls back when the new build crashes at start (flyctl deploy fails)', async () => {
    await fly.app('crashy', { image: 'registry.fly.io/web:v1', machines: 2 });
    const result = await deploy('crashy', { config: 'checks.toml', 'build-args': 'STANDIN_BEHAVIOUR=crash' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ 'rolled-back': 'true', healthy: 'false', 'release-version': '' });
    const error = result.annotations.find((a) => a.level === 'error')?.message ?? '';
    expect(error).toMatch(
      /flyctl deploy failed \(exit 1\): smoke checks for \w+ failed: the app appears to be crashing/,
    );
    expect(error).toMatch(/Rolled back to v1/);
    expect(await serving('crashy')).toMatchObject({ health: 200, image: 'registry.fly.io/web:v1' });
  });

  it('waits out a slow start within the retry budget without rolling back', async () => {
    await fly.app('sleepy', { image: 'registry.fly.io/web:v1', machines: 1 });
    const result = await deploy('sleepy', {
      strategy: 'immediate',
      // Ready well after the deploy and rollout check end, however slowly they run; 30 tries outlast it.
      'build-args': 'STANDIN_BEHAVIOUR=slow\nSTANDIN_READY_AFTER=5000',
      'health-retries': '30',
      'health-interval': '500ms',
      'health-schedule': 'steady',
    });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ healthy: 'true', 'rolled-back': 'false', 'release-version': '2' });
    expect(Number(result.outputs['health-attempts'])).toBeGreaterThan(1);
    expect(result.summary).toMatch(/status: HTTP 503/);
    expect(fly.invocations().filter((i) => i.argv.includes('sleepy') && i.argv[0] === 'deploy')).toHaveLength(
      1,
    );
  });

  it('fails a first deploy and says there is nothing to roll back to', async () => {
    await fly.app('newborn', { machines: 1 });
    const result = await deploy('newborn', {
      config: 'checks.toml',
      'build-args': 'STANDIN_BEHAVIOUR=crash',
    });
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({
      'rolled-back': 'false',
      outcome: 'failed',
      'previous-version': '',
    });
    const error = result.annotations.find((a) => a.level === 'error')?.message ?? '';
    expect(error).toMatch(
      /Nothing was rolled back: this was the first deploy of the app: there is no earlier release to roll back to/,
    );
    expect(result.summary).toContain('Previous release: none ·');
    expect(result.summary).toContain('No rollback: this was the first deploy of the app');
    expect(
      fly.invocations().filter((i) => i.argv.includes('newborn') && i.argv[0] === 'deploy'),
    ).toHaveLength(1);
  });

  it('reports a failed rollback loudly, with what is serving now', async () => {
    // The recorded release's image was pruned from Fly's registry, so it cannot be deployed again.
    await fly.image('registry.fly.io/web:doomed', 'healthy');
    await fly.app('doomed', { image: 'registry.fly.io/web:doomed', machines: 1 });
    await fly.prune('registry.fly.io/web:doomed');
    const result = await deploy('doomed', { config: 'checks.toml', 'build-args': 'STANDIN_BEHAVIOUR=crash' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({
      'rolled-back': 'false',
      outcome: 'rollback-failed',
      healthy: 'false',
    });
    const error = result.annotations.find((a) => a.level === 'error')?.message ?? '';
    expect(error).toMatch(
      /ROLLBACK FAILED: redeploying v1 \(registry\.fly\.io\/web:doomed\) did not bring the app back: flyctl deploy failed \(exit 1\): .*could not find image/,
    );
    expect(error).toMatch(/Now serving: 1 machine\(s\) on v2/);
    expect(result.summary).toContain('[!CAUTION]');
    expect(result.summary).toContain('### Serving now');
  });

  it('needs no rollback deploy when a failed bluegreen deploy left the previous release serving', async () => {
    await fly.app('bluish', { image: 'registry.fly.io/web:v1', machines: 2 });
    const result = await deploy('bluish', {
      config: 'checks.toml',
      strategy: 'bluegreen',
      'build-args': 'STANDIN_BEHAVIOUR=crash',
    });
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({
      outcome: 'previous-kept',
      'rolled-back': 'false',
      healthy: 'false',
    });
    const error = result.annotations.find((a) => a.level === 'error')?.message ?? '';
    expect(error).toMatch(
      /No rollback was needed: flyctl did not replace the serving release: every machine still runs v1/,
    );
    expect(fly.invocations().filter((i) => i.argv[0] === 'deploy' && i.argv.includes('bluish'))).toHaveLength(
      1,
    );
    expect(await serving('bluish')).toMatchObject({ health: 200, release: 1 });
  });

  it('records the Deployment under deployment-ref when the job deploys another commit than the run', async () => {
    await fly.app('other-ref', { image: 'registry.fly.io/web:v1', machines: 1 });
    const before = github.requests.length;
    const result = await deploy(
      'other-ref',
      {
        'build-args': 'STANDIN_BEHAVIOUR=healthy',
        environment: 'production',
        'deployment-ref': 'fedcba9876543210fedcba9876543210fedcba98',
      },
      { githubToken: 'ghs_stubtoken' },
    );
    expect(result.exitCode).toBe(0);
    const created = github.requests.slice(before).find((r) => r.path.endsWith('/deployments'));
    expect(created?.json).toMatchObject({ ref: 'fedcba9876543210fedcba9876543210fedcba98' });
  });

  it('stops before changing anything when the app does not exist', async () => {
    const result = await runAction('fly-deploy-with-health', {
      cwd,
      path: [fly.binDir],
      env: fly.env,
      inputs: { app: 'ghost', secrets: 'A=zqghostvalue', ...fastHealth },
    });
    expect(result.exitCode).toBe(1);
    const errors = result.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/^`flyctl (status|releases) --app ghost --json` failed \(exit 1\): /);
    expect(errors[0]?.message).toMatch(/Nothing was deployed\.$/);
    expect(result.summary).toContain('ghost ❌ did not deploy');
    expect(
      fly
        .invocations()
        .filter((i) => i.argv.includes('ghost'))
        .map((i) => i.argv[0]),
    ).not.toContain('secrets');
  });

  it('treats flyctl exit 127 with no output as a failure and rolls back', async () => {
    await fly.app('silent', { image: 'registry.fly.io/web:v1', machines: 2 });
    const result = await deploy(
      'silent',
      { config: 'checks.toml', 'build-args': 'STANDIN_BEHAVIOUR=healthy' },
      { env: { FLY_STANDIN_FORCE_EXIT: '127' } },
    );
    expect(result.exitCode).toBe(1);
    const error = result.annotations.find((a) => a.level === 'error')?.message ?? '';
    expect(error).toMatch(/flyctl deploy failed \(exit 127\): flyctl exited 127 without printing anything/);
    expect(result.outputs).toMatchObject({ healthy: 'false', 'rolled-back': 'true' });
    expect((await fly.releases('silent')).map((r) => r.Status).slice(0, 2)).toEqual([
      'complete',
      'interrupted',
    ]);
  });
});
