/** What a flyctl exit code and output mean (flyctl-contract §4), on plain data. */
import { formatDuration } from '../shared/duration.js';

export interface FlyctlRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Set when flyctl was stopped for running past its time limit. */
  timedOutAfterMs?: number;
}

export type FailureKind =
  /** exit 1: an ordinary error, printed as `Error: <msg>` on stderr. */
  | 'error'
  /** exit 126: a deadline was exceeded. */
  | 'deadline'
  /** exit 127 and nothing printed: a cancelled operation (on a rolling deploy, a failure after the first machine). */
  | 'cancelled-silently'
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

/** flyctl's own error lines (`Error: …`) and the lines that follow them; else the last stderr lines. */
export function errorText(run: FlyctlRun): string {
  const lines = run.stderr
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '');
  const first = lines.findIndex((l) => /^Error:?\s/.test(l.trim()) || l.trim().startsWith('Error '));
  const picked = first >= 0 ? lines.slice(first, first + 4) : lines.slice(-3);
  return picked
    .join(' ')
    .replace(/^Error:?\s*/, '')
    .trim();
}

// Network and server trouble worth a retry on a read-only call; anything else (auth, not found, bad flag) is not.
const TRANSIENT =
  /timeout|timed out|deadline exceeded|connection (refused|reset)|\bEOF\b|temporar|try again|too many requests|rate limit|\b(429|500|502|503|504)\b|service unavailable|bad gateway|i\/o timeout|no such host|TLS handshake/i;

export function interpretRun(run: FlyctlRun): FlyctlFailure | undefined {
  if (run.timedOutAfterMs !== undefined) {
    const said = errorText(run);
    return {
      kind: 'timeout',
      exitCode: run.exitCode,
      message: `flyctl did not finish within ${formatDuration(run.timedOutAfterMs)} and was stopped${said ? ` (it last said: ${said})` : ''}. Raise deploy-timeout if deploys of this app are that slow.`,
      transient: false,
    };
  }
  if (run.exitCode === 0) return undefined;
  const silent = run.stdout.trim() === '' && run.stderr.trim() === '';
  const text = errorText(run);
  if (run.exitCode === 127 && silent) {
    return {
      kind: 'cancelled-silently',
      exitCode: 127,
      message:
        'flyctl exited 127 without printing anything. flyctl does this when its operation is cancelled; on a rolling deploy it is how a machine failing after the first one shows up (flyctl-contract §4). It is a failure, not a success.',
      transient: false,
    };
  }
  if (run.exitCode === 127 && /unable to locate executable|ENOENT|not found|EACCES/i.test(run.stderr)) {
    return {
      kind: 'not-started',
      exitCode: 127,
      message: `flyctl could not be started: ${text}`,
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
 * What `flyctl config validate` found (contract §6): it prints the details on stdout (`✘<err>`, or
 * `Strict validation found unrecognised sections or keys:` and the keys) and only `Error: …` on stderr.
 */
export function configValidateProblems(run: FlyctlRun): string[] {
  const details = run.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(
      (l) =>
        l.startsWith('✘') || l.startsWith('Strict validation') || l.startsWith('- ') || l.startsWith('WARN'),
    );
  const failure = interpretRun(run);
  return failure ? [...details, failure.message] : details;
}
