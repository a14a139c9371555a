/**
 * Judging one target from its samples and its certificate: up, degraded or down, with each reason in words.
 * - down: more than half the samples failed, or the certificate is expired, untrusted or expires within
 *   tls-error-days;
 * - degraded: the error rate is over max-error-rate (default 0: any failed sample), p95 is over max-latency,
 *   or the certificate expires within tls-warn-days;
 * - up otherwise.
 * A target that is not up is sampled again (src/domain/monitor/check.ts); what counts is the least severe
 * round, so a problem must last through every re-test.
 */
import type { AttemptReason } from '../probe/evaluate.js';
import { errorRate, summarizeLatencies, type LatencySummary } from '../probe/stats.js';
import { formatRate } from '../probe/window.js';
import type { MonitorTarget } from './targets.js';

export const MONITOR_STATUSES = ['up', 'degraded', 'down'] as const;
export type MonitorStatus = (typeof MONITOR_STATUSES)[number];

const SEVERITY: Record<MonitorStatus, number> = { up: 0, degraded: 1, down: 2 };

export const severity = (status: MonitorStatus): number => SEVERITY[status];

/** The worst of some statuses; up for none. */
export function worstStatus(statuses: Iterable<MonitorStatus>): MonitorStatus {
  let worst: MonitorStatus = 'up';
  for (const s of statuses) if (SEVERITY[s] > SEVERITY[worst]) worst = s;
  return worst;
}

export const isMonitorStatus = (value: unknown): value is MonitorStatus =>
  typeof value === 'string' && (MONITOR_STATUSES as readonly string[]).includes(value);

export const STATUS_ICON: Record<MonitorStatus, string> = { up: '🟢', degraded: '🟡', down: '🔴' };

export interface Sample {
  /** Wall-clock start, ms since the epoch. */
  at: number;
  ok: boolean;
  reason: AttemptReason;
  detail: string;
  status?: number;
  latencyMs: number;
}

export interface Certificate {
  /** ISO times. */
  validFrom: string;
  validTo: string;
  issuer: string;
  subject: string;
  /** Subject alternative names (DNS:…, IP Address:… as the certificate has them). */
  names: string[];
  /** Trusted by the system's CAs and valid for the host name. */
  authorized: boolean;
  authorizationError?: string;
  fingerprint256?: string;
}

export type TlsObservation =
  { ok: true; certificate: Certificate } | { ok: false; reason: AttemptReason; detail: string };

export interface TlsVerdict {
  certificate?: Certificate;
  /** Whole days until it expires (negative once expired). */
  daysLeft?: number;
  status: MonitorStatus;
  problem?: string;
  /** Why the certificate could not be read. */
  error?: string;
}

export interface RoundResult {
  status: MonitorStatus;
  problems: string[];
  samples: Sample[];
  errors: number;
  /** Percent of samples that failed. */
  errorRate: number;
  /** Over every sample, failed ones included (a timeout counts at its limit). */
  latency?: LatencySummary;
}

const DAY_MS = 86_400_000;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The certificate against the target's thresholds, `now` being the run's time. */
export function judgeCertificate(target: MonitorTarget, observed: TlsObservation, now: number): TlsVerdict {
  if (!observed.ok)
    // The samples tell whether the service answers; this only says the certificate is unknown.
    return { status: 'up', error: `${observed.reason}: ${observed.detail}` };
  const certificate = observed.certificate;
  const expires = Date.parse(certificate.validTo);
  const daysLeft = Math.floor((expires - now) / DAY_MS);
  const base = { certificate, daysLeft };
  const day = certificate.validTo.slice(0, 10);
  if (expires <= now) return { ...base, status: 'down', problem: `the certificate expired on ${day}` };
  if (!certificate.authorized)
    return {
      ...base,
      status: 'down',
      problem: `the certificate is not trusted (${certificate.authorizationError ?? 'unknown reason'})`,
    };
  const left = `the certificate expires in ${plural(daysLeft, 'day')} (${day})`;
  if (expires - now < target.tlsErrorDays * DAY_MS)
    return { ...base, status: 'down', problem: `${left}, within tls-error-days (${target.tlsErrorDays})` };
  if (expires - now < target.tlsWarnDays * DAY_MS)
    return { ...base, status: 'degraded', problem: `${left}, within tls-warn-days (${target.tlsWarnDays})` };
  return { ...base, status: 'up' };
}

/** What failed, grouped: "3× status (HTTP 500, expected 200-299), 1× timeout (…)". */
export function failureMix(samples: readonly Sample[]): string {
  const groups = new Map<string, { count: number; detail: string }>();
  for (const s of samples.filter((x) => !x.ok)) {
    const group = groups.get(s.reason) ?? { count: 0, detail: s.detail };
    group.count++;
    groups.set(s.reason, group);
  }
  return [...groups].map(([reason, g]) => `${g.count}× ${reason} (${g.detail})`).join(', ');
}

/** One round of samples (and the certificate's verdict) against the target's limits. */
export function judgeRound(target: MonitorTarget, samples: readonly Sample[], tls?: TlsVerdict): RoundResult {
  const errors = samples.filter((s) => !s.ok).length;
  const rate = errorRate(errors, samples.length);
  const latency = summarizeLatencies(samples.map((s) => s.latencyMs));
  const problems: string[] = [];
  let status: MonitorStatus = 'up';
  const raise = (to: MonitorStatus, problem: string) => {
    if (SEVERITY[to] > SEVERITY[status]) status = to;
    problems.push(problem);
  };
  if (samples.length === 0) raise('down', 'no sample was taken');
  else if (errors * 2 > samples.length)
    raise('down', `${errors} of ${samples.length} samples failed: ${failureMix(samples)}`);
  else if (rate > target.maxErrorRate)
    raise(
      'degraded',
      `${errors} of ${samples.length} samples failed (${formatRate(rate)}, limit ${target.maxErrorRate}%): ${failureMix(samples)}`,
    );
  if (target.maxLatencyMs !== undefined && latency && latency.p95 > target.maxLatencyMs)
    raise('degraded', `p95 ${Math.round(latency.p95)}ms is over max-latency ${target.maxLatencyMs}ms`);
  if (tls?.problem) raise(tls.status, tls.problem);
  return {
    status,
    problems,
    samples: [...samples],
    errors,
    errorRate: rate,
    ...(latency ? { latency } : {}),
  };
}

/**
 * The round that counts: the least severe (a problem must last through every re-test), the latest among
 * equals, so the figures are the freshest that show it.
 */
export function countingRound(rounds: readonly RoundResult[]): RoundResult | undefined {
  let best: RoundResult | undefined;
  for (const round of rounds) if (!best || SEVERITY[round.status] <= SEVERITY[best.status]) best = round;
  return best;
}
