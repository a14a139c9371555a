/**
 * `nuzantara rollback` as a person uses it: in a pseudo-terminal (util-linux `script`), it lists the releases,
 * asks which one and asks to confirm; the release that ends up serving is checked through the stand-in.
 * Without a terminal it refuses clearly unless told what to do (--version and --yes).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { createStandIn, type StandIn } from '../../stand-in/fly.js';
import { projectDir } from '../../support/deploy-project.js';
import { getJson } from '../../support/http.js';
import { cliBundle, runCli } from '../../support/run-cli.js';

let fly: StandIn;
let cwd: string;
const apps = ['term-pick', 'term-no', 'term-yes', 'term-pipe'];

beforeAll(async () => {
  fly = await createStandIn({ timeScale: 0.02 });
  cwd = projectDir();
  for (const tag of ['v1', 'v2', 'v3']) await fly.image(`registry.fly.io/web:${tag}`, 'healthy');
  for (const app of apps) {
    await fly.app(app, { image: 'registry.fly.io/web:v1', machines: 1 });
    for (const tag of ['v2', 'v3']) {
      const deployed = await fly.call(
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
      if (deployed.exitCode !== 0) throw new Error(deployed.stderr);
    }
  }
}, 120_000);
afterAll(async () => fly?.stop());

/** A person's environment: no CI, a terminal type. */
const env = () => ({
  ...fly.env,
  PATH: `${fly.binDir}:${process.env.PATH}`,
  HOME: process.env.HOME,
  TERM: 'xterm-256color',
});

const fastFlags = async (app: string) => [
  '--app',
  app,
  '--config',
  'plain.toml',
  '--health-url',
  `${await fly.url(app)}/health`,
  '--health-retries',
  '3',
  '--health-interval',
  '300ms',
  '--health-schedule',
  'fixed',
  '--rollout-timeout',
  '5s',
];

async function servingRelease(app: string) {
  const root = await getJson(`${await fly.url(app)}/`);
  return root.body as { release: number; image: string };
}

// eslint-disable-next-line no-control-regex
const plain = (text: string) => text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');

interface Step {
  /** Wait for this in the screen output (ANSI codes removed)... */
  waitFor: RegExp;
  /** ...then type this. */
  type: string;
}

/** Runs the CLI in a pseudo-terminal and answers each prompt when it shows. */
function inTerminal(args: string[], steps: Step[], timeoutMs = 60_000) {
  // Every argument is ours (no outside input), quoted for the shell `script` starts.
  const quoted = [process.execPath, cliBundle, 'rollback', ...args]
    .map((a) => `'${a.replace(/'/g, `'\\''`)}'`)
    .join(' ');
  const child = spawn('script', ['-qfec', `stty cols 140 rows 50; ${quoted}`, '/dev/null'], {
    cwd,
    env: env(),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  let next = 0;
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    const step = steps[next];
    if (step && step.waitFor.test(plain(output))) {
      next++;
      // A moment for the prompt to finish drawing and listen.
      setTimeout(() => child.stdin.write(step.type), 150);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  return new Promise<{ exitCode: number | null; screen: string; answered: number }>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, screen: plain(output), answered: next });
    });
  });
}

describe('nuzantara rollback in a terminal', () => {
  it('lists the releases, takes the one picked, asks to confirm, and that release serves', async () => {
    const result = await inTerminal(await fastFlags('term-pick'), [
      // The cursor starts on the default (v2); one down is v1.
      { waitFor: /Roll term-pick back to which release\?/, type: '\x1b[B' },
      { waitFor: /v1\s+complete[^\n]*registry\.fly\.io\/web:v1/, type: '\r' },
      { waitFor: /Roll term-pick back from v3 to v1 \(registry\.fly\.io\/web:v1\) now\?/, type: 'y' },
    ]);
    expect(result.answered).toBe(3);
    expect(result.exitCode).toBe(0);
    // The table first: version, status, age, image, and the one serving marked.
    expect(result.screen).toMatch(/version\s+status\s+age\s+image/);
    expect(result.screen).toMatch(
      /v3\s+complete\s+\d+[smhd] ago\s+registry\.fly\.io\/web:v3\s+● serving now/,
    );
    expect(result.screen).toContain('rolled back and healthy');
    expect(await servingRelease('term-pick')).toMatchObject({ release: 4, image: 'registry.fly.io/web:v1' });
  });

  it('changes nothing when the answer is no', async () => {
    const result = await inTerminal(await fastFlags('term-no'), [
      { waitFor: /back to which release\?/, type: '\r' },
      { waitFor: /now\?/, type: 'n' },
    ]);
    expect(result.exitCode).toBe(1);
    expect(result.screen).toContain('Not confirmed: nothing was changed; v3 still serves.');
    expect((await fly.releases('term-no')).map((r) => r.Version)).toEqual([3, 2, 1]);
    expect(await servingRelease('term-no')).toMatchObject({ release: 3 });
  });

  it('runs without a question with --version and --yes', async () => {
    const result = await inTerminal([...(await fastFlags('term-yes')), '--version', '1', '--yes'], []);
    expect(result.exitCode).toBe(0);
    expect(result.screen).not.toMatch(/which release\?|now\?/);
    expect(await servingRelease('term-yes')).toMatchObject({ release: 4, image: 'registry.fly.io/web:v1' });
  });
});

describe('nuzantara rollback without a terminal', () => {
  it('refuses in one line when it is not told which release, and when not told --yes', async () => {
    const flags = await fastFlags('term-pipe');
    const noVersion = await runCli(['rollback', ...flags], { cwd, env: env() });
    expect(noVersion.exitCode).toBe(2);
    expect(noVersion.stderr.trim()).toBe(
      'usage: --version: is needed when nobody can answer the prompt (no TTY, --json or CI). Pass --version <N> (or --image <ref>) and --yes, run it in a terminal to pick a release of term-pipe from the list, or add --dry-run to see the default plan.',
    );
    const noYes = await runCli(['rollback', ...flags, '--version', '1'], { cwd, env: env() });
    expect(noYes.exitCode).toBe(2);
    expect(noYes.stderr).toMatch(
      /usage: --yes: is needed to roll back when nobody can answer the confirmation/,
    );
    expect((await fly.releases('term-pipe')).map((r) => r.Version)).toEqual([3, 2, 1]);
  });

  it('prints the plan on --dry-run and rolls back with --version --yes, --json parsing', async () => {
    const flags = await fastFlags('term-pipe');
    const dry = await runCli(['rollback', ...flags, '--dry-run'], { cwd, env: env() });
    expect(dry.exitCode).toBe(0);
    expect(dry.stdout).toContain(
      'Rollback of term-pipe: from v3 (registry.fly.io/web:v3) to v2 (registry.fly.io/web:v2).',
    );
    expect(dry.stdout).toMatch(/outcome: dry-run/);
    const run = await runCli(['rollback', ...flags, '--version', '1', '-y', '--json'], { cwd, env: env() });
    expect(run.exitCode).toBe(0);
    const doc = JSON.parse(run.stdout) as { ok: boolean; outputs: Record<string, string> };
    expect(doc).toMatchObject({
      ok: true,
      outputs: { 'to-version': '1', 'release-version': '4', healthy: 'true' },
    });
    expect(await servingRelease('term-pipe')).toMatchObject({ release: 4, image: 'registry.fly.io/web:v1' });
  });
});
