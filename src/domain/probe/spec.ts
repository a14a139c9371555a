/**
 * What a health probe asks of a URL: method, headers, expected status set, body check (substring or a JSON
 * path equal to a value), latency limit, redirects, per-request timeout. Parsers take action-input text and
 * throw InputErrors that name the input.
 */
import { InputError } from '../shared/errors.js';

export interface StatusRange {
  from: number;
  to: number;
}

export type BodyCheck =
  | { kind: 'substring'; text: string }
  | { kind: 'json-path'; path: (string | number)[]; source: string; equals: unknown };

export interface ProbeSpec {
  url: string;
  method: string;
  /** Header values are treated as secrets: reports show names only. */
  headers: Record<string, string>;
  expectStatus: StatusRange[];
  body?: BodyCheck;
  /** A slower answer fails the attempt (reason latency). */
  maxLatencyMs?: number;
  timeoutMs: number;
  followRedirects: boolean;
  maxRedirects: number;
}

export const PROBE_METHODS = ['GET', 'HEAD', 'POST'] as const;
export type ProbeMethod = (typeof PROBE_METHODS)[number];

/** The probe's HTTP method, any case; empty is GET. */
export function parseProbeMethod(name: string, raw: string): ProbeMethod {
  const method = raw.trim().toUpperCase() || 'GET';
  const known = PROBE_METHODS.find((m) => m === method);
  if (known) return known;
  throw new InputError(
    name,
    `${JSON.stringify(raw.trim())} is not a probe method`,
    `Use ${PROBE_METHODS.slice(0, -1).join(', ')} or ${PROBE_METHODS.at(-1)}.`,
  );
}

export const DEFAULT_EXPECT_STATUS: StatusRange[] = [{ from: 200, to: 299 }];

/** `200`, `200,204`, `200-299`, `2xx`, combined with commas or spaces. */
export function parseStatusSet(name: string, raw: string): StatusRange[] {
  const text = raw.trim();
  if (text === '') return DEFAULT_EXPECT_STATUS;
  const ranges: StatusRange[] = [];
  for (const item of text.split(/[\s,]+/).filter(Boolean)) {
    const xx = /^([1-5])xx$/i.exec(item);
    const range = /^(\d{3})-(\d{3})$/.exec(item);
    const single = /^(\d{3})$/.exec(item);
    if (xx) ranges.push({ from: Number(xx[1]) * 100, to: Number(xx[1]) * 100 + 99 });
    else if (range && Number(range[1]) <= Number(range[2]))
      ranges.push({ from: Number(range[1]), to: Number(range[2]) });
    else if (single) ranges.push({ from: Number(single[1]), to: Number(single[1]) });
    else
      throw new InputError(
        name,
        `${JSON.stringify(item)} is not an HTTP status, range or class`,
        'Use codes such as 200, ranges such as 200-299 or classes such as 2xx, separated by commas.',
      );
  }
  for (const r of ranges)
    if (r.from < 100 || r.to > 599)
      throw new InputError(
        name,
        `${r.from}-${r.to} is outside 100-599`,
        'Use HTTP status codes from 100 to 599.',
      );
  return ranges;
}

export const statusMatches = (ranges: readonly StatusRange[], status: number): boolean =>
  ranges.some((r) => status >= r.from && status <= r.to);

export function describeStatusSet(ranges: readonly StatusRange[]): string {
  return ranges.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(', ');
}

/** `$.a.b[0]["c d"]` → ['a', 'b', 0, 'c d']. */
export function parseJsonPath(path: string): (string | number)[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const parts: (string | number)[] = [];
  const re = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\['([^']*)'\]/y;
  re.lastIndex = 1;
  while (re.lastIndex < path.length) {
    const start = re.lastIndex;
    const m = re.exec(path);
    if (!m || m.index !== start) return undefined;
    if (m[1] !== undefined) parts.push(m[1]);
    else if (m[2] !== undefined) parts.push(Number(m[2]));
    else if (m[3] !== undefined) parts.push(JSON.parse(`"${m[3]}"`) as string);
    else parts.push(m[4] as string);
  }
  return parts;
}

const BODY_CHECK_FORMS =
  'Write $.path == value, e.g. $.status == "ok", $.db.replicas[0].up == true or $["odd key"] == 3 (the value is a JSON literal, or plain text for a string); text that does not start with $ is a substring the body must contain.';

/**
 * A body check: `$.path == value` compares a JSON path with a value (JSON literal, or plain text); text
 * that does not start with `$` is a substring the body must contain. Anything else that starts with `$`
 * is refused: a typo must not quietly become a substring check that no body contains (or every body does).
 */
export function parseBodyCheck(name: string, raw: string): BodyCheck | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  if (!text.startsWith('$')) return { kind: 'substring', text };
  function refuse(problem: string): never {
    throw new InputError(name, problem, BODY_CHECK_FORMS);
  }
  const m = /^(\$.*?)\s*==(.*)$/s.exec(text);
  if (!m) {
    if (text.includes('!='))
      refuse(`${JSON.stringify(text)} uses !=, which is not supported: only == compares`);
    if (/[^=!<>]=(?!=)/.test(text)) refuse(`${JSON.stringify(text)} has a single =, not ==`);
    refuse(`${JSON.stringify(text)} starts with $ but has no == comparison`);
  }
  const source = (m[1] as string).trim();
  const rhs = (m[2] as string).trim();
  const path = parseJsonPath(source);
  if (!path) refuse(`${JSON.stringify(source)} is not a JSON path`);
  if (rhs === '') refuse(`${JSON.stringify(text)} has nothing after ==`);
  if (rhs.startsWith('=')) refuse(`${JSON.stringify(text)} uses ===, not ==`);
  let equals: unknown = rhs;
  try {
    equals = JSON.parse(rhs);
  } catch {
    // plain text stands for a string
  }
  return { kind: 'json-path', path, source, equals };
}

/** `Name: value` lines. Values are secret: errors never quote them. */
export function parseHeaders(name: string, raw: string): Record<string, string> {
  const headers: Record<string, string> = {};
  raw.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const colon = line.indexOf(':');
    const key = colon < 0 ? '' : line.slice(0, colon).trim();
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(key))
      throw new InputError(
        name,
        `line ${i + 1} is not a "Name: value" header (value hidden)`,
        'Write one header per line, e.g. Authorization: Bearer ….',
      );
    headers[key] = line.slice(colon + 1).trim();
  });
  return headers;
}
