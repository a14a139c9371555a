/** Reads action inputs through @actions/core and hands the text to the domain parsers. */
import * as core from '@actions/core';
import * as parse from '../domain/inputs.js';
import { InputError } from '../domain/errors.js';
import { maskSecret } from './secrets.js';

const raw = (name: string): string => core.getInput(name, { trimWhitespace: false });

export const input = {
  string(name: string, options: { required?: boolean } = {}): string {
    const value = raw(name).trim();
    if (options.required && value === '')
      throw new InputError(name, 'is required but empty', `Set \`${name}\` in the step's \`with:\`.`);
    return value;
  },
  optional(name: string): string | undefined {
    const value = raw(name).trim();
    return value === '' ? undefined : value;
  },
  /** A secret input: masked before anything else happens to it. */
  secret(name: string): string | undefined {
    const value = raw(name);
    if (value.trim() === '') return undefined;
    maskSecret(value);
    return value.trim();
  },
  boolean: (name: string): boolean => parse.parseBoolean(name, raw(name)),
  integer: (name: string, bounds?: parse.IntegerBounds): number =>
    parse.parseInteger(name, raw(name), bounds),
  number: (name: string, bounds?: parse.IntegerBounds): number => parse.parseNumber(name, raw(name), bounds),
  /** A number, or undefined when the input is empty. */
  optionalNumber(name: string, bounds?: parse.IntegerBounds): number | undefined {
    return raw(name).trim() === '' ? undefined : parse.parseNumber(name, raw(name), bounds);
  },
  duration: (name: string, bounds?: parse.DurationBounds): number =>
    parse.parseDuration(name, raw(name), bounds),
  list: (name: string): string[] => parse.parseList(name, raw(name)),
  names: (name: string): string[] => parse.parseNames(name, raw(name)),
  globs: (name: string): string[] => parse.parseGlobs(name, raw(name)),
  url: (name: string): URL => parse.parseUrl(name, raw(name)),
  optionalUrl(name: string): URL | undefined {
    return raw(name).trim() === '' ? undefined : parse.parseUrl(name, raw(name));
  },
  choice: <T extends string>(name: string, choices: readonly T[]): T =>
    parse.parseChoice(name, raw(name), choices),
  /** NAME=VALUE lines whose values are secret: each value is masked as soon as it is parsed. */
  secretPairs(name: string): parse.Pair[] {
    const text = raw(name);
    const pairs = parse.parsePairs(name, text, { secret: true });
    for (const pair of pairs) maskSecret(pair.value);
    return pairs;
  },
  pairs: (name: string): parse.Pair[] => parse.parsePairs(name, raw(name)),
};
