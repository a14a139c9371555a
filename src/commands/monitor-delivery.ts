/**
 * The monitor's delivery metrics: DORA figures per environment from the GitHub Deployments the deploy and
 * rollback actions record, joined with test coverage (the coverage gate's summary JSON) and the scan's
 * vulnerability count into one "metrics to track" table; and each secret's age against `rotate-after`.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseRecord } from '../domain/deploy/record.js';
import { parseBaseline } from '../domain/coverage/summary-json.js';
import { percent } from '../domain/coverage/model.js';
import { formatDays, parseSpan } from '../domain/delivery/inputs.js';
import { environmentMetrics, secretAges } from '../domain/delivery/metrics.js';
import { deliveryMarkdown, frequencyText, span, type TrackedMetrics } from '../domain/delivery/report.js';
import type { DeploymentEvent, EnvironmentMetrics } from '../domain/delivery/types.js';
import { errorMessage, InputError } from '../domain/shared/errors.js';
import type { Host } from '../host/host.js';
import type { InputReader } from '../host/inputs.js';
import { commitTimes, listEnvironments } from '../io/github-deployment-history.js';
import { listDeployments } from '../io/github-deployments.js';
import { statusOf, type CheckSection } from './monitor-section.js';

const DAY_MS = 86_400_000;

export interface DeliverySettings {
  enabled: boolean;
  windowMs: number;
  /** Empty: every environment the token can see. */
  environments: string[];
  rotateAfterMs: number;
  /** Absolute path of a coverage-gate summary JSON. */
  coverageSummary?: string;
  githubToken?: string;
}

export function readDeliverySettings(input: InputReader, context: { workspace: string }): DeliverySettings {
  const coverage = input.optional('coverage-summary');
  const token = input.secret('github-token');
  return {
    enabled: input.boolean('delivery-metrics'),
    windowMs: parseSpan('metrics-window', input.text('metrics-window'), { maxMs: 365 * DAY_MS }),
    environments: [...new Set(input.list('environments'))],
    rotateAfterMs: parseSpan('rotate-after', input.text('rotate-after'), { maxMs: 3650 * DAY_MS }),
    ...(coverage ? { coverageSummary: resolve(context.workspace, coverage) } : {}),
    ...(token ? { githubToken: token } : {}),
  };
}

/** GitHub as delivery metrics read it. */
export interface DeliveryGitHub {
  environments(): Promise<string[]>;
  /** An environment's deployments with their newest statuses; every environment's when none is given. */
  deployments(environment?: string): Promise<DeploymentEvent[]>;
  commitTimes(shas: readonly string[]): Promise<Map<string, Date>>;
}

/** Deployments read per environment, newest first: enough for a busy month and a 90-day rotation. */
const DEPLOYMENTS_PER_ENVIRONMENT = 300;

export function githubDelivery(
  token: string,
  apiUrl: string,
  repository: { owner: string; repo: string },
): DeliveryGitHub {
  const repo = { token, apiUrl, ...repository, timeoutMs: 60_000 };
  return {
    environments: () => listEnvironments(repo),
    async deployments(environment) {
      const listed = await listDeployments({
        ...repo,
        ...(environment ? { environment } : {}),
        limit: DEPLOYMENTS_PER_ENVIRONMENT,
        withStatus: true,
      });
      return listed.map((d) => {
        const record = parseRecord(d.payload);
        return {
          id: d.id,
          environment: d.environment,
          sha: d.sha,
          createdAt: d.createdAt,
          ...(d.latestStatus ? { state: d.latestStatus.state, statusAt: d.latestStatus.createdAt } : {}),
          ...(record ? { record } : {}),
        };
      });
    },
    commitTimes: (shas) => commitTimes(repo, shas),
  };
}

export interface DeliveryPorts {
  github?: DeliveryGitHub;
  /** The vulnerability scan's count, when it ran. */
  vulnerabilities?: number;
  now?: () => Date;
}

export async function readCoverage(path: string, notes: string[]): Promise<TrackedMetrics['coverage']> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    notes.push(
      `coverage-summary ${path} could not be read (${(error as NodeJS.ErrnoException).code ?? errorMessage(error)}), so coverage is not shown`,
    );
    return undefined;
  }
  try {
    const baseline = parseBaseline(path, text);
    return {
      lines: percent(baseline.totals.lines) ?? null,
      source: baseline.commit ? `commit ${baseline.commit.slice(0, 7)}` : 'coverage-summary',
    };
  } catch (error) {
    if (error instanceof InputError) throw new InputError('coverage-summary', error.problem, error.fix);
    throw error;
  }
}

/** The environment the outputs describe: the first one named, else production, else the busiest. */
function primaryFirst(metrics: EnvironmentMetrics[], named: readonly string[]): EnvironmentMetrics[] {
  const primary =
    metrics.find((m) => m.environment === named[0]) ??
    metrics.find((m) => m.environment === 'production') ??
    [...metrics].sort((a, b) => b.deployments - a.deployments)[0];
  return primary ? [primary, ...metrics.filter((m) => m !== primary)] : metrics;
}

