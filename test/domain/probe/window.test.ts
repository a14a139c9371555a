import { describe, expect, it } from '@jest/globals';
import type { AttemptOutcome, ProbeAttempt } from '../../../src/domain/probe/run.js';
import { windowTable } from '../../../src/domain/probe/report.js';
import { DEFAULT_EXPECT_STATUS, type ProbeSpec } from '../../../src/domain/probe/spec.js';
import {
  describeWindow,
  judgeWindow,
  runWindow,
  windowOffsets,
  type WindowSettings,
} from '../../../src/domain/probe/window.js';

const spec: ProbeSpec = {
  url: 'https://demo.fly.dev/health',
  method: 'GET',
  headers: {},
  expectStatus: DEFAULT_EXPECT_STATUS,
  timeoutMs: 1000,
  followRedirects: true,
  maxRedirects: 5,
};
const settings: WindowSettings = { windowMs: 10_000, intervalMs: 1000, maxErrorRate: 10, maxP95Ms: 300 };

const sample = (n: number, ok: boolean, latencyMs: number): ProbeAttempt => ({
  attempt: n,
  startedAt: 0,
  offsetMs: (n - 1) * 1000,
  latencyMs,
  ok,
  reason: ok ? 'ok' : 'status',
  detail: ok ? 'HTTP 200' : 'HTTP 503',
});

/** Edges on a simple clock: each sample answers in its own latency, one after another. */
function edges(outcomes: ((n: number) => AttemptOutcome)[]) {
  let now = 0;
  let n = 0;
  const started: number[] = [];
  return {
    started,
    edges: {
      now: () => now,
      sleep: async (ms: number) => void (now += ms),
      attempt: async () => {
        started.push(now);
        const outcome = (outcomes[n] ?? outcomes.at(-1) ?? (() => ({}) as AttemptOutcome))(++n);
        now += outcome.latencyMs;
        return outcome;
      },
    },
  };
}
const ok =
  (latencyMs = 20) =>
  (): AttemptOutcome => ({ ok: true, reason: 'ok', detail: 'HTTP 200', status: 200, latencyMs });
const down = (): AttemptOutcome => ({
  ok: false,
  reason: 'status',
  detail: 'HTTP 503',
  status: 503,
  latencyMs: 5,
});

describe('the verification window', () => {
  it('takes one sample per interval over the window', () => {
    expect(windowOffsets(settings)).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000]);
    expect(windowOffsets({ ...settings, windowMs: 500 })).toEqual([0]);
  });

  it('judges error rate and p95 against their limits', () => {
    const clean = judgeWindow(
      spec.url,
      settings,
      10,
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => sample(n, true, n * 10)),
      10_000,
    );
    expect(clean).toMatchObject({ passed: true, errors: 0, errorRate: 0, problems: [] });
    expect(clean.latency).toMatchObject({ p50: 50, p95: 100, max: 100 });
    expect(describeWindow(clean)).toBe(
      '10 sample(s) over 10s: 0 error(s) (0%), p50 50ms, p95 100ms, max 100ms',
    );
    expect(windowTable(clean)).toContain(
      '| 10 | 0 | 0% | 50ms | 100ms | 100ms | error rate ≤ 10%, p95 ≤ 300ms |',
    );

    const errors = judgeWindow(
      spec.url,
      settings,
      10,
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => sample(n, n > 8, 10)),
      10_000,
    );
    expect(errors.passed).toBe(false);
    expect(errors.problems).toEqual(['error rate 80% (8 of 10) is over the limit of 10%']);

    const slow = judgeWindow(
      spec.url,
      settings,
      10,
      [1, 2, 3].map((n) => sample(n, true, 400)),
      3000,
    );
    expect(slow.problems).toEqual(['p95 latency 400ms is over the limit of 300ms']);
    // At the limit passes: "exceeds" means more than.
    expect(
      judgeWindow(
        spec.url,
        settings,
        10,
        [sample(1, false, 5), ...[2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => sample(n, true, 300))],
        10_000,
      ).passed,
    ).toBe(true);
    expect(judgeWindow(spec.url, settings, 1, [], 0).problems).toEqual(['no sample was answered']);
  });

  it('samples the whole window when it holds', async () => {
    const e = edges([ok()]);
    const result = await runWindow(spec, settings, e.edges);
    expect(result).toMatchObject({ passed: true, planned: 10, stoppedEarly: false });
    expect(result.samples).toHaveLength(10);
    expect(e.started).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000]);
  });

  it('stops as soon as the errors exceed what the whole window allows', async () => {
    // 10% of 10 samples: one error is allowed, the second fails the window.
    const e = edges([ok(), down, ok(), down, ok()]);
    const result = await runWindow(spec, settings, e.edges);
    expect(result.passed).toBe(false);
    expect(result.stoppedEarly).toBe(true);
    expect(result.samples).toHaveLength(4);
    expect(e.started).toHaveLength(4);
    expect(result.problems).toEqual([
      '2 of the first 4 samples failed, more than the 10% of 10 the window allows',
    ]);
  });

  it('judges a degrading service on its error rate', async () => {
    const e = edges(Array.from({ length: 10 }, (_, i) => (i < 7 ? ok() : down)));
    const result = await runWindow(spec, { ...settings, maxErrorRate: 50 }, e.edges);
    expect(result).toMatchObject({ passed: true, errors: 3, errorRate: 30 });
    const strict = await runWindow(
      spec,
      { ...settings, maxErrorRate: 0 },
      edges(Array.from({ length: 10 }, (_, i) => (i < 7 ? ok() : down))).edges,
    );
    expect(strict).toMatchObject({ passed: false, stoppedEarly: true, errors: 1 });
    expect(strict.samples).toHaveLength(8);
  });
});
