/**
 * What a rollback does not undo (contract §1, §12): it deploys the target's image with today's fly.toml and
 * today's secrets. The record of the target's run (a GitHub Deployment payload) holds the fly.toml digest and
 * the secret digests of then; compared with now, they name what the old image will meet.
 */
import { compareImages } from './target.js';
import type { ConfigFingerprint, DeliveryRecord } from '../deploy/record.js';
import { byCodeUnit } from '../shared/order.js';

export interface DriftNow {
  /** The fly.toml this rollback deploys with; null when there is none locally (flyctl then uses the app's). */
  config: ConfigFingerprint | null;
  /** Secret name → digest now, or why they could not be read. */
  secrets: Record<string, string> | { unread: string };
}

export interface SecretsDrift {
  /** Digest differs: the value changed, or was set again (flyctl's digest cannot tell, contract §12). */
  changed: string[];
  added: string[];
  removed: string[];
}

export type Drift =
  | { checked: false; target: string; reason: string }
  | {
      checked: true;
      target: string;
      record: { kind: DeliveryRecord['kind']; finishedAt: string; release: number | null };
      secrets: SecretsDrift | { unknown: string };
      config:
        | { same: true; now: ConfigFingerprint }
        | { same: false; then: ConfigFingerprint | null; now: ConfigFingerprint | null }
        | { unknown: string };
    };

/** The newest record of the target: the run that made its release, else (an image only) one that deployed it. */
export function findTargetRecord(
  records: readonly DeliveryRecord[],
  app: string,
  target: { version?: number; imageRef: string },
): DeliveryRecord | undefined {
  const mine = records
    .filter((r) => r.app === app && r.release !== null)
    .sort((a, b) => byCodeUnit(b.finishedAt, a.finishedAt));
  if (target.version !== undefined) return mine.find((r) => r.release === target.version);
  return mine.find((r) => r.image !== '' && compareImages(r.image, target.imageRef) === 'same');
}

export function compareSecrets(then: Record<string, string>, now: Record<string, string>): SecretsDrift {
  const names = (o: Record<string, string>) => Object.keys(o).sort();
  return {
    changed: names(now).filter((n) => n in then && then[n] !== now[n]),
    added: names(now).filter((n) => !(n in then)),
    removed: names(then).filter((n) => !(n in now)),
  };
}

/**
 * Drift between the target's record and now. `lookup` is the record, or why there is none (no token, no
 * record of that release, GitHub did not answer).
 */
export function compareDrift(
  target: string,
  lookup: { record: DeliveryRecord } | { missing: string },
  now: DriftNow,
): Drift {
  if ('missing' in lookup) return { checked: false, target, reason: lookup.missing };
  const { record } = lookup;
  const secrets =
    record.secrets === null
      ? { unknown: 'the record holds no secrets list' }
      : 'unread' in now.secrets
        ? { unknown: `the app's secrets could not be read now (${now.secrets.unread})` }
        : compareSecrets(record.secrets, now.secrets as Record<string, string>);
  const config =
    record.config === null && now.config === null
      ? { unknown: 'neither that run nor this one had a local fly.toml' }
      : record.config && now.config && record.config.sha256 === now.config.sha256
        ? { same: true as const, now: now.config }
        : { same: false as const, then: record.config, now: now.config };
  return {
    checked: true,
    target,
    record: { kind: record.kind, finishedAt: record.finishedAt, release: record.release },
    secrets,
    config,
  };
}

const list = (names: readonly string[]) => names.join(', ');
const short = (sha: string) => sha.slice(0, 12);

/** One warning per kind of drift, naming each secret (never a value) and the fly.toml paths. */
export function driftWarnings(drift: Drift): string[] {
  if (!drift.checked)
    return [`Could not check what changed since ${drift.target} (secrets, fly.toml): ${drift.reason}.`];
  const since = `since ${drift.target} (its ${drift.record.kind} finished ${drift.record.finishedAt})`;
  const warnings: string[] = [];
  const s = drift.secrets;
  if ('unknown' in s) warnings.push(`Could not compare the app's secrets ${since}: ${s.unknown}.`);
  else if (s.changed.length + s.added.length + s.removed.length > 0) {
    const parts = [
      s.changed.length > 0 ? `changed (or set again): ${list(s.changed)}` : '',
      s.added.length > 0 ? `added: ${list(s.added)}` : '',
      s.removed.length > 0 ? `removed: ${list(s.removed)}` : '',
    ].filter(Boolean);
    warnings.push(
      `Secrets changed ${since}: ${parts.join('; ')}. A rollback restores the image only: it runs with today's secrets (docs/flyctl-contract.md §12).`,
    );
  }
  const c = drift.config;
  if ('unknown' in c) warnings.push(`Could not compare fly.toml ${since}: ${c.unknown}.`);
  else if (!c.same) {
    const then = c.then ? `${c.then.path} (sha256 ${short(c.then.sha256)})` : 'no local fly.toml';
    const now = c.now
      ? `${c.now.path} (sha256 ${short(c.now.sha256)})`
      : "no local fly.toml, so flyctl takes the current release's config";
    warnings.push(
      `fly.toml changed ${since}: then ${then}, now ${now}. A rollback deploys the old image with today's config, not the one it was deployed with (docs/flyctl-contract.md §12).`,
    );
  }
  return warnings;
}
