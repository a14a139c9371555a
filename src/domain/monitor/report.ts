/**
 * The monitor's words and tables: log lines, the job summary (the targets table and a Mermaid response-time
 * chart per target over recent runs), status changes and the webhook messages. Target names, URLs and
 * response details are user input or come from outside: every one goes through the safe Markdown helpers.
 */
import { code, escapeText, table } from '../shared/markdown.js';
import { formatRate } from '../probe/window.js';
import type { TargetResult } from './check.js';
import type { HistoryRecord } from './history.js';
import { STATUS_ICON, severity, type MonitorStatus } from './judge.js';
import { displayUrl } from '../shared/inputs.js';

/** GitHub refuses a job summary over 1 MiB; the uptime section stays well under it. */
export const SUMMARY_BUDGET = 900 * 1024;
/** The whole summary's ceiling (every check's section, the heading and the notes), under GitHub's 1 MiB. */
export const SUMMARY_LIMIT = 1000 * 1024;
/** Charts drawn at most (one per target): more would bury the table. */
export const MAX_CHARTS = 12;

const ms = (v: number | undefined) => (v === undefined ? '—' : `${Math.round(v)}ms`);

export interface StatusCounts {
  up: number;
  degraded: number;
  down: number;
}

export function countStatuses(results: readonly { status: MonitorStatus }[]): StatusCounts {
  const counts: StatusCounts = { up: 0, degraded: 0, down: 0 };
  for (const r of results) counts[r.status]++;
  return counts;
}

/** A duration people read: 45s, 12m, 3h 20m, 2d 4h. */
function tlsCell(r: TargetResult): string {
  if (!r.tls) return '—';
  if (r.tls.error) return 'unread';
  const days = r.tls.daysLeft as number;
  return `${days}d${r.tls.status === 'up' ? '' : ` ${STATUS_ICON[r.tls.status]}`}`;
}

/** `2 of 5 (40%)`. */
const errorsCell = (r: TargetResult) =>
  `${r.counted.errors} of ${r.counted.samples.length}${r.counted.errors ? ` (${formatRate(r.counted.errorRate)})` : ''}`;

/** The figures of each target as a Markdown table. */
export function resultsTable(results: readonly TargetResult[]): string {
  return table(
    ['', 'target', 'status', 'p50', 'p95', 'p99', 'max', 'errors', 'TLS', 'why'],
    results.map((r) => [
      STATUS_ICON[r.status],
      `${escapeText(r.name)}<br>${code(displayUrl(r.url))}`,
      `${r.status}${r.rounds.length > 1 ? ` (${r.rounds.length} rounds)` : ''}`,
      ms(r.counted.latency?.p50),
      ms(r.counted.latency?.p95),
      ms(r.counted.latency?.p99),
      ms(r.counted.latency?.max),
      errorsCell(r),
      tlsCell(r),
      r.problems.length ? escapeText(r.problems.join('; ')) : '',
    ]),
  );
}

/** One line per target for the log: `🔴 down  nuzantara-rag  p50 12ms p95 30ms  errors 5 of 5  TLS 54d: why`. */
export function resultLine(r: TargetResult): string {
  const l = r.counted.latency;
  const tls = r.tls && !r.tls.error ? `  TLS ${r.tls.daysLeft}d` : '';
  const retested = r.rounds.length > 1 ? `  (${r.rounds.length} rounds)` : '';
  const why = r.problems.length ? `: ${r.problems.join('; ')}` : '';
  return `${STATUS_ICON[r.status]} ${r.status.padEnd(8)} ${r.name}  p50 ${ms(l?.p50)} p95 ${ms(l?.p95)} p99 ${ms(l?.p99)} max ${ms(l?.max)}  errors ${errorsCell(r)}${tls}${retested}  ${displayUrl(r.url)}${why}`;
}

