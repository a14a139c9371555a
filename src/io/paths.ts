/**
 * Path inputs checked before any work: a directory that must exist, a file that must be a file, a report
 * that must be creatable. Each problem is one `Input '<name>'` error; nothing is created or read here (a
 * file's content never reaches a message).
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../domain/shared/errors.js';

export type PathCheck =
  /** An existing directory (working-directory). */
  | { input: string; path: string; is: 'directory' }
  /** An existing file; with `optional`, a missing one is fine (a baseline not saved yet), a directory is not. */
  | { input: string; path: string; is: 'file'; optional?: boolean }
  /** A fly.toml for flyctl's -c: a file, or a directory holding fly.toml (contract §4). */
  | { input: string; path: string; is: 'fly-config' }
  /** A file the run writes: not a directory, and its directory exists or can be created. */
  | { input: string; path: string; is: 'output-file' }
  /** Literal paths among globs (relative to `base`) must not be directories. */
  | { input: string; globs: readonly string[]; base: string; is: 'globs' };

async function kind(path: string): Promise<'file' | 'directory' | 'other' | undefined> {
  try {
    const s = await stat(path);
    return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
  } catch {
    return undefined;
  }
}

/** The path as a person wrote it: relative to the current directory when under it. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return JSON.stringify(rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path);
}

/** Why a file cannot be created at `path`, or undefined when it can (nothing is created to find out). */
async function notCreatable(path: string): Promise<string | undefined> {
  const what = await kind(path);
  if (what === 'directory') return `${shown(path)} is a directory; a file path is wanted`;
  if (what === 'file') {
    return access(path, constants.W_OK).then(
      () => undefined,
      () => `${shown(path)} exists and is not writable`,
    );
  }
  let dir = dirname(path);
  for (;;) {
    const found = await kind(dir);
    if (found === 'directory')
      return access(dir, constants.W_OK | constants.X_OK).then(
        () => undefined,
        () => `${shown(path)} cannot be created: ${shown(dir)} is not writable`,
      );
    if (found !== undefined) return `${shown(path)} cannot be created: ${shown(dir)} is not a directory`;
    const parent = dirname(dir);
    if (parent === dir) return `${shown(path)} cannot be created`;
    dir = parent;
  }
}

const IS_GLOB = /[*?[{]/;

async function problem(check: PathCheck): Promise<[string, string] | undefined> {
  switch (check.is) {
    case 'directory': {
      const found = await kind(check.path);
      if (found === 'directory') return undefined;
      return [
        found === undefined
          ? `${shown(check.path)} does not exist`
          : `${shown(check.path)} is a file, not a directory`,
        'Give an existing directory, relative to the workspace (the checkout).',
      ];
    }
    case 'file': {
      const found = await kind(check.path);
      if (found === 'file' || (found === undefined && check.optional)) return undefined;
      return [
        found === undefined
          ? `${shown(check.path)} does not exist`
          : `${shown(check.path)} is a directory, not a file`,
        'Give the path of a file.',
      ];
    }
    case 'fly-config': {
      const found = await kind(check.path);
      if (found === 'file') return undefined;
      if (found === 'directory' && (await kind(join(check.path, 'fly.toml'))) === 'file') return undefined;
      return [
        found === undefined
          ? `${shown(check.path)} does not exist`
          : `${shown(check.path)} is a directory without a fly.toml`,
        'Give the path of the fly.toml, relative to working-directory.',
      ];
    }
    case 'output-file': {
      const why = await notCreatable(check.path);
      return why ? [why, 'Give a file path in a directory the job can write to.'] : undefined;
    }
    case 'globs': {
      for (const pattern of check.globs) {
        if (pattern.startsWith('!') || IS_GLOB.test(pattern)) continue;
        const path = resolve(check.base, pattern);
        if ((await kind(path)) === 'directory')
          return [
            `${JSON.stringify(pattern)} is a directory; files are wanted`,
            `Name the files in it, e.g. ${pattern.replace(/\/+$/, '')}/**/* or the file's own path.`,
          ];
      }
      return undefined;
    }
  }
}

/** Throws the first problem as an InputError naming its input; checks run in the order given. */
export async function checkPaths(checks: readonly PathCheck[]): Promise<void> {
  for (const check of checks) {
    const found = await problem(check);
    if (found) throw new InputError(check.input, found[0], found[1]);
  }
}
