/**
 * prod-monitor's deeper checks through the runner harness (and once through the `nuzantara` bundle):
 * the vulnerability scan against a stub OSV on 127.0.0.1 over a temp repository of apps and lockfiles,
 * the benchmark against a loopback target of known latency with its history kept between runs, and
 * delivery metrics against a GitHub Deployments stand-in holding a known history.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADVISORIES, serveOsv, type OsvStubOptions } from '../../domain/vulns/osv-records.js';
import { startHttpStub, type HttpStub } from '../../support/http-stub.js';
import { repoRoot, runAction, type Annotation, type RunResult } from '../../support/run-action.js';
import { runCli } from '../../support/run-cli.js';
import { startGitHubFake, type GitHubFake } from '../fly-rollback/github-fake.js';
import { startTargets, type Targets } from './servers.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** No history branch, no incidents, one sample: the deeper checks are what is under test. */
const QUIET = { 'history-branch': '', 'incident-label': '', samples: '1', retests: '0' };

const annotations = (r: RunResult, level: Annotation['level']) =>
  r.annotations.filter((a) => a.level === level);
const messages = (r: RunResult, level: Annotation['level']) => annotations(r, level).map((a) => a.message);

interface DeeperReport {
  status: string;
  checks: {
    uptime: unknown;
    deeper: Record<string, { status: string; headline: string; failures: string[]; report: unknown }>;
  };
}
/** What anyone could read, without the masking commands themselves. */
const visible = (r: RunResult) =>
  r.allText
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
const report = (r: RunResult) => JSON.parse(readFileSync(r.outputs.report as string, 'utf8')) as DeeperReport;

/** YYYY-MM-DD, `days` from today (UTC). */
const day = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

let svc: Targets;
beforeAll(async () => {
  svc = await startTargets();
});
afterAll(async () => {
  await svc.close();
});

/** A repository with two apps (each a fly.toml) and their lockfiles: npm in web, PyPI in api. */
function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'monitor-deeper-'));
  const fixtures = join(repoRoot, 'test/fixtures/lockfiles');
  mkdirSync(join(dir, 'apps/web'), { recursive: true });
  mkdirSync(join(dir, 'apps/api'), { recursive: true });
  writeFileSync(join(dir, 'apps/web/fly.toml'), 'app = "legacy-web"\n');
  writeFileSync(join(dir, 'apps/api/fly.toml'), 'app = "legacy-api"\n');
  cpSync(join(fixtures, 'package-lock-v1.json'), join(dir, 'apps/web/package-lock.json'));
  cpSync(join(fixtures, 'requirements.txt'), join(dir, 'apps/api/requirements.txt'));
  cpSync(join(fixtures, 'uv.lock'), join(dir, 'apps/api/uv.lock'));
  mkdirSync(join(dir, 'monitoring'));
  writeFileSync(
    join(dir, 'monitoring/targets.yml'),
    `targets:\n  - name: healthy\n    url: ${svc.base}/healthy\n`,
  );
  return dir;
}

