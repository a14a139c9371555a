import { describe, expect, it } from '@jest/globals';
import {
  SERVING_PROBE_POLICY,
  healthTarget,
  runDeployFlow,
  type DeployPorts,
  type DeploySettings,
} from '../../../src/domain/deploy/flow.js';
import {
  deployOutputs,
  deploymentStatus,
  failureMessage,
  notificationText,
  summaryMarkdown,
} from '../../../src/domain/deploy/report.js';
import { parseAppName, parseWaitTimeout } from '../../../src/domain/deploy/inputs.js';
import { parseProbeMethod } from '../../../src/domain/probe/spec.js';
import {
  deployArgs,
  predatesReleaseJson,
  type DeployRequest,
} from '../../../src/domain/flyctl/deploy-args.js';
import { parseReleases, parseStatus, type AppStatus } from '../../../src/domain/flyctl/shapes.js';
import type { ProbeResult } from '../../../src/domain/probe/run.js';
import type { RetryPolicy } from '../../../src/domain/probe/schedule.js';
import { judgeWindow, type WindowResult } from '../../../src/domain/probe/window.js';
import { DEFAULT_EXPECT_STATUS } from '../../../src/domain/probe/spec.js';
import { machine, pretty, release, status } from '../../support/flyctl-fixtures.js';

const settings = (over: Partial<DeploySettings> = {}): DeploySettings => ({
  app: 'demo',
  strategy: 'rolling',
  remoteOnly: true,
  buildArgs: [],
  secrets: [],
  probe: {
    method: 'GET',
    headers: {},
    expectStatus: DEFAULT_EXPECT_STATUS,
    timeoutMs: 1000,
    followRedirects: true,
    maxRedirects: 5,
  },
  retry: { mode: 'fixed', attempts: 3, intervalMs: 1000 },
  rollback: true,
  rollbackStrategy: 'immediate',
  rolloutTimeoutMs: 3000,
  rolloutPollMs: 1000,
  ...over,
});

const healthy: ProbeResult = {
  url: 'https://demo.fly.dev/health',
  healthy: true,
  latencyMs: 12,
  durationMs: 12,
  attempts: [
    {
      attempt: 1,
      startedAt: 0,
      offsetMs: 0,
      status: 200,
      latencyMs: 12,
      ok: true,
      reason: 'ok',
      detail: 'HTTP 200',
    },
  ],
};
const sick: ProbeResult = {
  url: 'https://demo.fly.dev/health',
  healthy: false,
  durationMs: 2000,
  attempts: [1, 2, 3].map((n) => ({
    attempt: n,
    startedAt: 0,
    offsetMs: (n - 1) * 1000,
    status: 503,
    latencyMs: 5,
    ok: false,
    reason: 'status' as const,
    detail: 'HTTP 503, expected 200-299',
  })),
};

/** A fake Fly: deploys set what status reports next; the probe answers from a list. */
function fakeFly(options: {
  releases?: unknown[];
  version?: number;
  /** Machines before the deploy (default: one on v4, img:4). */
  machines?: unknown[];
  /** After the first deploy, status and/or releases fail (an older or flaky flyctl). */
  failAfterDeploy?: { status?: boolean; releases?: boolean };
  /** After a deploy, status still reports the version from before (lagging API). */
  statusLags?: boolean;
  deploys: (
    | { ok: true; version: number; image: string; emit?: boolean; machines?: unknown[] }
    | { ok: false; exitCode: number; message: string; machines?: unknown[] }
  )[];
  /** What the release serving before the deploy answers (default healthy). */
  servingProbe?: ProbeResult;
  /** The verification window's results, in order. */
  windows?: WindowResult[];
  probes: ProbeResult[];
}) {
  let current: AppStatus = parseStatus(
    pretty(
      status(
        options.version ?? 4,
        options.machines ?? [machine({ version: options.version ?? 4, image: 'img:4' })],
      ),
    ),
  );
  const requests: DeployRequest[] = [];
  const staged: string[] = [];
  const warnings: string[] = [];
  const probed: { phase: 'before' | 'after'; policy: RetryPolicy; url: string }[] = [];
  let clock = 0;
  const ports: DeployPorts = {
    now: () => clock,
    sleep: async (ms) => void (clock += ms),
    status: async () => {
      if (requests.length > 0 && options.failAfterDeploy?.status)
        throw new Error('`flyctl status` failed (exit 1): Error: 502 Bad Gateway');
      return options.statusLags && requests.length > 0
        ? { ...current, version: options.version ?? 4 }
        : current;
    },
    releases: async () => {
      if (requests.length > 0 && options.failAfterDeploy?.releases)
        throw new Error('`flyctl releases` failed (exit 1): Error: 502 Bad Gateway');
      return parseReleases(
        pretty(options.releases ?? [release(4, 'complete', 'img:4'), release(3, 'complete', 'img:3')]),
      );
    },
    stageSecrets: async (_app, pairs) => void staged.push(...pairs.map((p) => p.name)),
    deploy: async (request) => {
      requests.push(request);
      clock += 5000;
      const next = options.deploys.shift();
      if (next && !next.ok && next.machines)
        current = parseStatus(pretty(status(current.version, next.machines)));
      if (!next || !next.ok)
        return {
          ok: false,
          durationMs: 5000,
          failure: {
            kind: 'error',
            exitCode: next?.exitCode ?? 1,
            message: next?.message ?? 'boom',
            transient: false,
          },
        };
      current = parseStatus(
        pretty(
          status(next.version, next.machines ?? [machine({ version: next.version, image: next.image })]),
        ),
      );
      return {
        ok: true,
        durationMs: 5000,
        ...(next.emit === false ? {} : { release: { id: 'r', version: next.version, imageRef: next.image } }),
      };
    },
    // Probes before any deploy are of the release serving then; the rest answer from the list.
    probe: async (spec, policy) => {
      const phase = requests.length === 0 ? 'before' : 'after';
      probed.push({ phase, policy, url: spec.url });
      return phase === 'before' ? (options.servingProbe ?? healthy) : (options.probes.shift() as ProbeResult);
    },
    sampleWindow: async () => options.windows?.shift() as WindowResult,
    log: () => undefined,
    warn: (line) => void warnings.push(line),
  };
  return { ports, requests, staged, warnings, probed };
}

