/** Delivery metrics' summary: a table per environment with DORA bands, the "metrics to track", secret ages. */
import { formatDuration } from '../shared/duration.js';
import { code, table } from '../shared/markdown.js';
import { DORA_SOURCE } from './bands.js';
import { formatDays } from './inputs.js';
import type { Band, EnvironmentMetrics, Figure, SecretAge } from './types.js';

const BADGE: Record<Band, string> = {
  elite: '🟢 elite',
  high: '🔵 high',
  medium: '🟡 medium',
  low: '🔴 low',
};
const band = (b: Band | undefined) => (b ? BADGE[b] : '—');

/** Durations over a day read better in days and hours. */
export function span(ms: number | undefined): string {
  if (ms === undefined) return '—';
  if (ms < 86_400_000) return formatDuration(ms);
  const days = Math.floor(ms / 86_400_000);
  const hours = Math.round((ms % 86_400_000) / 3_600_000);
  return hours ? `${days}d${hours}h` : `${days}d`;
}

const fig = (f: Figure) => (f.medianMs === undefined ? '—' : `${span(f.medianMs)} (median of ${f.samples})`);

export function frequencyText(perDay: number): string {
  if (perDay >= 1) return `${perDay.toFixed(1)}/day`;
  if (perDay * 7 >= 1) return `${(perDay * 7).toFixed(1)}/week`;
  return `${(perDay * 30).toFixed(1)}/month`;
}

export interface TrackedMetrics {
  coverage?: { lines: number | null; source: string };
  vulnerabilities?: number;
}

export function deliveryMarkdown(
  metrics: readonly EnvironmentMetrics[],
  options: {
    windowMs: number;
    tracked: TrackedMetrics;
    secrets: readonly SecretAge[];
    rotateAfterMs: number;
    notes: readonly string[];
  },
): string {
  const lines = [`### Delivery metrics (last ${formatDays(options.windowMs)})`, ''];
  if (metrics.length === 0) lines.push('No GitHub Deployments were found.', '');
  for (const m of metrics) {
    lines.push(`#### ${code(m.environment)}${m.apps.length ? `: ${m.apps.join(', ')}` : ''}`, '');
    lines.push(
      table(
        ['metric', 'value', 'DORA band'],
        [
          [
            'deployment frequency',
            `${frequencyText(m.frequencyPerDay)} (${m.successful} successful of ${m.deployments})`,
            band(m.bands.deploymentFrequency),
          ],
          [
            'lead time for changes',
            fig(m.leadTime) +
              (m.leadTime.missingCommits ? `, ${m.leadTime.missingCommits} without a commit time` : ''),
            band(m.bands.leadTime),
          ],
          [
            'change failure rate',
            m.changeFailureRate === undefined
              ? '—'
              : `${m.changeFailureRate.toFixed(1)}% (${m.failed} of ${m.deployments})`,
            band(m.bands.changeFailureRate),
          ],
          [
            'time to restore',
            fig(m.timeToRestore) + (m.timeToRestore.open ? `, ${m.timeToRestore.open} not restored yet` : ''),
            band(m.bands.timeToRestore),
          ],
          ['deployment duration', fig(m.duration), '—'],
          ['rollbacks', String(m.rollbacks), '—'],
        ],
      ),
      '',
    );
    if (m.unrecorded > 0)
      lines.push(
        `${m.unrecorded} deployment(s) have no nuzantara record (other tools, older schemas): counted by their statuses alone.`,
        '',
      );
  }
  const primary = metrics[0];
  lines.push('#### Metrics to track', '');
  lines.push(
    table(
      ['metric', 'value'],
      [
        [
          'deployment frequency',
          primary ? `${frequencyText(primary.frequencyPerDay)} (${primary.environment})` : '—',
        ],
        ['mean time to recovery', primary ? `${span(primary.timeToRestore.medianMs)} (median)` : '—'],
        [
          'change failure rate',
          primary?.changeFailureRate === undefined ? '—' : `${primary.changeFailureRate.toFixed(1)}%`,
        ],
        ['deployment duration', primary ? `${span(primary.duration.medianMs)} (median)` : '—'],
        [
          'test coverage',
          options.tracked.coverage
            ? `${options.tracked.coverage.lines === null ? '—' : `${options.tracked.coverage.lines.toFixed(1)}% lines`} (${options.tracked.coverage.source})`
            : 'not given (coverage-summary)',
        ],
        [
          'vulnerabilities',
          options.tracked.vulnerabilities === undefined
            ? 'not scanned (scan: false)'
            : String(options.tracked.vulnerabilities),
        ],
      ],
    ),
    '',
  );
  if (options.secrets.length > 0) {
    const overdue = options.secrets.filter((s) => s.overdue);
    lines.push(`#### Secret rotation (every ${formatDays(options.rotateAfterMs)})`, '');
    lines.push(
      table(
        ['app', 'secret', 'current value set', 'age', 'status'],
        options.secrets.map((s) => [
          s.app,
          s.name,
          s.since.slice(0, 10),
          `${s.atLeast ? '≥ ' : ''}${formatDays(s.ageMs)}`,
          s.overdue ? '⚠️ rotate' : '✅',
        ]),
      ),
      '',
    );
    if (overdue.length === 0) lines.push('Every secret was rotated within the policy.', '');
  }
  for (const n of options.notes) lines.push(`- ${n}`);
  if (options.notes.length) lines.push('');
  lines.push(`Bands: ${DORA_SOURCE}.`, '');
  return lines.join('\n');
}
