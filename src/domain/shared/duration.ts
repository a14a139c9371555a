/** Go `time.ParseDuration` semantics, used both for action inputs and for fly.toml durations. */

/**
 * The longest wait a Node timer can hold (2^31 - 1 ms, about 24.8 days). A longer one fires at once with a
 * TimeoutOverflowWarning, so every duration that reaches a timer is bounded by this.
 */
export const TIMER_MAX_MS = 2 ** 31 - 1;

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

/** Milliseconds for a Go duration string such as `10s`, `1m30s`, `500ms`; undefined when it is not one. */
export function parseGoDuration(text: string): number | undefined {
  let s = text.trim();
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s.startsWith('-') ? -1 : 1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return undefined;
  let total = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < s.length) {
    const start = PART.lastIndex;
    const match = PART.exec(s);
    if (!match || match.index !== start) return undefined;
    total += Number(match[1]) * (UNIT_MS[match[2] as string] as number);
  }
  return sign * total;
}

/** A compact human form: 1500 -> "1.5s", 90000 -> "1m30s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(2))}s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds === 0 ? `${minutes}m` : `${minutes}m${seconds}s`;
}

/** A length of time people read: "45s", "12m", "3h 20m", "2d 4h" (an outage, a secret's age). */
export function formatLength(lengthMs: number): string {
  const minutes = Math.round(lengthMs / 60_000);
  if (lengthMs < 60_000) return `${Math.round(lengthMs / 1000)}s`;
  if (lengthMs < 3_600_000) return formatDuration(minutes * 60_000);
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours}h` : `${hours}h ${minutes % 60}m`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days}d` : `${days}d ${hours % 24}h`;
}
