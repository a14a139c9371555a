/**
 * The validation flow over in-memory edges: nothing to validate is an error, never `valid: true`, whatever
 * the reason (a pattern matching nothing, every match excluded, no pattern to include at all), and the
 * policy setting decides how this project's own rules report.
 */
import { describe, expect, it } from '@jest/globals';
import {
  runValidation,
  type ValidatePorts,
  type ValidateSettings,
} from '../../../src/domain/validate/flow.js';

const SETTINGS: ValidateSettings = {
  configPatterns: ['fly.toml'],
  strict: false,
  policy: 'warn',
  requiredSecrets: [],
  flySecrets: [],
  requireCleanGit: false,
  dockerfileChecks: false,
  flyctlValidate: 'false',
  dockerBuild: false,
  requireFlyToken: false,
  flyctlVersion: 'latest',
  ignoreRules: [],
  workingDirectory: '/srv/app',
  reportPath: '/tmp/report.json',
};

function ports(files: Record<string, string>, globs: ValidatePorts['expandGlobs']): ValidatePorts {
  const fail = () => Promise.reject(new Error('not used here'));
  return {
    expandGlobs: globs,
    readText: async (path) => files[path] ?? '',
    isFile: async (path) => path in files,
    which: async (tool) => `/usr/bin/${tool}`,
    gitState: async () => ({ isRepo: true, dirty: [] }),
    env: {},
    token: { token: undefined, source: undefined, shadowed: false },
    installFlyctl: fail,
    flyctl: () => ({ validateConfig: fail, listSecrets: fail }),
    dockerEngine: async () => ({ reachable: false, reason: 'none' }),
    dockerBuild: fail,
    notice: () => undefined,
  };
}

const NO_FILES = async () => ({ files: [], unmatched: [] });

describe('runValidation with nothing to validate', () => {
  it('is an error when the patterns hold nothing to include', async () => {
    const report = await runValidation(
      { ...SETTINGS, configPatterns: ['!apps/old/fly.toml'] },
      ports({}, NO_FILES),
      [],
    );
    expect(report.valid).toBe(false);
    expect(report.findings).toEqual([
      expect.objectContaining({
        rule: 'config/not-found',
        severity: 'error',
        message: 'Nothing to validate: the config input ("!apps/old/fly.toml") selects no file in /srv/app.',
      }),
    ]);
  });

  it('names the exclusions when a pattern matched only excluded files', async () => {
    const report = await runValidation(
      { ...SETTINGS, configPatterns: ['apps/*/fly.toml', '!apps/**'] },
      ports({}, async () => ({ files: [], unmatched: ['apps/*/fly.toml'] })),
      [],
    );
    expect(report.valid).toBe(false);
    expect(report.findings.map((f) => f.message)).toEqual([
      'No fly.toml matches "apps/*/fly.toml" in /srv/app once !apps/** are excluded.',
    ]);
  });

  it('is not valid with zero files even when the not-found rule is ignored', async () => {
    const report = await runValidation(
      { ...SETTINGS, ignoreRules: ['config/not-found'] },
      ports({}, NO_FILES),
      [],
    );
    expect(report).toMatchObject({ valid: false, errors: 0, files: [] });
  });
});

describe('runValidation policy', () => {
  const toml = 'app = "a"\n[http_service]\n  internal_port = 8080\n';
  const one = async () => ({ files: ['fly.toml'], unmatched: [] });

  it('reports readiness as warnings by default and as errors with policy error', async () => {
    const loose = await runValidation(SETTINGS, ports({ '/srv/app/fly.toml': toml }, one), []);
    expect(loose.valid).toBe(true);
    expect(loose.findings.filter((f) => f.rule.startsWith('ready/')).map((f) => f.severity)).not.toContain(
      'error',
    );
    const enforced = await runValidation(
      { ...SETTINGS, policy: 'error' },
      ports({ '/srv/app/fly.toml': toml }, one),
      [],
    );
    expect(enforced.valid).toBe(false);
    expect(enforced.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(
      expect.arrayContaining(['ready/primary-region', 'ready/health-check']),
    );
  });
});
