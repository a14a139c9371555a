/**
 * scripts/deployment/rollback.sh: the interactive rollback as a thin wrapper over `nuzantara rollback`:
 * --help, clear refusals (unknown app, flyctl missing, no token), and a rollback through it against the
 * Fly stand-in, checked by the release that serves at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createStandIn, type StandIn } from '../../stand-in/fly.js';
import { projectDir } from '../../support/deploy-project.js';
import { getJson } from '../../support/http.js';
import { repoRoot } from '../../support/run-action.js';

const script = join(repoRoot, 'scripts/deployment/rollback.sh');
let fly: StandIn;
let cwd: string;

beforeAll(async () => {
  fly = await createStandIn({ timeScale: 0.02 });
  cwd = projectDir();
  for (const tag of ['v1', 'v2']) await fly.image(`registry.fly.io/web:${tag}`, 'healthy');
  await fly.app('nuzantara-mouth', { image: 'registry.fly.io/web:v1', machines: 1 });
  const deployed = await fly.call(
    [
      'deploy',
      '-a',
      'nuzantara-mouth',
      '--image',
      'registry.fly.io/web:v2',
      '--strategy',
      'immediate',
      '--config',
      'plain.toml',
    ],
    { cwd },
  );
  if (deployed.exitCode !== 0) throw new Error(deployed.stderr);
}, 60_000);
afterAll(async () => fly?.stop());

function run(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('/bin/bash', [script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const nodeOnly = `${dirname(process.execPath)}:/usr/bin:/bin`;

describe('scripts/deployment/rollback.sh', () => {
  it('prints its help, and refuses an unknown app or a missing flyctl in one line', async () => {
    const help = await run(['--help'], { PATH: nodeOnly });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: rollback\.sh <app> \[nuzantara rollback flags\]/);
    expect(help.stdout).toContain('.github/workflows/rollback.yml');
    const unknown = await run(['web'], { PATH: nodeOnly });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      "rollback.sh: unknown app 'web': use nuzantara-rag or nuzantara-mouth (see --help)\n",
    );
    const noFlyctl = await run(['mouth', '--dry-run'], { PATH: nodeOnly });
    expect(noFlyctl.code).toBe(1);
    expect(noFlyctl.stderr).toMatch(/^rollback\.sh: flyctl is missing: no 'flyctl' on PATH\. Install it/);
  });

  it('says so when there is no Fly token and no flyctl session', async () => {
    const { FLY_API_TOKEN: _token, ...env } = fly.env;
    const result = await run(['mouth', '--dry-run'], { ...env, PATH: `${fly.binDir}:${nodeOnly}` });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "rollback.sh: no Fly token: set FLY_API_TOKEN, or log in with 'flyctl auth login'.\n",
    );
  });

  it('rolls the app back through nuzantara rollback', async () => {
    const result = await run(
      [
        'mouth',
        '--config',
        join(cwd, 'plain.toml'),
        '--health-url',
        `${await fly.url('nuzantara-mouth')}/health`,
        '--health-retries',
        '3',
        '--health-interval',
        '300ms',
        '--version',
        '1',
        '--yes',
      ],
      { ...fly.env, PATH: `${fly.binDir}:${nodeOnly}`, HOME: process.env.HOME },
    );
    expect(result.stderr).not.toMatch(/usage:|failed:/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Rollback of nuzantara-mouth: from v2 (registry.fly.io/web:v2) to v1');
    const root = await getJson(`${await fly.url('nuzantara-mouth')}/`);
    expect(root.body).toMatchObject({ release: 3, image: 'registry.fly.io/web:v1' });
    // The repository's app directory, the caller's config.
    const argv = fly
      .invocations()
      .filter((i) => i.argv[0] === 'deploy')
      .at(-1);
    expect(argv?.cwd).toBe(join(repoRoot, 'apps/mouth'));
  });
});