/** Mermaid text inside quotes: only characters that cannot end the string, the block or the fence. */
const mermaidText = (text: string) =>
  text
    .replace(/[^\p{L}\p{N} ._:/()-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60) || 'target';

const timeLabel = (iso: string) => `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;

/**
 * One `xychart-beta` line chart of p95 per target over the last `runs` records (this run included), for
 * the targets that have at least two points; the least healthy first, at most `max`.
 */
export function responseTimeCharts(
  records: readonly HistoryRecord[],
  results: readonly TargetResult[],
  options: { runs: number; max?: number } = { runs: 24 },
): { markdown: string; drawn: number; left: number } {
  const recent = records.slice(-options.runs);
  const ordered = [...results].sort((a, b) => severity(b.status) - severity(a.status));
  const charts: string[] = [];
  let eligible = 0;
  for (const result of ordered) {
    const points = recent
      .map((rec) => ({ at: rec.at, p95: rec.targets.find((t) => t.name === result.name)?.p95 }))
      .filter((p): p is { at: string; p95: number } => typeof p.p95 === 'number' && Number.isFinite(p.p95));
    if (points.length < 2) continue;
    eligible++;
    if (charts.length >= (options.max ?? MAX_CHARTS)) continue;
    const top = Math.max(...points.map((p) => p.p95), result.limits.maxLatencyMs ?? 0);
    charts.push(
      [
        '```mermaid',
        'xychart-beta',
        `    title "${mermaidText(result.name)}: p95 (ms)"`,
        `    x-axis [${points.map((p) => `"${timeLabel(p.at)}"`).join(', ')}]`,
        `    y-axis "ms" 0 --> ${Math.max(1, Math.ceil(top * 1.1))}`,
        `    line [${points.map((p) => Math.round(p.p95)).join(', ')}]`,
        '```',
      ].join('\n'),
    );
  }
  return { markdown: charts.join('\n\n'), drawn: charts.length, left: eligible - charts.length };
}

export interface StatusChange {
  /** The check that saw it (uptime; later checks add their own). */
  check: string;
  subject: string;
  from: MonitorStatus;
  to: MonitorStatus;
  detail: string;
  url?: string;
}

/** Status changes against the previous statuses; a target never seen before counts as having been up. */
export function statusChanges(
  results: readonly TargetResult[],
  previous: ReadonlyMap<string, MonitorStatus>,
): StatusChange[] {
  return results
    .filter((r) => r.status !== (previous.get(r.name) ?? 'up'))
    .map((r) => ({
      check: 'uptime',
      subject: r.name,
      from: previous.get(r.name) ?? 'up',
      to: r.status,
      detail: r.problems.join('; ') || describeFigures(r),
      url: displayUrl(r.url),
    }));
}

export function describeFigures(r: TargetResult): string {
  const l = r.counted.latency;
  return `p50 ${ms(l?.p50)}, p95 ${ms(l?.p95)}, errors ${errorsCell(r)}`;
}

/** The Slack-compatible message (mrkdwn is plain enough): one line per change, then the run. */
export function changesText(changes: readonly StatusChange[], runUrl?: string): string {
  const lines = changes.map(
    (c) =>
      `${STATUS_ICON[c.to]} ${c.subject} is ${c.to} (was ${c.from})${c.url ? ` ${c.url}` : ''}: ${c.detail}`,
  );
  return [`prod-monitor: ${changes.length} status change(s)`, ...lines, ...(runUrl ? [runUrl] : [])].join(
    '\n',
  );
}

/** The generic webhook's JSON document. */
export function changesPayload(
  changes: readonly StatusChange[],
  context: { status: MonitorStatus; at: string; repository?: string; runUrl?: string },
): Record<string, unknown> {
  return {
    source: 'nuzantara-prod-monitor',
    version: 1,
    at: context.at,
    status: context.status,
    ...(context.repository ? { repository: context.repository } : {}),
    ...(context.runUrl ? { run_url: context.runUrl } : {}),
    changes: changes.map((c) => ({
      check: c.check,
      subject: c.subject,
      from: c.from,
      to: c.to,
      detail: c.detail,
      ...(c.url ? { url: c.url } : {}),
    })),
  };
}