describe('the vulnerability scan against a stub OSV', () => {
  let osv: HttpStub;
  beforeEach(async () => void (osv = await startHttpStub()));
  afterEach(() => osv.close());

  const scan = (dir: string, inputs: Record<string, string> = {}, stub: OsvStubOptions = {}) => {
    serveOsv(osv, ADVISORIES, stub);
    return runAction('prod-monitor', {
      cwd: dir,
      inputs: {
        ...QUIET,
        'targets-file': 'monitoring/targets.yml',
        scan: 'true',
        'osv-url': osv.url,
        ...inputs,
      },
    });
  };

  it('fails at fail-on-severity high, annotating each lockfile line, and writes SARIF', async () => {
    const dir = repository();
    const result = await scan(dir, { 'sarif-path': 'out/osv.sarif' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({
      status: 'down',
      down: '0',
      vulnerabilities: '2',
      'sarif-path': join(dir, 'out/osv.sarif'),
    });
    expect(messages(result, 'error').at(-1)).toMatch(
      /^prod-monitor: down \(fail-on: down\): 2 vulnerabilities at or above high: GHSA-xxxx-djng-crit in django 3\.2\.0 \(legacy-api\), GHSA-35jh-r3h4-6jhm in lodash 4\.17\.20 \(legacy-web\)\. See the job summary and the report\.$/,
    );
    const django = annotations(result, 'error').find((a) => a.title === 'GHSA-xxxx-djng-crit in django');
    expect(django).toMatchObject({ file: 'apps/api/requirements.txt', line: 2 });
    expect(django?.message).toContain('critical (9.3)) in django 3.2.0, fixed in 3.2.1');
    // Only == pins are checked: one warning on each line that is not one.
    const notScanned = annotations(result, 'warning').filter((a) => a.title === 'Not scanned');
    expect(notScanned.map((a) => [a.file, a.line])).toEqual(
      expect.arrayContaining([
        ['apps/api/requirements.txt', 6],
        ['apps/api/requirements.txt', 7],
      ]),
    );
    expect(notScanned.find((a) => a.line === 6)?.message).toMatch(
      /requests is not pinned with == \(>=2\.0\), so the installed version is unknown/,
    );

    expect(result.summary).toContain('### Uptime: 🟢 1 up');
    expect(result.summary).toContain('### Vulnerabilities: ❌ 2 at or above high');
    expect(result.summary).toContain('#### legacy-api');
    const checks = report(result).checks.deeper;
    expect(Object.keys(checks)).toEqual(['vulnerabilities']);
    expect(checks.vulnerabilities).toMatchObject({ status: 'down', failures: [expect.any(String)] });

    const sarif = JSON.parse(readFileSync(join(dir, 'out/osv.sarif'), 'utf8')) as {
      version: string;
      runs: {
        results: {
          ruleId: string;
          locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
        }[];
      }[];
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results.map((r) => r.ruleId)).toEqual(
      expect.arrayContaining(['GHSA-xxxx-djng-crit', 'GHSA-35jh-r3h4-6jhm']),
    );
    expect(
      sarif.runs[0]?.results.every((r) =>
        r.locations[0]?.physicalLocation.artifactLocation.uri.startsWith('apps/'),
      ),
    ).toBe(true);
  });

  it.each([
    ['critical', '1', 1, 'down'],
    ['medium', '4', 1, 'down'],
    // Report only: nothing counts; the lines that could not be checked still warn (degraded).
    ['none', '0', 0, 'degraded'],
  ])('fail-on-severity %s: %s counting, exit %d, %s', async (failOn, count, exitCode, status) => {
    const result = await scan(repository(), { 'fail-on-severity': failOn });
    expect([result.exitCode, result.outputs.vulnerabilities, result.outputs.status]).toEqual([
      exitCode,
      count,
      status,
    ]);
  });

  it('an allowlisted advisory passes before its expiry (warning in the last week) and fails after it', async () => {
    const allowlist = (expires: string) =>
      `- id: GHSA-xxxx-djng-crit\n  reason: the admin is not exposed\n  expires: ${expires}\n- id: CVE-2021-23337\n  reason: template() is never called\n  expires: ${day(200)}\n`;
    const before = await scan(repository(), { allowlist: allowlist(day(3)) });
    expect([before.exitCode, before.outputs.vulnerabilities]).toEqual([0, '0']);
    expect(messages(before, 'warning')).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^allowlist: GHSA-xxxx-djng-crit expires on ${day(3)} \\([234] day\\(s\\) left\\); after that it counts again\\.`,
        ),
      ),
    );
    expect(before.summary).toContain(`allowed until ${day(3)} (expiring): the admin is not exposed`);

    const after = await scan(repository(), { allowlist: allowlist(day(-1)) });
    expect([after.exitCode, after.outputs.vulnerabilities]).toEqual([1, '1']);
    expect(messages(after, 'warning')).toContain(
      `allowlist: GHSA-xxxx-djng-crit expired on ${day(-1)}, so it counts again. Fix it, or renew the entry with a reason.`,
    );
    expect(messages(after, 'error').at(-1)).toMatch(
      /^prod-monitor: down \(fail-on: down\): 1 vulnerability at or above high: GHSA-xxxx-djng-crit in django 3\.2\.0 \(legacy-api\)\./,
    );
  });

  it('an OSV error is a warning naming what was not checked, never a silent pass', async () => {
    const result = await scan(repository(), {}, { batchStatus: 503 });
    expect([result.exitCode, result.outputs.status, result.outputs.vulnerabilities]).toEqual([
      0,
      'degraded',
      '0',
    ]);
    expect(messages(result, 'warning')).toContainEqual(
      expect.stringMatching(
        /^Vulnerability scan incomplete: OSV did not answer for 8 of 8 package\(s\) \(http:\/\/127\.0\.0\.1:\d+ v1\/querybatch answered HTTP 503\): .*lodash@4\.17\.20 \(npm\)/,
      ),
    );
    expect(result.summary).toContain('### Vulnerabilities: ⚠️ none counting (fail on high), incomplete');
    expect(result.summary).toContain('**Not checked:**');
    expect(report(result).checks.deeper.vulnerabilities?.status).toBe('degraded');
  });

  it('credentials in osv-url are masked and never printed', async () => {
    const result = await scan(
      repository(),
      { 'osv-url': osv.url.replace('http://', 'http://reader:fake-osv-password@') },
      { batchStatus: 500 },
    );
    expect(result.masks).toContain('fake-osv-password');
    expect(visible(result)).not.toContain('fake-osv-password');
  });

  it('`nuzantara monitor --scan --json` gives one document with the scan, exit 1', async () => {
    serveOsv(osv, ADVISORIES);
    const dir = repository();
    const run = await runCli(
      [
        'monitor',
        '--targets-file',
        'monitoring/targets.yml',
        '--samples',
        '1',
        '--scan',
        '--osv-url',
        osv.url,
        '--fail-on-severity',
        'critical',
        '--json',
      ],
      { cwd: dir, env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' } },
    );
    expect(run.exitCode).toBe(1);
    const doc = JSON.parse(run.stdout) as {
      ok: boolean;
      outputs: Record<string, string>;
      report: DeeperReport;
    };
    expect(doc.ok).toBe(false);
    expect(doc.outputs).toMatchObject({ status: 'down', vulnerabilities: '1' });
    expect(doc.report.checks.deeper.vulnerabilities).toMatchObject({
      status: 'down',
      failures: [
        expect.stringMatching(/^1 vulnerability at or above critical: GHSA-xxxx-djng-crit in django/),
      ],
    });
    expect(run.stderr).toContain('1 vulnerability at or above critical');
  });
});

describe('the benchmark against a loopback target of known latency', () => {
  afterEach(() => {
    svc.slowMs = 300;
  });

  const targets = () =>
    `targets:\n  - name: api\n    url: ${svc.base}/slow\n  - name: submit\n    url: ${svc.base}/healthy\n    method: POST\n`;
  const bench = (historyPath: string, inputs: Record<string, string> = {}) =>
    runAction('prod-monitor', {
      inputs: {
        ...QUIET,
        targets: targets(),
        'history-path': historyPath,
        benchmark: 'api',
        'benchmark-duration': '1s',
        'benchmark-connections': '2',
        'benchmark-max-requests': '200',
        'benchmark-thresholds': 'errors <= 0\np50 >= 25ms',
        ...inputs,
      },
    });

  it('meets its thresholds, keeps its results in the history, and compares the next run with them', async () => {
    const history = join(mkdtempSync(join(tmpdir(), 'bench-history-')), 'history.jsonl');
    svc.slowMs = 30;
    const first = await bench(history);
    expect([first.exitCode, first.outputs.status]).toEqual([0, 'up']);
    const results = JSON.parse(first.outputs['benchmark-results'] as string) as Record<
      string,
      { rps: number; p50: number; p95: number; p99: number; errorRate: number }
    >;
    expect(Object.keys(results)).toEqual(['api']);
    expect(results.api?.p50).toBeGreaterThanOrEqual(29);
    expect(results.api?.rps).toBeGreaterThan(0);
    expect(results.api?.errorRate).toBe(0);
    expect(first.summary).toContain('### Benchmark');
    expect(first.summary).toContain('no earlier result');
    const kept = JSON.parse(readFileSync(history, 'utf8').trim()) as {
      checks: {
        deeper: {
          status: Record<string, string>;
          benchmark: { schema: string; results: Record<string, { at: string; requests: number }> };
        };
      };
    };
    expect(kept.checks.deeper.status).toEqual({ benchmark: 'up' });
    expect(kept.checks.deeper.benchmark.schema).toBe('benchmark@1');
    const at = kept.checks.deeper.benchmark.results.api?.at as string;
    expect(kept.checks.deeper.benchmark.results.api?.requests).toBeLessThanOrEqual(200);

    // Five times slower: throughput and latency regressed against the kept result, a status change.
    svc.slowMs = 150;
    const hook = await startHttpStub();
    hook.on('POST', '/json/:secret', () => ({ body: 'ok' }));
    const second = await bench(history, { 'notify-json-webhook': `${hook.url}/json/J000-secret` }).finally(
      () => hook.close(),
    );
    expect([second.exitCode, second.outputs.status]).toEqual([0, 'degraded']);
    expect((hook.requests[0]?.json as { changes: unknown[] }).changes).toEqual([
      {
        check: 'benchmark',
        subject: 'benchmark',
        from: 'up',
        to: 'degraded',
        detail: 'Benchmark: ⚠️ regressed',
      },
    ]);
    expect(messages(second, 'warning')).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^benchmark api regressed beyond 20% against ${at.replace(/[.]/g, '\\.')}: rps .*p50 \\d+ms → \\d+ms`,
        ),
      ),
    );

    // Slower again, against the second run's result now, and a threshold it cannot meet: both fail.
    svc.slowMs = 400;
    const third = await bench(history, {
      'benchmark-on-regression': 'fail',
      'benchmark-thresholds': 'p50 < 100ms',
    });
    expect(third.exitCode).toBe(1);
    expect(messages(third, 'error').at(-1)).toMatch(
      /^prod-monitor: down \(fail-on: down\): benchmark api: p50 < 100ms not met .*; benchmark api regressed beyond 20% against /,
    );
    expect(readFileSync(history, 'utf8').trim().split('\n')).toHaveLength(3);
  });

  it.each([
    [
      'nope',
      `Input 'benchmark': "nope" is not one of the monitor's targets. Name targets from the targets file: api.`,
    ],
    ['submit', `Input 'benchmark': "submit" is a POST target. Benchmark GET or HEAD targets only`],
  ])('benchmark: %s is refused before anything is requested', async (name, message) => {
    const before = svc.hits.get('/slow') ?? 0;
    const result = await bench(join(mkdtempSync(join(tmpdir(), 'bench-')), 'h.jsonl'), { benchmark: name });
    expect(result.exitCode).toBe(1);
    expect(messages(result, 'error')[0]).toContain(message);
    expect(svc.hits.get('/slow') ?? 0).toBe(before);
  });
});

