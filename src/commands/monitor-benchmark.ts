/**
 * The monitor's benchmark: a short load test of each target named in `benchmark` (only targets the
 * monitor's targets file defines, never another host), judged by thresholds and against the previous
 * results in the monitor's history. Off unless `benchmark` names a target.
 */
import { InputError } from '../domain/shared/errors.js';
import { displayUrl } from '../domain/shared/inputs.js';
import { benchmarkHistory, historyEntry, judge, previousResults } from '../domain/loadtest/judge.js';
import { benchmarkMarkdown, describeRegression, verdictLine } from '../domain/loadtest/report.js';
import { parseThresholds } from '../domain/loadtest/thresholds.js';
import type {
  BenchmarkVerdict,
  HistoryEntry,
  LoadResult,
  LoadSpec,
  RegressionAction,
  Threshold,
} from '../domain/loadtest/types.js';
import type { Host } from '../host/host.js';
import type { InputReader } from '../host/inputs.js';
import { runLoadTest } from '../io/loadtest.js';
import { statusOf, type CheckSection } from './monitor-section.js';

export interface BenchmarkSettings {
  targets: string[];
  durationMs: number;
  connections: number;
  rate?: number;
  maxRequests: number;
  thresholds: Threshold[];
  regressionPercent: number;
  onRegression: RegressionAction;
}

export function readBenchmarkSettings(input: InputReader): BenchmarkSettings {
  const rate = input.optionalNumber('benchmark-rate', { min: 1, max: 10_000 });
  return {
    targets: [...new Set(input.list('benchmark'))],
    durationMs: input.duration('benchmark-duration', { minMs: 1000, maxMs: 60_000 }),
    connections: input.integer('benchmark-connections', { min: 1, max: 100 }),
    ...(rate === undefined ? {} : { rate }),
    maxRequests: input.integer('benchmark-max-requests', { min: 1, max: 100_000 }),
    thresholds: parseThresholds('benchmark-thresholds', input.text('benchmark-thresholds')),
    regressionPercent: input.number('benchmark-regression', { min: 0, max: 1000 }),
    onRegression: input.choice('benchmark-on-regression', ['warn', 'fail'] as const),
  };
}

/** A target of the monitor, as the benchmark needs it. */
export interface BenchmarkTarget {
  name: string;
  url: string;
  method?: 'GET' | 'HEAD';
  /** Header values are secrets the monitor has already masked. */
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** The named targets, or an InputError before anything runs when a name is not one of the monitor's. */
export function resolveBenchmarkTargets(
  settings: Pick<BenchmarkSettings, 'targets'>,
  targets: readonly BenchmarkTarget[],
): BenchmarkTarget[] {
  return settings.targets.map((name) => {
    const found = targets.find((t) => t.name === name);
    if (!found)
      throw new InputError(
        'benchmark',
        `${JSON.stringify(name)} is not one of the monitor's targets`,
        targets.length > 0
          ? `Name targets from the targets file: ${targets.map((t) => t.name).join(', ')}.`
          : 'Define the target in the targets file first; the benchmark only loads hosts named there.',
      );
    return found;
  });
}

export interface BenchmarkPorts {
  targets: readonly BenchmarkTarget[];
  /** What this check stored in the monitor's history last time; undefined when the history is not available. */
  history?: unknown;
  load?: (spec: LoadSpec) => Promise<LoadResult>;
  now?: () => Date;
}

export async function runBenchmarkCheck(
  host: Host,
  settings: BenchmarkSettings,
  ports: BenchmarkPorts,
): Promise<CheckSection> {
  const targets = resolveBenchmarkTargets(settings, ports.targets);
  const previous = previousResults(ports.history);
  const historyNote =
    ports.history === undefined
      ? 'No monitor history is available, so there is nothing to compare with.'
      : undefined;
  const load = ports.load ?? runLoadTest;
  const verdicts: BenchmarkVerdict[] = [];
  const kept: Record<string, HistoryEntry> = {};
  for (const target of targets) {
    host.info(
      `Benchmark ${target.name}: ${displayUrl(target.url)} for ${settings.durationMs / 1000}s, ${settings.connections} connection(s)${settings.rate ? `, at most ${settings.rate}/s` : ''}, at most ${settings.maxRequests} requests`,
    );
    const measured = await load({
      target: target.name,
      url: target.url,
      method: target.method ?? 'GET',
      headers: target.headers ?? {},
      durationMs: settings.durationMs,
      connections: settings.connections,
      ...(settings.rate ? { rate: settings.rate } : {}),
      maxRequests: settings.maxRequests,
      timeoutMs: target.timeoutMs ?? 10_000,
    });
    const result = { ...measured, url: displayUrl(target.url) };
    const verdict = judge(result, settings.thresholds, previous.get(target.name), settings.regressionPercent);
    verdicts.push(verdict);
    kept[target.name] = historyEntry(result, (ports.now ?? (() => new Date()))());
    host.info(verdictLine(verdict));
  }

  const failures: string[] = [];
  let warnings = 0;
  for (const v of verdicts) {
    if (v.breaches.length > 0)
      failures.push(
        `benchmark ${v.result.target}: ${v.breaches.map((b) => b.text).join(', ')} not met (${verdictLine(v)})`,
      );
    if (v.regressions.length > 0) {
      const text = `benchmark ${v.result.target} regressed beyond ${settings.regressionPercent}% against ${v.previous?.at}: ${v.regressions.map(describeRegression).join('; ')}`;
      if (settings.onRegression === 'fail') failures.push(text);
      else {
        host.warning(`${text}.`);
        warnings++;
      }
    }
  }
  const status = statusOf(failures, warnings);
  const headline =
    status === 'fail'
      ? `❌ ${failures.length} problem(s)`
      : status === 'warn'
        ? '⚠️ regressed'
        : `✅ ${verdicts.length} target(s) within limits`;
  const results = Object.fromEntries(verdicts.map((v) => [v.result.target, v.result]));
  return {
    name: 'benchmark',
    status,
    headline: `Benchmark: ${headline}`,
    markdown: benchmarkMarkdown(verdicts, {
      regressionPercent: settings.regressionPercent,
      headline,
      ...(historyNote ? { historyNote } : {}),
    }),
    outputs: {
      'benchmark-results': JSON.stringify(
        Object.fromEntries(
          Object.entries(kept).map(([k, e]) => [
            k,
            { rps: e.rps, p50: e.p50, p95: e.p95, p99: e.p99, errorRate: e.errorRate },
          ]),
        ),
      ),
    },
    report: {
      results,
      verdicts: verdicts.map((v) => ({
        target: v.result.target,
        breaches: v.breaches.map((b) => b.text),
        regressions: v.regressions,
        previous: v.previous ?? null,
      })),
    },
    failures,
    history: benchmarkHistory(kept),
  };
}
