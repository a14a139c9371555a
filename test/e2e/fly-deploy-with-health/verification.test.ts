/**
 * Verification that its own probe cannot fool, end to end against the Fly stand-in: the release serving
 * now is probed first (a check that fails there stops the run before anything changes, unless
 * deploy-when-unhealthy), the default health URL comes from the fly.toml check, a bad body check stops
 * before flyctl runs, and the verification window rolls back a release that degrades after turning healthy.
 * Runs dist/fly-deploy-with-health: build it first (npm test checks dist/ is current before jest).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { createStandIn, type StandIn } from '../../stand-in/fly.js';
import { fastHealth, projectDir } from '../../support/deploy-project.js';
import { writeFlyToml } from '../../support/fly-toml.js';
import { getJson } from '../../support/http.js';
import { runAction, type RunOptions } from '../../support/run-action.js';

let fly: StandIn;
let cwd: string;

beforeAll(async () => {
  fly = await createStandIn({ timeScale: 0.02 });
  cwd = projectDir();
  // No check on /health: its only HTTP check is the top-level [checks.ready] on /ready.
  writeFlyToml(cwd, 'ready.toml', {
    check: false,
    extra: '[checks.ready]\n  type = "http"\n  port = 8080\n  path = "/ready"',
  });
  await fly.image('registry.fly.io/web:v1', 'healthy');
  await fly.image('registry.fly.io/web:bad', 'unhealthy');
}, 120_000);

afterAll(async () => {
  await fly?.stop();
});

async function deploy(app: string, inputs: Record<string, string>, options: RunOptions = {}) {
  const url = await fly.url(app);
  return runAction('fly-deploy-with-health', {
    cwd,
    path: [fly.binDir],
    ...options,
    env: { ...fly.env, ...options.env },
    inputs: { app, config: 'plain.toml', 'health-url': `${url}/health`, ...fastHealth, ...inputs },
  });
}

const flyctlCalls = (app: string) =>
  fly
    .invocations()
    .filter((i) => i.argv.includes(app))
    .map((i) => i.argv[0]);

const errorOf = (result: Awaited<ReturnType<typeof runAction>>) =>
  result.annotations.find((a) => a.level === 'error')?.message ?? '';

async function serving(app: string) {
  const url = await fly.url(app);
  const root = await getJson(`${url}/`);
  return {
    health: (await getJson(`${url}/health`)).status,
    ...(typeof root.body === 'object' ? root.body : {}),
  };
}

describe('the probe of the release serving now', () => {
  it('stops before any release when the health check fails against the serving release', async () => {
    await fly.app('misfit', { image: 'registry.fly.io/web:bad', machines: 1 });
    const result = await deploy('misfit', {
      'build-args': 'STANDIN_BEHAVIOUR=healthy',
      secrets: 'API_KEY=zq-never-staged',
    });
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({
      outcome: 'not-deployed',
      healthy: 'false',
      'rolled-back': 'false',
      'release-version': '',
      'previous-version': '1',
    });
    const errors = result.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(
      /^Deploy of misfit stopped before deploying: the health check fails against the release serving now \(v1\): it is unhealthy after 3 attempt\(s\) .*HTTP 503.*The health URL or expectations are misconfigured, or production is already down\. Nothing was deployed; set deploy-when-unhealthy: true to deploy anyway/,
    );
    // Nothing changed: no new release, nothing staged, no deploy ran, and v1 still serves.
    expect((await fly.releases('misfit')).map((r) => r.Version)).toEqual([1]);
    expect(await fly.secrets('misfit')).toEqual({ staged: {}, deployed: {} });
    expect(flyctlCalls('misfit')).not.toContain('deploy');
    expect(flyctlCalls('misfit')).not.toContain('secrets');
    expect(await serving('misfit')).toMatchObject({ release: 1, image: 'registry.fly.io/web:bad' });
    expect(result.summary).toMatch(/\| probe serving release \|.*✘ v1 is unhealthy after 3 attempt/);
    expect(result.summary).toContain('### Release serving before (v1)');
  });

  it('deploys anyway with deploy-when-unhealthy: the fix for an outage goes out', async () => {
    await fly.app('outage', { image: 'registry.fly.io/web:bad', machines: 1 });
    const result = await deploy('outage', {
      'build-args': 'STANDIN_BEHAVIOUR=healthy',
      'deploy-when-unhealthy': 'true',
    });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ outcome: 'healthy', 'release-version': '2' });
    expect(result.annotations).toContainEqual(
      expect.objectContaining({ level: 'warning', message: expect.stringMatching(/deploying anyway/) }),
    );
    expect(await serving('outage')).toMatchObject({ health: 200, release: 2 });
  });

  it('does not roll back to a release that failed the same probe before the deploy', async () => {
    await fly.app('stuck', { image: 'registry.fly.io/web:bad', machines: 1 });
    const result = await deploy('stuck', {
      strategy: 'immediate',
      'build-args': 'STANDIN_BEHAVIOUR=unhealthy',
      'deploy-when-unhealthy': 'true',
    });
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({
      outcome: 'failed',
      'rolled-back': 'false',
      'release-version': '2',
    });
    expect(errorOf(result)).toMatch(
      /Nothing was rolled back: v1, the release serving before, failed the same health check before this deploy \(unhealthy after 3 attempt\(s\).*\), so a rollback to it cannot help: release v2 stays/,
    );
    expect(flyctlCalls('stuck').filter((c) => c === 'deploy')).toHaveLength(1);
    expect((await fly.releases('stuck')).map((r) => [r.Version, r.Status])).toEqual([
      [2, 'complete'],
      [1, 'complete'],
    ]);
  });
});

describe('the default health URL', () => {
  it("is https://<Hostname> with the path of the fly.toml's HTTP check, named in the log", async () => {
    const app = 'nzt-standin-ready-path';
    await fly.app(app, { image: 'registry.fly.io/web:v1', machines: 1 });
    const result = await runAction('fly-deploy-with-health', {
      cwd,
      path: [fly.binDir],
      env: fly.env,
      inputs: { ...fastHealth, app, config: 'ready.toml', 'health-timeout': '1s' },
    });
    expect(result.stdout).toContain(`health URL: https://${app}.fly.dev/ready (checks.ready in ready.toml)`);
    // The stand-in's hostname is not reachable from here, so the serving release "fails" that probe.
    expect(result.outputs).toMatchObject({ outcome: 'not-deployed' });
    expect(errorOf(result)).toContain(`at https://${app}.fly.dev/ready.`);
    expect(result.summary).toContain(`\`https://${app}.fly.dev/ready\` (checks.ready in ready.toml)`);
    expect(flyctlCalls(app)).not.toContain('deploy');
  });

  it.each([
    ['plain.toml', 'plain.toml declares no HTTP check with a path'],
    ['', 'there is no fly.toml in '],
  ])('falls back to /health, and says why (config %j)', async (config, why) => {
    const app = `nzt-standin-fallback-${config ? 'plain' : 'none'}`;
    await fly.app(app, { image: 'registry.fly.io/web:v1', machines: 1 });
    const result = await runAction('fly-deploy-with-health', {
      cwd,
      path: [fly.binDir],
      env: fly.env,
      inputs: { ...fastHealth, app, config, 'health-timeout': '1s' },
    });
    expect(result.stdout).toContain(`health URL: https://${app}.fly.dev/health (the default: ${why}`);
    expect(flyctlCalls(app)).not.toContain('deploy');
  });

  it('refuses a config that does not exist, before flyctl runs', async () => {
    const result = await runAction('fly-deploy-with-health', {
      cwd,
      path: [fly.binDir],
      env: fly.env,
      inputs: { app: 'nowhere', config: join('apps', 'missing.toml') },
    });
    expect(result.exitCode).toBe(1);
    expect(errorOf(result)).toMatch(/^Input 'config': "?apps\/missing\.toml"? does not exist/);
    expect(flyctlCalls('nowhere')).toEqual([]);
  });
});

describe('a body check that is not the documented syntax', () => {
  it.each([
    ['$.status = "ok"', /has a single =, not ==/],
    ['$.status != "down"', /uses !=/],
    ['$.status ==', /has nothing after ==/],
  ])('%j is refused before flyctl runs', async (body, problem) => {
    const result = await runAction('fly-deploy-with-health', {
      cwd,
      path: [fly.binDir],
      env: fly.env,
      inputs: { app: 'never', 'health-expect-body': body },
    });
    expect(result.exitCode).toBe(1);
    const errors = result.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/^Input 'health-expect-body': /);
    expect(errors[0]?.message).toMatch(problem);
    expect(errors[0]?.message).toContain('Write $.path == value');
    expect(flyctlCalls('never')).toEqual([]);
  });
});

describe('the verification window', () => {
  it('rolls back a release that turns healthy and then degrades, on its error rate', async () => {
    await fly.app('wilting', { image: 'registry.fly.io/web:v1', machines: 1 });
    const result = await deploy('wilting', {
      strategy: 'immediate',
      'build-args': 'STANDIN_BEHAVIOUR=degrading\nSTANDIN_FAIL_AFTER=6000',
      'verify-window': '20s',
      'verify-interval': '250ms',
      'verify-max-error-rate': '5',
    });
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({
      outcome: 'rolled-back',
      'rolled-back': 'true',
      'release-version': '2',
    });
    expect(Number(result.outputs['verify-samples'])).toBeGreaterThan(0);
    expect(Number(result.outputs['verify-error-rate'])).toBeGreaterThan(5);
    expect(result.outputs['verify-p95-ms']).toMatch(/^\d+$/);
    expect(errorOf(result)).toMatch(
      /release v2 turned healthy, then failed the verification window at .*: \d+ of the first \d+ samples failed, more than the 5% of 80 the window allows/,
    );
    expect(errorOf(result)).toMatch(/Rolled back to v1 \(registry\.fly\.io\/web:v1\) as release v3/);
    expect(result.summary).toMatch(/\| health check \|.*✔.*\| verification window \|.*✘/s);
    expect(result.summary).toContain('#### Verification window');
    expect(result.summary).toMatch(/Failed samples: \d+× status \(last: HTTP 503/);
    expect(await serving('wilting')).toMatchObject({
      health: 200,
      release: 3,
      image: 'registry.fly.io/web:v1',
    });
  });

  it('passes a release that stays healthy through the window, and reports its figures', async () => {
    await fly.app('steady', { image: 'registry.fly.io/web:v1', machines: 1 });
    const result = await deploy('steady', {
      strategy: 'immediate',
      'build-args': 'STANDIN_BEHAVIOUR=healthy',
      'verify-window': '2s',
      'verify-interval': '200ms',
      // Limits far above a loopback answer, so one slow sample on a loaded machine fails nothing.
      'health-timeout': '5s',
      'verify-max-p95': '5s',
    });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({
      outcome: 'healthy',
      'verify-samples': '10',
      'verify-error-rate': '0',
    });
    expect(result.outputs['verify-p50-ms']).toMatch(/^\d+$/);
    expect(result.summary).toMatch(
      /\| 10 \| 0 \| 0% \| \d+ms \| \d+ms \| \d+ms \| error rate ≤ 1%, p95 ≤ 5000ms \|/,
    );
    expect(result.summary).toMatch(/\| verification window \|.*✔ 10 sample\(s\)/);
  });
});
