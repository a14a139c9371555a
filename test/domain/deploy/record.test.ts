import { describe, expect, it } from '@jest/globals';
import {
  buildRecord,
  deployRecord,
  parseRecord,
  recordState,
  secretDigests,
} from '../../../src/domain/deploy/record.js';
import type { DeployReport } from '../../../src/domain/deploy/types.js';

const facts = {
  startedAt: new Date('2026-11-01T00:00:00Z'),
  finishedAt: new Date('2026-11-01T00:03:00Z'),
  config: { path: 'apps/backend-rag/fly.toml', sha256: 'f'.repeat(64) },
  secrets: [
    { name: 'OPENAI_API_KEY', digest: 'b2', status: 'Deployed' },
    { name: 'DATABASE_URL', digest: 'a1', status: 'Staged' },
  ],
};

const base = {
  app: 'nuzantara-rag',
  healthUrl: 'https://nuzantara-rag.fly.dev/health',
  appUrl: 'https://nuzantara-rag.fly.dev',
  previous: { version: 7, imageRef: 'registry.fly.io/nuzantara-rag:deployment-7' },
  phases: [],
  deploy: { ok: false, release: { version: 8, imageRef: 'registry.fly.io/nuzantara-rag:deployment-8' } },
};

describe('the Deployment record', () => {
  it('has exactly the shared payload shape, with names and digests and no values', () => {
    const report = {
      ...base,
      outcome: 'rolled-back',
      rollback: { ok: true, target: base.previous },
    } as unknown as DeployReport;
    const payload = deployRecord(report)?.(facts);
    expect(payload).toEqual({
      nuzantara: {
        schema: 1,
        kind: 'deploy',
        app: 'nuzantara-rag',
        release: 8,
        image: 'registry.fly.io/nuzantara-rag:deployment-8',
        previousRelease: 7,
        outcome: 'rolled-back',
        rolledBackTo: 7,
        startedAt: '2026-11-01T00:00:00.000Z',
        finishedAt: '2026-11-01T00:03:00.000Z',
        config: { path: 'apps/backend-rag/fly.toml', sha256: 'f'.repeat(64) },
        secrets: { DATABASE_URL: 'a1', OPENAI_API_KEY: 'b2' },
      },
    });
    expect(Object.keys(payload?.nuzantara.secrets ?? {})).toEqual(['DATABASE_URL', 'OPENAI_API_KEY']);
    expect(parseRecord(payload)).toEqual(payload?.nuzantara);
    expect(parseRecord(JSON.stringify(payload))).toEqual(payload?.nuzantara);
  });

  it('records a healthy deploy without a rollback, and nothing for a run that deployed nothing', () => {
    const healthy = deployRecord({
      ...base,
      outcome: 'healthy',
      deploy: { ...base.deploy, ok: true },
    } as DeployReport);
    expect(healthy?.({ ...facts, config: null, secrets: null }).nuzantara).toMatchObject({
      outcome: 'healthy',
      rolledBackTo: null,
      config: null,
      secrets: null,
    });
    expect(deployRecord({ ...base, outcome: 'not-deployed' } as unknown as DeployReport)).toBeUndefined();
  });

  it('reads back only schema-1 records of this project', () => {
    const good = buildRecord(
      {
        kind: 'rollback',
        app: 'a',
        release: null,
        image: '',
        previousRelease: 2,
        outcome: 'previous-kept',
        rolledBackTo: null,
      },
      facts,
    );
    expect(parseRecord(good)?.kind).toBe('rollback');
    for (const bad of [
      undefined,
      '',
      'not json',
      {},
      { nuzantara: { ...good.nuzantara, schema: 2 } },
      { nuzantara: { ...good.nuzantara, outcome: 'maybe' } },
      { nuzantara: { ...good.nuzantara, release: '3' } },
      { nuzantara: { ...good.nuzantara, kind: 'restart' } },
    ])
      expect(parseRecord(bad)).toBeUndefined();
    // Malformed parts are dropped rather than trusted.
    expect(
      parseRecord({ nuzantara: { ...good.nuzantara, secrets: { A: 1 }, config: { path: 1 } } }),
    ).toMatchObject({
      secrets: null,
      config: null,
    });
  });

  it('maps outcomes to Deployment states', () => {
    expect(recordState('healthy')).toBe('success');
    expect(recordState('rolled-back')).toBe('failure');
    expect(recordState('previous-kept')).toBe('failure');
    expect(recordState('failed')).toBe('failure');
    expect(recordState('rollback-failed')).toBe('error');
    expect(secretDigests(null)).toBeNull();
  });
});
