/**
 * The monitor's uptime check: the targets (inline YAML, a targets file, or the two apps), every one
 * sampled concurrently, its status judged after re-tests, incidents kept as issues, the run appended to
 * the history, and the table and response-time chart for the summary.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { checkTargets, type TargetResult } from '../domain/monitor/check.js';
import { historyTargets, previousStatuses, uptimeRecord } from '../domain/monitor/history.js';
import { incidentStatuses } from '../domain/monitor/incidents.js';
import { worstStatus, type MonitorStatus } from '../domain/monitor/judge.js';
import { countStatuses, resultLine, statusChanges, uptimeSummary } from '../domain/monitor/report.js';
import {
  DEFAULT_TARGETS_YAML,
  ERROR_RATE_BOUNDS,
  MAX_LATENCY_BOUNDS,
  SAMPLES_BOUNDS,
  TIMEOUT_BOUNDS,
  TLS_DAYS_BOUNDS,
  checkTargetDefaults,
  parseTargets,
  type MonitorTarget,
  type TargetSettings,
} from '../domain/monitor/targets.js';
import { parseBodyCheck, parseProbeMethod, parseStatusSet } from '../domain/probe/spec.js';
import { InputError } from '../domain/shared/errors.js';
import type { Host, RunContext } from '../host/host.js';
import type { InputReader } from '../host/inputs.js';
import { httpAttempt } from '../io/http-probe.js';
import { checkPaths } from '../io/paths.js';
import { readCertificate } from '../io/tls.js';
import type { CheckOutcome, MonitorCheck, MonitorRun } from './monitor.js';
import { incidentsFor, syncIncidents } from './monitor-incidents.js';

export type TargetsInput =
  | { input: 'targets'; text: string }
  | { input: 'targets-file'; path: string; shown: string }
  | { input: 'default' };

export interface UptimeSettings {
  targets: TargetsInput;
  /** Filled by prepare, before any check runs. */
  loaded?: MonitorTarget[];
  defaults: TargetSettings;
  concurrency: number;
  retests: number;
  retestDelayMs: number;
  incidentLabel?: string;
}

/**
 * The defaults every target starts from, from the inputs of the same names (the deploy's health-* inputs
 * without the prefix, plus the monitor's own), read with the probe's parsers.
 */
export function readTargetDefaults(input: InputReader): TargetSettings {
  const maxLatencyMs = input.optionalDuration('max-latency', MAX_LATENCY_BOUNDS);
  const body = parseBodyCheck('expect-body', input.text('expect-body'));
  const defaults: TargetSettings = {
    method: parseProbeMethod('method', input.text('method')),
    headers: input.headers('headers'),
    expectStatus: parseStatusSet('expect-status', input.text('expect-status')),
    ...(body ? { body } : {}),
    ...(maxLatencyMs === undefined ? {} : { maxLatencyMs }),
    samples: input.integer('samples', SAMPLES_BOUNDS),
    timeoutMs: input.duration('timeout', TIMEOUT_BOUNDS),
    followRedirects: input.boolean('follow-redirects'),
    maxErrorRate: input.number('max-error-rate', ERROR_RATE_BOUNDS),
    tlsWarnDays: input.integer('tls-warn-days', TLS_DAYS_BOUNDS),
    tlsErrorDays: input.integer('tls-error-days', TLS_DAYS_BOUNDS),
  };
  checkTargetDefaults(defaults);
  return defaults;
}

/** Where the targets come from: `targets` or `targets-file` (not both), else the two apps. */
export function readTargetsInput(input: InputReader, context: RunContext): TargetsInput {
  const text = input.text('targets');
  const file = input.string('targets-file');
  if (text.trim() !== '' && file !== '')
    throw new InputError(
      'targets-file',
      'is set together with targets',
      'Give the targets one way: targets (YAML text) or targets-file (a YAML file in the repository).',
    );
  if (file !== '') return { input: 'targets-file', path: resolve(context.workspace, file), shown: file };
  if (text.trim() !== '') return { input: 'targets', text };
  return { input: 'default' };
}

export function readUptimeSettings(input: InputReader, context: RunContext): UptimeSettings {
  const targets = readTargetsInput(input, context);
  const defaults = readTargetDefaults(input);
  const label = input.string('incident-label');
  if (label.length > 50 || /[,\r\n]/.test(label))
    throw new InputError(
      'incident-label',
      `${JSON.stringify(label.slice(0, 60))} is not a label GitHub accepts`,
      'Use one label of at most 50 characters, without commas, e.g. incident.',
    );
  return {
    targets,
    defaults,
    concurrency: input.integer('concurrency', { min: 1, max: 1000 }),
    retests: input.integer('retests', { min: 0, max: 5 }),
    retestDelayMs: input.duration('retest-delay', { maxMs: 60_000 }),
    ...(label ? { incidentLabel: label } : {}),
  };
}

