/** The monitor command in-process on a recording host: its settings, and a run with a history file. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitor, readMonitorSettings } from '../../src/commands/monitor.js';
import { CheckFailed, InputError } from '../../src/domain/shared/errors.js';
import { inputReader } from '../../src/host/inputs.js';
import { startTargets, type Targets } from '../e2e/prod-monitor/servers.js';
import { testHost } from '../support/test-host.js';

let svc: Targets;
beforeAll(async () => {
  svc = await startTargets();
});
afterAll(async () => {
  await svc.close();
});

const settingsOf = (inputs: Record<string, string>) => {
  const host = testHost({ action: 'prod-monitor', inputs });
  return { host, settings: readMonitorSettings(inputReader(host), host.context) };
};

describe('monitor settings', () => {
  it('reads the defaults of action.yml: the two apps, history on a branch, incidents labelled incident', () => {
    const { settings } = settingsOf({});
    expect(settings.failOn).toBe('down');
    expect(settings.reportPath).toMatch(/prod-monitor-report\.json$/);
    expect(settings.history).toEqual({ branch: 'monitor-data', chartRuns: 24 });
    const uptime = settings.checks[0];
    expect(uptime?.check.id).toBe('uptime');
    expect(uptime?.settings).toMatchObject({
      targets: { input: 'default' },
      concurrency: 10,
      retests: 2,
      retestDelayMs: 5000,
      incidentLabel: 'incident',
      defaults: { maxLatencyMs: 2000, samples: 5, timeoutMs: 10_000, tlsWarnDays: 14, tlsErrorDays: 7 },
    });
  });

  it.each([
    [
      { 'fail-on': 'sometimes' },
      `Input 'fail-on': "sometimes" is not one of the accepted values. Use one of: down, degraded, never.`,
    ],
    [{ concurrency: '0' }, `Input 'concurrency': 0 is out of range. Use a whole number from 1 to 1000.`],
    [{ 'tls-warn-days': '3' }, `Input 'tls-error-days': 7 is above tls-warn-days (3)`],
    [{ 'incident-label': 'a,b' }, `Input 'incident-label': "a,b" is not a label GitHub accepts.`],
    [{ 'history-branch': 'bad..name' }, `Input 'history-branch': "bad..name" is not a branch name.`],
    [{ 'notify-webhook': 'not a url' }, `Input 'notify-webhook': the URL (hidden) contains whitespace`],
    [{ 'expect-status': '700' }, `Input 'expect-status': 700-700 is outside 100-599.`],
  ])('refuses %j with one clear message', (inputs, message) => {
    expect(() => settingsOf(inputs)).toThrow(InputError);
    expect(() => settingsOf(inputs)).toThrow(message);
  });

  it('masks the token and the webhooks as it reads them', () => {
    const { host } = settingsOf({
      'github-token': 'ghs_fake_token_value',
      'notify-webhook': 'https://hooks.slack.example/services/T0/B0/secret',
      'notify-json-webhook': 'https://hooks.example/json-secret',
      headers: 'Authorization: Bearer header-secret',
    });
    expect(host.masks).toEqual(
      expect.arrayContaining([
        'ghs_fake_token_value',
        'https://hooks.slack.example/services/T0/B0/secret',
        'https://hooks.example/json-secret',
        'Bearer header-secret',
      ]),
    );
  });
});

describe('monitor on a recording host', () => {
  it('checks the targets, keeps the history in a file, and charts it on the next run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'monitor-cmd-'));
    const inputs = {
      targets: `targets:\n  - name: healthy\n    url: ${svc.base}/healthy\n  - name: broken\n    url: ${svc.base}/500\n`,
      samples: '2',
      retests: '0',
      'history-path': join(dir, 'history.jsonl'),
      'incident-label': '',
      'report-path': join(dir, 'report.json'),
    };
    const first = testHost({ action: 'prod-monitor', inputs, context: { workspace: dir } });
    await expect(monitor(first)).rejects.toThrow(CheckFailed);
    expect(first.outputs).toEqual({
      down: '1',
      degraded: '0',
      status: 'down',
      report: join(dir, 'report.json'),
    });
    expect(first.logs.map((l) => l.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^🔴 down {5}broken /),
        'Status change: broken up → down',
      ]),
    );
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
      changes: { subject: string }[];
    };
    expect(report.changes.map((c) => c.subject)).toEqual(['broken']);
    expect(first.results.report).toMatchObject({ status: 'down' });

    const second = testHost({ action: 'prod-monitor', inputs, context: { workspace: dir } });
    await expect(monitor(second)).rejects.toThrow(CheckFailed);
    const lines = readFileSync(join(dir, 'history.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    // The history says broken was already down: no change this time.
    expect(second.logs.some((l) => l.message.startsWith('Status change'))).toBe(false);
    expect(second.summaries[0]).toContain('#### Response time, p95 over the last 2 runs');
    expect(second.summaries[0]).toContain(`- History: appended to \`${join(dir, 'history.jsonl')}\`.`);
  });

  it('shows no chart to a terminal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'monitor-term-'));
    const host = testHost({
      action: 'prod-monitor',
      inputs: {
        targets: `targets:\n  - url: ${svc.base}/healthy\n`,
        samples: '1',
        'history-path': join(dir, 'h.jsonl'),
        'report-path': join(dir, 'r.json'),
      },
      context: { workspace: dir },
    });
    const terminal = { ...host, kind: 'terminal' as const };
    await monitor(terminal);
    await monitor(terminal);
    expect(host.summaries[1]).not.toContain('mermaid');
    expect(host.summaries[1]).toContain('### Uptime: 🟢 1 up');
    expect(host.summaries[1]).toContain('- Incidents: off (no repository or no github-token).');
  });
});

describe('the deeper checks in the monitor', () => {
  it('are off by default, and on with any of scan, benchmark and delivery-metrics', () => {
    const ids = (inputs: Record<string, string>) => settingsOf(inputs).settings.checks.map((c) => c.check.id);
    expect(ids({})).toEqual(['uptime']);
    expect(ids({ scan: 'true' })).toEqual(['uptime', 'deeper']);
    expect(ids({ benchmark: 'api' })).toEqual(['uptime', 'deeper']);
    expect(ids({ 'delivery-metrics': 'true' })).toEqual(['uptime', 'deeper']);
    // Read even when off: a typo fails at once.
    expect(() => settingsOf({ 'fail-on-severity': 'severe' })).toThrow(/^Input 'fail-on-severity'/);
  });

  it('keep each check’s status in the history and report a change only when it changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'monitor-deeper-'));
    const historyPath = join(dir, 'history.jsonl');
    // An earlier run whose deeper part is not what this version writes: read as nothing.
    writeFileSync(
      historyPath,
      `${JSON.stringify({
        v: 1,
        at: new Date(Date.now() - 3_600_000).toISOString(),
        status: 'up',
        targets: [],
        checks: { deeper: { status: 'garbage', benchmark: 42 } },
      })}\n`,
    );
    const inputs = {
      targets: `targets:\n  - url: ${svc.base}/healthy\n`,
      samples: '1',
      'history-path': historyPath,
      'incident-label': '',
      'report-path': join(dir, 'report.json'),
      // No token: delivery metrics cannot read GitHub, a warning (degraded).
      'delivery-metrics': 'true',
      'github-token': '',
    };
    const first = testHost({ action: 'prod-monitor', inputs, context: { workspace: dir } });
    await monitor(first);
    expect(first.outputs).toMatchObject({ status: 'degraded', 'secrets-to-rotate': '0' });
    expect(first.logs.map((l) => l.message)).toContain('Status change: delivery up → degraded');
    const records = readFileSync(historyPath, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { checks?: { deeper?: unknown } });
    expect(records[1]?.checks?.deeper).toEqual({ status: { delivery: 'degraded' } });

    const second = testHost({
      action: 'prod-monitor',
      inputs: { ...inputs, 'fail-on': 'degraded' },
      context: { workspace: dir },
    });
    await expect(monitor(second)).rejects.toThrow(
      'prod-monitor: degraded (fail-on: degraded): Delivery: no deployments read. See the job summary and the report.',
    );
    expect(second.logs.some((l) => l.message.startsWith('Status change'))).toBe(false);
    expect(second.summaries[0]).toContain('### Delivery metrics (last 30d)');
  });
});
