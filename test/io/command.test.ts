import { describe, expect, it } from '@jest/globals';
import { runCommand } from '../../src/io/command.js';
import { interpretRun } from '../../src/domain/flyctl/exit.js';

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

  it('reports a program that cannot start as exit 127', async () => {
    const result = await runCommand('/nonexistent/flyctl', ['version']);
    expect(result.exitCode).toBe(127);
    expect(result.stderr).toContain('ENOENT');
    expect(interpretRun(result)?.kind).toBe('not-started');
  });

  it('stops a program that runs past its time limit, and says so', async () => {
    const started = Date.now();
    const result = await runCommand(
      process.execPath,
      ['-e', 'console.error("Error: still waiting"); setTimeout(() => {}, 60000)'],
      { timeoutMs: 300 },
    );
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(result.timedOutAfterMs).toBe(300);
    expect(result.exitCode).toBe(143);
    const failure = interpretRun(result);
    expect(failure?.kind).toBe('timeout');
    expect(failure?.message).toBe(
      'flyctl did not finish within 300ms and was stopped (it last said: still waiting). Raise deploy-timeout if deploys of this app are that slow.',
    );
  });
});
