/** The health attempts table for job summaries. */
import { table } from '../markdown.js';
import type { ProbeResult } from './run.js';

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
