/**
 * What the monitor checks: a YAML list under `targets:` (the `targets` input, or the `targets-file` in the
 * repository), each target's fields parsed with the probe's and the inputs' own parsers, over defaults from
 * the top-level inputs. One clear error per problem, naming the target (by name and position), the field and
 * the line; header values never reach a message (YAML errors are reported without their excerpt).
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { InputError } from '../shared/errors.js';
import {
  checkHeaders,
  parseBoolean,
  parseDuration,
  parseInteger,
  parseNumber,
  parseUrl,
  urlSecrets,
  type DurationBounds,
  type IntegerBounds,
} from '../shared/inputs.js';
import {
  parseBodyCheck,
  parseHeaders,
  parseProbeMethod,
  parseStatusSet,
  type BodyCheck,
  type ProbeMethod,
  type ProbeSpec,
  type StatusRange,
} from '../probe/spec.js';

/** The fields every target has; the top-level inputs of the same names give the defaults. */
export interface TargetSettings {
  method: ProbeMethod;
  /** Values are secrets: masked as they are read, never reported. */
  headers: Record<string, string>;
  expectStatus: StatusRange[];
  body?: BodyCheck;
  /** p95 above it is degraded. Undefined: latency is reported, not judged. */
  maxLatencyMs?: number;
  samples: number;
  timeoutMs: number;
  followRedirects: boolean;
  /** Percent of samples that may fail before the target counts as degraded. */
  maxErrorRate: number;
  tlsWarnDays: number;
  tlsErrorDays: number;
}

export interface MonitorTarget extends TargetSettings {
  name: string;
  url: string;
}

export const SAMPLES_BOUNDS: IntegerBounds = { min: 1, max: 100 };
/** The probe's own limits for one request. */
export const TIMEOUT_BOUNDS: DurationBounds = { minMs: 100, maxMs: 300_000 };
export const MAX_LATENCY_BOUNDS: DurationBounds = { minMs: 1 };
export const TLS_DAYS_BOUNDS: IntegerBounds = { min: 0, max: 3650 };
export const ERROR_RATE_BOUNDS: IntegerBounds = { min: 0, max: 100 };
export const MAX_TARGETS = 1000;
const MAX_TEXT_BYTES = 1024 * 1024;
const MAX_NAME_LENGTH = 100;

/** The target keys, in the order the docs list them. */
export const TARGET_KEYS = [
  'name',
  'url',
  'method',
  'headers',
  'expect-status',
  'expect-body',
  'max-latency',
  'samples',
  'timeout',
  'follow-redirects',
  'max-error-rate',
  'tls-warn-days',
  'tls-error-days',
] as const;
type TargetKey = (typeof TARGET_KEYS)[number];

/** The two apps, when neither `targets` nor `targets-file` is given. */
export const DEFAULT_TARGETS_YAML = `targets:
  - name: nuzantara-rag
    url: https://nuzantara-rag.fly.dev/health
  - name: nuzantara-mouth
    url: https://nuzantara-mouth.fly.dev/
`;

export interface TargetsSource {
  /** The input the text came from: errors name it. */
  input: string;
  /** The file's path as the user wrote it, for messages (absent for inline text). */
  file?: string;
  text: string;
}

export interface TargetPorts {
  /** The step's environment: `${NAME}` in a header value is replaced by it. */
  env(name: string): string | undefined;
  /** Told each secret (header values, URL credentials) as soon as it is read. */
  mask(secret: string): void;
}

const FIELD_FIX: Record<string, string> = {
  targets:
    'Write a list under targets:, each entry a mapping with at least url, e.g.\ntargets:\n  - name: api\n    url: https://nuzantara-rag.fly.dev/health',
};

/** Edit distance, for "did you mean": keys are short, so the plain table is enough. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min(current + 1, (row[j - 1] as number) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] as number;
}

function suggestion(key: string): string {
  const normal = key.toLowerCase().replace(/[_\s]/g, '-');
  const best = TARGET_KEYS.map((k) => [k, distance(normal, k)] as const).sort((a, b) => a[1] - b[1])[0];
  return best && best[1] <= 2 ? ` Did you mean ${best[0]}?` : '';
}

const ordinal = (i: number) => `target ${i + 1}`;

/** `${NAME}` in a header value → the environment variable; unset is an error (the value would be wrong). */
function expandEnv(value: string, header: string, ports: TargetPorts): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const found = ports.env(name);
    if (found === undefined || found === '')
      throw new InputError(
        'headers',
        `header ${header} uses \${${name}}, which is not set in the step's environment`,
        `Pass it to the step, e.g. env: ${name}: \${{ secrets.${name} }}, or run with ${name} exported.`,
      );
    return found;
  });
}

