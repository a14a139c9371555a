/**
 * The GitHub runner as a Host: the only module that talks to the runner (through runner-protocol.ts,
 * which speaks @actions/core's protocol without its import cost) and reads the run's context (GITHUB_*
 * variables and the event payload).
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { location } from '../domain/shared/findings.js';
import { redact, secretFragments } from '../domain/shared/redact.js';
import { describeFailure } from './failure.js';
import type { Host, PullRequest, RunContext, Where } from './host.js';
import { RunnerProtocol, type AnnotationProperties } from './runner-protocol.js';

function eventPayload(env: NodeJS.ProcessEnv): Record<string, unknown> {
  if (!env.GITHUB_EVENT_PATH) return {};
  try {
    return JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** The run's context from the runner's environment, as @actions/github's `context` builds it. */
export function runnerContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const payload = eventPayload(env);
  const pr = payload.pull_request as { number?: unknown; base?: { sha?: unknown } } | undefined;
  const pullRequest: PullRequest | undefined =
    pr && typeof pr.number === 'number'
      ? { number: pr.number, ...(typeof pr.base?.sha === 'string' ? { baseSha: pr.base.sha } : {}) }
      : undefined;
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  return {
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    tempDir: env.RUNNER_TEMP || tmpdir(),
    env,
    ...(owner && repo ? { repository: { owner, repo } } : {}),
    ...(env.GITHUB_SHA ? { sha: env.GITHUB_SHA } : {}),
    ...(env.GITHUB_REF ? { ref: env.GITHUB_REF } : {}),
    ...(env.GITHUB_EVENT_NAME ? { eventName: env.GITHUB_EVENT_NAME } : {}),
    ...(pullRequest ? { pullRequest } : {}),
    ...(owner && repo && env.GITHUB_RUN_ID
      ? { runUrl: `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` }
      : {}),
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    interactive: false,
  };
}

/** The log shows annotations without their place, so it goes into the text too. */
const placed = (message: string, where?: Where) =>
  where?.file
    ? `${location({ file: where.file, line: where.line, column: where.column })} ${message}`
    : message;

const properties = (where?: Where): AnnotationProperties | undefined =>
  where && {
    title: where.title,
    file: where.file || undefined,
    startLine: where.file ? where.line : undefined,
    endLine: where.file ? where.endLine : undefined,
    startColumn: where.file ? where.column : undefined,
  };

/**
 * Unicode's default-ignorable characters (zero-width spaces, joiners, BOM): the runner matches commands
 * with .NET's culture-aware StartsWith/IndexOf, which skip them, so `\u200b::error::` is still a command.
 */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * One log line made inert if the runner would read it as a workflow command (actions/runner
 * ActionCommand.TryParseV2 and TryParse): `::` at the start after whitespace, or `##[` anywhere. The
 * command's text stays readable: `::error::x` is shown as `: :error::x`, `##[` as `# #[`.
 */
export function defuseLine(line: string): string {
  const skeleton = line.replace(IGNORABLE, '');
  const v2 = /^[\s\u0085]*::/.test(skeleton);
  const v1 = skeleton.includes('##[');
  if (!v2 && !v1) return line;
  let out = skeleton;
  if (v2) out = out.replace(/^([\s\u0085]*):/, '$1: ');
  if (v1) out = out.replace(/##\[/g, '# #[');
  return out;
}

/** Text for the log (the runner reads lines ended by \n, \r\n or a lone \r) with every command line defused. */
export function defuseCommands(text: string): string {
  return text
    .split(/(\r\n|\r|\n)/)
    .map((part, i) => (i % 2 === 0 ? defuseLine(part) : part))
    .join('');
}

/** Held back of a stream until its line ends, so a command split over two chunks is still seen whole. */
const MAX_PENDING = 64 * 1024;

/** The runner host; `close` ends a streamed line still open (runAction calls it before the step ends). */
export interface GitHubHost extends Host {
  close(): void;
}

export function githubHost(runner = new RunnerProtocol()): GitHubHost {
  const context = runnerContext();
  const masked = new Set<string>();
  // The part of a streamed line not written yet.
  let pending = '';
  /** Ends a streamed line that is still open, so what comes next starts a line (a command only counts there). */
  const flush = () => {
    if (pending === '') return;
    process.stdout.write(`${defuseLine(pending)}\n`);
    pending = '';
  };
  const say = (message: string) => {
    flush();
    runner.info(defuseCommands(message));
  };
  const annotate = (level: 'notice' | 'warning' | 'error') => (message: string, where?: Where) => {
    flush();
    // The protocol escapes line breaks in annotations, so one annotation stays one line.
    runner.annotation(level, placed(message, where), properties(where));
  };
  return {
    kind: 'github',
    context,
    inputs: { get: (name) => runner.input(name) },
    info: say,
    debug: (message) => {
      flush();
      runner.debug(message);
    },
    notice: annotate('notice'),
    warning: annotate('warning'),
    error: annotate('error'),
    // A program's output (flyctl's) is not ours: no line of it may act as a workflow command.
    stream(chunk) {
      const text = pending + chunk;
      const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
      // A \r at the very end may be the first half of \r\n.
      const complete = lastBreak === text.length - 1 && text.endsWith('\r') ? lastBreak : lastBreak + 1;
      if (complete > 0) process.stdout.write(defuseCommands(text.slice(0, complete)));
      pending = text.slice(Math.max(0, complete));
      if (pending.length > MAX_PENDING) flush();
    },
    mask: (secret) => {
      flush();
      for (const fragment of secretFragments(secret)) {
        masked.add(fragment);
        runner.mask(fragment);
      }
    },
    // The runner masks the log, not files: the summary is redacted here.
    redact: (text) => redact(text, [...masked]),
    async summary(markdown) {
      await runner.summary(redact(markdown, [...masked]));
    },
    setOutput: (name, value) => runner.output(name, value),
    result: () => undefined,
    addPath: (dir) => runner.addPath(dir),
    group: (name, work) => {
      flush();
      return runner.group(name, work);
    },
    progress(label) {
      say(`${label}…`);
      return { update: () => undefined, done: (text) => text && say(text) };
    },
    close: flush,
  };
}

/**
 * Runs a verb as a step: a UserError fails the step with its message only; anything else also fails it,
 * with the stack behind step debug logging (ACTIONS_STEP_DEBUG), so no stack trace is printed by default.
 */
export async function runAction(verb: (host: Host) => Promise<void>): Promise<void> {
  const runner = new RunnerProtocol();
  const host = githubHost(runner);
  try {
    await verb(host);
  } catch (error) {
    host.close();
    const failure = describeFailure(error);
    if (failure.stack) runner.debug(failure.stack);
    runner.fail(
      failure.unexpected
        ? `${failure.message} To see more, re-run the job with debug logging enabled (ACTIONS_STEP_DEBUG).`
        : failure.message,
    );
  }
  host.close();
}
