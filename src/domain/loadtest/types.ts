/** The benchmark's data: what one load test is asked to do, what it measured, and how it was judged. */
import type { LatencySummary } from '../probe/stats.js';

export interface LoadSpec {
  target: string;
  url: string;
  method: 'GET' | 'HEAD';
  headers: Record<string, string>;
  durationMs: number;
  connections: number;
  /** Requests per second over all connections; undefined: as fast as the target answers. */
  rate?: number;
  /** The absolute cap: the test stops at this many requests whatever the duration. */
  maxRequests: number;
  /** Time limit of one request. */
  timeoutMs: number;
}

export interface LoadResult {
  target: string;
  url: string;
  durationMs: number;
  /** Responses received (any status). */
  requests: number;
  /** Responses per second over the test. */
  rps: number;
  latency?: LatencySummary;
  /** Connection errors and timeouts (no response). */
  errors: number;
  /** Responses outside 2xx. */
  non2xx: number;
  /** Failed (errors + non-2xx) as a percentage of all attempts. */
  errorRate: number;
  /** The request cap ended the test before its duration. */
  capped: boolean;
}

export type Metric = 'rps' | 'p50' | 'p95' | 'p99' | 'errors';
export type Operator = '<' | '<=' | '>' | '>=';

export interface Threshold {
  metric: Metric;
  op: Operator;
  /** ms for latencies, requests/s for rps, a percentage for `errors` with %, else a count. */
  value: number;
  /** `errors` only: the value is a percentage of attempts rather than a count. */
  percent?: boolean;
  /** As the user wrote it, for messages. */
  text: string;
}

export type RegressionAction = 'warn' | 'fail';

export interface Regression {
  metric: 'rps' | 'p50' | 'p95' | 'p99';
  previous: number;
  current: number;
  /** How much worse, in percent. */
  change: number;
}

export interface BenchmarkVerdict {
  result: LoadResult;
  /** Thresholds not met. */
  breaches: Threshold[];
  regressions: Regression[];
  /** The earlier result compared with; undefined: none kept. */
  previous?: HistoryEntry;
}

/** One target's result as the monitor's history keeps it. */
export interface HistoryEntry {
  at: string;
  url: string;
  requests: number;
  rps: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  errorRate: number;
}
