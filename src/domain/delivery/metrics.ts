/**
 * DORA figures per environment from the GitHub Deployments that the deploy and rollback actions record.
 * A record's outcome is trusted over its status; deployments other tools made (or older schemas) count by
 * their newest status alone: success and inactive (a success a later deploy superseded) as successes,
 * failure and error as failures, anything else not at all.
 */
import { failureRateBand, frequencyBand, leadTimeBand, restoreBand } from './bands.js';
import type { DeploymentEvent, EnvironmentMetrics, Figure, SecretAge } from './types.js';
import { byCodeUnit } from '../shared/order.js';

const DAY_MS = 86_400_000;

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const figure = (values: number[]): Figure => {
  const m = median(values);
  return { ...(m === undefined ? {} : { medianMs: m }), samples: values.length };
};

type Kind = 'deploy' | 'rollback';
interface Classified {
  event: DeploymentEvent;
  kind: Kind;
  app?: string;
  ok: boolean;
  startedAt: number;
  finishedAt: number;
  /** Restored at its own finish: it put the previous release back (or never replaced it). */
  selfRestored: boolean;
}

function classify(e: DeploymentEvent): Classified | undefined {
  const created = Date.parse(e.createdAt);
  if (e.record) {
    const startedAt = Date.parse(e.record.startedAt);
    const finishedAt = Date.parse(e.record.finishedAt);
    if (Number.isNaN(startedAt) || Number.isNaN(finishedAt)) return undefined;
    return {
      event: e,
      kind: e.record.kind,
      app: e.record.app,
      ok: e.record.outcome === 'healthy',
      startedAt,
      finishedAt,
      selfRestored: e.record.outcome === 'rolled-back' || e.record.outcome === 'previous-kept',
    };
  }
  if (Number.isNaN(created)) return undefined;
  const ok = e.state === 'success' || e.state === 'inactive';
  const failed = e.state === 'failure' || e.state === 'error';
  if (!ok && !failed) return undefined;
  const finishedAt =
    e.statusAt && !Number.isNaN(Date.parse(e.statusAt)) && e.state !== 'inactive'
      ? Date.parse(e.statusAt)
      : created;
  return { event: e, kind: 'deploy', ok, startedAt: created, finishedAt, selfRestored: false };
}

export interface MetricsInput {
  events: readonly DeploymentEvent[];
  now: Date;
  windowMs: number;
  /** Commit times by sha (from the Git commits API); a sha not here has no lead time. */
  commitTimes: ReadonlyMap<string, Date>;
}

export function environmentMetrics(environment: string, input: MetricsInput): EnvironmentMetrics {
  const now = input.now.getTime();
  const from = now - input.windowMs;
  const all = input.events
    .filter((e) => e.environment === environment)
    .map(classify)
    .filter((c): c is Classified => c !== undefined)
    .sort((a, b) => a.finishedAt - b.finishedAt || a.event.id - b.event.id);
  const inWindow = all.filter((c) => c.finishedAt >= from && c.finishedAt <= now);
  const deploys = inWindow.filter((c) => c.kind === 'deploy');
  const successes = deploys.filter((c) => c.ok);
  const failures = deploys.filter((c) => !c.ok);

  const leads: number[] = [];
  let missingCommits = 0;
  for (const s of successes) {
    const committed = input.commitTimes.get(s.event.sha);
    if (!committed) missingCommits++;
    else leads.push(Math.max(0, s.finishedAt - committed.getTime()));
  }

  const restores: number[] = [];
  let open = 0;
  for (const f of failures) {
    if (f.selfRestored) {
      restores.push(f.finishedAt - f.startedAt);
      continue;
    }
    // The next success of the same app (any app, for deployments without a record): a deploy or a rollback.
    const next = all.find(
      (c) =>
        c.ok &&
        c.finishedAt > f.finishedAt &&
        (f.app === undefined || c.app === undefined || c.app === f.app),
    );
    if (next) restores.push(next.finishedAt - f.startedAt);
    else open++;
  }

  const durations = deploys.filter((c) => c.event.record).map((c) => c.finishedAt - c.startedAt);
  const windowDays = input.windowMs / DAY_MS;
  const frequencyPerDay = successes.length / windowDays;
  const changeFailureRate = deploys.length > 0 ? (100 * failures.length) / deploys.length : undefined;
  const leadTime = { ...figure(leads), missingCommits };
  const timeToRestore = { ...figure(restores), open };
  return {
    environment,
    apps: [...new Set(inWindow.map((c) => c.app).filter((a): a is string => a !== undefined))].sort(),
    deployments: deploys.length,
    successful: successes.length,
    failed: failures.length,
    rollbacks: inWindow.filter((c) => c.kind === 'rollback').length,
    frequencyPerDay,
    leadTime,
    ...(changeFailureRate === undefined ? {} : { changeFailureRate }),
    timeToRestore,
    duration: figure(durations),
    unrecorded: inWindow.filter((c) => !c.event.record).length,
    bands: {
      deploymentFrequency: frequencyBand(frequencyPerDay),
      ...(leadTime.medianMs === undefined ? {} : { leadTime: leadTimeBand(leadTime.medianMs) }),
      ...(changeFailureRate === undefined ? {} : { changeFailureRate: failureRateBand(changeFailureRate) }),
      ...(timeToRestore.medianMs === undefined ? {} : { timeToRestore: restoreBand(timeToRestore.medianMs) }),
    },
  };
}

/**
 * Each secret's current value's age, per app, from the records' digests (flyctl's `secrets list` has no
 * dates): now minus the start of the oldest record in the unbroken run of records holding the newest
 * record's digest. Records that could not read the secrets are skipped; a record without the secret ends
 * the run. Names only: a record never holds a value.
 */
export function secretAges(
  events: readonly DeploymentEvent[],
  now: Date,
  rotateAfterMs: number,
): SecretAge[] {
  const byApp = new Map<string, { startedAt: number; at: string; secrets: Record<string, string> }[]>();
  for (const e of events) {
    const r = e.record;
    if (!r || !r.secrets) continue;
    const startedAt = Date.parse(r.startedAt);
    if (Number.isNaN(startedAt)) continue;
    byApp.set(r.app, [...(byApp.get(r.app) ?? []), { startedAt, at: r.startedAt, secrets: r.secrets }]);
  }
  const ages: SecretAge[] = [];
  for (const [app, records] of [...byApp].sort(([a], [b]) => byCodeUnit(a, b))) {
    const sorted = records.sort((a, b) => b.startedAt - a.startedAt);
    const [newest] = sorted;
    if (!newest) continue;
    for (const [name, digest] of Object.entries(newest.secrets).sort(([a], [b]) => byCodeUnit(a, b))) {
      let oldest = newest;
      let atLeast = true;
      for (const r of sorted.slice(1)) {
        if (r.secrets[name] !== digest) {
          atLeast = false;
          break;
        }
        oldest = r;
      }
      const ageMs = now.getTime() - oldest.startedAt;
      ages.push({ app, name, ageMs, since: oldest.at, atLeast, overdue: ageMs > rotateAfterMs });
    }
  }
  return ages;
}
