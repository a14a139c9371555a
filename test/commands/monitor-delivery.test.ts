import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { buildSummary } from '../../src/domain/coverage/summary-json.js';
import { readDeliverySettings, runDeliveryCheck } from '../../src/commands/monitor-delivery.js';
import { inputReader } from '../../src/host/inputs.js';
import { startGitHubFake, type GitHubFake } from '../e2e/fly-rollback/github-fake.js';
import { startHttpStub } from '../support/http-stub.js';
import { testHost } from '../support/test-host.js';

const DEFAULTS = {
  'delivery-metrics': 'true',
  'metrics-window': '30d',
  environments: '',
  'rotate-after': '90d',
  'coverage-summary': '',
  'github-token': 'fake-token-for-tests',
};
const H = 3_600_000;
const D = 24 * H;
const NOW = new Date('2026-06-30T00:00:00Z');
const iso = (agoMs: number) => new Date(NOW.getTime() - agoMs).toISOString();

let fake: GitHubFake;
let shaCount = 0;

/** A deploy or rollback as the actions record it: the payload, created at its end, with its final status. */
function recorded(
  environment: string,
  agoMs: number,
  fields: {
    kind?: 'deploy' | 'rollback';
    outcome?: string;
    app?: string;
    tookMs?: number;
    secrets?: Record<string, string> | null;
    commitAgoMs?: number;
  },
) {
  const sha = (++shaCount).toString(16).padStart(40, 'a');
  const finishedAt = iso(agoMs);
  const outcome = fields.outcome ?? 'healthy';
  fake.seed({
    environment,
    sha,
    created_at: finishedAt,
    payload: {
      nuzantara: {
        schema: 1,
        kind: fields.kind ?? 'deploy',
        app: fields.app ?? 'nuzantara-rag',
        release: shaCount,
        image: `registry.fly.io/nuzantara-rag:deployment-${shaCount}`,
        previousRelease: shaCount - 1,
        outcome,
        rolledBackTo: outcome === 'rolled-back' ? shaCount - 1 : null,
        startedAt: iso(agoMs + (fields.tookMs ?? 10 * 60_000)),
        finishedAt,
        config: null,
        secrets: fields.secrets === undefined ? { DATABASE_URL: 'digest-db-1' } : fields.secrets,
      },
    },
    statuses: [
      {
        id: shaCount,
        state: outcome === 'healthy' ? 'success' : outcome === 'rollback-failed' ? 'error' : 'failure',
        description: outcome,
        created_at: finishedAt,
      },
    ],
  });
  commits.set(sha, iso(agoMs + (fields.commitAgoMs ?? 3 * H)));
}
const commits = new Map<string, string>();

beforeEach(async () => {
  fake = await startGitHubFake();
  commits.clear();
  fake.stub.on('GET', '/repos/:owner/:repo/environments', () => ({
    body: { total_count: 2, environments: [{ name: 'production' }, { name: 'staging' }] },
  }));
  fake.stub.on('GET', '/repos/:owner/:repo/git/commits/:sha', (r) => {
    const date = commits.get(r.params.sha as string);
    return date
      ? { body: { sha: r.params.sha, committer: { date } } }
      : { status: 404, body: { message: 'Not Found' } };
  });
});
afterEach(() => fake.close());

async function run(inputs: Record<string, string> = {}, vulnerabilities?: number, apiUrl = fake.url) {
  const host = testHost({
    inputs: { ...DEFAULTS, ...inputs },
    context: {
      apiUrl,
      repository: { owner: 'nuzantara', repo: 'example' },
      workspace: mkdtempSync(join(tmpdir(), 'delivery-')),
    },
  });
  const settings = readDeliverySettings(inputReader(host), host.context);
  const section = await runDeliveryCheck(host, settings, {
    now: () => NOW,
    ...(vulnerabilities === undefined ? {} : { vulnerabilities }),
  });
  return { host, section };
}

/** A known month in production, with a rollback and a failed deploy; one staging deploy. */
function knownHistory() {
  recorded('production', 40 * D, { secrets: { DATABASE_URL: 'digest-db-1', API_KEY: 'digest-key-0' } });
  recorded('production', 28 * D, { secrets: { DATABASE_URL: 'digest-db-1', API_KEY: 'digest-key-1' } });
  recorded('production', 21 * D, {
    outcome: 'rolled-back',
    tookMs: 12 * 60_000,
    secrets: { DATABASE_URL: 'digest-db-1', API_KEY: 'digest-key-1' },
  });
  recorded('production', 14 * D, {});
  recorded('production', 10 * D, { outcome: 'failed', tookMs: 8 * 60_000 });
  recorded('production', 10 * D - 2 * H, { kind: 'rollback', tookMs: 4 * 60_000 });
  recorded('production', 7 * D, { commitAgoMs: 27 * H });
  recorded('production', 1 * D, { secrets: { DATABASE_URL: 'digest-db-1', API_KEY: 'digest-key-1' } });
  recorded('staging', 2 * D, { app: 'nuzantara-mouth', secrets: null });
}

