/**
 * prod-monitor's incidents, alerts and history through the runner harness, against the GitHub stand-in
 * and webhook receivers on 127.0.0.1: runs at once and one after another leave exactly one open issue
 * per failing target, commented when the status changes and closed on recovery; webhooks fire on changes
 * only; each run adds a line to the data branch and the summary charts them; a GitHub outage is a warning.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startHttpStub, type HttpStub } from '../../support/http-stub.js';
import { runAction, type RunResult } from '../../support/run-action.js';
import { startGitHubStandIn, type GitHubStandIn } from './github-stand-in.js';
import { startTargets, type Targets } from './servers.js';

const TOKEN = 'ghs_fakeMonitorToken0123456789';
const errors = (r: RunResult) => r.annotations.filter((a) => a.level === 'error').map((a) => a.message);
const warnings = (r: RunResult) => r.annotations.filter((a) => a.level === 'warning').map((a) => a.message);

let svc: Targets;
let second: Targets;
let hooks: HttpStub;
beforeAll(async () => {
  svc = await startTargets();
  second = await startTargets();
  hooks = await startHttpStub();
  hooks.on('POST', '/slack/:secret', () => ({ body: 'ok' }));
  hooks.on('POST', '/json/:secret', () => ({ body: 'ok' }));
});
afterAll(async () => {
  await Promise.all([svc.close(), second.close(), hooks.close()]);
});

function monitor(gh: GitHubStandIn, extra: Record<string, string> = {}) {
  const targets = `targets:
  - name: api
    url: ${svc.base}/switch
    max-latency: 150ms
  - name: web
    url: ${second.base}/switch
    max-latency: 150ms
`;
  return runAction('prod-monitor', {
    githubToken: TOKEN,
    env: { GITHUB_API_URL: gh.url },
    inputs: {
      targets,
      samples: '3',
      'retest-delay': '50ms',
      'notify-webhook': `${hooks.url}/slack/T000-secret-path`,
      'notify-json-webhook': `${hooks.url}/json/J000-secret-path`,
      ...extra,
    },
  });
}

const posts = (kind: 'slack' | 'json') => hooks.requests.filter((r) => r.path.startsWith(`/${kind}/`));

describe('prod-monitor incidents (GitHub stand-in)', () => {
  let gh: GitHubStandIn;
  beforeAll(async () => {
    gh = await startGitHubStandIn({ raceCreates: true });
  });
  afterAll(async () => {
    await gh.close();
  });

  it('keeps one incident per failing target over concurrent and repeated runs, and closes it on recovery', async () => {
    svc.mode = 'down';
    second.mode = 'slow';

    // Two runs at once: both find no incident and both open one; they converge on the older.
    const racing = await Promise.all([monitor(gh), monitor(gh)]);
    for (const r of racing) {
      expect(r.exitCode).toBe(1);
      expect(warnings(r)).toEqual([]);
      expect(r.outputs).toMatchObject({ status: 'down', down: '1', degraded: '1' });
    }
    expect(gh.issues.length).toBe(4);
    const open = () => gh.open('incident');
    expect(
      open()
        .map((i) => i.title)
        .sort(),
    ).toEqual(['🔴 api is down', '🟡 web is degraded']);
    const duplicates = gh.issues.filter((i) => i.state === 'closed');
    expect(duplicates.map((i) => i.state_reason)).toEqual(['not_planned', 'not_planned']);
    for (const d of duplicates) expect(d.comments[0]?.body).toMatch(/^Duplicate of #\d+/);
    const api = open().find((i) => i.title.includes('api'))!;
    expect(api.body).toContain(
      '### What failed\n\n- 3 of 3 samples failed: 3× status (HTTP 503, expected 200-299)',
    );
    expect(api.body).toContain('| samples | errors | error rate | p50 | p95 | p99 | max | TLS |');
    expect(api.body).toContain('https://github.com/nuzantara/example/actions/runs/1234');
    expect(gh.labels.has('incident')).toBe(true);
    // Both runs saw the change (neither had a history yet): each posted it.
    expect(posts('slack')).toHaveLength(2);
    expect(posts('slack')[0]?.json).toEqual({
      text: expect.stringContaining('🔴 api is down (was up)'),
    });
    expect(posts('json')[0]?.json).toMatchObject({
      source: 'nuzantara-prod-monitor',
      status: 'down',
      repository: 'nuzantara/example',
      changes: [
        { check: 'uptime', subject: 'api', from: 'up', to: 'down' },
        { check: 'uptime', subject: 'web', from: 'up', to: 'degraded' },
      ],
    });

    // The same statuses again: nothing new anywhere, no alert.
    const again = await monitor(gh);
    expect(again.exitCode).toBe(1);
    expect(open()).toHaveLength(2);
    expect(open().every((i) => i.comments.length === 0)).toBe(true);
    expect(posts('slack')).toHaveLength(2);
    expect(again.summary).toContain('Incidents: 2 open, no change.');

    // api: down → degraded; one comment, a new title; web unchanged.
    svc.mode = 'slow';
    const changed = await monitor(gh);
    expect(changed.outputs).toMatchObject({ status: 'degraded', down: '0', degraded: '2' });
    expect(changed.exitCode).toBe(0);
    expect(api.title).toBe('🟡 api is degraded');
    expect(api.comments.map((c) => c.body.split('\n')[0])).toEqual(['## 🟡 Now degraded (was down)']);
    expect(posts('slack')).toHaveLength(3);
    expect(posts('slack')[2]?.json).toEqual({
      text: expect.stringContaining('🟡 api is degraded (was down)'),
    });

    // Both recover: closed with the outage's length; no incident is left open.
    svc.mode = 'up';
    second.mode = 'up';
    const recovered = await monitor(gh);
    expect([recovered.exitCode, recovered.outputs.status]).toEqual([0, 'up']);
    expect(open()).toEqual([]);
    expect(api.state_reason).toBe('completed');
    expect(api.comments.at(-1)?.body).toMatch(
      /^## 🟢 api is up again\n\nThe outage lasted \*\*\d+s\*\* \(degraded since/,
    );
    expect(posts('json').at(-1)?.json).toMatchObject({
      status: 'up',
      changes: [
        { subject: 'api', to: 'up' },
        { subject: 'web', to: 'up' },
      ],
    });

    // Up again, still up: nothing to do.
    const quiet = await monitor(gh);
    expect(quiet.summary).toContain('Incidents: none open.');
    expect(posts('slack')).toHaveLength(4);
    expect(gh.issues).toHaveLength(4);

    // History: one line per run on an orphan data branch, charted in the summary.
    const day = new Date().toISOString().slice(0, 10);
    const lines = (gh.file('monitor-data', `history/${day}.jsonl`) ?? '').trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(JSON.parse(lines.at(-1) as string)).toMatchObject({
      v: 1,
      status: 'up',
      targets: [{ name: 'api', status: 'up' }, { name: 'web' }],
    });
    expect(gh.file('monitor-data', 'README.md')).toContain('# Monitor history');
    expect(quiet.summary).toContain('```mermaid\nxychart-beta\n    title "api: p95 (ms)"');
    expect(quiet.summary).toContain('- History: appended to `branch monitor-data`.');

    // No token and no webhook path anywhere a person could see.
    for (const r of [...racing, again, changed, recovered, quiet]) {
      const visible = r.allText
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n');
      expect(visible).not.toContain(TOKEN);
      expect(visible).not.toContain('T000-secret-path');
      expect(visible).not.toContain('J000-secret-path');
    }
    for (const issue of gh.issues) expect(JSON.stringify(issue)).not.toContain(TOKEN);
  });
});

describe('prod-monitor when GitHub is out', () => {
  it('warns about incidents and history, and the targets alone decide the outcome', async () => {
    const gh = await startGitHubStandIn({ fail: [{ prefix: '/repos/', status: 503 }] });
    try {
      svc.mode = 'up';
      second.mode = 'down';
      const result = await monitor(gh);
      expect(result.exitCode).toBe(1);
      expect(errors(result)).toEqual([
        expect.stringMatching(/^prod-monitor: down \(fail-on: down\): web is down/),
      ]);
      expect(warnings(result)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^Could not read the history from branch monitor-data \(GitHub refused GET .*HTTP 503/,
          ),
          expect.stringMatching(
            /^Could not read the open incident issues \(GitHub refused GET .*HTTP 503.*issues: write/,
          ),
          expect.stringMatching(/^Could not append to the history in branch monitor-data/),
        ]),
      );
      expect(result.outputs).toMatchObject({ status: 'down', down: '1' });
      expect(gh.issues).toEqual([]);
    } finally {
      await gh.close();
    }
  });

  it('runs with incidents and history off and no token at all', async () => {
    const gh = await startGitHubStandIn();
    try {
      second.mode = 'up';
      const result = await runAction('prod-monitor', {
        env: { GITHUB_API_URL: gh.url },
        inputs: { targets: `targets:\n  - url: ${svc.base}/switch\n`, samples: '1', 'github-token': '' },
      });
      expect(result.exitCode).toBe(0);
      expect(warnings(result)).toEqual([
        'No history is kept: github-token is empty.',
        'No incident issues: github-token is empty.',
      ]);
      expect(gh.stub.requests).toEqual([]);
    } finally {
      await gh.close();
    }
  });
});
