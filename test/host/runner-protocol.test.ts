/** The runner protocol speaks exactly as @actions/core does: the same stdout and the same file commands. */
import { describe, expect, it } from '@jest/globals';
import * as core from '@actions/core';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunnerProtocol } from '../../src/host/runner-protocol.js';

interface Capture {
  stdout: string;
  files: Record<string, string>;
  path: string | undefined;
  exitCode: typeof process.exitCode;
}

const FILES = ['GITHUB_OUTPUT', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY'] as const;

/** Runs `work` with stdout, the file-command files, PATH and exitCode captured and then restored. */
async function capture(work: () => Promise<void>, withFiles = true): Promise<Capture> {
  const dir = mkdtempSync(join(tmpdir(), 'runner-protocol-'));
  const saved = { env: { ...process.env }, write: process.stdout.write, exitCode: process.exitCode };
  for (const name of FILES) {
    if (withFiles) {
      process.env[name] = join(dir, name);
      writeFileSync(join(dir, name), '');
    } else delete process.env[name];
  }
  process.env.PATH = '/usr/bin';
  process.env['INPUT_HEALTH-URL'] = ' https://x.example/health ';
  process.env.INPUT_MY_INPUT = 'spaced name';
  let stdout = '';
  process.stdout.write = ((chunk: string | Uint8Array) => (
    (stdout += String(chunk)),
    true
  )) as typeof process.stdout.write;
  try {
    await work();
  } finally {
    process.stdout.write = saved.write;
  }
  const result: Capture = {
    stdout,
    files: withFiles
      ? Object.fromEntries(
          FILES.map((n) => [
            n,
            readFileSync(join(dir, n), 'utf8').replace(/ghadelimiter_[0-9a-f-]+/g, 'DELIM'),
          ]),
        )
      : {},
    path: process.env.PATH,
    exitCode: process.exitCode,
  };
  process.env = saved.env;
  process.exitCode = saved.exitCode;
  return result;
}

const tricky = 'line 1\nline 2 with 100% of: a, b\r\n::error::not a command';
const where = { title: 'rule: x, y', file: 'apps/a b/fly.toml', startLine: 12, endLine: 14, startColumn: 3 };

describe('the runner protocol', () => {
  it.each([true, false])('matches @actions/core byte for byte (file commands: %s)', async (withFiles) => {
    const ours = await capture(async () => {
      const runner = new RunnerProtocol(process.env, process.stdout);
      runner.info(tricky);
      runner.debug(tricky);
      runner.annotation('error', tricky, where);
      runner.annotation('warning', 'plain');
      runner.annotation('notice', 'n', { file: 'f', startLine: 0 });
      runner.mask('s3cr%t\nvalue');
      runner.output('release-version', '7');
      runner.output('multi', tricky);
      runner.addPath('/opt/flyctl');
      await runner.summary('## Summary\n\n| a |');
      await runner.group('deploy', async () => runner.info('inside'));
      runner.fail(tricky);
    }, withFiles);
    const theirs = await capture(async () => {
      core.info(tricky);
      core.debug(tricky);
      core.error(tricky, where);
      core.warning('plain');
      core.notice('n', { file: 'f', startLine: 0 });
      core.setSecret('s3cr%t\nvalue');
      core.setOutput('release-version', '7');
      core.setOutput('multi', tricky);
      core.addPath('/opt/flyctl');
      if (withFiles) await core.summary.addRaw('## Summary\n\n| a |', true).write();
      await core.group('deploy', async () => core.info('inside'));
      core.setFailed(tricky);
    }, withFiles);
    expect(ours).toEqual(theirs);
  });

  it('reads inputs as core.getInput does without trimming', () => {
    const env = { 'INPUT_HEALTH-URL': ' u ', INPUT_MY_INPUT: 'v' };
    const runner = new RunnerProtocol(env, process.stdout);
    expect(runner.input('health-url')).toBe(' u ');
    expect(runner.input('my input')).toBe('v');
    expect(runner.input('missing')).toBe('');
  });
});
