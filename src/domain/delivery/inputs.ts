/** Long spans for windows and rotation ages: `30d`, `12w`, or a Go duration (`720h`). */
import { parseGoDuration } from '../shared/duration.js';
import { InputError } from '../shared/errors.js';

const DAY_MS = 86_400_000;

export function parseSpan(name: string, raw: string, bounds: { maxMs?: number } = {}): number {
  const text = raw.trim();
  const m = /^(\d+(?:\.\d+)?)(d|w)$/.exec(text);
  const ms = m
    ? Number(m[1]) * (m[2] === 'w' ? 7 : 1) * DAY_MS
    : /^\d+$/.test(text)
      ? undefined
      : parseGoDuration(text);
  const maxMs = bounds.maxMs ?? Infinity;
  const form = `Use days or weeks such as 30d or 12w${maxMs < Infinity ? `, at most ${Math.floor(maxMs / DAY_MS)}d` : ''}.`;
  if (ms === undefined) throw new InputError(name, `${JSON.stringify(raw)} is not a span of time`, form);
  if (ms <= 0 || ms > maxMs) throw new InputError(name, `${JSON.stringify(raw)} is out of range`, form);
  return ms;
}

export const formatDays = (ms: number): string => {
  const days = ms / DAY_MS;
  return days >= 1 ? `${Math.floor(days)}d` : `${Math.round(ms / 3_600_000)}h`;
};
