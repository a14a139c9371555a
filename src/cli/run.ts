/**
 * `nuzantara <verb>`: the actions from a terminal. The same command modules as the actions, on the
 * terminal host; flags are the actions' inputs. Exit codes: 0 ok, 1 a check failed, 2 a usage error.
 */
import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { describeFailure } from '../host/failure.js';
import { InputError } from '../domain/shared/errors.js';
import { VERSION } from './action-specs.js';
import { UsageError, parseVerbFlags, secretEnvName, type ParsedFlags } from './flags.js';
import { mainHelp, verbHelp } from './help.js';
import { terminalHost } from './terminal-host.js';
import { findVerb, type VerbDefinition } from './verbs.js';

export interface CliIo {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
}

/** The text an input gets on the terminal: the flag, else the action.yml default (expressions resolved). */
function inputText(
  verb: VerbDefinition,
  flags: ParsedFlags,
  secrets: Record<string, string>,
  env: NodeJS.ProcessEnv,
) {
  return (name: string): string => {
    if (name in secrets) return secrets[name] as string;
    if (name in flags.inputs) return flags.inputs[name] as string;
    if (verb.secretInputs.includes(name) && env[secretEnvName(name)])
      return env[secretEnvName(name)] as string;
    const fallback = verb.inputs[name]?.default ?? '';
    // A runner evaluates `${{ github.token }}`; a terminal has GITHUB_TOKEN or GH_TOKEN, if anything.
    return fallback
      .replace(/\$\{\{\s*github\.token\s*\}\}/g, env.GITHUB_TOKEN || env.GH_TOKEN || '')
      .replace(/\$\{\{[^}]*\}\}/g, '');
  };
}

async function readSecrets(flags: ParsedFlags, io: CliIo): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  let stdinUsed: string | undefined;
  for (const [name, source] of Object.entries(flags.secrets)) {
    if (source.from === 'stdin') {
      if (stdinUsed)
        throw new UsageError(
          `--${stdinUsed} and --${name} cannot both read stdin; give one of them as @<file>.`,
        );
      stdinUsed = name;
      values[name] = await text(io.stdin);
    } else {
      try {
        values[name] = await readFile(source.path, 'utf8');
      } catch (error) {
        throw new UsageError(
          `--${name}: cannot read ${source.path} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
        );
      }
    }
    // A file's last newline ends the file, not the value.
    values[name] = (values[name] as string).replace(/\r?\n$/, '');
  }
  return values;
}

/** `--health-url` rather than `Input 'health-url'`: the terminal names flags. */
const asFlag = (message: string) => message.replace(/^Input '([a-z0-9-]+)'(?: \([^)]*\))?:/, '--$1:');

export async function runCli(io: CliIo): Promise<number> {
  const [first, ...rest] = io.argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const verb = first === 'help' && rest[0] ? findVerb(rest[0]) : undefined;
    io.stdout.write(`${verb ? verbHelp(verb) : mainHelp()}\n`);
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`nuzantara ${VERSION}\n`);
    return 0;
  }
  const verb = findVerb(first);
  if (!verb) {
    io.stderr.write(
      `nuzantara: unknown command ${JSON.stringify(first)}. Run 'nuzantara --help' for the commands.\n`,
    );
    return 2;
  }

  let flags: ParsedFlags;
  let secrets: Record<string, string>;
  try {
    flags = parseVerbFlags(verb, rest);
    if (flags.help) {
      io.stdout.write(`${verbHelp(verb)}\n`);
      return 0;
    }
    secrets = await readSecrets(flags, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 2;
  }

  const interactive = Boolean(io.stdin.isTTY && io.stdout.isTTY) && !flags.json && !io.env.CI;
  const host = terminalHost({
    inputs: { get: inputText(verb, flags, secrets, io.env) },
    json: flags.json,
    ...(flags.color === undefined ? {} : { color: flags.color }),
    env: io.env,
    stdout: io.stdout,
    stderr: io.stderr,
    interactive,
    stdin: io.stdin,
    // The verb's own switches (e.g. rollback's --yes) reach the command through its context.
    verbFlags: flags.extra,
  });
  for (const value of Object.values(secrets)) host.mask(value);

  let exitCode = 0;
  let message: string | undefined;
  try {
    await verb.run(host);
  } catch (error) {
    const failure = describeFailure(error);
    exitCode = failure.exitCode;
    message = host.redact(error instanceof InputError ? asFlag(failure.message) : failure.message);
    if (failure.unexpected && flags.debug && failure.stack)
      io.stderr.write(`${host.redact(failure.stack)}\n`);
    else if (failure.unexpected) message += ' Run again with --debug to see where it happened.';
  }
  host.close();
  if (flags.json) {
    io.stdout.write(
      `${JSON.stringify(
        {
          command: verb.name,
          ok: exitCode === 0,
          exitCode,
          ...(message ? { error: message } : {}),
          outputs: host.outputs,
          ...host.results,
        },
        null,
        2,
      )}\n`,
    );
    if (message) io.stderr.write(`${message}\n`);
  } else {
    if (Object.keys(host.outputs).length > 0) {
      io.stdout.write('\nOutputs:\n');
      for (const [name, value] of Object.entries(host.outputs)) io.stdout.write(`  ${name}: ${value}\n`);
    }
    if (message) io.stderr.write(`\n${exitCode === 2 ? 'usage' : 'failed'}: ${message}\n`);
  }
  return exitCode;
}
