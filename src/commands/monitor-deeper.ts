/**
 * The monitor's deeper checks in one place, for src/commands/monitor.ts: one reader of all their inputs
 * and one runner that runs those turned on (the scan before delivery metrics, which show its count) and
 * returns their sections; `deeperCheck` is them as one of the monitor's checks.
 */
import type { HistoryRecord } from '../domain/monitor/history.js';
import { isMonitorStatus, worstStatus, type MonitorStatus } from '../domain/monitor/judge.js';
import type { StatusChange } from '../domain/monitor/report.js';
import type { MonitorTarget } from '../domain/monitor/targets.js';
import { InputError } from '../domain/shared/errors.js';
import type { Host, RunContext } from '../host/host.js';
import type { InputReader } from '../host/inputs.js';
import {
  readBenchmarkSettings,
  resolveBenchmarkTargets,
  runBenchmarkCheck,
  type BenchmarkSettings,
  type BenchmarkTarget,
} from './monitor-benchmark.js';
import {
  readCoverage,
  readDeliverySettings,
  runDeliveryCheck,
  type DeliverySettings,
} from './monitor-delivery.js';
import { checkScanPaths, readScanSettings, runScanCheck, type ScanCheckSettings } from './monitor-scan.js';
import type { CheckSection, CheckStatus } from './monitor-section.js';
import type { MonitorCheck } from './monitor.js';

export interface DeeperSettings {
  scan: ScanCheckSettings;
  benchmark: BenchmarkSettings;
  delivery: DeliverySettings;
}

/** Reads every input of the deeper checks (each InputError names its input; the reader masks secrets). */
export function readDeeperSettings(
  input: InputReader,
  context: Pick<RunContext, 'workspace'>,
): DeeperSettings {
  return {
    scan: readScanSettings(input, context),
    benchmark: readBenchmarkSettings(input),
    delivery: readDeliverySettings(input, context),
  };
}

/** Checks the settings against the monitor's targets before any check runs: a benchmark of an unknown name is an InputError. */
export function checkDeeperTargets(settings: DeeperSettings, targets: readonly BenchmarkTarget[]): void {
  resolveBenchmarkTargets(settings.benchmark, targets);
}

export interface DeeperPorts {
  targets: readonly BenchmarkTarget[];
  /** What the benchmark kept in the monitor's history last run (its section.history); null: a history without one yet; undefined: no history at all. */
  benchmarkHistory?: unknown;
  now?: () => Date;
}

export async function runDeeperChecks(
  host: Host,
  settings: DeeperSettings,
  ports: DeeperPorts,
): Promise<CheckSection[]> {
  const sections: CheckSection[] = [];
  let vulnerabilities: number | undefined;
  const now = ports.now ? { now: ports.now } : {};
  if (settings.scan.enabled) {
    const scan = await host.group('Vulnerability scan', () => runScanCheck(host, settings.scan, now));
    vulnerabilities = Number(scan.outputs.vulnerabilities);
    sections.push(scan);
  }
  if (settings.benchmark.targets.length > 0)
    sections.push(
      await host.group('Benchmark', () =>
        runBenchmarkCheck(host, settings.benchmark, {
          targets: ports.targets,
          ...(ports.benchmarkHistory === undefined ? {} : { history: ports.benchmarkHistory }),
          ...now,
        }),
      ),
    );
  if (settings.delivery.enabled)
    sections.push(
      await host.group('Delivery metrics', () =>
        runDeliveryCheck(host, settings.delivery, {
          ...(vulnerabilities === undefined ? {} : { vulnerabilities }),
          ...now,
        }),
      ),
    );
  return sections;
}

const STATUS: Record<CheckStatus, MonitorStatus> = { pass: 'up', warn: 'degraded', fail: 'down' };

/** What the deeper checks keep in a run's history (under checks.deeper), for the next run. */
export interface DeeperHistory {
  /** Each check's status, for the status changes. */
  status: Partial<Record<CheckSection['name'], MonitorStatus>>;
  /** What the benchmark kept (its section's history). */
  benchmark?: unknown;
}