describe('the deploy flow', () => {
  it('deploys, verifies and probes; no rollback when healthy', async () => {
    const fly = fakeFly({ deploys: [{ ok: true, version: 5, image: 'img:5' }], probes: [healthy] });
    const report = await runDeployFlow(settings({ secrets: [{ name: 'A', value: 'x' }] }), fly.ports);
    expect(report.outcome).toBe('healthy');
    expect(report.previous).toEqual({ version: 4, imageRef: 'img:4' });
    expect(report.healthUrl).toBe('https://demo.fly.dev/health');
    expect(report.phases.map((p) => p.name)).toEqual([
      'record current release',
      'probe serving release',
      'stage secrets',
      'deploy',
      'verify rollout',
      'health check',
    ]);
    expect(fly.staged).toEqual(['A']);
    expect(fly.requests).toHaveLength(1);
    expect(deployOutputs(report)).toMatchObject({
      'release-version': '5',
      'image-ref': 'img:5',
      'previous-version': '4',
      healthy: 'true',
      'rolled-back': 'false',
      'deploy-seconds': '5.0',
      'health-attempts': '1',
      'health-latency-ms': '12',
    });
    expect(failureMessage(report)).toBeUndefined();
    expect(notificationText(report)).toContain('Release v5 is live at https://demo.fly.dev');
  });

  it('reads the release from status when flyctl prints no release JSON (older flyctl)', async () => {
    const fly = fakeFly({
      releases: [release(4, 'complete', 'img:4')],
      deploys: [{ ok: true, version: 5, image: 'img:5', emit: false }],
      probes: [healthy],
    });
    const report = await runDeployFlow(settings(), fly.ports);
    expect(report.outcome).toBe('healthy');
    expect(report.deploy.release?.version).toBe(5);
  });

  it('rolls back to the recorded image with a fast strategy and no release command', async () => {
    const fly = fakeFly({
      deploys: [
        { ok: true, version: 5, image: 'img:5' },
        { ok: true, version: 6, image: 'img:4' },
      ],
      probes: [sick, healthy],
    });
    const report = await runDeployFlow(settings(), fly.ports);
    expect(report.outcome).toBe('rolled-back');
    expect(fly.requests[1]).toMatchObject({
      image: 'img:4',
      strategy: 'immediate',
      skipReleaseCommand: true,
    });
    expect(failureMessage(report)).toBe(
      'Deploy of demo failed: release v5 is unhealthy after 3 attempt(s) over 2s (3× status); last: HTTP 503, expected 200-299 at https://demo.fly.dev/health. Rolled back to v4 (img:4) as release v6; it is healthy again at https://demo.fly.dev/health. The job fails because the new release did not go live.',
    );
    const md = summaryMarkdown(report);
    expect(md).toContain('### Rollback to v4 (img:4)');
    expect(md).toContain('| rollback health check |');
  });

  it('rolls back when machines never show the new release', async () => {
    const fly = fakeFly({
      deploys: [
        {
          ok: true,
          version: 5,
          image: 'img:5',
          machines: [
            machine({ id: 'a', version: 5, image: 'img:5' }),
            machine({ id: 'b', version: 4, image: 'img:4' }),
          ],
        },
        { ok: true, version: 6, image: 'img:4' },
      ],
      probes: [healthy],
    });
    const report = await runDeployFlow(settings(), fly.ports);
    expect(report.outcome).toBe('rolled-back');
    expect(report.deploy.story).toMatch(/release v5 did not roll out within 3s: machine b runs v4, not v5/);
    expect(summaryMarkdown(report)).toMatch(/\| b \| sin \| started \| v4 \|/);
  });

  it('does not roll back when told not to, and says what serves', async () => {
    const fly = fakeFly({
      deploys: [{ ok: false, exitCode: 1, message: 'smoke checks for a failed' }],
      probes: [],
    });
    const report = await runDeployFlow(settings({ rollback: false }), fly.ports);
    expect(report.outcome).toBe('failed');
    expect(failureMessage(report)).toMatch(
      /Nothing was rolled back: rollback is off \(rollback: false\)\. Now serving: 1 machine\(s\) on v4 \(img:4\) started/,
    );
    expect(fly.requests).toHaveLength(1);
  });

  it('reports a failed rollback with what serves now', async () => {
    const fly = fakeFly({
      deploys: [
        {
          ok: false,
          exitCode: 127,
          message: 'silent',
          machines: [machine({ id: 'a', version: 5, image: 'img:5' })],
        },
        { ok: false, exitCode: 1, message: 'could not find image "img:4"' },
      ],
      probes: [],
    });
    const report = await runDeployFlow(settings(), fly.ports);
    expect(report.outcome).toBe('rollback-failed');
    expect(failureMessage(report)).toMatch(
      /ROLLBACK FAILED: redeploying v4 \(img:4\) did not bring the app back: flyctl deploy failed \(exit 1\): could not find image "img:4"\. Now serving: 1 machine\(s\) on v5/,
    );
    expect(deployOutputs(report)).toMatchObject({
      'rolled-back': 'false',
      outcome: 'rollback-failed',
      'release-version': '',
    });
  });

  it('skips the rollback deploy when flyctl left the previous release serving and healthy', async () => {
    const fly = fakeFly({
      deploys: [{ ok: false, exitCode: 1, message: 'could not find image "img:9"' }],
      probes: [healthy],
    });
    const report = await runDeployFlow(settings({ image: 'img:9' }), fly.ports);
    expect(report.outcome).toBe('previous-kept');
    expect(fly.requests).toHaveLength(1);
    expect(report.phases.map((p) => p.name)).toEqual([
      'record current release',
      'probe serving release',
      'deploy',
      'check previous release',
    ]);
    expect(failureMessage(report)).toMatch(
      /could not find image "img:9"\. No rollback was needed: flyctl did not replace the serving release: every machine still runs v4/,
    );
    expect(deployOutputs(report)).toMatchObject({
      'rolled-back': 'false',
      outcome: 'previous-kept',
      healthy: 'false',
    });
  });

  it('rolls back anyway when the untouched previous release does not answer healthy', async () => {
    const fly = fakeFly({
      deploys: [
        { ok: false, exitCode: 1, message: 'boom' },
        { ok: true, version: 6, image: 'img:4' },
      ],
      probes: [sick, healthy],
    });
    const report = await runDeployFlow(settings(), fly.ports);
    expect(report.outcome).toBe('rolled-back');
    expect(fly.requests).toHaveLength(2);
  });

  it('needs a health URL when status has no hostname, before recording anything as done', async () => {
    const fly = fakeFly({ deploys: [], probes: [] });
    const lines: string[] = [];
    const ports = {
      ...fly.ports,
      log: (line: string) => void lines.push(line),
      status: async () => ({ ...(await fly.ports.status('demo')), hostname: '' }),
    };
    await expect(runDeployFlow(settings(), ports)).rejects.toThrow(
      /no Hostname for demo; set health-url to the URL to probe\. Nothing was deployed\./,
    );
    expect(lines).not.toContainEqual(expect.stringMatching(/^✔ record current release/));
    expect(fly.requests).toHaveLength(0);
  });
});

