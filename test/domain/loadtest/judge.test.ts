import { describe, expect, it } from '@jest/globals';
import {
  benchmarkHistory,
  historyEntry,
  judge,
  previousResults,
} from '../../../src/domain/loadtest/judge.js';
import { parseThresholds } from '../../../src/domain/loadtest/thresholds.js';
import type { LoadResult } from '../../../src/domain/loadtest/types.js';

const result = (overrides: Partial<LoadResult> = {}): LoadResult => ({
  target: 'api',
  url: 'http://127.0.0.1:1/',
  durationMs: 10_000,
  requests: 1000,
  rps: 100,
  latency: { count: 1000, p50: 40, p95: 80, p99: 120, max: 200, mean: 45 },
  errors: 0,
  non2xx: 10,
  errorRate: 1,
  capped: false,
  ...overrides,
});

describe('thresholds', () => {
  it('parses rules for rate, latencies and errors (count or percentage)', () => {
    expect(
      parseThresholds('benchmark-thresholds', 'p95 < 300ms\nrps >= 50, errors <= 1%\nerrors <= 0\np99<=1s'),
    ).toEqual([
      { metric: 'p95', op: '<', value: 300, text: 'p95 < 300ms' },
      { metric: 'rps', op: '>=', value: 50, text: 'rps >= 50' },
      { metric: 'errors', op: '<=', value: 1, percent: true, text: 'errors <= 1%' },
      { metric: 'errors', op: '<=', value: 0, text: 'errors <= 0' },
      { metric: 'p99', op: '<=', value: 1000, text: 'p99<=1s' },
    ]);
  });

  it.each([
    ['p95 is fast', /"p95 is fast" is not a rule/],
    ['p95 < 300', /300 is not a duration.*with a unit/],
    ['errors < 150%', /not a count or a percentage/],
    ['rps > many', /many is not a rate/],
  ])('refuses %s naming the input', (text, message) => {
    expect(() => parseThresholds('benchmark-thresholds', text)).toThrow(message);
    expect(() => parseThresholds('benchmark-thresholds', text)).toThrow(/^Input 'benchmark-thresholds': /);
  });

  it('judges each rule', () => {
    const rules = parseThresholds('t', 'p95 < 100ms\nrps >= 150\nerrors <= 1%\nerrors <= 5');
    expect(judge(result(), rules, undefined, 20).breaches.map((b) => b.text)).toEqual([
      'rps >= 150',
      'errors <= 5',
    ]);
    expect(
      judge(result({ latency: undefined }), parseThresholds('t', 'p50 < 10s'), undefined, 20).breaches,
    ).toHaveLength(1);
  });
});

describe('regressions against the previous result', () => {
  const before = historyEntry(result(), new Date('2026-06-01T00:00:00Z'));

  it('throughput down or latency up beyond the percentage', () => {
    const v = judge(
      result({ rps: 70, latency: { count: 1, p50: 41, p95: 120, p99: 121, max: 1, mean: 1 } }),
      [],
      before,
      20,
    );
    expect(v.regressions.map((r) => [r.metric, Math.round(r.change)])).toEqual([
      ['rps', 30],
      ['p95', 50],
    ]);
  });

  it('small latency changes are noise whatever the percentage', () => {
    const tiny = historyEntry(
      result({ latency: { count: 1, p50: 1, p95: 2, p99: 3, max: 3, mean: 1 } }),
      new Date(),
    );
    expect(
      judge(result({ latency: { count: 1, p50: 2, p95: 4, p99: 6, max: 6, mean: 2 } }), [], tiny, 20)
        .regressions,
    ).toEqual([]);
  });

  it('history round trip; anything unreadable is no previous result', () => {
    const kept = benchmarkHistory({ api: before });
    expect(previousResults(JSON.parse(JSON.stringify(kept))).get('api')).toEqual(before);
    expect(previousResults(undefined).size).toBe(0);
    expect(previousResults({ schema: 'other', results: { api: before } }).size).toBe(0);
    expect(previousResults({ schema: 'benchmark@1', results: { api: { at: 1 } } }).size).toBe(0);
  });
});
