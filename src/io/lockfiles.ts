/**
 * Finds the lockfiles of what is deployed: by default each app directory (one holding a fly.toml) with a
 * lockfile; else the `scan-paths` globs, each naming app directories or lockfiles. Reads them for the scan.
 */
import { dirname, join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { LOCKFILE_NAMES, lockfileFormat } from '../domain/vulns/lockfiles.js';
import type { ScanApp } from '../domain/vulns/scan.js';
import { expandGlobs, isFile, readText } from './files.js';

export interface FoundLockfiles {
  apps: ScanApp[];
  /** Patterns that matched no lockfile. */
  unmatched: string[];
}

/** The app a directory deploys: fly.toml's `app`, else the directory itself. */
async function appName(cwd: string, directory: string): Promise<string> {
  const path = join(cwd, directory, 'fly.toml');
  if (!(await isFile(path))) return directory;
  try {
    const app = (parseToml(await readText(path)) as { app?: unknown }).app;
    return typeof app === 'string' && app.trim() ? app.trim() : directory;
  } catch {
    return directory;
  }
}

export async function findLockfiles(cwd: string, patterns: readonly string[]): Promise<FoundLockfiles> {
  const excludes = patterns.filter((p) => p.startsWith('!'));
  let files: string[];
  const unmatched: string[] = [];
  if (patterns.filter((p) => !p.startsWith('!')).length === 0) {
    const tomls = await expandGlobs(cwd, ['**/fly.toml', ...excludes]);
    const dirs = [...new Set(tomls.files.map((f) => dirname(f)))];
    files = (
      await expandGlobs(cwd, [...dirs.flatMap((d) => LOCKFILE_NAMES.map((n) => posix(d, n))), ...excludes])
    ).files;
  } else {
    files = [];
    for (const pattern of patterns.filter((p) => !p.startsWith('!'))) {
      const expanded = lockfileFormat(pattern)
        ? [pattern]
        : LOCKFILE_NAMES.map((n) => posix(pattern.replace(/\/+$/, ''), n));
      const found = (await expandGlobs(cwd, [...expanded, ...excludes])).files.filter((f) =>
        lockfileFormat(f),
      );
      if (found.length === 0) unmatched.push(pattern);
      files.push(...found);
    }
  }
  const byDir = new Map<string, string[]>();
  for (const file of [...new Set(files)].sort()) {
    const dir = dirname(file);
    byDir.set(dir, [...(byDir.get(dir) ?? []), file]);
  }
  const apps: ScanApp[] = [];
  for (const [directory, lockfiles] of byDir) {
    apps.push({
      app: await appName(cwd, directory),
      directory,
      lockfiles: await Promise.all(
        lockfiles.map(async (file) => ({ file, text: await readText(join(cwd, file)) })),
      ),
    });
  }
  return { apps, unmatched };
}

const posix = (dir: string, name: string) => (dir === '.' || dir === '' ? name : `${dir}/${name}`);
