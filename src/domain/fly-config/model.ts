/**
 * Checks a parsed fly.toml against the flyctl model (schema.ts): types, enum values, durations, memory
 * and size formats, unknown keys, and the cross-field rules flyctl's `config validate` applies (§6).
 * Returns issues keyed by TOML path; the caller turns paths into file lines.
 */
import { formatDuration, parseGoDuration } from '../shared/duration.js';
import type { Severity } from '../shared/findings.js';
import { ALIASES, FLY_CONFIG, type Spec } from './schema.js';

export interface PathIssue {
  rule: string;
  severity: Severity;
  path: string;
  message: string;
  fix: string;
}

export type Doc = Record<string, unknown>;

const isTable = (v: unknown): v is Doc =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

function typeName(v: unknown): string {
  if (Array.isArray(v)) return 'an array';
  if (isTable(v)) return 'a table';
  if (typeof v === 'number') return Number.isInteger(v) ? 'an integer' : 'a float';
  if (typeof v === 'boolean') return 'a boolean';
  if (typeof v === 'string') return 'a string';
  if (v instanceof Date) return 'a date';
  return typeof v;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** docker `units.RAMInBytes`: binary units, optional i/b suffixes, case-insensitive. */
const MEMORY = /^(\d+(?:\.\d+)?)\s?([kmgtp])?i?b?$/i;

export function sizeInMiB(text: string): number | undefined {
  const m = MEMORY.exec(text.trim());
  if (!m) return undefined;
  const power = { '': 0, k: -1, m: 0, g: 1, t: 2, p: 3 }[(m[2] ?? '').toLowerCase()] as number;
  if (!m[2]) return Number(m[1]) / (1024 * 1024);
  return Number(m[1]) * 1024 ** power;
}

export function checkModel(doc: Doc, options: { strict: boolean }): PathIssue[] {
  const issues: PathIssue[] = [];
  const add = (issue: PathIssue): void => {
    issues.push(issue);
  };

  const unknownKey = (path: string, key: string, known: string[]) =>
    add({
      rule: 'config/unknown-key',
      severity: options.strict ? 'error' : 'warning',
      path: join(path, key),
      message: `Unknown key \`${key}\`${path ? ` in [${path.replace(/\[\d+\]/g, '')}]` : ' at the top level'}; flyctl ignores it${options.strict ? ' and `config validate --strict` rejects it' : ''}.`,
      fix: nearest(key, known)
        ? `Did you mean \`${nearest(key, known)}\`? Otherwise remove it.`
        : 'Remove it or move it to the section it belongs to.',
    });

  const wrongType = (path: string, value: unknown, expected: string, example: string) =>
    add({
      rule: 'config/type',
      severity: 'error',
      path,
      message: `\`${path.split('.').pop()}\` is ${typeName(value)}, but flyctl expects ${expected}.`,
      fix: `Write it as ${example}.`,
    });

  const walk = (value: unknown, spec: Spec, path: string): void => {
    const key =
      path
        .split('.')
        .pop()
        ?.replace(/\[\d+\]$/, '') ?? path;
    switch (spec.kind) {
      case 'string':
        if (typeof value !== 'string') wrongType(path, value, 'a string', `${key} = "${String(value)}"`);
        return;
      case 'int': {
        if (typeof value !== 'number' || !Number.isInteger(value))
          return wrongType(path, value, 'an integer', `${key} = 1`);
        if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
          add({
            rule: 'config/range',
            severity: 'error',
            path,
            message: `\`${key}\` is ${value}, outside ${spec.min ?? '-∞'}..${spec.max ?? '∞'}.`,
            fix: `Use a value from ${spec.min ?? '-∞'} to ${spec.max ?? '∞'}.`,
          });
        }
        return;
      }
      case 'float':
        if (typeof value !== 'number') wrongType(path, value, 'a number', `${key} = 0.33`);
        return;
      case 'bool':
        if (typeof value !== 'boolean') wrongType(path, value, 'a boolean', `${key} = true`);
        return;
      case 'enum':
        if (typeof value !== 'string' || !spec.values.includes(value)) {
          add({
            rule: key === 'strategy' ? 'deploy/strategy' : 'config/enum',
            severity: 'error',
            path,
            message: `\`${key}\` is ${JSON.stringify(value)}; flyctl accepts ${spec.values.map((v) => `"${v}"`).join(', ')}.`,
            fix: `Set ${key} = "${spec.values[0]}" or another accepted value.`,
          });
        }
        return;
      case 'autostop':
        if (typeof value === 'boolean') return;
        if (typeof value !== 'string' || !['off', 'stop', 'suspend'].includes(value)) {
          add({
            rule: 'config/auto-stop',
            severity: 'error',
            path,
            message: `\`auto_stop_machines\` is ${JSON.stringify(value)}; flyctl accepts "off", "stop", "suspend" or a boolean.`,
            fix: 'Use auto_stop_machines = "stop" (or "off", "suspend", true, false).',
          });
        }
        return;
      case 'duration':
        return checkDuration(value, spec.bare, path, key, add);
      case 'memory': {
        if (typeof value === 'number' && Number.isInteger(value) && value > 0) return; // bare number = MiB
        if (typeof value === 'string' && sizeInMiB(value) !== undefined) return;
        add({
          rule: 'config/memory',
          severity: 'error',
          path,
          message: `\`${key}\` is ${JSON.stringify(value)}, not a memory size.`,
          fix: `Write ${key} = "1gb", "512mb" or a number of MiB such as ${key} = 1024.`,
        });
        return;
      }
      case 'size': {
        const gb =
          typeof value === 'number' && Number.isInteger(value)
            ? value
            : typeof value === 'string'
              ? (sizeInMiB(value) ?? NaN) / 1024
              : NaN;
        if (Number.isNaN(gb)) {
          add({
            rule: 'config/size',
            severity: 'error',
            path,
            message: `\`${key}\` is ${JSON.stringify(value)}, not a size.`,
            fix: `Write ${key} = "10gb" or a number of GB such as ${key} = 10.`,
          });
        } else if (key === 'initial_size' && gb < 1) {
          add({
            rule: 'mounts/initial-size',
            severity: 'error',
            path,
            message: `\`initial_size\` is below 1GB, the smallest volume Fly creates.`,
            fix: 'Set initial_size = "1gb" or larger.',
          });
        }
        return;
      }
      case 'strings':
        if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
          wrongType(path, value, 'an array of strings', `${key} = ["a", "b"]`);
        return;
      case 'stringOrStrings':
        if (
          typeof value !== 'string' &&
          !(Array.isArray(value) && value.every((v) => typeof v === 'string'))
        ) {
          wrongType(path, value, 'a string or an array of strings', `${key} = ["a", "b"]`);
        }
        return;
      case 'scalarMap':
        if (!isTable(value)) return wrongType(path, value, 'a table', `[${path}]`);
        for (const [k, v] of Object.entries(value)) {
          if (!['string', 'number', 'boolean'].includes(typeof v))
            wrongType(join(path, k), v, 'a string', `${k} = "value"`);
        }
        return;
      case 'anyTable':
        if (!isTable(value)) wrongType(path, value, 'a table', `[${path}]`);
        return;
      case 'table': {
        if (!isTable(value)) return wrongType(path, value, 'a table', `[${path}]`);
        const known = Object.keys(spec.fields);
        for (const [k, v] of Object.entries(value)) {
          const fieldSpec =
            spec.fields[k] ?? (path === '' && ALIASES[k] ? spec.fields[ALIASES[k] as string] : undefined);
          if (fieldSpec) walk(v, fieldSpec, join(path, k));
          else unknownKey(path, k, known);
        }
        return;
      }
      case 'array':
        if (Array.isArray(value)) value.forEach((item, i) => walk(item, spec.of, `${path}[${i}]`));
        else if (spec.single && isTable(value)) walk(value, spec.of, path);
        else
          wrongType(
            path,
            value,
            spec.single ? 'a table or an array of tables' : 'an array of tables',
            `[[${path}]]`,
          );
        return;
      case 'map':
        if (spec.legacyArray && Array.isArray(value))
          return value.forEach((item, i) => walk(item, spec.of, `${path}[${i}]`));
        if (!isTable(value)) return wrongType(path, value, 'a table', `[${path}]`);
        for (const [k, v] of Object.entries(value)) walk(v, spec.of, join(path, k));
        return;
    }
  };

  walk(doc, FLY_CONFIG, '');
  checkCrossFields(doc, add);
  return issues;
}

