/** `health-check`: probes each URL with the deploy's probe and schedule, and tells the attempts and times. */
import { InputError, CheckFailed } from '../domain/shared/errors.js';
import { parseUrl } from '../domain/shared/inputs.js';
import { code, table } from '../domain/shared/markdown.js';
import { attemptLine, attemptsTable } from '../domain/probe/report.js';
import { describeProbe, type ProbeResult } from '../domain/probe/run.js';
import type { Host } from '../host/host.js';
import { inputReader, type InputReader } from '../host/inputs.js';
import { probe } from '../io/http-probe.js';
import { readProbeSettings, type ProbeSettings } from './probe-inputs.js';
import { setOutputs } from './report.js';

export interface HealthCheckSettings extends ProbeSettings {
  urls: string[];
}

export function readHealthCheckSettings(
  input: InputReader,
  mask: (value: string) => void,
): HealthCheckSettings {
  const urls = input.list('url').map((raw) => parseUrl('url', raw).toString());
  if (urls.length === 0)
    throw new InputError(
      'url',
      'is required but empty',
      'Give one or more URLs, e.g. --url https://nuzantara-rag.fly.dev/health.',
    );
  return { urls, ...readProbeSettings(input, '', mask) };
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
  const results = await Promise.all(
    settings.urls.map((url) =>
      probe({ ...settings.probe, url }, settings.retry, (a) => host.info(attemptLine(a, `${url} attempt`))),
    ),
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
