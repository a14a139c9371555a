import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCommand } from '../../src/io/command.js';
import { interpretRun } from '../../src/domain/flyctl/exit.js';
import { repoRoot } from '../support/run-action.js';
import { pidsFrom, pipeHolderScript, stillAlive } from './processes.js';

const dir = mkdtempSync(join(tmpdir(), 'command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('runCommand', () => {
  it('passes arguments as they are (no shell), stdin, env, and captures both streams and the exit code', async () => {
    const script =
      'process.stdin.on("data", d => process.stdout.write("in:" + d)); process.stderr.write(process.argv[1] + "|" + process.env.X); process.stdin.on("end", () => process.exit(3));';
    const result = await runCommand(process.execPath, ['-e', script, '$HOME; echo pwned'], {
      input: 'secret#"value"\nline2',
      env: { X: 'y' },
    });
    expect(result).toEqual({
      exitCode: 3,
      stdout: 'in:secret#"value"\nline2',
      stderr: '$HOME; echo pwned|y',
    });
  });

  it('reports a program that cannot start as exit 127, marked as not started', async () => {
    const result = await runCommand('/nonexistent/flyctl', ['version']);
    expect(result.exitCode).toBe(127);
    expect(result.notStarted).toContain('ENOENT');
    expect(interpretRun(result)?.kind).toBe('not-started');
  });

  it('stops a program that runs past its time limit, and the message names the call and the limit', async () => {
    const result = await runCommand(
      process.execPath,
      ['-e', 'console.error("Error: still waiting"); setTimeout(() => {}, 60000)'],
      // Long enough for a node to start and print on a loaded machine, so the last line is there.
      { timeoutMs: 3000 },
    );
    expect(result.timedOutAfterMs).toBe(3000);
    expect(result.exitCode).toBe(143);
    const failure = interpretRun(result, { call: 'flyctl status' });
    expect(failure?.kind).toBe('timeout');
    expect(failure?.message).toBe(
      'flyctl status did not answer within 3s and was stopped (it last said: still waiting).',
    );
  });

  it('ends when the program exits even though a grandchild keeps its pipes open, and stops the grandchild', async () => {
    const result = await runCommand(process.execPath, ['-e', pipeHolderScript({ parent: 'exit' })]);
    expect(result.exitCode).toBe(0);
    expect(result.timedOutAfterMs).toBeUndefined();
    expect(await stillAlive(pidsFrom(result.stdout))).toEqual([]);
  });

  it('on a timeout stops the whole group, a program and grandchild that ignore SIGTERM included (SIGKILL after the grace)', async () => {
    const result = await runCommand(
      process.execPath,
      ['-e', pipeHolderScript({ parent: 'ignore-term', child: 'ignore-term' })],
      // Long enough for node to start and refuse SIGTERM on a loaded machine (CI saw 143 at 500 ms).
      { timeoutMs: 3000, killGraceMs: 200 },
    );
    expect(result.timedOutAfterMs).toBe(3000);
    expect(result.exitCode).toBe(137);
    expect(await stillAlive(pidsFrom(result.stdout))).toEqual([]);
  });
});

/** A process that uses runCommand (the TypeScript source, loaded by Node's type stripping) the way the CLI does. */
function driver(mode: 'wait' | 'exit', script: string) {
  const file = join(dir, `driver-${mode}-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(
    file,
    `const { runCommand } = await import(${JSON.stringify(pathToFileURL(join(repoRoot, 'src/io/command.ts')).href)});
let seen = '';
let exiting = false;
const onOutput = (c) => {
  process.stdout.write(c);
  seen += c;
  // 'exit' mode leaves once the program has started its grandchild (however long its start took).
  if (${mode === 'exit'} && !exiting && /pids \\d+ \\d+/.test(seen)) {
    exiting = true;
    setTimeout(() => process.exit(0), 100);
  }
};
const run = runCommand(process.execPath, ['-e', ${JSON.stringify(script)}], { onOutput, killGraceMs: 300 });
await run;
process.stdout.write('finished\\n');
`,
  );
  const child = spawn(process.execPath, ['--no-warnings', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const started = new Promise<number[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the driver did not start: ${stdout}${stderr}`)), 20_000);
    child.stdout.on('data', () => {
      if (/pids \d+ \d+/.test(stdout)) {
        clearTimeout(timer);
        resolve(pidsFrom(stdout));
      }
    });
  });
  const ended = new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
  return { child, started, ended, output: () => stdout + stderr };
}

describe('programs in their own process group do not outlive the process that started them', () => {
  it('Ctrl-C (SIGINT to this process only, as the terminal no longer reaches the group) is passed on; all end', async () => {
    const d = driver('wait', pipeHolderScript({ parent: 'hang' }));
    const pids = await d.started;
    d.child.kill('SIGINT');
    const end = await d.ended;
    expect(end.code).toBe(130);
    expect(d.output()).toContain('Received SIGINT: passing it on');
    expect(d.output()).not.toContain('finished');
    expect(await stillAlive(pids)).toEqual([]);
  });

  it('SIGTERM to a program that ignores it: the group is killed after the grace', async () => {
    const d = driver('wait', pipeHolderScript({ parent: 'ignore-term', child: 'ignore-term' }));
    const pids = await d.started;
    d.child.kill('SIGTERM');
    const end = await d.ended;
    expect(end.code).toBe(143);
    expect(await stillAlive(pids)).toEqual([]);
  });

  it('a process that exits while a program still runs takes the program with it', async () => {
    const d = driver('exit', pipeHolderScript({ parent: 'hang' }));
    const pids = await d.started;
    const end = await d.ended;
    expect(end.code).toBe(0);
    expect(await stillAlive(pids)).toEqual([]);
  });
});