/** A scalar as the text the input parsers read; lists and mappings are refused by the caller. */
function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : String(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Header values from a mapping (Name: value) or "Name: value" lines; values masked before anything else. */
function readHeaders(raw: unknown, ports: TargetPorts): Record<string, string> {
  let headers: Record<string, string>;
  if (isPlainObject(raw)) {
    headers = {};
    for (const [key, value] of Object.entries(raw)) {
      if (isPlainObject(value) || Array.isArray(value))
        throw new InputError(
          'headers',
          `the value of ${key} is a ${Array.isArray(value) ? 'list' : 'mapping'}, not text (value hidden)`,
          'Give each header as Name: value.',
        );
      headers[key] = scalarText(value).trim();
    }
  } else if (typeof raw === 'string') headers = parseHeaders('headers', raw);
  else
    throw new InputError(
      'headers',
      'is neither a mapping nor "Name: value" lines',
      'Write headers as a mapping, e.g. headers: { Authorization: "Bearer ${TOKEN}" }.',
    );
  for (const value of Object.values(headers)) if (value) ports.mask(value);
  for (const [key, value] of Object.entries(headers)) {
    const expanded = expandEnv(value, key, ports);
    if (expanded !== value) ports.mask(expanded);
    headers[key] = expanded;
  }
  checkHeaders('headers', headers);
  return headers;
}

function statusText(raw: unknown): string {
  if (Array.isArray(raw)) return raw.map(scalarText).join(',');
  return scalarText(raw);
}

/** A field the parsers read as text: a list or mapping here is a mistake worth naming. */
function textOf(key: string, raw: unknown): string {
  if (Array.isArray(raw) || isPlainObject(raw))
    throw new InputError(key, `is a ${Array.isArray(raw) ? 'list' : 'mapping'}`, 'Give a single value.');
  return scalarText(raw);
}

/**
 * One field's value over the defaults. Empty (or null) keeps the default. Parsers throw InputErrors named
 * after the field; the caller adds the target and the line.
 */
function applyField(
  settings: TargetSettings,
  key: Exclude<TargetKey, 'name' | 'url'>,
  raw: unknown,
  ports: TargetPorts,
): void {
  if (key === 'headers') {
    if (raw === null || raw === undefined || raw === '') return;
    // Per-target headers add to (and override) the defaults.
    settings.headers = { ...settings.headers, ...readHeaders(raw, ports) };
    return;
  }
  const text = key === 'expect-status' ? statusText(raw) : textOf(key, raw);
  if (text.trim() === '') return;
  switch (key) {
    case 'method':
      settings.method = parseProbeMethod(key, text);
      return;
    case 'expect-status':
      settings.expectStatus = parseStatusSet(key, text);
      return;
    case 'expect-body':
      settings.body = parseBodyCheck(key, text);
      return;
    case 'max-latency':
      settings.maxLatencyMs = parseDuration(key, text, MAX_LATENCY_BOUNDS);
      return;
    case 'samples':
      settings.samples = parseInteger(key, text, SAMPLES_BOUNDS);
      return;
    case 'timeout':
      settings.timeoutMs = parseDuration(key, text, TIMEOUT_BOUNDS);
      return;
    case 'follow-redirects':
      settings.followRedirects = parseBoolean(key, text);
      return;
    case 'max-error-rate':
      settings.maxErrorRate = parseNumber(key, text, ERROR_RATE_BOUNDS);
      return;
    case 'tls-warn-days':
      settings.tlsWarnDays = parseInteger(key, text, TLS_DAYS_BOUNDS);
      return;
    case 'tls-error-days':
      settings.tlsErrorDays = parseInteger(key, text, TLS_DAYS_BOUNDS);
      return;
  }
}

/** The name a target gets without one: host and path, stable across runs (its incident is keyed by it). */
export function defaultTargetName(url: URL): string {
  const path = url.pathname === '/' ? '' : url.pathname;
  return `${url.host}${path}`.slice(0, MAX_NAME_LENGTH);
}

function checkName(raw: unknown): string {
  if (Array.isArray(raw) || isPlainObject(raw))
    throw new InputError('name', `is a ${Array.isArray(raw) ? 'list' : 'mapping'}`, 'Give a short text.');
  const name = scalarText(raw).trim();
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name))
    throw new InputError(
      'name',
      'holds a line break or a control character',
      'Give a one-line name such as nuzantara-rag.',
    );
  if (name.length > MAX_NAME_LENGTH)
    throw new InputError(
      'name',
      `is ${name.length} characters long`,
      `Use at most ${MAX_NAME_LENGTH} characters.`,
    );
  return name;
}