describe('the deploy flow when its own reading fails', () => {
  it('never rolls back because the new release could not be read: image check, then the probe decides', async () => {
    const fly = fakeFly({
      deploys: [{ ok: true, version: 5, image: 'img:5', emit: false }],
      failAfterDeploy: { releases: true },
      statusLags: true,
      probes: [healthy],
    });
    const report = await runDeployFlow(settings({ image: 'img:5' }), fly.ports);
    expect(report.outcome).toBe('healthy');
    expect(fly.requests).toHaveLength(1);
    expect(report.deploy.release).toEqual({ imageRef: 'img:5' });
    expect(report.deploy.rolloutUnverified).toMatch(
      /no release JSON.*flyctl status still reports v4; flyctl releases failed/,
    );
    const rollout = report.phases.find((p) => p.name === 'verify rollout');
    expect(rollout).toMatchObject({ ok: true, warning: true });
    expect(rollout?.detail).toMatch(
      /^1 machine\(s\) started, checks passing; which release they run is unverified/,
    );
    expect(fly.warnings).toEqual([
      expect.stringMatching(/rollout of the new release \(version unread\) is unverified/),
    ]);
    expect(deployOutputs(report)).toMatchObject({
      'release-version': '',
      'image-ref': 'img:5',
      healthy: 'true',
    });
    expect(summaryMarkdown(report)).toMatch(/Rollout unverified: flyctl printed no release JSON/);
    expect(summaryMarkdown(report)).toContain('| verify rollout |');
    expect(deploymentStatus(report).description).toBe('New release healthy');
  });

  it('still fails a release whose machines are not healthy, version unread or not', async () => {
    const fly = fakeFly({
      deploys: [
        {
          ok: true,
          version: 5,
          image: 'img:5',
          emit: false,
          machines: [machine({ version: 5, image: 'img:5', checks: [{ name: 'http', status: 'critical' }] })],
        },
        { ok: true, version: 6, image: 'img:4' },
      ],
      failAfterDeploy: { status: false, releases: true },
      statusLags: true,
      probes: [healthy],
    });
    const report = await runDeployFlow(settings(), fly.ports);
    expect(report.deploy.story).toMatch(
      /^the new release \(version unread\) did not roll out within 3s: machine .* check http is critical/,
    );
    expect(report.outcome).toBe('rolled-back');
  });

  it('takes the newest release from releases when status fails and flyctl printed no JSON', async () => {
    const fly = fakeFly({
      releases: [release(5, 'complete', 'img:5'), release(4, 'complete', 'img:4')],
      deploys: [{ ok: true, version: 5, image: 'img:5', emit: false }],
      probes: [healthy],
    });
    let calls = 0;
    const ports: DeployPorts = {
      ...fly.ports,
      // The first read is the record; the next one (right after the deploy) fails; later ones work.
      status: async (app) => {
        calls++;
        if (calls === 2) throw new Error('`flyctl status` failed (exit 1): timeout');
        return fly.ports.status(app);
      },
    };
    const report = await runDeployFlow(settings(), ports);
    expect(report.deploy.release).toEqual({ version: 5, imageRef: 'img:5' });
    expect(report.outcome).toBe('healthy');
    expect(report.deploy.rolloutUnverified).toBeUndefined();
  });

  it('leaves the rollout unverified, not failed, when flyctl status never answers', async () => {
    const fly = fakeFly({
      deploys: [{ ok: true, version: 5, image: 'img:5' }],
      failAfterDeploy: { status: true },
      probes: [healthy],
    });
    const report = await runDeployFlow(settings(), fly.ports);
    expect(report.outcome).toBe('healthy');
    expect(report.deploy.release).toEqual({ version: 5, imageRef: 'img:5' });
    expect(report.deploy.rolloutUnverified).toMatch(/^flyctl status failed: .*502 Bad Gateway/);
    expect(summaryMarkdown(report)).not.toContain('| machine | region |');
  });
});

