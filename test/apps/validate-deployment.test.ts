/** scripts/deployment/validate-deployment.sh: a thin wrapper over `nuzantara validate` for both apps. */
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const script = join(repoRoot, 'scripts/deployment/validate-deployment.sh');
const bash = ['/bin/bash', '/usr/bin/bash'].find((path) => existsSync(path)) as string;

/** A PATH holding git and (when asked) this test's node, and nothing else. */
function toolsPath(withNode: boolean): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'validate-deployment-')), 'bin');
  mkdirSync(dir);
  if (withNode) symlinkSync(process.execPath, join(dir, 'node'));
  const git = ['/usr/bin/git', '/bin/git'].find((p) => existsSync(p));
  if (git) symlinkSync(git, join(dir, 'git'));
  return dir;
}

const run = (args: string[], path: string) =>
  spawnSync(bash, [script, ...args], {
    env: { PATH: path, HOME: tmpdir() },
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('validate-deployment.sh', () => {
  it('has --help', () => {
    const help = run(['--help'], toolsPath(true));
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("nuzantara validate --config 'apps/*/fly.toml'");
  });

  it('names a missing node clearly', () => {
    const missing = run([], toolsPath(false));
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe(
      'validate-deployment.sh: node is not on PATH; install Node.js 22.12+ or 24 (https://nodejs.org) and run again.',
    );
  });

  it("checks both apps' configs through the command, and passes its flags on", () => {
    const ok = run(['--no-require-clean-git'], toolsPath(true));
    expect(ok.stderr).not.toMatch(/ error:/);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('fly-validate passed: 2 config(s)');
    const bad = run(['--no-such-flag'], toolsPath(true));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown flag --no-such-flag');
  });
});
