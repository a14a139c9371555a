/**
 * prod-monitor through the runner harness against services on 127.0.0.1: every kind of target, TLS
 * thresholds with a self-signed certificate, bad target files, and secrets kept out of everything.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, type RunResult } from '../../support/run-action.js';
import {
  refusedUrl,
  selfSignedCertificate,
  startTargets,
  startTlsServer,
  type SelfSigned,
  type Targets,
} from './servers.js';

interface ReportTarget {
  name: string;
  status: string;
  problems: string[];
  rounds: { status: string; samples: { ok: boolean; reason: string; latencyMs: number }[] }[];
  counted: {
    errors: number;
    samples: unknown[];
    latency?: { p50: number; p95: number; p99: number; max: number };
  };
  tls?: {
    daysLeft?: number;
    status: string;
    certificate?: { issuer: string; names: string[]; authorized: boolean };
  };
}

const errors = (r: RunResult) => r.annotations.filter((a) => a.level === 'error').map((a) => a.message);
const report = (r: RunResult) =>
  JSON.parse(readFileSync(r.outputs.report as string, 'utf8')) as {
    status: string;
    checks: { uptime: { targets: ReportTarget[] } };
  };
const byName = (r: RunResult) => new Map(report(r).checks.uptime.targets.map((t) => [t.name, t]));

/** No history, no incidents: only the checks. */
const QUIET = { 'history-branch': '', 'incident-label': '', 'retest-delay': '100ms' };

let svc: Targets;
let refused: string;
beforeAll(async () => {
  svc = await startTargets();
  refused = await refusedUrl();
});
afterAll(async () => {
  await svc.close();
});

describe('prod-monitor against loopback services', () => {
  it('tells healthy, slow, failing, hanging, refused and flapping targets apart, re-testing before it counts', async () => {
    const targets = `targets:
  - name: healthy
    url: ${svc.base}/healthy
    expect-body: '$.status == "ok"'
  - name: slow
    url: ${svc.base}/slow
    max-latency: 100ms
  - name: error-500
    url: ${svc.base}/500
  - name: hanging
    url: ${svc.base}/hang
    timeout: 400ms
    samples: 2
  - name: refused
    url: ${refused}
  - name: flapping
    url: ${svc.base}/flap
  - name: blip
    url: ${svc.base}/fail-first
`;
    const result = await runAction('prod-monitor', { inputs: { ...QUIET, targets, samples: '4' } });
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'down', down: '3', degraded: '2' });
    const t = byName(result);
    expect(Object.fromEntries([...t].map(([name, r]) => [name, r.status]))).toEqual({
      healthy: 'up',
      slow: 'degraded',
      'error-500': 'down',
      hanging: 'down',
      refused: 'down',
      flapping: 'degraded',
      blip: 'up',
    });
    expect(t.get('healthy')?.rounds).toHaveLength(1);
    // Not up: sampled again twice (retests: 2), every round recorded.
    expect(t.get('error-500')?.rounds).toHaveLength(3);
    expect(t.get('hanging')?.rounds.flatMap((r) => r.samples.map((s) => s.reason))).toEqual(
      Array(6).fill('timeout'),
    );
    expect(t.get('refused')?.problems[0]).toBe('4 of 4 samples failed: 4× refused (connection refused)');
    expect(t.get('slow')?.problems).toEqual([expect.stringMatching(/^p95 \d+ms is over max-latency 100ms$/)]);
    expect(t.get('flapping')?.problems[0]).toMatch(/^2 of 4 samples failed \(50%, limit 0%\)/);
    // The blip failed its first round and passed the re-test: it counts as up.
    expect(t.get('blip')?.rounds.map((r) => r.status)).toEqual(['down', 'up']);
    expect(t.get('healthy')?.counted.latency).toEqual(
      expect.objectContaining({
        p50: expect.any(Number),
        p95: expect.any(Number),
        p99: expect.any(Number),
        max: expect.any(Number),
      }),
    );

    expect(errors(result)).toEqual([
      expect.stringMatching(
        /^prod-monitor: down \(fail-on: down\): error-500 is down \(4 of 4 samples failed: 4× status \(HTTP 500, expected 200-299\)\); hanging is down .*; refused is down .*\. See the job summary and the report\.$/,
      ),
    ]);
    expect(result.summary).toContain('## prod-monitor: 🔴 down');
    expect(result.summary).toContain('### Uptime: 🔴 3 down, 🟡 2 degraded, 🟢 2 up');
    expect(result.summary).toContain('| 🟢 | healthy<br>`' + svc.base + '/healthy` | up |');
    expect(result.summary).toContain('- Incidents: off (incident-label is empty).');
    expect(result.stdout).toMatch(/🔴 down {5}refused {2}p50 \d+ms/);
  });

  it('fails on degraded only when asked, and never with fail-on: never', async () => {
    const targets = `targets:\n  - name: slow\n    url: ${svc.base}/slow\n    max-latency: 50ms\n    samples: 2\n`;
    const quiet = { ...QUIET, targets, retests: '0' };
    const byDefault = await runAction('prod-monitor', { inputs: quiet });
    expect([byDefault.exitCode, byDefault.outputs.status]).toEqual([0, 'degraded']);
    const strict = await runAction('prod-monitor', { inputs: { ...quiet, 'fail-on': 'degraded' } });
    expect(strict.exitCode).toBe(1);
    expect(errors(strict)[0]).toMatch(
      /^prod-monitor: degraded \(fail-on: degraded\): slow is degraded \(p95 \d+ms/,
    );
    const down = `targets:\n  - name: gone\n    url: ${refused}\n    samples: 1\n`;
    const never = await runAction('prod-monitor', {
      inputs: { ...QUIET, targets: down, 'fail-on': 'never', retests: '0' },
    });
    expect([never.exitCode, never.outputs.status, errors(never)]).toEqual([0, 'down', []]);
  });
});

