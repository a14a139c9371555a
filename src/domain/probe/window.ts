/**
 * The verification window (Argo Rollouts' analysis, for one URL): after a release turns healthy, sample it
 * at a steady rate for a while and judge the error rate and the p95 latency against limits. Samples start
 * on their ticks even while an earlier one hangs, so a hang costs one sample, not the rate.
 */
import { runAttempts, type ProbeAttempt, type ProbeEdges } from './run.js';
import type { ProbeSpec } from './spec.js';
import { errorRate, summarizeLatencies, type LatencySummary } from './stats.js';

export interface WindowSettings {
  windowMs: number;
  intervalMs: number;
  /** Percent of samples that may fail (0: none). */
  maxErrorRate: number;
  /** Undefined: latency is reported, not judged. */
  maxP95Ms?: number;
}

export interface WindowResult {
  url: string;
  passed: boolean;
  /** Samples the whole window takes. */
  planned: number;
  /** Answered samples (cancelled ones left out), in start order. */
  samples: ProbeAttempt[];
  errors: number;
  /** Percent of answered samples that failed. */
  errorRate: number;
  /** Over every answered sample, failed ones included (a timeout counts at its limit). */
  latency?: LatencySummary;
  durationMs: number;
  /** The errors passed what the whole window allows, so it stopped there. */
  stoppedEarly: boolean;
  /** Each limit passed, in words. */
  problems: string[];
  settings: WindowSettings;
}

/** Start offsets of the samples: one per interval, the window's length in all. */
export function windowOffsets(settings: WindowSettings): number[] {
  const interval = Math.max(1, settings.intervalMs);
  const count = Math.max(1, Math.ceil(settings.windowMs / interval));
  return Array.from({ length: count }, (_, i) => i * interval);
}

/** Judges answered samples against the limits; pure, so the monitor can judge its own samples. */
export function judgeWindow(
  url: string,
  settings: WindowSettings,
  planned: number,
  samples: readonly ProbeAttempt[],
  durationMs: number,
  stoppedEarly = false,
): WindowResult {
  const answered = samples.filter((s) => s.reason !== 'cancelled');
  const errors = answered.filter((s) => !s.ok).length;
  const rate = errorRate(errors, answered.length);
  const latency = summarizeLatencies(answered.map((s) => s.latencyMs));
  const problems: string[] = [];
  if (stoppedEarly)
    problems.push(
      `${errors} of the first ${answered.length} samples failed, more than the ${settings.maxErrorRate}% of ${planned} the window allows`,
    );
  else if (rate > settings.maxErrorRate)
    problems.push(
      `error rate ${formatRate(rate)} (${errors} of ${answered.length}) is over the limit of ${settings.maxErrorRate}%`,
    );
  if (settings.maxP95Ms !== undefined && latency && latency.p95 > settings.maxP95Ms)
    problems.push(`p95 latency ${Math.round(latency.p95)}ms is over the limit of ${settings.maxP95Ms}ms`);
  if (answered.length === 0) problems.push('no sample was answered');
  return {
    url,
    passed: problems.length === 0,
    planned,
    samples: answered,
    errors,
    errorRate: rate,
    ...(latency ? { latency } : {}),
    durationMs,
    stoppedEarly,
    problems,
    settings,
  };
}

/** Samples the URL for the window and judges it; stops as soon as the errors cannot stay within the limit. */
export async function runWindow(
  spec: ProbeSpec,
  settings: WindowSettings,
  edges: ProbeEdges,
): Promise<WindowResult> {
  const offsets = windowOffsets(settings);
  const allowed = (settings.maxErrorRate / 100) * offsets.length;
  let errors = 0;
  const run = await runAttempts(
    spec,
    offsets,
    true,
    edges,
    (s) => !s.ok && s.reason !== 'cancelled' && ++errors > allowed,
  );
  return judgeWindow(spec.url, settings, offsets.length, run.attempts, run.durationMs, !!run.stoppedBy);
}

export const formatRate = (percent: number): string => `${Number(percent.toFixed(percent < 10 ? 2 : 1))}%`;

/** "60 samples over 1m: 0 errors (0%), p50 12ms, p95 30ms, max 45ms". */
export function describeWindow(result: WindowResult): string {
  const l = result.latency;
  const figures = `${result.samples.length} sample(s) over ${Math.round(result.durationMs / 1000)}s: ${result.errors} error(s) (${formatRate(result.errorRate)}), ${l ? `p50 ${Math.round(l.p50)}ms, p95 ${Math.round(l.p95)}ms, max ${Math.round(l.max)}ms` : 'no latency'}`;
  return result.passed ? figures : `${figures}; ${result.problems.join('; ')}`;
}
