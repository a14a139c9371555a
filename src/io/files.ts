import { glob, readFile, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

const toPosix = (path: string) => path.split(sep).join('/');

/**
 * Expands glob patterns relative to cwd into sorted, workspace-relative POSIX paths. A `!pattern` removes
 * what it matches (on the relative path) from every other pattern's results; node_modules is never
 * searched. `unmatched` lists the patterns that left no file.
 */
export async function expandGlobs(
  cwd: string,
  patterns: readonly string[],
): Promise<{ files: string[]; unmatched: string[] }> {
  const excluded = picomatch(
    patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1)),
    { dot: true },
  );
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const pattern of patterns.filter((p) => !p.startsWith('!'))) {
    const found: string[] = [];
    if (!/[*?[{]/.test(pattern)) {
      const path = isAbsolute(pattern) ? pattern : resolve(cwd, pattern);
      if (await isFile(path)) found.push(toPosix(relative(cwd, path)) || pattern);
    } else {
      // fs.glob hands `exclude` a name only, so it can prune directories but not match whole paths.
      for await (const entry of glob(pattern, { cwd, exclude: (name: string) => name === 'node_modules' })) {
        if (await isFile(resolve(cwd, entry))) found.push(toPosix(entry));
      }
    }
    const kept = found.filter((path) => !excluded(path));
    for (const path of kept) files.add(path);
    if (kept.length === 0) unmatched.push(pattern);
  }
  return { files: [...files].sort(), unmatched };
}

export async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

export async function readText(path: string): Promise<string> {
  return readFile(path, 'utf8');
}
