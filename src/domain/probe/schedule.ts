/**
 * When probe attempts start. `fixed`: `attempts` tries `intervalMs` apart (the seed: 10 tries, 10 s).
 * `adaptive`: the same total budget ((attempts − 1) × interval), but probing early and often — 1 s, then
 * doubling up to the interval — so a service that turns healthy quickly is seen quickly, with a last try
 * at the end of the budget like the fixed schedule.
 */

export interface RetryPolicy {
  mode: 'fixed' | 'adaptive';
  attempts: number;
  intervalMs: number;
  /** First gap of the adaptive schedule (default min(1 s, interval)). */
  firstGapMs?: number;
}

/** Start offsets (ms after the first attempt) of every attempt. */
export function attemptOffsets(policy: RetryPolicy): number[] {
  const attempts = Math.max(1, Math.floor(policy.attempts));
  const interval = Math.max(0, policy.intervalMs);
  if (policy.mode === 'fixed' || attempts === 1 || interval === 0)
    return Array.from({ length: attempts }, (_, i) => i * interval);
  const budget = (attempts - 1) * interval;
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

/** Total time the schedule may take besides the requests themselves. */
export const scheduleBudgetMs = (policy: RetryPolicy): number => attemptOffsets(policy).at(-1) ?? 0;
