import { describe, expect, it } from '@jest/globals';
import { classifyError, evaluateResponse } from '../../../src/domain/probe/evaluate.js';
import { describeProbe, runProbe, type AttemptOutcome } from '../../../src/domain/probe/run.js';
import { attemptOffsets, scheduleBudgetMs } from '../../../src/domain/probe/schedule.js';
import {
  DEFAULT_EXPECT_STATUS,
  parseBodyCheck,
  parseHeaders,
  parseStatusSet,
  type ProbeSpec,
} from '../../../src/domain/probe/spec.js';
import { attemptsTable } from '../../../src/domain/probe/report.js';

const spec = (over: Partial<ProbeSpec> = {}): ProbeSpec => ({
  url: 'http://127.0.0.1:1/health',
  method: 'GET',
  headers: {},
  expectStatus: DEFAULT_EXPECT_STATUS,
  timeoutMs: 1000,
  followRedirects: true,
  maxRedirects: 5,
  ...over,
});

const response = (status: number, body = '', latencyMs = 10) => ({
  status,
  body,
  latencyMs,
  finalUrl: 'http://x/',
  redirects: 0,
});

describe('probe spec parsing', () => {
  it('reads status sets', () => {
    expect(parseStatusSet('s', '200')).toEqual([{ from: 200, to: 200 }]);
    expect(parseStatusSet('s', '2xx, 301-302 404')).toEqual([
      { from: 200, to: 299 },
      { from: 301, to: 302 },
      { from: 404, to: 404 },
    ]);
    expect(parseStatusSet('s', '')).toEqual(DEFAULT_EXPECT_STATUS);
    expect(() => parseStatusSet('health-expect-status', 'ok')).toThrow(/Input 'health-expect-status'.*"ok"/);
    expect(() => parseStatusSet('s', '299-200')).toThrow(/not an HTTP status/);
    expect(() => parseStatusSet('s', '700')).toThrow(/outside 100-599/);
  });

  it('reads body checks', () => {
    expect(parseBodyCheck('b', 'ok')).toEqual({ kind: 'substring', text: 'ok' });
    expect(parseBodyCheck('b', '$.status == "ok"')).toMatchObject({
      kind: 'json-path',
      path: ['status'],
      equals: 'ok',
    });
    expect(parseBodyCheck('b', '$.db.replicas[0]["up time"] == 3')).toMatchObject({
      path: ['db', 'replicas', 0, 'up time'],
      equals: 3,
    });
    expect(parseBodyCheck('b', '$.ok == true')).toMatchObject({ equals: true });
    expect(parseBodyCheck('b', '')).toBeUndefined();
    expect(parseBodyCheck('b', '$ == "pong"')).toMatchObject({ path: [], equals: 'pong' });
    expect(parseBodyCheck('b', '$.status == degraded mode')).toMatchObject({ equals: 'degraded mode' });
    expect(parseBodyCheck('b', 'status: "ok"')).toEqual({ kind: 'substring', text: 'status: "ok"' });
  });

  it.each([
    ['$..x == 1', /"\$\.\.x" is not a JSON path/],
    ['$.status = "ok"', /has a single =, not ==/],
    ['$.status != "ok"', /uses !=, which is not supported: only == compares/],
    ['$.status ==', /has nothing after ==/],
    ['$.status ===  "ok"', /uses ===, not ==/],
    ['$.status', /starts with \$ but has no == comparison/],
    ['$status == 1', /"\$status" is not a JSON path/],
  ])('refuses %j as a body check, with the accepted forms', (raw, problem) => {
    let message = '';
    try {
      parseBodyCheck('health-expect-body', raw);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^Input 'health-expect-body': /);
    expect(message).toMatch(problem);
    expect(message).toContain('Write $.path == value, e.g. $.status == "ok"');
    expect(message).toContain('text that does not start with $ is a substring');
  });

  it('reads headers and never shows values', () => {
    const headers = parseHeaders('h', 'Authorization: Bearer abc:def\nX-Probe: 1\n');
    expect(headers).toEqual({ Authorization: 'Bearer abc:def', 'X-Probe': '1' });
    let message = '';
    try {
      parseHeaders('health-headers', 'Bearer zzsecretzz');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/Input 'health-headers': line 1/);
    expect(message).not.toContain('zzsecretzz');
  });
});

