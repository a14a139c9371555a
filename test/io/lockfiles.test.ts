import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { findLockfiles } from '../../src/io/lockfiles.js';
import { writeFlyToml } from '../support/fly-toml.js';
import { repoRoot } from '../support/run-action.js';

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lockfiles-'));
  for (const app of ['mouth', 'backend-rag'])
    cpSync(join(repoRoot, 'apps', app), join(dir, 'apps', app), {
      recursive: true,
      filter: (src) => !src.includes('node_modules'),
    });
  mkdirSync(join(dir, 'apps/mouth/node_modules/x'), { recursive: true });
  writeFileSync(join(dir, 'apps/mouth/node_modules/x/package-lock.json'), '{}');
  mkdirSync(join(dir, 'tools'), { recursive: true });
  writeFileSync(join(dir, 'tools/requirements.txt'), 'black==24.1.0\n');
  return dir;
}

describe('finding lockfiles', () => {
  it('by default: each app directory (holding a fly.toml) with a lockfile, named by fly.toml app', async () => {
    const dir = workspace();
    const found = await findLockfiles(dir, []);
    expect(found.apps.map((a) => [a.app, a.directory, a.lockfiles.map((l) => l.file)])).toEqual([
      ['nuzantara-rag', 'apps/backend-rag', ['apps/backend-rag/requirements.txt']],
      ['nuzantara-mouth', 'apps/mouth', ['apps/mouth/package-lock.json']],
    ]);
    expect(found.apps[1]?.lockfiles[0]?.text).toContain('"lockfileVersion": 3');
  });

  it('scan-paths: directories and lockfiles, ! excludes; a pattern matching nothing is named', async () => {
    const dir = workspace();
    const found = await findLockfiles(dir, [
      'apps/*',
      'tools/requirements.txt',
      '!apps/backend-rag/**',
      'nowhere/',
    ]);
    expect(found.apps.map((a) => a.directory)).toEqual(['apps/mouth', 'tools']);
    expect(found.apps[1]?.app).toBe('tools');
    expect(found.unmatched).toEqual(['nowhere/']);
  });

  it('a directory whose fly.toml has no app is named by its path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockfiles-'));
    mkdirSync(join(dir, 'svc'));
    writeFlyToml(join(dir, 'svc'), 'fly.toml');
    writeFileSync(join(dir, 'svc/uv.lock'), 'version = 1\n');
    expect((await findLockfiles(dir, [])).apps.map((a) => a.app)).toEqual(['svc']);
  });
});
