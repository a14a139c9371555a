/**
 * `rollback` (the fly-rollback action): deploy an earlier release's image (contract §1: Fly has no rollback
 * command), verify it with the deploy's deploy-and-verify, and warn about what it does not undo.
 */
import { join, resolve } from 'node:path';
import { parseAppName } from '../domain/deploy/inputs.js';
import { Timeline } from '../domain/deploy/timeline.js';
import { compareDrift, driftWarnings, findTargetRecord, type DriftNow } from '../domain/rollback/drift.js';
import {
  readRollbackState,
  runRollback,
  type RollbackReport,
  type RollbackSettings,
} from '../domain/rollback/flow.js';
import { parseImageRef, parseReleaseVersion } from '../domain/rollback/inputs.js';
import {
  notStartedSummary,
  planLines,
  releaseChoices,
  releasesTable,
  rollbackFailureMessage,
  rollbackOutputs,
  rollbackRecord,
  rollbackStatus,
  rollbackSummary,
} from '../domain/rollback/report.js';
import {
  defaultTarget,
  planRollback,
  rollbackCandidates,
  type Candidate,
  type RollbackPlan,
  type Serving,
  type TargetRequest,
} from '../domain/rollback/target.js';
import { CheckFailed, InputError, UserError, errorMessage } from '../domain/shared/errors.js';
import type { Host, RunContext } from '../host/host.js';
import { inputReader, type InputReader } from '../host/inputs.js';
import { STRATEGIES, deployPorts } from './deploy.js';
import { configFingerprint, readDeploymentRef, readRecords, recordDeployment } from './deployments.js';
import { checkAppPaths, readyFlyctl } from './flyctl.js';
import { readProbeSettings } from './probe-inputs.js';
import { setOutputs, writeJsonReport } from './report.js';

export interface RollbackCommandSettings {
  rollback: RollbackSettings;
  target: TargetRequest;
  dryRun: boolean;
  workingDirectory: string;
  flyctlVersion: string;
  githubToken?: string;
  environment?: string;
  deploymentRef?: string | undefined;
}

export function readRollbackSettings(
  input: InputReader,
  context: RunContext,
  mask: (value: string) => void,
): RollbackCommandSettings {
  const app = parseAppName('app', input.string('app', { required: true }));
  const version = parseReleaseVersion('version', input.text('version'));
  const image = parseImageRef('image', input.text('image'));
  if (version !== undefined && image !== undefined)
    throw new InputError(
      'image',
      'is set together with version',
      'Set one of them: version for a release flyctl lists, image for any other ImageRef.',
    );
  const { probe, retry } = readProbeSettings(input, 'health-', mask);
  const githubToken = input.secret('github-token');
  return {
    rollback: {
      app,
      config: input.optional('config'),
      strategy: input.choice('strategy', STRATEGIES),
      skipReleaseCommand: input.boolean('skip-release-command'),
      deployTimeoutMs: input.duration('deploy-timeout', { minMs: 10_000 }),
      healthUrl: input.optionalUrl('health-url')?.toString(),
      probe,
      retry,
      rolloutTimeoutMs: input.duration('rollout-timeout', { maxMs: 3_600_000 }),
      rolloutPollMs: 1000,
    },
    target: {
      ...(version === undefined ? {} : { version }),
      ...(image === undefined ? {} : { image }),
    },
    dryRun: input.boolean('dry-run'),
    workingDirectory: resolve(context.workspace, input.string('working-directory') || '.'),
    flyctlVersion: input.string('flyctl-version') || 'latest',
    githubToken,
    environment: input.optional('environment'),
    deploymentRef: readDeploymentRef(input),
  };
}

/** In a terminal nobody can answer (no TTY, --json, CI), the target and the go-ahead must be on the command line. */
function refuseWithoutAnswers(host: Host, settings: RollbackCommandSettings): void {
  if (host.kind !== 'terminal' || host.ask || settings.dryRun) return;
  const app = settings.rollback.app;
  if (settings.target.version === undefined && settings.target.image === undefined)
    throw new InputError(
      'version',
      'is needed when nobody can answer the prompt (no TTY, --json or CI)',
      `Pass --version <N> (or --image <ref>) and --yes, run it in a terminal to pick a release of ${app} from the list, or add --dry-run to see the default plan.`,
    );
  if (!host.context.verbFlags?.yes)
    throw new InputError(
      'yes',
      'is needed to roll back when nobody can answer the confirmation (no TTY, --json or CI)',
      `Pass --yes to roll ${app} back without a question, or --dry-run to see the plan.`,
    );
}

