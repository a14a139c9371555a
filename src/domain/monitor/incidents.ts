/**
 * Incidents as GitHub issues, planned from the open ones and this run's results: one issue per failing
 * target, found by a hidden marker (the target's name, URI-encoded so nothing in it can end the HTML
 * comment) and the label; opened on the first failing run, commented and retitled when the status
 * changes (down ↔ degraded), closed with the outage's length on recovery. Duplicates that a race left
 * open are closed in favour of the oldest. The issue's body carries the status and the outage's start, so
 * the plan needs nothing else.
 */
import { code, escapeText, table } from '../shared/markdown.js';
import { displayUrl } from '../shared/inputs.js';
import type { TargetResult } from './check.js';
import { STATUS_ICON, type MonitorStatus } from './judge.js';
import { formatLength } from '../shared/duration.js';

export type IncidentStatus = Exclude<MonitorStatus, 'up'>;

export interface IssueSnapshot {
  number: number;
  title: string;
  body: string;
  /** ISO time. */
  createdAt: string;
}

export interface Incident {
  number: number;
  target: string;
  status: IncidentStatus;
  /** ISO time of the first failing run. */
  since: string;
}

export type IncidentAction =
  | { kind: 'open'; target: string; marker: string; title: string; body: string }
  | {
      kind: 'change';
      number: number;
      target: string;
      from: IncidentStatus;
      to: IncidentStatus;
      title: string;
      body: string;
      comment: string;
    }
  | { kind: 'close'; number: number; target: string; comment: string; outageMs: number }
  | { kind: 'duplicate'; number: number; target: string; keep: number; comment: string };

const MARKER_PREFIX = '<!-- nuzantara-monitor target=';
const STATE_PREFIX = '<!-- nuzantara-monitor-state ';

export const incidentMarker = (target: string): string => `${MARKER_PREFIX}${encodeURIComponent(target)} -->`;

const stateComment = (status: IncidentStatus, since: string) =>
  `${STATE_PREFIX}${JSON.stringify({ status, since })} -->`;

/** The incident an issue is, or undefined when it carries no marker of ours. */
export function readIncident(issue: IssueSnapshot): Incident | undefined {
  const marker = new RegExp(`${MARKER_PREFIX}([^\\s>]+) -->`).exec(issue.body);
  if (!marker) return undefined;
  let target: string;
  try {
    target = decodeURIComponent(marker[1] as string);
  } catch {
    return undefined;
  }
  let status: IncidentStatus = 'down';
  let since = issue.createdAt;
  const state = new RegExp(`${STATE_PREFIX}(\\{[^<>]*\\}) -->`).exec(issue.body);
  if (state) {
    try {
      const parsed = JSON.parse(state[1] as string) as { status?: unknown; since?: unknown };
      if (parsed.status === 'down' || parsed.status === 'degraded') status = parsed.status;
      if (typeof parsed.since === 'string' && !Number.isNaN(Date.parse(parsed.since))) since = parsed.since;
    } catch {
      // an edited state: the defaults above
    }
  }
  return { number: issue.number, target, status, since };
}

/** Open incidents per target, oldest issue first. */
export function incidentsByTarget(issues: readonly IssueSnapshot[]): Map<string, Incident[]> {
  const byTarget = new Map<string, Incident[]>();
  for (const issue of issues) {
    const incident = readIncident(issue);
    if (!incident) continue;
    byTarget.set(incident.target, [...(byTarget.get(incident.target) ?? []), incident]);
  }
  for (const list of byTarget.values()) list.sort((a, b) => a.number - b.number);
  return byTarget;
}

/** The statuses the open incidents record (a target with none was up), for when there is no history. */
export function incidentStatuses(issues: readonly IssueSnapshot[]): Map<string, MonitorStatus> {
  return new Map(
    [...incidentsByTarget(issues)].map(([target, list]) => [target, (list[0] as Incident).status]),
  );
}

/** Issue titles are plain text: one line, no control characters, within GitHub's 256. */
export function incidentTitle(target: string, status: IncidentStatus): string {
  // eslint-disable-next-line no-control-regex
  const name = target.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 200);
  return `${STATUS_ICON[status]} ${name} is ${status}`;
}

const ms = (v: number | undefined) => (v === undefined ? '—' : `${Math.round(v)}ms`);

