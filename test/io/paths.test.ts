/** Path inputs refused before any work: each a one-line `Input '<name>'` error. */
import { afterAll, describe, expect, it } from '@jest/globals';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/domain/shared/errors.js';
import { checkPaths, type PathCheck } from '../../src/io/paths.js';

const root = mkdtempSync(join(tmpdir(), 'paths-'));
mkdirSync(join(root, 'apps/web'), { recursive: true });
mkdirSync(join(root, 'apps/empty'), { recursive: true });
mkdirSync(join(root, 'locked'));
writeFileSync(join(root, 'apps/web/fly.toml'), 'app = "web"\n');
writeFileSync(join(root, 'file.txt'), 'secret-looking content zzcontent\n');
chmodSync(join(root, 'locked'), 0o500);
afterAll(() => {
  chmodSync(join(root, 'locked'), 0o700);
  rmSync(root, { recursive: true, force: true });
});

const at = (p: string) => join(root, p);
const refusal = async (check: PathCheck): Promise<string> => {
  const error = await checkPaths([check]).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  const message = (error as Error).message;
  expect(message).not.toContain('zzcontent');
  expect(message).not.toContain('\n');
  return message;
};
const runningAsRoot = process.getuid?.() === 0;

describe('checkPaths', () => {
  it('accepts what is right', async () => {
    await expect(
      checkPaths([
        { input: 'working-directory', path: at('apps'), is: 'directory' },
        { input: 'config', path: at('apps/web/fly.toml'), is: 'fly-config' },
        { input: 'config', path: at('apps/web'), is: 'fly-config' },
        { input: 'baseline', path: at('missing.json'), is: 'file', optional: true },
        { input: 'report-path', path: at('new/deep/report.json'), is: 'output-file' },
        { input: 'files', globs: ['apps/*/fly.toml', '!apps/old', 'file.txt'], base: root, is: 'globs' },
      ]),
    ).resolves.toBeUndefined();
  });

  it.each<[string, PathCheck, RegExp]>([
    [
      'a missing working-directory',
      { input: 'working-directory', path: at('nope'), is: 'directory' },
      /^Input 'working-directory': ".*nope" does not exist\. Give an existing directory/,
    ],
    [
      'a working-directory that is a file',
      { input: 'working-directory', path: at('file.txt'), is: 'directory' },
      /is a file, not a directory/,
    ],
    [
      'a directory where a file is wanted',
      { input: 'baseline', path: at('apps'), is: 'file', optional: true },
      /^Input 'baseline': ".*apps" is a directory, not a file/,
    ],
    ['a missing file', { input: 'baseline', path: at('missing.json'), is: 'file' }, /does not exist/],
    [
      'a config directory without fly.toml',
      { input: 'config', path: at('apps/empty'), is: 'fly-config' },
      /is a directory without a fly\.toml/,
    ],
    [
      'a missing config',
      { input: 'config', path: at('apps/web/prod.toml'), is: 'fly-config' },
      /^Input 'config': .* does not exist/,
    ],
    [
      'a report path that is a directory',
      { input: 'report-path', path: at('apps'), is: 'output-file' },
      /is a directory; a file path is wanted/,
    ],
    [
      'a report path under a file',
      { input: 'summary-path', path: at('file.txt/out.json'), is: 'output-file' },
      /cannot be created: ".*file\.txt" is not a directory/,
    ],
    [
      'a literal glob that is a directory',
      { input: 'files', globs: ['apps/web'], base: root, is: 'globs' },
      /^Input 'files': "apps\/web" is a directory; files are wanted/,
    ],
  ])('refuses %s', async (_what, check, message) => {
    expect(await refusal(check)).toMatch(message);
  });

  (runningAsRoot ? it.skip : it)('refuses a report path in a directory the job cannot write to', async () => {
    expect(await refusal({ input: 'report-path', path: at('locked/sub/r.json'), is: 'output-file' })).toMatch(
      /cannot be created: ".*locked" is not writable/,
    );
  });

  it('creates nothing while checking', async () => {
    await checkPaths([{ input: 'report-path', path: at('never/made/r.json'), is: 'output-file' }]);
    expect(await refusal({ input: 'working-directory', path: at('never'), is: 'directory' })).toMatch(
      /does not exist/,
    );
  });
});
