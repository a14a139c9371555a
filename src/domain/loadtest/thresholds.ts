/** `benchmark-thresholds`: one rule per line, `p95 < 300ms`, `rps >= 50`, `errors <= 1%`, `errors == 0` as `errors <= 0`. */
import { parseGoDuration } from '../shared/duration.js';
import { InputError } from '../shared/errors.js';
import { parseList } from '../shared/inputs.js';
import type { Metric, Operator, Threshold } from './types.js';

const FORM =
  'Write one rule per line: a metric (rps, p50, p95, p99, errors), an operator (<, <=, >, >=) and a value, e.g. `p95 < 300ms`, `rps >= 50`, `errors <= 1%`.';

export function parseThresholds(name: string, raw: string): Threshold[] {
  return parseList(name, raw).map((text) => {
    const m = /^(rps|p50|p95|p99|errors)\s*(<=|>=|<|>)\s*(\S+)$/.exec(text);
    if (!m) throw new InputError(name, `${JSON.stringify(text)} is not a rule`, FORM);
    const metric = m[1] as Metric;
    const op = m[2] as Operator;
    const valueText = m[3] as string;
    if (metric === 'rps') {
      const value = Number(valueText);
      if (!Number.isFinite(value) || value < 0)
        throw new InputError(
          name,
          `${JSON.stringify(text)}: ${valueText} is not a rate`,
          'Give requests per second as a number, e.g. `rps >= 50`.',
        );
      return { metric, op, value, text };
    }
    if (metric === 'errors') {
      const percent = valueText.endsWith('%');
      const value = Number(percent ? valueText.slice(0, -1) : valueText);
      if (
        !Number.isFinite(value) ||
        value < 0 ||
        (percent && value > 100) ||
        (!percent && !Number.isInteger(value))
      )
        throw new InputError(
          name,
          `${JSON.stringify(text)}: ${valueText} is not a count or a percentage`,
          'Give a whole count (`errors <= 0`) or a percentage (`errors <= 1%`).',
        );
      return { metric, op, value, text, ...(percent ? { percent } : {}) };
    }
    const ms = /^\d+(\.\d+)?$/.test(valueText) ? undefined : parseGoDuration(valueText);
    if (ms === undefined || ms < 0)
      throw new InputError(
        name,
        `${JSON.stringify(text)}: ${valueText} is not a duration`,
        'Give latencies with a unit, e.g. `p95 < 300ms` or `p99 < 1s`.',
      );
    return { metric, op, value: ms, text };
  });
}
