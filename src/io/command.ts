/**
 * Runs a program with an argument array (never a shell) and captures its output. Built on child_process
 * rather than @actions/exec because a hung program (a `flyctl deploy` that never returns) must be
 * stoppable: @actions/exec exposes no way to kill its child.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Set when the program was stopped because it ran past `timeoutMs`. */
  timedOutAfterMs?: number;
}

export interface CommandOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Written to the program's stdin: how secrets reach a program without touching argv. */
  input?: string;
  /** Told each piece of output as it comes (still captured): how a deploy's progress reaches the log. */
  onOutput?: (chunk: string) => void;
  /** Stop the program (SIGTERM, then SIGKILL 10 s later) when it runs longer than this. */
  timeoutMs?: number;
}

const KILL_GRACE_MS = 10_000;

export function runCommand(
  program: string,
  args: readonly string[],
  options: CommandOptions = {},
): Promise<CommandResult> {
  return new Promise((resolve) => {
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let settled = false;
    let timedOut = false;
    const finish = (result: CommandResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const child = spawn(program, [...args], {
      cwd: options.cwd,
      env: options.env ? { ...process.env, ...options.env } : process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS).unref();
        }, options.timeoutMs)
      : undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      options.onOutput?.(chunk.toString('utf8'));
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr.push(chunk);
      // Both streams go to one log, in the order they come, as @actions/exec does.
      options.onOutput?.(chunk.toString('utf8'));
    });
    // A program that cannot start (ENOENT, EACCES) reports here, as a shell would with 127.
    child.on('error', (error) => finish({ exitCode: 127, stdout: '', stderr: error.message }));
    child.on('close', (code, signal) =>
      finish({
        exitCode: code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0),
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        ...(timedOut ? { timedOutAfterMs: options.timeoutMs } : {}),
      }),
    );
    // The program may exit without reading its input; that is not our error.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}
