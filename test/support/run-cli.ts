/** Runs the `nuzantara` bundle (dist/cli/index.js) as a user would, and returns what it printed. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './run-action.js';

export const cliBundle = join(repoRoot, 'dist', 'cli', 'index.js');

export interface CliResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  stdin?: string;
  /** The node binary (default: this process's). */
  node?: string;
  timeoutMs?: number;
}

export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(options.node ?? process.execPath, [cliBundle, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: options.env ?? { PATH: process.env.PATH, HOME: process.env.HOME },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.end(options.stdin ?? '');
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, stdout, stderr });
    });
  });
}
