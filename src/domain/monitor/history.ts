/**
 * The monitor's history: one JSON line per run (each target's status and figures, no URL, no header),
 * kept on a data branch as one file per day (so no write grows without bound and the main branch never
 * grows) or in a file the workflow keeps; read back for the previous statuses and the response-time chart.
 */
import type { TargetResult } from './check.js';
import { isMonitorStatus, worstStatus, type MonitorStatus } from './judge.js';

export interface HistoryTarget {
  name: string;
  status: MonitorStatus;
  p50?: number;
  p95?: number;
  p99?: number;
  max?: number;
  errorRate: number;
  tlsDays?: number;
}

export interface HistoryRecord {
  v: 1;
  /** ISO time the run started. */
  at: string;
  run?: string;
  /** The worst of the run. */
  status: MonitorStatus;
  /** The uptime check's targets. */
  targets: HistoryTarget[];
  /** What other checks keep for their next run, by check id (a benchmark's results). */
  checks?: Record<string, unknown>;
}

/** The history file on disk keeps this many runs (older lines are dropped as new ones come). */
export const HISTORY_FILE_MAX_RUNS = 5000;
/** Days of branch files read back for the chart and the previous statuses. */
export const HISTORY_LOOKBACK_DAYS = 7;

const round1 = (ms: number | undefined) => (ms === undefined ? undefined : Math.round(ms * 10) / 10);

/** Each target's status and figures, as the history keeps them (no URL, no header). */
export function historyTargets(results: readonly TargetResult[]): HistoryTarget[] {
  return results.map((r) => {
    const l = r.counted.latency;
    const figures = l
      ? { p50: round1(l.p50), p95: round1(l.p95), p99: round1(l.p99), max: round1(l.max) }
      : {};
    return {
      name: r.name,
      status: r.status,
      ...figures,
      errorRate: Math.round(r.counted.errorRate * 10) / 10,
      ...(r.tls?.daysLeft !== undefined ? { tlsDays: r.tls.daysLeft } : {}),
    } as HistoryTarget;
  });
}

export interface RunRecordParts {
  at: Date;
  runUrl?: string;
  status: MonitorStatus;
  targets: HistoryTarget[];
  checks?: Record<string, unknown>;
}

export function historyRecord(parts: RunRecordParts): HistoryRecord {
  return {
    v: 1,
    at: parts.at.toISOString(),
    ...(parts.runUrl ? { run: parts.runUrl } : {}),
    status: parts.status,
    targets: parts.targets,
    ...(parts.checks && Object.keys(parts.checks).length > 0 ? { checks: parts.checks } : {}),
  };
}

/** The uptime check's own record of a run (for its chart before the run's record is complete). */
export const uptimeRecord = (results: readonly TargetResult[], at: Date): HistoryRecord =>
  historyRecord({
    at,
    status: worstStatus(results.map((r) => r.status)),
    targets: historyTargets(results),
  });

export const historyLine = (record: HistoryRecord): string => `${JSON.stringify(record)}\n`;

function isRecord(value: unknown): value is HistoryRecord {
  const r = value as HistoryRecord;
  return (
    typeof r === 'object' &&
    r !== null &&
    r.v === 1 &&
    typeof r.at === 'string' &&
    !Number.isNaN(Date.parse(r.at)) &&
    Array.isArray(r.targets) &&
    r.targets.every((t) => typeof t?.name === 'string' && isMonitorStatus(t.status))
  );
}

/** The records in JSON-lines text, oldest first; a line that is not one (a torn write, an edit) is skipped. */
export function parseHistory(text: string): HistoryRecord[] {
  const records: HistoryRecord[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const value = JSON.parse(line) as unknown;
      if (isRecord(value)) records.push(value);
    } catch {
      // skipped: see above
    }
  }
  return records.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** Each target's status in the newest record that has it. */
export function previousStatuses(records: readonly HistoryRecord[]): Map<string, MonitorStatus> {
  const statuses = new Map<string, MonitorStatus>();
  for (const record of records) for (const t of record.targets) statuses.set(t.name, t.status);
  return statuses;
}

/** The branch file a run at `at` appends to: `history/2026-09-14.jsonl` (UTC). */
export const historyDayFile = (at: Date): string => `history/${at.toISOString().slice(0, 10)}.jsonl`;

/** The day files to read for the last few days, newest first. */
export function historyDayFiles(now: Date, days = HISTORY_LOOKBACK_DAYS): string[] {
  return Array.from({ length: days }, (_, i) => historyDayFile(new Date(now.getTime() - i * 86_400_000)));
}

/** The newest `keep` lines of a history file, with one more appended. */
export function appendBounded(text: string, line: string, keep = HISTORY_FILE_MAX_RUNS): string {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  lines.push(line.replace(/\n$/, ''));
  return `${lines.slice(-keep).join('\n')}\n`;
}

export const HISTORY_README = `# Monitor history

Written by the prod-monitor action: one JSON line per run in \`history/<UTC date>.jsonl\`, each with the
run's time, the worst status, and every target's status, p50/p95/p99/max (ms), error rate (%) and days
until its certificate expires. This branch has no common history with the code; nothing here is code.
`;
