/** Every flyctl call has a time limit and names itself when it runs out (contract §13): hanging fakes. */
import { afterAll, describe, expect, it } from '@jest/globals';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FlyctlClient, FlyctlError, type RunFn } from '../../src/io/flyctl.js';
import type { CommandOptions, CommandResult } from '../../src/io/command.js';
import { stillAlive } from './processes.js';

const dir = mkdtempSync(join(tmpdir(), 'hanging-flyctl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'package.json'), '{"type":"commonjs"}');

/** A flyctl that hangs on every call; `deploy` first starts a grandchild that holds its pipes and ignores SIGTERM. */
const bin = join(dir, 'flyctl');
const pids = join(dir, 'pids');
writeFileSync(
  bin,
  `#!/usr/bin/env node
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(pids)}, process.pid + '\\n');
if (args[0] === 'deploy') {
  const child = spawn(process.execPath, ['-e', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"], { stdio: ['ignore', 'inherit', 'inherit'] });
  fs.appendFileSync(${JSON.stringify(pids)}, child.pid + '\\n');
  console.log('Watch your deployment at https://fly.io/apps/demo/monitoring');
}
setInterval(() => {}, 1000);
`,
);
chmodSync(bin, 0o755);
// None when the fakes were stopped before they got that far (a slow start): then they started nothing.
const startedPids = () =>
  existsSync(pids) ? readFileSync(pids, 'utf8').trim().split('\n').filter(Boolean).map(Number) : [];

const fast = {
  readMs: 300,
  configValidateMs: 300,
  secretsImportMs: 300,
  readKillGraceMs: 100,
  deployKillGraceMs: 200,
};

describe('flyctl calls that never answer', () => {
  it('a read is tried once more after a timeout, then fails naming the call and the limit', async () => {
    const client = new FlyctlClient({ path: bin, limits: fast, backoffMs: 10 });
    const error = await client.status('demo').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FlyctlError);
    expect((error as Error).message).toBe(
      'flyctl status did not answer within 300ms and was stopped. It was tried 2 times.',
    );
    expect(await stillAlive(startedPids())).toEqual([]);
  });

  it('config validate and secrets import end at their own limits', async () => {
    const client = new FlyctlClient({ path: bin, limits: fast });
    expect(await client.validateConfig('fly.toml', { strict: false })).toEqual([
      'flyctl config validate did not answer within 300ms and was stopped.',
    ]);
    await expect(client.importSecrets('demo', [{ name: 'K', value: 'v-secret-1' }])).rejects.toThrow(
      /^flyctl secrets import did not answer within 300ms and was stopped\. Whether the secrets were written is unknown/,
    );
  });

  it('a deploy past its limit stops the whole group (a grandchild holding the pipes, ignoring SIGTERM) and is a failed deploy', async () => {
    const client = new FlyctlClient({ path: bin, limits: fast });
    // Long enough for the fake to start and print on a loaded machine.
    const result = await client.deploy({ app: 'demo', timeoutMs: 3000 });
    if (result.ok) throw new Error('expected a failure');
    expect(result.failure.kind).toBe('timeout');
    expect(result.failure.message).toMatch(
      /^flyctl deploy did not answer within 3s and was stopped\. Its process group was stopped \(SIGTERM, then SIGKILL\); raise deploy-timeout/,
    );
    expect(result.run.stdout).toContain('Watch your deployment');
    expect(await stillAlive(startedPids())).toEqual([]);
  });
});

describe('read time limits with a fake runner', () => {
  function timingOut(answerAfter: number) {
    const calls: (CommandOptions | undefined)[] = [];
    const run: RunFn = async (_p, _a, options): Promise<CommandResult> => {
      calls.push(options);
      return calls.length > answerAfter
        ? { exitCode: 0, stdout: '[]', stderr: '' }
        : { exitCode: 143, stdout: '', stderr: '', timedOutAfterMs: options?.timeoutMs };
    };
    return { calls, run };
  }

  it('counts one timeout as transient: the second try answers', async () => {
    const f = timingOut(1);
    const client = new FlyctlClient({ path: 'flyctl', run: f.run, sleep: async () => undefined });
    await expect(client.machines('demo')).resolves.toEqual([]);
    expect(f.calls.map((c) => c?.timeoutMs)).toEqual([30_000, 30_000]);
  });

  it('never lets a read outlast the time its caller has left (the rollout wait)', async () => {
    const f = timingOut(5);
    const client = new FlyctlClient({ path: 'flyctl', run: f.run, sleep: async () => undefined });
    await expect(client.status('demo', { timeoutMs: 2_000 })).rejects.toThrow(
      /^flyctl status did not answer within/,
    );
    expect(f.calls.every((c) => (c?.timeoutMs ?? Infinity) <= 2_000)).toBe(true);
  });
});