describe('when there is no release to roll back to', () => {
  const crash = { ok: false as const, exitCode: 1, message: 'smoke checks for a failed' };

  it('says a first deploy is a first deploy', async () => {
    const fly = fakeFly({ version: 0, machines: [], releases: [], deploys: [crash], probes: [] });
    const report = await runDeployFlow(settings(), fly.ports);
    expect(report.outcome).toBe('failed');
    expect('noRollback' in report && report.noRollback).toBe(
      'this was the first deploy of the app: there is no earlier release to roll back to',
    );
    expect(report.phases[0]?.detail).toBe('noRollback' in report && report.noRollback);
  });

  it('says when no release ever completed', async () => {
    const fly = fakeFly({
      version: 0,
      machines: [],
      releases: [release(2, 'failed', 'img:2'), release(1, 'failed', 'img:1')],
      deploys: [crash],
      probes: [],
    });
    const report = await runDeployFlow(settings(), fly.ports);
    expect('noRollback' in report && report.noRollback).toBe(
      'no release of the app has completed yet (flyctl lists 2 release(s) (status: failed)): there is no earlier release to roll back to',
    );
  });

  it('rolls back to the image the machines run when releases list no complete release with an image', async () => {
    const fly = fakeFly({
      version: 30,
      machines: [
        machine({ id: 'a', version: 30, image: 'img:30' }),
        machine({ id: 'b', version: 30, image: 'img:30' }),
      ],
      releases: [release(31, 'failed', 'img:31'), release(30, 'succeeded', 'img:30')],
      deploys: [crash, { ok: true, version: 32, image: 'img:30' }],
      probes: [sick, healthy],
    });
    const report = await runDeployFlow(settings(), fly.ports);
    expect(report.previous).toEqual({ version: 30, imageRef: 'img:30' });
    expect(report.previousSource).toBe('machines');
    expect(report.phases[0]).toMatchObject({ ok: true, warning: true });
    expect(report.phases[0]?.detail).toMatch(/^v30 \(img:30\): from the machines/);
    expect(report.outcome).toBe('rolled-back');
    expect(fly.requests[1]).toMatchObject({ image: 'img:30', skipReleaseCommand: true });
    expect(summaryMarkdown(report)).toContain(
      '(from the machines: flyctl releases lists no complete release with an image)',
    );
  });

  it('says why when the releases list has no complete release and the machines disagree', async () => {
    const fly = fakeFly({
      version: 30,
      machines: [
        machine({ id: 'a', version: 30, image: 'img:30' }),
        machine({ id: 'b', version: 29, image: 'img:29' }),
      ],
      releases: [release(31, 'failed', 'img:31'), release(30, 'deployed', '')],
      deploys: [crash],
      probes: [],
    });
    const report = await runDeployFlow(settings(), fly.ports);
    expect(report.outcome).toBe('failed');
    expect('noRollback' in report && report.noRollback).toBe(
      'flyctl releases lists no complete release with an image among its 2 release(s) (status: failed, deployed) (current release v30) and the machines run 2 different images: there is no known image to roll back to',
    );
    expect(failureMessage(report)).not.toMatch(/first deploy/);
  });
});