describe('judging a response', () => {
  it('checks status, body and latency in that order', () => {
    expect(evaluateResponse(spec(), response(200))).toMatchObject({ ok: true });
    expect(evaluateResponse(spec(), response(503))).toMatchObject({
      ok: false,
      reason: 'status',
      detail: 'HTTP 503, expected 200-299',
    });
    const body = parseBodyCheck('b', '$.status == "ok"');
    expect(evaluateResponse(spec({ body }), response(200, '{"status":"ok"}'))).toMatchObject({ ok: true });
    expect(evaluateResponse(spec({ body }), response(200, '{"status":"degraded"}'))).toMatchObject({
      reason: 'body',
      detail: '$.status is "degraded", expected "ok"',
    });
    expect(evaluateResponse(spec({ body }), response(200, '<html>'))).toMatchObject({ reason: 'body' });
    expect(
      evaluateResponse(spec({ body: { kind: 'substring', text: 'ready' } }), response(200, 'not yet')),
    ).toMatchObject({ reason: 'body' });
    expect(evaluateResponse(spec({ maxLatencyMs: 50 }), response(200, '', 80))).toMatchObject({
      reason: 'latency',
      detail: 'answered in 80ms, limit 50ms',
    });
    expect(evaluateResponse(spec(), response(302))).toMatchObject({ reason: 'redirect' });
    expect(
      evaluateResponse(
        spec({ followRedirects: false, expectStatus: parseStatusSet('s', '3xx') }),
        response(302),
      ),
    ).toMatchObject({
      ok: true,
    });
  });

  it('maps network errors to reasons', () => {
    expect(classifyError('ECONNREFUSED', 'connect ECONNREFUSED').reason).toBe('refused');
    expect(classifyError('ENOTFOUND', 'getaddrinfo ENOTFOUND x').reason).toBe('dns');
    expect(classifyError('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate').reason).toBe('tls');
    expect(classifyError('ERR_TLS_CERT_ALTNAME_INVALID', 'Hostname/IP does not match').reason).toBe('tls');
    expect(classifyError('ECONNRESET', 'socket hang up').reason).toBe('reset');
    expect(classifyError('ETIMEDOUT', 'connect ETIMEDOUT').reason).toBe('timeout');
    expect(classifyError(undefined, 'weird').reason).toBe('error');
  });
});

describe('retry schedules', () => {
  it('fixed: the seed, 10 tries 10 s apart', () => {
    expect(attemptOffsets({ mode: 'fixed', attempts: 10, intervalMs: 10_000 })).toEqual(
      Array.from({ length: 10 }, (_, i) => i * 10_000),
    );
  });

  it('adaptive: earlier tries within the same budget, ending at the budget', () => {
    const fixed = { mode: 'fixed' as const, attempts: 10, intervalMs: 10_000 };
    const adaptive = attemptOffsets({ ...fixed, mode: 'adaptive' });
    expect(adaptive.slice(0, 6)).toEqual([0, 1000, 3000, 7000, 15_000, 25_000]);
    expect(adaptive.at(-1)).toBe(scheduleBudgetMs(fixed));
    for (let i = 1; i < adaptive.length; i++)
      expect((adaptive[i] as number) - (adaptive[i - 1] as number)).toBeLessThanOrEqual(10_000);
    expect(attemptOffsets({ mode: 'adaptive', attempts: 1, intervalMs: 10_000 })).toEqual([0]);
  });
});

describe('the probe loop', () => {
  function clock(outcomes: AttemptOutcome[]) {
    let now = 1_000_000;
    const slept: number[] = [];
    return {
      slept,
      edges: {
        now: () => now,
        sleep: async (ms: number) => {
          slept.push(ms);
          now += ms;
        },
        attempt: async () => {
          const outcome = outcomes.shift() as AttemptOutcome;
          now += outcome.latencyMs;
          return outcome;
        },
      },
    };
  }
  const fail = (reason: AttemptOutcome['reason'], status?: number): AttemptOutcome => ({
    ok: false,
    reason,
    detail: status ? `HTTP ${status}` : reason,
    latencyMs: 100,
    ...(status ? { status } : {}),
  });

  it('stops at the first pass and records every attempt', async () => {
    const c = clock([
      fail('refused'),
      fail('status', 503),
      { ok: true, reason: 'ok', detail: 'HTTP 200', status: 200, latencyMs: 42 },
    ]);
    const result = await runProbe(spec(), { mode: 'fixed', attempts: 10, intervalMs: 1000 }, c.edges);
    expect(result.healthy).toBe(true);
    expect(result.latencyMs).toBe(42);
    expect(result.attempts.map((a) => [a.attempt, a.offsetMs, a.reason, a.status])).toEqual([
      [1, 0, 'refused', undefined],
      [2, 1000, 'status', 503],
      [3, 2000, 'ok', 200],
    ]);
    expect(c.slept).toEqual([900, 900]);
    expect(describeProbe(result)).toBe('healthy on attempt 3 (42ms)');
    expect(attemptsTable(result)).toContain('| 2 | 00:16:41.000 | 1.0 | 503 | 100ms | status: HTTP 503 |');
  });

  it('fails after the last try with a summary of reasons', async () => {
    const c = clock([fail('timeout'), fail('status', 503), fail('status', 503)]);
    const result = await runProbe(spec(), { mode: 'fixed', attempts: 3, intervalMs: 1000 }, c.edges);
    expect(result.healthy).toBe(false);
    expect(result.attempts).toHaveLength(3);
    const text = describeProbe(result);
    expect(text).toContain('unhealthy after 3 attempt(s)');
    expect(text).toContain('1× timeout, 2× status); last: HTTP 503');
  });
});
