/**
 * Turns the paths written in reports into workspace-relative POSIX paths, so reports from different tools
 * (absolute, relative, Windows, produced in a container) land on the same file as `git diff` names it.
 */
import { posix } from 'node:path';
import picomatch from 'picomatch';

export interface PathOptions {
  /** Absolute path of the workspace root (may be a Windows path). */
  workspace: string;
  /** Prefixes removed from report paths (e.g. /app when tests ran in a container). */
  strip: readonly string[];
  /** Prepended to paths that are relative after stripping (e.g. apps/mouth when jest ran there). */
  prefix: string;
}

/** Forward slashes, no file:// scheme, drive letters upper-cased for comparison. */
export function slashes(path: string): string {
  let p = path.trim();
  // Most paths need nothing: skip the regular expressions for them.
  if (!p.includes('\\') && !p.startsWith('file://') && !/^\/?[A-Za-z]:/.test(p)) return p;
  if (p.startsWith('file://')) p = decodeURIComponent(p.slice('file://'.length));
  p = p.replace(/\\/g, '/');
  if (/^\/[A-Za-z]:\//.test(p)) p = p.slice(1);
  if (/^[A-Za-z]:\//.test(p)) p = p[0]!.toUpperCase() + p.slice(1);
  return p;
}

const isAbsolutePath = (p: string): boolean => p.startsWith('/') || /^[A-Z]:\//.test(p);

/** A normalised path that did not land inside the workspace (absolute, or above it). */
export const isOutsideWorkspace = (p: string): boolean => isAbsolutePath(p) || p.startsWith('../');

/** One predicate for the `exclude` globs, matched against normalised paths (dot files included). */
export function excludeMatcher(globs: readonly string[]): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  const matches = picomatch([...globs], { dot: true });
  return (path) => matches(path);
}

function withTrailingSlash(p: string): string {
  return p.endsWith('/') ? p : `${p}/`;
}

interface Root {
  /** Normalised, with a trailing slash. */
  path: string;
  /** Windows roots compare case-insensitively. */
  lower?: string;
}

function root(path: string): Root {
  const r = withTrailingSlash(posix.normalize(path));
  return /^[A-Z]:\//.test(r) ? { path: r, lower: r.toLowerCase() } : { path: r };
}

/** `p` relative to `root`, or undefined when it is not under it. */
function under(r: Root, p: string): string | undefined {
  const a = r.lower === undefined ? p : p.toLowerCase();
  const b = r.lower ?? r.path;
  if (a.startsWith(b)) return p.slice(b.length);
  if (a.length === b.length - 1 && b.startsWith(a)) return '';
  return undefined;
}

const NEEDS_NORMALIZE = /(^|\/)\.\.?(\/|$)|\/\/|\/$/;

function clean(p: string): string {
  if (!NEEDS_NORMALIZE.test(p)) return p;
  const normalized = posix.normalize(p);
  return normalized === '.' ? '' : normalized.replace(/^(\.\/)+/, '').replace(/\/$/, '');
}

export interface Normalizer {
  (path: string, roots?: readonly string[]): string;
}

/**
 * Builds the path normaliser: strip a configured prefix, make paths under the workspace relative, join a
 * relative Cobertura filename to its <source> root, add the configured prefix. Paths outside the
 * workspace stay absolute (they cannot match a changed file; the summary lists them).
 * `exists` decides between several <source> roots; without it the first root is used.
 */
export function makeNormalizer(options: PathOptions, exists?: (relative: string) => boolean): Normalizer {
  const workspace = root(slashes(options.workspace));
  const strip = options.strip
    .map((s) => slashes(s))
    .filter((s) => s !== '' && posix.normalize(s) !== '.')
    .map(root);
  const prefix = clean(slashes(options.prefix));
  // Parsers ask about a path when its record starts and again when it ends: remember the last answer only,
  // so memory does not grow with the number of files.
  let lastKey: string | undefined;
  let lastResult = '';

  const one = (raw: string): string => {
    let p = slashes(raw);
    for (const s of strip) {
      const rest = under(s, p);
      if (rest !== undefined) {
        p = rest;
        break;
      }
    }
    if (isAbsolutePath(p)) {
      const rest = under(workspace, p);
      return rest === undefined ? clean(p) : clean(rest);
    }
    return clean(prefix ? `${prefix}/${p}` : p);
  };

  return (raw: string, roots?: readonly string[]): string => {
    const key = roots && roots.length > 0 ? `${roots.join('\0')}\0\0${raw}` : raw;
    if (key === lastKey) return lastResult;
    let result: string;
    const p = slashes(raw);
    if (!roots || roots.length === 0 || isAbsolutePath(p)) result = one(raw);
    else {
      const candidates = roots.map((root) => one(`${withTrailingSlash(slashes(root))}${p}`));
      result = (exists && candidates.find((c) => !isAbsolutePath(c) && exists(c))) || candidates[0]!;
    }
    lastKey = key;
    lastResult = result;
    return result;
  };
}
