/** Runs a program with an argument array (never a shell) and captures its output. */
import * as exec from '@actions/exec';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface CommandOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Written to the program's stdin: how secrets reach a program without touching argv. */
  input?: string;
  /** Stream output to the log as it comes (still captured). */
  echo?: boolean;
}

export async function runCommand(
  program: string,
  args: readonly string[],
  options: CommandOptions = {},
): Promise<CommandResult> {
  try {
    const env = options.env ? ({ ...process.env, ...options.env } as Record<string, string>) : undefined;
    const result = await exec.getExecOutput(program, [...args], {
      cwd: options.cwd,
      env,
      input: options.input === undefined ? undefined : Buffer.from(options.input),
      silent: !options.echo,
      ignoreReturnCode: true,
    });
    return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
  } catch (error) {
    // @actions/exec throws when the program cannot be found or started.
    return { exitCode: 127, stdout: '', stderr: error instanceof Error ? error.message : String(error) };
  }
}
