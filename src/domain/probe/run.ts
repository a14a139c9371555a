/**
 * The probe loop on injected edges (one HTTP attempt, a clock, a sleep), so it is tested without timers:
 * attempts start on the schedule's ticks until one passes; every attempt is recorded. The same loop takes
 * the verification window's samples (src/domain/probe/window.ts).
 */
import type { AttemptReason, Verdict } from './evaluate.js';
import { attemptOffsets, overlapsAttempts, type RetryPolicy } from './schedule.js';
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
  /** One attempt; never throws. When `signal` aborts (the loop has its answer) it ends as `cancelled`. */
  attempt(spec: ProbeSpec, signal?: AbortSignal): Promise<AttemptOutcome>;
  now(): number;
  /** May end early when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Told after each attempt (for the log). */
  onAttempt?(attempt: ProbeAttempt): void;
}

export interface AttemptRun {
  /** In start order. */
  attempts: ProbeAttempt[];
  /** The attempt that ended the run early, if one did. */
  stoppedBy?: ProbeAttempt;
  durationMs: number;
}

/**
 * Starts one attempt at each offset (ms after the first). With `overlap`, an attempt starts on its tick
 * even while earlier ones wait for an answer; without, each waits for the one before. When `stop` says so
 * after an attempt, no more start and those in flight are aborted (they are recorded as cancelled).
 */
export async function runAttempts(
  spec: ProbeSpec,
  offsets: readonly number[],
  overlap: boolean,
  edges: ProbeEdges,
  stop: (attempt: ProbeAttempt) => boolean,
): Promise<AttemptRun> {
  const begin = edges.now();
  const attempts: ProbeAttempt[] = [];
  const abort = new AbortController();
  let stoppedBy: ProbeAttempt | undefined;
  let wake = () => {};
  const woken = new Promise<void>((resolve) => (wake = resolve));
  const pending = new Set<Promise<void>>();

  const launch = (n: number): Promise<void> => {
    const startedAt = edges.now();
    const run: Promise<void> = edges.attempt(spec, abort.signal).then((outcome) => {
      pending.delete(run);
      const record: ProbeAttempt = {
        attempt: n,
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
      if (!stoppedBy && stop(record)) {
        stoppedBy = record;
        abort.abort();
        wake();
      }
    });
    pending.add(run);
    return run;
  };

  for (let i = 0; i < offsets.length && !stoppedBy; i++) {
    const wait = begin + (offsets[i] as number) - edges.now();
    if (wait > 0) await Promise.race([edges.sleep(wait, abort.signal).catch(() => undefined), woken]);
    if (stoppedBy) break;
    const run = launch(i + 1);
    if (!overlap) await run;
  }
  while (pending.size > 0) await Promise.race(pending);
  attempts.sort((a, b) => a.attempt - b.attempt);
  return { attempts, ...(stoppedBy ? { stoppedBy } : {}), durationMs: edges.now() - begin };
}

export async function runProbe(
  spec: ProbeSpec,
  policy: RetryPolicy,
  edges: ProbeEdges,
): Promise<ProbeResult> {
  const run = await runAttempts(spec, attemptOffsets(policy), overlapsAttempts(policy), edges, (a) => a.ok);
  const passed = run.stoppedBy;
  return {
    url: spec.url,
    healthy: passed !== undefined,
    attempts: run.attempts,
    ...(passed ? { latencyMs: passed.latencyMs } : {}),
    durationMs: run.durationMs,
  };
}

/** One line for a log or an error: "unhealthy after 10 attempts over 1m30s: last HTTP 503 …". */
export function describeProbe(result: ProbeResult): string {
  const answered = result.attempts.filter((a) => a.reason !== 'cancelled');
  const passed = result.attempts.find((a) => a.ok);
  if (result.healthy)
    return `healthy on attempt ${passed?.attempt ?? answered.length} (${Math.round(result.latencyMs ?? 0)}ms)`;
  const last = answered.at(-1);
  const reasons = new Map<string, number>();
  for (const a of answered) reasons.set(a.reason, (reasons.get(a.reason) ?? 0) + 1);
  const mix = [...reasons].map(([r, c]) => `${c}× ${r}`).join(', ');
  return `unhealthy after ${answered.length} attempt(s) over ${Math.round(result.durationMs / 1000)}s (${mix}); last: ${last?.detail ?? 'none'}`;
}
