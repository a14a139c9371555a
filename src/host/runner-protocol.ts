/**
 * The GitHub runner's protocol, as @actions/core speaks it: inputs from INPUT_* variables, workflow
 * commands on stdout (`::error file=…::msg`, `::add-mask::`, groups) and file commands (GITHUB_OUTPUT,
 * GITHUB_PATH, GITHUB_STEP_SUMMARY). Written here rather than imported because @actions/core loads its
 * OIDC client, and with it undici, on import: 490 KB and 2.6x a bare node start in every bundle, for an
 * HTTP client no action uses. test/host/runner-protocol.test.ts proves byte-for-byte parity with it.
 */
import { appendFileSync, existsSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { EOL } from 'node:os';
import { delimiter as pathDelimiter } from 'node:path';

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

type Env = NodeJS.ProcessEnv;
type Out = { write(text: string): unknown };

const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export class RunnerProtocol {
  constructor(
    private readonly env: Env = process.env,
    private readonly out: Out = process.stdout,
  ) {}

  /** `::name key=value,…::message`; empty properties are left out, as @actions/core does. */
  command(name: string, properties: Record<string, string | number | undefined>, message: string): void {
    const props = Object.entries(properties)
      .filter(([, value]) => value !== undefined && value !== '' && value !== 0)
      .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
      .join(',');
    this.out.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`);
  }

  input(name: string): string {
    return this.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
  }

  info(message: string): void {
    this.out.write(`${message}${EOL}`);
  }

  debug(message: string): void {
    this.command('debug', {}, message);
  }

  annotation(level: 'error' | 'warning' | 'notice', message: string, p: AnnotationProperties = {}): void {
    this.command(
      level,
      {
        title: p.title,
        file: p.file,
        line: p.startLine,
        endLine: p.endLine,
        col: p.startColumn,
        endColumn: p.endColumn,
      },
      message,
    );
  }

  mask(secret: string): void {
    this.command('add-mask', {}, secret);
  }

  /** A file command (`name<<delimiter` … `delimiter`), or the legacy workflow command when the file is unset. */
  output(name: string, value: string): void {
    const file = this.env.GITHUB_OUTPUT;
    if (!file) {
      this.out.write(EOL);
      this.command('set-output', { name }, value);
      return;
    }
    // Web Crypto's CSPRNG, already in the global scope: node:crypto costs about 10 ms of start-up.
    const delimiter = `ghadelimiter_${globalThis.crypto.randomUUID()}`;
    if (name.includes(delimiter) || value.includes(delimiter))
      throw new Error(`Unexpected input: the output ${name} contains its delimiter`);
    this.appendFileCommand(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}`);
  }

  addPath(dir: string): void {
    const file = this.env.GITHUB_PATH;
    if (file) this.appendFileCommand(file, dir);
    else this.command('add-path', {}, dir);
    process.env.PATH = `${dir}${pathDelimiter}${process.env.PATH ?? ''}`;
  }

  /** Appends Markdown to the job summary; outside a runner (no GITHUB_STEP_SUMMARY) it does nothing. */
  async summary(markdown: string): Promise<void> {
    const file = this.env.GITHUB_STEP_SUMMARY;
    if (!file) return;
    await appendFile(file, `${markdown}${EOL}`, 'utf8');
  }

  async group<T>(name: string, work: () => Promise<T>): Promise<T> {
    this.command('group', {}, name);
    try {
      return await work();
    } finally {
      this.command('endgroup', {}, '');
    }
  }

  fail(message: string): void {
    process.exitCode = 1;
    this.annotation('error', message);
  }

  private appendFileCommand(file: string, text: string): void {
    if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
    appendFileSync(file, `${text}${EOL}`, 'utf8');
  }
}
