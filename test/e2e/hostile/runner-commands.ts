/**
 * A stand-in for the GitHub runner's workflow-command parser, stricter than the harness's: it reads stdout
 * the way actions/runner does (ActionCommandManager.TryProcessCommand with ActionCommand.TryParseV2 and
 * TryParse): lines end at \n, \r\n or a lone \r; `::name props::data` after leading whitespace; the legacy
 * `##[name props]data` anywhere in a line; names case-insensitive; `::stop-commands::<token>` pauses until
 * `::<token>::`. .NET's culture-aware StartsWith/IndexOf skip default-ignorable characters, so they are
 * removed before matching. Its own tests: runner-commands.test.ts.
 */

export interface RunnerCommand {
  command: string;
  properties: Record<string, string>;
  data: string;
  line: string;
}

const REGISTERED = [
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'warning',
  'stop-commands',
];

const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

function parseV2(line: string, registered: Set<string>): RunnerCommand | undefined {
  const message = line.replace(/^[\s\u0085]+/, '');
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  if (!registered.has(command.toLowerCase())) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0)
    for (const pair of info
      .slice(space + 1)
      .trim()
      .split(',')
      .filter(Boolean)) {
      const eq = pair.indexOf('=');
      if (eq > 0) properties[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
  const data = message
    .slice(end + 2)
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%25/g, '%');
  return { command: command.toLowerCase(), properties, data, line };
}

function parseV1(line: string, registered: Set<string>): RunnerCommand | undefined {
  const prefix = line.indexOf('##[');
  if (prefix < 0) return undefined;
  const close = line.indexOf(']', prefix);
  if (close < 0) return undefined;
  const info = line.slice(prefix + 3, close);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  if (!registered.has(command.toLowerCase())) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0)
    for (const pair of info
      .slice(space + 1)
      .split(';')
      .filter(Boolean)) {
      const eq = pair.indexOf('=');
      if (eq > 0) properties[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
  return { command: command.toLowerCase(), properties, data: line.slice(close + 1), line };
}

/** The commands the runner would act on in this output, in order (stop-commands honoured). */
export function runnerCommands(stdout: string): RunnerCommand[] {
  const registered = new Set(REGISTERED);
  let stopToken: string | undefined;
  const found: RunnerCommand[] = [];
  for (const raw of stdout.split(/\r\n|\r|\n/)) {
    const line = raw.replace(IGNORABLE, '');
    const command = parseV2(line, registered) ?? parseV1(line, registered);
    if (!command) continue;
    if (stopToken !== undefined) {
      if (command.command === stopToken.toLowerCase()) {
        registered.delete(stopToken.toLowerCase());
        stopToken = undefined;
      }
      continue;
    }
    if (command.command === 'stop-commands') {
      stopToken = command.data;
      registered.add(stopToken.toLowerCase());
      continue;
    }
    found.push(command);
  }
  return found;
}

/** Annotations (error, warning, notice) the runner would create from this output. */
export const runnerAnnotations = (stdout: string): RunnerCommand[] =>
  runnerCommands(stdout).filter((c) => ['error', 'warning', 'notice'].includes(c.command));
