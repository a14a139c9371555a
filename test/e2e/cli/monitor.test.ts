/** `nuzantara monitor` as a person and a script run it, against services on 127.0.0.1. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/run-cli.js';
import { startTargets, type Targets } from '../prod-monitor/servers.js';

let svc: Targets;
let dir: string;
beforeAll(async () => {
  svc = await startTargets();
  dir = mkdtempSync(join(tmpdir(), 'cli-monitor-'));
  writeFileSync(
    join(dir, 'targets.yml'),
    `targets:\n  - name: healthy\n    url: ${svc.base}/healthy\n    expect-body: '$.status == "ok"'\n  - name: broken\n    url: ${svc.base}/500\n`,
  );
  writeFileSync(join(dir, 'up.yml'), `targets:\n  - name: healthy\n    url: ${svc.base}/healthy\n`);
  writeFileSync(
    join(dir, 'bad.yml'),
    `targets:\n  - name: healthy\n    url: ${svc.base}/healthy\n    retries: 3\n`,
  );
});
afterAll(async () => {
  await svc.close();
});

const env = () => ({ PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' });

describe('nuzantara monitor', () => {
  it('prints each target and the table for a person, and exits 1 when one is down', async () => {
    const run = await runCli(
      ['monitor', '--targets-file', 'targets.yml', '--samples', '2', '--retest-delay', '50ms'],
      {
        cwd: dir,
        env: env(),
      },
    );
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /🟢 up {7}healthy {2}p50 \d+ms p95 \d+ms p99 \d+ms max \d+ms {2}errors 0 of 2/,
    );
    expect(run.stdout).toMatch(/🔴 down {5}broken .*errors 2 of 2 \(100%\) {2}\(3 rounds\)/);
    expect(run.stdout).toContain('Uptime: 🔴 1 down, 🟢 1 up');
    expect(run.stdout).not.toContain('mermaid');
    expect(run.stderr).toContain('prod-monitor: down (fail-on: down): broken is down');
  });

  it('gives scripts one JSON document, exit 0 when all are up', async () => {
    const run = await runCli(['monitor', '--targets-file', 'up.yml', '--samples', '3', '--json'], {
      cwd: dir,
      env: env(),
    });
    expect(run.exitCode).toBe(0);
    const doc = JSON.parse(run.stdout) as {
      ok: boolean;
      outputs: Record<string, string>;
      report: {
        status: string;
        checks: { uptime: { targets: { name: string; counted: { samples: unknown[] } }[] } };
      };
    };
    expect(doc.ok).toBe(true);
    expect(doc.outputs).toMatchObject({ status: 'up', down: '0', degraded: '0' });
    expect(doc.report.checks.uptime.targets.map((t) => [t.name, t.counted.samples.length])).toEqual([
      ['healthy', 3],
    ]);
  });

  it('names the flag, the file, the line and the target of a bad targets file, exit 2', async () => {
    const before = svc.hits.get('/healthy') ?? 0;
    const run = await runCli(['monitor', '--targets-file', 'bad.yml'], { cwd: dir, env: env() });
    expect(run.exitCode).toBe(2);
    expect(run.stderr.trim()).toBe(
      'usage: --targets-file: bad.yml line 4, target 1 ("healthy"): unknown key "retries". Use name, url, method, headers, expect-status, expect-body, max-latency, samples, timeout, follow-redirects, max-error-rate, tls-warn-days, tls-error-days.',
    );
    expect(svc.hits.get('/healthy') ?? 0).toBe(before);
  });

  it('lists its flags', async () => {
    const run = await runCli(['monitor', '--help'], { env: env() });
    expect(run.exitCode).toBe(0);
    for (const flag of [
      '--targets-file',
      '--max-latency',
      '--samples',
      '--tls-warn-days',
      '--history-branch',
      '--json',
    ])
      expect(run.stdout).toContain(flag);
  });
});
