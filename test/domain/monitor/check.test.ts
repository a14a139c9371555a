import { describe, expect, it } from '@jest/globals';
import { checkTargets, type CheckPorts } from '../../../src/domain/monitor/check.js';
import type { Certificate } from '../../../src/domain/monitor/judge.js';
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

/** Ports on a fake clock: attempts answer from a script per URL, after a tick, counting how many run at once. */
function fakePorts(script: (url: string, n: number) => AttemptOutcome) {
  let clock = NOW;
  let inFlight = 0;
  const seen = {
    maxInFlight: 0,
    sleeps: [] as number[],
    attempts: new Map<string, number>(),
    timeouts: new Set<number>(),
  };
  const ports: CheckPorts = {
    async attempt(spec) {
      const n = (seen.attempts.get(spec.url) ?? 0) + 1;
      seen.attempts.set(spec.url, n);
      seen.timeouts.add(spec.timeoutMs);
      inFlight++;
      seen.maxInFlight = Math.max(seen.maxInFlight, inFlight);
      await new Promise((r) => setImmediate(r));
      inFlight--;
      clock += 5;
      return script(spec.url, n);
    },
    async certificate(url) {
      return url.includes('expiring')
        ? { ok: true, certificate: certificate(3) }
        : { ok: true, certificate: certificate(90) };
    },
    now: () => clock,
    async sleep(ms) {
      seen.sleeps.push(ms);
      clock += ms;
    },
  };
  return { ports, seen };
}

describe('checkTargets', () => {
  it('checks every target under the cap, in order, each request with its timeout', async () => {
    const targets = Array.from({ length: 25 }, (_, i) =>
      target({ name: `t${i}`, url: `http://127.0.0.1/${i}`, samples: 2 }),
    );
    const { ports, seen } = fakePorts(() => ok());
    const results = await checkTargets(targets, { concurrency: 4, retests: 2, retestDelayMs: 1000 }, ports);
    expect(results.map((r) => r.name)).toEqual(targets.map((t) => t.name));
    expect(results.every((r) => r.status === 'up' && r.rounds.length === 1)).toBe(true);
    expect(seen.maxInFlight).toBe(4);
    expect([...seen.timeouts]).toEqual([1000]);
    expect(seen.sleeps).toEqual([]);
  });

  it('re-tests a failing target before it counts, and a blip that passes the re-test is up', async () => {
    const { ports, seen } = fakePorts((url, n) => (url.endsWith('/blip') && n <= 5 ? bad() : ok()));
    const [blip] = await checkTargets(
      [target({ url: 'http://127.0.0.1/blip' })],
      { concurrency: 10, retests: 2, retestDelayMs: 2000 },
      ports,
    );
    expect(blip?.status).toBe('up');
    expect(blip?.rounds.map((r) => r.status)).toEqual(['down', 'up']);
    expect(seen.sleeps).toEqual([2000]);
  });

  it('a target still down after every re-test is down, with the figures of its last round', async () => {
    const { ports, seen } = fakePorts(() => bad());
    const [result] = await checkTargets(
      [target()],
      { concurrency: 1, retests: 2, retestDelayMs: 500 },
      ports,
    );
    expect(result?.status).toBe('down');
    expect(result?.rounds).toHaveLength(3);
    expect(result?.counted).toBe(result?.rounds[2]);
    expect(seen.attempts.get('http://127.0.0.1/health')).toBe(15);
    expect(seen.sleeps).toEqual([500, 500]);
  });

  it('reads the certificate of https targets only, judges with it, and does not re-test for it alone', async () => {
    const { ports } = fakePorts(() => ok());
    const [plain, expiring] = await checkTargets(
      [target(), target({ name: 'tls', url: 'https://expiring.example/' })],
      { concurrency: 2, retests: 1, retestDelayMs: 0 },
      ports,
    );
    expect(plain?.tls).toBeUndefined();
    expect(expiring?.tls).toMatchObject({ daysLeft: 3, status: 'down' });
    expect(expiring?.status).toBe('down');
    // The samples were fine: a re-test would not change the certificate.
    expect(expiring?.rounds.map((r) => r.status)).toEqual(['down']);
  });
});
