/**
 * Checks a parsed fly.toml the way flyctl loads and validates it (docs/flyctl-contract.md §6, §7): what its
 * loader's patches normalise is accepted (a warning at most, where the result may surprise), what the
 * patches or the JSON decode into its structs cannot take is an error, then the rules of its
 * `Config.Validate`. Unknown keys are errors under `strict` only where `config validate --strict` looks.
 * Returns issues keyed by TOML path; the caller turns paths into file lines.
 */
import { formatDuration, parseGoDuration } from '../shared/duration.js';
import type { Severity } from '../shared/findings.js';
import { castToInt, castToString, parseFlySize, shellSplitError } from './go-parsers.js';
import { FLY_CONFIG, LEGACY_KEYS, type BareNumberUnit, type Spec } from './schema.js';
import {
  isTable,
  mergedTables,
  processNames,
  servicesAt,
  stringsOf,
  tablesAt,
  type At,
  type Doc,
} from './view.js';

export type { Doc } from './view.js';

export interface PathIssue {
  rule: string;
  severity: Severity;
  path: string;
  message: string;
  fix: string;
  /** The key as `flyctl config validate --strict` lists it, when strict mode would report it. */
  strictKey?: string;
}

/** Where the walker is: the TOML path, and flyctl's strict path when its strict mode looks here. */
interface Where {
  path: string;
  /** undefined: `config validate --strict` does not look here. */
  strict: string | undefined;
  /** Where we are, for a message saying strict mode does not look here ("inside [[services]]"). */
  opaque: string;
}

function typeName(v: unknown): string {
  if (Array.isArray(v)) return 'an array';
  if (isTable(v)) return 'a table';
  if (typeof v === 'number') return Number.isInteger(v) ? 'an integer' : 'a float';
  if (typeof v === 'boolean') return 'a boolean';
  if (typeof v === 'string') return 'a string';
  if (v instanceof Date) return 'a date';
  return typeof v;
}

/** A value to show in a fix: numbers and booleans as written; anything else may hold a secret, so not shown. */
const quotable = (v: unknown) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : '…');

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
const lastKey = (path: string) => (path.split('.').pop() ?? path).replace(/\[\d+\]/g, '');
const section = (path: string) => path.replace(/\[\d+\]/g, '');
const TOP_LEVEL_KEYS = new Set(Object.keys((FLY_CONFIG as { fields: Record<string, Spec> }).fields));

/** Milliseconds as flyctl ends up with them, or undefined when the value is not a duration it reads. */
function effectiveMs(value: unknown, bare: BareNumberUnit): number | undefined {
  if (typeof value === 'number')
    return bare === 'nanoseconds' ? value / 1e6 : Math.trunc(value) * (bare === 'seconds' ? 1000 : 1);
  return typeof value === 'string' && value !== '' ? parseGoDuration(value) : undefined;
}

/** docker units.RAMInBytes through flyctl's ParseSize: MiB for a `[[vm]] memory` value (a bare integer is MiB). */
export function sizeInMiB(text: string): number | undefined {
  return parseFlySize(text, 'memory-mib');
}

