/**
 * The probe loop on injected edges (one HTTP attempt, a clock, a sleep), so it is tested without timers:
 * attempts follow the schedule until one passes; every attempt is recorded.
 */
import type { AttemptReason, Verdict } from './evaluate.js';
import { attemptOffsets, type RetryPolicy } from './schedule.js';
import type { ProbeSpec } from './spec.js';

export interface ProbeAttempt {
  attempt: number;
  /** Wall-clock start (ms since epoch). */
  startedAt: number;
  /** ms since the probe began. */
  offsetMs: number;
  status?: number;
  latencyMs: number;
  ok: boolean;
  reason: AttemptReason;
  detail: string;
}

export interface ProbeResult {
  url: string;
  healthy: boolean;
  attempts: ProbeAttempt[];
  /** Latency of the passing attempt. */
  latencyMs?: number;
  durationMs: number;
}

export interface AttemptOutcome extends Verdict {
  status?: number;
  latencyMs: number;
}

export interface ProbeEdges {
  attempt(spec: ProbeSpec): Promise<AttemptOutcome>;
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Told after each attempt (for the log). */
  onAttempt?(attempt: ProbeAttempt): void;
}

export async function runProbe(
  spec: ProbeSpec,
  policy: RetryPolicy,
  edges: ProbeEdges,
): Promise<ProbeResult> {
  const offsets = attemptOffsets(policy);
  const begin = edges.now();
  const attempts: ProbeAttempt[] = [];
  for (let i = 0; i < offsets.length; i++) {
    const wait = begin + (offsets[i] as number) - edges.now();
    if (wait > 0) await edges.sleep(wait);
    const startedAt = edges.now();
    const outcome = await edges.attempt(spec);
    const record: ProbeAttempt = {
      attempt: i + 1,
      startedAt,
      offsetMs: startedAt - begin,
      ...(outcome.status !== undefined ? { status: outcome.status } : {}),
      latencyMs: outcome.latencyMs,
      ok: outcome.ok,
      reason: outcome.reason,
      detail: outcome.detail,
    };
    attempts.push(record);
    edges.onAttempt?.(record);
    if (outcome.ok)
      return {
        url: spec.url,
        healthy: true,
        attempts,
        latencyMs: outcome.latencyMs,
        durationMs: edges.now() - begin,
      };
  }
  return { url: spec.url, healthy: false, attempts, durationMs: edges.now() - begin };
}

/** One line for a log or an error: "unhealthy after 10 attempts over 1m30s: last HTTP 503 …". */
export function describeProbe(result: ProbeResult): string {
  const last = result.attempts.at(-1);
  const n = result.attempts.length;
  if (result.healthy) return `healthy on attempt ${n} (${Math.round(result.latencyMs ?? 0)}ms)`;
  const reasons = new Map<string, number>();
  for (const a of result.attempts) reasons.set(a.reason, (reasons.get(a.reason) ?? 0) + 1);
  const mix = [...reasons].map(([r, c]) => `${c}× ${r}`).join(', ');
  return `unhealthy after ${n} attempt(s) over ${Math.round(result.durationMs / 1000)}s (${mix}); last: ${last?.detail ?? 'none'}`;
}
