import { glob, readFile, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';

/** Expands glob patterns (with `!` exclusions) relative to cwd; returns workspace-relative paths per pattern. */
export async function expandGlobs(
  cwd: string,
  patterns: readonly string[],
): Promise<{ files: string[]; unmatched: string[] }> {
  const excludes = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const pattern of patterns.filter((p) => !p.startsWith('!'))) {
    let matched = false;
    if (!/[*?[{]/.test(pattern)) {
      const path = isAbsolute(pattern) ? pattern : resolve(cwd, pattern);
      if (await isFile(path)) {
        files.add(relative(cwd, path) || pattern);
        matched = true;
      }
    } else {
      for await (const entry of glob(pattern, {
        cwd,
        exclude: (p: string) => p.includes('node_modules') || excludes.some((e) => p === e),
      })) {
        if (await isFile(resolve(cwd, entry))) {
          files.add(entry);
          matched = true;
        }
      }
    }
    if (!matched) unmatched.push(pattern);
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