export function checkModel(doc: Doc, options: { strict: boolean }): PathIssue[] {
  const issues: PathIssue[] = [];
  const add = (issue: PathIssue): void => {
    issues.push(issue);
  };

  /** flyctl cannot load the file: a patch or the JSON decode fails on this value (§7 "Loading"). */
  const cannotLoad = (path: string, value: unknown, expected: string, example: string, why = '') =>
    add({
      rule: 'config/type',
      severity: 'error',
      path,
      message: `\`${lastKey(path)}\` is ${typeName(value)}, but flyctl expects ${expected}${why}: it cannot load the file.`,
      fix: `Write it as ${example}.`,
    });

  const unknownKey = (at: Where, key: string, known: string[]) => {
    const strictKey = at.strict === undefined ? undefined : join(at.strict, key);
    const legacy = LEGACY_KEYS.has(key);
    const where = at.path ? ` in [${section(at.path)}]` : ' at the top level';
    const what = legacy
      ? `\`${key}\`${where} is a key of the old Nomad-era format, which flyctl no longer reads`
      : `Unknown key \`${key}\`${where}: flyctl ignores it`;
    const strictNote =
      strictKey === undefined
        ? `; \`config validate --strict\` does not look ${at.opaque}, so flyctl never reports it.`
        : options.strict
          ? `, and \`config validate --strict\` rejects it (as \`${strictKey}\`).`
          : ` (\`config validate --strict\` would reject it, as \`${strictKey}\`).`;
    const near = nearest(key, known);
    add({
      rule: 'config/unknown-key',
      severity: strictKey !== undefined && options.strict ? 'error' : legacy ? 'notice' : 'warning',
      path: join(at.path, key),
      message: what + strictNote,
      fix: legacy
        ? 'Remove it.'
        : at.path && TOP_LEVEL_KEYS.has(key)
          ? `\`${key}\` is a top-level key: move it above the first [section] header (TOML puts a key written after a header into that table).`
          : near
            ? `Did you mean \`${near}\`? Otherwise remove it.`
            : 'Remove it or move it to the section it belongs to.',
      ...(strictKey === undefined ? {} : { strictKey }),
    });
  };

  const child = (at: Where, key: string, spec: Spec): Where => {
    const opaque = spec.kind === 'array' && spec.opaque !== undefined;
    return {
      path: join(at.path, key),
      strict: opaque || at.strict === undefined ? undefined : join(at.strict, key),
      opaque: opaque ? (spec as { opaque: string }).opaque : at.opaque,
    };
  };

  const walk = (value: unknown, spec: Spec, at: Where): void => {
    const { path } = at;
    const key = lastKey(path);
    switch (spec.kind) {
      case 'string':
        if (typeof value !== 'string') cannotLoad(path, value, 'a string', `${key} = "${quotable(value)}"`);
        return;
      case 'int': {
        const n = spec.cast ? castToInt(value) : Number.isInteger(value) ? (value as number) : undefined;
        if (n === undefined)
          return cannotLoad(
            path,
            value,
            'an integer',
            `${key} = ${castToInt(value) ?? 1}`,
            typeof value === 'string' ? ' (flyctl converts strings to numbers only in [[services]])' : '',
          );
        if (spec.unsigned && n < 0) return cannotLoad(path, value, 'a number of 0 or more', `${key} = 0`);
        const { min, max } = spec.advise ?? {};
        if ((min !== undefined && n < min) || (max !== undefined && n > max))
          add({
            rule: 'config/range',
            severity: 'warning',
            path,
            message: `\`${key}\` is ${n}, outside ${min ?? '-∞'}..${max ?? '∞'}. flyctl does not check it; the Machines API may refuse it at deploy.`,
            fix: `Use a value from ${min ?? '-∞'} to ${max ?? '∞'}.`,
          });
        return;
      }
      case 'float':
        if (typeof value !== 'number') cannotLoad(path, value, 'a number', `${key} = 0.33`);
        return;
      case 'bool':
        if (typeof value !== 'boolean') cannotLoad(path, value, 'a boolean', `${key} = true`);
        return;
      case 'enum':
        if (typeof value !== 'string')
          return cannotLoad(path, value, 'a string', `${key} = "${spec.values[0]}"`);
        if (value === '' || spec.values.includes(value)) return;
        add({
          rule: spec.rule ?? 'config/enum',
          severity: spec.enforced ? 'error' : 'warning',
          path,
          message: `\`${key}\` is ${JSON.stringify(value)}; ${spec.enforced ? 'flyctl accepts only' : 'flyctl does not check it, but Fly knows only'} ${spec.values.map((v) => `"${v}"`).join(', ')}.`,
          fix: `Set ${key} = "${spec.values[0]}" or another accepted value.`,
        });
        return;
      case 'autostop':
        if (typeof value === 'boolean') return;
        if (typeof value !== 'string' || !['off', 'stop', 'suspend'].includes(value))
          add({
            rule: 'config/auto-stop',
            severity: 'error',
            path,
            message: `\`auto_stop_machines\` is ${JSON.stringify(value)}; flyctl accepts "off", "stop", "suspend" or a boolean and cannot load anything else.`,
            fix: 'Use auto_stop_machines = "stop" (or "off", "suspend", true, false).',
          });
        return;
      case 'duration':
        return checkDuration(value, spec.bare, path, add);
      case 'memory': {
        if (!(typeof value === 'string' || (spec.numbers && typeof value === 'number')))
          return cannotLoad(path, value, 'a string', `${key} = "1gb"`);
        const mib = sizeInMiB(castToString(value));
        if (mib === undefined || mib === 0)
          add({
            rule: 'config/memory',
            severity: 'error',
            path,
            message: `\`${key}\` is ${JSON.stringify(value)}, which is ${mib === 0 ? 'zero' : 'not a memory size'}: \`fly deploy\` fails on it when it builds the machines (\`config validate\` does not check memory).`,
            fix: `Write ${key} = "1gb", "512mb" or a number of MiB such as ${key} = 1024.`,
          });
        return;
      }
      case 'size':
        if (!(typeof value === 'string' || (spec.numbers && typeof value === 'number')))
          cannotLoad(
            path,
            value,
            'a string',
            `${key} = "10gb"`,
            spec.numbers ? '' : ' (only initial_size is converted)',
          );
        return;
      case 'strings':
        if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
          cannotLoad(path, value, 'an array of strings', `${key} = ["a", "b"]`);
        return;
      case 'stringOrStrings':
        if (typeof value !== 'string' && !(Array.isArray(value) && value.every((v) => typeof v === 'string')))
          cannotLoad(path, value, 'a string or an array of strings', `${key} = ["a", "b"]`);
        return;
      case 'stringMap':
        if (!isTable(value)) return cannotLoad(path, value, 'a table', `[${section(path)}]`);
        for (const [k, v] of Object.entries(value))
          if (typeof v !== 'string')
            cannotLoad(
              join(path, k),
              v,
              'a string',
              `${k} = "${quotable(v)}"`,
              ' (flyctl does not convert values here)',
            );
        return;
      case 'anyTable':
        if (!isTable(value)) cannotLoad(path, value, 'a table', `[${section(path)}]`);
        return;
      case 'env':
        return checkEnv(value, path, add, cannotLoad);
      case 'processes':
        return checkProcesses(value, path, add, cannotLoad);
      case 'concurrency':
        if (isTable(value)) return walk(value, spec.table, at);
        if (typeof value === 'string') {
          const comma = value.indexOf(',');
          if (
            comma >= 0 &&
            /^[+-]?\d+$/.test(value.slice(0, comma)) &&
            /^[+-]?\d+$/.test(value.slice(comma + 1))
          )
            return;
        }
        return cannotLoad(
          path,
          value,
          'a [services.concurrency] table (or the old "soft,hard" string)',
          '[services.concurrency] with type = "requests", soft_limit = 20, hard_limit = 25',
          Array.isArray(value) ? ' (flyctl stops with "Unknown type for service concurrency")' : '',
        );
      case 'headers':
        if (isTable(value)) return;
        if (Array.isArray(value) && value.every((h) => isTable(h) && 'name' in h)) return;
        return cannotLoad(
          path,
          value,
          'a table of header names and values',
          `[${section(path)}] with Name = "value"`,
        );
      case 'legacy':
        walk(value, spec.of, at);
        if (at.strict !== undefined)
          add({
            rule: 'config/unknown-key',
            severity: options.strict ? 'error' : 'notice',
            path,
            message: `\`${key}\` in [${section(path).replace(/\.[^.]+$/, '')}] is an old key: flyctl still moves it to ${spec.movedTo}, but \`config validate --strict\` ${options.strict ? 'rejects' : 'would reject'} it (as \`${at.strict}\`).`,
            fix: `Set ${spec.movedTo} instead.`,
            strictKey: at.strict,
          });
        return;
      case 'table': {
        if (!isTable(value)) return cannotLoad(path, value, 'a table', `[${section(path)}]`);
        const known = Object.keys(spec.fields);
        for (const [k, v] of Object.entries(value)) {
          const fieldSpec = spec.fields[k];
          if (fieldSpec) walk(v, fieldSpec, child(at, k, fieldSpec));
          else unknownKey(at, k, known);
        }
        return;
      }
      case 'array':
        if (Array.isArray(value))
          return value.forEach((item, i) =>
            walk(item, spec.of, {
              path: `${path}[${i}]`,
              strict: at.strict === undefined ? undefined : `${at.strict}[${i}]`,
              opaque: at.opaque,
            }),
          );
        if (isTable(value) && spec.wraps) return walk(value, spec.of, at);
        return cannotLoad(
          path,
          value,
          spec.wraps ? 'a table or an array of tables' : 'an array of tables',
          `[[${section(path)}]] (with double brackets)`,
          isTable(value) ? ` (a single [${section(path)}] table is not wrapped into a list here)` : '',
        );
      case 'map':
        if (spec.legacyArray && Array.isArray(value)) {
          value.forEach((item, i) => {
            const itemPath = `${path}[${i}]`;
            if (!isTable(item) || typeof item.name !== 'string')
              return cannotLoad(
                itemPath,
                isTable(item) ? item.name : item,
                'a [[checks]] item with a string `name`',
                `[checks.<name>]`,
              );
            const { name, ...rest } = item;
            const strictPath = at.strict === undefined ? undefined : `${at.strict}.${name}`;
            walk(rest, spec.of, { path: itemPath, strict: strictPath, opaque: at.opaque });
            if (strictPath !== undefined)
              add({
                rule: 'config/unknown-key',
                severity: options.strict ? 'error' : 'notice',
                path: `${itemPath}.name`,
                message: `flyctl still reads the old [[checks]] list, but \`config validate --strict\` ${options.strict ? 'rejects' : 'would reject'} its \`name\` key (as \`${strictPath}.name\`).`,
                fix: `Write the check as [checks.${name}] without a name key.`,
                strictKey: `${strictPath}.name`,
              });
          });
          return;
        }
        if (!isTable(value)) return cannotLoad(path, value, 'a table', `[${section(path)}.<name>]`);
        for (const [k, v] of Object.entries(value))
          walk(v, spec.of, {
            path: join(path, k),
            strict: at.strict === undefined ? undefined : join(at.strict, k),
            opaque: at.opaque,
          });
        return;
    }
  };

  walk(doc, FLY_CONFIG, { path: '', strict: '', opaque: '' });
  checkRules(doc, add);
  return issues;
}

