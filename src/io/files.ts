import { readFile, stat } from 'node:fs/promises';
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
      // tinyglobby rather than fs.glob: the same results on every Node the CLI supports (fs.glob is
      // experimental before 22.17 and in early 24.x, and warns).
      // Loaded when a pattern has wildcards: most runs name their files.
      const { glob } = await import('tinyglobby');
      const entries = await glob(pattern, {
        cwd,
        ignore: ['**/node_modules/**'],
        onlyFiles: true,
        expandDirectories: false,
      });
      found.push(...entries.map(toPosix));
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

/** A program's path on PATH, or undefined. */
export async function which(tool: string): Promise<string | undefined> {
  const io = await import('@actions/io');
  return (await io.which(tool, false)) || undefined;
}
