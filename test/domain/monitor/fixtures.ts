/** Target results for the monitor's report, history and incident tests. */
import type { TargetResult } from '../../../src/domain/monitor/check.js';
import type { MonitorStatus, Sample } from '../../../src/domain/monitor/judge.js';
import { summarizeLatencies } from '../../../src/domain/probe/stats.js';

export const AT = Date.parse('2026-09-14T10:00:00Z');

export function result(
  name: string,
  status: MonitorStatus,
  options: {
    latencies?: number[];
    failed?: number;
    problems?: string[];
    url?: string;
    tlsDays?: number;
  } = {},
): TargetResult {
  const latencies = options.latencies ?? [10, 12, 14, 16, 18];
  const failed = options.failed ?? (status === 'down' ? latencies.length : 0);
  const samples: Sample[] = latencies.map((latencyMs, i) => ({
    at: AT + i * 20,
    ok: i >= failed,
    reason: i >= failed ? 'ok' : 'status',
    detail: i >= failed ? 'HTTP 200' : 'HTTP 503, expected 200-299',
    status: i >= failed ? 200 : 503,
    latencyMs,
  }));
  const round = {
    status,
    problems: options.problems ?? (status === 'up' ? [] : [`${name} problem`]),
    samples,
    errors: failed,
    errorRate: (100 * failed) / latencies.length,
    latency: summarizeLatencies(latencies),
  };
  return {
    name,
    url: options.url ?? `https://${name}.example/health`,
    status,
    problems: round.problems,
    counted: round,
    rounds: [round],
    ...(options.tlsDays !== undefined ? { tls: { status: 'up', daysLeft: options.tlsDays } } : {}),
    startedAt: AT,
    durationMs: 100,
    limits: { maxLatencyMs: 500, maxErrorRate: 0, tlsWarnDays: 14, tlsErrorDays: 7 },
  } as TargetResult;
}
