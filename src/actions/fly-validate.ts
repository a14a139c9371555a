/** fly-validate: the pre-deploy gate. Turns inputs into settings, runs the checks, reports. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import * as core from '@actions/core';
import * as io from '@actions/io';
import { errorMessage } from '../domain/errors.js';
import { redact } from '../domain/redact.js';
import type { Finding } from '../domain/findings.js';
import { buildDockerfile, validateFlyConfig } from '../domain/fly-config/validate.js';
import { checkDockerfile } from '../domain/dockerfile-policy.js';
import {
  flySecretFindings,
  gitFindings,
  requiredSecretFindings,
  tokenFindings,
} from '../domain/preflight.js';
import { KeyLines } from '../domain/fly-config/locate.js';
import { FlyctlClient } from '../io/flyctl.js';
import { buildReport, markFailures, reportMarkdown, type CheckRun } from '../domain/validate-report.js';
import { dockerBuild, dockerEngineReachable } from '../io/docker.js';
import { expandGlobs, isFile, readText } from '../io/files.js';
import { setupFlyctl } from '../runner/flyctl.js';
import { gitState } from '../io/git.js';
import { input } from '../runner/inputs.js';
import { annotate, setOutputs, writeSummary } from '../runner/report.js';
import { runAction } from '../runner/run.js';
import { maskSecret, readFlyToken } from '../runner/secrets.js';

interface Settings {
  configPatterns: string[];
  strict: boolean;
  requiredSecrets: string[];
  flySecrets: string[];
  requireCleanGit: boolean;
  dockerfileChecks: boolean;
  flyctlValidate: 'auto' | 'true' | 'false';
  dockerBuild: boolean;
  requireFlyToken: boolean;
  flyctlVersion: string;
  ignoreRules: string[];
  workingDirectory: string;
  reportPath: string;
}

function readSettings(): Settings {
  const workingDirectory = resolve(input.string('working-directory') || '.');
  return {
    configPatterns: input.globs('config'),
    strict: input.boolean('strict'),
    requiredSecrets: input.names('required-secrets'),
    flySecrets: input.names('fly-secrets'),
    requireCleanGit: input.boolean('require-clean-git'),
    dockerfileChecks: input.boolean('dockerfile-checks'),
    flyctlValidate: input.choice('flyctl-validate', ['auto', 'true', 'false'] as const),
    dockerBuild: input.boolean('docker-build'),
    requireFlyToken: input.boolean('require-fly-token'),
    flyctlVersion: input.string('flyctl-version') || 'latest',
    ignoreRules: input.list('ignore-rules'),
    workingDirectory,
    reportPath: resolve(
      workingDirectory,
      input.optional('report-path') ??
        join(process.env.RUNNER_TEMP ?? workingDirectory, 'fly-validate-report.json'),
    ),
  };
}

async function main(): Promise<void> {
  const settings = readSettings();
  // Mask before anything can print: required secrets and every part of the Fly token.
  const secretValues: string[] = [];
  for (const name of settings.requiredSecrets) {
    const value = process.env[name];
    if (value) {
      maskSecret(value);
      secretValues.push(value);
    }
  }
  const token = readFlyToken();
  secretValues.push(...token.secrets);

  const cwd = settings.workingDirectory;
  const findings: Finding[] = [];
  const checks: CheckRun[] = [];

  // 1-4: each config file, and its Dockerfile (7).
  const { files, unmatched } = await expandGlobs(cwd, settings.configPatterns);
  for (const pattern of unmatched) {
    findings.push({
      rule: 'config/not-found',
      severity: 'error',
      file: '',
      message: `No fly.toml matches ${JSON.stringify(pattern)} in ${cwd}.`,
      fix: 'Check the config input: paths are relative to working-directory.',
    });
  }
  const parsed = new Map<string, { source: string; doc: Record<string, unknown> | undefined }>();
  for (const file of files) {
    const source = await readText(join(cwd, file));
    const result = validateFlyConfig(source, file, { strict: settings.strict });
    parsed.set(file, { source, doc: result.doc });
    findings.push(...result.findings);
  }
  checks.push({
    name: 'fly.toml model',
    status: files.length === 0 ? 'failed' : 'passed',
    detail: `${files.length} file(s)${settings.strict ? ', strict' : ''}`,
  });

  // The Dockerfile each config builds from: policy-checked, and built as a test when asked.
  const builds = new Map<string, { config: string; context: string }>();
  if (settings.dockerfileChecks || settings.dockerBuild) {
    for (const [file, { doc }] of parsed) {
      const dockerfile = buildDockerfile(file, doc);
      if (!dockerfile) continue;
      if (!(await isFile(join(cwd, dockerfile)))) {
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
      findings.push(...checkDockerfile(await readText(join(cwd, dockerfile)), dockerfile));
    checks.push({
      name: 'Dockerfile policy',
      status: 'passed',
      detail: builds.size ? [...builds.keys()].join(', ') : 'no Dockerfile to check',
    });
  } else checks.push({ name: 'Dockerfile policy', status: 'skipped', detail: 'dockerfile-checks is false' });

  // 5: tools and auth; required secrets.
  findings.push(...requiredSecretFindings(settings.requiredSecrets, process.env));
  checks.push({
    name: 'Required secrets',
    status: settings.requiredSecrets.length ? 'passed' : 'skipped',
    detail: settings.requiredSecrets.length ? `${settings.requiredSecrets.length} name(s)` : 'none listed',
  });
  const needsFlyctl = settings.flyctlValidate === 'true' || settings.flySecrets.length > 0;
  const needsToken = settings.requireFlyToken || needsFlyctl;
  findings.push(...tokenFindings(token, needsToken));
  const gitPath = await io.which('git', false);
  const flyctlOnPath = (await io.which('flyctl', false)) || undefined;
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

  // 6: git state.
  const git = gitFindings(await gitState(cwd), settings.requireCleanGit);
  findings.push(...git.findings);
  checks.push(git.check);

  // flyctl's own validation, when asked for or possible.
  let flyctl: string | undefined;
  if (needsFlyctl) {
    try {
      flyctl = (await setupFlyctl({ version: settings.flyctlVersion })).path;
    } catch (error) {
      findings.push({
        rule: 'tools/flyctl',
        severity: 'error',
        file: '',
        message: `flyctl is not on PATH and could not be installed: ${errorMessage(error)}`,
        fix: 'Check flyctl-version, or install flyctl before this step.',
      });
    }
  } else if (settings.flyctlValidate === 'auto' && token.token) flyctl = flyctlOnPath;
  const client = flyctl && token.token ? new FlyctlClient({ path: flyctl, cwd }) : undefined;
  if (settings.flyctlValidate !== 'false' && client) {
    for (const file of files)
      findings.push(...(await flyctlValidate(client, file, settings.strict, secretValues)));
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

  // Docker build as a test, when an engine is there.
  if (settings.dockerBuild) {
    const engine = await dockerEngineReachable();
    if (!engine.reachable) {
      core.notice(`Docker build skipped: ${engine.reason}.`);
      checks.push({ name: 'Docker build', status: 'skipped', detail: engine.reason });
    } else {
      for (const [dockerfile, { context }] of builds) {
        const result = await dockerBuild(join(cwd, dockerfile), join(cwd, context));
        if (result.exitCode !== 0) {
          const tail = redact(`${result.stdout}\n${result.stderr}`, secretValues)
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
  const report = buildReport(files, markFailures(checks, kept), kept);
  for (const finding of report.findings) annotate(finding);
  const json = redact(JSON.stringify(report, null, 2), secretValues);
  await mkdir(dirname(settings.reportPath), { recursive: true });
  await writeFile(settings.reportPath, `${json}\n`);
  await writeSummary(redact(reportMarkdown(report), secretValues));
  setOutputs({
    valid: report.valid,
    errors: report.errors,
    warnings: report.warnings,
    report: settings.reportPath,
  });
  if (!report.valid)
    core.setFailed(
      `fly-validate found ${report.errors} error(s) and ${report.warnings} warning(s); see the annotations and the job summary.`,
    );
  else core.info(`fly-validate passed: ${files.length} config(s), ${report.warnings} warning(s).`);
}

async function flyctlValidate(
  client: FlyctlClient,
  file: string,
  strict: boolean,
  secrets: string[],
): Promise<Finding[]> {
  const problems = await client.validateConfig(file, { strict });
  if (problems.length === 0) return [];
  return [
    {
      rule: 'flyctl/config-invalid',
      severity: 'error',
      file,
      line: 1,
      message: `flyctl config validate failed: ${redact(problems.join(' / '), secrets)}`,
      fix: `Run \`flyctl config validate${strict ? ' --strict' : ''} -c ${file}\` locally and fix what it reports.`,
    },
  ];
}

void runAction(main);
