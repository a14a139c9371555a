/**
 * A verb's command line: its action's inputs as `--<input> <value>` (repeat a flag for list inputs),
 * booleans as `--flag`, `--no-flag` or `--flag=false`, plus the global flags. Tokenised by node:util
 * parseArgs; every problem is one UsageError line (exit 2).
 */
import { parseArgs } from 'node:util';
import type { VerbDefinition } from './verbs.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

export const GLOBAL_FLAGS = {
  json: 'Print the outputs and the result (findings, report) as one JSON document on stdout; logs go to stderr.',
  color: 'Colour the output (default: on a terminal, unless NO_COLOR is set); --no-color turns it off.',
  debug: 'Print the stack trace of an unexpected error.',
  help: 'Show this help.',
} as const;

/** Where a secret input's value comes from: never argv. */
export type SecretSource = { from: 'file'; path: string } | { from: 'stdin' };

export interface ParsedFlags {
  /** Raw input text by input name (repeated flags joined by newlines, as list inputs are written). */
  inputs: Record<string, string>;
  secrets: Record<string, SecretSource>;
  json: boolean;
  color?: boolean;
  debug: boolean;
  help: boolean;
  /** The verb's own flags (e.g. yes). */
  extra: Record<string, boolean>;
}

/** Inputs with a true/false default are switches on the command line. */
export const isBooleanInput = (verb: VerbDefinition, name: string): boolean =>
  ['true', 'false'].includes(verb.inputs[name]?.default ?? '');

const BOOLEAN_WORDS: Record<string, boolean> = {
  true: true,
  false: false,
  yes: true,
  no: false,
  '1': true,
  '0': false,
};

export function parseVerbFlags(verb: VerbDefinition, argv: readonly string[]): ParsedFlags {
  const extra = verb.extraFlags ?? {};
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {
    json: { type: 'boolean' },
    color: { type: 'boolean' },
    debug: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  };
  for (const [name, flag] of Object.entries(extra))
    options[name] = { type: 'boolean', ...(flag.short ? { short: flag.short } : {}) };
  for (const name of Object.keys(verb.inputs))
    options[name] = isBooleanInput(verb, name) ? { type: 'boolean' } : { type: 'string', multiple: true };

  const { tokens } = parseArgs({
    args: [...argv],
    options,
    strict: false,
    allowPositionals: true,
    allowNegative: true,
    tokens: true,
  });
  const parsed: ParsedFlags = { inputs: {}, secrets: {}, json: false, debug: false, help: false, extra: {} };
  const lists: Record<string, string[]> = {};
  const hint = `Run 'nuzantara ${verb.name} --help' for its flags.`;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as (typeof tokens)[number];
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional')
      throw new UsageError(
        `nuzantara ${verb.name}: unexpected argument ${JSON.stringify(token.value)}. ${hint}`,
      );
    const option = options[token.name];
    if (!option) throw new UsageError(`nuzantara ${verb.name}: unknown flag ${token.rawName}. ${hint}`);
    if (option.type === 'boolean') {
      let value = !token.rawName.startsWith('--no-');
      if (token.inlineValue) {
        const word = BOOLEAN_WORDS[(token.value ?? '').toLowerCase()];
        if (word === undefined || !value)
          throw new UsageError(
            `nuzantara ${verb.name}: ${token.rawName} takes no value other than true or false (got ${JSON.stringify(token.value)}). ${hint}`,
          );
        value = word;
      } else {
        // `--strict false`, as action inputs are written.
        const next = tokens[i + 1];
        const word = next?.kind === 'positional' ? BOOLEAN_WORDS[next.value.toLowerCase()] : undefined;
        if (word !== undefined && value) {
          value = word;
          i++;
        }
      }
      if (token.name in verb.inputs) parsed.inputs[token.name] = String(value);
      else if (token.name in extra) parsed.extra[token.name] = value;
      else if (token.name === 'color') parsed.color = value;
      else parsed[token.name as 'json' | 'debug' | 'help'] = value;
      continue;
    }
    if (token.value === undefined || token.rawName.startsWith('--no-'))
      throw new UsageError(`nuzantara ${verb.name}: ${token.rawName} needs a value. ${hint}`);
    if (verb.secretInputs.includes(token.name)) {
      parsed.secrets[token.name] = secretSource(verb, token.name, token.value);
      continue;
    }
    (lists[token.name] ??= []).push(token.value);
  }
  for (const [name, values] of Object.entries(lists)) parsed.inputs[name] = values.join('\n');
  return parsed;
}

function secretSource(verb: VerbDefinition, name: string, value: string): SecretSource {
  if (value === '-') return { from: 'stdin' };
  if (value.startsWith('@') && value.length > 1) return { from: 'file', path: value.slice(1) };
  throw new UsageError(
    `nuzantara ${verb.name}: --${name} carries a secret, so it takes @<file> or - (stdin), never the value itself (argv is visible to every process on the machine); or set ${secretEnvName(name)}.`,
  );
}

/** The environment variable a secret input falls back to: NUZANTARA_NOTIFY_WEBHOOK for notify-webhook. */
export const secretEnvName = (input: string): string => `NUZANTARA_${input.toUpperCase().replace(/-/g, '_')}`;