type Add = (issue: PathIssue) => void;
type CannotLoad = (path: string, value: unknown, expected: string, example: string, why?: string) => void;

function checkDuration(value: unknown, bare: BareNumberUnit, path: string, add: Add): void {
  const key = lastKey(path);
  // Patched fields (castDuration) silently drop what is neither a string nor a number; others fail to decode.
  const patched = bare !== 'nanoseconds';
  if (typeof value === 'number') {
    const ms = effectiveMs(value, bare) as number;
    add({
      rule: 'duration/bare-number',
      severity: 'warning',
      path,
      message: patched
        ? `\`${key}\` is the bare number ${value}, which flyctl reads as ${bare} here (${formatDuration(ms)}); other fields read bare numbers differently.`
        : `\`${key}\` is the bare number ${value}, which flyctl reads as ${value} nanoseconds here (this field is not converted), effectively zero.`,
      fix: `Write it as a string with a unit: ${key} = "${patched ? formatDuration(ms) : `${value}s`}".`,
    });
    return;
  }
  if (typeof value !== 'string') {
    add(
      patched
        ? {
            rule: 'config/ignored',
            severity: 'warning',
            path,
            message: `\`${key}\` is ${typeName(value)}, not a duration: flyctl drops it without a word, so the default applies.`,
            fix: `Write ${key} = "10s".`,
          }
        : {
            rule: 'config/type',
            severity: 'error',
            path,
            message: `\`${key}\` is ${typeName(value)}, not a duration: flyctl cannot load the file.`,
            fix: `Write ${key} = "10s".`,
          },
    );
    return;
  }
  if (value === '' && patched) return; // "unset" for castDuration
  if (parseGoDuration(value) === undefined) {
    const days = /^(\d+)d$/.exec(value.trim());
    add({
      rule: 'duration/format',
      severity: 'error',
      path,
      message: `\`${key}\` is ${JSON.stringify(value)}, which is not a Go duration (units: ns, us, ms, s, m, h; no days): flyctl cannot load the file.`,
      fix: `Write ${key} = "${days ? `${Number(days[1]) * 24}h` : '10s'}".`,
    });
  }
}

