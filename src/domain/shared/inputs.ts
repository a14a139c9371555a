/**
 * Parsers for action inputs. Each takes the input's name and its raw text and returns a typed value or
 * throws an InputError naming the input, the problem and the accepted form. Secret inputs never echo values.
 */
import picomatch from 'picomatch';
import { InputError } from './errors.js';
import { TIMER_MAX_MS, parseGoDuration } from './duration.js';

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
  /** Capped at TIMER_MAX_MS whatever is asked: a longer wait cannot be timed. */
  maxMs?: number;
}

/**
 * A Go-style duration (`10s`, `1m30s`, `500ms`), returned in milliseconds. A bare number is refused: its unit
 * would be a guess. Every duration is at most TIMER_MAX_MS, since a longer one would fire at once.
 */
export function parseDuration(name: string, raw: string, bounds: DurationBounds = {}): number {
  const text = raw.trim();
  const form = 'Use a number with a unit: 500ms, 10s, 1m30s or 2h';
  if (/^\d+(\.\d+)?$/.test(text)) {
    throw new InputError(name, `${quote(raw)} has no unit`, `${form} (for example ${text}s for seconds).`);
  }
  const ms = parseGoDuration(text);
  if (ms === undefined || ms < 0 || !Number.isFinite(ms))
    throw new InputError(name, `${quote(raw)} is not a duration`, `${form}.`);
  const { minMs = 0 } = bounds;
  const maxMs = Math.min(bounds.maxMs ?? TIMER_MAX_MS, TIMER_MAX_MS);
  if (ms > TIMER_MAX_MS)
    throw new InputError(
      name,
      `${quote(raw)} is longer than a timer can wait`,
      `Use a duration of at most ${maxMs}ms${maxMs === TIMER_MAX_MS ? ' (about 24.8 days, the most a Node.js timer holds)' : ''}.`,
    );
  if (ms < minMs || ms > maxMs) {
    const limits = [
      minMs > 0 ? `at least ${minMs}ms` : undefined,
      maxMs < TIMER_MAX_MS ? `at most ${maxMs}ms` : undefined,
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

export interface UrlOptions {
  protocols?: string[];
  /** `refuse`: a user:password@ part is an error (default `allow`; the caller masks it). */
  credentials?: 'allow' | 'refuse';
  /** Never quote the value in an error (a webhook URL is a secret as a whole). */
  secret?: boolean;
}

/** The URL with any user:password@ part hidden, for messages. */
export function displayUrl(raw: string): string {
  return raw.replace(/^(\s*(?:[a-z][a-z0-9+.-]*:)?\/\/)[^/?#]*@/i, '$1***@');
}

/**
 * An absolute URL. Refused: whitespace or control characters inside it (the URL parser would quietly drop
 * tabs and newlines, so what runs would differ from what was written), other schemes, and, when asked,
 * credentials. Errors show the URL with its credentials hidden, or nothing of it for a secret.
 */
export function parseUrl(name: string, raw: string, options: UrlOptions = {}): URL {
  const protocols = options.protocols ?? ['http:', 'https:'];
  const form = `Use an absolute ${protocols.map((p) => p.replace(':', '')).join(' or ')} URL such as https://example.fly.dev/health.`;
  const text = raw.trim();
  const shown = options.secret ? 'the URL (hidden)' : quote(displayUrl(text));
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(text))
    throw new InputError(
      name,
      `${shown} contains whitespace or a control character`,
      `${form} Percent-encode spaces (%20) and give one URL per line.`,
    );
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError(name, `${shown} is not a URL`, form);
  }
  if (!protocols.includes(url.protocol)) throw new InputError(name, `${shown} uses ${url.protocol}`, form);
  if (options.credentials === 'refuse' && (url.username || url.password))
    throw new InputError(
      name,
      `${options.secret ? shown : quote(displayUrl(text))} carries a user name or password`,
      'Remove the user:password@ part; credentials do not belong in this URL.',
    );
  return url;
}

/** A URL's user name or password as it means; a malformed escape (%zz) is taken as written, as fetch does. */
export function decodeUrlPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The parts of a URL to mask when it carries credentials: all of it, the userinfo, the password. */
export function urlSecrets(raw: string, url: URL): string[] {
  if (!url.username && !url.password) return [];
  const userinfo = url.password ? `${url.username}:${url.password}` : url.username;
  return [
    ...new Set([
      raw.trim(),
      url.href,
      userinfo,
      decodeUrlPart(userinfo),
      url.password,
      decodeUrlPart(url.password),
    ]),
  ].filter((part) => part.length >= 4 || part === raw.trim());
}

export interface GlobOptions {
  /** The input must name at least one file: empty, only comments or only `!exclusions` are refused. */
  required?: boolean;
}

/** Glob patterns (one per line); `!pattern` excludes. Checked here so a typo fails before any work. */
export function parseGlobs(name: string, raw: string, options: GlobOptions = {}): string[] {
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
  if (options.required && patterns.length === 0)
    throw new InputError(
      name,
      raw.trim() === '' ? 'is required but empty' : 'names no file: it holds only comments',
      'Give at least one path or glob, one per line, e.g. apps/*/fly.toml.',
    );
  if (options.required && patterns.every((p) => p.startsWith('!')))
    throw new InputError(
      name,
      'names no file: it holds only ! exclusions',
      'Put at least one pattern to include before the exclusions, e.g. apps/*/fly.toml then !apps/old/fly.toml.',
    );
  return patterns;
}

/** What an HTTP header value may hold (RFC 7230 field-value, as Node checks it): no CR, LF or other controls. */
const HEADER_VALUE = /^[\t\u0020-\u007e\u0080-\u00ff]*$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Header names must be RFC 7230 tokens and values one line of visible text; values are never quoted. */
export function checkHeaders(name: string, headers: Readonly<Record<string, string>>): void {
  for (const [key, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(key))
      throw new InputError(
        name,
        `${quote(key)} is not a header name`,
        "Header names are letters, digits and !#$%&'*+.^_`|~- only, e.g. Authorization.",
      );
    if (!HEADER_VALUE.test(value))
      throw new InputError(
        name,
        `the value of ${key} holds a line break, a control character or a character outside Latin-1 (value hidden)`,
        'Give each header on one line as "Name: value", with visible characters only (encode anything else, e.g. base64).',
      );
  }
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
