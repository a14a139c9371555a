/** `validate` (the fly-validate action): the pre-deploy gate. Settings, edges, the flow, the report. */
import { join, resolve } from 'node:path';
import { CheckFailed } from '../domain/shared/errors.js';
import { runValidation, type ValidateSettings } from '../domain/validate/flow.js';
import { reportMarkdown } from '../domain/validate/report.js';
import { redact } from '../domain/shared/redact.js';
import type { Host, RunContext } from '../host/host.js';
import { inputReader, type InputReader } from '../host/inputs.js';
import { dockerBuild, dockerEngineReachable } from '../io/docker.js';
import { expandGlobs, isFile, readText, which } from '../io/files.js';
import { gitState } from '../io/git.js';
import { checkPaths } from '../io/paths.js';
import { flyctlClient, readFlyToken, setupFlyctl } from './flyctl.js';
import { annotate, setOutputs, writeJsonReport } from './report.js';

export function readValidateSettings(input: InputReader, context: RunContext): ValidateSettings {
  const workingDirectory = resolve(context.workspace, input.string('working-directory') || '.');
  return {
    configPatterns: input.globs('config', { required: true }),
    strict: input.boolean('strict'),
    policy: input.choice('policy', ['warn', 'error'] as const),
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
      input.optional('report-path') ?? join(context.tempDir, 'fly-validate-report.json'),
    ),
  };
}

export async function validate(host: Host): Promise<void> {
  const settings = readValidateSettings(inputReader(host), host.context);
  await checkPaths([
    { input: 'working-directory', path: settings.workingDirectory, is: 'directory' },
    { input: 'config', globs: settings.configPatterns, base: settings.workingDirectory, is: 'globs' },
    { input: 'report-path', path: settings.reportPath, is: 'output-file' },
  ]);
  const env = host.context.env;
  // Mask before anything can print: required secrets and every part of the Fly token.
  const secrets: string[] = [];
  for (const name of settings.requiredSecrets) {
    const value = env[name];
    if (value) {
      host.mask(value);
      secrets.push(value);
    }
  }
  const token = readFlyToken(host);
  secrets.push(...token.secrets);

  const report = await runValidation(
    settings,
    {
      expandGlobs,
      readText,
      isFile,
      which,
      gitState,
      env,
      token,
      installFlyctl: async (version) => (await setupFlyctl(host, version)).path,
      flyctl: (path, cwd) => flyctlClient(host, path, cwd),
      dockerEngine: dockerEngineReachable,
      dockerBuild,
      notice: (message) => host.notice(message),
    },
    secrets,
  );

  for (const finding of report.findings) annotate(host, finding);
  await writeJsonReport(settings.reportPath, report, host);
  await host.summary(redact(reportMarkdown(report), secrets));
  setOutputs(host, {
    valid: report.valid,
    errors: report.errors,
    warnings: report.warnings,
    report: settings.reportPath,
  });
  host.result({ report: JSON.parse(redact(JSON.stringify(report), secrets)) as unknown });
  if (!report.valid)
    throw new CheckFailed(
      report.files.length === 0
        ? 'fly-validate checked no config file; see the config input and the job summary.'
        : `fly-validate found ${report.errors} error(s) and ${report.warnings} warning(s); see the annotations and the job summary.`,
    );
  host.info(`fly-validate passed: ${report.files.length} config(s), ${report.warnings} warning(s).`);
}
