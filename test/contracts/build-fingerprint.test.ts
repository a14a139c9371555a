/**
 * `npm run check-dist` skips its rebuild only while the fingerprint is the one a build or a full check
 * vouched for: every input of the build and every file of dist/ must move it, and nothing else may.
 */
import { describe, expect, it } from '@jest/globals';
import { appendFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildFingerprint } from '../../scripts/lib/build-fingerprint.mjs';

const FILES = [
  'src/actions/coverage-gate.ts',
  'src/domain/coverage/lcov.ts',
  'actions/coverage-gate/action.yml',
  'dist/coverage-gate/index.js',
  'dist/cli/743.index.js',
  'scripts/build.mjs',
  'scripts/action-specs.mjs',
  'scripts/lib/build-fingerprint.mjs',
  'package.json',
  'tsconfig.json',
  'node_modules/.package-lock.json',
];

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'fingerprint-'));
  for (const file of [...FILES, 'README.md', 'docs/flyctl-contract.md', 'test/a.test.ts']) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), `${file}\n`);
  }
  return root;
}

describe('the build fingerprint', () => {
  it('moves with every input of the build and every file in dist/', () => {
    const root = project();
    try {
      const seen = new Set([buildFingerprint(root)]);
      for (const file of FILES) {
        appendFileSync(join(root, file), ' ');
        const print = buildFingerprint(root);
        expect({ file, new: !seen.has(print) }).toEqual({ file, new: true });
        seen.add(print);
      }
      // A new file in dist/ (one the build does not produce) and a renamed source move it too.
      writeFileSync(join(root, 'dist', 'cli', 'extra.js'), '');
      expect(seen.has(buildFingerprint(root))).toBe(false);
      seen.add(buildFingerprint(root));
      renameSync(join(root, 'src/domain/coverage/lcov.ts'), join(root, 'src/domain/coverage/lcov2.ts'));
      expect(seen.has(buildFingerprint(root))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('stays put for what the build does not read, and for bytes moved between files', () => {
    const root = project();
    try {
      const before = buildFingerprint(root);
      for (const file of ['README.md', 'docs/flyctl-contract.md', 'test/a.test.ts'])
        appendFileSync(join(root, file), 'changed');
      expect(buildFingerprint(root)).toBe(before);
      // "ab" + "c" and "a" + "bc" are different inputs with the same concatenation.
      writeFileSync(join(root, 'src/actions/coverage-gate.ts'), 'ab');
      writeFileSync(join(root, 'src/domain/coverage/lcov.ts'), 'c');
      const one = buildFingerprint(root);
      writeFileSync(join(root, 'src/actions/coverage-gate.ts'), 'a');
      writeFileSync(join(root, 'src/domain/coverage/lcov.ts'), 'bc');
      expect(buildFingerprint(root)).not.toBe(one);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
