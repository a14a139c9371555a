// cobra/pflag-style argument parsing: long and short flags, `--flag=value`, booleans with `=false`,
// repeatable string arrays, and cobra's error texts for unknown flags and missing values.
import { FlyError } from './util.mjs';

/** Flags every flyctl command accepts. */
export const GLOBAL_FLAGS = {
  'access-token': { short: 't', type: 'string' },
  verbose: { type: 'bool' },
  debug: { type: 'bool' },
  help: { short: 'h', type: 'bool' },
};

const BOOL_VALUES = {
  1: true,
  t: true,
  T: true,
  true: true,
  TRUE: true,
  True: true,
  0: false,
  f: false,
  F: false,
  false: false,
  FALSE: false,
  False: false,
};

/**
 * Parses `argv` against `spec` (name → {short, type: bool|string|array, default}).
 * Returns `{ flags, args }`; throws FlyError with cobra's wording on bad flags.
 */
export function parseFlags(argv, spec) {
  const all = { ...GLOBAL_FLAGS, ...spec };
  const byShort = Object.fromEntries(
    Object.entries(all)
      .filter(([, s]) => s.short)
      .map(([name, s]) => [s.short, name]),
  );
  const flags = {};
  for (const [name, s] of Object.entries(all)) {
    if (s.default !== undefined) flags[name] = s.default;
    else if (s.type === 'array') flags[name] = [];
  }
  const args = [];
  const set = (name, value, shown) => {
    const s = all[name];
    if (s.type === 'bool') {
      if (value === undefined) flags[name] = true;
      else if (value in BOOL_VALUES) flags[name] = BOOL_VALUES[value];
      else {
        throw new FlyError(
          `invalid argument "${value}" for "${shown}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`,
        );
      }
    } else if (s.type === 'array') flags[name] = [...(flags[name] ?? []), value];
    else flags[name] = value;
  };
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (token.startsWith('--') && token.length > 2) {
      const eq = token.indexOf('=');
      const name = token.slice(2, eq < 0 ? undefined : eq);
      const s = all[name];
      if (!s) throw new FlyError(`unknown flag: --${name}`);
      if (eq >= 0) set(name, token.slice(eq + 1), `--${name}`);
      else if (s.type === 'bool') set(name, undefined, `--${name}`);
      else {
        if (i + 1 >= argv.length) throw new FlyError(`flag needs an argument: --${name}`);
        set(name, argv[++i], `--${name}`);
      }
      continue;
    }
    if (token.startsWith('-') && token.length > 1) {
      const letter = token[1];
      const name = byShort[letter];
      if (!name) throw new FlyError(`unknown shorthand flag: '${letter}' in ${token}`);
      const s = all[name];
      const rest = token.slice(2);
      if (s.type === 'bool') {
        if (rest.startsWith('=')) set(name, rest.slice(1), `-${letter}`);
        else if (rest === '') set(name, undefined, `-${letter}`);
        else {
          // combined booleans such as -jy
          set(name, undefined, `-${letter}`);
          argv = [...argv.slice(0, i + 1), `-${rest}`, ...argv.slice(i + 1)];
        }
      } else if (rest !== '') set(name, rest.startsWith('=') ? rest.slice(1) : rest, `-${letter}`);
      else {
        if (i + 1 >= argv.length) throw new FlyError(`flag needs an argument: '${letter}' in -${letter}`);
        set(name, argv[++i], `-${letter}`);
      }
      continue;
    }
    args.push(token);
  }
  return { flags, args };
}
