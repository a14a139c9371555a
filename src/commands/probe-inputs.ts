/**
 * The one reader of the health-probe inputs, shared by every verb that probes: the deploy and rollback read
 * them as `health-*`, `health-check` without the prefix (`--expect-status`, `--retries`, …).
 */
import type { RetryPolicy } from '../domain/probe/schedule.js';
import {
  parseBodyCheck,
  parseHeaders,
  parseProbeMethod,
  parseStatusSet,
  type ProbeSpec,
} from '../domain/probe/spec.js';
import type { InputReader } from '../host/inputs.js';

export interface ProbeSettings {
  probe: Omit<ProbeSpec, 'url'>;
  retry: RetryPolicy;
}

/** Header values are masked as they are read: they often carry credentials. */
export function readProbeSettings(
  input: InputReader,
  prefix: '' | 'health-',
  mask: (v: string) => void,
): ProbeSettings {
  const name = (key: string) => `${prefix}${key}`;
  const headers = parseHeaders(name('headers'), input.text(name('headers')));
  for (const value of Object.values(headers)) mask(value);
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
      mode: input.choice(name('schedule'), ['fixed', 'adaptive'] as const),
      attempts: input.integer(name('retries'), { min: 1, max: 100 }),
      intervalMs: input.duration(name('interval'), { maxMs: 600_000 }),
    },
  };
}
