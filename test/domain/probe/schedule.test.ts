/**
 * The probe schedules on a virtual clock: a service turns healthy at a chosen moment, attempts take time
 * (fail fast, or hang until the request timeout), and detection is read from the virtual timeline.
 */
import { describe, expect, it } from '@jest/globals';
import { runProbe, type AttemptOutcome, type ProbeEdges } from '../../../src/domain/probe/run.js';
import {
  attemptOffsets,
  overlapsAttempts,
  scheduleBudgetMs,
  type RetryPolicy,
} from '../../../src/domain/probe/schedule.js';
import { DEFAULT_EXPECT_STATUS, type ProbeSpec } from '../../../src/domain/probe/spec.js';

const spec: ProbeSpec = {
  url: 'http://service/health',
  method: 'GET',
  headers: {},
  expectStatus: DEFAULT_EXPECT_STATUS,
  timeoutMs: 10_000,
  followRedirects: true,
  maxRedirects: 5,
};

const SEED = { attempts: 10, intervalMs: 10_000 };
const steady: RetryPolicy = { mode: 'steady', ...SEED };
const fixed: RetryPolicy = { mode: 'fixed', ...SEED };
const adaptive: RetryPolicy = { mode: 'adaptive', ...SEED };

/** Timers on a virtual clock, fired in order once every promise reaction has run. */
function virtualClock() {
  let now = 0;
  let seq = 0;
  const timers: { at: number; seq: number; fire: () => void }[] = [];
  const schedule = (ms: number, fire: () => void) => {
    const timer = { at: now + Math.max(0, ms), seq: seq++, fire };
    timers.push(timer);
    return () => {
      const i = timers.indexOf(timer);
      if (i >= 0) timers.splice(i, 1);
    };
  };
  return {
    now: () => now,
    schedule,
    sleep: (ms: number, signal?: AbortSignal) =>
      new Promise<void>((resolve) => {
        const cancel = schedule(ms, resolve);
        signal?.addEventListener('abort', () => (cancel(), resolve()), { once: true });
      }),
    /** Runs until `work` settles, jumping from timer to timer. */
    async run<T>(work: Promise<T>): Promise<T> {
      let settled = false;
      void work.then(
        () => (settled = true),
        () => (settled = true),
      );
      for (;;) {
        await new Promise((r) => setImmediate(r));
        if (settled) return work;
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = timers.shift();
        if (!next) throw new Error('nothing left to wait for, and the probe has not finished');
        now = next.at;
        next.fire();
      }
    },
  };
}

/**
 * A service that turns healthy at `healthyAt` (virtual ms). Before that it answers 503 after `latencyMs`,
 * or (hang) never answers, so the request ends at its timeout. Aborted requests end at once as cancelled.
 */
function service(
  clock: ReturnType<typeof virtualClock>,
  healthyAt: number,
  options: { latencyMs?: number; hang?: boolean } = {},
) {
  const latency = options.latencyMs ?? 50;
  const started: number[] = [];
  const edges: ProbeEdges = {
    now: clock.now,
    sleep: clock.sleep,
    attempt: (s, signal) =>
      new Promise<AttemptOutcome>((resolve) => {
        const at = clock.now();
        started.push(at);
        let finish: AttemptOutcome;
        let after = latency;
        if (at >= healthyAt)
          finish = { ok: true, reason: 'ok', detail: 'HTTP 200', status: 200, latencyMs: latency };
        else if (options.hang) {
          after = s.timeoutMs;
          finish = { ok: false, reason: 'timeout', detail: 'no answer', latencyMs: s.timeoutMs };
        } else finish = { ok: false, reason: 'status', detail: 'HTTP 503', status: 503, latencyMs: latency };
        const cancel = clock.schedule(after, () => resolve(finish));
        signal?.addEventListener(
          'abort',
          () => {
            cancel();
            resolve({ ok: false, reason: 'cancelled', detail: 'cancelled', latencyMs: clock.now() - at });
          },
          { once: true },
        );
      }),
  };
  return { edges, started };
}

/** Probes a service that turns healthy at `healthyAt`; "seen" is when the passing answer arrived. */
async function detect(
  policy: RetryPolicy,
  healthyAt: number,
  options: { latencyMs?: number; hang?: boolean } = {},
) {
  const clock = virtualClock();
  const svc = service(clock, healthyAt, options);
  const result = await clock.run(runProbe(spec, policy, svc.edges));
  const passed = result.attempts.find((a) => a.ok);
  return {
    result,
    started: svc.started,
    seenAfterMs: passed ? passed.offsetMs + passed.latencyMs - healthyAt : undefined,
    finishedAt: clock.now(),
  };
}

