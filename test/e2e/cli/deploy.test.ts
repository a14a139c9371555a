/**
 * `nuzantara deploy` against the local Fly stand-in: the same flow and the same story as the action. A bad
 * release is rolled back by the CLI exactly as by fly-deploy-with-health; --json prints a document that parses.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStandIn, type StandIn } from '../../stand-in/fly.js';
import { fastHealth, projectDir } from '../../support/deploy-project.js';
import { startHttpStub } from '../../support/http-stub.js';
import { runAction } from '../../support/run-action.js';
import { runCli } from '../../support/run-cli.js';

let fly: StandIn;
let cwd: string;
beforeAll(async () => {
  fly = await createStandIn({ timeScale: 0.02 });
  cwd = projectDir();
  await fly.image('registry.fly.io/web:v1', 'healthy');
  await fly.image('registry.fly.io/web:bad', 'unhealthy');
  for (const app of ['by-cli', 'by-action', 'term'])
    await fly.app(app, { image: 'registry.fly.io/web:v1', machines: 1 });
}, 60_000);
afterAll(async () => fly?.stop());

const env = () => ({ ...fly.env, PATH: `${fly.binDir}:${process.env.PATH}`, HOME: process.env.HOME });
const flags = (inputs: Record<string, string>) => Object.entries(inputs).flatMap(([k, v]) => [`--${k}`, v]);

interface DeployDoc {
  ok: boolean;
  exitCode: number;
  error?: string;
  outputs: Record<string, string>;
  report: { outcome: string; phases: { name: string; ok: boolean }[] };
}

describe('nuzantara deploy', () => {
  it('rolls back a bad release exactly as the action does, and --json parses', async () => {
    const inputs = (app: string) => ({
      app,
      config: 'plain.toml',
      image: 'registry.fly.io/web:bad',
      ...fastHealth,
    });
    const cli = await runCli(
      [
        'deploy',
        ...flags({ ...inputs('by-cli'), 'health-url': `${await fly.url('by-cli')}/health` }),
        '--json',
      ],
      {
        cwd,
        env: env(),
      },
    );
    const action = await runAction('fly-deploy-with-health', {
      cwd,
      path: [fly.binDir],
      env: fly.env,
      inputs: { ...inputs('by-action'), 'health-url': `${await fly.url('by-action')}/health` },
    });

    expect(cli.exitCode).toBe(1);
    const doc = JSON.parse(cli.stdout) as DeployDoc;
    expect(doc).toMatchObject({ ok: false, exitCode: 1 });
    expect(doc.outputs).toMatchObject({
      outcome: 'rolled-back',
      'rolled-back': 'true',
      healthy: 'false',
      'previous-version': '1',
    });
    // The same flow: the same phases, the same outputs, the same failure story (app names aside).
    expect(action.exitCode).toBe(1);
    const volatile = ['deploy-seconds', 'health-latency-ms'];
    const stable = (o: Record<string, string>) =>
      Object.fromEntries(Object.entries(o).filter(([k]) => !volatile.includes(k)));
    expect(stable(doc.outputs)).toEqual({ ...stable(action.outputs), url: 'https://by-cli.fly.dev' });
    const phases = doc.report.phases.map((p) => `${p.name}:${p.ok}`);
    expect(phases).toEqual([
      'record current release:true',
      'probe serving release:true',
      'deploy:true',
      'verify rollout:true',
      'health check:false',
      'rollback deploy:true',
      'verify rollback rollout:true',
      'rollback health check:true',
    ]);
    const story = (text: string, app: string) =>
      text
        .replaceAll(app, 'APP')
        .replace(/127\.0\.0\.1:\d+/g, 'HOST')
        .replace(/\d+ms|\d+s\b/g, 'T');
    const failed = action.annotations.find((a) => a.level === 'error')?.message ?? '';
    expect(story(doc.error ?? '', 'by-cli')).toBe(story(failed, 'by-action'));
    expect(cli.stderr).toContain('Rolled back to v1 (registry.fly.io/web:v1)');
    expect((await fly.releases('by-cli'))[0]).toMatchObject({
      Version: 3,
      ImageRef: 'registry.fly.io/web:v1',
    });
  });

  it('deploys, posts the chat message without a run link, and prints the outputs for a person', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'terminal-deploy-'));
    writeFileSync(
      join(dir, 'fly.toml'),
      'app = "term"\nprimary_region = "sin"\n[http_service]\n  internal_port = 8080\n',
    );
    const hook = await startHttpStub();
    hook.on('POST', '/hook', () => ({ body: 'ok' }));
    const run = await runCli(
      [
        'deploy',
        '--app',
        'term',
        '--image',
        'registry.fly.io/web:v1',
        '--health-url',
        `${await fly.url('term')}/health`,
        '--notify-on',
        'always',
      ],
      { cwd: dir, env: { ...env(), NUZANTARA_NOTIFY_WEBHOOK: `${hook.url}/hook` } },
    );
    await hook.close();
    expect(run.stderr).not.toContain('Unexpected error');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^ {2}release-version: 2$/m);
    expect(run.stdout).toMatch(/^ {2}healthy: true$/m);
    expect(run.stdout).toContain('fly-deploy-with-health: term ✅ deployed and healthy');
    expect(run.stdout).not.toMatch(/^\| /m);
    const text = (hook.requests[0]?.json as { text: string }).text;
    expect(text).toContain('*term* deploy');
    expect(text).not.toContain('workflow run');
    // The webhook URL is a secret: never printed.
    expect(`${run.stdout}${run.stderr}`).not.toContain(hook.url);
  });
});
