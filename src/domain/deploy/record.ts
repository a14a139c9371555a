/**
 * The record every deploy and rollback leaves as the payload of a GitHub Deployment: what ran, what it
 * deployed and how it ended, the fly.toml it used and the app's secret names with flyctl's digests. A
 * rollback reads it back to say what changed since its target (drift); delivery metrics read it too.
 * Names and digests only: no secret value ever goes in.
 */
import type { SecretEntry } from '../flyctl/shapes.js';
import type { DeployReport } from './types.js';
import { byCodeUnit } from '../shared/order.js';

/** The fly.toml a run used: its path relative to the workspace and the SHA-256 of its bytes. */
export interface ConfigFingerprint {
  path: string;
  sha256: string;
}

export type RecordKind = 'deploy' | 'rollback';
/** How a run ended (a deploy's and a rollback's outcomes, as the runs report them). */
export type RecordOutcome = 'healthy' | 'rolled-back' | 'rollback-failed' | 'previous-kept' | 'failed';

export const RECORD_OUTCOMES: readonly RecordOutcome[] = [
  'healthy',
  'rolled-back',
  'rollback-failed',
  'previous-kept',
  'failed',
];

export interface DeliveryRecord {
  schema: 1;
  kind: RecordKind;
  app: string;
  /** The release this run created (a rollback's is the one serving its target's image); null when none. */
  release: number | null;
  /** The image this run deployed ('' when a build failed before there was one). */
  image: string;
  /** The release serving before the run. */
  previousRelease: number | null;
  outcome: RecordOutcome;
  /**
   * The earlier release whose image the run put back on the machines (or tried to, with rollback-failed): a
   * rollback's target, or the release that served before a failed change. Null when no image was put back.
   */
  rolledBackTo: number | null;
  startedAt: string;
  finishedAt: string;
  config: ConfigFingerprint | null;
  /** Secret name → flyctl's digest (`secrets list --json`, contract §12), read after the run. */
  secrets: Record<string, string> | null;
}

export interface RecordPayload {
  nuzantara: DeliveryRecord;
}

/** What the command knows about a run besides the report: when it ran, the config and the secrets after it. */
export interface RunFacts {
  startedAt: Date;
  finishedAt: Date;
  config: ConfigFingerprint | null;
  secrets: readonly SecretEntry[] | null;
}

/** Names to digests; a SecretEntry has no value, so none can slip in. */
export function secretDigests(entries: readonly SecretEntry[] | null): Record<string, string> | null {
  if (!entries) return null;
  return Object.fromEntries(
    [...entries].sort((a, b) => byCodeUnit(a.name, b.name)).map((s) => [s.name, s.digest]),
  );
}

type RecordFields = Omit<DeliveryRecord, 'schema' | 'startedAt' | 'finishedAt' | 'config' | 'secrets'>;

export function buildRecord(fields: RecordFields, facts: RunFacts): RecordPayload {
  return {
    nuzantara: {
      schema: 1,
      kind: fields.kind,
      app: fields.app,
      release: fields.release,
      image: fields.image,
      previousRelease: fields.previousRelease,
      outcome: fields.outcome,
      rolledBackTo: fields.rolledBackTo,
      startedAt: facts.startedAt.toISOString(),
      finishedAt: facts.finishedAt.toISOString(),
      config: facts.config ? { path: facts.config.path, sha256: facts.config.sha256 } : null,
      secrets: secretDigests(facts.secrets),
    },
  };
}

export const isRecordOutcome = (outcome: string): outcome is RecordOutcome =>
  (RECORD_OUTCOMES as readonly string[]).includes(outcome);

/**
 * The record of a fly-deploy-with-health run, given the facts; undefined for a run that deployed nothing
 * (an outcome outside the record's, such as not-deployed): there is no change to record.
 */
export function deployRecord(report: DeployReport): ((facts: RunFacts) => RecordPayload) | undefined {
  const outcome = report.outcome;
  if (!isRecordOutcome(outcome)) return undefined;
  return (facts) =>
    buildRecord(
      {
        kind: 'deploy',
        app: report.app,
        release: report.deploy.release?.version ?? null,
        image: report.deploy.release?.imageRef ?? '',
        previousRelease: report.previous?.version ?? null,
        outcome,
        rolledBackTo: 'rollback' in report ? report.rollback.target.version : null,
      },
      facts,
    );
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const nullableInt = (v: unknown): v is number | null =>
  v === null || (typeof v === 'number' && Number.isInteger(v));

/**
 * A Deployment's payload read back (GitHub returns what was sent, as an object or a JSON string). Anything
 * that is not a schema-1 record of this project is ignored rather than trusted.
 */
export function parseRecord(payload: unknown): DeliveryRecord | undefined {
  let data = payload;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data) as unknown;
    } catch {
      return undefined;
    }
  }
  const r = isObject(data) ? data.nuzantara : undefined;
  if (!isObject(r) || r.schema !== 1) return undefined;
  if (r.kind !== 'deploy' && r.kind !== 'rollback') return undefined;
  if (typeof r.app !== 'string' || typeof r.image !== 'string') return undefined;
  if (!nullableInt(r.release) || !nullableInt(r.previousRelease) || !nullableInt(r.rolledBackTo))
    return undefined;
  if (typeof r.outcome !== 'string' || !isRecordOutcome(r.outcome)) return undefined;
  if (typeof r.startedAt !== 'string' || typeof r.finishedAt !== 'string') return undefined;
  const config =
    isObject(r.config) && typeof r.config.path === 'string' && typeof r.config.sha256 === 'string'
      ? { path: r.config.path, sha256: r.config.sha256 }
      : null;
  const secrets =
    isObject(r.secrets) && Object.values(r.secrets).every((d) => typeof d === 'string')
      ? (r.secrets as Record<string, string>)
      : null;
  return {
    schema: 1,
    kind: r.kind,
    app: r.app,
    release: r.release,
    image: r.image,
    previousRelease: r.previousRelease,
    outcome: r.outcome,
    rolledBackTo: r.rolledBackTo,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    config,
    secrets,
  };
}

/** The Deployment state a finished run gets: success only when healthy; error when nothing good serves. */
export function recordState(outcome: RecordOutcome): 'success' | 'failure' | 'error' {
  if (outcome === 'healthy') return 'success';
  return outcome === 'rollback-failed' ? 'error' : 'failure';
}