describe('secrets staged by a run that did not deploy them', () => {
  const secrets = [
    { name: 'API_KEY', value: 'zz-secret-value-zz' },
    { name: 'DB_URL', value: 'postgres://u:pw@db/x' },
  ];

  it('are named, with the fix, when flyctl left the previous release serving', async () => {
    const fly = fakeFly({
      deploys: [{ ok: false, exitCode: 1, message: 'could not find image "img:9"' }],
      probes: [healthy],
    });
    const report = await runDeployFlow(settings({ image: 'img:9', secrets }), fly.ports);
    expect(report.outcome).toBe('previous-kept');
    const message = failureMessage(report) ?? '';
    expect(message).toContain(
      'The secrets this run staged (API_KEY, DB_URL) are still staged on Fly: the next deploy or machine restart of demo puts them live.',
    );
    expect(message).toContain('`flyctl secrets unset --stage --app demo API_KEY DB_URL`');
    const md = summaryMarkdown(report);
    expect(md).toContain('still staged on Fly');
    for (const text of [message, md, notificationText(report)])
      for (const s of secrets) expect(text).not.toContain(s.value);
  });

  it('may be staged when the deploy failed with rollback off', async () => {
    const fly = fakeFly({ deploys: [{ ok: false, exitCode: 1, message: 'boom' }], probes: [] });
    const report = await runDeployFlow(settings({ rollback: false, secrets }), fly.ports);
    expect(failureMessage(report)).toContain('(API_KEY, DB_URL) may still be staged on Fly');
  });

  it('go live with the previous image when a rollback deploy runs', async () => {
    const fly = fakeFly({
      deploys: [
        { ok: true, version: 5, image: 'img:5' },
        { ok: true, version: 6, image: 'img:4' },
      ],
      probes: [sick, healthy],
    });
    const report = await runDeployFlow(settings({ secrets }), fly.ports);
    expect(report.outcome).toBe('rolled-back');
    expect(report.secretsLeftStaged).toBeUndefined();
    expect(failureMessage(report)).toContain(
      'the ones this run staged (API_KEY, DB_URL) are live with the previous image',
    );
  });

  it('may be staged when staging itself failed', async () => {
    const fly = fakeFly({ deploys: [], probes: [] });
    const ports: DeployPorts = {
      ...fly.ports,
      stageSecrets: async () => {
        throw new Error('`flyctl secrets import --app demo --stage` failed (exit 1): Error: 500');
      },
    };
    await expect(runDeployFlow(settings({ secrets }), ports)).rejects.toThrow(
      /Nothing was deployed\. Some of API_KEY, DB_URL may be staged on Fly: check `flyctl secrets list --app demo`/,
    );
  });
});

describe('GitHub Deployment statuses', () => {
  it('map each outcome to a state and a description', async () => {
    const healthyRun = await runDeployFlow(
      settings(),
      fakeFly({ deploys: [{ ok: true, version: 5, image: 'img:5' }], probes: [healthy] }).ports,
    );
    expect(deploymentStatus(healthyRun)).toEqual({ state: 'success', description: 'Release v5 healthy' });
    const rolled = await runDeployFlow(
      settings(),
      fakeFly({
        deploys: [
          { ok: true, version: 5, image: 'img:5' },
          { ok: true, version: 6, image: 'img:4' },
        ],
        probes: [sick, healthy],
      }).ports,
    );
    expect(deploymentStatus(rolled)).toEqual({ state: 'failure', description: 'Failed; rolled back to v4' });
    if (rolled.outcome !== 'rolled-back') throw new Error('expected a rollback');
    expect(deploymentStatus({ ...rolled, outcome: 'rollback-failed' }).state).toBe('error');
    expect(deploymentStatus({ ...rolled, outcome: 'previous-kept', noRollback: 'kept' })).toEqual({
      state: 'failure',
      description: 'Failed; v4 still serving',
    });
    expect(deploymentStatus(undefined, 'no token')).toEqual({
      state: 'error',
      description: 'Deploy did not start: no token',
    });
  });
});

