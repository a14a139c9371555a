/** The benchmark's summary section and messages. */
import { formatDuration } from '../shared/duration.js';
import { table } from '../shared/markdown.js';
import type { BenchmarkVerdict, Regression } from './types.js';

const ms = (v: number | undefined | null) => (v === undefined || v === null ? '—' : formatDuration(v));
const rate = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

export function describeRegression(r: Regression): string {
  const show = r.metric === 'rps' ? (v: number) => `${rate(v)}/s` : ms;
  return `${r.metric} ${show(r.previous)} → ${show(r.current)} (${r.change.toFixed(0)}% worse)`;
}

export function verdictLine(v: BenchmarkVerdict): string {
  const r = v.result;
  return `${r.target}: ${r.requests} requests in ${formatDuration(r.durationMs)} (${rate(r.rps)}/s${r.capped ? ', request cap reached' : ''}), p50 ${ms(r.latency?.p50)}, p95 ${ms(r.latency?.p95)}, p99 ${ms(r.latency?.p99)}, ${r.errors + r.non2xx} failed (${r.errorRate.toFixed(1)}%)`;
}

export function benchmarkMarkdown(
  verdicts: readonly BenchmarkVerdict[],
  options: { regressionPercent: number; historyNote?: string; headline: string },
): string {
  const lines = [`### Benchmark: ${options.headline}`, ''];
  lines.push(
    table(
      ['target', 'requests', 'req/s', 'p50', 'p95', 'p99', 'failed', 'against previous', 'result'],
      verdicts.map((v) => {
        const r = v.result;
        const versus = !v.previous
          ? 'no earlier result'
          : v.regressions.length === 0
            ? `within ${options.regressionPercent}% of ${v.previous.at.slice(0, 10)}`
            : v.regressions.map(describeRegression).join('; ');
        const result =
          v.breaches.length > 0
            ? `❌ ${v.breaches.map((b) => b.text).join(', ')} not met`
            : v.regressions.length > 0
              ? '⚠️ regressed'
              : '✅';
        return [
          r.target,
          `${r.requests}${r.capped ? ' (cap)' : ''}`,
          rate(r.rps),
          ms(r.latency?.p50),
          ms(r.latency?.p95),
          ms(r.latency?.p99),
          `${r.errors + r.non2xx} (${r.errorRate.toFixed(1)}%)`,
          versus,
          result,
        ];
      }),
    ),
    '',
  );
  if (options.historyNote) lines.push(options.historyNote, '');
  return lines.join('\n');
}
