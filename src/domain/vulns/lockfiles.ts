/**
 * Lockfile parsers: what each pins, as OSV queries need it (ecosystem, name, exact version), with the line
 * naming each package for annotations and SARIF. Only what is deployed is scanned: npm `dev: true` entries
 * and Poetry packages outside the main group are left out (the apps' images install with
 * `npm ci --omit=dev` and without dev groups) and counted, so the report says how many.
 */
import { parse as parseToml } from 'smol-toml';
import type { Dependency, LockfileContents, LockfileFormat, LockfileNote } from './types.js';

export const LOCKFILE_NAMES: readonly LockfileFormat[] = [
  'package-lock.json',
  'requirements.txt',
  'poetry.lock',
  'uv.lock',
];

export function lockfileFormat(path: string): LockfileFormat | undefined {
  const base = path.split('/').pop() ?? '';
  return LOCKFILE_NAMES.find((name) => name === base);
}

/** PEP 503: lower case, runs of `-`, `_` and `.` become one `-`. */
export const normalizePypiName = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, '-');

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses one lockfile; a file that is not what its name says throws an Error naming the file and why. */
export function parseLockfile(file: string, text: string): LockfileContents {
  const format = lockfileFormat(file);
  switch (format) {
    case 'package-lock.json':
      return parsePackageLock(file, text);
    case 'requirements.txt':
      return parseRequirements(file, text);
    case 'poetry.lock':
      return parsePoetryLock(file, text);
    case 'uv.lock':
      return parseUvLock(file, text);
    default:
      throw new Error(`${file} is not a lockfile the scan reads (${LOCKFILE_NAMES.join(', ')})`);
  }
}

/** The last package name in a `node_modules/...` path: `node_modules/a/node_modules/@s/b` → `@s/b`. */
function nameFromPath(key: string): string | undefined {
  const at = key.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const name = key.slice(at + 'node_modules/'.length);
  return name === '' ? undefined : name;
}

const EXACT_NPM_VERSION = /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?$/;

/** package-lock.json v1 (nested `dependencies`), v2 and v3 (`packages` keyed by install path). */
export function parsePackageLock(file: string, text: string): LockfileContents {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message})`);
  }
  if (!isObject(doc)) throw new Error(`${file} is not a package-lock.json (no object at the top)`);
  const lines = text.split(/\r?\n/);
  const lineOfKey = new Map<string, number>();
  lines.forEach((line, i) => {
    const m = /^\s*"((?:[^"\\]|\\.)*node_modules\/(?:[^"\\]|\\.)*)"\s*:\s*\{/.exec(line);
    if (m && !lineOfKey.has(m[1] as string)) lineOfKey.set(m[1] as string, i + 1);
  });
  const dependencies: Dependency[] = [];
  const notes: LockfileNote[] = [];
  let skippedDev = 0;
  const add = (name: string, version: unknown, line?: number) => {
    if (typeof version !== 'string' || !EXACT_NPM_VERSION.test(version)) {
      notes.push({
        file,
        ...(line ? { line } : {}),
        message: `${name} is not installed from the registry at an exact version (${String(version)}), so it cannot be checked`,
      });
      return;
    }
    dependencies.push({ ecosystem: 'npm', name, version, file, ...(line ? { line } : {}) });
  };

  if (isObject(doc.packages)) {
    for (const [key, entry] of Object.entries(doc.packages)) {
      if (key === '' || !isObject(entry)) continue;
      // Workspace members and `link` entries are the project's own code, not registry packages.
      if (entry.link === true) continue;
      const pathName = nameFromPath(key);
      if (!pathName) continue;
      if (entry.dev === true) {
        skippedDev++;
        continue;
      }
      const name = typeof entry.name === 'string' ? entry.name : pathName;
      add(name, entry.version, lineOfKey.get(key));
    }
  } else if (isObject(doc.dependencies)) {
    const walk = (deps: Record<string, unknown>) => {
      for (const [name, entry] of Object.entries(deps)) {
        if (!isObject(entry)) continue;
        if (entry.dev === true) skippedDev++;
        else add(name, entry.version);
        if (isObject(entry.dependencies)) walk(entry.dependencies);
      }
    };
    walk(doc.dependencies);
  } else {
    throw new Error(`${file} has neither "packages" nor "dependencies"`);
  }
  return { file, format: 'package-lock.json', dependencies: unique(dependencies), skippedDev, notes };
}

const REQUIREMENT = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*(.*)$/;

/** requirements.txt: `name==version` pins are checked; anything else is named as not checkable. */
export function parseRequirements(file: string, text: string): LockfileContents {
  const dependencies: Dependency[] = [];
  const notes: LockfileNote[] = [];
  const raw = text.split(/\r?\n/);
  for (let i = 0; i < raw.length; i++) {
    const lineNo = i + 1;
    let line = raw[i] as string;
    // A trailing backslash continues the line (hash lists).
    while (line.endsWith('\\') && i + 1 < raw.length) line = line.slice(0, -1) + ' ' + (raw[++i] as string);
    line = line.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') continue;
    if (line.startsWith('-')) {
      if (/^(-r|--requirement|-c|--constraint)\b/.test(line))
        notes.push({
          file,
          line: lineNo,
          message: `${line.split(/\s+/)[0]} includes another file, which is not followed: list that file in scan-paths`,
        });
      else if (/^(-e|--editable)\b/.test(line))
        notes.push({ file, line: lineNo, message: 'an editable install is local code, not checked' });
      continue;
    }
    if (line.includes('://')) {
      notes.push({
        file,
        line: lineNo,
        message: 'a direct URL requirement is not from a package index, so it cannot be checked',
      });
      continue;
    }
    const m = REQUIREMENT.exec(line);
    const rest =
      (m?.[3] ?? '')
        .split(';')[0]
        ?.replace(/--hash=\S+/g, '')
        .trim() ?? '';
    const pin = /^===?\s*([^\s,*]+)$/.exec(rest);
    if (!m || !pin) {
      const name = m?.[1] ?? line.split(/\s/)[0];
      notes.push({
        file,
        line: lineNo,
        message: `${name} is not pinned with == (${rest || 'no version'}), so the installed version is unknown and cannot be checked: pin it`,
      });
      continue;
    }
    dependencies.push({
      ecosystem: 'PyPI',
      name: normalizePypiName(m[1] as string),
      version: pin[1] as string,
      file,
      line: lineNo,
    });
  }
  return { file, format: 'requirements.txt', dependencies: unique(dependencies), skippedDev: 0, notes };
}

/** The line of each `[[package]]` block's `name = "…"` in a TOML lockfile. */
function tomlPackageLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let inPackage = false;
  text.split(/\r?\n/).forEach((line, i) => {
    if (/^\s*\[\[package\]\]\s*$/.test(line)) inPackage = true;
    else if (/^\s*\[/.test(line)) inPackage = false;
    const m = inPackage ? /^\s*name\s*=\s*"([^"]+)"/.exec(line) : null;
    if (m) {
      const name = normalizePypiName(m[1] as string);
      if (!lines.has(name)) lines.set(name, i + 1);
      inPackage = false;
    }
  });
  return lines;
}

function tomlPackages(file: string, text: string): Record<string, unknown>[] {
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${file} is not valid TOML (${(error as Error).message.split('\n')[0]})`);
  }
  const packages = doc.package;
  if (packages === undefined) return [];
  if (!Array.isArray(packages)) throw new Error(`${file} has no [[package]] list`);
  return packages.filter(isObject);
}