/** Moments across the whole 90 s window, at phases that do not line up with the ticks. */
const moments = Array.from({ length: 181 }, (_, i) => Math.min(89_990, i * 500 + ((i * 137) % 1000)));

describe('schedule offsets', () => {
  it('steady: a try every second over the seed budget, ending at the budget', () => {
    const offsets = attemptOffsets(steady);
    expect(offsets).toEqual(Array.from({ length: 91 }, (_, i) => i * 1000));
    expect(scheduleBudgetMs(steady)).toBe(scheduleBudgetMs(fixed));
    expect(overlapsAttempts(steady)).toBe(true);
    expect(overlapsAttempts(fixed)).toBe(false);
    expect(overlapsAttempts(adaptive)).toBe(false);
  });

  it('steady: the last gap is cut to the budget, the gap is capped by the interval', () => {
    expect(attemptOffsets({ mode: 'steady', attempts: 3, intervalMs: 1250 })).toEqual([0, 1000, 2000, 2500]);
    expect(attemptOffsets({ mode: 'steady', attempts: 3, intervalMs: 300 })).toEqual([0, 300, 600]);
    expect(attemptOffsets({ mode: 'steady', attempts: 3, intervalMs: 1000, gapMs: 400 })).toEqual([
      0, 400, 800, 1200, 1600, 2000,
    ]);
    expect(attemptOffsets({ mode: 'steady', attempts: 1, intervalMs: 10_000 })).toEqual([0]);
    expect(attemptOffsets({ mode: 'steady', attempts: 5, intervalMs: 0 })).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('health detection on the virtual clock', () => {
  it('steady sees a service within 1.2 s of turning healthy, wherever in the window, at one request a second', async () => {
    const worst = { seen: 0 };
    for (const healthyAt of moments) {
      const { result, started, seenAfterMs } = await detect(steady, healthyAt);
      expect([healthyAt, result.healthy]).toEqual([healthyAt, true]);
      worst.seen = Math.max(worst.seen, seenAfterMs as number);
      // Requests started within any one second: never more than one.
      for (let i = 1; i < started.length; i++)
        expect((started[i] as number) - (started[i - 1] as number)).toBeGreaterThanOrEqual(1000);
    }
    expect(worst.seen).toBeLessThanOrEqual(1200);
    expect(worst.seen).toBeGreaterThan(900); // the bound is tight: some moments fall just after a tick
  });

  it('the fixed seed schedule takes up to its 10 s interval, and adaptive up to its grown gaps', async () => {
    let worstFixed = 0;
    let worstAdaptive = 0;
    for (const healthyAt of moments) {
      worstFixed = Math.max(worstFixed, (await detect(fixed, healthyAt)).seenAfterMs ?? Infinity);
      worstAdaptive = Math.max(worstAdaptive, (await detect(adaptive, healthyAt)).seenAfterMs ?? Infinity);
    }
    expect(worstFixed).toBeGreaterThan(9000);
    expect(worstAdaptive).toBeGreaterThan(7000);
  });

  it('a request that hangs does not delay the next one: seen within 1.2 s, the hung ones cancelled', async () => {
    const { result, seenAfterMs, finishedAt } = await detect(steady, 4500, { hang: true });
    expect(result.healthy).toBe(true);
    expect(seenAfterMs).toBeLessThanOrEqual(1200);
    expect(result.attempts.map((a) => [a.attempt, a.offsetMs, a.reason])).toEqual([
      [1, 0, 'cancelled'],
      [2, 1000, 'cancelled'],
      [3, 2000, 'cancelled'],
      [4, 3000, 'cancelled'],
      [5, 4000, 'cancelled'],
      [6, 5000, 'ok'],
    ]);
    expect(finishedAt).toBe(5050);
    // One at a time, the same hang holds every later try for the whole request timeout.
    const sequential = await detect(fixed, 4500, { hang: true });
    expect(sequential.seenAfterMs).toBeGreaterThan(5000);
  });

  it('sees a service that turns healthy just before the end of the budget, on the last try', async () => {
    const { result } = await detect(steady, 89_400);
    expect(result.healthy).toBe(true);
    expect(result.attempts.at(-1)).toMatchObject({ attempt: 91, offsetMs: 90_000, ok: true });
  });

  it('gives up after the last try answers, and waits no longer than its timeout for a hang', async () => {
    const failing = await detect(steady, Infinity);
    expect(failing.result.healthy).toBe(false);
    expect(failing.result.attempts).toHaveLength(91);
    expect(failing.finishedAt).toBe(90_050);
    const hanging = await detect(steady, Infinity, { hang: true });
    expect(hanging.result.attempts.map((a) => a.reason)).toEqual(Array(91).fill('timeout'));
    expect(hanging.finishedAt).toBe(90_000 + spec.timeoutMs);
  });
});
