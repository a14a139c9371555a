import { afterAll, describe, expect, it } from '@jest/globals';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FlyctlClient, FlyctlError, deployArgs, type RunFn } from '../../src/io/flyctl.js';
import type { CommandOptions } from '../../src/io/command.js';
import { parseSecretsImport } from '../../src/domain/flyctl/secrets-import.js';
import { pretty, release } from '../support/flyctl-fixtures.js';

interface Call {
  args: readonly string[];
  options: CommandOptions | undefined;
}

function fake(replies: { exitCode: number; stdout?: string; stderr?: string }[]) {
  const calls: Call[] = [];
  const run: RunFn = async (_program, args, options) => {
    calls.push({ args, options });
    const reply = replies.shift() ?? { exitCode: 0 };
    return { exitCode: reply.exitCode, stdout: reply.stdout ?? '', stderr: reply.stderr ?? '' };
  };
  const sleeps: number[] = [];
  return { calls, run, sleeps, sleep: async (ms: number) => void sleeps.push(ms) };
}

describe('FlyctlClient with a fake runner', () => {
  it('retries a read-only call on transient failures with backoff', async () => {
    const f = fake([
      { exitCode: 1, stderr: 'Error: 502 Bad Gateway' },
      { exitCode: 1, stderr: 'Error: Post "https://api.fly.io/graphql": EOF' },
      { exitCode: 0, stdout: pretty([release(2, 'complete', 'img:2')]) },
    ]);
    const client = new FlyctlClient({ path: 'flyctl', run: f.run, sleep: f.sleep, backoffMs: 100 });
    const releases = await client.releases('demo');
    expect(releases[0]?.version).toBe(2);
    expect(f.calls.map((c) => c.args.join(' '))).toEqual(Array(3).fill('releases --app demo --json'));
    expect(f.sleeps).toEqual([100, 200]);
  });

  it('does not retry a permanent failure and says what failed', async () => {
    const f = fake([{ exitCode: 1, stderr: 'Error: Could not find App "nope"' }]);
    const client = new FlyctlClient({ path: 'flyctl', run: f.run, sleep: f.sleep });
    await expect(client.status('nope')).rejects.toThrow(
      '`flyctl status --app nope --json` failed (exit 1): Could not find App "nope"',
    );
    expect(f.calls).toHaveLength(1);
  });

  it('gives up after the last try', async () => {
    const f = fake(Array(5).fill({ exitCode: 1, stderr: 'Error: 503 Service Unavailable' }));
    const client = new FlyctlClient({ path: 'flyctl', run: f.run, sleep: f.sleep, attempts: 3 });
    await expect(client.machines('demo')).rejects.toBeInstanceOf(FlyctlError);
    expect(f.calls).toHaveLength(3);
  });

  it('never retries a deploy, and reads 127 with no output as a failure', async () => {
    const f = fake([{ exitCode: 127 }]);
    const client = new FlyctlClient({ path: 'flyctl', run: f.run, sleep: f.sleep });
    const result = await client.deploy({ app: 'demo', image: 'img:1', strategy: 'immediate' });
    if (result.ok) throw new Error('expected a failure');
    expect(result.failure.kind).toBe('cancelled');
    expect(f.calls).toHaveLength(1);
    expect(f.calls[0]?.options?.env?.FLY_EMIT_RELEASE_JSON).toBe('1');
  });

  it('reads the new release from a successful deploy', async () => {
    const f = fake([
      {
        exitCode: 0,
        stdout: 'Deploying\n{"id":"r9","version":9,"image_ref":"registry.fly.io/demo:deployment-9"}\nDone\n',
      },
    ]);
    const client = new FlyctlClient({ path: 'flyctl', run: f.run });
    const result = await client.deploy({ app: 'demo' });
    expect(result).toMatchObject({
      ok: true,
      release: { version: 9, imageRef: 'registry.fly.io/demo:deployment-9' },
    });
  });

  it('builds deploy arguments as an array, flags per contract §4', () => {
    expect(
      deployArgs({
        app: 'demo',
        config: 'fly.toml',
        strategy: 'rolling',
        waitTimeout: '5m',
        remoteOnly: true,
        buildArgs: ['A=1', 'B=two words'],
      }),
    ).toEqual([
      'deploy',
      '--app',
      'demo',
      '--config',
      'fly.toml',
      '--strategy',
      'rolling',
      '--wait-timeout',
      '5m',
      '--remote-only',
      '--build-arg',
      'A=1',
      '--build-arg',
      'B=two words',
      '--yes',
    ]);
    expect(
      deployArgs({
        app: 'demo',
        image: 'img:1',
        strategy: 'immediate',
        skipReleaseCommand: true,
        remoteOnly: true,
      }),
    ).toEqual([
      'deploy',
      '--app',
      'demo',
      '--image',
      'img:1',
      '--strategy',
      'immediate',
      '--skip-release-command',
      '--yes',
    ]);
  });

  it('sends secrets on stdin only and redacts them from flyctl errors', async () => {
    const value = 'zz-secret "v#1"';
    const f = fake([
      { exitCode: 1, stderr: `Error: Secrets must be provided as NAME=VALUE pairs (${value} is invalid)` },
    ]);
    const client = new FlyctlClient({ path: 'flyctl', run: f.run });
    const error = await client.importSecrets('demo', [{ name: 'TOKEN', value }]).catch((e: Error) => e);
    expect(error).toBeInstanceOf(FlyctlError);
    expect((error as Error).message).not.toContain(value);
    expect((error as Error).message).toContain('***');
    const call = f.calls[0] as Call;
    expect(call.args).toEqual(['secrets', 'import', '--app', 'demo', '--stage']);
    expect(call.args.join(' ')).not.toContain('zz-secret');
    expect(parseSecretsImport(call.options?.input ?? '').get('TOKEN')).toBe(value);
  });
});

