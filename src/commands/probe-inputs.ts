/**
 * The one reader of the health-probe inputs, shared by every verb that probes: the deploy and rollback read
 * them as `health-*`, `health-check` without the prefix (`--expect-status`, `--retries`, …).
 */
import { SCHEDULE_MODES, type RetryPolicy } from '../domain/probe/schedule.js';
import { parseBodyCheck, parseProbeMethod, parseStatusSet, type ProbeSpec } from '../domain/probe/spec.js';
import type { WindowSettings } from '../domain/probe/window.js';
import type { InputReader } from '../host/inputs.js';

export interface ProbeSettings {
  probe: Omit<ProbeSpec, 'url'>;
  retry: RetryPolicy;
}

/** Header values are masked as they are read (by input.headers): they often carry credentials. */
export function readProbeSettings(
  input: InputReader,
  prefix: '' | 'health-',
  _mask: (v: string) => void,
): ProbeSettings {
  const name = (key: string) => `${prefix}${key}`;
  const headers = input.headers(name('headers'));
  const maxLatencyMs = input.optionalDuration(name('max-latency'), { minMs: 1 });
  return {
    probe: {
      method: parseProbeMethod(name('method'), input.text(name('method'))),
      headers,
      expectStatus: parseStatusSet(name('expect-status'), input.text(name('expect-status'))),
      body: parseBodyCheck(name('expect-body'), input.text(name('expect-body'))),
      ...(maxLatencyMs === undefined ? {} : { maxLatencyMs }),
      timeoutMs: input.duration(name('timeout'), { minMs: 100, maxMs: 300_000 }),
      followRedirects: input.boolean(name('follow-redirects')),
      maxRedirects: 5,
    },
    retry: {
      mode: input.choice(name('schedule'), SCHEDULE_MODES),
      attempts: input.integer(name('retries'), { min: 1, max: 100 }),
      intervalMs: input.duration(name('interval'), { maxMs: 600_000 }),
    },
  };
}

/**
 * The verification window's inputs (`verify-window`, `verify-interval`, `verify-max-error-rate`,
 * `verify-max-p95`); undefined when the window is empty or 0 (off). Every input is read either way.
 */
export function readWindowSettings(input: InputReader, prefix = 'verify-'): WindowSettings | undefined {
  const name = (key: string) => `${prefix}${key}`;
  const windowMs = input.optionalDuration(name('window'), { maxMs: 3_600_000 });
  const intervalMs = input.duration(name('interval'), { minMs: 100, maxMs: 600_000 });
  const maxErrorRate = input.number(name('max-error-rate'), { min: 0, max: 100 });
  const maxP95Ms = input.optionalDuration(name('max-p95'), { minMs: 1 });
  if (!windowMs) return undefined;
  return { windowMs, intervalMs, maxErrorRate, ...(maxP95Ms === undefined ? {} : { maxP95Ms }) };
}
