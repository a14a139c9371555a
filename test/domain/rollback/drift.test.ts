import { describe, expect, it } from '@jest/globals';
import type { DeliveryRecord } from '../../../src/domain/deploy/record.js';
import {
  compareDrift,
  compareSecrets,
  driftWarnings,
  findTargetRecord,
} from '../../../src/domain/rollback/drift.js';

const record = (over: Partial<DeliveryRecord>): DeliveryRecord => ({
  schema: 1,
  kind: 'deploy',
  app: 'demo',
  release: 3,
  image: 'registry.fly.io/demo:v3',
  previousRelease: 2,
  outcome: 'healthy',
  rolledBackTo: null,
  startedAt: '2026-11-01T00:00:00.000Z',
  finishedAt: '2026-11-01T00:01:00.000Z',
  config: { path: 'apps/demo/fly.toml', sha256: 'a'.repeat(64) },
  secrets: { API_KEY: 'd1', KEEP: 'k1', OLD_TOKEN: 'o1' },
  ...over,
});

describe('what changed since the target', () => {
  it('finds the newest record of the target release, or of its image when only that is known', () => {
    const older = record({ finishedAt: '2026-10-01T00:00:00.000Z', image: 'registry.fly.io/demo:v3' });
    const newer = record({});
    const other = record({ app: 'other' });
    const records = [older, other, newer];
    expect(findTargetRecord(records, 'demo', { version: 3, imageRef: 'x' })).toBe(newer);
    expect(findTargetRecord(records, 'demo', { version: 9, imageRef: 'x' })).toBeUndefined();
    expect(findTargetRecord(records, 'demo', { imageRef: 'registry.fly.io/demo:v3' })).toBe(newer);
  });

  it('names changed, added and removed secrets', () => {
    expect(compareSecrets({ A: '1', B: '2', C: '3' }, { A: '1', B: 'x', D: '4' })).toEqual({
      changed: ['B'],
      added: ['D'],
      removed: ['C'],
    });
  });

  it('warns by name about secrets and the fly.toml, never with a value', () => {
    const drift = compareDrift(
      'v3',
      { record: record({}) },
      {
        config: { path: 'apps/demo/fly.toml', sha256: 'b'.repeat(64) },
        secrets: { API_KEY: 'd2', KEEP: 'k1', NEW_FLAG: 'n1' },
      },
    );
    expect(driftWarnings(drift)).toEqual([
      "Secrets changed since v3 (its deploy finished 2026-11-01T00:01:00.000Z): changed (or set again): API_KEY; added: NEW_FLAG; removed: OLD_TOKEN. A rollback restores the image only: it runs with today's secrets (docs/flyctl-contract.md §12).",
      "fly.toml changed since v3 (its deploy finished 2026-11-01T00:01:00.000Z): then apps/demo/fly.toml (sha256 aaaaaaaaaaaa), now apps/demo/fly.toml (sha256 bbbbbbbbbbbb). A rollback deploys the old image with today's config, not the one it was deployed with (docs/flyctl-contract.md §12).",
    ]);
  });

  it('says nothing when nothing changed, and says it could not check when it could not', () => {
    const same = compareDrift(
      'v3',
      { record: record({}) },
      { config: record({}).config, secrets: { API_KEY: 'd1', KEEP: 'k1', OLD_TOKEN: 'o1' } },
    );
    expect(driftWarnings(same)).toEqual([]);
    expect(
      driftWarnings(compareDrift('v3', { missing: 'github-token is empty' }, { config: null, secrets: {} })),
    ).toEqual(['Could not check what changed since v3 (secrets, fly.toml): github-token is empty.']);
    const partial = compareDrift(
      'v3',
      { record: record({ secrets: null, config: null }) },
      { config: null, secrets: { unread: 'flyctl secrets list failed' } },
    );
    expect(driftWarnings(partial)).toEqual([
      "Could not compare the app's secrets since v3 (its deploy finished 2026-11-01T00:01:00.000Z): the record holds no secrets list.",
      'Could not compare fly.toml since v3 (its deploy finished 2026-11-01T00:01:00.000Z): neither that run nor this one had a local fly.toml.',
    ]);
    const unread = compareDrift(
      'v3',
      { record: record({}) },
      { config: record({}).config, secrets: { unread: 'flyctl secrets list failed' } },
    );
    expect(driftWarnings(unread)[0]).toMatch(/could not be read now \(flyctl secrets list failed\)/);
  });
});
