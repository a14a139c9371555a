/** Secret values given to fly-validate never appear in stdout, stderr, outputs, summary or the report. */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, runAction } from '../../support/run-action.js';

const base = readFileSync(join(repoRoot, 'test', 'fixtures', 'fly-validate', 'base.toml'), 'utf8');
const dockerfile = readFileSync(join(repoRoot, 'test', 'fixtures', 'fly-validate', 'Dockerfile'), 'utf8');

const TOKEN_PARTS = ['fm2_lJPECAAAAAAAAMzKxBBQpartOne', 'fm2_lJPECAAAAAAAAMzKxBBQpartTwo'];
const TOKEN = `FlyV1 ${TOKEN_PARTS.join(',')}`;
const REQUIRED = {
  DATABASE_URL: 'postgres://rag:Sup3rS3cretPw@db.internal:5432/rag',
  OPENAI_API_KEY: 'sk-proj-Abcdefghijklmnop0123456789',
};
const ENV_SECRETS = {
  GH_HELPER: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
  SIGNING_KEY: 'q8Zr2Lx7Vt4Nw1Kp9Hs3Jd6Fg5Mb0Cy',
};

describe('fly-validate secret handling', () => {
  it('masks required secrets and every part of the token, and never prints secret-looking [env] values', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fly-validate-secrets-'));
    const env = Object.entries(ENV_SECRETS)
      .map(([k, v]) => `  ${k} = "${v}"`)
      .join('\n');
    writeFileSync(join(dir, 'fly.toml'), base.replace('  LOG_LEVEL = "info"', env));
    writeFileSync(join(dir, 'Dockerfile'), dockerfile);
    const result = await runAction('fly-validate', {
      cwd: dir,
      inputs: {
        'required-secrets': 'DATABASE_URL\nOPENAI_API_KEY',
        'require-fly-token': 'true',
        'require-clean-git': 'false',
        // [env] hygiene is policy: a warning unless asked for, so the step fails only with policy: error.
        policy: 'error',
      },
      env: { ...REQUIRED, FLY_API_TOKEN: TOKEN },
    });
    // The [env] secrets are errors under policy: error, so the step fails, naming the keys only.
    expect(result.exitCode).toBe(1);
    expect(result.annotations.filter((a) => a.title === 'secrets/env-value').length).toBe(2);

    for (const value of [...Object.values(REQUIRED), TOKEN, ...TOKEN_PARTS])
      expect(result.masks).toContain(value);
    // add-mask lines are consumed by the runner; everything else must be free of secrets.
    const visible = result.allText
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    const report = readFileSync(result.outputs.report as string, 'utf8');
    for (const value of [...Object.values(REQUIRED), ...TOKEN_PARTS, ...Object.values(ENV_SECRETS)]) {
      expect(visible).not.toContain(value);
      expect(report).not.toContain(value);
    }
  });
});
