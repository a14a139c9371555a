/**
 * The rollback command in-process on a recording host: its settings, the terminal's refusals before anything
 * runs, and the questions it asks a person (answered here by a scripted `ask`), against the Fly stand-in.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { readRollbackSettings, rollback } from '../../src/commands/rollback.js';
import type { Ask, Choice, Host } from '../../src/host/host.js';
import { inputReader } from '../../src/host/inputs.js';
import { createStandIn, type StandIn } from '../stand-in/fly.js';
import { projectDir } from '../support/deploy-project.js';
import { getJson } from '../support/http.js';
import { actionDefaults } from '../support/run-action.js';
import { testHost, type TestHost } from '../support/test-host.js';

const settingsOf = (inputs: Record<string, string>) => {
  const host = testHost({ action: 'fly-rollback', inputs: { app: 'demo', ...inputs } });
  return readRollbackSettings(inputReader(host), host.context, (v) => host.mask(v));
};

describe('fly-rollback settings', () => {
  it('reads the defaults of action.yml', () => {
    const settings = settingsOf({});
    expect(settings.target).toEqual({});
    expect(settings.dryRun).toBe(false);
    expect(settings.rollback).toMatchObject({
      app: 'demo',
      strategy: 'immediate',
      skipReleaseCommand: true,
      rolloutTimeoutMs: 60_000,
      deployTimeoutMs: 600_000,
      retry: { mode: 'adaptive', attempts: 10, intervalMs: 10_000 },
    });
    expect(Object.keys(actionDefaults('fly-rollback'))).toContain('health-expect-body');
  });

  it('records under deployment-ref when given, and refuses one that is no ref', () => {
    expect(settingsOf({}).deploymentRef).toBeUndefined();
    expect(settingsOf({ 'deployment-ref': 'a1b2c3d' }).deploymentRef).toBe('a1b2c3d');
    expect(() => settingsOf({ 'deployment-ref': 'main; rm -rf /' })).toThrow(
      /^Input 'deployment-ref': "main; rm -rf \/" is not a commit, branch or tag name/,
    );
  });

  it('refuses version and image together, and masks header values', () => {
    expect(() => settingsOf({ version: '3', image: 'registry.fly.io/demo:v1' })).toThrow(
      "Input 'image': is set together with version. Set one of them: version for a release flyctl lists, image for any other ImageRef.",
    );
    const host = testHost({
      action: 'fly-rollback',
      inputs: { app: 'demo', 'health-headers': 'Authorization: Bearer fake-probe-token-1f2' },
    });
    readRollbackSettings(inputReader(host), host.context, (v) => host.mask(v));
    expect(host.masks).toContain('Bearer fake-probe-token-1f2');
  });
});

/** A terminal host; with answers, a person answering the prompts in turn. */
function terminal(
  inputs: Record<string, string>,
  answers?: { pick?: (choices: readonly Choice<unknown>[]) => unknown; confirm?: boolean },
  env: Record<string, string> = {},
  yes = false,
) {
  const base = testHost({
    action: 'fly-rollback',
    inputs,
    context: { env, interactive: Boolean(answers), ...(yes ? { verbFlags: { yes } } : {}) },
  });
  const asked: string[] = [];
  const ask: Ask | undefined = answers && {
    async select<T>(message: string, choices: readonly Choice<T>[], initial?: T) {
      asked.push(`${message} [initial ${String(initial)}]`);
      return (answers.pick ? answers.pick(choices) : initial) as T;
    },
    async confirm(message: string) {
      asked.push(message);
      return answers.confirm ?? false;
    },
  };
  const host = { ...base, kind: 'terminal', ...(ask ? { ask } : {}) } as TestHost & Host;
  return { host, asked };
}

describe('the rollback command in a terminal nobody can answer', () => {
  it('refuses without a version, and without --yes, before running anything', async () => {
    await expect(rollback(terminal({ app: 'demo' }).host)).rejects.toThrow(
      /^Input 'version': is needed when nobody can answer the prompt/,
    );
    await expect(rollback(terminal({ app: 'demo', version: '2' }).host)).rejects.toThrow(
      /^Input 'yes': is needed to roll back when nobody can answer the confirmation/,
    );
  });
});

describe('the rollback command with a person at the terminal', () => {
  let fly: StandIn;
  let cwd: string;
  const saved = { ...process.env };
  beforeAll(async () => {
    fly = await createStandIn({ timeScale: 0.02 });
    cwd = projectDir();
    // flyctl is found on PATH and runs with this process's environment.
    Object.assign(process.env, fly.env);
    for (const tag of ['v1', 'v2', 'v3']) await fly.image(`registry.fly.io/web:${tag}`, 'healthy');
    for (const app of ['asked', 'declined']) {
      await fly.app(app, { image: 'registry.fly.io/web:v1', machines: 1 });
      for (const tag of ['v2', 'v3'])
        await fly.call(
          [
            'deploy',
            '-a',
            app,
            '--image',
            `registry.fly.io/web:${tag}`,
            '--strategy',
            'immediate',
            '--config',
            'plain.toml',
          ],
          { cwd },
        );
    }
  }, 120_000);
  afterAll(async () => {
    await fly?.stop();
    process.env = saved;
  });

  const inputs = async (app: string) => ({
    app,
    config: 'plain.toml',
    'working-directory': cwd,
    'health-url': `${await fly.url(app)}/health`,
    'health-retries': '3',
    'health-interval': '300ms',
    'health-schedule': 'fixed',
    'rollout-timeout': '5s',
  });

  it('offers the listed releases with the default first, the serving one disabled, then confirms', async () => {
    let offered: readonly Choice<unknown>[] = [];
    const { host, asked } = terminal(
      await inputs('asked'),
      {
        pick: (choices) => {
          offered = choices;
          return 1;
        },
        confirm: true,
      },
      fly.env,
    );
    await rollback(host);
    expect(asked).toEqual([
      'Roll asked back to which release? [initial 2]',
      'Roll asked back from v3 to v1 (registry.fly.io/web:v1) now?',
    ]);
    expect(offered.map((c) => [c.value, c.disabled === true])).toEqual([
      [3, true],
      [2, false],
      [1, false],
    ]);
    expect(offered[0]?.label).toMatch(/^v3\s+complete\s+\S+ ago\s+registry\.fly\.io\/web:v3\s+← serving$/);
    expect(host.summaries[0]).toMatch(/^### Releases of asked/);
    expect(host.outputs).toMatchObject({ 'to-version': '1', healthy: 'true', 'release-version': '4' });
    expect(host.summaries.at(-1)).toContain('v1 was picked at the prompt');
    const report = JSON.parse(readFileSync(host.outputs.report as string, 'utf8')) as {
      run: { outcome: string };
    };
    expect(report.run.outcome).toBe('healthy');
    const root = await getJson(`${await fly.url('asked')}/`);
    expect(root.body).toMatchObject({ release: 4, image: 'registry.fly.io/web:v1' });
  });

  it('changes nothing when the person says no', async () => {
    const { host } = terminal(await inputs('declined'), { confirm: false }, fly.env);
    await expect(rollback(host)).rejects.toThrow('Not confirmed: nothing was changed; v3 still serves.');
    expect((await fly.releases('declined')).map((r) => r.Version)).toEqual([3, 2, 1]);
  });
});