/** Cross-field rules, once the target's fields are all known. */
function checkTarget(target: TargetSettings): void {
  if (target.tlsErrorDays > target.tlsWarnDays)
    throw new InputError(
      'tls-error-days',
      `${target.tlsErrorDays} is above tls-warn-days (${target.tlsWarnDays}), so no warning would ever come first`,
      'Make tls-error-days at most tls-warn-days (e.g. tls-warn-days: 14, tls-error-days: 7).',
    );
}

/** Checks the defaults alone (the top-level inputs) with the same rules as a target. */
export function checkTargetDefaults(defaults: TargetSettings): void {
  checkTarget(defaults);
}

/** Where a problem is: the file's line and the target, for the message. */
function place(source: TargetsSource, line: number | undefined, target?: string): string {
  const at = source.file
    ? `${source.file}${line ? ` line ${line}` : ''}`
    : `the YAML${line ? ` line ${line}` : ''}`;
  return target ? `${at}, ${target}` : at;
}

function lineOf(node: Node | null | undefined, lines: LineCounter): number | undefined {
  const offset = node?.range?.[0];
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

/**
 * The targets in `source.text`, each over a copy of `defaults`. Throws one InputError (named after
 * `source.input`) for the first problem found.
 */
export function parseTargets(
  source: TargetsSource,
  defaults: TargetSettings,
  ports: TargetPorts,
): MonitorTarget[] {
  function fail(line: number | undefined, target: string | undefined, problem: string, fix: string): never {
    throw new InputError(source.input, `${place(source, line, target)}: ${problem}`, fix);
  }
  if (Buffer.byteLength(source.text) > MAX_TEXT_BYTES)
    fail(undefined, undefined, 'is larger than 1 MiB', `List at most ${MAX_TARGETS} targets.`);
  const lines = new LineCounter();
  // No excerpt in YAML errors: the line they quote could hold a header value.
  const doc = parseDocument(source.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    fail(
      line,
      undefined,
      `is not valid YAML (column ${col}: ${syntax.message.split('\n')[0]})`,
      FIELD_FIX.targets as string,
    );
  }
  const root = doc.contents;
  if (!isMap(root))
    fail(lineOf(root, lines), undefined, 'has no targets: mapping', FIELD_FIX.targets as string);
  let list: Node | null | undefined;
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key === 'targets') list = pair.value as Node | null;
    else
      fail(
        lineOf(pair.key as Node, lines),
        undefined,
        `unknown top-level key ${JSON.stringify(key)}`,
        'The file holds one key, targets:, with the list of targets.',
      );
  }
  if (!isSeq(list))
    fail(
      lineOf(list ?? root, lines),
      undefined,
      list ? 'targets: is not a list' : 'has no targets: list',
      FIELD_FIX.targets as string,
    );
  let js: unknown[] = [];
  try {
    js = (doc.toJS({ maxAliasCount: 100 }) as { targets: unknown[] }).targets;
  } catch (error) {
    // Aliases expanding past the limit (a "billion laughs" document).
    fail(undefined, undefined, `cannot be read (${(error as Error).message})`, 'Use fewer YAML aliases.');
  }
  if (js.length === 0) fail(lineOf(list, lines), undefined, 'targets: is empty', FIELD_FIX.targets as string);
  if (js.length > MAX_TARGETS)
    fail(
      lineOf(list, lines),
      undefined,
      `lists ${js.length} targets`,
      `List at most ${MAX_TARGETS} targets; split them over several monitor steps.`,
    );

  const targets: MonitorTarget[] = [];
  const seen = new Map<string, number>();
  list.items.forEach((item, index) => {
    const node = item as Node;
    const value = js[index];
    const itemLine = lineOf(node, lines);
    if (!isMap(node) || !isPlainObject(value))
      fail(
        itemLine,
        ordinal(index),
        'is not a mapping',
        'Give each target as keys, e.g. - name: api\n    url: https://nuzantara-rag.fly.dev/health',
      );
    const named = typeof value.name === 'string' && value.name.trim() ? value.name.trim() : undefined;
    const who = named
      ? `${ordinal(index)} (${JSON.stringify(named.slice(0, MAX_NAME_LENGTH))})`
      : ordinal(index);
    const keyLine = new Map<string, number | undefined>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      keyLine.set(key, lineOf((pair.value ?? pair.key) as Node, lines));
      if (!(TARGET_KEYS as readonly string[]).includes(key))
        fail(
          lineOf(pair.key as Node, lines),
          who,
          `unknown key ${JSON.stringify(key)}`,
          `Use ${TARGET_KEYS.join(', ')}.${suggestion(key)}`,
        );
    }
    const field = <T>(key: TargetKey, read: () => T): T => {
      try {
        return read();
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        return fail(keyLine.get(key) ?? itemLine, who, `${key}: ${error.problem}`, error.fix);
      }
    };
    if (value.url === undefined || value.url === null || scalarText(value.url).trim() === '')
      fail(
        itemLine,
        who,
        'has no url',
        'Give the URL to check, e.g. url: https://nuzantara-rag.fly.dev/health.',
      );
    const url = field('url', () => {
      const text = textOf('url', value.url).trim();
      const parsed = parseUrl('url', text);
      for (const secret of urlSecrets(text, parsed)) ports.mask(secret);
      return parsed;
    });
    const name = field('name', () => checkName(value.name)) || defaultTargetName(url);
    const settings: TargetSettings = { ...defaults, headers: { ...defaults.headers } };
    for (const key of TARGET_KEYS) {
      if (key === 'name' || key === 'url' || !(key in value)) continue;
      field(key, () => applyField(settings, key, value[key], ports));
    }
    field('tls-error-days', () => checkTarget(settings));
    const earlier = seen.get(name);
    if (earlier !== undefined)
      fail(
        itemLine,
        who,
        `has the same name as target ${earlier + 1}: ${JSON.stringify(name)}`,
        'Give each target its own name: its incident issue and its history are kept by name.',
      );
    seen.set(name, index);
    targets.push({ name, url: url.toString(), ...settings });
  });
  return targets;
}

