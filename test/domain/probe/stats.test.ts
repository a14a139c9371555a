import { describe, expect, it } from '@jest/globals';
import { errorRate, percentile, summarizeLatencies } from '../../../src/domain/probe/stats.js';

describe('latency statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeUndefined();
  });

  it('summarises unsorted samples', () => {
    expect(summarizeLatencies([30, 10, 20, 40])).toEqual({
      count: 4,
      p50: 20,
      p95: 40,
      p99: 40,
      max: 40,
      mean: 25,
    });
    expect(summarizeLatencies([])).toBeUndefined();
  });

  it('gives the error rate in percent', () => {
    expect(errorRate(1, 4)).toBe(25);
    expect(errorRate(0, 0)).toBe(0);
  });
});
