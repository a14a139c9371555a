/** fly-validate checks that the app's Fly secrets exist, through flyctl (the local stand-in) and its token. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, runAction } from '../../support/run-action.js';
import { createStandIn, type StandIn } from '../../stand-in/fly.js';

let fly: StandIn;
let dir: string;

beforeAll(async () => {
  fly = await createStandIn({ timeScale: 0.02 });
  await fly.app('fixture-app', {});
  await fly.run(['secrets', 'import', '-a', 'fixture-app', '--stage'], {
    input: 'DATABASE_URL="postgres://u:pw@db/rag"\n',
  });
  dir = mkdtempSync(join(tmpdir(), 'fly-secrets-'));
  writeFileSync(
    join(dir, 'fly.toml'),
    readFileSync(join(repoRoot, 'test/fixtures/fly-validate/base.toml'), 'utf8'),
  );
  writeFileSync(
    join(dir, 'Dockerfile'),
    readFileSync(join(repoRoot, 'test/fixtures/fly-validate/Dockerfile'), 'utf8'),
  );
});

afterAll(async () => fly.stop());

const run = (secrets: string, env: Record<string, string> = {}) =>
  runAction('fly-validate', {
    cwd: dir,
    path: [fly.binDir],
    env: { ...fly.env, ...env },
    inputs: { 'fly-secrets': secrets, 'require-clean-git': 'false' },
  });

describe('fly-validate fly-secrets', () => {
  it('passes when the app has every listed secret, noting staged ones', async () => {
    const result = await run('DATABASE_URL');
    expect(result.exitCode).toBe(0);
    expect(result.annotations.find((a) => a.title === 'secrets/fly-staged')?.message).toContain(
      'DATABASE_URL staged',
    );
    expect(result.summary).toMatch(/Fly secrets \| ✅ passed/);
    expect(result.allText).not.toContain('postgres://u:pw@db/rag');
  });

  it('fails naming the missing secrets, on the line of the app name', async () => {
    const result = await run('DATABASE_URL\nOPENAI_API_KEY\nJWT_SECRET');
    expect(result.exitCode).toBe(1);
    const error = result.annotations.find((a) => a.title === 'secrets/fly-missing');
    expect(error?.file).toBe('fly.toml');
    expect(error?.line).toBe(1);
    expect(error?.message).toContain('Fly app fixture-app has no secret OPENAI_API_KEY, JWT_SECRET');
    expect(error?.message).toContain(
      'flyctl secrets set OPENAI_API_KEY=… JWT_SECRET=… -a fixture-app --stage',
    );
  });

  it('says clearly when the secrets cannot be listed', async () => {
    const result = await run('DATABASE_URL', { FLY_API_TOKEN: '' });
    expect(result.exitCode).toBe(1);
    expect(result.annotations.find((a) => a.title === 'auth/token-missing')).toBeDefined();
    expect(result.summary).toMatch(/Fly secrets \| ⏭️ skipped \| no flyctl or no Fly token/);
  });

  it('reports an app flyctl cannot find', async () => {
    writeFileSync(
      join(dir, 'other.toml'),
      readFileSync(join(dir, 'fly.toml'), 'utf8').replace('fixture-app', 'no-such-app'),
    );
    const result = await runAction('fly-validate', {
      cwd: dir,
      path: [fly.binDir],
      env: fly.env,
      inputs: {
        config: 'other.toml',
        'fly-secrets': 'DATABASE_URL',
        'require-clean-git': 'false',
        'dockerfile-checks': 'false',
      },
    });
    expect(result.exitCode).toBe(1);
    expect(result.annotations.find((a) => a.title === 'secrets/fly-unchecked')?.message).toContain(
      'Could not list the secrets of Fly app no-such-app',
    );
  });
});
