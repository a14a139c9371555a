/**
 * `monitor` (the prod-monitor action): a list of check modules, each reading its own inputs and adding a
 * section to the report, the summary, the outputs and the history; this module reads what they share,
 * reads the history, runs them, appends the run to the history, posts the status changes to the webhooks,
 * writes the report and fails the step by `fail-on`.
 *
 * Each check (uptime; the deeper checks: the scan, the benchmark, delivery metrics) is one MonitorCheck in
 * MONITOR_CHECKS:
 * `read` takes its inputs (all of them, synchronously, even when it is off; undefined turns it off) and
 * masks the secrets among them; `prepare` (optional) reads and checks files before any check runs, so a
 * bad input stops the run before anything is requested, and gets the targets the checks before it loaded
 * (`targets`: the uptime check's); `run` gets the recent runs (MonitorRun.history, its own part under
 * `checks[id]`) and returns its CheckOutcome, whose `history` is kept for the next run. Its inputs go into
 * actions/prod-monitor/action.yml.
 */
import { resolve, join } from 'node:path';
import { historyRecord, type HistoryRecord, type HistoryTarget } from '../domain/monitor/history.js';
import { STATUS_ICON, severity, worstStatus, type MonitorStatus } from '../domain/monitor/judge.js';
import {
  SUMMARY_LIMIT,
  changesPayload,
  changesText,
  fitSummary,
  type StatusChange,
} from '../domain/monitor/report.js';
import { code } from '../domain/shared/markdown.js';
import type { MonitorTarget } from '../domain/monitor/targets.js';
import { CheckFailed, errorMessage } from '../domain/shared/errors.js';
import type { Host, RunContext } from '../host/host.js';
import { inputReader, type InputReader } from '../host/inputs.js';
import { postWebhook } from '../io/notify.js';
import { checkPaths } from '../io/paths.js';
import {
  appendRun,
  historyEdge,
  readHistorySettings,
  readRecentRuns,
  type HistorySettings,
} from './monitor-history.js';
import { deeperCheck } from './monitor-deeper.js';
import { uptimeCheck } from './monitor-uptime.js';
import { setOutputs, writeJsonReport } from './report.js';

