/** Typed readers over a host's InputSource: the text goes to the domain parsers, secrets are masked first. */
import * as parse from '../domain/shared/inputs.js';
import { InputError } from '../domain/shared/errors.js';
import { parseHeaders } from '../domain/probe/spec.js';
import type { Host } from './host.js';

export type InputReader = ReturnType<typeof inputReader>;

/** `host` needs only `inputs` and `mask`, so a recording source can stand in for the contract test. */
export function inputReader(host: Pick<Host, 'inputs' | 'mask'> & { kind?: Host['kind'] }) {
  const raw = (name: string): string => host.inputs.get(name);
  const where = (name: string) =>
    host.kind === 'terminal' ? `Pass --${name} <value>.` : `Set \`${name}\` in the step's \`with:\`.`;
  const mask = (value: string) => host.mask(value);
  /** A URL with user:password@ is masked whole and in its userinfo at once, before anything can print it. */
  const url = (name: string, text: string): URL => {
    const parsed = parse.parseUrl(name, text);
    for (const secret of parse.urlSecrets(text, parsed)) mask(secret);
    return parsed;
  };
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
    /** Globs; with `required`, ones that name no file (empty, only comments, only exclusions) are refused. */
    globs: (name: string, options?: parse.GlobOptions): string[] =>
      parse.parseGlobs(name, raw(name), options),
    /** An http(s) URL; credentials in it are masked. */
    url: (name: string): URL => url(name, raw(name)),
    optionalUrl(name: string): URL | undefined {
      return raw(name).trim() === '' ? undefined : url(name, raw(name));
    },
    /** URLs one per line (or comma-separated), each checked and its credentials masked. */
    urls: (name: string): URL[] => parse.parseList(name, raw(name)).map((item) => url(name, item)),
    /**
     * A URL that is a secret as a whole (an incoming webhook): masked first, never quoted, credentials
     * refused (the secret is in its path; fetch cannot send a user:password@ part anyway).
     */
    secretUrl(name: string): string | undefined {
      const value = raw(name).trim();
      if (value === '') return undefined;
      mask(value);
      parse.parseUrl(name, value, { secret: true, credentials: 'refuse' });
      return value;
    },
    /** `Name: value` lines: values masked as they are read, names RFC 7230 tokens, values one line of text. */
    headers(name: string): Record<string, string> {
      const headers = parseHeaders(name, raw(name));
      for (const value of Object.values(headers)) if (value) mask(value);
      parse.checkHeaders(name, headers);
      return headers;
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
