// Shared timing helpers for benchmarks.
import { spawnSync } from 'node:child_process';

function once(command, args, options) {
  const start = process.hrtime.bigint();
  spawnSync(command, args, { ...options, stdio: 'ignore' });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Times a command against a baseline command, alternating the two for `runs` rounds after one warm-up of
 * each, so drift in the machine's speed falls on both. Returns both medians and the median of the rounds'
 * ratios.
 */
export function timePaired(command, [args, options], [baseArgs, baseOptions], runs = 15) {
  once(command, baseArgs, baseOptions);
  once(command, args, options);
  const times = [];
  const bases = [];
  for (let i = 0; i < runs; i++) {
    bases.push(once(command, baseArgs, baseOptions));
    times.push(once(command, args, options));
  }
  return {
    ms: median(times),
    baseline: median(bases),
    ratio: median(times.map((t, i) => t / bases[i])),
  };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const times = (value) => `${value.toFixed(2)}x`;
export const ratio = (value, baseline) => times(value / baseline);
export const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