/** poetry.lock: registry packages; `category = "dev"` (lock 1.x) or groups without `main` (2.x) are dev. */
export function parsePoetryLock(file: string, text: string): LockfileContents {
  const lineOf = tomlPackageLines(text);
  const dependencies: Dependency[] = [];
  const notes: LockfileNote[] = [];
  let skippedDev = 0;
  for (const pkg of tomlPackages(file, text)) {
    if (typeof pkg.name !== 'string' || typeof pkg.version !== 'string') continue;
    const name = normalizePypiName(pkg.name);
    const line = lineOf.get(name);
    const groups = Array.isArray(pkg.groups) ? pkg.groups : undefined;
    if (pkg.category === 'dev' || (groups && !groups.includes('main'))) {
      skippedDev++;
      continue;
    }
    const source = isObject(pkg.source) ? pkg.source : undefined;
    if (source && typeof source.type === 'string' && source.type !== 'legacy') {
      notes.push({
        file,
        ...(line ? { line } : {}),
        message: `${name} comes from a ${source.type} source, not a package index, so it cannot be checked`,
      });
      continue;
    }
    dependencies.push({ ecosystem: 'PyPI', name, version: pkg.version, file, ...(line ? { line } : {}) });
  }
  return { file, format: 'poetry.lock', dependencies: unique(dependencies), skippedDev, notes };
}

/**
 * uv.lock: packages with a `registry` source. The project itself (editable or virtual) is skipped. uv.lock
 * does not mark which packages only dev groups need, so those are scanned too.
 */
export function parseUvLock(file: string, text: string): LockfileContents {
  const lineOf = tomlPackageLines(text);
  const dependencies: Dependency[] = [];
  const notes: LockfileNote[] = [];
  for (const pkg of tomlPackages(file, text)) {
    if (typeof pkg.name !== 'string') continue;
    const name = normalizePypiName(pkg.name);
    const line = lineOf.get(name);
    const source = isObject(pkg.source) ? pkg.source : {};
    if ('editable' in source || 'virtual' in source) continue;
    if (!('registry' in source) || typeof pkg.version !== 'string') {
      const kind = Object.keys(source)[0] ?? 'unknown';
      notes.push({
        file,
        ...(line ? { line } : {}),
        message: `${name} comes from a ${kind} source, not a package index, so it cannot be checked`,
      });
      continue;
    }
    dependencies.push({ ecosystem: 'PyPI', name, version: pkg.version, file, ...(line ? { line } : {}) });
  }
  return { file, format: 'uv.lock', dependencies: unique(dependencies), skippedDev: 0, notes };
}

/** One entry per name and version (npm installs the same version at several paths). */
function unique(deps: Dependency[]): Dependency[] {
  const seen = new Map<string, Dependency>();
  for (const d of deps) {
    const key = `${d.ecosystem}\0${d.name}\0${d.version}`;
    if (!seen.has(key)) seen.set(key, d);
  }
  return [...seen.values()];
}
