/**
 * Secrets through fly-deploy-with-health: values with `#`, quotes and several lines reach the stand-in
 * (and the machines) byte for byte, and never appear in stdout, stderr, outputs, summary or any argv.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { runAction } from '../../support/run-action.js';
import { createStandIn, type StandIn } from '../../stand-in/fly.js';
import { fastHealth, projectDir } from '../../support/deploy-project.js';
import { getJson } from '../../support/http.js';

let fly: StandIn;

beforeAll(async () => {
  fly = await createStandIn({ timeScale: 0.02 });
  await fly.image('registry.fly.io/web:v1', 'healthy');
}, 120_000);

afterAll(async () => {
  await fly?.stop();
});

const secrets = {
  HASHED: `zq-p#ss"w'rd # not a comment`,
  QUOTED: '"zq wrapped in its own quotes"',
  ODD: 'zq "odd quote # then hash',
  PEM: '-----BEGIN ZQ TEST KEY-----\nzqline#two "quoted"\n  zq indented # hash\n\n-----END ZQ TEST KEY-----',
};

describe('secrets through fly-deploy-with-health', () => {
  it('arrive intact in the stand-in and the machines, and leak nowhere', async () => {
    await fly.app('vault', { image: 'registry.fly.io/web:v1', machines: 1 });
    const url = await fly.url('vault');
    const input = [
      `HASHED=${secrets.HASHED}`,
      `QUOTED=${secrets.QUOTED}`,
      `ODD=${secrets.ODD}`,
      'PEM<<EOF',
      secrets.PEM,
      'EOF',
    ].join('\n');
    const result = await runAction('fly-deploy-with-health', {
      cwd: projectDir(),
      path: [fly.binDir],
      env: fly.env,
      inputs: {
        app: 'vault',
        config: 'plain.toml',
        'build-args': 'STANDIN_BEHAVIOUR=healthy',
        'health-url': `${url}/health`,
        secrets: input,
        ...fastHealth,
      },
    });
    expect(result.stderr).toBe('');
    expect(result.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(result.exitCode).toBe(0);

    const stored = await fly.secrets('vault');
    expect(stored.deployed).toEqual(secrets);
    const info = await getJson(`${url}/standin/info`);
    const sha = (info.body as { secret_sha256: Record<string, string> }).secret_sha256;
    for (const [name, value] of Object.entries(secrets))
      expect(sha[name]).toBe(createHash('sha256').update(value).digest('hex'));

    // Every value, and every line of a multi-line value, is masked and otherwise invisible.
    const fragments = Object.values(secrets).flatMap((v) => [
      v,
      ...v.split('\n').filter((l) => l.trim().length >= 4),
    ]);
    for (const value of Object.values(secrets)) expect(result.masks).toContain(value);
    const visible = [
      ...result.allText.split('\n').filter((l) => !l.startsWith('::add-mask::')),
      JSON.stringify(result.outputs),
      result.summary,
    ].join('\n');
    const argv = fly.invocations().map((i) => JSON.stringify(i.argv));
    expect(argv.length).toBeGreaterThan(3);
    for (const fragment of fragments) {
      expect(visible).not.toContain(fragment);
      for (const line of argv) expect(line).not.toContain(JSON.stringify(fragment).slice(1, -1));
    }
    expect(result.summary).toContain('4 secret(s) staged: HASHED, QUOTED, ODD, PEM');
    // The import ran with --stage and the values on stdin only.
    expect(fly.invocations().some((i) => i.argv.join(' ') === 'secrets import --app vault --stage')).toBe(
      true,
    );
  });

  it('names the secrets left staged when the deploy replaced nothing, never their values', async () => {
    await fly.app('vault3', { image: 'registry.fly.io/web:v1', machines: 1 });
    const url = await fly.url('vault3');
    const value = 'zq-staged-but-never-live';
    const result = await runAction('fly-deploy-with-health', {
      cwd: projectDir(),
      path: [fly.binDir],
      env: fly.env,
      inputs: {
        app: 'vault3',
        config: 'plain.toml',
        image: 'registry.fly.io/web:missing',
        'health-url': `${url}/health`,
        secrets: `NEW_KEY=${value}`,
        ...fastHealth,
      },
    });
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ outcome: 'previous-kept', 'rolled-back': 'false' });
    // The stand-in still holds the value staged, not deployed: the next deploy would put it live.
    const stored = await fly.secrets('vault3');
    expect(stored.staged).toEqual({ NEW_KEY: value });
    expect(stored.deployed).not.toHaveProperty('NEW_KEY');
    const error = result.annotations.find((a) => a.level === 'error')?.message ?? '';
    expect(error).toContain(
      'The secrets this run staged (NEW_KEY) are still staged on Fly: the next deploy or machine restart of vault3 puts them live.',
    );
    expect(error).toContain('`flyctl secrets unset --stage --app vault3 NEW_KEY`');
    expect(result.summary).toContain('still staged on Fly');
    const visible = result.allText
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    expect(`${visible}\n${result.summary}`).not.toContain(value);
  });

  it('refuses a value flyctl cannot carry intact, naming the secret and not the value', async () => {
    await fly.app('vault2', { image: 'registry.fly.io/web:v1', machines: 1 });
    const result = await runAction('fly-deploy-with-health', {
      cwd: projectDir(),
      path: [fly.binDir],
      env: fly.env,
      inputs: { app: 'vault2', secrets: 'BROKEN<<EOF\nzq "first # line\nzqsecond\nEOF', ...fastHealth },
    });
    expect(result.exitCode).toBe(1);
    const error = result.annotations.find((a) => a.level === 'error')?.message ?? '';
    expect(error).toContain("Input 'secrets': the value of BROKEN");
    expect(
      result.allText
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
    ).not.toMatch(/zqsecond|first # line/);
    // Refused while reading inputs: flyctl never ran for this app.
    expect(fly.invocations().filter((i) => i.argv[0] !== 'standin' && i.argv.includes('vault2'))).toEqual([]);
  });
});
