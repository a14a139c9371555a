/**
 * When probe attempts start. All three share one budget, (attempts − 1) × interval, the seed's 90 s.
 * `steady` (the default): a try every second (the gap, capped by the interval), each started on its tick
 * even while an earlier one still waits for an answer, so a service is seen at most one gap plus one
 * answer after it turns healthy, wherever in the budget that happens, at about one request a second.
 * `fixed`: `attempts` tries `intervalMs` apart, one at a time (the seed: 10 tries, 10 s).
 * `adaptive`: one at a time, after 1 s, 2 s, 4 s … up to the interval, and a last try at the end of the
 * budget (fewer requests than steady, slower to notice once the gaps have grown).
 */

export const SCHEDULE_MODES = ['steady', 'fixed', 'adaptive'] as const;
export type ScheduleMode = (typeof SCHEDULE_MODES)[number];

export interface RetryPolicy {
  mode: ScheduleMode;
  attempts: number;
  intervalMs: number;
  /** First gap of the adaptive schedule (default min(1 s, interval)). */
  firstGapMs?: number;
  /** Gap of the steady schedule (default min(1 s, interval)). */
  gapMs?: number;
}

/** The steady schedule's request rate: one a second. */
export const STEADY_GAP_MS = 1000;

/** Start offsets (ms after the first attempt) of every attempt. */
export function attemptOffsets(policy: RetryPolicy): number[] {
  const attempts = Math.max(1, Math.floor(policy.attempts));
  const interval = Math.max(0, policy.intervalMs);
  if (policy.mode === 'fixed' || attempts === 1 || interval === 0)
    return Array.from({ length: attempts }, (_, i) => i * interval);
  const budget = (attempts - 1) * interval;
  if (policy.mode === 'steady') {
    const gap = Math.max(1, Math.min(policy.gapMs ?? STEADY_GAP_MS, interval));
    const count = Math.ceil(budget / gap);
    return Array.from({ length: count + 1 }, (_, i) => Math.min(budget, i * gap));
  }
  const offsets = [0];
  let gap = Math.min(policy.firstGapMs ?? 1000, interval);
  let at = 0;
  while (at < budget) {
    at = Math.min(budget, at + gap);
    offsets.push(at);
    gap = Math.min(interval, gap * 2);
  }
  return offsets;
}

/**
 * Whether an attempt starts on its tick while earlier ones still wait for an answer. Only steady: a
 * request that hangs (a proxy holding it while a machine starts) must not delay the next one, or a
 * service that answers new requests would be seen only when the hung one times out.
 */
export const overlapsAttempts = (policy: RetryPolicy): boolean => policy.mode === 'steady';

/** Total time the schedule may take besides the requests themselves. */
export const scheduleBudgetMs = (policy: RetryPolicy): number => attemptOffsets(policy).at(-1) ?? 0;