describe('deploy inputs', () => {
  it('pass --strategy and --wait-timeout only when set, so fly.toml decides otherwise', () => {
    expect(deployArgs({ app: 'demo' })).toEqual(['deploy', '--app', 'demo', '--yes']);
    expect(deployArgs({ app: 'demo', strategy: 'canary', waitTimeout: '10m' })).toEqual([
      'deploy',
      '--app',
      'demo',
      '--strategy',
      'canary',
      '--wait-timeout',
      '10m',
      '--yes',
    ]);
  });

  it('parse the wait timeout in flyctl forms, empty meaning unset', () => {
    expect(parseWaitTimeout('wait-timeout', '')).toBeUndefined();
    for (const ok of ['5m', '180', 'none', '1h30m']) expect(parseWaitTimeout('wait-timeout', ok)).toBe(ok);
    expect(() => parseWaitTimeout('wait-timeout', '5 minutes')).toThrow(
      /wait-timeout.*"5 minutes" is not a wait timeout/,
    );
  });

  it('check the app name and the probe method, with a message that matches the check', () => {
    expect(parseAppName('app', ' nuzantara-rag ')).toBe('nuzantara-rag');
    expect(() => parseAppName('app', 'Nuzantara_RAG')).toThrow(/not a Fly app name/);
    expect(parseProbeMethod('health-method', 'head')).toBe('HEAD');
    expect(parseProbeMethod('health-method', '')).toBe('GET');
    expect(() => parseProbeMethod('health-method', 'DELETE')).toThrow(
      /"DELETE" is not a probe method.*Use GET, HEAD or POST\./,
    );
  });

  it('know which flyctl prints the release JSON', () => {
    expect(predatesReleaseJson('0.4.55')).toBe(true);
    expect(predatesReleaseJson('v0.3.99')).toBe(true);
    expect(predatesReleaseJson('0.4.56')).toBe(false);
    expect(predatesReleaseJson('0.4.87')).toBe(false);
    expect(predatesReleaseJson('1.0.0')).toBe(false);
  });
});