/** In a terminal with a person: the releases as a table, then which one. */
async function pickVersion(
  host: Host,
  app: string,
  candidates: Candidate[],
  serving: Serving,
): Promise<number> {
  const ask = host.ask;
  if (!ask) throw new Error('no prompt available');
  const now = Date.now();
  await host.summary(`### Releases of ${app}\n\n${releasesTable(candidates, now)}\n`);
  const initial = defaultTarget(candidates, serving);
  return ask.select(`Roll ${app} back to which release?`, releaseChoices(candidates, now), initial?.version);
}

export async function rollback(host: Host): Promise<void> {
  const settings = readRollbackSettings(inputReader(host), host.context, (v) => host.mask(v));
  await checkAppPaths(settings.workingDirectory, settings.rollback.config);
  const app = settings.rollback.app;
  refuseWithoutAnswers(host, settings);
  const startedAt = new Date();
  const client = await readyFlyctl(host, settings.flyctlVersion, settings.workingDirectory);
  const ports = deployPorts(host, client);
  const timeline = new Timeline(ports);

  const state = await readRollbackState(settings.rollback, ports, timeline);
  // The records (to skip releases that failed, and for drift), today's secrets and fly.toml: best effort.
  const [lookup, secretsNow, configNow] = await Promise.all([
    readRecords(host, settings, app),
    client.listSecrets(app).then(
      (list): DriftNow['secrets'] => Object.fromEntries(list.map((s) => [s.name, s.digest])),
      (error: unknown) => ({ unread: errorMessage(error) }),
    ),
    configFingerprint(host.context.workspace, settings.workingDirectory, settings.rollback.config),
  ]);
  const records = 'records' in lookup ? lookup.records : [];
  const candidates = rollbackCandidates(state.releases, state.serving, records);

  let plan: RollbackPlan;
  try {
    let request = settings.target;
    const chosen = request.version !== undefined || request.image !== undefined;
    if (!chosen && host.ask && candidates.some((c) => c.selectable))
      request = { version: await pickVersion(host, app, candidates, state.serving), picked: true };
    plan = planRollback(app, state.serving, candidates, request, records);
  } catch (error) {
    await host.summary(notStartedSummary(app, errorMessage(error), candidates, Date.now()));
    throw error;
  }

  const targetLabel = plan.target.version === undefined ? plan.target.imageRef : `v${plan.target.version}`;
  const record = findTargetRecord(records, app, plan.target);
  const where = settings.environment ? `environment ${settings.environment}` : 'any environment';
  const drift = compareDrift(
    targetLabel,
    'missing' in lookup
      ? lookup
      : record
        ? { record }
        : {
            missing: `no GitHub Deployment in ${where} records ${targetLabel} of ${app} (a deploy or rollback records one when its environment input is set)`,
          },
    { config: configNow, secrets: secretsNow },
  );
  for (const line of planLines(plan)) host.info(line);
  for (const warning of [...plan.warnings, ...driftWarnings(drift)]) host.warning(warning);

  const reportPath = join(host.context.tempDir, 'fly-rollback-report.json');
  const base = { app, appUrl: state.appUrl, healthUrl: state.healthUrl, plan, drift };
  const finish = async (report: RollbackReport) => {
    await writeJsonReport(reportPath, report, host);
    setOutputs(host, rollbackOutputs(report, reportPath));
    host.result({ report });
    await host.summary(rollbackSummary(report, Date.now()));
  };

  if (settings.dryRun) {
    host.info('Dry run: nothing was deployed.');
    await finish({ ...base, dryRun: true, phases: timeline.phases });
    return;
  }
  if (host.ask && !host.context.verbFlags?.yes) {
    const go = await host.ask.confirm(
      `Roll ${app} back from v${plan.from.version} to ${targetLabel} (${plan.target.imageRef}) now?`,
    );
    if (!go) throw new UserError(`Not confirmed: nothing was changed; v${plan.from.version} still serves.`);
  }

  const run = await runRollback(plan, state, settings.rollback, ports, timeline);
  const report: RollbackReport = { ...base, dryRun: false, phases: timeline.phases, run };
  await finish(report);
  await recordDeployment(host, settings, {
    startedAt,
    description: `fly-rollback: ${app} v${plan.from.version} → ${targetLabel}`,
    workingDirectory: settings.workingDirectory,
    config: settings.rollback.config,
    secrets: () => client.listSecrets(app),
    payload: (facts) => rollbackRecord(report, facts),
    status: { ...rollbackStatus(report), environmentUrl: state.appUrl },
  });
  const failure = rollbackFailureMessage(report);
  if (failure) throw new CheckFailed(failure);
}
