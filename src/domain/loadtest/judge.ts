/**
 * Judging a load test: against the thresholds, and against the previous result the monitor kept
 * (a regression is throughput down, or a latency up, by more than the allowed percentage).
 */
import type { BenchmarkVerdict, HistoryEntry, LoadResult, Regression, Threshold } from './types.js';

/** Latency changes smaller than this are noise on a shared runner, whatever the percentage. */
export const LATENCY_NOISE_MS = 5;

function measured(result: LoadResult, t: Threshold): number | undefined {
  switch (t.metric) {
    case 'rps':
      return result.rps;
    case 'errors':
      return t.percent ? result.errorRate : result.errors + result.non2xx;
    default:
      return result.latency?.[t.metric];
  }
}

export function meets(result: LoadResult, t: Threshold): boolean {
  const value = measured(result, t);
  // No latency at all (no response arrived) meets no latency rule.
  if (value === undefined) return false;
  switch (t.op) {
    case '<':
      return value < t.value;
    case '<=':
      return value <= t.value;
    case '>':
      return value > t.value;
    case '>=':
      return value >= t.value;
  }
}

export function historyEntry(result: LoadResult, at: Date): HistoryEntry {
  const round = (n: number | undefined) => (n === undefined ? null : Math.round(n * 100) / 100);
  return {
    at: at.toISOString(),
    url: result.url,
    requests: result.requests,
    rps: round(result.rps) ?? 0,
    p50: round(result.latency?.p50),
    p95: round(result.latency?.p95),
    p99: round(result.latency?.p99),
    errorRate: round(result.errorRate) ?? 0,
  };
}

export function regressions(
  result: LoadResult,
  previous: HistoryEntry,
  allowedPercent: number,
): Regression[] {
  const found: Regression[] = [];
  if (previous.rps > 0 && result.rps < previous.rps) {
    const change = (100 * (previous.rps - result.rps)) / previous.rps;
    if (change > allowedPercent)
      found.push({ metric: 'rps', previous: previous.rps, current: result.rps, change });
  }
  for (const metric of ['p50', 'p95', 'p99'] as const) {
    const before = previous[metric];
    const now = result.latency?.[metric];
    if (before === null || now === undefined || before <= 0) continue;
    const change = (100 * (now - before)) / before;
    if (change > allowedPercent && now - before >= LATENCY_NOISE_MS)
      found.push({ metric, previous: before, current: now, change });
  }
  return found;
}

export function judge(
  result: LoadResult,
  thresholds: readonly Threshold[],
  previous: HistoryEntry | undefined,
  allowedPercent: number,
): BenchmarkVerdict {
  return {
    result,
    breaches: thresholds.filter((t) => !meets(result, t)),
    regressions: previous ? regressions(result, previous, allowedPercent) : [],
    ...(previous ? { previous } : {}),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const numOrNull = (v: unknown): number | null => (num(v) ? v : null);

export const HISTORY_SCHEMA = 'benchmark@1';

/** What this check keeps in the monitor's history: each target's latest result. */
export function benchmarkHistory(results: Record<string, HistoryEntry>): {
  schema: string;
  results: Record<string, HistoryEntry>;
} {
  return { schema: HISTORY_SCHEMA, results };
}

/** The previous results from the monitor's history, read defensively: anything unreadable is no result. */
export function previousResults(history: unknown): Map<string, HistoryEntry> {
  const found = new Map<string, HistoryEntry>();
  if (!isObject(history) || history.schema !== HISTORY_SCHEMA || !isObject(history.results)) return found;
  for (const [target, e] of Object.entries(history.results)) {
    if (!isObject(e) || typeof e.at !== 'string' || !num(e.rps)) continue;
    found.set(target, {
      at: e.at,
      url: typeof e.url === 'string' ? e.url : '',
      requests: num(e.requests) ? e.requests : 0,
      rps: e.rps,
      p50: numOrNull(e.p50),
      p95: numOrNull(e.p95),
      p99: numOrNull(e.p99),
      errorRate: num(e.errorRate) ? e.errorRate : 0,
    });
  }
  return found;
}
