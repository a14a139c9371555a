/**
 * fly-deploy-with-health against dependencies that stop answering (the bundle, run as the runner does):
 * every wait ends with a clear story, a failed deploy leaves the previous release serving, and a GitHub or
 * webhook outage is only a warning. Also: nothing flyctl prints can act as a workflow command.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runAction } from '../../support/run-action.js';
import { startHttpStub, type HttpStub } from '../../support/http-stub.js';
import { stillAlive } from '../../io/processes.js';
import { fakeFlyctl, type FakeFlyctl, type FakePlan } from './fake-flyctl.js';
import { runnerAnnotations } from './runner-commands.js';
import { startSilentServer, type SilentServer } from './silent-server.js';

let app: HttpStub;
let silent: SilentServer;
const fakes: FakeFlyctl[] = [];
beforeAll(async () => {
  app = await startHttpStub();
  app.on('GET', '/health', () => ({ status: 200, body: { status: 'ok' } }));
  silent = await startSilentServer();
});
afterAll(async () => {
  await app.close();
  await silent.close();
  for (const fake of fakes) fake.remove();
});

async function deploy(plan: FakePlan, inputs: Record<string, string> = {}, env: Record<string, string> = {}) {
  const fly = fakeFlyctl(plan);
  fakes.push(fly);
  const result = await runAction('fly-deploy-with-health', {
    inputs: {
      app: 'demo',
      'health-url': `${app.url}/health`,
      'health-retries': '2',
      'health-interval': '1s',
      'health-timeout': '2s',
      'rollout-timeout': '3s',
      'github-token': 'ghs_fakeTokenForTests000000000000000000',
      ...inputs,
    },
    env: { FLY_API_TOKEN: 'FlyV1 fm2_zzfaketoken', ...env },
    path: [fly.binDir],
    timeoutMs: 110_000,
  });
  return { fly, result };
}

describe('fly-deploy-with-health when a dependency stops answering', () => {
  it('flyctl status hanging after the deploy leaves the rollout unverified at rollout-timeout; the probe decides', async () => {
    const { fly, result } = await deploy({ status: [1, 'hang'], deploy: { version: 2 } });
    expect(result.exitCode).toBe(0);
    expect(result.outputs.outcome).toBe('healthy');
    const warnings = result.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
    expect(warnings.join('\n')).toMatch(
      /rollout of release v2 is unverified \(flyctl status failed: flyctl status did not answer within [\d.]+s and was stopped/,
    );
    expect(await stillAlive(fly.pids())).toEqual([]);
  });

  it('a deploy that hangs, its grandchild holding the pipes and ignoring SIGTERM, is stopped at deploy-timeout; the previous release keeps serving', async () => {
    const { fly, result } = await deploy({ status: [1], deploy: 'hang' }, { 'deploy-timeout': '10s' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.outcome).toBe('previous-kept');
    const error = result.annotations.find((a) => a.level === 'error')?.message ?? '';
    expect(error).toMatch(/flyctl deploy did not answer within 10s and was stopped/);
    expect(error).toMatch(/raise deploy-timeout/);
    // No rollback deploy was needed, and nothing of the hung deploy is left running.
    expect(fly.calls().filter((c) => c[0] === 'deploy')).toHaveLength(1);
    expect(await stillAlive(fly.pids())).toEqual([]);
  });

  it('GitHub and the webhook accepting and never answering cost a warning each, never the deploy', async () => {
    silent.hits.length = 0;
    const { result } = await deploy(
      { status: [1, 2], deploy: { version: 2 } },
      { environment: 'production', 'notify-webhook': `${silent.url}/hooks/zzhook`, 'notify-on': 'always' },
      { GITHUB_API_URL: silent.url },
    );
    expect(result.exitCode).toBe(0);
    expect(result.outputs.outcome).toBe('healthy');
    const warnings = result.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
    expect(
      warnings.some((w) => /Could not record a GitHub Deployment .*GitHub did not answer POST/.test(w)),
    ).toBe(true);
    expect(warnings.some((w) => /notify-webhook .*did not answer within 10s/.test(w))).toBe(true);
    const shown = result.allText
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    expect(shown).not.toContain('zzhook');
    // The deployment was asked for once (a write is never sent twice), the webhook once.
    expect(silent.hits.filter((h) => h.startsWith('POST /repos/'))).toHaveLength(1);
    expect(silent.hits.filter((h) => h.includes('/hooks/'))).toHaveLength(1);
  });

  it("nothing flyctl prints (fly.toml values, a build's output) can create an annotation or a mask", async () => {
    const { result } = await deploy({
      status: [1, 2],
      deploy: {
        version: 2,
        lines: [
          '::error::pwned-by-flyctl',
          '   ::add-mask::pwned-mask',
          'Step 3/9 : RUN echo ##[error]pwned-legacy',
          '\u200b::warning file=fly.toml,line=1::pwned-zero-width',
          '::stop-commands::pwned-stop',
        ],
      },
    });
    expect(result.exitCode).toBe(0);
    expect(runnerAnnotations(result.stdout).filter((a) => a.data.includes('pwned'))).toEqual([]);
    expect(result.stdout).toContain('pwned-by-flyctl');
  });
});