describe('prod-monitor and TLS', () => {
  let cert: SelfSigned;
  let tls: { base: string; close(): Promise<void> };
  beforeAll(async () => {
    cert = selfSignedCertificate(3);
    tls = await startTlsServer(cert);
  });
  afterAll(async () => {
    await tls.close();
  });
  const targets = () => `targets:\n  - name: secure\n    url: ${tls.base}/health\n    samples: 2\n`;

  it('warns, then errors, as a trusted certificate nears its expiry', async () => {
    const env = { NODE_EXTRA_CA_CERTS: cert.certFile };
    const error = await runAction('prod-monitor', {
      env,
      inputs: { ...QUIET, targets: targets(), retests: '0' },
    });
    expect(error.outputs.status).toBe('down');
    const secure = byName(error).get('secure') as ReportTarget;
    expect(secure.tls).toMatchObject({
      status: 'down',
      certificate: {
        authorized: true,
        issuer: 'localhost, Nuzantara Test CA',
        names: ['DNS:localhost', 'IP Address:127.0.0.1'],
      },
    });
    expect([2, 3]).toContain(secure.tls?.daysLeft);
    expect(secure.problems[0]).toMatch(
      /^the certificate expires in [23] days \(\d{4}-\d\d-\d\d\), within tls-error-days \(7\)$/,
    );
    // Every sample itself passed: the certificate alone is the problem.
    expect(secure.counted.errors).toBe(0);

    const warning = await runAction('prod-monitor', {
      env,
      inputs: { ...QUIET, targets: targets(), retests: '0', 'tls-error-days': '1' },
    });
    expect([warning.exitCode, warning.outputs.status]).toEqual([0, 'degraded']);
    expect(byName(warning).get('secure')?.problems[0]).toMatch(/within tls-warn-days \(14\)$/);
    expect(warning.summary).toMatch(/\| [23]d 🟡 \|/);
  });

  it('an untrusted certificate is down, and says why', async () => {
    const result = await runAction('prod-monitor', {
      inputs: { ...QUIET, targets: targets(), retests: '0' },
    });
    expect(result.outputs.status).toBe('down');
    const secure = byName(result).get('secure') as ReportTarget;
    expect(secure.problems).toEqual([
      expect.stringMatching(/^2 of 2 samples failed: 2× tls \(/),
      'the certificate is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT)',
    ]);
  });
});

describe('prod-monitor refuses bad targets before requesting anything', () => {
  const cases: [string, (dir: string) => Record<string, string>, string][] = [
    [
      'a targets file that is missing',
      () => ({ 'targets-file': 'monitoring/nope.yml' }),
      `Input 'targets-file': "monitoring/nope.yml" does not exist. Give the path of a file.`,
    ],
    [
      'an unknown key',
      (dir) => {
        writeFileSync(
          join(dir, 'targets.yml'),
          'targets:\n  - name: api\n    url: http://127.0.0.1:9/\n    timeout_ms: 5s\n',
        );
        return { 'targets-file': 'targets.yml' };
      },
      `Input 'targets-file': targets.yml line 4, target 1 ("api"): unknown key "timeout_ms"`,
    ],
    [
      'a number out of range',
      (dir) => {
        writeFileSync(join(dir, 'targets.yml'), 'targets:\n  - url: http://127.0.0.1:9/\n    samples: 0\n');
        return { 'targets-file': 'targets.yml' };
      },
      `Input 'targets-file': targets.yml line 3, target 1: samples: 0 is out of range. Use a whole number from 1 to 100.`,
    ],
    [
      'both targets and targets-file',
      () => ({ targets: 'targets: []', 'targets-file': 'targets.yml' }),
      `Input 'targets-file': is set together with targets.`,
    ],
    [
      'a bad top-level default',
      () => ({ 'max-latency': 'fast' }),
      `Input 'max-latency': "fast" is not a duration.`,
    ],
  ];

  it.each(cases)('%s', async (_what, setup, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'monitor-bad-'));
    const before = svc.hits.size;
    const result = await runAction('prod-monitor', { cwd: dir, inputs: { ...QUIET, ...setup(dir) } });
    expect(result.exitCode).toBe(1);
    expect(errors(result)).toHaveLength(1);
    expect(errors(result)[0]).toContain(message);
    expect(result.stdout).not.toMatch(/\n\s+at /);
    expect(svc.hits.size).toBe(before);
    expect(result.outputs).toEqual({});
  });
});

