/** The health attempts table for job summaries. */
import { table } from '../shared/markdown.js';
import type { ProbeAttempt, ProbeResult } from './run.js';

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
