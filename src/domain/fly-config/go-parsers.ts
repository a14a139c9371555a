/**
 * The Go parsers flyctl runs on fly.toml values, ported so fly-validate accepts and rejects exactly what
 * they do (docs/flyctl-contract.md §7): google/shlex for commands, go-units sizes through flyctl's
 * helpers.ParseSize, castToInt and castToString from its loader's patches.
 */
import { byCodeUnit } from '../shared/order.js';

/**
 * Why google/shlex's Split fails on the text, or undefined when it splits. Its only errors are an
 * unclosed quote and a trailing backslash; `#` starts a comment only where a word could start.
 */
export function shellSplitError(text: string): string | undefined {
  type State = 'start' | 'word' | 'escape' | 'quotedEscape' | 'double' | 'single' | 'comment';
  let state: State = 'start';
  for (const ch of text) {
    switch (state) {
      case 'start':
      case 'word':
        if (ch === '"') state = 'double';
        else if (ch === "'") state = 'single';
        else if (ch === '\\') state = 'escape';
        else if (/[ \t\r\n]/.test(ch)) state = 'start';
        else if (ch === '#' && state === 'start') state = 'comment';
        else state = 'word';
        break;
      case 'escape':
        state = 'word';
        break;
      case 'quotedEscape':
        state = 'double';
        break;
      case 'double':
        if (ch === '"') state = 'word';
        else if (ch === '\\') state = 'quotedEscape';
        break;
      case 'single':
        if (ch === "'") state = 'word';
        break;
      case 'comment':
        if (ch === '\n') state = 'start';
        break;
    }
  }
  if (state === 'double' || state === 'single') return 'EOF found when expecting closing quote';
  if (state === 'escape' || state === 'quotedEscape') return 'EOF found after escape character';
  return undefined;
}

const DECIMAL: Record<string, number> = { k: 1e3, m: 1e6, g: 1e9, t: 1e12, p: 1e15 };
const BINARY: Record<string, number> = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40, p: 2 ** 50 };

/** go-units parseSize (v0.5.0): a number, an optional space, then b, or k/m/g/t/p with an optional b or ib. */
function unitsParse(text: string, units: Record<string, number>): number | undefined {
  let sep = -1;
  for (let i = text.length - 1; i >= 0; i--) {
    if ('0123456789. '.includes(text[i] as string)) {
      sep = i;
      break;
    }
  }
  if (sep === -1) return undefined;
  const num = text[sep] === ' ' ? text.slice(0, sep) : text.slice(0, sep + 1);
  const suffix = text.slice(sep + 1).toLowerCase();
  // strconv.ParseFloat: no surrounding spaces, no empty string.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(num)) return undefined;
  const size = Number(num);
  if (size < 0) return undefined;
  if (suffix === '' || suffix === 'b') return Math.trunc(size);
  if (suffix.length > 3) return undefined;
  const multiplier = units[suffix[0] as string];
  if (multiplier === undefined) return undefined;
  if (suffix.length === 2 && suffix[1] !== 'b') return undefined;
  if (suffix.length === 3 && suffix.slice(1) !== 'ib') return undefined;
  return Math.trunc(size * multiplier);
}

/**
 * flyctl's helpers.ParseSize: a bare integer is already the unit count; anything else is parsed by go-units
 * and divided, truncating. Volumes use decimal units per GB ("1000mb" is 1), memory binary units per MiB.
 */
export function parseFlySize(text: string, kind: 'volume-gb' | 'memory-mib'): number | undefined {
  if (/^[+-]?\d+$/.test(text)) return Number(text);
  const bytes = unitsParse(text, kind === 'volume-gb' ? DECIMAL : BINARY);
  if (bytes === undefined) return undefined;
  return Math.trunc(bytes / (kind === 'volume-gb' ? 1e9 : 2 ** 20));
}

/** The loader's castToString: Go's `%v` of a TOML value, as far as a JavaScript value can tell. */
export function castToString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(castToString).join(' ')}]`;
  if (typeof value === 'object' && value !== null && !(value instanceof Date))
    return `map[${Object.entries(value)
      .sort(([a], [b]) => byCodeUnit(a, b))
      .map(([k, v]) => `${k}:${castToString(v)}`)
      .join(' ')}]`;
  return String(value);
}

/** The loader's castToInt: numbers (truncated) and strconv.Atoi strings; undefined for anything else. */
export function castToInt(value: unknown): number | undefined {
  if (typeof value === 'number') return Math.trunc(value);
  if (typeof value === 'string' && /^[+-]?\d+$/.test(value)) return Number(value);
  return undefined;
}