describe('delivery metrics against the GitHub Deployments stand-in', () => {
  let fake: GitHubFake;
  const commits = new Map<string, string>();
  let count = 0;
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

  /** A deploy or rollback as the actions record it, `agoMs` before now, committed 3 h before it ended. */
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
    } = {},
  ) {
    const now = Date.now();
    const iso = (ms: number) => new Date(now - ms).toISOString();
    const sha = (++count).toString(16).padStart(40, 'b');
    const outcome = fields.outcome ?? 'healthy';
    fake.seed({
      environment,
      sha,
      created_at: iso(agoMs),
      payload: {
        nuzantara: {
          schema: 1,
          kind: fields.kind ?? 'deploy',
          app: fields.app ?? 'nuzantara-rag',
          release: count,
          image: `registry.fly.io/nuzantara-rag:deployment-${count}`,
          previousRelease: count - 1,
          outcome,
          rolledBackTo: outcome === 'rolled-back' ? count - 1 : null,
          startedAt: iso(agoMs + (fields.tookMs ?? 10 * 60_000)),
          finishedAt: iso(agoMs),
          config: null,
          secrets: fields.secrets === undefined ? { DATABASE_URL: 'digest-db-1' } : fields.secrets,
        },
      },
      statuses: [
        {
          id: count,
          state: outcome === 'healthy' ? 'success' : 'failure',
          description: outcome,
          created_at: iso(agoMs),
        },
      ],
    });
    commits.set(sha, iso(agoMs + (fields.commitAgoMs ?? 3 * HOUR)));
  }

  it('a known Deployments history gives known DORA figures, and a secret-age warning without its value', async () => {
    // Production over the last 30 days: 6 deploys (4 healthy), one that rolled itself back (12 min) and a
    // failed one restored by a rollback 2 h later (2 h 8 min); one deploy before the window; staging once.
    recorded('production', 40 * DAY, { secrets: { DATABASE_URL: 'digest-db-1', API_KEY: 'digest-key-0' } });
    recorded('production', 28 * DAY, { secrets: { DATABASE_URL: 'digest-db-1', API_KEY: 'digest-key-1' } });
    recorded('production', 21 * DAY, { outcome: 'rolled-back', tookMs: 12 * 60_000 });
    recorded('production', 14 * DAY);
    recorded('production', 10 * DAY, { outcome: 'failed', tookMs: 8 * 60_000 });
    recorded('production', 10 * DAY - 2 * HOUR, { kind: 'rollback', tookMs: 4 * 60_000 });
    recorded('production', 7 * DAY, { commitAgoMs: 27 * HOUR });
    recorded('production', 1 * DAY, { secrets: { DATABASE_URL: 'digest-db-1', API_KEY: 'digest-key-1' } });
    recorded('staging', 2 * DAY, { app: 'nuzantara-mouth', secrets: null });
    const result = await runAction('prod-monitor', {
      githubToken: 'ghs_fake_delivery_token',
      env: { GITHUB_API_URL: fake.url },
      inputs: {
        ...QUIET,
        targets: `targets:\n  - name: healthy\n    url: ${svc.base}/healthy\n`,
        'delivery-metrics': 'true',
        'rotate-after': '30d',
      },
    });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({
      status: 'degraded',
      'delivery-environment': 'production',
      'deployment-frequency': (4 / 30).toFixed(3),
      // Commit to deploy: 3h, 3h, 27h, 3h.
      'lead-time': String(3 * 3600),
      'change-failure-rate': '33.3',
      'time-to-restore': String((12 * 60 + (2 * 3600 + 8 * 60)) / 2),
      'secrets-to-rotate': '1',
    });
    expect(messages(result, 'warning')).toContainEqual(
      expect.stringMatching(
        /^Secret DATABASE_URL of nuzantara-rag has had the same value for at least 40d \(since \d{4}-\d\d-\d\d\), past rotate-after \(30d\): rotate it and deploy\.$/,
      ),
    );
    expect(result.summary).toContain('### Delivery metrics (last 30d)');
    expect(result.summary).toContain('| change failure rate | 33.3% (2 of 6) | 🔴 low |');
    expect(result.summary).toContain('Bands: Accelerate State of DevOps Report 2023 (DORA).');
    // The token and the digests stay out of everything; the token is masked.
    expect(result.masks).toContain('ghs_fake_delivery_token');
    expect(visible(result)).not.toContain('ghs_fake_delivery_token');
    expect(visible(result)).not.toContain('digest-db-1');
    expect(
      fake.stub.requests.every((r) => r.headers.authorization?.endsWith(' ghs_fake_delivery_token')),
    ).toBe(true);
    expect(existsSync(result.outputs.report as string)).toBe(true);
    expect(report(result).checks.deeper.delivery).toMatchObject({
      status: 'degraded',
      failures: [],
      headline: expect.stringContaining('1 secret(s) to rotate'),
    });
  });
});