export interface DeeperCheckSettings {
  deeper: DeeperSettings;
  /** The monitor's targets a benchmark may load (GET and HEAD), filled by prepare. */
  targets: BenchmarkTarget[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The history's deeper parts, newest first; the history is read back from files, so nothing is trusted. */
const kept = (history: readonly HistoryRecord[]) =>
  history
    .map((r) => r.checks?.deeper)
    .filter(isObject)
    .reverse() as Partial<DeeperHistory>[];

function previousStatus(history: readonly HistoryRecord[], name: CheckSection['name']): MonitorStatus {
  for (const part of kept(history)) {
    const status = isObject(part.status) ? part.status[name] : undefined;
    if (isMonitorStatus(status)) return status;
  }
  return 'up';
}

/** The benchmark after the monitor's targets, GET or HEAD only: a POST named is an InputError before anything runs. */
function benchmarkTargets(settings: DeeperSettings, targets: readonly MonitorTarget[]): BenchmarkTarget[] {
  for (const name of settings.benchmark.targets)
    if (targets.find((t) => t.name === name)?.method === 'POST')
      throw new InputError(
        'benchmark',
        `${JSON.stringify(name)} is a POST target`,
        'Benchmark GET or HEAD targets only: a load test repeats the request thousands of times.',
      );
  const loadable = targets.flatMap((t) =>
    t.method === 'POST'
      ? []
      : [{ name: t.name, url: t.url, method: t.method, headers: t.headers, timeoutMs: t.timeoutMs }],
  );
  checkDeeperTargets(settings, loadable);
  return loadable;
}

/**
 * The deeper checks as one of the monitor's checks (id `deeper`): on when any of them is; each check keeps
 * its own summary section, outputs, report part (checks.deeper.<name>) and history part; pass, warn and
 * fail are up, degraded and down; a failure is a problem, and so is a warning's headline (degraded).
 */
export const deeperCheck: MonitorCheck<DeeperCheckSettings> = {
  id: 'deeper',
  read(input, context) {
    const deeper = readDeeperSettings(input, context);
    const on = deeper.scan.enabled || deeper.benchmark.targets.length > 0 || deeper.delivery.enabled;
    return on ? { deeper, targets: [] } : undefined;
  },
  async prepare(_host, settings, targets) {
    // The files these checks name, before any check runs: a bad one stops the run before the uptime
    // check has touched an incident.
    const { scan, delivery } = settings.deeper;
    await checkScanPaths(scan);
    if (delivery.enabled && delivery.coverageSummary) await readCoverage(delivery.coverageSummary, []);
    return { ...settings, targets: benchmarkTargets(settings.deeper, targets) };
  },
  async run(host, settings, run) {
    const lastBenchmark = run.history && kept(run.history).find((p) => p.benchmark !== undefined);
    const sections = await runDeeperChecks(host, settings.deeper, {
      targets: settings.targets,
      // undefined: no history at all; null: a history without a benchmark yet.
      ...(run.history ? { benchmarkHistory: lastBenchmark ? lastBenchmark.benchmark : null } : {}),
    });
    const changes: StatusChange[] = [];
    for (const s of sections) {
      const from = previousStatus(run.history ?? [], s.name);
      const to = STATUS[s.status];
      if (from === to) continue;
      changes.push({ check: s.name, subject: s.name, from, to, detail: s.failures.join('; ') || s.headline });
      host.info(`Status change: ${s.name} ${from} → ${to}`);
    }
    const benchmark = sections.find((s) => s.name === 'benchmark')?.history;
    const history: DeeperHistory = {
      status: Object.fromEntries(sections.map((s) => [s.name, STATUS[s.status]])),
      ...(benchmark === undefined ? {} : { benchmark }),
    };
    return {
      status: worstStatus(sections.map((s) => STATUS[s.status])),
      outputs: Object.assign({}, ...sections.map((s) => s.outputs)) as Record<string, string>,
      summary: `${sections.map((s) => s.markdown.trimEnd()).join('\n\n')}\n`,
      report: Object.fromEntries(
        sections.map((s) => [
          s.name,
          { status: STATUS[s.status], headline: s.headline, failures: s.failures, report: s.report },
        ]),
      ),
      problems: sections.flatMap((s): { status: MonitorStatus; text: string }[] =>
        s.status === 'fail'
          ? s.failures.map((text) => ({ status: 'down', text }))
          : s.status === 'warn'
            ? [{ status: 'degraded', text: s.headline }]
            : [],
      ),
      changes,
      history,
    };
  },
};
