/**
 * fly-validate as one flow over injected edges: each config's model, readiness and [env] hygiene, the
 * Dockerfile it builds from, the environment (required secrets, the Fly token, tools, git), and, when asked
 * for or possible, flyctl's own `config validate` and the app's secrets on Fly. Returns the report.
 */
import { dirname, join } from 'node:path';
import { errorMessage } from '../shared/errors.js';
import type { Finding } from '../shared/findings.js';
import { redact } from '../shared/redact.js';
import { KeyLines } from '../fly-config/locate.js';
import { buildDockerfile, validateFlyConfig, type PolicyMode } from '../fly-config/validate.js';
import type { FlyTokenState } from '../flyctl/token.js';
import type { SecretEntry } from '../flyctl/shapes.js';
import { checkDockerfile } from './dockerfile-policy.js';
import { flySecretFindings, gitFindings, requiredSecretFindings, tokenFindings } from './preflight.js';
import { buildReport, markFailures, type CheckRun, type ValidateReport } from './report.js';

export type FlyctlValidateMode = 'auto' | 'true' | 'false';

export interface ValidateSettings {
  configPatterns: string[];
  strict: boolean;
  /** Severity of this project's own rules (readiness, [env] hygiene): flyctl has none of them. */
  policy: PolicyMode;
  requiredSecrets: string[];
  flySecrets: string[];
  requireCleanGit: boolean;
  dockerfileChecks: boolean;
  flyctlValidate: FlyctlValidateMode;
  dockerBuild: boolean;
  requireFlyToken: boolean;
  flyctlVersion: string;
  ignoreRules: string[];
  workingDirectory: string;
  reportPath: string;
}

/** The flyctl calls fly-validate makes. */
export interface ValidateFlyctl {
  validateConfig(config: string, options: { strict: boolean }): Promise<string[]>;
  listSecrets(app: string): Promise<SecretEntry[]>;
}

export interface ValidatePorts {
  expandGlobs(cwd: string, patterns: readonly string[]): Promise<{ files: string[]; unmatched: string[] }>;
  readText(path: string): Promise<string>;
  isFile(path: string): Promise<boolean>;
  /** A tool's path on PATH, or undefined. */
  which(tool: string): Promise<string | undefined>;
  gitState(cwd: string): Promise<{ isRepo: boolean; dirty: string[] }>;
  /** The environment required secrets are looked up in. */
  env: Readonly<Record<string, string | undefined>>;
  token: FlyTokenState;
  /** flyctl's path: from PATH or installed and verified. */
  installFlyctl(version: string): Promise<string>;
  flyctl(path: string, cwd: string): ValidateFlyctl;
  dockerEngine(): Promise<{ reachable: boolean; reason: string }>;
  dockerBuild(
    dockerfile: string,
    context: string,
  ): Promise<{ exitCode: number; stdout: string; stderr: string }>;
  notice(message: string): void;
}