describe('the probe of the release serving before the deploy', () => {
  const secrets = [{ name: 'API_KEY', value: 'zz-secret-value-zz' }];

  it('stops before changing anything when the serving release fails the same health check', async () => {
    const fly = fakeFly({
      servingProbe: sick,
      deploys: [{ ok: true, version: 5, image: 'img:5' }],
      probes: [],
    });
    const report = await runDeployFlow(settings({ secrets }), fly.ports);
    expect(report.outcome).toBe('not-deployed');
    expect(fly.requests).toHaveLength(0);
    expect(fly.staged).toEqual([]);
    expect(fly.probed).toEqual([
      { phase: 'before', policy: SERVING_PROBE_POLICY, url: 'https://demo.fly.dev/health' },
    ]);
    expect(report.phases.map((p) => [p.name, p.ok])).toEqual([
      ['record current release', true],
      ['probe serving release', false],
    ]);
    expect(failureMessage(report)).toBe(
      'Deploy of demo stopped before deploying: the health check fails against the release serving now (v4): it is unhealthy after 3 attempt(s) over 2s (3× status); last: HTTP 503, expected 200-299 at https://demo.fly.dev/health. The health URL or expectations are misconfigured, or production is already down. Nothing was deployed; set deploy-when-unhealthy: true to deploy anyway (the fix for an outage).',
    );
    expect(deployOutputs(report)).toMatchObject({
      outcome: 'not-deployed',
      healthy: 'false',
      'rolled-back': 'false',
      'release-version': '',
      'previous-version': '4',
      'health-attempts': '0',
    });
    expect(deploymentStatus(report)).toEqual({
      state: 'failure',
      description: 'Not deployed: the health check fails against v4',
    });
    const md = summaryMarkdown(report);
    expect(md).toContain('🛑 not deployed');
    expect(md).toContain('### Release serving before (v4)');
    expect(md).toMatch(/\| probe serving release \|.*✘ v4 is unhealthy after 3 attempt/);
    expect(md).not.toContain('### New release');
    expect(notificationText(report)).toContain('stopped before deploying');
  });

  it('is skipped on a first deploy, when nothing serves yet', async () => {
    const fly = fakeFly({
      version: 0,
      machines: [],
      releases: [],
      servingProbe: sick,
      deploys: [{ ok: true, version: 1, image: 'img:1' }],
      probes: [healthy],
    });
    const report = await runDeployFlow(settings(), fly.ports);
    expect(report.outcome).toBe('healthy');
    expect(fly.probed.map((p) => p.phase)).toEqual(['after']);
    expect(report.phases.map((p) => p.name)).not.toContain('probe serving release');
    expect(report.servingProbe).toBeUndefined();
  });

  it('deploys anyway when told to, and does not roll back to the release that failed the same probe', async () => {
    const fly = fakeFly({
      servingProbe: sick,
      deploys: [
        { ok: true, version: 5, image: 'img:5' },
        { ok: true, version: 6, image: 'img:4' },
      ],
      probes: [sick, healthy],
    });
    const report = await runDeployFlow(settings({ deployWhenUnhealthy: true }), fly.ports);
    expect(report.outcome).toBe('failed');
    expect(fly.requests).toHaveLength(1);
    expect(report.phases.find((p) => p.name === 'probe serving release')).toMatchObject({
      ok: true,
      warning: true,
    });
    expect(fly.warnings).toContainEqual(
      expect.stringMatching(/deploying anyway \(deploy-when-unhealthy: true\)/),
    );
    expect(failureMessage(report)).toMatch(
      /Nothing was rolled back: v4, the release serving before, failed the same health check before this deploy \(unhealthy after 3 attempt\(s\).*\), so a rollback to it cannot help: release v5 stays\. Now serving: 1 machine\(s\) on v5/,
    );
    expect(summaryMarkdown(report)).toContain('deployed anyway (`deploy-when-unhealthy: true`)');
  });

  it('deploys anyway and it heals: healthy, with the earlier failure on record', async () => {
    const fly = fakeFly({
      servingProbe: sick,
      deploys: [{ ok: true, version: 5, image: 'img:5' }],
      probes: [healthy],
    });
    const report = await runDeployFlow(settings({ deployWhenUnhealthy: true }), fly.ports);
    expect(report.outcome).toBe('healthy');
    expect(report.servingProbe).toMatchObject({ version: 4, deployedAnyway: true });
  });

  it('still rolls back when flyctl itself failed, and calls the rollback done when it fails the probe as before', async () => {
    const fly = fakeFly({
      servingProbe: sick,
      deploys: [
        {
          ok: false,
          exitCode: 1,
          message: 'smoke checks for a failed',
          machines: [machine({ id: 'a', version: 5, image: 'img:5' })],
        },
        { ok: true, version: 6, image: 'img:4' },
      ],
      probes: [sick],
    });
    const report = await runDeployFlow(settings({ deployWhenUnhealthy: true }), fly.ports);
    expect(fly.requests.map((r) => r.image)).toEqual([undefined, 'img:4']);
    expect(report.outcome).toBe('rolled-back');
    if (report.outcome !== 'rolled-back') throw new Error('expected a rollback');
    expect(report.rollback.unhealthyAsBefore).toBe(true);
    expect(failureMessage(report)).toMatch(
      /Rolled back to v4 \(img:4\) as release v6; like before this run, it fails the health check at https:\/\/demo\.fly\.dev\/health/,
    );
  });

  it('keeps the untouched previous release without probing it again when it failed the probe before', async () => {
    const fly = fakeFly({
      servingProbe: sick,
      deploys: [{ ok: false, exitCode: 1, message: 'could not find image "img:9"' }],
      probes: [],
    });
    const report = await runDeployFlow(settings({ image: 'img:9', deployWhenUnhealthy: true }), fly.ports);
    expect(report.outcome).toBe('previous-kept');
    expect(fly.probed.map((p) => p.phase)).toEqual(['before']);
    expect(failureMessage(report)).toMatch(
      /every machine still runs v4 with checks passing \(it failed the health check at https:\/\/demo\.fly\.dev\/health before this run, as it does now\)/,
    );
  });

  it('rolls back to an older release than the one that failed the probe: that one may pass', async () => {
    const fly = fakeFly({
      releases: [release(4, 'failed', 'img:4'), release(3, 'complete', 'img:3')],
      servingProbe: sick,
      deploys: [
        { ok: true, version: 5, image: 'img:5' },
        { ok: true, version: 6, image: 'img:3' },
      ],
      probes: [sick, healthy],
    });
    const report = await runDeployFlow(settings({ deployWhenUnhealthy: true }), fly.ports);
    expect(report.previous).toEqual({ version: 3, imageRef: 'img:3' });
    expect(report.outcome).toBe('rolled-back');
    expect(fly.requests[1]).toMatchObject({ image: 'img:3' });
  });
});

describe('the health URL', () => {
  it("takes the path of the deploy's fly.toml check on the app's hostname, and says so", async () => {
    const fly = fakeFly({ deploys: [{ ok: true, version: 5, image: 'img:5' }], probes: [healthy] });
    const lines: string[] = [];
    const report = await runDeployFlow(
      settings({ healthPath: { path: '/ready', source: 'http_service.checks[0] in fly.toml' } }),
      { ...fly.ports, log: (line) => void lines.push(line) },
    );
    expect(report.healthUrl).toBe('https://demo.fly.dev/ready');
    expect(fly.probed.map((p) => p.url)).toEqual([
      'https://demo.fly.dev/ready',
      'https://demo.fly.dev/ready',
    ]);
    expect(lines).toContain('health URL: https://demo.fly.dev/ready (http_service.checks[0] in fly.toml)');
    expect(summaryMarkdown(report)).toContain(
      'health URL: `https://demo.fly.dev/ready` (http_service.checks[0] in fly.toml)',
    );
  });

  it('prefers health-url, and falls back to /health', () => {
    const base = settings({ healthPath: { path: '/ready', source: 'x' } });
    expect(healthTarget({ ...base, healthUrl: 'https://example.com/up' }, 'demo.fly.dev')).toEqual({
      url: 'https://example.com/up',
      source: 'health-url',
    });
    expect(healthTarget(settings(), 'demo.fly.dev')).toEqual({
      url: 'https://demo.fly.dev/health',
      source: 'the default /health',
    });
  });
});

