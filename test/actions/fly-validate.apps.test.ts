import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runAction } from '../harness/run-action.js';

describe('fly-validate on the repository apps', () => {
  it('passes both app configs with strict: true', async () => {
    const result = await runAction('fly-validate', {
      cwd: repoRoot,
      inputs: {
        config: 'apps/backend-rag/fly.toml\napps/mouth/fly.toml',
        strict: 'true',
        'require-clean-git': 'false',
      },
    });
    expect(result.stderr).toBe('');
    expect(result.annotations.filter((a) => a.level !== 'notice')).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.outputs.valid).toBe('true');
    expect(result.outputs.errors).toBe('0');
    const report = JSON.parse(readFileSync(result.outputs.report as string, 'utf8'));
    expect(report.files).toEqual(['apps/backend-rag/fly.toml', 'apps/mouth/fly.toml']);
    expect(result.summary).toContain('ready to deploy');
    expect(result.summary).toContain('`apps/mouth/fly.toml`');
  });
});

describe('fly-validate config globs', () => {
  it('expands globs and honours ! excludes', async () => {
    const result = await runAction('fly-validate', {
      cwd: repoRoot,
      inputs: { config: 'apps/*/fly.toml\n!apps/mouth/**', 'require-clean-git': 'false' },
    });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(readFileSync(result.outputs.report as string, 'utf8')).files).toEqual([
      'apps/backend-rag/fly.toml',
    ]);
  });
});

describe('scripts/deployment/validate.mjs', () => {
  it('runs the same bundle from a terminal and prints findings readably', () => {
    const run = (args: string[]) =>
      spawnSync(process.execPath, [join(repoRoot, 'scripts/deployment/validate.mjs'), ...args], {
        cwd: repoRoot,
        encoding: 'utf8',
      });
    const ok = run(['--config', 'apps/mouth/fly.toml', '--strict', '--require-clean-git', 'false']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('fly-validate passed: 1 config(s)');
    expect(ok.stdout).toContain('valid = true');
    const bad = run(['--config', 'apps/mouth/fly.toml', '--strict', 'maybe']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain(`ERROR: Input 'strict': "maybe" is not a boolean. Use true or false.`);
    expect(run(['--no-such-input']).status).toBe(2);
  });
});
