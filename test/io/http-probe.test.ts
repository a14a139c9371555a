import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import {
  createServer as createNetServer,
  type AddressInfo,
  type Server as NetServer,
  type Socket,
} from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpAttempt, probe, sampleWindow } from '../../src/io/http-probe.js';
import { DEFAULT_EXPECT_STATUS, parseBodyCheck, type ProbeSpec } from '../../src/domain/probe/spec.js';

let http: Server;
let tls: Server | undefined;
let silent: NetServer;
const silentSockets: Socket[] = [];
let base = '';
let tlsBase = '';
let silentBase = '';
let closedPort = 0;
const seen: { path: string; auth?: string }[] = [];
let flaky = 0;
/** The turning service: answers 503 (or hangs, on /hang-then-up) until `turned`, then 200. */
const turning = {
  turned: false,
  requests: [] as { path: string; healthy: boolean }[],
  onRequest: (_n: number) => {},
};
let degrading = 0;

function listen(server: Server | NetServer): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

beforeAll(async () => {
  http = createServer((req, res) => {
    seen.push({ path: req.url ?? '', auth: req.headers.authorization });
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/health') return void res.end('{"status":"ok","version":7}');
    if (url.pathname === '/down') return void res.writeHead(503).end('down');
    if (url.pathname === '/slow') return void setTimeout(() => res.end('late'), 300);
    if (url.pathname === '/hang') return; // never answers
    if (url.pathname === '/redirect') return void res.writeHead(302, { location: '/health' }).end();
    if (url.pathname === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
    if (url.pathname === '/away')
      return void res
        .writeHead(302, { location: `${base}/health?moved=1`.replace('127.0.0.1', 'localhost') })
        .end();
    if (url.pathname === '/flaky') return void res.writeHead(++flaky >= 3 ? 200 : 503).end();
    if (url.pathname === '/method') return void res.end(req.method);
    if (url.pathname === '/turns' || url.pathname === '/hang-then-up') {
      const healthy = turning.turned;
      turning.requests.push({ path: url.pathname, healthy });
      turning.onRequest(turning.requests.length);
      if (healthy) return void res.end('{"status":"ok"}');
      if (url.pathname === '/turns') return void res.writeHead(503).end('starting');
      return; // hangs: the proxy holds it while the machine starts
    }
    if (url.pathname === '/degrading') return void res.writeHead(++degrading > 3 ? 503 : 200).end();
    res.writeHead(404).end();
  });
  base = `http://127.0.0.1:${await listen(http)}`;

  // A port that refuses: bind, read the port, close.
  const probeServer = createNetServer();
  closedPort = await listen(probeServer);
  await new Promise((r) => probeServer.close(r));

  // Accepts TCP but never speaks HTTP.
  silent = createNetServer((socket) => void silentSockets.push(socket));
  silentBase = `http://127.0.0.1:${await listen(silent)}`;

  try {
    const dir = mkdtempSync(join(tmpdir(), 'probe-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    tls = createTlsServer(
      { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
      (_req, res) => res.end('ok'),
    );
    tlsBase = `https://127.0.0.1:${await listen(tls)}`;
  } catch {
    tls = undefined;
  }
});

afterAll(async () => {
  http.closeAllConnections();
  await new Promise((r) => http.close(r));
  for (const socket of silentSockets) socket.destroy();
  await new Promise((r) => silent.close(r));
  tls?.closeAllConnections();
  if (tls) await new Promise((r) => tls?.close(r));
});

const spec = (path: string, over: Partial<ProbeSpec> = {}): ProbeSpec => ({
  url: path.startsWith('http') ? path : `${base}${path}`,
  method: 'GET',
  headers: {},
  expectStatus: DEFAULT_EXPECT_STATUS,
  timeoutMs: 2000,
  followRedirects: true,
  maxRedirects: 5,
  ...over,
});

describe('one HTTP attempt against local servers', () => {
  it('passes a healthy endpoint with a JSON body check', async () => {
    const outcome = await httpAttempt(spec('/health', { body: parseBodyCheck('b', '$.version == 7') }));
    expect(outcome).toMatchObject({ ok: true, status: 200, reason: 'ok' });
    expect(outcome.latencyMs).toBeGreaterThan(0);
  });

  it('fails on status, body and latency', async () => {
    expect(await httpAttempt(spec('/down'))).toMatchObject({ ok: false, status: 503, reason: 'status' });
    expect(await httpAttempt(spec('/health', { body: parseBodyCheck('b', 'healthy') }))).toMatchObject({
      reason: 'body',
    });
    expect(await httpAttempt(spec('/slow', { maxLatencyMs: 100 }))).toMatchObject({ reason: 'latency' });
  });

  it('times out a hanging request and a server that never speaks HTTP', async () => {
    const hang = await httpAttempt(spec('/hang', { timeoutMs: 200 }));
    expect(hang).toMatchObject({ ok: false, reason: 'timeout' });
    expect(hang.latencyMs).toBeLessThan(1500);
    expect(await httpAttempt(spec(silentBase, { timeoutMs: 200 }))).toMatchObject({ reason: 'timeout' });
  });

  it('reports refused connections and DNS failures', async () => {
    expect(await httpAttempt(spec(`http://127.0.0.1:${closedPort}/`))).toMatchObject({ reason: 'refused' });
    expect(await httpAttempt(spec('http://no-such-host.invalid/'))).toMatchObject({ reason: 'dns' });
  });

  it('follows redirects, or judges them when told not to, and stops loops', async () => {
    expect(await httpAttempt(spec('/redirect'))).toMatchObject({ ok: true, status: 200 });
    expect(await httpAttempt(spec('/redirect', { followRedirects: false }))).toMatchObject({
      ok: false,
      status: 302,
      reason: 'status',
    });
    expect(await httpAttempt(spec('/loop', { maxRedirects: 3 }))).toMatchObject({ reason: 'redirect' });
  });

  it('sends headers, but not to another origin after a redirect', async () => {
    seen.length = 0;
    await httpAttempt(spec('/away', { headers: { Authorization: 'Bearer zz' } }));
    expect(seen.map((s) => [s.path, s.auth])).toEqual([
      ['/away', 'Bearer zz'],
      ['/health?moved=1', undefined],
    ]);
  });

  it('uses the method asked for', async () => {
    expect(await httpAttempt(spec('/method', { method: 'HEAD' }))).toMatchObject({ ok: true });
  });

  it('reports TLS errors for a self-signed certificate (certificates are always verified)', async () => {
    if (!tls) return; // openssl missing: nothing to test against
    const outcome = await httpAttempt(spec(tlsBase));
    expect(outcome).toMatchObject({ ok: false, reason: 'tls' });
    expect(outcome.detail).toMatch(/SELF_SIGNED|self.signed/i);
  });
});

describe('the probe with a retry policy on the real clock', () => {
  it('retries until the endpoint turns healthy, recording each attempt', async () => {
    flaky = 0;
    const result = await probe(spec('/flaky'), { mode: 'fixed', attempts: 5, intervalMs: 50 });
    expect(result.healthy).toBe(true);
    expect(result.attempts.map((a) => a.status)).toEqual([503, 503, 200]);
    expect(result.attempts[2]?.offsetMs).toBeGreaterThanOrEqual(95); // timers may fire a ms early
  });

  it('gives up after the budget', async () => {
    const result = await probe(spec('/down'), {
      mode: 'adaptive',
      attempts: 3,
      intervalMs: 40,
      firstGapMs: 10,
    });
    expect(result.healthy).toBe(false);
    expect(result.attempts.map((a) => a.offsetMs >= 0)).toEqual(result.attempts.map(() => true));
    expect(result.attempts.at(-1)?.offsetMs).toBeGreaterThanOrEqual(75);
    expect(result.attempts.length).toBeGreaterThan(3);
  });
});

describe('health detection through the real HTTP probe', () => {
  /** The service turns healthy 50 ms after its `after`-th request: between two 200 ms ticks. */
  function turnAfter(after: number) {
    turning.turned = false;
    turning.requests = [];
    turning.onRequest = (n) => {
      if (n === after) setTimeout(() => (turning.turned = true), 50);
    };
  }
  const steady = { mode: 'steady' as const, attempts: 21, intervalMs: 200, gapMs: 200 };

  it('steady: seen on the first try after it turns healthy, and no request after that', async () => {
    turnAfter(3);
    const result = await probe(spec('/turns'), steady);
    expect(result.healthy).toBe(true);
    expect(result.attempts.map((a) => [a.attempt, a.status, a.reason])).toEqual([
      [1, 503, 'status'],
      [2, 503, 'status'],
      [3, 503, 'status'],
      [4, 200, 'ok'],
    ]);
    expect(turning.requests.map((r) => r.healthy)).toEqual([false, false, false, true]);
  });

  it('steady: requests that hang do not hold back the try that sees it healthy; they are cancelled', async () => {
    turnAfter(3);
    const result = await probe(spec('/hang-then-up', { timeoutMs: 5000 }), steady);
    expect(result.healthy).toBe(true);
    expect(result.attempts.map((a) => [a.attempt, a.reason])).toEqual([
      [1, 'cancelled'],
      [2, 'cancelled'],
      [3, 'cancelled'],
      [4, 'ok'],
    ]);
    // Cancelled, not timed out: nothing waited for the hung requests' 5 s timeout.
  });

  it('ends an attempt at once as cancelled when told to stop', async () => {
    const stop = new AbortController();
    const attempt = httpAttempt(spec('/hang', { timeoutMs: 5000 }), stop.signal);
    setTimeout(() => stop.abort(), 50);
    expect(await attempt).toMatchObject({ ok: false, reason: 'cancelled' });
  });

  it('samples a verification window and stops once a degrading service has failed it', async () => {
    degrading = 0;
    const seen: number[] = [];
    const result = await sampleWindow(
      spec('/degrading'),
      { windowMs: 2000, intervalMs: 100, maxErrorRate: 5 },
      (s) => void seen.push(s.attempt),
    );
    // 5% of 20 samples allows one error: the fifth request is the second 503.
    expect(result).toMatchObject({ passed: false, stoppedEarly: true, planned: 20, errors: 2 });
    expect(result.samples.map((s) => s.status)).toEqual([200, 200, 200, 503, 503]);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(degrading).toBe(5);
  });
});
