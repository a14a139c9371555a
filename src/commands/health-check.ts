/** `health-check`: probes each URL with the deploy's probe and schedule, and tells the attempts and times. */
import { resolve } from 'node:path';
import { InputError, CheckFailed } from '../domain/shared/errors.js';
import { code, table } from '../domain/shared/markdown.js';
import { attemptLine, attemptsTable } from '../domain/probe/report.js';
import { describeProbe, type ProbeResult } from '../domain/probe/run.js';
import type { Host } from '../host/host.js';
import { inputReader, type InputReader } from '../host/inputs.js';
import { probe } from '../io/http-probe.js';
import { probeDefaults, targetProbeSpec } from '../domain/monitor/targets.js';
import type { ProbeSpec } from '../domain/probe/spec.js';
import { loadTargets } from './monitor-uptime.js';
import { readProbeSettings, type ProbeSettings } from './probe-inputs.js';
import { setOutputs } from './report.js';

export interface HealthCheckSettings extends ProbeSettings {
  urls: string[];
  /** The prod-monitor's targets file, relative to the current directory. */
  targetsFile?: string;
}

export function readHealthCheckSettings(
  input: InputReader,
  mask: (value: string) => void,
): HealthCheckSettings {
  const urls = input.urls('url').map((url) => url.toString());
  const targetsFile = input.string('targets-file');
  if (urls.length === 0 && !targetsFile)
    throw new InputError(
      'url',
      'is required but empty',
      'Give one or more URLs, e.g. --url https://nuzantara-rag.fly.dev/health, or --targets-file monitoring/targets.yml.',
    );
  return { urls, ...(targetsFile ? { targetsFile } : {}), ...readProbeSettings(input, '', mask) };
}

const verdict = (r: ProbeResult) => (r.healthy ? '✅ healthy' : '❌ unhealthy');

export function healthMarkdown(results: readonly ProbeResult[]): string {
  const lines = [
    `## health-check: ${results.every((r) => r.healthy) ? '✅ all healthy' : '❌ unhealthy'}`,
    '',
    table(
      ['URL', 'result', 'attempts', 'latency'],
      results.map((r) => [
        r.url,
        verdict(r),
        String(r.attempts.length),
        r.latencyMs === undefined ? '—' : `${Math.round(r.latencyMs)}ms`,
      ]),
    ),
    '',
  ];
  for (const r of results) lines.push(`### ${code(r.url)}`, '', attemptsTable(r), '');
  return lines.join('\n');
}

export async function healthCheck(host: Host): Promise<void> {
  const settings = readHealthCheckSettings(inputReader(host), (v) => host.mask(v));
  // The monitor's targets, each with its own checks; the flags fill in what a target leaves out.
  const targets = settings.targetsFile
    ? await loadTargets(
        {
          input: 'targets-file',
          path: resolve(host.context.workspace, settings.targetsFile),
          shown: settings.targetsFile,
        },
        probeDefaults(settings.probe),
        host,
      )
    : [];
  const specs: ProbeSpec[] = [
    ...settings.urls.map((url) => ({ ...settings.probe, url })),
    ...targets.map((t) => targetProbeSpec(t, { perRequestLatency: true })),
  ];
  const results = await Promise.all(
    specs.map((spec) => probe(spec, settings.retry, (a) => host.info(attemptLine(a, `${spec.url} attempt`)))),
  );
  for (const r of results) host.info(`${r.url}: ${describeProbe(r)}`);
  const healthy = results.filter((r) => r.healthy).length;
  setOutputs(host, { healthy: healthy === results.length, 'healthy-count': healthy, total: results.length });
  host.result({ results });
  await host.summary(healthMarkdown(results));
  if (healthy < results.length)
    throw new CheckFailed(
      `${results.length - healthy} of ${results.length} URL(s) unhealthy: ${results
        .filter((r) => !r.healthy)
        .map((r) => `${r.url} (${describeProbe(r)})`)
        .join('; ')}`,
    );
}
