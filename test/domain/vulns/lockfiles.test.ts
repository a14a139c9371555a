import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { normalizePypiName, parseLockfile } from '../../../src/domain/vulns/lockfiles.js';
import { repoRoot } from '../../support/run-action.js';

const fixture = (name: string) => readFileSync(join(repoRoot, 'test/fixtures/lockfiles', name), 'utf8');
const pins = (deps: { name: string; version: string }[]) => deps.map((d) => `${d.name}@${d.version}`);

describe('package-lock.json', () => {
  it('reads the repository frontend lockfile (v3): registry packages, not the root', () => {
    const text = readFileSync(join(repoRoot, 'apps/mouth/package-lock.json'), 'utf8');
    const lock = parseLockfile('apps/mouth/package-lock.json', text);
    expect(pins(lock.dependencies)).toContain('prom-client@15.1.3');
    expect(pins(lock.dependencies)).not.toContain('nuzantara-mouth@1.0.0');
    const prom = lock.dependencies.find((d) => d.name === 'prom-client');
    expect(text.split('\n')[(prom?.line ?? 0) - 1]).toContain('"node_modules/prom-client"');
    expect(lock.dependencies.every((d) => d.ecosystem === 'npm')).toBe(true);
  });

  it('v2/v3: skips dev and link entries, takes nested and scoped names, and aliased real names', () => {
    const text = JSON.stringify(
      {
        lockfileVersion: 3,
        packages: {
          '': { name: 'app' },
          'node_modules/a': { version: '1.0.0' },
          'node_modules/a/node_modules/@scope/b': { version: '2.0.0' },
          'node_modules/jest': { version: '29.0.0', dev: true },
          'node_modules/ws-local': { resolved: 'packages/ws', link: true },
          'packages/ws': { version: '0.0.1' },
          'node_modules/alias': { name: 'real-name', version: '3.1.4' },
          'node_modules/gitdep': { version: 'git+ssh://git@example.invalid/x.git#abc' },
        },
      },
      null,
      2,
    );
    const lock = parseLockfile('package-lock.json', text);
    expect(pins(lock.dependencies).sort()).toEqual(['@scope/b@2.0.0', 'a@1.0.0', 'real-name@3.1.4']);
    expect(lock.skippedDev).toBe(1);
    expect(lock.notes).toHaveLength(1);
    expect(lock.notes[0]?.message).toContain('gitdep');
    const line = lock.dependencies.find((d) => d.name === '@scope/b')?.line ?? 0;
    expect(text.split('\n')[line - 1]).toContain('"node_modules/a/node_modules/@scope/b": {');
  });

  it('v1: walks nested dependencies, skips dev, names what is not from the registry', () => {
    const lock = parseLockfile('package-lock.json', fixture('package-lock-v1.json'));
    expect(pins(lock.dependencies).sort()).toEqual(['express@4.17.1', 'lodash@4.17.20', 'qs@6.7.0']);
    expect(lock.skippedDev).toBe(1);
    expect(lock.notes.map((n) => n.message).join()).toContain('local-lib');
  });

  it('refuses a file that is not JSON, naming it', () => {
    expect(() => parseLockfile('x/package-lock.json', '{ nope')).toThrow(
      /x\/package-lock.json is not valid JSON/,
    );
  });
});

describe('requirements.txt', () => {
  it('reads the repository backend requirements: every line is pinned', () => {
    const lock = parseLockfile(
      'apps/backend-rag/requirements.txt',
      readFileSync(join(repoRoot, 'apps/backend-rag/requirements.txt'), 'utf8'),
    );
    expect(lock.notes).toEqual([]);
    expect(pins(lock.dependencies)).toEqual(
      expect.arrayContaining(['requests@2.32.3', 'typing-extensions@4.12.2']),
    );
  });

  it('takes == pins (extras, markers, hashes), normalises names, and names every line it cannot check', () => {
    const lock = parseLockfile('requirements.txt', fixture('requirements.txt'));
    expect(pins(lock.dependencies)).toEqual(['django@3.2.0', 'jinja2@2.4.1', 'zope-interface@5.4.0']);
    expect(lock.dependencies.map((d) => d.line)).toEqual([2, 3, 4]);
    const notes = lock.notes.map((n) => `${n.line}: ${n.message}`);
    expect(notes).toEqual([
      expect.stringMatching(/^6: requests is not pinned with == \(>=2.0\)/),
      expect.stringMatching(/^7: flask is not pinned with == \(no version\)/),
      expect.stringMatching(/^8: -r includes another file/),
      expect.stringMatching(/^9: an editable install/),
      expect.stringMatching(/^10: a direct URL requirement/),
    ]);
  });
});

describe('poetry.lock and uv.lock', () => {
  it('poetry 1.x: category dev is skipped, git sources are named', () => {
    const lock = parseLockfile('poetry.lock', fixture('poetry-1.lock'));
    expect(pins(lock.dependencies)).toEqual(['jinja2@2.4.1']);
    expect(lock.skippedDev).toBe(1);
    expect(lock.notes[0]?.message).toContain('internal-tools comes from a git source');
    expect(lock.dependencies[0]?.line).toBe(4);
  });

  it('poetry 2.x: packages outside the main group are dev', () => {
    const lock = parseLockfile('poetry.lock', fixture('poetry-2.lock'));
    expect(pins(lock.dependencies)).toEqual(['certifi@2024.8.30', 'charset-normalizer@3.4.0']);
    expect(lock.skippedDev).toBe(1);
  });

  it('uv.lock: registry packages; the project itself skipped; git sources named', () => {
    const lock = parseLockfile('uv.lock', fixture('uv.lock'));
    expect(pins(lock.dependencies)).toEqual(['requests@2.32.3', 'urllib3@1.26.4']);
    expect(lock.notes.map((n) => n.message)).toEqual([
      expect.stringContaining('vendored-sdk comes from a git source'),
    ]);
  });

  it('refuses TOML that does not parse', () => {
    expect(() => parseLockfile('a/uv.lock', '[[package]\nname=')).toThrow(/a\/uv.lock is not valid TOML/);
  });
});

it('normalises PyPI names as PEP 503 says', () => {
  expect(normalizePypiName('Zope.Interface__X--y')).toBe('zope-interface-x-y');
});
