import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { privateTempDir } from '../../src/cli/terminal-host.js';

const uid = process.getuid?.();
const posix = uid === undefined ? describe.skip : describe;

posix("the CLI's report directory", () => {
  let base: string;
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'temp-dir-test-'));
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('is per user and private, and the same on the next run', () => {
    const dir = privateTempDir(base);
    expect(dir).toBe(join(base, `nuzantara-${uid}`));
    const info = lstatSync(dir);
    expect(info.isDirectory()).toBe(true);
    expect(info.mode & 0o777).toBe(0o700);
    expect(privateTempDir(base)).toBe(dir);
  });

  it('never writes through a symlink planted where it would go', () => {
    const elsewhere = join(base, 'elsewhere');
    mkdirSync(elsewhere, { mode: 0o700 });
    symlinkSync(elsewhere, join(base, `nuzantara-${uid}`));
    const dir = privateTempDir(base);
    expect(dir).not.toBe(join(base, `nuzantara-${uid}`));
    expect(dir.startsWith(join(base, `nuzantara-${uid}-`))).toBe(true);
    expect(lstatSync(dir).mode & 0o777).toBe(0o700);
  });

  it('does not use a directory others can write to or read', () => {
    const shared = join(base, `nuzantara-${uid}`);
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    expect(privateTempDir(base)).not.toBe(shared);
  });
});
