// What decides dist/, and dist/ itself, as one hash: `build.mjs --check` skips the rebuild while it is the
// one a build or a full check last vouched for (the way eslint's and prettier's --cache skip a file).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Files under dir, relative to it, with forward slashes. */
export function listFiles(dir, prefix = '') {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listFiles(join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`],
  );
}

/**
 * The sources, the contracts, the build scripts, the installed packages (npm's own record of
 * node_modules), the Node version and every file in dist/: the build is reproducible, so the same
 * fingerprint means the same check result.
 */
export function buildFingerprint(root) {
  const hash = createHash('sha256').update(process.version);
  const paths = [
    ...['src', 'actions', 'dist'].flatMap((dir) => listFiles(join(root, dir)).map((f) => `${dir}/${f}`)),
    'scripts/build.mjs',
    'scripts/action-specs.mjs',
    'scripts/lib/build-fingerprint.mjs',
    'package.json',
    'tsconfig.json',
    'node_modules/.package-lock.json',
  ].sort();
  for (const path of paths) {
    const file = join(root, path);
    // The name and the length frame each file, so moving bytes between files changes the hash.
    const content = existsSync(file) ? readFileSync(file) : undefined;
    hash.update(`\0${path}\0${content ? content.length : -1}\0`);
    if (content) hash.update(content);
  }
  return hash.digest('hex');
}