describe('FlyctlClient against a fake flyctl executable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fake-flyctl-'));
  const bin = join(dir, 'flyctl');
  const log = join(dir, 'calls.jsonl');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Records argv, env and stdin, then answers by subcommand.
  writeFileSync(
    bin,
    `#!/usr/bin/env node
const fs = require('node:fs');
const args = process.argv.slice(2);
const stdin = args[0] === 'secrets' ? fs.readFileSync(0, 'utf8') : '';
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ args, stdin, token: process.env.FLY_API_TOKEN ?? null, emit: process.env.FLY_EMIT_RELEASE_JSON ?? null }) + '\\n');
if (args[0] === 'version') { console.log(JSON.stringify({ Name: 'flyctl', Version: '0.4.87', Commit: 'x', BranchName: '', BuildDate: '', OS: 'linux', Architecture: 'amd64', Environment: 'production' }, null, 4)); process.exit(0); }
if (args[0] === 'secrets') { console.log('Secrets have been staged, but not set on VMs. Deploy or update machines in this app for the secrets to take effect.'); process.exit(0); }
if (args[0] === 'deploy') process.exit(127);
process.exit(1);
`,
  );
  chmodSync(bin, 0o755);
  writeFileSync(join(dir, 'package.json'), '{"type":"commonjs"}');

  it('runs version, stages secrets through stdin, and passes the token only in env', async () => {
    const client = new FlyctlClient({ path: bin, env: { FLY_API_TOKEN: 'FlyV1 fm2_testtoken' } });
    expect((await client.version()).version).toBe('0.4.87');
    const secret = 'line1 # "x"\n-----END-----\n';
    await client.importSecrets('demo', [{ name: 'PEM', value: secret }]);
    const deploy = await client.deploy({ app: 'demo' });
    if (deploy.ok) throw new Error('expected a failure');
    expect(deploy.failure.kind).toBe('cancelled');
    const calls = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(calls.map((c) => c.args[0])).toEqual(['version', 'secrets', 'deploy']);
    expect(parseSecretsImport(calls[1].stdin).get('PEM')).toBe(secret);
    for (const c of calls) {
      expect(c.token).toBe('FlyV1 fm2_testtoken');
      expect(JSON.stringify(c.args)).not.toMatch(/fm2_|END/);
    }
    expect(calls[2].emit).toBe('1');
  });

  it('reports a missing flyctl as not started', async () => {
    const client = new FlyctlClient({ path: join(dir, 'missing-flyctl'), attempts: 1 });
    await expect(client.version()).rejects.toThrow(/could not be started|exit 127/);
  });
});
