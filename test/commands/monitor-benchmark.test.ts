import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  readBenchmarkSettings,
  runBenchmarkCheck,
  type BenchmarkTarget,
} from '../../src/commands/monitor-benchmark.js';
import { inputReader } from '../../src/host/inputs.js';
import { testHost } from '../support/test-host.js';

const DEFAULTS = {
  benchmark: 'api',
  'benchmark-duration': '1s',
  'benchmark-connections': '2',
  'benchmark-rate': '',
  'benchmark-max-requests': '200',
  'benchmark-thresholds': 'errors <= 1%',
  'benchmark-regression': '20',
  'benchmark-on-regression': 'warn',
};

/** Every answer takes at least DELAY_MS: the measured latency has a known floor. */
const DELAY_MS = 30;
let server: Server;
let targets: BenchmarkTarget[];
const hosts = new Set<string>();

beforeAll(async () => {
  server = createServer((req, res) => {
    hosts.add(req.headers.host ?? '');
    setTimeout(() => res.end('ok'), DELAY_MS);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  targets = [
    { name: 'api', url: `${base}/health` },
    { name: 'web', url: `${base}/` },
  ];
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function run(inputs: Record<string, string> = {}, history?: unknown) {
  const host = testHost({ inputs: { ...DEFAULTS, ...inputs } });
  const settings = readBenchmarkSettings(inputReader(host));
  const section = await runBenchmarkCheck(host, settings, {
    targets,
    history,
    now: () => new Date('2026-06-30T00:00:00Z'),
  });
  return { host, section };
}

describe('monitor benchmark', () => {
  it('load-tests only the named target, within its request cap, against thresholds', async () => {
    const { section } = await run({ 'benchmark-thresholds': 'errors <= 0\np50 >= 25ms\np99 < 30s' });
    expect(section.status).toBe('pass');
    const result = (
      section.report as { results: Record<string, { requests: number; latency: { p50: number } }> }
    ).results;
    expect(Object.keys(result)).toEqual(['api']);
    expect(result.api!.requests).toBeGreaterThan(0);
    expect(result.api!.requests).toBeLessThanOrEqual(200);
    expect(result.api!.latency.p50).toBeGreaterThanOrEqual(DELAY_MS - 1);
    expect(section.markdown).toContain('no earlier result');
    expect(section.markdown).toContain(
      'No monitor history is available, so there is nothing to compare with.',
    );
    expect(section.history).toMatchObject({
      schema: 'benchmark@1',
      results: { api: { at: '2026-06-30T00:00:00.000Z' } },
    });
    expect(hosts).toEqual(new Set([new URL(targets[0]!.url).host]));
  });

  it('a threshold the server cannot meet fails, naming it', async () => {
    const { section } = await run({ 'benchmark-thresholds': `p50 < ${DELAY_MS - 10}ms` });
    expect(section.status).toBe('fail');
    expect(section.failures[0]).toMatch(new RegExp(`^benchmark api: p50 < ${DELAY_MS - 10}ms not met`));
  });

  it('a regression against the kept result warns, or fails when configured', async () => {
    // A previous run far faster than the server can be: throughput and latency regressed.
    const history = {
      schema: 'benchmark@1',
      results: {
        api: {
          at: '2026-06-29T00:00:00Z',
          url: '',
          requests: 1000,
          rps: 100_000,
          p50: 1,
          p95: 1,
          p99: 1,
          errorRate: 0,
        },
      },
    };
    const warned = await run({}, history);
    expect(warned.section.status).toBe('warn');
    expect(warned.host.logs.find((l) => l.level === 'warning')?.message).toMatch(
      /^benchmark api regressed beyond 20% against 2026-06-29T00:00:00Z: rps 100000\/s → .*p50 1ms → /,
    );
    const failed = await run({ 'benchmark-on-regression': 'fail' }, history);
    expect(failed.section.status).toBe('fail');
    expect(failed.section.failures[0]).toContain('regressed beyond 20%');
  });

  it('a name that is not one of the monitor’s targets is refused before any request', async () => {
    const before = hosts.size;
    await expect(run({ benchmark: 'api\nhttps://example.com' })).rejects.toThrow(
      `Input 'benchmark': "https://example.com" is not one of the monitor's targets. Name targets from the targets file: api, web.`,
    );
    expect(hosts.size).toBe(before);
  });

  it.each([
    [{ 'benchmark-duration': '5m' }, /^Input 'benchmark-duration': "5m" is out of range/],
    [{ 'benchmark-connections': '0' }, /^Input 'benchmark-connections': 0 is out of range/],
    [{ 'benchmark-thresholds': 'p95 fast' }, /^Input 'benchmark-thresholds': "p95 fast" is not a rule/],
    [
      { 'benchmark-on-regression': 'explode' },
      /^Input 'benchmark-on-regression': "explode" is not one of the accepted values/,
    ],
  ])('bad input %j: one clear error', (inputs, message) => {
    const host = testHost({ inputs: { ...DEFAULTS, ...inputs } });
    expect(() => readBenchmarkSettings(inputReader(host))).toThrow(message);
  });
});