export const FAIL_ON = ['down', 'degraded', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** What every check may use from the run. */
export interface MonitorRun {
  startedAt: Date;
  githubToken?: string;
  /** Recent runs, oldest first (this one not yet in); undefined when history is off or unreadable. */
  history?: readonly HistoryRecord[];
  /** Runs the summary's charts span. */
  chartRuns: number;
}

export interface CheckOutcome {
  /** The worst status this check saw. */
  status: MonitorStatus;
  /** Step outputs this check sets (names declared in action.yml). */
  outputs: Record<string, string | number | boolean>;
  /** Its section of the job summary (safe Markdown, starting with a ### heading). */
  summary: string;
  /** Its part of the JSON report, under checks.<id>. */
  report: unknown;
  /** Everything that is not up, one line each: the step's failure message is made of these. */
  problems: { status: MonitorStatus; text: string }[];
  /** Status changes since the previous run: posted to the webhooks. */
  changes: StatusChange[];
  /** Kept in this run's history record (the uptime check's are its targets; others' go under checks[id]). */
  history?: unknown;
  /** Lines for the end of the summary (safe Markdown). */
  notes?: string[];
}

export interface MonitorCheck<S> {
  id: string;
  read(input: InputReader, context: RunContext, mask: (secret: string) => void): S | undefined;
  /**
   * Reads files the settings name and checks them: every check's, before any check runs. `targets`: those
   * the checks before it loaded.
   */
  prepare?(host: Host, settings: S, targets: readonly MonitorTarget[]): Promise<S>;
  /** The targets this check loaded in prepare, for the checks after it. */
  targets?(settings: S): readonly MonitorTarget[];
  run(host: Host, settings: S, run: MonitorRun): Promise<CheckOutcome>;
}

interface Armed<S = unknown> {
  check: MonitorCheck<S>;
  settings: S;
}

/** The checks, in the order they run and report. */
export const MONITOR_CHECKS: readonly MonitorCheck<never>[] = [
  uptimeCheck as MonitorCheck<never>,
  deeperCheck as MonitorCheck<never>,
];

export interface MonitorSettings {
  failOn: FailOn;
  reportPath: string;
  githubToken?: string;
  notifyWebhook?: string;
  notifyJsonWebhook?: string;
  history: HistorySettings;
  checks: Armed[];
}

/** `mask`: the host's, for secrets the readers find inside inputs (the input reader masks whole ones). */
export function readMonitorSettings(
  input: InputReader,
  context: RunContext,
  mask: (secret: string) => void = () => undefined,
): MonitorSettings {
  const checks: Armed[] = [];
  for (const check of MONITOR_CHECKS as readonly MonitorCheck<unknown>[]) {
    const settings = check.read(input, context, mask);
    if (settings !== undefined) checks.push({ check, settings });
  }
  const githubToken = input.secret('github-token');
  const notifyWebhook = input.secretUrl('notify-webhook');
  const notifyJsonWebhook = input.secretUrl('notify-json-webhook');
  return {
    failOn: input.choice('fail-on', FAIL_ON),
    reportPath: resolve(
      context.workspace,
      input.optional('report-path') ?? join(context.tempDir, 'prod-monitor-report.json'),
    ),
    ...(githubToken ? { githubToken } : {}),
    ...(notifyWebhook ? { notifyWebhook } : {}),
    ...(notifyJsonWebhook ? { notifyJsonWebhook } : {}),
    history: readHistorySettings(input, context.workspace),
    checks,
  };
}

async function postChanges(
  host: Host,
  settings: MonitorSettings,
  changes: readonly StatusChange[],
  status: MonitorStatus,
  startedAt: Date,
): Promise<string[]> {
  if (changes.length === 0) return [];
  const notes: string[] = [];
  const { runUrl, repository } = host.context;
  if (settings.notifyWebhook) {
    // Loaded only when needed: the module brings the GitHub client, most of the bundle's start-up.
    const { notify } = await import('./deployments.js');
    await notify(host, settings.notifyWebhook, changesText(changes, runUrl));
    notes.push('Posted the status changes to notify-webhook.');
  }
  if (settings.notifyJsonWebhook) {
    const payload = changesPayload(changes, {
      status,
      at: startedAt.toISOString(),
      ...(repository ? { repository: `${repository.owner}/${repository.repo}` } : {}),
      ...(runUrl ? { runUrl } : {}),
    });
    try {
      await postWebhook(settings.notifyJsonWebhook, JSON.parse(host.redact(JSON.stringify(payload))));
      notes.push('Posted the status changes to notify-json-webhook.');
    } catch (error) {
      host.warning(`Could not post to notify-json-webhook (${errorMessage(error)}).`);
    }
  }
  return notes;
}

/** The lines the step fails with under fail-on, or none. */
function failures(outcomes: readonly CheckOutcome[], failOn: FailOn): string[] {
  if (failOn === 'never') return [];
  const threshold = severity(failOn);
  return outcomes.flatMap((o) =>
    o.problems.filter((p) => severity(p.status) >= threshold).map((p) => p.text),
  );
}

export async function monitor(host: Host): Promise<void> {
  const startedAt = new Date();
  const settings = readMonitorSettings(inputReader(host), host.context, (secret) => host.mask(secret));
  await checkPaths([
    { input: 'report-path', path: settings.reportPath, is: 'output-file' },
    ...(settings.history.path
      ? [{ input: 'history-path', path: settings.history.path, is: 'output-file' as const }]
      : []),
  ]);
  const prepared: Armed[] = [];
  const targets: MonitorTarget[] = [];
  for (const { check, settings: checkSettings } of settings.checks) {
    const ready = check.prepare ? await check.prepare(host, checkSettings, targets) : checkSettings;
    targets.push(...(check.targets?.(ready) ?? []));
    prepared.push({ check, settings: ready });
  }

  const history = await historyEdge(host, settings.history, settings.githubToken);
  const recent = await readRecentRuns(host, history, startedAt, settings.history.chartRuns);
  const run: MonitorRun = {
    startedAt,
    ...(settings.githubToken ? { githubToken: settings.githubToken } : {}),
    ...(recent ? { history: recent } : {}),
    chartRuns: settings.history.chartRuns,
  };
  const outcomes: { id: string; outcome: CheckOutcome }[] = [];
  for (const { check, settings: checkSettings } of prepared)
    outcomes.push({ id: check.id, outcome: await check.run(host, checkSettings, run) });

  const status = worstStatus(outcomes.map((o) => o.outcome.status));
  const changes = outcomes.flatMap((o) => o.outcome.changes);
  const others = outcomes.filter((o) => o.id !== 'uptime' && o.outcome.history !== undefined);
  const record = historyRecord({
    at: startedAt,
    ...(host.context.runUrl ? { runUrl: host.context.runUrl } : {}),
    status,
    targets: (outcomes.find((o) => o.id === 'uptime')?.outcome.history ?? []) as HistoryTarget[],
    checks: Object.fromEntries(others.map((o) => [o.id, o.outcome.history])),
  });
  const notes = [
    ...outcomes.flatMap((o) => o.outcome.notes ?? []),
    await appendRun(host, history, record),
    ...(await postChanges(host, settings, changes, status, startedAt)),
  ];
  const report = {
    version: 1,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    status,
    ...(host.context.runUrl ? { runUrl: host.context.runUrl } : {}),
    changes,
    checks: Object.fromEntries(outcomes.map((o) => [o.id, o.outcome.report])),
  };
  await writeJsonReport(settings.reportPath, report, host);
  for (const { outcome } of outcomes) setOutputs(host, outcome.outputs);
  setOutputs(host, { status, report: settings.reportPath });
  host.result({ report });
  await host.summary(
    fitSummary(
      `## prod-monitor: ${STATUS_ICON[status]} ${status}\n`,
      outcomes.map((o) => o.outcome.summary),
      `\n${notes.map((n) => `- ${n}\n`).join('')}`,
      SUMMARY_LIMIT,
      `the JSON report (${code(settings.reportPath)})`,
    ),
  );
  const failed = failures(
    outcomes.map((o) => o.outcome),
    settings.failOn,
  );
  if (failed.length > 0)
    throw new CheckFailed(
      `prod-monitor: ${status} (fail-on: ${settings.failOn}): ${failed.join('; ')}. See the job summary and the report.`,
    );
}
