/** `nuzantara --help` and `nuzantara <verb> --help`, from the verbs and their actions' contracts. */
import { VERSION } from './action-specs.js';
import { GLOBAL_FLAGS, isBooleanInput, secretEnvName } from './flags.js';
import { VERBS, type VerbDefinition } from './verbs.js';

const WIDTH = 100;

function wrap(text: string, indent: number): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + word.length + 1 > WIDTH - indent) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => `${' '.repeat(indent)}${l}`).join('\n');
}

export function mainHelp(): string {
  const width = Math.max(...VERBS.map((v) => v.name.length));
  return [
    `nuzantara ${VERSION}: validate, deploy, verify and gate Fly.io apps from a terminal, with the same code as the GitHub Actions.`,
    '',
    'Usage: nuzantara <command> [flags]',
    '',
    'Commands:',
    ...VERBS.map((v) => `  ${v.name.padEnd(width)}  ${v.summary}`),
    '',
    "Run 'nuzantara <command> --help' for a command's flags. Exit codes: 0 ok, 1 a check failed, 2 a usage error.",
  ].join('\n');
}

export function verbHelp(verb: VerbDefinition): string {
  const lines = [`nuzantara ${verb.name}: ${verb.summary}`, '', `Usage: nuzantara ${verb.name} [flags]`, ''];
  if (verb.action)
    lines.push(
      wrap(`The flags are the inputs of the ${verb.action} action (actions/${verb.action}/action.yml).`, 0),
      '',
    );
  lines.push('Flags:');
  for (const [name, input] of Object.entries(verb.inputs)) {
    const secret = verb.secretInputs.includes(name);
    const form = isBooleanInput(verb, name)
      ? `--[no-]${name}`
      : secret
        ? `--${name} @<file>|-`
        : `--${name} <value>`;
    const facts = [
      input.required ? 'required' : '',
      input.default && !input.default.includes('${{') ? `default: ${input.default}` : '',
    ].filter(Boolean);
    lines.push(`  ${form}${facts.length ? `  (${facts.join('; ')})` : ''}`);
    lines.push(wrap(input.description, 6));
    if (secret)
      lines.push(
        wrap(
          `A secret: give a file (@path) or - for stdin, or set ${secretEnvName(name)}; never the value itself.`,
          6,
        ),
      );
  }
  for (const [name, flag] of Object.entries(verb.extraFlags ?? {}))
    lines.push(`  --${name}${flag.short ? `, -${flag.short}` : ''}`, wrap(flag.description, 6));
  lines.push('', 'Global flags:');
  for (const [name, description] of Object.entries(GLOBAL_FLAGS))
    lines.push(
      `  --${name === 'color' ? '[no-]color' : name}${name === 'help' ? ', -h' : ''}`,
      wrap(description, 6),
    );
  if (Object.keys(verb.outputs).length > 0) {
    lines.push('', 'Outputs (printed at the end, and under "outputs" with --json):');
    for (const [name, description] of Object.entries(verb.outputs))
      lines.push(`  ${name}`, wrap(description, 6));
  }
  if (verb.examples.length > 0) lines.push('', 'Examples:', ...verb.examples.map((e) => `  ${e}`));
  return lines.join('\n');
}