function checkEnv(value: unknown, path: string, add: Add, cannotLoad: CannotLoad): void {
  if (!isTable(value) && !(Array.isArray(value) && value.every(isTable)))
    return cannotLoad(
      path,
      value,
      'a table',
      '[env] with NAME = "value" lines',
      ' ("Do not know how to process \'env\' section")',
    );
  for (const table of tablesAt(value, path))
    for (const [name, v] of Object.entries(table.value))
      if (typeof v === 'object' && v !== null && !(v instanceof Date))
        add({
          rule: 'config/converted',
          severity: 'warning',
          path: `${table.path}.${name}`,
          message: `[env] ${name} is ${typeName(v)}; flyctl turns it into Go's text form of it (such as "[a b]" or "map[k:v]"), value not shown.`,
          fix: `Write ${name} as one string: ${name} = "value".`,
        });
}

function checkProcesses(value: unknown, path: string, add: Add, cannotLoad: CannotLoad): void {
  if (isTable(value)) {
    for (const [name, command] of Object.entries(value))
      if (typeof command !== 'string')
        cannotLoad(`${path}.${name}`, command, 'a command string', `${name} = "${quotable(command)}"`);
    return;
  }
  if (!Array.isArray(value))
    return cannotLoad(path, value, 'a table of process groups', '[processes] with app = "<command>"');
  // The old `processes = []` and [[processes]] lists: flyctl keeps items with a name, drops the rest.
  value.forEach((item, i) => {
    if (!isTable(item) || !('name' in item))
      add({
        rule: 'config/ignored',
        severity: 'warning',
        path: `${path}[${i}]`,
        message: `This [processes] list item is not a table with a \`name\`; flyctl drops it.`,
        fix: 'Define process groups as [processes] with name = "<command>" lines.',
      });
    else
      for (const k of Object.keys(item))
        if (k !== 'name' && k !== 'command')
          add({
            rule: 'config/unknown-key',
            severity: 'warning',
            path: `${path}[${i}].${k}`,
            message: `Unknown key \`${k}\` in a [[processes]] item: flyctl reads only name and command; \`config validate --strict\` does not look here, so flyctl never reports it.`,
            fix: 'Define process groups as [processes] with name = "<command>" lines.',
          });
  });
}

