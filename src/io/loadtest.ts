/**
 * One short load test with autocannon, loaded only when a benchmark runs (the monitor's start-up does not
 * pay for it). Bounded three ways: the duration, an absolute request cap, and a watchdog that stops the
 * run shortly after its duration whatever happens. Latencies are each response's time, summarised with
 * the probe's percentiles.
 */
import type autocannon from 'autocannon';
import { summarizeLatencies } from '../domain/probe/stats.js';
import type { LoadResult, LoadSpec } from '../domain/loadtest/types.js';

/** Past the duration, the run is stopped this much later at the latest. */
const WATCHDOG_GRACE_MS = 10_000;

export async function runLoadTest(spec: LoadSpec): Promise<LoadResult> {
  const { default: run } = await import('autocannon');
  const latencies: number[] = [];
  let watchdog: NodeJS.Timeout | undefined;
  try {
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = run(
        {
          url: spec.url,
          method: spec.method,
          headers: spec.headers,
          connections: spec.connections,
          duration: spec.durationMs / 1000,
          maxOverallRequests: Math.max(spec.maxRequests, spec.connections),
          timeout: Math.max(1, Math.ceil(spec.timeoutMs / 1000)),
          ...(spec.rate ? { overallRate: spec.rate } : {}),
          // A target that refuses connections would otherwise be hammered for the whole duration.
          bailout: Math.max(100, spec.connections * 10),
        },
        (error, result) =>
          error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result),
      );
      instance.on('response', (_client, _status, _bytes, responseTime) => {
        if (latencies.length < spec.maxRequests) latencies.push(responseTime);
      });
      watchdog = setTimeout(() => instance.stop(), spec.durationMs + WATCHDOG_GRACE_MS);
    });
    const requests = result.requests.total;
    const durationMs = Math.max(1, result.duration * 1000);
    const failed = result.errors + result.non2xx;
    const attempts = requests + result.errors;
    const latency = summarizeLatencies(latencies);
    return {
      target: spec.target,
      url: spec.url,
      durationMs,
      requests,
      rps: (1000 * requests) / durationMs,
      ...(latency ? { latency } : {}),
      errors: result.errors,
      non2xx: result.non2xx,
      errorRate: attempts === 0 ? 100 : (100 * failed) / attempts,
      capped: requests >= spec.maxRequests && durationMs < spec.durationMs,
    };
  } finally {
    if (watchdog) clearTimeout(watchdog);
  }
}
