/**
 * The terminal as a Host: text for people (findings as `file:line: severity: message`, colour on a TTY
 * unless NO_COLOR, a spinner during waits, the summary rendered from Markdown), every masked secret
 * redacted from everything printed; with --json, one JSON document on stdout and the logs on stderr.
 */
import { lstatSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { styleText } from 'node:util';
import { UserError } from '../domain/shared/errors.js';
import { location } from '../domain/shared/findings.js';
import { redact, secretFragments } from '../domain/shared/redact.js';
import type { Ask, Choice, Host, InputSource, Progress, RunContext, Where } from '../host/host.js';
import { renderMarkdown, type Style } from './render-markdown.js';

export interface TerminalOptions {
  inputs: InputSource;
  json: boolean;
  /** Undefined: colour when the stream is a TTY and NO_COLOR is not set. */
  color?: boolean;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  interactive: boolean;
  /** Where prompts read the answers (default process.stdin). */
  stdin?: NodeJS.ReadStream;
  /** The verb's own switches (e.g. yes), for context.verbFlags. */
  verbFlags?: Readonly<Record<string, boolean>>;
}

export interface TerminalHost extends Host {
  readonly outputs: Record<string, string>;
  readonly results: Record<string, unknown>;
  /** Every masked value replaced by ***. */
  redact(text: string): string;
  /** Stops the spinner and ends a streamed line, before the final words. */
  close(): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

type Format = Parameters<typeof styleText>[0];

/**
 * Where reports go by default: `<tmp>/nuzantara-<uid>`, made private (0700) on first use. A directory
 * there that is not ours (another user's, or a symlink planted on a shared machine) is never written
 * into: the run gets a fresh private directory instead. Windows' temp directory is per user already.
 */
export function privateTempDir(base = tmpdir()): string {
  const uid = process.getuid?.();
  if (uid === undefined) return join(base, 'nuzantara');
  const dir = join(base, `nuzantara-${uid}`);
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch {
    // It exists (checked next), or cannot be made (the fresh directory below says why, if anything).
  }
  try {
    const info = lstatSync(dir);
    if (info.isDirectory() && info.uid === uid && (info.mode & 0o077) === 0) return dir;
  } catch {
    // Gone or unreadable: not ours to use.
  }
  return mkdtempSync(join(base, `nuzantara-${uid}-`));
}

export function terminalContext(
  env: NodeJS.ProcessEnv,
  interactive: boolean,
  verbFlags?: Readonly<Record<string, boolean>>,
): RunContext {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  return {
    workspace: process.cwd(),
    tempDir: privateTempDir(),
    env,
    ...(owner && repo ? { repository: { owner, repo } } : {}),
    ...(env.GITHUB_SHA ? { sha: env.GITHUB_SHA } : {}),
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    interactive,
    ...(verbFlags ? { verbFlags } : {}),
  };
}

export function terminalHost(options: TerminalOptions): TerminalHost {
  const { stdout, stderr } = options;
  // Logs for people: on stdout, or on stderr when stdout carries the JSON document.
  const log = options.json ? stderr : stdout;
  const colorOn = (stream: NodeJS.WriteStream) =>
    options.color ?? (Boolean(stream.isTTY) && !options.env.NO_COLOR && options.env.TERM !== 'dumb');
  const paint = (stream: NodeJS.WriteStream, format: Format, text: string) =>
    colorOn(stream) ? styleText(format, text, { validateStream: false }) : text;
  const secrets = new Set<string>();
  const clean = (text: string) => redact(text, [...secrets]);
  const outputs: Record<string, string> = {};
  const results: Record<string, unknown> = {};

  let spinner: { label: string; frame: number; timer: NodeJS.Timeout } | undefined;
  let midLine = false;
  let pendingStream = '';
  const spinnerStream = stderr;
  const clearSpinner = () => {
    if (spinner && spinnerStream.isTTY) spinnerStream.write('\r\x1b[2K');
  };
  const drawSpinner = () => {
    if (!spinner || !spinnerStream.isTTY || midLine) return;
    spinnerStream.write(
      `\r\x1b[2K${paint(spinnerStream, 'cyan', FRAMES[spinner.frame % FRAMES.length] as string)} ${clean(spinner.label)}`,
    );
  };
  const write = (stream: NodeJS.WriteStream, text: string) => {
    clearSpinner();
    if (pendingStream) {
      log.write(clean(pendingStream));
      midLine = true;
      pendingStream = '';
    }
    if (midLine && text !== '') {
      stream.write('\n');
      midLine = false;
    }
    stream.write(`${clean(text)}\n`);
    drawSpinner();
  };
  const placed = (severity: string, format: Format, message: string, where?: Where) => {
    const place = where?.file
      ? `${location({ file: where.file, line: where.line, column: where.column })}: `
      : '';
    write(stderr, `${place}${paint(stderr, format, `${severity}:`)} ${message}`);
  };
  const style: Style = {
    bold: (t) => paint(log, 'bold', t),
    dim: (t) => paint(log, 'dim', t),
    heading: (t) => paint(log, ['bold', 'underline'], t),
  };

  // Prompts (a small, well-kept library: @clack/prompts) only where a person can answer, loaded when asked.
  const prompts = () => import('@clack/prompts');
  const cancelled = () => new UserError('Cancelled at the prompt: nothing was changed.');
  const ask: Ask = {
    async select<T>(message: string, choices: readonly Choice<T>[], initial?: T) {
      clearSpinner();
      const { isCancel, select } = await prompts();
      const answer = await select<T>({
        message: clean(message),
        options: choices.map((c) => ({
          value: c.value,
          label: clean(c.label),
          ...(c.hint ? { hint: clean(c.hint) } : {}),
          ...(c.disabled ? { disabled: true } : {}),
        })) as Parameters<typeof select<T>>[0]['options'],
        ...(initial === undefined ? {} : { initialValue: initial }),
        maxItems: 12,
        ...(options.stdin ? { input: options.stdin } : {}),
        output: stdout,
      });
      if (isCancel(answer)) throw cancelled();
      return answer as T;
    },
    async confirm(message) {
      clearSpinner();
      const { confirm, isCancel } = await prompts();
      const answer = await confirm({
        message: clean(message),
        initialValue: false,
        ...(options.stdin ? { input: options.stdin } : {}),
        output: stdout,
      });
      if (isCancel(answer)) throw cancelled();
      return answer;
    },
  };

  const host: TerminalHost = {
    kind: 'terminal',
    context: terminalContext(options.env, options.interactive, options.verbFlags),
    ...(options.interactive ? { ask } : {}),
    inputs: options.inputs,
    outputs,
    results,
    redact: clean,
    info: (message) => write(log, message),
    debug: (message) => {
      if (options.env.NUZANTARA_DEBUG) write(stderr, paint(stderr, 'dim', message));
    },
    notice: (message, where) => placed('notice', 'blue', message, where),
    warning: (message, where) => placed('warning', 'yellow', message, where),
    error: (message, where) => placed('error', 'red', message, where),
    // Whole lines only: a secret split across two chunks is still redacted.
    stream(chunk) {
      const text = pendingStream + chunk;
      const end = text.lastIndexOf('\n') + 1;
      pendingStream = text.slice(end);
      if (end === 0 && pendingStream.length < 64 * 1024) return;
      clearSpinner();
      const ready = end === 0 ? pendingStream : text.slice(0, end);
      if (end === 0) pendingStream = '';
      log.write(clean(ready));
      midLine = !ready.endsWith('\n');
      drawSpinner();
    },
    mask(secret) {
      for (const fragment of secretFragments(secret)) secrets.add(fragment);
    },
    async summary(markdown) {
      if (options.json) return;
      const columns = log.isTTY ? (log.columns ?? 100) : 100;
      write(log, `\n${renderMarkdown(markdown, { columns, style })}\n`);
    },
    setOutput(name, value) {
      outputs[name] = clean(value);
    },
    result(data) {
      Object.assign(results, JSON.parse(clean(JSON.stringify(data))) as Record<string, unknown>);
    },
    addPath(dir) {
      process.env.PATH = `${dir}${delimiter}${process.env.PATH ?? ''}`;
    },
    async group(name, work) {
      write(log, paint(log, 'bold', name));
      return work();
    },
    progress(label): Progress {
      if (!spinnerStream.isTTY || options.json) return { update: () => undefined, done: () => undefined };
      if (spinner) clearInterval(spinner.timer);
      spinner = {
        label,
        frame: 0,
        timer: setInterval(() => {
          if (!spinner) return;
          spinner.frame++;
          drawSpinner();
        }, 80),
      };
      spinner.timer.unref();
      drawSpinner();
      return {
        update: (text) => {
          if (spinner) spinner.label = `${label} ${text}`;
        },
        done: (text) => {
          clearSpinner();
          if (spinner) clearInterval(spinner.timer);
          spinner = undefined;
          if (text) write(log, text);
        },
      };
    },
    close() {
      if (pendingStream) {
        log.write(clean(pendingStream));
        midLine = !pendingStream.endsWith('\n');
        pendingStream = '';
      }
      clearSpinner();
      if (spinner) clearInterval(spinner.timer);
      spinner = undefined;
      if (midLine) log.write('\n');
      midLine = false;
    },
  };
  return host;
}
