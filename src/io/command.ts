/**
 * Runs a program with an argument array (never a shell) and captures its output. Built on child_process
 * rather than @actions/exec because a hung program (a `flyctl deploy` that never returns) must be
 * stoppable: @actions/exec exposes no way to kill its child.
 *
 * Each program gets its own process group (contract §13), so a timeout stops it and everything it started
 * in that group. The result comes when the program exits, not when its pipes close: a grandchild may hold
 * them open after the program is gone. Because a group of its own no longer hears the terminal's Ctrl-C,
 * SIGINT, SIGTERM and SIGHUP are passed on to every running group, and the groups are killed if this
 * process exits while they run.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Set when the program was stopped because it ran past `timeoutMs`. */
  timedOutAfterMs?: number;
  /** Set when the program could not be started at all (ENOENT, EACCES): the system's reason. */
  notStarted?: string;
}

export interface CommandOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Written to the program's stdin: how secrets reach a program without touching argv. */
  input?: string;
  /** Told each piece of output as it comes (still captured): how a deploy's progress reaches the log. */
  onOutput?: (chunk: string) => void;
  /** Stop the program's group (SIGTERM, then SIGKILL after `killGraceMs`) when it runs longer than this. */
  timeoutMs?: number;
  /** Between SIGTERM and SIGKILL. Default 10 s: flyctl takes up to ~5 s to wind down (contract §13). */
  killGraceMs?: number;
}

/** The longest a Node timer holds; callers validate their inputs against it (TIMER_MAX_MS). */
const TIMER_LIMIT_MS = 2 ** 31 - 1;
const KILL_GRACE_MS = 10_000;
/** After the program exits, how long its pipes may stay open (a grandchild holding them) before it is over. */
const DRAIN_MS = 1_000;
/** After SIGKILL, how long to wait for the exit (a process stuck in the kernel) before giving up on it. */
const REAP_MS = 2_000;

/** Process groups need POSIX; on Windows a program is stopped on its own. */
const GROUPS = process.platform !== 'win32';

const signalNumber = (signal: NodeJS.Signals): number => constants.signals[signal] ?? 0;

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(GROUPS ? -pid : pid, signal);
  } catch {
    // Already gone.
  }
}

/** Process groups of programs not finished yet: their kill grace, and whether the program itself exited. */
const running = new Map<number, { graceMs: number; exited: boolean }>();
const RELAYED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let stoppingOn: NodeJS.Signals | undefined;
let exitHookInstalled = false;

function stopNow(signal: NodeJS.Signals): never {
  for (const pid of running.keys()) signalGroup(pid, 'SIGKILL');
  process.exit(128 + signalNumber(signal));
}

/**
 * A signal to this process: passed on to every running program's group; this process then ends, as the
 * signal meant it to, once they have exited or after their grace. A second signal ends everything at once.
 */
function relay(signal: NodeJS.Signals): void {
  if (stoppingOn) stopNow(signal);
  stoppingOn = signal;
  process.stderr.write(`\nReceived ${signal}: passing it on to the running program(s), then stopping.\n`);
  for (const pid of running.keys()) signalGroup(pid, signal);
  const graceMs = Math.max(0, ...[...running.values()].map((r) => r.graceMs));
  setTimeout(() => stopNow(signal), graceMs);
}

function track(pid: number, graceMs: number): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // Nothing outlives this process: a group still running when it exits is killed.
    process.on('exit', () => {
      for (const group of running.keys()) signalGroup(group, 'SIGKILL');
    });
  }
  // Handlers only while something runs: with none, Node's own Ctrl-C behaviour stays.
  if (running.size === 0) for (const signal of RELAYED) process.on(signal, relay);
  running.set(pid, { graceMs, exited: false });
}

function exited(pid: number): void {
  const entry = running.get(pid);
  if (entry) entry.exited = true;
  if (stoppingOn && [...running.values()].every((r) => r.exited)) stopNow(stoppingOn);
}

function untrack(pid: number): void {
  if (!running.delete(pid)) return;
  if (stoppingOn) {
    if (running.size === 0) stopNow(stoppingOn);
    return;
  }
  if (running.size === 0) for (const signal of RELAYED) process.off(signal, relay);
}

export function runCommand(
  program: string,
  args: readonly string[],
  options: CommandOptions = {},
): Promise<CommandResult> {
  return new Promise((resolve) => {
    if (stoppingOn) {
      const reason = `not started: this process is stopping on ${stoppingOn}`;
      resolve({ exitCode: 127, stdout: '', stderr: reason, notStarted: reason });
      return;
    }
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const timers: NodeJS.Timeout[] = [];
    const after = (ms: number, work: () => void) =>
      void timers.push(setTimeout(work, Math.min(Math.max(0, ms), TIMER_LIMIT_MS)));
    const graceMs = options.killGraceMs ?? KILL_GRACE_MS;
    let settled = false;
    let timedOut = false;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;

    const child = spawn(program, [...args], {
      cwd: options.cwd,
      env: options.env ? { ...process.env, ...options.env } : process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
      detached: GROUPS,
    });
    const pid = child.pid;
    if (pid !== undefined) track(pid, graceMs);

    const finish = (result?: Pick<CommandResult, 'exitCode' | 'notStarted'>) => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      if (pid !== undefined) untrack(pid);
      child.stdout.destroy();
      child.stderr.destroy();
      const exitCode =
        result?.exitCode ??
        (exit ? (exit.code ?? 128 + (exit.signal ? signalNumber(exit.signal) : 0)) : 128 + 9);
      resolve({
        exitCode,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: result?.notStarted ?? Buffer.concat(stderr).toString('utf8'),
        ...(timedOut ? { timedOutAfterMs: options.timeoutMs } : {}),
        ...(result?.notStarted ? { notStarted: result.notStarted } : {}),
      });
    };

    if (options.timeoutMs !== undefined) {
      after(options.timeoutMs, () => {
        timedOut = true;
        if (pid !== undefined) signalGroup(pid, 'SIGTERM');
        after(graceMs, () => {
          if (pid !== undefined) signalGroup(pid, 'SIGKILL');
          // SIGKILL cannot be refused, but a process stuck in the kernel may still not exit: stop waiting.
          after(exit ? 0 : REAP_MS, () => finish());
        });
      });
    }
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
    child.on('error', (error) => {
      if (pid === undefined) finish({ exitCode: 127, notStarted: error.message });
    });
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      if (pid !== undefined) exited(pid);
      // Whatever still holds the pipes after a short drain is a leftover of the group: stop it and go on.
      after(DRAIN_MS, () => {
        if (pid !== undefined) signalGroup(pid, 'SIGKILL');
        finish();
      });
    });
    // Every pipe closed after the exit: all the output is in.
    child.on('close', () => finish());
    // The program may exit without reading its input; that is not our error.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}
