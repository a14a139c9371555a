/**
 * The monitor's checks on injected edges (one request, the certificate, a clock, a sleep): every target at
 * once under a cap, each sampled N times one after another while its certificate is read; a target whose
 * samples are not up waits `retestDelayMs` and is sampled again, up to `retests` times, stopping at the
 * first round that is up (a certificate problem alone is not re-tested: it would not change).
 */
import type { AttemptOutcome } from '../probe/run.js';
import type { ProbeSpec } from '../probe/spec.js';
import {
  countingRound,
  judgeCertificate,
  judgeRound,
  type MonitorStatus,
  type RoundResult,
  type Sample,
  type TlsObservation,
  type TlsVerdict,
} from './judge.js';
import { targetProbeSpec, type MonitorTarget } from './targets.js';

export interface CheckOptions {
  /** Targets checked at the same time. */
  concurrency: number;
  /** Extra rounds for a target that is not up. */
  retests: number;
  retestDelayMs: number;
}

export interface CheckPorts {
  /** One request; never throws (a failure is a reason). */
  attempt(spec: ProbeSpec): Promise<AttemptOutcome>;
  /** The certificate an https URL presents; never throws. */
  certificate(url: string, timeoutMs: number): Promise<TlsObservation>;
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Told as each target is done (for the log). */
  onResult?(result: TargetResult): void;
}

export interface TargetResult {
  name: string;
  url: string;
  status: MonitorStatus;
  problems: string[];
  /** The round that counts (see countingRound). */
  counted: RoundResult;
  /** Every round, the first one first. */
  rounds: RoundResult[];
  tls?: TlsVerdict;
  /** ms since the epoch. */
  startedAt: number;
  durationMs: number;
  /** The limits it was judged against, for reports. */
  limits: { maxLatencyMs?: number; maxErrorRate: number; tlsWarnDays: number; tlsErrorDays: number };
}

async function sampleRound(
  target: MonitorTarget,
  spec: ProbeSpec,
  ports: CheckPorts,
  tls: TlsVerdict | undefined,
): Promise<RoundResult> {
  const samples: Sample[] = [];
  for (let i = 0; i < target.samples; i++) {
    const at = ports.now();
    const outcome = await ports.attempt(spec);
    samples.push({
      at,
      ok: outcome.ok,
      reason: outcome.reason,
      detail: outcome.detail,
      ...(outcome.status !== undefined ? { status: outcome.status } : {}),
      latencyMs: outcome.latencyMs,
    });
  }
  return judgeRound(target, samples, tls);
}

export async function checkTarget(
  target: MonitorTarget,
  options: Pick<CheckOptions, 'retests' | 'retestDelayMs'>,
  ports: CheckPorts,
): Promise<TargetResult> {
  const startedAt = ports.now();
  const spec = targetProbeSpec(target);
  const https = target.url.startsWith('https:');
  // The certificate is read while the first round samples: it costs no extra time.
  const certificate = https ? ports.certificate(target.url, target.timeoutMs) : undefined;
  const firstSamples = sampleRound(target, spec, ports, undefined);
  const tls = certificate ? judgeCertificate(target, await certificate, ports.now()) : undefined;
  const first = await firstSamples;
  const rounds = [tls ? judgeRound(target, first.samples, tls) : first];
  // A certificate does not change in seconds: only what the samples show is worth a re-test.
  const samplesFailed = (round: RoundResult) => judgeRound(target, round.samples).status !== 'up';
  while (samplesFailed(rounds.at(-1) as RoundResult) && rounds.length <= options.retests) {
    await ports.sleep(options.retestDelayMs);
    rounds.push(await sampleRound(target, spec, ports, tls));
  }
  const counted = countingRound(rounds) as RoundResult;
  return {
    name: target.name,
    url: target.url,
    status: counted.status,
    problems: counted.problems,
    counted,
    rounds,
    ...(tls ? { tls } : {}),
    startedAt,
    durationMs: ports.now() - startedAt,
    limits: {
      ...(target.maxLatencyMs !== undefined ? { maxLatencyMs: target.maxLatencyMs } : {}),
      maxErrorRate: target.maxErrorRate,
      tlsWarnDays: target.tlsWarnDays,
      tlsErrorDays: target.tlsErrorDays,
    },
  };
}

/** Every target, at most `concurrency` at a time; results in the targets' order. */
export async function checkTargets(
  targets: readonly MonitorTarget[],
  options: CheckOptions,
  ports: CheckPorts,
): Promise<TargetResult[]> {
  const results: TargetResult[] = new Array(targets.length);
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const index = next++;
      const result = await checkTarget(targets[index] as MonitorTarget, options, ports);
      results[index] = result;
      ports.onResult?.(result);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency, targets.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
