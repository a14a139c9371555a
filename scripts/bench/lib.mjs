// Shared timing helpers for benchmarks.
import { spawnSync } from 'node:child_process';

/** Median wall time in ms of `runs` runs of a command (after one warm-up run). */
export function timeCommand(command, args, { runs = 15, env = process.env, cwd } = {}) {
  spawnSync(command, args, { env, cwd, stdio: 'ignore' });
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    spawnSync(command, args, { env, cwd, stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const ratio = (value, baseline) => `${(value / baseline).toFixed(2)}x`;
export const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