/** The heading and counts: `🔴 1 down, 🟡 1 degraded, 🟢 3 up`. */
export function countsLine(counts: StatusCounts): string {
  const parts = (['down', 'degraded', 'up'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${STATUS_ICON[s]} ${counts[s]} ${s}`);
  return parts.join(', ') || 'no targets';
}

export interface UptimeSummaryInput {
  results: readonly TargetResult[];
  /** History with this run appended, oldest first; empty when history is off or unreadable. */
  history: readonly HistoryRecord[];
  chartRuns: number;
  /** Lines about incidents, history and alerts (Markdown, already safe). */
  notes: readonly string[];
  /** Mermaid cannot be read in a terminal. */
  charts: boolean;
}

/** The uptime section of the job summary, kept under the budget (charts go first, then table rows). */
export function uptimeSummary(input: UptimeSummaryInput, budget = SUMMARY_BUDGET): string {
  const counts = countStatuses(input.results);
  const head = [`### Uptime: ${countsLine(counts)}`, ''];
  const chart = input.charts
    ? responseTimeCharts(input.history, input.results, { runs: input.chartRuns })
    : undefined;
  const chartPart =
    chart && chart.drawn > 0
      ? [
          '',
          `#### Response time, p95 over the last ${Math.min(input.chartRuns, input.history.length)} runs`,
          '',
          chart.markdown,
          ...(chart.left > 0 ? ['', `${chart.left} more target(s) not drawn.`] : []),
        ]
      : [];
  const notes = input.notes.length ? ['', ...input.notes.map((n) => `- ${n}`)] : [];
  const build = (rows: number, withChart: boolean) => {
    const more =
      rows < input.results.length
        ? ['', `${input.results.length - rows} more target(s): see the JSON report.`]
        : [];
    const tablePart = rows > 0 ? [resultsTable(input.results.slice(0, rows)), ...more] : more.slice(1);
    return `${[...head, ...tablePart, ...(withChart ? chartPart : []), ...notes].join('\n')}\n`;
  };
  const fits = (text: string) => Buffer.byteLength(text) <= budget;
  const whole = build(input.results.length, true);
  if (fits(whole)) return whole;
  for (let rows = input.results.length; ; rows = Math.floor(rows / 2)) {
    const text = build(rows, false);
    if (fits(text) || rows === 0) return text;
  }
}

/**
 * The job summary: the heading, each check's section and the closing notes, cut to `limit` bytes in all.
 * While it is too long, the largest section loses its tail at a line boundary (a code fence left open is
 * closed, so the rest still renders) and says where the whole is.
 */
export function fitSummary(
  head: string,
  sections: readonly string[],
  tail: string,
  limit = SUMMARY_LIMIT,
  whole = 'the JSON report',
): string {
  const parts = [...sections];
  const join = () => [head, ...parts, tail].join('\n');
  const note = `\n> ✂️ Cut to stay under GitHub's 1 MiB job-summary limit: the whole is in ${whole}.\n`;
  for (let tries = 0; tries < parts.length; tries++) {
    const over = Buffer.byteLength(join()) - limit;
    if (over <= 0) break;
    let largest = 0;
    for (let i = 1; i < parts.length; i++)
      if (Buffer.byteLength(parts[i] as string) > Buffer.byteLength(parts[largest] as string)) largest = i;
    const section = parts[largest] as string;
    // Room for the note and a closing fence too.
    const keep = Math.max(0, Buffer.byteLength(section) - over - Buffer.byteLength(note) - 8);
    parts[largest] = `${cutAtLine(section, keep)}${note}`;
  }
  return join();
}

/** The text's first `maxBytes` bytes or fewer, ending at a line boundary, with an open code fence closed. */
function cutAtLine(text: string, maxBytes: number): string {
  if (maxBytes <= 0) return '';
  const bytes = Buffer.from(text);
  // A negative offset would count from the end: maxBytes is at least 1 here.
  const end = bytes.lastIndexOf(10, maxBytes - 1);
  const kept = end < 0 ? '' : bytes.subarray(0, end + 1).toString('utf8');
  const fences = kept.split('\n').filter((line) => line.trimStart().startsWith('```')).length;
  return fences % 2 === 1 ? `${kept}\`\`\`\n` : kept;
}
