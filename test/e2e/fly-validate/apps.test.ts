import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { repoRoot, runAction } from '../../support/run-action.js';

describe('fly-validate on the repository apps', () => {
  it('passes both app configs with everything enforced: strict and policy error', async () => {
    const result = await runAction('fly-validate', {
      cwd: repoRoot,
      inputs: {
        config: 'apps/backend-rag/fly.toml\napps/mouth/fly.toml',
        strict: 'true',
        policy: 'error',
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

  it('fails, never valid, when the globs match nothing or only exclusions are given', async () => {
    const none = await runAction('fly-validate', {
      cwd: repoRoot,
      inputs: { config: 'apps/*/fly.production.toml', 'require-clean-git': 'false' },
    });
    expect(none.exitCode).toBe(1);
    expect(none.outputs.valid).toBe('false');
    expect(none.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', title: 'config/not-found' }),
    );
    expect(JSON.parse(readFileSync(none.outputs.report as string, 'utf8'))).toMatchObject({
      valid: false,
      files: [],
    });
    const excluded = await runAction('fly-validate', {
      cwd: repoRoot,
      inputs: { config: '!apps/mouth/fly.toml', 'require-clean-git': 'false' },
    });
    expect(excluded.exitCode).toBe(1);
    expect(excluded.outputs.valid).toBeUndefined();
    expect(excluded.allText).toContain("Input 'config': names no file: it holds only ! exclusions");
  });
});