function figures(result: TargetResult): string {
  const r = result.counted;
  const l = r.latency;
  return table(
    ['samples', 'errors', 'error rate', 'p50', 'p95', 'p99', 'max', 'TLS'],
    [
      [
        String(r.samples.length),
        String(r.errors),
        `${Math.round(r.errorRate * 10) / 10}%`,
        ms(l?.p50),
        ms(l?.p95),
        ms(l?.p99),
        ms(l?.max),
        result.tls?.daysLeft !== undefined ? `${result.tls.daysLeft} days left` : '—',
      ],
    ],
  );
}

function samplesTable(result: TargetResult): string {
  return table(
    ['#', 'time (UTC)', 'status', 'latency', 'result'],
    result.counted.samples.map((s, i) => [
      String(i + 1),
      new Date(s.at).toISOString().slice(11, 23),
      s.status === undefined ? '—' : String(s.status),
      ms(s.latencyMs),
      s.ok ? 'ok' : `${s.reason}: ${s.detail}`,
    ]),
  );
}

const whatFailed = (result: TargetResult) =>
  result.problems.length ? result.problems.map((p) => `- ${escapeText(p)}`).join('\n') : '- (no detail)';

const runLink = (runUrl?: string) => (runUrl ? ` ([run](${encodeURI(runUrl)}))` : '');

function incidentBody(result: TargetResult, status: IncidentStatus, since: string, runUrl?: string): string {
  const target = result.name;
  return [
    `## ${STATUS_ICON[status]} ${escapeText(target)} is ${status}`,
    '',
    `**URL:** ${code(displayUrl(result.url))}  `,
    `**Since:** ${since.slice(0, 16).replace('T', ' ')} UTC  `,
    `**Latest check:** ${new Date(result.startedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC${runLink(runUrl)}${result.rounds.length > 1 ? `, after ${result.rounds.length - 1} re-test(s)` : ''}`,
    '',
    '### What failed',
    '',
    whatFailed(result),
    '',
    figures(result),
    '',
    '<details><summary>Samples</summary>',
    '',
    samplesTable(result),
    '',
    '</details>',
    '',
    'Kept by the prod-monitor action: commented when the status changes, closed when the target is up again.',
    '',
    incidentMarker(target),
    stateComment(status, since),
  ].join('\n');
}

export interface PlanContext {
  now: Date;
  runUrl?: string;
}

/** What to do on GitHub, in order: duplicates first, then each target's open, change or close. */
export function planIncidents(
  results: readonly TargetResult[],
  issues: readonly IssueSnapshot[],
  context: PlanContext,
): IncidentAction[] {
  const open = incidentsByTarget(issues);
  const actions: IncidentAction[] = [];
  for (const result of results) {
    const [current, ...duplicates] = open.get(result.name) ?? [];
    for (const dup of duplicates)
      actions.push({
        kind: 'duplicate',
        number: dup.number,
        target: result.name,
        keep: (current as Incident).number,
        comment: `Duplicate of #${(current as Incident).number} (two monitor runs opened one at once).`,
      });
    if (result.status === 'up') {
      if (!current) continue;
      const outageMs = Math.max(0, context.now.getTime() - Date.parse(current.since));
      actions.push({
        kind: 'close',
        number: current.number,
        target: result.name,
        outageMs,
        comment: [
          `## ${STATUS_ICON.up} ${escapeText(result.name)} is up again`,
          '',
          `The outage lasted **${formatLength(outageMs)}** (${current.status} since ${current.since.slice(0, 16).replace('T', ' ')} UTC)${runLink(context.runUrl)}.`,
          '',
          figures(result),
        ].join('\n'),
      });
      continue;
    }
    const status = result.status;
    if (!current) {
      const since = new Date(result.startedAt).toISOString();
      actions.push({
        kind: 'open',
        target: result.name,
        marker: incidentMarker(result.name),
        title: incidentTitle(result.name, status),
        body: incidentBody(result, status, since, context.runUrl),
      });
      continue;
    }
    if (current.status === status) continue;
    actions.push({
      kind: 'change',
      number: current.number,
      target: result.name,
      from: current.status,
      to: status,
      title: incidentTitle(result.name, status),
      body: incidentBody(result, status, current.since, context.runUrl),
      comment: [
        `## ${STATUS_ICON[status]} Now ${status} (was ${current.status})`,
        '',
        whatFailed(result),
        '',
        figures(result),
        '',
        `Checked ${new Date(result.startedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC${runLink(context.runUrl)}.`,
      ].join('\n'),
    });
  }
  return actions;
}
