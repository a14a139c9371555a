import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runLoadTest } from '../../src/io/loadtest.js';
import type { LoadSpec } from '../../src/domain/loadtest/types.js';

/** A loopback server whose every answer takes at least DELAY_MS: latency has a known floor. */
const DELAY_MS = 40;
let server: Server;
let base: string;
const seen: { path: string; auth?: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({
      path: req.url ?? '',
      ...(req.headers.authorization ? { auth: req.headers.authorization } : {}),
    });
    setTimeout(() => {
      res.statusCode = req.url === '/fail' ? 503 : 200;
      res.end('ok');
    }, DELAY_MS);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const spec = (overrides: Partial<LoadSpec>): LoadSpec => ({
  target: 'api',
  url: `${base}/health`,
  method: 'GET',
  headers: {},
  durationMs: 1000,
  connections: 2,
  maxRequests: 1000,
  timeoutMs: 5000,
  ...overrides,
});

describe('load test', () => {
  it('measures requests, rate and latency percentiles with the server’s delay as their floor', async () => {
    const r = await runLoadTest(spec({ headers: { authorization: 'Bearer fake-token' } }));
    expect(r.requests).toBeGreaterThan(0);
    expect(r.errors + r.non2xx).toBe(0);
    expect(r.errorRate).toBe(0);
    expect(r.latency?.count).toBe(r.requests);
    expect(r.latency?.p50).toBeGreaterThanOrEqual(DELAY_MS - 1);
    expect(r.latency!.p95).toBeGreaterThanOrEqual(r.latency!.p50);
    expect(r.latency!.p99).toBeGreaterThanOrEqual(r.latency!.p95);
    expect(r.rps).toBeGreaterThan(0);
    expect(seen.at(-1)?.auth).toBe('Bearer fake-token');
  });

  it('stops at the request cap whatever the duration', async () => {
    const before = seen.length;
    const r = await runLoadTest(spec({ durationMs: 30_000, maxRequests: 20 }));
    expect(r.requests).toBe(20);
    expect(seen.length - before).toBeLessThanOrEqual(20 + 2);
    expect(r.capped).toBe(true);
  });

  it('counts non-2xx answers as failed', async () => {
    const r = await runLoadTest(spec({ url: `${base}/fail`, maxRequests: 10 }));
    expect(r.non2xx).toBe(r.requests);
    expect(r.errorRate).toBe(100);
  });

  it('a target that refuses connections: errors and no latency, ended early', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const r = await runLoadTest(spec({ url: `http://127.0.0.1:${port}/`, durationMs: 2000 }));
    expect(r.requests).toBe(0);
    expect(r.errors).toBeGreaterThan(0);
    expect(r.latency).toBeUndefined();
    expect(r.errorRate).toBe(100);
  });
});
