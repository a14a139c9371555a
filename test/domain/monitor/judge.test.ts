import { describe, expect, it } from '@jest/globals';
import {
  countingRound,
  judgeCertificate,
  judgeRound,
  worstStatus,
  type Certificate,
  type Sample,
} from '../../../src/domain/monitor/judge.js';
import type { MonitorTarget } from '../../../src/domain/monitor/targets.js';
import type { AttemptOutcome } from '../../../src/domain/probe/run.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-09-14T10:00:00Z');

function target(over: Partial<MonitorTarget> = {}): MonitorTarget {
  return {
    name: 'api',
    url: 'http://127.0.0.1/health',
    method: 'GET',
    headers: {},
    expectStatus: [{ from: 200, to: 299 }],
    maxLatencyMs: 500,
    samples: 5,
    timeoutMs: 1000,
    followRedirects: true,
    maxErrorRate: 0,
    tlsWarnDays: 14,
    tlsErrorDays: 7,
    ...over,
  };
}

const ok = (latencyMs = 10): AttemptOutcome => ({
  ok: true,
  reason: 'ok',
  detail: 'HTTP 200',
  status: 200,
  latencyMs,
});
const bad = (latencyMs = 10): AttemptOutcome => ({
  ok: false,
  reason: 'status',
  detail: 'HTTP 500, expected 200-299',
  status: 500,
  latencyMs,
});
const samples = (outcomes: AttemptOutcome[]): Sample[] => outcomes.map((o, i) => ({ at: NOW + i, ...o }));

function certificate(daysLeft: number, over: Partial<Certificate> = {}): Certificate {
  return {
    validFrom: new Date(NOW - 60 * DAY).toISOString(),
    validTo: new Date(NOW + daysLeft * DAY + 3_600_000).toISOString(),
    issuer: "Let's Encrypt, R11",
    subject: 'api.example.com',
    names: ['DNS:api.example.com'],
    authorized: true,
    ...over,
  };
}

describe('judging a round', () => {
  it('is up when every sample passed within the latency limit', () => {
    const round = judgeRound(target(), samples([ok(10), ok(20), ok(30), ok(40), ok(50)]));
    expect(round).toMatchObject({ status: 'up', errors: 0, errorRate: 0, problems: [] });
    expect(round.latency).toMatchObject({ p50: 30, p95: 50, p99: 50, max: 50 });
  });

  it('is degraded when p95 is over max-latency, or some samples failed', () => {
    expect(judgeRound(target(), samples([ok(100), ok(100), ok(900)]))).toMatchObject({
      status: 'degraded',
      problems: ['p95 900ms is over max-latency 500ms'],
    });
    expect(judgeRound(target(), samples([ok(), bad(), ok(), ok()]))).toMatchObject({
      status: 'degraded',
      problems: ['1 of 4 samples failed (25%, limit 0%): 1× status (HTTP 500, expected 200-299)'],
    });
    // A tolerated error rate is up.
    expect(judgeRound(target({ maxErrorRate: 25 }), samples([ok(), bad(), ok(), ok()])).status).toBe('up');
  });

  it('is down when more than half failed', () => {
    const round = judgeRound(target(), samples([bad(), bad(), ok(), bad()]));
    expect(round.status).toBe('down');
    expect(round.problems[0]).toBe('3 of 4 samples failed: 3× status (HTTP 500, expected 200-299)');
  });

  it('judges a certificate against the warning and error windows', () => {
    const t = target({ url: 'https://api.example.com/' });
    expect(judgeCertificate(t, { ok: true, certificate: certificate(60) }, NOW)).toMatchObject({
      status: 'up',
      daysLeft: 60,
    });
    expect(judgeCertificate(t, { ok: true, certificate: certificate(10) }, NOW)).toMatchObject({
      status: 'degraded',
      daysLeft: 10,
      problem: expect.stringContaining('the certificate expires in 10 days'),
    });
    expect(judgeCertificate(t, { ok: true, certificate: certificate(3) }, NOW)).toMatchObject({
      status: 'down',
      problem: expect.stringContaining('within tls-error-days (7)'),
    });
    expect(judgeCertificate(t, { ok: true, certificate: certificate(-2) }, NOW)).toMatchObject({
      status: 'down',
      problem: expect.stringContaining('the certificate expired on'),
    });
    expect(
      judgeCertificate(
        t,
        {
          ok: true,
          certificate: certificate(60, {
            authorized: false,
            authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
          }),
        },
        NOW,
      ),
    ).toMatchObject({
      status: 'down',
      problem: 'the certificate is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT)',
    });
    // Unreadable: the samples decide.
    expect(judgeCertificate(t, { ok: false, reason: 'timeout', detail: 'no TLS handshake' }, NOW)).toEqual({
      status: 'up',
      error: 'timeout: no TLS handshake',
    });
  });

  it('counts the least severe round, the latest among equals', () => {
    const down = judgeRound(target(), samples([bad()]));
    const up = judgeRound(target(), samples([ok()]));
    const degradedA = judgeRound(target(), samples([ok(900)]));
    const degradedB = judgeRound(target(), samples([ok(800)]));
    expect(countingRound([down, up])).toBe(up);
    expect(countingRound([degradedA, down, degradedB])).toBe(degradedB);
    expect(worstStatus(['up', 'degraded', 'up'])).toBe('degraded');
    expect(worstStatus([])).toBe('up');
  });
});