describe('prod-monitor and secrets', () => {
  it('sends header values and tokens, and never shows them anywhere', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'monitor-secrets-'));
    writeFileSync(
      join(dir, 'targets.yml'),
      `targets:\n  - name: private\n    url: ${svc.base}/500\n    samples: 1\n    headers:\n      Authorization: Bearer \${MONITOR_TOKEN}\n`,
    );
    const result = await runAction('prod-monitor', {
      cwd: dir,
      env: { MONITOR_TOKEN: 'tok-from-env-0123456789' },
      inputs: {
        ...QUIET,
        'targets-file': 'targets.yml',
        headers: 'X-Api-Key: key-from-input-987654',
        retests: '0',
      },
    });
    expect(result.exitCode).toBe(1);
    expect(svc.auth.get('/500')).toBe('Bearer tok-from-env-0123456789');
    expect(result.masks).toEqual(
      expect.arrayContaining(['key-from-input-987654', 'Bearer tok-from-env-0123456789']),
    );
    const visible = result.allText
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    const reportText = readFileSync(result.outputs.report as string, 'utf8');
    for (const secret of ['tok-from-env-0123456789', 'key-from-input-987654']) {
      expect(visible).not.toContain(secret);
      expect(reportText).not.toContain(secret);
    }
  });
});

describe('prod-monitor and hostile target names', () => {
  it('cannot write a workflow command into the log or break out of the summary', async () => {
    const targets = `targets:\n  - name: "::error file=x::owned"\n    url: ${svc.base}/500\n    samples: 1\n  - name: "<img src=x> @team | \`x\`"\n    url: ${svc.base}/healthy\n    samples: 1\n`;
    const result = await runAction('prod-monitor', {
      inputs: { ...QUIET, targets, retests: '0', 'fail-on': 'never' },
    });
    expect(result.exitCode).toBe(0);
    expect(result.annotations).toEqual([]);
    expect(result.stdout).not.toMatch(/^::error file=x::owned/m);
    expect(result.summary).not.toContain('<img');
    expect(result.summary).not.toContain('@team');
  });
});