export async function runValidation(
  settings: ValidateSettings,
  ports: ValidatePorts,
  /** Values to redact from anything flyctl or docker print. */
  secrets: readonly string[],
): Promise<ValidateReport> {
  const cwd = settings.workingDirectory;
  const findings: Finding[] = [];
  const checks: CheckRun[] = [];

  // Each config file, and the Dockerfile it builds from.
  const { files, unmatched } = await ports.expandGlobs(cwd, settings.configPatterns);
  const exclusions = settings.configPatterns.filter((p) => p.startsWith('!'));
  const excluding = exclusions.length ? ` once ${exclusions.join(', ')} are excluded` : '';
  for (const pattern of unmatched) {
    findings.push({
      rule: 'config/not-found',
      severity: 'error',
      file: '',
      message: `No fly.toml matches ${JSON.stringify(pattern)} in ${cwd}${excluding}.`,
      fix: 'Check the config input: paths are relative to working-directory.',
    });
  }
  // Nothing to validate is never a pass, even when no single pattern is to blame (only exclusions, none at all).
  if (files.length === 0 && unmatched.length === 0) {
    findings.push({
      rule: 'config/not-found',
      severity: 'error',
      file: '',
      message: `Nothing to validate: the config input (${settings.configPatterns.length ? settings.configPatterns.map((p) => JSON.stringify(p)).join(', ') : 'empty'}) selects no file in ${cwd}.`,
      fix: 'Give at least one path or glob to include, e.g. fly.toml or apps/*/fly.toml, before any ! exclusions.',
    });
  }
  const parsed = new Map<string, { source: string; doc: Record<string, unknown> | undefined }>();
  for (const file of files) {
    const source = await ports.readText(join(cwd, file));
    const result = validateFlyConfig(source, file, { strict: settings.strict, policy: settings.policy });
    parsed.set(file, { source, doc: result.doc });
    findings.push(...result.findings);
  }
  checks.push({
    name: 'fly.toml model',
    status: files.length === 0 ? 'failed' : 'passed',
    detail: `${files.length} file(s)${settings.strict ? ', strict' : ''}`,
  });

  const builds = new Map<string, { config: string; context: string }>();
  if (settings.dockerfileChecks || settings.dockerBuild) {
    for (const [file, { doc }] of parsed) {
      const dockerfile = buildDockerfile(file, doc);
      if (!dockerfile) continue;
      if (!(await ports.isFile(join(cwd, dockerfile)))) {
        findings.push({
          rule: 'docker/missing',
          severity: 'error',
          file,
          line: 1,
          message: `${file} builds from ${dockerfile}, which does not exist.`,
          fix: 'Add the Dockerfile, set [build] dockerfile to its path, or set [build] image to a prebuilt image.',
        });
        continue;
      }
      // flyctl builds with the app's directory (the config's) as the context.
      builds.set(dockerfile, { config: file, context: dirname(file) });
    }
  }
  if (settings.dockerfileChecks) {
    for (const dockerfile of builds.keys())
      findings.push(...checkDockerfile(await ports.readText(join(cwd, dockerfile)), dockerfile));
    checks.push({
      name: 'Dockerfile policy',
      status: 'passed',
      detail: builds.size ? [...builds.keys()].join(', ') : 'no Dockerfile to check',
    });
  } else checks.push({ name: 'Dockerfile policy', status: 'skipped', detail: 'dockerfile-checks is false' });

  // Tools, the token and the required secrets.
  findings.push(...requiredSecretFindings(settings.requiredSecrets, ports.env));
  checks.push({
    name: 'Required secrets',
    status: settings.requiredSecrets.length ? 'passed' : 'skipped',
    detail: settings.requiredSecrets.length ? `${settings.requiredSecrets.length} name(s)` : 'none listed',
  });
  const token = ports.token;
  const needsFlyctl = settings.flyctlValidate === 'true' || settings.flySecrets.length > 0;
  findings.push(...tokenFindings(token, settings.requireFlyToken || needsFlyctl));
  const gitPath = await ports.which('git');
  const flyctlOnPath = await ports.which('flyctl');
  checks.push({
    name: 'Tools',
    status: gitPath ? 'passed' : 'failed',
    detail: `git: ${gitPath || 'missing'}; flyctl: ${flyctlOnPath ?? `not on PATH (installable: ${settings.flyctlVersion}, SHA-256 verified)`}; Fly token: ${token.source ?? (token.shadowed ? 'hidden by an empty FLY_ACCESS_TOKEN' : 'none')}`,
  });
  if (!gitPath) {
    findings.push({
      rule: 'tools/git',
      severity: settings.requireCleanGit ? 'error' : 'warning',
      file: '',
      message: 'git is not on PATH.',
      fix: 'Install git on the runner (it is on every GitHub-hosted runner).',
    });
  }

  const git = gitFindings(await ports.gitState(cwd), settings.requireCleanGit);
  findings.push(...git.findings);
  checks.push(git.check);

  // flyctl's own validation, when asked for or possible.
  let flyctlPath: string | undefined;
  if (needsFlyctl) {
    try {
      flyctlPath = await ports.installFlyctl(settings.flyctlVersion);
    } catch (error) {
      findings.push({
        rule: 'tools/flyctl',
        severity: 'error',
        file: '',
        message: `flyctl is not on PATH and could not be installed: ${errorMessage(error)}`,
        fix: 'Check flyctl-version, or install flyctl before this step.',
      });
    }
  } else if (settings.flyctlValidate === 'auto' && token.token) flyctlPath = flyctlOnPath;
  const client = flyctlPath && token.token ? ports.flyctl(flyctlPath, cwd) : undefined;
  if (settings.flyctlValidate !== 'false' && client) {
    for (const file of files) {
      const problems = await client.validateConfig(file, { strict: settings.strict });
      if (problems.length > 0)
        findings.push({
          rule: 'flyctl/config-invalid',
          severity: 'error',
          file,
          line: 1,
          message: `flyctl config validate failed: ${redact(problems.join(' / '), secrets)}`,
          fix: `Run \`flyctl config validate${settings.strict ? ' --strict' : ''} -c ${file}\` locally and fix what it reports.`,
        });
    }
    checks.push({ name: 'flyctl config validate', status: 'passed', detail: `${files.length} file(s)` });
  } else {
    checks.push({
      name: 'flyctl config validate',
      status: 'skipped',
      detail:
        settings.flyctlValidate === 'false'
          ? 'flyctl-validate is false'
          : !token.token
            ? 'no Fly token'
            : 'flyctl not on PATH',
    });
  }

  // Secrets the apps must already have on Fly.
  if (settings.flySecrets.length > 0 && client) {
    for (const [file, { source, doc }] of parsed) {
      if (typeof doc?.app !== 'string') continue;
      const line = new KeyLines(source).lineOf('app');
      try {
        findings.push(
          ...flySecretFindings(doc.app, file, line, settings.flySecrets, await client.listSecrets(doc.app)),
        );
      } catch (error) {
        findings.push({
          rule: 'secrets/fly-unchecked',
          severity: 'error',
          file,
          line,
          message: `Could not list the secrets of Fly app ${doc.app}: ${errorMessage(error)}`,
          fix: 'Check that the token may read this app (a deploy token for it, or an org token) and that the app exists.',
        });
      }
    }
    checks.push({
      name: 'Fly secrets',
      status: 'passed',
      detail: `${settings.flySecrets.length} name(s) on ${parsed.size} app(s)`,
    });
  } else {
    checks.push({
      name: 'Fly secrets',
      status: 'skipped',
      detail: settings.flySecrets.length ? 'no flyctl or no Fly token' : 'fly-secrets is empty',
    });
  }

  // A Docker build as a test, when an engine is there.
  if (settings.dockerBuild) {
    const engine = await ports.dockerEngine();
    if (!engine.reachable) {
      ports.notice(`Docker build skipped: ${engine.reason}.`);
      checks.push({ name: 'Docker build', status: 'skipped', detail: engine.reason });
    } else {
      for (const [dockerfile, { context }] of builds) {
        const result = await ports.dockerBuild(join(cwd, dockerfile), join(cwd, context));
        if (result.exitCode !== 0) {
          const tail = redact(`${result.stdout}\n${result.stderr}`, secrets)
            .trim()
            .split('\n')
            .slice(-5)
            .join(' / ');
          findings.push({
            rule: 'docker/build-failed',
            severity: 'error',
            file: dockerfile,
            line: 1,
            message: `docker build failed (exit ${result.exitCode}): ${tail}`,
            fix: 'Reproduce with docker build locally and fix the failing instruction.',
          });
        }
      }
      checks.push({
        name: 'Docker build',
        status: 'passed',
        detail: `${builds.size} image(s) on ${engine.reason}`,
      });
    }
  } else checks.push({ name: 'Docker build', status: 'skipped', detail: 'docker-build is false' });

  const kept = findings.filter((f) => !settings.ignoreRules.includes(f.rule));
  return buildReport(files, markFailures(checks, kept), kept);
}
