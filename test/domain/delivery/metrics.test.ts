import { describe, expect, it } from '@jest/globals';
import type { DeliveryRecord } from '../../../src/domain/deploy/record.js';
import {
  failureRateBand,
  frequencyBand,
  leadTimeBand,
  restoreBand,
} from '../../../src/domain/delivery/bands.js';
import { parseSpan } from '../../../src/domain/delivery/inputs.js';
import { environmentMetrics, median, secretAges } from '../../../src/domain/delivery/metrics.js';
import type { DeploymentEvent } from '../../../src/domain/delivery/types.js';

const H = 3_600_000;
const D = 24 * H;
const NOW = new Date('2026-06-30T00:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

let id = 0;
function rec(
  ago: number,
  fields: Partial<DeliveryRecord> & { took?: number; env?: string; sha?: string; state?: string },
): DeploymentEvent {
  const took = fields.took ?? 10 * 60_000;
  const finishedAt = at(ago);
  const record: DeliveryRecord = {
    schema: 1,
    kind: fields.kind ?? 'deploy',
    app: fields.app ?? 'nuzantara-rag',
    release: 1,
    image: 'registry.fly.io/x:1',
    previousRelease: null,
    outcome: fields.outcome ?? 'healthy',
    rolledBackTo: null,
    startedAt: new Date(Date.parse(finishedAt) - took).toISOString(),
    finishedAt,
    config: null,
    secrets: fields.secrets ?? null,
  };
  return {
    id: ++id,
    environment: fields.env ?? 'production',
    sha: fields.sha ?? `${String(id).padStart(7, '0')}`,
    createdAt: finishedAt,
    state: fields.state ?? (record.outcome === 'healthy' ? 'success' : 'failure'),
    statusAt: finishedAt,
    record,
  };
}

/**
 * A known month: 8 deploys (6 healthy, 1 that rolled itself back, 1 failed and fixed by a manual rollback
 * 2 hours later), a manual rollback, and one deploy older than the window.
 */
function history(): { events: DeploymentEvent[]; commits: Map<string, Date> } {
  const events = [
    rec(40 * D, { sha: 'aaaaaaa' }),
    rec(28 * D, { sha: 'b000001' }),
    rec(24 * D, { sha: 'b000002' }),
    rec(20 * D, { sha: 'b000003', outcome: 'rolled-back', took: 12 * 60_000 }),
    rec(18 * D, { sha: 'b000004' }),
    rec(14 * D, { sha: 'b000005', outcome: 'failed', took: 8 * 60_000 }),
    rec(14 * D - 2 * H, { sha: 'b000005', kind: 'rollback', took: 4 * 60_000 }),
    rec(10 * D, { sha: 'b000006' }),
    rec(6 * D, { sha: 'b000007' }),
    rec(2 * D, { sha: 'b000008' }),
  ];
  // Each healthy deploy's commit was made 3 hours before it finished; b000008's commit is unknown.
  const commits = new Map(
    events
      .filter((e) => e.record?.outcome === 'healthy' && e.record.kind === 'deploy' && e.sha !== 'b000008')
      .map((e) => [e.sha, new Date(Date.parse(e.record!.finishedAt) - 3 * H)]),
  );
  return { events, commits };
}

describe('DORA figures from a known history', () => {
  it('frequency, lead time, change failure rate, time to restore and duration', () => {
    const { events, commits } = history();
    const m = environmentMetrics('production', { events, now: NOW, windowMs: 30 * D, commitTimes: commits });
    expect(m).toMatchObject({
      deployments: 8,
      successful: 6,
      failed: 2,
      rollbacks: 1,
      unrecorded: 0,
      apps: ['nuzantara-rag'],
    });
    expect(m.frequencyPerDay).toBeCloseTo(6 / 30);
    expect(m.leadTime).toEqual({ medianMs: 3 * H, samples: 5, missingCommits: 1 });
    expect(m.changeFailureRate).toBe(25);
    // The self-rolled-back deploy restored at its finish (12 min); the failed one by the rollback 2h later (2h8m).
    expect(m.timeToRestore).toEqual({
      medianMs: (12 * 60_000 + 2 * H + 8 * 60_000) / 2,
      samples: 2,
      open: 0,
    });
    expect(m.duration).toEqual({ medianMs: 10 * 60_000, samples: 8 });
    expect(m.bands).toEqual({
      deploymentFrequency: 'high',
      leadTime: 'elite',
      changeFailureRate: 'low',
      timeToRestore: 'high',
    });
  });

  it('a failure not yet followed by a success is open', () => {
    const events = [rec(3 * D, {}), rec(1 * D, { outcome: 'rollback-failed' })];
    const m = environmentMetrics('production', {
      events,
      now: NOW,
      windowMs: 30 * D,
      commitTimes: new Map(),
    });
    expect(m.timeToRestore).toEqual({ samples: 0, open: 1 });
    expect(m.bands.timeToRestore).toBeUndefined();
  });

  it('deployments without a record count by their statuses alone (inactive is a superseded success)', () => {
    const plain = (ago: number, state: string): DeploymentEvent => ({
      id: ++id,
      environment: 'staging',
      sha: 'c0ffee1',
      createdAt: at(ago),
      state,
      statusAt: at(ago),
    });
    const events = [
      plain(9 * D, 'inactive'),
      plain(7 * D, 'failure'),
      plain(6 * D, 'success'),
      plain(5 * D, 'in_progress'),
      plain(4 * D, 'error'),
    ];
    const m = environmentMetrics('staging', { events, now: NOW, windowMs: 30 * D, commitTimes: new Map() });
    expect(m).toMatchObject({ deployments: 4, successful: 2, failed: 2, unrecorded: 4 });
    expect(m.timeToRestore).toEqual({ medianMs: 1 * D, samples: 1, open: 1 });
    expect(m.duration.samples).toBe(0);
  });

  it('other environments are not counted', () => {
    const m = environmentMetrics('staging', {
      events: history().events,
      now: NOW,
      windowMs: 30 * D,
      commitTimes: new Map(),
    });
    expect(m.deployments).toBe(0);
    expect(m.changeFailureRate).toBeUndefined();
    expect(m.bands.deploymentFrequency).toBe('low');
  });
});

describe('DORA bands (2023 report)', () => {
  it('at their edges', () => {
    expect([
      frequencyBand(1),
      frequencyBand(0.99),
      frequencyBand(1 / 7),
      frequencyBand(1 / 30),
      frequencyBand(0.01),
    ]).toEqual(['elite', 'high', 'high', 'medium', 'low']);
    expect([leadTimeBand(D - 1), leadTimeBand(7 * D), leadTimeBand(30 * D), leadTimeBand(31 * D)]).toEqual([
      'elite',
      'high',
      'medium',
      'low',
    ]);
    expect([failureRateBand(5), failureRateBand(10), failureRateBand(15), failureRateBand(15.1)]).toEqual([
      'elite',
      'high',
      'medium',
      'low',
    ]);
    expect([restoreBand(H - 1), restoreBand(D - 1), restoreBand(7 * D), restoreBand(8 * D)]).toEqual([
      'elite',
      'high',
      'medium',
      'low',
    ]);
  });
});

describe('secret ages', () => {
  it('the age of each current value: from the oldest unbroken record holding its digest', () => {
    const events = [
      rec(200 * D, { secrets: { DATABASE_URL: 'd1', API_KEY: 'k0' } }),
      rec(120 * D, { secrets: { DATABASE_URL: 'd1', API_KEY: 'k1' } }),
      rec(60 * D, { secrets: null }),
      rec(30 * D, { secrets: { DATABASE_URL: 'd1', API_KEY: 'k1', NEW_ONE: 'n1' } }),
      rec(10 * D, { app: 'nuzantara-mouth', secrets: { SESSION_KEY: 's1' } }),
    ];
    const ages = secretAges(events, NOW, 90 * D).map((a) => [
      a.app,
      a.name,
      Math.round(a.ageMs / D),
      a.atLeast,
      a.overdue,
    ]);
    expect(ages).toEqual([
      ['nuzantara-mouth', 'SESSION_KEY', 10, true, false],
      ['nuzantara-rag', 'API_KEY', 120, false, true],
      ['nuzantara-rag', 'DATABASE_URL', 200, true, true],
      ['nuzantara-rag', 'NEW_ONE', 30, false, false],
    ]);
  });
});

describe('spans', () => {
  it('days, weeks and Go durations; anything else is refused naming the input', () => {
    expect(parseSpan('metrics-window', '30d')).toBe(30 * D);
    expect(parseSpan('metrics-window', '2w')).toBe(14 * D);
    expect(parseSpan('metrics-window', '36h')).toBe(36 * H);
    expect(() => parseSpan('metrics-window', '30')).toThrow(
      'Input \'metrics-window\': "30" is not a span of time. Use days or weeks such as 30d or 12w.',
    );
    expect(() => parseSpan('metrics-window', '400d', { maxMs: 365 * D })).toThrow(
      /out of range.*at most 365d/,
    );
  });
  it('median', () =>
    expect([median([]), median([3, 1, 2]), median([1, 2, 3, 4])]).toEqual([undefined, 2, 2.5]));
});