/** The targets, read and checked before anything is requested. */
export async function loadTargets(
  source: TargetsInput,
  defaults: TargetSettings,
  host: Pick<Host, 'mask' | 'context'>,
): Promise<MonitorTarget[]> {
  const ports = { env: (name: string) => host.context.env[name], mask: (v: string) => host.mask(v) };
  if (source.input === 'default')
    return parseTargets({ input: 'targets', text: DEFAULT_TARGETS_YAML }, defaults, ports);
  if (source.input === 'targets')
    return parseTargets({ input: 'targets', text: source.text }, defaults, ports);
  await checkPaths([{ input: 'targets-file', path: source.path, is: 'file' }]);
  // parseTargets refuses more than 1 MiB; a huge file named by mistake is not read whole to learn that.
  if ((await stat(source.path)).size > 1024 * 1024)
    throw new InputError(
      'targets-file',
      `${JSON.stringify(source.shown)} is larger than 1 MiB`,
      'Name the targets file (monitoring/targets.yml), at most 1 MiB.',
    );
  const text = await readFile(source.path, 'utf8');
  return parseTargets({ input: 'targets-file', file: source.shown, text }, defaults, ports);
}

/** The real edges: one request, one handshake, the clock. */
export const liveCheckPorts = (onResult?: (r: TargetResult) => void) => ({
  attempt: (spec: Parameters<typeof httpAttempt>[0]) => httpAttempt(spec),
  certificate: (url: string, timeoutMs: number) => readCertificate(url, { timeoutMs }),
  now: () => Date.now(),
  sleep: (ms: number) => delay(ms),
  ...(onResult ? { onResult } : {}),
});

export async function runUptime(
  host: Host,
  settings: UptimeSettings,
  run: MonitorRun,
): Promise<CheckOutcome> {
  const targets = settings.loaded ?? (await loadTargets(settings.targets, settings.defaults, host));
  const incidents = incidentsFor(host, settings.incidentLabel, run.githubToken);
  // The open incidents are read while the targets are checked.
  const openIssues = incidents ? incidents.list() : Promise.resolve(undefined);
  host.info(`Checking ${targets.length} target(s), ${settings.concurrency} at a time…`);
  const results = await checkTargets(
    targets,
    {
      concurrency: settings.concurrency,
      retests: settings.retests,
      retestDelayMs: settings.retestDelayMs,
    },
    liveCheckPorts((r) => host.info(resultLine(r))),
  );
  const issues = await openIssues;

  const records = run.history ?? [];
  const previous: Map<string, MonitorStatus> =
    records.length > 0 ? previousStatuses(records) : issues ? incidentStatuses(issues) : new Map();
  const changes = statusChanges(results, previous);
  for (const c of changes) host.info(`Status change: ${c.subject} ${c.from} → ${c.to}`);

  const notes: string[] = [];
  let incidentActions: unknown[] = [];
  if (incidents && issues) {
    const synced = await syncIncidents(host, incidents, results, issues);
    notes.push(...synced.notes);
    incidentActions = synced.actions;
  } else if (!settings.incidentLabel) notes.push('Incidents: off (incident-label is empty).');
  else if (!incidents) notes.push('Incidents: off (no repository or no github-token).');

  const counts = countStatuses(results);
  return {
    status: worstStatus(results.map((r) => r.status)),
    outputs: { down: counts.down, degraded: counts.degraded },
    summary: uptimeSummary({
      results,
      // This run's figures close the chart.
      history: [...records, uptimeRecord(results, run.startedAt)],
      chartRuns: run.chartRuns,
      notes: [],
      charts: host.kind === 'github',
    }),
    report: { counts, targets: results, incidents: incidentActions },
    problems: results
      .filter((r) => r.status !== 'up')
      .map((r) => ({ status: r.status, text: `${r.name} is ${r.status} (${r.problems.join('; ')})` })),
    changes,
    history: historyTargets(results),
    notes,
  };
}

export const uptimeCheck: MonitorCheck<UptimeSettings> = {
  id: 'uptime',
  read: readUptimeSettings,
  prepare: async (host, settings) => ({
    ...settings,
    loaded: await loadTargets(settings.targets, settings.defaults, host),
  }),
  targets: (settings) => settings.loaded ?? [],
  run: runUptime,
};