/** Target defaults from a probe's settings (health-check's flags): one request, the monitor's TLS limits. */
export function probeDefaults(probe: Omit<ProbeSpec, 'url'>): TargetSettings {
  return {
    method: parseProbeMethod('method', probe.method),
    headers: { ...probe.headers },
    expectStatus: probe.expectStatus,
    ...(probe.body ? { body: probe.body } : {}),
    ...(probe.maxLatencyMs === undefined ? {} : { maxLatencyMs: probe.maxLatencyMs }),
    samples: 1,
    timeoutMs: probe.timeoutMs,
    followRedirects: probe.followRedirects,
    maxErrorRate: 0,
    tlsWarnDays: 14,
    tlsErrorDays: 7,
  };
}

/** The request one sample makes. Latency is judged over the samples (p95), not per request. */
export function targetProbeSpec(
  target: MonitorTarget,
  options: { perRequestLatency?: boolean } = {},
): ProbeSpec {
  return {
    url: target.url,
    method: target.method,
    headers: target.headers,
    expectStatus: target.expectStatus,
    ...(target.body ? { body: target.body } : {}),
    ...(options.perRequestLatency && target.maxLatencyMs !== undefined
      ? { maxLatencyMs: target.maxLatencyMs }
      : {}),
    timeoutMs: target.timeoutMs,
    followRedirects: target.followRedirects,
    maxRedirects: 5,
  };
}