const seconds = (ms: number | undefined) => (ms === undefined ? '' : String(Math.round(ms / 1000)));

export async function runDeliveryCheck(
  host: Host,
  settings: DeliverySettings,
  ports: DeliveryPorts = {},
): Promise<CheckSection> {
  const now = (ports.now ?? (() => new Date()))();
  const notes: string[] = [];
  const tracked: TrackedMetrics = {
    ...(ports.vulnerabilities === undefined ? {} : { vulnerabilities: ports.vulnerabilities }),
  };
  if (settings.coverageSummary) {
    const coverage = await readCoverage(settings.coverageSummary, notes);
    if (coverage) tracked.coverage = coverage;
  }

  const { repository, apiUrl } = host.context;
  let github = ports.github;
  if (!github && !settings.githubToken)
    notes.push(
      'github-token is empty, so the GitHub Deployments cannot be read: give a token with `permissions: deployments: read`',
    );
  else if (!github && !repository)
    notes.push('the repository is unknown (GITHUB_REPOSITORY), so its GitHub Deployments cannot be read');
  else if (!github)
    github = githubDelivery(
      settings.githubToken as string,
      apiUrl,
      repository as { owner: string; repo: string },
    );

  const events: DeploymentEvent[] = [];
  let environments = settings.environments;
  if (github) {
    if (environments.length === 0) {
      try {
        environments = await github.environments();
      } catch (error) {
        notes.push(
          `the environments could not be listed (${errorMessage(error)}): every deployment the token can see is read instead`,
        );
      }
    }
    const reads = environments.length > 0 ? environments : [undefined];
    for (const environment of reads) {
      try {
        events.push(...(await github.deployments(environment)));
      } catch (error) {
        notes.push(
          `the deployments${environment ? ` of ${environment}` : ''} could not be read (${errorMessage(error)}), so they are not counted`,
        );
      }
    }
    if (environments.length === 0) environments = [...new Set(events.map((e) => e.environment))].sort();
  }

  const from = now.getTime() - settings.windowMs;
  const shas = events
    .filter((e) => Date.parse(e.record?.finishedAt ?? e.createdAt) >= from)
    .map((e) => e.sha)
    .filter((s) => /^[0-9a-f]{7,40}$/i.test(s));
  let times = new Map<string, Date>();
  if (github && shas.length > 0) {
    try {
      times = await github.commitTimes(shas);
    } catch (error) {
      notes.push(`commit times could not be read (${errorMessage(error)}), so lead time is unknown`);
    }
  }

  const metrics = primaryFirst(
    environments.map((environment) =>
      environmentMetrics(environment, { events, now, windowMs: settings.windowMs, commitTimes: times }),
    ),
    settings.environments,
  );
  const ages = secretAges(events, now, settings.rotateAfterMs);
  for (const s of ages.filter((a) => a.overdue))
    host.warning(
      `Secret ${s.name} of ${s.app} has had the same value for ${s.atLeast ? 'at least ' : ''}${formatDays(s.ageMs)} (since ${s.since.slice(0, 10)}), past rotate-after (${formatDays(settings.rotateAfterMs)}): rotate it and deploy.`,
    );
  for (const n of notes) host.warning(`Delivery metrics: ${n}.`);
  for (const m of metrics)
    host.info(
      `${m.environment}: ${frequencyText(m.frequencyPerDay)}, lead time ${span(m.leadTime.medianMs)}, change failure rate ${m.changeFailureRate === undefined ? '—' : `${m.changeFailureRate.toFixed(1)}%`}, time to restore ${span(m.timeToRestore.medianMs)}`,
    );

  const primary = metrics[0];
  const overdue = ages.filter((a) => a.overdue).length;
  return {
    name: 'delivery',
    status: statusOf([], notes.length + overdue),
    headline: primary
      ? `Delivery (${primary.environment}): ${frequencyText(primary.frequencyPerDay)}, change failure rate ${primary.changeFailureRate === undefined ? '—' : `${primary.changeFailureRate.toFixed(1)}%`}${overdue ? `, ${overdue} secret(s) to rotate` : ''}`
      : 'Delivery: no deployments read',
    markdown: deliveryMarkdown(metrics, {
      windowMs: settings.windowMs,
      tracked,
      secrets: ages,
      rotateAfterMs: settings.rotateAfterMs,
      notes,
    }),
    outputs: {
      'delivery-environment': primary?.environment ?? '',
      'deployment-frequency': primary ? primary.frequencyPerDay.toFixed(3) : '',
      'lead-time': seconds(primary?.leadTime.medianMs),
      'change-failure-rate':
        primary?.changeFailureRate === undefined ? '' : primary.changeFailureRate.toFixed(1),
      'time-to-restore': seconds(primary?.timeToRestore.medianMs),
      'secrets-to-rotate': String(overdue),
    },
    report: {
      window: { from: new Date(from).toISOString(), to: now.toISOString() },
      environments: metrics,
      tracked,
      secrets: ages,
      notes,
    },
    failures: [],
  };
}
