/** What a flyctl exit code and output mean (flyctl-contract §4), on plain data. */
import { formatDuration } from '../shared/duration.js';

export interface FlyctlRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Set when flyctl was stopped for running past its time limit. */
  timedOutAfterMs?: number;
  /** Set when flyctl could not be started at all (the system's reason). */
  notStarted?: string;
}

export type FailureKind =
  /** exit 1: an ordinary error, printed as `Error: <msg>` on stderr. */
  | 'error'
  /** exit 126: a deadline was exceeded. */
  | 'deadline'
  /**
   * exit 127 without an `Error:` line: a cancelled operation (contract §4, §13). On a rolling deploy it is
   * how a machine failing after the first one shows up, after the progress output.
   */
  | 'cancelled'
  /** flyctl could not be started at all. */
  | 'not-started'
  /** flyctl ran past the action's own time limit and was stopped. */
  | 'timeout'
  /** exit 3: flyctl panicked. */
  | 'panic'
  | 'other';

export interface FlyctlFailure {
  kind: FailureKind;
  exitCode: number;
  /** One line for humans; built from flyctl's `Error:` lines when there are some. */
  message: string;
  transient: boolean;
}

/** How a call is named in messages, and what to do when it runs out of time. */
export interface CallContext {
  /** e.g. `flyctl status` (default `flyctl`). */
  call?: string;
  /** Said after a timeout, e.g. which input raises the limit. */
  timeoutHint?: string;
}

/** flyctl colours `✓`, `✘` and `WARN` even off a terminal (contract §6, aurora); the codes are noise here. */
// eslint-disable-next-line no-control-regex
export const stripAnsi = (text: string): string => text.replace(/\x1b\[[0-9;]*m/g, '');

const ERROR_LINE = (line: string) => /^Error:?\s/.test(line.trim()) || line.trim().startsWith('Error ');

/** flyctl's own error lines (`Error: …`) and the lines that follow them; else the last stderr lines. */
export function errorText(run: FlyctlRun): string {
  const lines = stripAnsi(run.stderr)
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '');
  const first = lines.findIndex(ERROR_LINE);
  const picked = first >= 0 ? lines.slice(first, first + 4) : lines.slice(-3);
  return picked
    .join(' ')
    .replace(/^Error:?\s*/, '')
    .trim();
}

/** The machine failures a rolling deploy printed on stdout before it was cancelled (contract §4). */
function machineFailures(stdout: string): string[] {
  return (
    stripAnsi(stdout)
      .split('\n')
      .map((l) => l.trim())
      // flyctl's status logger: `✖ [2/3] Machine <id> [app] update failed: …` (docs/flyctl-contract.md §4).
      .filter((l) =>
        /^(?:\S+\s+)?(?:\[\d+\/\d+\]\s+)?Machine \S+(?: \[[^\]]+\])? update (failed|canceled)/.test(l),
      )
  );
}

// Network and server trouble worth a retry on a read-only call; anything else (auth, not found, bad flag) is not.
const TRANSIENT =
  /timeout|timed out|deadline exceeded|connection (refused|reset)|\bEOF\b|temporar|try again|too many requests|rate limit|\b(429|500|502|503|504)\b|service unavailable|bad gateway|i\/o timeout|no such host|TLS handshake/i;

/**
 * A shell or wrapper script that cannot find the real program also exits 127 (`flyctl: command not
 * found`, `sh: 1: flyctl: not found`); flyctl's own 127 never prints such a line.
 */
const NOT_FOUND =
  /command not found|: not found\s*$|no such file or directory|unable to locate executable|permission denied/im;

export function interpretRun(run: FlyctlRun, context: CallContext = {}): FlyctlFailure | undefined {
  const call = context.call ?? 'flyctl';
  if (run.timedOutAfterMs !== undefined) {
    const said = errorText(run);
    return {
      kind: 'timeout',
      exitCode: run.exitCode,
      message: `${call} did not answer within ${formatDuration(run.timedOutAfterMs)} and was stopped${said ? ` (it last said: ${said})` : ''}.${context.timeoutHint ? ` ${context.timeoutHint}` : ''}`,
      // A read changes nothing, so trying it again is safe; the caller bounds how often.
      transient: true,
    };
  }
  if (run.exitCode === 0) return undefined;
  if (run.notStarted !== undefined)
    return {
      kind: 'not-started',
      exitCode: run.exitCode,
      message: `flyctl could not be started: ${run.notStarted}`,
      transient: false,
    };
  const text = errorText(run);
  const hasErrorLine = [run.stderr, run.stdout].some((out) => stripAnsi(out).split('\n').some(ERROR_LINE));
  if (run.exitCode === 127 && !hasErrorLine) {
    if (run.stdout.trim() === '' && NOT_FOUND.test(run.stderr))
      return {
        kind: 'not-started',
        exitCode: 127,
        message: `flyctl could not be started: ${stripAnsi(run.stderr).trim().split('\n').at(-1)}`,
        transient: false,
      };
    const failures = machineFailures(run.stdout);
    const silent = run.stdout.trim() === '' && run.stderr.trim() === '';
    return {
      kind: 'cancelled',
      exitCode: 127,
      message: silent
        ? 'flyctl exited 127 without printing anything. flyctl does this when its operation is cancelled; on a rolling deploy it is how a machine failing after the first one shows up (flyctl-contract §4). It is a failure, not a success.'
        : `flyctl exited 127 without an Error: line, which is how a cancelled operation ends; on a rolling deploy it is how a machine failing after the first one shows up (flyctl-contract §4). It is a failure, not a success.${failures.length > 0 ? ` flyctl said: ${failures.slice(0, 3).join('; ')}` : ''}`,
      transient: false,
    };
  }
  if (run.exitCode === 126) {
    return {
      kind: 'deadline',
      exitCode: 126,
      message: `flyctl gave up after a deadline: ${text || 'no details printed'}`,
      transient: true,
    };
  }
  if (run.exitCode === 3) {
    return { kind: 'panic', exitCode: 3, message: `flyctl crashed (panic): ${text}`, transient: false };
  }
  return {
    kind: run.exitCode === 1 ? 'error' : 'other',
    exitCode: run.exitCode,
    message: text || `flyctl exited ${run.exitCode} without an error message`,
    transient: TRANSIENT.test(text),
  };
}

/**
 * What `flyctl config validate` found (contract §6). Everything is on stdout, coloured even off a terminal:
 * the reasons are the plain detail lines between `Validating <path>` and the `✘` line (which usually says
 * only `invalid app configuration`), then the `✘` line, the strict-mode lines and `WARN` lines; stderr holds
 * only `Error: …`.
 */
export function configValidateProblems(run: FlyctlRun): string[] {
  const lines = stripAnsi(run.stdout)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  // After `failed loading app config from <path>: row R column C` come the TOML parser's lines, which
  // quote the file: the row and column are enough (the file may be outside the workspace, or hold a secret).
  const loadFailure = lines.findIndex((l) => l.startsWith('failed loading app config'));
  const details = (loadFailure >= 0 ? [lines[loadFailure] as string] : lines).filter(
    (l) => !/^Validating\s/.test(l) && !l.startsWith('✓') && !/^Error:?\s/.test(l),
  );
  const failure = interpretRun(run, { call: 'flyctl config validate' });
  return failure ? [...details, failure.message] : details;
}
