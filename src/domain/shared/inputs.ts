/**
 * Parsers for action inputs. Each takes the input's name and its raw text and returns a typed value or
 * throws an InputError naming the input, the problem and the accepted form. Secret inputs never echo values.
 */
import picomatch from 'picomatch';
import { InputError } from './errors.js';
import { parseGoDuration } from './duration.js';

const quote = (value: string): string =>
  JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);

export function parseBoolean(name: string, raw: string): boolean {
  const value = raw.trim().toLowerCase();
  if (['true', 'yes', 'on', '1'].includes(value)) return true;
  if (['false', 'no', 'off', '0'].includes(value)) return false;
  throw new InputError(name, `${quote(raw)} is not a boolean`, 'Use true or false.');
}

export interface IntegerBounds {
  min?: number;
  max?: number;
}

export function parseInteger(name: string, raw: string, bounds: IntegerBounds = {}): number {
  const text = raw.trim();
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = bounds;
  const range = `a whole number from ${min} to ${max}`;
  if (!/^[+-]?\d+$/.test(text))
    throw new InputError(name, `${quote(raw)} is not a whole number`, `Use ${range}.`);
  const value = Number(text);
  if (value < min || value > max) throw new InputError(name, `${value} is out of range`, `Use ${range}.`);
  return value;
}

/** A number such as a percentage; decimals allowed. */
export function parseNumber(name: string, raw: string, bounds: IntegerBounds = {}): number {
  const text = raw.trim();
  const { min = -Infinity, max = Infinity } = bounds;
  const range = `a number from ${min} to ${max}`;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text))
    throw new InputError(name, `${quote(raw)} is not a number`, `Use ${range}.`);
  const value = Number(text);
  if (value < min || value > max) throw new InputError(name, `${value} is out of range`, `Use ${range}.`);
  return value;
}

export interface DurationBounds {
  minMs?: number;
  maxMs?: number;
}

/** A Go-style duration (`10s`, `1m30s`, `500ms`), returned in milliseconds. A bare number is refused: its unit would be a guess. */
export function parseDuration(name: string, raw: string, bounds: DurationBounds = {}): number {
  const text = raw.trim();
  const form = 'Use a number with a unit: 500ms, 10s, 1m30s or 2h';
  if (/^\d+(\.\d+)?$/.test(text)) {
    throw new InputError(name, `${quote(raw)} has no unit`, `${form} (for example ${text}s for seconds).`);
  }
  const ms = parseGoDuration(text);
  if (ms === undefined || ms < 0) throw new InputError(name, `${quote(raw)} is not a duration`, `${form}.`);
  const { minMs = 0, maxMs = Infinity } = bounds;
  if (ms < minMs || ms > maxMs) {
    const limits = [
      minMs > 0 ? `at least ${minMs}ms` : undefined,
      maxMs < Infinity ? `at most ${maxMs}ms` : undefined,
    ]
      .filter(Boolean)
      .join(' and ');
    throw new InputError(name, `${quote(raw)} is out of range`, `Use a duration ${limits}.`);
  }
  return ms;
}

/** A list given one item per line (commas also separate); blank lines and `#` comments are ignored. */
export function parseList(_name: string, raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, ''))
    .flatMap((line) => line.split(','))
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Environment-variable names, one per line or comma-separated. */
export function parseNames(name: string, raw: string): string[] {
  const names = parseList(name, raw);
  for (const item of names) {
    if (!ENV_NAME.test(item)) {
      throw new InputError(
        name,
        `${quote(item)} is not a valid variable name`,
        'Use letters, digits and _ only, not starting with a digit, one name per line.',
      );
    }
  }
  return [...new Set(names)];
}

export interface Pair {
  name: string;
  value: string;
}

/**
 * `NAME=VALUE` lines. Splits on the first `=`; a value may be empty. With `secret`, no value (and no line
 * text, which may hold a value) appears in any error. Multi-line values use heredoc syntax:
 * `NAME<<EOF` … `EOF`, as in GitHub's own file commands.
 */
export function parsePairs(name: string, raw: string, options: { secret?: boolean } = {}): Pair[] {
  const lines = raw.split(/\r?\n/);
  const pairs: Pair[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const heredoc = /^\s*([A-Za-z_][A-Za-z0-9_]*)<<([A-Za-z0-9_-]+)\s*$/.exec(line);
    if (heredoc) {
      const [, key, delimiter] = heredoc as unknown as [string, string, string];
      const end = lines.findIndex((l, j) => j > i && l.trim() === delimiter);
      if (end < 0) {
        throw new InputError(
          name,
          `line ${i + 1} opens ${key}<<${delimiter} but no line closes it with ${delimiter}`,
          `End the value with a line holding only ${delimiter}.`,
        );
      }
      pairs.push({ name: key, value: lines.slice(i + 1, end).join('\n') });
      i = end;
      continue;
    }
    const eq = line.indexOf('=');
    const key = eq < 0 ? '' : line.slice(0, eq).trim();
    if (eq < 0 || !ENV_NAME.test(key)) {
      const shown = options.secret ? '' : ` (${quote(line.trim())})`;
      throw new InputError(
        name,
        `line ${i + 1}${shown} is not NAME=VALUE${options.secret ? ' (value hidden)' : ''}`,
        'Write one NAME=VALUE per line, the name in letters, digits and _, or NAME<<EOF … EOF for a multi-line value.',
      );
    }
    pairs.push({ name: key, value: line.slice(eq + 1) });
  }
  const seen = new Set<string>();
  for (const pair of pairs) {
    if (seen.has(pair.name))
      throw new InputError(name, `${pair.name} is given twice`, 'Give each name once.');
    seen.add(pair.name);
  }
  return pairs;
}

export function parseUrl(name: string, raw: string, options: { protocols?: string[] } = {}): URL {
  const protocols = options.protocols ?? ['http:', 'https:'];
  const form = `Use an absolute ${protocols.map((p) => p.replace(':', '')).join(' or ')} URL such as https://example.fly.dev/health.`;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new InputError(name, `${quote(raw)} is not a URL`, form);
  }
  if (!protocols.includes(url.protocol))
    throw new InputError(name, `${quote(raw)} uses ${url.protocol}`, form);
  return url;
}

/** Glob patterns (one per line); `!pattern` excludes. Checked here so a typo fails before any work. */
export function parseGlobs(name: string, raw: string): string[] {
  const patterns = raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  for (const pattern of patterns) {
    const body = pattern.startsWith('!') ? pattern.slice(1) : pattern;
    try {
      if (body === '') throw new Error('empty');
      picomatch.makeRe(body, { strictBrackets: true });
    } catch {
      throw new InputError(
        name,
        `${quote(pattern)} is not a valid glob`,
        'Use patterns such as apps/*/fly.toml or **/*.info; prefix with ! to exclude.',
      );
    }
  }
  return patterns;
}

export function parseChoice<T extends string>(name: string, raw: string, choices: readonly T[]): T {
  const value = raw.trim().toLowerCase();
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new InputError(
    name,
    `${quote(raw)} is not one of the accepted values`,
    `Use one of: ${choices.join(', ')}.`,
  );
}