describe('the verification window', () => {
  const windowSettings = { windowMs: 5000, intervalMs: 1000, maxErrorRate: 10, maxP95Ms: 500 };
  const sample = (n: number, ok: boolean, latencyMs = 20) => ({
    attempt: n,
    startedAt: n * 1000,
    offsetMs: (n - 1) * 1000,
    ...(ok ? { status: 200 } : { status: 503 }),
    latencyMs,
    ok,
    reason: ok ? ('ok' as const) : ('status' as const),
    detail: ok ? 'HTTP 200' : 'HTTP 503, expected 200-299',
  });
  const window = (oks: boolean[], latency = 20) =>
    judgeWindow(
      'https://demo.fly.dev/health',
      windowSettings,
      5,
      oks.map((ok, i) => sample(i + 1, ok, latency)),
      5000,
    );

  it('passes: healthy, with the figures in the outputs and the summary', async () => {
    const fly = fakeFly({
      deploys: [{ ok: true, version: 5, image: 'img:5' }],
      probes: [healthy],
      windows: [window([true, true, true, true, true])],
    });
    const report = await runDeployFlow(settings({ window: windowSettings }), fly.ports);
    expect(report.outcome).toBe('healthy');
    expect(report.phases.map((p) => p.name).slice(-2)).toEqual(['health check', 'verification window']);
    expect(deployOutputs(report)).toMatchObject({
      'verify-samples': '5',
      'verify-error-rate': '0',
      'verify-p50-ms': '20',
      'verify-p95-ms': '20',
    });
    expect(summaryMarkdown(report)).toContain(
      '| 5 | 0 | 0% | 20ms | 20ms | 20ms | error rate ≤ 10%, p95 ≤ 500ms |',
    );
  });

  it('fails on the error rate and rolls back, without a window for the rollback', async () => {
    let windows = 0;
    const fly = fakeFly({
      deploys: [
        { ok: true, version: 5, image: 'img:5' },
        { ok: true, version: 6, image: 'img:4' },
      ],
      probes: [healthy, healthy],
      windows: [window([true, true, false, false, true])],
    });
    const ports: DeployPorts = {
      ...fly.ports,
      sampleWindow: (spec, w) => (windows++, fly.ports.sampleWindow?.(spec, w) as Promise<WindowResult>),
    };
    const report = await runDeployFlow(settings({ window: windowSettings }), ports);
    expect(report.outcome).toBe('rolled-back');
    expect(windows).toBe(1);
    expect(report.deploy.story).toBe(
      'release v5 turned healthy, then failed the verification window at https://demo.fly.dev/health: error rate 40% (2 of 5) is over the limit of 10%',
    );
    expect(report.phases.find((p) => p.name === 'verification window')).toMatchObject({ ok: false });
    expect(report.phases.filter((p) => p.name === 'verification window')).toHaveLength(1);
    expect(report.phases.at(-1)?.name).toBe('rollback health check');
    expect(deployOutputs(report)).toMatchObject({ 'verify-samples': '5', 'verify-error-rate': '40' });
    const md = summaryMarkdown(report);
    expect(md).toContain('#### Verification window');
    expect(md).toContain('Failed samples: 2× status (last: HTTP 503, expected 200-299)');
  });

  it('fails on p95 latency', async () => {
    const fly = fakeFly({
      deploys: [
        { ok: true, version: 5, image: 'img:5' },
        { ok: true, version: 6, image: 'img:4' },
      ],
      probes: [healthy, healthy],
      windows: [window([true, true, true, true, true], 900)],
    });
    const report = await runDeployFlow(settings({ window: windowSettings }), fly.ports);
    expect(report.outcome).toBe('rolled-back');
    expect(report.deploy.story).toMatch(/p95 latency 900ms is over the limit of 500ms$/);
  });

  it('is not run when the health check fails, and its outputs stay empty', async () => {
    const fly = fakeFly({
      deploys: [
        { ok: true, version: 5, image: 'img:5' },
        { ok: true, version: 6, image: 'img:4' },
      ],
      probes: [sick, healthy],
      windows: [],
    });
    const report = await runDeployFlow(settings({ window: windowSettings }), fly.ports);
    expect(report.phases.map((p) => p.name)).not.toContain('verification window');
    expect(deployOutputs(report)).toMatchObject({ 'verify-samples': '', 'verify-p95-ms': '' });
  });
});
