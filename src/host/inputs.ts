/** Typed readers over a host's InputSource: the text goes to the domain parsers, secrets are masked first. */
import * as parse from '../domain/shared/inputs.js';
import { InputError } from '../domain/shared/errors.js';
import type { Host } from './host.js';

export type InputReader = ReturnType<typeof inputReader>;

/** `host` needs only `inputs` and `mask`, so a recording source can stand in for the contract test. */
export function inputReader(host: Pick<Host, 'inputs' | 'mask'> & { kind?: Host['kind'] }) {
  const raw = (name: string): string => host.inputs.get(name);
  const where = (name: string) =>
    host.kind === 'terminal' ? `Pass --${name} <value>.` : `Set \`${name}\` in the step's \`with:\`.`;
  const mask = (value: string) => host.mask(value);
  return {
    string(name: string, options: { required?: boolean } = {}): string {
      const value = raw(name).trim();
      if (options.required && value === '') throw new InputError(name, 'is required but empty', where(name));
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
      mask(value);
      mask(value.trim());
      return value.trim();
    },
    boolean: (name: string): boolean => parse.parseBoolean(name, raw(name)),
    integer: (name: string, bounds?: parse.IntegerBounds): number =>
      parse.parseInteger(name, raw(name), bounds),
    number: (name: string, bounds?: parse.IntegerBounds): number =>
      parse.parseNumber(name, raw(name), bounds),
    /** A number, or undefined when the input is empty. */
    optionalNumber(name: string, bounds?: parse.IntegerBounds): number | undefined {
      return raw(name).trim() === '' ? undefined : parse.parseNumber(name, raw(name), bounds);
    },
    duration: (name: string, bounds?: parse.DurationBounds): number =>
      parse.parseDuration(name, raw(name), bounds),
    /** A duration, or undefined when the input is empty. */
    optionalDuration(name: string, bounds?: parse.DurationBounds): number | undefined {
      return raw(name).trim() === '' ? undefined : parse.parseDuration(name, raw(name), bounds);
    },
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
      const pairs = parse.parsePairs(name, raw(name), { secret: true });
      for (const pair of pairs) mask(pair.value);
      return pairs;
    },
    pairs: (name: string): parse.Pair[] => parse.parsePairs(name, raw(name)),
    /** The raw text, for parsers that live with their domain (probe headers, status sets). */
    text: (name: string): string => raw(name),
  };
}
