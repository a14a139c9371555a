/**
 * What a verb needs from the place it runs. Two hosts implement it: the GitHub runner (src/host/github.ts)
 * and the terminal (src/cli/terminal-host.ts). Commands talk to nothing else, so one command module serves
 * both the action and `nuzantara <verb>`.
 */

/** Where the settings come from: action inputs on a runner, flags in a terminal. '' when not given. */
export interface InputSource {
  get(name: string): string;
}

/** A place in a file, for annotations (shown on the pull request's diff on GitHub). */
export interface Where {
  file?: string;
  line?: number;
  endLine?: number;
  column?: number;
  title?: string;
}

export interface PullRequest {
  number: number;
  baseSha?: string;
}

/** Facts about the run, read once by the host; commands never read process.env or the event themselves. */
export interface RunContext {
  /** The checkout (GITHUB_WORKSPACE), or the current directory in a terminal. */
  workspace: string;
  /** A directory for files the run writes (RUNNER_TEMP, or the system temp directory). */
  tempDir: string;
  /** The environment the run sees: secrets named by inputs (required-secrets), the Fly token. */
  env: Readonly<Record<string, string | undefined>>;
  repository?: { owner: string; repo: string };
  sha?: string;
  ref?: string;
  eventName?: string;
  pullRequest?: PullRequest;
  /** The workflow run's page; undefined outside a runner. */
  runUrl?: string;
  /** The GitHub REST API (GITHUB_API_URL: GHES and local stubs work). */
  apiUrl: string;
  /** A person can answer questions (a terminal with a TTY, not --json, not CI). */
  interactive: boolean;
  /** The verb's own switches from the command line (VerbDefinition.extraFlags, e.g. yes); absent on a runner. */
  verbFlags?: Readonly<Record<string, boolean>>;
}

export interface Choice<T> {
  value: T;
  label: string;
  hint?: string;
  /** Shown, but cannot be picked. */
  disabled?: boolean;
}

/** Questions for the person at the terminal. A cancelled prompt (Ctrl-C, Esc) throws a UserError. */
export interface Ask {
  select<T>(message: string, choices: readonly Choice<T>[], initial?: T): Promise<T>;
  confirm(message: string): Promise<boolean>;
}

/** A wait the user should see progress on: a spinner in a terminal, a log line on a runner. */
export interface Progress {
  update(text: string): void;
  done(text?: string): void;
}

export interface Host {
  readonly kind: 'github' | 'terminal';
  readonly context: RunContext;
  readonly inputs: InputSource;
  info(message: string): void;
  debug(message: string): void;
  notice(message: string, where?: Where): void;
  warning(message: string, where?: Where): void;
  error(message: string, where?: Where): void;
  /** Output of a program the run started (flyctl deploy), passed through as it comes. */
  stream(chunk: string): void;
  /** Hides a secret from everything the host prints or writes, from now on. */
  mask(secret: string): void;
  /** The text with every value masked so far replaced by ***: for what leaves the host's own masking (files, posts). */
  redact(text: string): string;
  /** Markdown for the job summary; a terminal renders it for people. */
  summary(markdown: string): Promise<void>;
  setOutput(name: string, value: string): void;
  /** The command's machine-readable result (findings, report): part of the terminal's --json document. */
  result(data: Record<string, unknown>): void;
  /** Puts a directory on PATH for this run and (on a runner) the job's later steps. */
  addPath(dir: string): void;
  group<T>(name: string, work: () => Promise<T>): Promise<T>;
  progress(label: string): Progress;
  /** Present only where a person can answer (a terminal when context.interactive); never on a runner. */
  readonly ask?: Ask;
}
