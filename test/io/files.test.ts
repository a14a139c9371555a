import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expandGlobs } from '../../src/io/files.js';

function tree(paths: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'globs-'));
  for (const path of paths) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), '');
  }
  return root;
}

describe('expandGlobs', () => {
  const root = tree([
    'apps/a/fly.toml',
    'apps/old/fly.toml',
    'apps/b/fly.toml',
    'fly.toml',
    'node_modules/x/fly.toml',
    'apps/.hidden/fly.toml',
  ]);

  it('expands globs (not into dot directories, as globs do) and literal paths, never into node_modules', async () => {
    expect(await expandGlobs(root, ['**/fly.toml'])).toEqual({
      files: ['apps/a/fly.toml', 'apps/b/fly.toml', 'apps/old/fly.toml', 'fly.toml'],
      unmatched: [],
    });
    expect(await expandGlobs(root, ['fly.toml', './apps/a/fly.toml'])).toEqual({
      files: ['apps/a/fly.toml', 'fly.toml'],
      unmatched: [],
    });
  });

  it('removes what a !pattern matches, by whole relative path', async () => {
    expect((await expandGlobs(root, ['apps/*/fly.toml', '!apps/old/fly.toml'])).files).toEqual([
      'apps/a/fly.toml',
      'apps/b/fly.toml',
    ]);
    expect((await expandGlobs(root, ['apps/*/fly.toml', '!apps/{a,b}/**'])).files).toEqual([
      'apps/old/fly.toml',
    ]);
    expect((await expandGlobs(root, ['fly.toml', 'apps/a/fly.toml', '!fly.toml'])).files).toEqual([
      'apps/a/fly.toml',
    ]);
  });

  it('lists patterns that leave no file', async () => {
    expect(
      await expandGlobs(root, ['missing.toml', 'apps/*/none.toml', 'apps/old/fly.toml', '!apps/old/**']),
    ).toEqual({
      files: [],
      unmatched: ['missing.toml', 'apps/*/none.toml', 'apps/old/fly.toml'],
    });
  });
});
