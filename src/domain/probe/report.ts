/** The health attempts table and the verification window's figures for job summaries. */
import { table } from '../shared/markdown.js';
import type { ProbeAttempt, ProbeResult } from './run.js';
import { formatRate, type WindowResult } from './window.js';

export function attemptsTable(result: ProbeResult): string {
  return table(
    ['#', 'time (UTC)', '+s', 'status', 'latency', 'result'],
    result.attempts.map((a) => [
      String(a.attempt),
      new Date(a.startedAt).toISOString().slice(11, 23),
      (a.offsetMs / 1000).toFixed(1),
      a.status === undefined ? '—' : String(a.status),
      `${Math.round(a.latencyMs)}ms`,
      a.ok ? 'ok' : `${a.reason}: ${a.detail}`,
    ]),
  );
}

/** One attempt as a log line: `health attempt 2 (+1.0s): ok HTTP 200 12ms`. */
export function attemptLine(a: ProbeAttempt, label = 'health attempt'): string {
  return `  ${label} ${a.attempt} (+${(a.offsetMs / 1000).toFixed(1)}s): ${a.ok ? 'ok' : a.reason} ${a.detail} ${Math.round(a.latencyMs)}ms`;
}

/** The verification window's figures, with each limit and whether it held. */
export function windowTable(result: WindowResult): string {
  const l = result.latency;
  const ms = (v: number | undefined) => (v === undefined ? '—' : `${Math.round(v)}ms`);
  const p95Limit = result.settings.maxP95Ms;
  return table(
    ['samples', 'errors', 'error rate', 'p50', 'p95', 'max', 'limits'],
    [
      [
        `${result.samples.length}${result.samples.length < result.planned ? ` of ${result.planned}` : ''}`,
        String(result.errors),
        formatRate(result.errorRate),
        ms(l?.p50),
        ms(l?.p95),
        ms(l?.max),
        `error rate ≤ ${result.settings.maxErrorRate}%${p95Limit === undefined ? '' : `, p95 ≤ ${p95Limit}ms`}`,
      ],
    ],
  );
}