const serviceCheckDuration = (
  kind: 'TCP' | 'HTTP',
  field: string,
  ms: number,
  path: string,
): PathIssue | undefined => {
  const grace = field === 'grace_period';
  const tooShort = grace ? ms !== 0 && ms < 1000 : ms < 1000;
  if (!tooShort && ms <= 60_000) return undefined;
  return {
    rule: 'checks/service-duration',
    severity: 'warning',
    path,
    message: `The service ${kind} check's \`${field}\` is ${formatDuration(ms)}; flyctl ${tooShort ? 'raises it to 1 second' : 'lowers it to 1 minute'} ("this will be ${tooShort ? 'raised to 1 second' : 'lowered to 1 minute'}").`,
    fix: `Use a value between 1s and 1m.`,
  };
};

/** The rules of flyctl's Config.Validate (internal/appconfig/validation.go), in its order. */
function checkRules(doc: Doc, add: Add): void {
  const table = (v: unknown): Doc => (isTable(v) ? v : {});
  if (typeof doc.app !== 'string' || doc.app.trim() === '')
    add({
      rule: 'config/app-name',
      severity: 'error',
      path: 'app',
      message:
        'No `app` name: `flyctl config validate` and `fly deploy` stop with "the config for your app is missing an app name" unless given -a or FLY_APP.',
      fix: 'Add app = "<your-app>" at the top of the file.',
    });

  // validateBuildStrategies: a warning only.
  const build = table(doc.build);
  const nonEmpty = (v: unknown) => typeof v === 'string' && v !== '';
  const strategies = [
    nonEmpty(build.image) && `the "${String(build.image)}" docker image`,
    (nonEmpty(build.builder) || stringsOf(build.buildpacks).length > 0) && 'a buildpack',
    (nonEmpty(build.dockerfile) || nonEmpty(build['build-target']) || nonEmpty(build.build_target)) &&
      'a dockerfile',
    nonEmpty(build.builtin) && `the "${String(build.builtin)}" builtin image`,
  ].filter((s): s is string => typeof s === 'string');
  if (strategies.length > 1)
    add({
      rule: 'config/build-strategy',
      severity: 'warning',
      path: 'build',
      message: `[build] names more than one way to build: ${strategies.join(', ')}; flyctl warns and picks one.`,
      fix: 'Keep one of image, builder/buildpacks, dockerfile or builtin.',
    });

  // validateDeploySection
  const deploy = table(doc.deploy);
  const shlex = (path: string, command: unknown, what: string) => {
    if (typeof command !== 'string') return;
    const problem = shellSplitError(command);
    if (problem)
      add({
        rule: 'config/command',
        severity: 'error',
        path,
        message: `flyctl cannot split ${what} as a shell command (${problem}), so it rejects the config.`,
        fix: 'Close every quote and do not end the command with a backslash.',
      });
  };
  shlex('deploy.release_command', deploy.release_command, 'release_command');
  const mounts = mergedTables(doc, 'mounts');
  if (deploy.strategy === 'canary' && mounts.length > 0)
    add({
      rule: 'deploy/canary-mounts',
      severity: 'error',
      path: 'deploy.strategy',
      message:
        'The canary strategy cannot be used with [mounts] (flyctl: "canary deployment strategy is not supported when using mounted volumes").',
      fix: 'Use strategy = "rolling" (or "immediate") for apps with volumes.',
    });

  // validateChecksSection: top-level [checks.<name>] (or the old [[checks]] list).
  const topChecks: [string, string, Doc][] = Array.isArray(doc.checks)
    ? tablesAt(doc.checks, 'checks').map((c) => [String(c.value.name), c.path, c.value])
    : Object.entries(table(doc.checks)).flatMap(([name, c]) =>
        isTable(c) ? [[name, `checks.${name}`, c]] : [],
      );
  for (const [name, path, check] of topChecks) {
    if (check.type !== 'http' && check.type !== 'tcp')
      add({
        rule: 'checks/type',
        severity: 'error',
        path: check.type === undefined ? path : `${path}.type`,
        message: `Check \`${name}\` has ${check.type === undefined ? 'no `type`' : `type ${JSON.stringify(check.type)}`}; flyctl rejects it ("Missing or invalid check type, must be 'http' or 'tcp'").`,
        fix: 'Set type = "http" or type = "tcp".',
      });
    const interval = effectiveMs(check.interval, 'milliseconds');
    if (interval !== undefined && interval < 2000)
      add({
        rule: 'checks/interval-min',
        severity: 'error',
        path: `${path}.interval`,
        message: `Check \`${name}\` runs every ${formatDuration(interval)}; flyctl requires at least 2s ("interval is too short").`,
        fix: 'Set interval = "15s" or any value of 2s or more.',
      });
    const timeout = effectiveMs(check.timeout, 'milliseconds');
    if (timeout !== undefined && timeout > 60_000)
      add({
        rule: 'checks/timeout-max',
        severity: 'error',
        path: `${path}.timeout`,
        message: `Check \`${name}\` has a ${formatDuration(timeout)} timeout; flyctl allows at most 60s ("timeout is too long").`,
        fix: 'Set timeout = "10s" or any value up to 60s.',
      });
  }

  // validateServicesSection: [http_service] (converted to a service) and each [[services]] entry.
  const groups = processNames(doc);
  const valid = groups.length > 0 ? groups : ['app'];
  const unknownGroups = (path: string, names: string[], owner: string) => {
    for (const group of names.filter((g) => !valid.includes(g)))
      add({
        rule: 'config/unknown-process',
        severity: 'error',
        path,
        message: `${owner} names process group "${group}", which [processes] does not define; flyctl rejects it.`,
        fix: groups.length
          ? `Use one of: ${groups.join(', ')}.`
          : 'Remove processes or define the group under [processes].',
      });
  };
  const services: (At<Doc> & { patched: boolean })[] = [
    ...(isTable(doc.http_service) ? [{ value: doc.http_service, path: 'http_service', patched: false }] : []),
    ...servicesAt(doc).map((s) => ({ ...s, patched: true })),
  ];
  for (const service of services) {
    const names = stringsOf(service.value.processes);
    const label = service.patched ? `[[services]] entry \`${service.path}\`` : '[http_service]';
    if (names.length === 0 && groups.length > 0)
      add({
        rule: 'config/service-processes',
        severity: 'error',
        path: service.path,
        message: `${label} has no \`processes\`, but [processes] defines ${groups.length} group(s); flyctl rejects it ("Service has no processes set but app has ${groups.length} processes defined").`,
        fix: `Add processes = ["${groups[0]}"] (the group that serves it) to the service.`,
      });
    else unknownGroups(`${service.path}.processes`, names, label);
    if (service.patched && tablesAt(service.value.ports, `${service.path}.ports`).length === 0)
      add({
        rule: 'config/service-ports',
        severity: 'warning',
        path: service.path,
        message: `${label} exposes no port; flyctl warns "Service must expose at least one port".`,
        fix: 'Add [[services.ports]] with port = 443 and handlers = ["tls", "http"] (or remove the service).',
      });
    const checkLists: ['TCP' | 'HTTP', string][] = service.patched
      ? [
          ['TCP', 'tcp_checks'],
          ['HTTP', 'http_checks'],
        ]
      : [['HTTP', 'checks']];
    for (const [kind, list] of checkLists)
      for (const check of tablesAt(service.value[list], `${service.path}.${list}`))
        for (const field of ['interval', 'timeout', 'grace_period']) {
          const raw = check.value[field];
          if (raw === undefined || (!service.patched && typeof raw === 'number')) continue; // bare ns: warned already
          const ms = effectiveMs(raw, service.patched ? 'milliseconds' : 'nanoseconds');
          const issue =
            ms === undefined ? undefined : serviceCheckDuration(kind, field, ms, `${check.path}.${field}`);
          if (issue) add(issue);
        }
  }

  // validateProcessesSection, validateConsoleCommand
  if (isTable(doc.processes))
    for (const [name, command] of Object.entries(doc.processes))
      if (command !== '') shlex(`processes.${name}`, command, `the command of process group "${name}"`);
  shlex('console_command', doc.console_command, 'console_command');

  // validateMounts (sizes in decimal units: "1000mb" is 1 GB).
  for (const mount of mounts) {
    const m = mount.value;
    const label = `Mount \`${typeof m.source === 'string' ? m.source : mount.path}\``;
    // Only initial_size is converted from a number; a number elsewhere is already a load error.
    const size = (field: string, minimumOnly: boolean): number => {
      const raw = m[field];
      if (typeof raw !== 'string' && !(minimumOnly && typeof raw === 'number')) return 0;
      const text = castToString(raw);
      if (text === '') return 0;
      const gb = parseFlySize(text, 'volume-gb');
      if (gb === undefined)
        add({
          rule: 'config/size',
          severity: 'error',
          path: `${mount.path}.${field}`,
          message: `${label}: \`${field}\` is ${JSON.stringify(raw)}, not a size flyctl can read ("invalid size").`,
          fix: `Write ${field} = "10gb" (decimal units: gb, mb; a bare number is GB).`,
        });
      else if (gb < 1)
        add({
          rule: minimumOnly ? 'mounts/initial-size' : 'mounts/auto-extend',
          severity: 'error',
          path: `${mount.path}.${field}`,
          message: `${label}: \`${field}\` is ${JSON.stringify(raw)}, below 1GB (flyctl reads sizes in decimal units and truncates); flyctl rejects it.`,
          fix: `Set ${field} = "1gb" or larger.`,
        });
      return gb ?? 0;
    };
    size('initial_size', true);
    const retention = m.snapshot_retention;
    if (Number.isInteger(retention) && ((retention as number) < 1 || (retention as number) > 60))
      add({
        rule: 'config/range',
        severity: 'error',
        path: `${mount.path}.snapshot_retention`,
        message: `${label}: \`snapshot_retention\` is ${String(retention)}; flyctl requires 1 to 60 days.`,
        fix: 'Use a value from 1 to 60.',
      });
    const increment = size('auto_extend_size_increment', false);
    const limit = size('auto_extend_size_limit', false);
    const threshold = Number.isInteger(m.auto_extend_size_threshold)
      ? (m.auto_extend_size_threshold as number)
      : 0;
    // flyctl checks auto-extend only when one of the three is set (0 means unset).
    if (threshold !== 0 || increment !== 0 || limit !== 0) {
      const autoExtend = (field: string, problem: string) =>
        add({
          rule: 'mounts/auto-extend',
          severity: 'error',
          // A missing key is reported where the auto-extend keys that are set are.
          path:
            m[field] !== undefined
              ? `${mount.path}.${field}`
              : m.auto_extend_size_threshold !== undefined
                ? `${mount.path}.auto_extend_size_threshold`
                : mount.path,
          message: `${label}: ${problem}; flyctl rejects it.`,
          fix: 'Set auto_extend_size_threshold (50-99), auto_extend_size_increment ("1gb"-"100gb") and optionally auto_extend_size_limit ("1gb"-"500gb"), or none of them.',
        });
      if (threshold !== 0 && increment === 0 && limit === 0)
        autoExtend(
          'auto_extend_size_threshold',
          'auto_extend_size_threshold is set without an increment or a limit',
        );
      if (threshold < 50 || threshold > 99)
        autoExtend(
          'auto_extend_size_threshold',
          `auto_extend_size_threshold is ${threshold}, outside 50..99`,
        );
      if (increment < 1 || increment > 100)
        autoExtend(
          'auto_extend_size_increment',
          `auto_extend_size_increment is ${increment}GB, outside 1GB..100GB`,
        );
      if (limit !== 0 && (limit < 1 || limit > 500))
        autoExtend('auto_extend_size_limit', `auto_extend_size_limit is ${limit}GB, outside 1GB..500GB`);
    }
  }

  // validateRestartPolicy (only a [[restart]] list decodes; a single table is already a load error).
  if (Array.isArray(doc.restart))
    for (const restart of tablesAt(doc.restart, 'restart')) {
      unknownGroups(`${restart.path}.processes`, stringsOf(restart.value.processes), '[[restart]]');
      if (restart.value.policy === undefined || restart.value.policy === '')
        add({
          rule: 'config/enum',
          severity: 'error',
          path: restart.path,
          message: '[[restart]] has no `policy`; flyctl rejects it ("invalid restart policy").',
          fix: 'Add policy = "on-failure" (or "always", "never").',
        });
    }

  // validateCompression (the compression value itself is an enforced enum in the schema).
  const level = build.compression_level;
  if (Number.isInteger(level) && ((level as number) < 0 || (level as number) > 9))
    add({
      rule: 'config/range',
      severity: 'error',
      path: 'build.compression_level',
      message: `\`compression_level\` is ${String(level)}; flyctl accepts 0 to 9 ("Invalid value for compression level").`,
      fix: 'Use a value from 0 to 9, or remove it.',
    });
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
