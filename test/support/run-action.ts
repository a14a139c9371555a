/**
 * Runs a bundled action (dist/<name>/index.js) as the GitHub runner does: a clean environment holding PATH
 * and the runner contract only, INPUT_* variables with action.yml defaults applied, file-command files, an
 * event payload. Returns what the runner would see: exit code, outputs, summary, annotations and masks.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface RunOptions {
  inputs?: Record<string, string>;
  /** Extra environment (secrets such as FLY_API_TOKEN, FLY_* overrides). */
  env?: Record<string, string>;
  /** Directories put in front of PATH (e.g. a stand-in flyctl). */
  path?: string[];
  cwd?: string;
  event?: { name: string; payload: unknown };
  githubToken?: string;
  /** STATE_* values from a main step, for a post step. */
  state?: Record<string, string>;
  timeoutMs?: number;
  stdin?: string;
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  file?: string;
  line?: number;
  col?: number;
  title?: string;
}

export interface RunResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  env: Record<string, string>;
  path: string[];
  state: Record<string, string>;
  summary: string;
  annotations: Annotation[];
  masks: string[];
  /** Everything the action wrote anywhere the runner or a user could see. */
  allText: string;
  workDir: string;
}

interface ActionInput {
  default?: string | number | boolean;
}

export function actionDefaults(name: string, githubToken = ''): Record<string, string> {
  const doc = parseYaml(readFileSync(join(repoRoot, 'actions', name, 'action.yml'), 'utf8')) as {
    inputs?: Record<string, ActionInput>;
  };
  const defaults: Record<string, string> = {};
  for (const [input, spec] of Object.entries(doc.inputs ?? {})) {
    if (spec?.default === undefined) continue;
    let value = String(spec.default);
    // The runner evaluates expressions in defaults; the harness knows the few the actions use.
    value = value.replace(/\$\{\{\s*github\.token\s*\}\}/g, githubToken).replace(/\$\{\{[^}]*\}\}/g, '');
    defaults[input] = value;
  }
  return defaults;
}

/** The runner's file-command format: `name<<DELIM` … `DELIM`, or `name=value`. */
export function parseFileCommand(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, key, delim] = heredoc as unknown as [string, string, string];
      const end = lines.indexOf(delim, i + 1);
      result[key] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      result[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return result;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(s: string): string {
  return unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

export function parseWorkflowCommands(stdout: string): { annotations: Annotation[]; masks: string[] } {
  const annotations: Annotation[] = [];
  const masks: string[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^::(error|warning|notice|add-mask)( [^:]*)?::(.*)$/.exec(line.replace(/\r$/, ''));
    if (!match) continue;
    const [, command, props = '', data = ''] = match;
    if (command === 'add-mask') {
      masks.push(unescapeData(data));
      continue;
    }
    const annotation: Annotation = { level: command as Annotation['level'], message: unescapeData(data) };
    for (const pair of props.trim().split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      const key = pair.slice(0, eq);
      const value = unescapeProperty(pair.slice(eq + 1));
      if (key === 'file' || key === 'title') annotation[key] = value;
      if (key === 'line' || key === 'col') annotation[key] = Number(value);
    }
    annotations.push(annotation);
  }
  return { annotations, masks };
}

export async function runAction(name: string, options: RunOptions = {}): Promise<RunResult> {
  const workDir = mkdtempSync(join(tmpdir(), `run-${name}-`));
  const files = {
    GITHUB_OUTPUT: join(workDir, 'output'),
    GITHUB_ENV: join(workDir, 'env'),
    GITHUB_PATH: join(workDir, 'path'),
    GITHUB_STATE: join(workDir, 'state'),
    GITHUB_STEP_SUMMARY: join(workDir, 'summary.md'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const eventPath = join(workDir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(options.event?.payload ?? {}));
  const runnerTemp = join(workDir, 'runner-temp');
  const toolCache = join(workDir, 'tool-cache');

  const inputs = { ...actionDefaults(name, options.githubToken), ...options.inputs };
  const env: Record<string, string> = {
    PATH: [...(options.path ?? []), dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(
      ':',
    ),
    HOME: process.env.HOME ?? workDir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.cwd ?? workDir,
    GITHUB_EVENT_NAME: options.event?.name ?? 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'nuzantara/example',
    GITHUB_REPOSITORY_OWNER: 'nuzantara',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '1234',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_JOB: 'test',
    GITHUB_WORKFLOW: 'test',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: toolCache,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    ...files,
    ...options.env,
  };
  for (const [key, value] of Object.entries(inputs))
    env[`INPUT_${key.replace(/ /g, '_').toUpperCase()}`] = value;
  for (const [key, value] of Object.entries(options.state ?? {})) env[`STATE_${key}`] = value;

  const bundle = join(repoRoot, 'dist', name, 'index.js');
  if (!existsSync(bundle)) throw new Error(`${bundle} does not exist: run npm run build`);
  // Spawned directly, never through a shell: dash drops INPUT_* names that contain hyphens.
  const child = spawn(process.execPath, [bundle], {
    cwd: options.cwd ?? workDir,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(options.stdin ?? '');
  const timeout = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
  const exitCode = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  clearTimeout(timeout);

  const read = (file: string) => readFileSync(file, 'utf8');
  const { annotations, masks } = parseWorkflowCommands(stdout);
  const outputs = parseFileCommand(read(files.GITHUB_OUTPUT));
  const summary = read(files.GITHUB_STEP_SUMMARY);
  const state = parseFileCommand(read(files.GITHUB_STATE));
  const allText = [
    stdout,
    stderr,
    summary,
    read(files.GITHUB_OUTPUT),
    read(files.GITHUB_ENV),
    read(files.GITHUB_STATE),
  ].join('\n');
  return {
    exitCode,
    stdout,
    stderr,
    outputs,
    env: parseFileCommand(read(files.GITHUB_ENV)),
    path: read(files.GITHUB_PATH).split('\n').filter(Boolean),
    state,
    summary,
    annotations,
    masks,
    allText,
    workDir,
  };
}