const FIELD_LIMITS = { interval: { minMs: 1000, maxMs: 60_000 }, timeout: { minMs: 1000, maxMs: 60_000 } };

function checkDuration(
  value: unknown,
  bare: 'seconds' | 'milliseconds' | 'nanoseconds',
  path: string,
  key: string,
  add: (i: PathIssue) => void,
): void {
  if (typeof value === 'number') {
    const factor = { seconds: 1000, milliseconds: 1, nanoseconds: 1e-6 }[bare];
    const ms = value * factor;
    const meant = bare === 'nanoseconds' ? `${value}s` : formatDuration(ms);
    add({
      rule: 'duration/bare-number',
      severity: bare === 'nanoseconds' ? 'error' : 'warning',
      path,
      message:
        bare === 'nanoseconds'
          ? `\`${key}\` is the bare number ${value}, which flyctl reads as ${value} nanoseconds here (this field is not converted), making it effectively zero.`
          : `\`${key}\` is the bare number ${value}, which flyctl reads as ${bare} here (${formatDuration(ms)}); other fields read bare numbers differently.`,
      fix: `Write it as a string with a unit: ${key} = "${meant}".`,
    });
    return;
  }
  if (typeof value !== 'string') {
    add({
      rule: 'config/type',
      severity: 'error',
      path,
      message: `\`${key}\` is ${typeName(value)}, not a duration.`,
      fix: `Write ${key} = "10s".`,
    });
    return;
  }
  if (value === '') return;
  const ms = parseGoDuration(value);
  if (ms === undefined) {
    const days = /^(\d+)d$/.exec(value.trim());
    add({
      rule: 'duration/format',
      severity: 'error',
      path,
      message: `\`${key}\` is ${JSON.stringify(value)}, which is not a Go duration (units: ns, us, ms, s, m, h; no days).`,
      fix: `Write ${key} = "${days ? `${Number(days[1]) * 24}h` : '10s'}".`,
    });
    return;
  }
  // Service check durations outside 1s..1m are silently clamped by flyctl.
  const limits = FIELD_LIMITS[key as keyof typeof FIELD_LIMITS];
  if (
    limits &&
    /(^|\.)(http_service\.checks|services\[\d+\]\.(http|tcp)_checks)\[/.test(path) &&
    (ms < limits.minMs || ms > limits.maxMs)
  ) {
    add({
      rule: 'checks/service-duration',
      severity: 'warning',
      path,
      message: `\`${key}\` is ${value}; flyctl ${ms < limits.minMs ? 'raises' : 'lowers'} service check durations to ${ms < limits.minMs ? '1s' : '1m'}.`,
      fix: `Use a value between 1s and 1m.`,
    });
  }
}

/** A top-level check duration in ms: a Go duration string, or a bare number, which flyctl reads as ms there. */
function checkDurationMs(value: unknown): number | undefined {
  if (typeof value === 'string') return parseGoDuration(value);
  return typeof value === 'number' ? value : undefined;
}

function entries(value: unknown): [string, Doc][] {
  if (Array.isArray(value))
    return value.map((v, i) => [`[${i}]`, v as Doc] as [string, Doc]).filter(([, v]) => isTable(v));
  if (isTable(value)) return Object.entries(value).filter(([, v]) => isTable(v)) as [string, Doc][];
  return [];
}

function checkCrossFields(doc: Doc, add: (i: PathIssue) => void): void {
  const deploy = isTable(doc.deploy) ? doc.deploy : {};
  const mounts = doc.mounts ?? doc.mount;
  const hasMounts = Array.isArray(mounts) ? mounts.length > 0 : isTable(mounts);
  if (deploy.strategy === 'canary' && hasMounts) {
    add({
      rule: 'deploy/canary-mounts',
      severity: 'error',
      path: 'deploy.strategy',
      message: 'The canary strategy cannot be used with [mounts]: a volume attaches to one machine only.',
      fix: 'Use strategy = "rolling" (or "immediate") for apps with volumes.',
    });
  }
  // Top-level [checks]: flyctl requires interval >= 2s and timeout <= 60s.
  for (const [name, check] of entries(doc.checks)) {
    const path = name.startsWith('[') ? `checks${name}` : `checks.${name}`;
    const interval = checkDurationMs(check.interval);
    const timeout = checkDurationMs(check.timeout);
    if (interval !== undefined && interval < 2000) {
      add({
        rule: 'checks/interval-min',
        severity: 'error',
        path: `${path}.interval`,
        message: `Check \`${name}\` runs every ${formatDuration(interval)}; flyctl requires at least 2s.`,
        fix: 'Set interval = "15s" or any value of 2s or more.',
      });
    }
    if (timeout !== undefined && timeout > 60_000) {
      add({
        rule: 'checks/timeout-max',
        severity: 'error',
        path: `${path}.timeout`,
        message: `Check \`${name}\` has a ${formatDuration(timeout)} timeout; flyctl allows at most 60s.`,
        fix: 'Set timeout = "10s" or any value up to 60s.',
      });
    }
    if (check.type === undefined) {
      add({
        rule: 'checks/type',
        severity: 'error',
        path,
        message: `Check \`${name}\` has no \`type\`.`,
        fix: 'Add type = "http" or type = "tcp".',
      });
    }
  }
  const processes = isTable(doc.processes) ? Object.keys(doc.processes) : [];
  const groups = (v: unknown) =>
    Array.isArray(v) ? (v as unknown[]).filter((p): p is string => typeof p === 'string') : [];
  const services = [
    ['http_service', doc.http_service] as const,
    ...entries(doc.services).map(([i, s]) => [`services${i}`, s] as const),
  ];
  for (const [path, service] of services) {
    if (!isTable(service)) continue;
    for (const group of groups(service.processes)) {
      if (processes.length > 0 ? !processes.includes(group) : group !== 'app') {
        add({
          rule: 'config/unknown-process',
          severity: 'error',
          path: `${path}.processes`,
          message: `\`${path}\` names process group "${group}", which [processes] does not define.`,
          fix: processes.length
            ? `Use one of: ${processes.join(', ')}.`
            : 'Remove processes or define the group under [processes].',
        });
      }
    }
  }
}

function nearest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = levenshtein(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best;
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number;
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        prev + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      prev = tmp;
    }
  }
  return row[b.length] as number;
}