describe('monitor delivery metrics', () => {
  it('a known history gives known DORA figures, per environment, as outputs and in the summary', async () => {
    knownHistory();
    const { section } = await run();
    // In the window: 6 deploys (4 healthy), a self-rollback and a failed deploy fixed by a rollback 2h later.
    expect(section.outputs).toEqual({
      'delivery-environment': 'production',
      'deployment-frequency': (4 / 30).toFixed(3),
      // Commit to deploy: 3h, 3h, 27h, 3h.
      'lead-time': String(3 * 3600),
      'change-failure-rate': '33.3',
      'time-to-restore': String((12 * 60 + (2 * 3600 + 8 * 60)) / 2),
      'secrets-to-rotate': '0',
    });
    const report = section.report as {
      environments: { environment: string; deployments: number; rollbacks: number; bands: unknown }[];
    };
    expect(report.environments.map((e) => [e.environment, e.deployments, e.rollbacks])).toEqual([
      ['production', 6, 1],
      ['staging', 1, 0],
    ]);
    expect(report.environments[0]?.bands).toEqual({
      deploymentFrequency: 'medium',
      leadTime: 'elite',
      changeFailureRate: 'low',
      timeToRestore: 'high',
    });
    expect(section.markdown).toContain('#### `production`: nuzantara-rag');
    expect(section.markdown).toContain('| change failure rate | 33.3% (2 of 6) | 🔴 low |');
    expect(section.markdown).toContain('#### Metrics to track');
    expect(section.status).toBe('pass');
  });

  it('environments limits what is read; the first named is the outputs’ environment', async () => {
    knownHistory();
    const { section } = await run({ environments: 'staging' });
    expect(section.outputs['delivery-environment']).toBe('staging');
    expect(section.outputs['deployment-frequency']).toBe((1 / 30).toFixed(3));
    expect(fake.stub.requests.some((r) => r.path.endsWith('/environments'))).toBe(false);
  });

  it('warns about secrets past rotate-after, naming the secret and the app, never a value', async () => {
    knownHistory();
    const { host, section } = await run({ 'rotate-after': '30d' });
    const warning = host.logs.filter((l) => l.level === 'warning').map((l) => l.message);
    expect(warning).toEqual([
      'Secret DATABASE_URL of nuzantara-rag has had the same value for at least 40d (since 2026-05-20), past rotate-after (30d): rotate it and deploy.',
    ]);
    expect(section.outputs['secrets-to-rotate']).toBe('1');
    expect(section.status).toBe('warn');
    expect(host.allText()).not.toContain('digest-db-1');
  });

  it('joins coverage from the coverage gate’s summary and the vulnerability count into the metrics to track', async () => {
    knownHistory();
    const dir = mkdtempSync(join(tmpdir(), 'cov-'));
    const summary = buildSummary({
      title: 'coverage',
      commit: 'abcdef1234567',
      now: NOW,
      passed: true,
      totals: {
        lines: { found: 200, hit: 170 },
        branches: { found: 0, hit: 0 },
        functions: { found: 0, hit: 0 },
        statements: { found: 0, hit: 0 },
      },
      files: [],
    });
    writeFileSync(join(dir, 'summary.json'), JSON.stringify(summary));
    const { section } = await run({ 'coverage-summary': join(dir, 'summary.json') }, 3);
    expect(section.markdown).toContain('| test coverage | 85.0% lines (commit abcdef1) |');
    expect(section.markdown).toContain('| vulnerabilities | 3 |');
  });

  it('without a token: a warning saying what to grant, no failure', async () => {
    const { host, section } = await run({ 'github-token': '' });
    expect(section.status).toBe('warn');
    expect(section.failures).toEqual([]);
    expect(host.logs.find((l) => l.level === 'warning')?.message).toContain('permissions: deployments: read');
  });

  it('a GitHub error is a warning naming what was not counted', async () => {
    const broken = await startHttpStub();
    broken.on('GET', '/repos/:owner/:repo/deployments', () => ({ status: 500, body: { message: 'boom' } }));
    try {
      const { host, section } = await run({ environments: 'production' }, undefined, broken.url);
      expect(
        host.logs
          .filter((l) => l.level === 'warning')
          .map((l) => l.message)
          .join(),
      ).toMatch(/the deployments of production could not be read \(.*\), so they are not counted/);
      expect(section.status).toBe('warn');
    } finally {
      await broken.close();
    }
  });

  it.each([
    [
      { 'metrics-window': '30' },
      'Input \'metrics-window\': "30" is not a span of time. Use days or weeks such as 30d or 12w, at most 365d.',
    ],
    [{ 'rotate-after': 'soon' }, /^Input 'rotate-after': "soon" is not a span of time/],
    [{ 'delivery-metrics': 'maybe' }, /^Input 'delivery-metrics': "maybe" is not a boolean/],
  ])('bad input %j: one clear error', (inputs, message) => {
    const host = testHost({ inputs: { ...DEFAULTS, ...inputs } });
    expect(() => readDeliverySettings(inputReader(host), host.context)).toThrow(message);
  });
});
