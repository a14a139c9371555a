import { describe, expect, it } from '@jest/globals';
import { runDeployFlow, type DeployPorts, type DeploySettings } from '../../src/domain/deploy/flow.js';
import {
  deployOutputs,
  failureMessage,
  notificationText,
  summaryMarkdown,
} from '../../src/domain/deploy/report.js';
import type { DeployRequest } from '../../src/domain/flyctl/deploy-args.js';
import { parseReleases, parseStatus, type AppStatus } from '../../src/domain/flyctl/shapes.js';
import type { ProbeResult } from '../../src/domain/probe/run.js';
import { DEFAULT_EXPECT_STATUS } from '../../src/domain/probe/spec.js';
import { machine, pretty, release, status } from '../flyctl/fixtures.js';

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
  deploys: (
    | { ok: true; version: number; image: string; emit?: boolean; machines?: unknown[] }
    | { ok: false; exitCode: number; message: string; machines?: unknown[] }
  )[];
  probes: ProbeResult[];
}) {
  let current: AppStatus = parseStatus(
    pretty(status(options.version ?? 4, [machine({ version: options.version ?? 4, image: 'img:4' })])),
  );
  const requests: DeployRequest[] = [];
  const staged: string[] = [];
  let clock = 0;
  const ports: DeployPorts = {
    now: () => clock,
    sleep: async (ms) => void (clock += ms),
    status: async () => current,
    releases: async () =>
      parseReleases(
        pretty(options.releases ?? [release(4, 'complete', 'img:4'), release(3, 'complete', 'img:3')]),
      ),
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
    probe: async () => options.probes.shift() as ProbeResult,
    log: () => undefined,
  };
  return { ports, requests, staged };
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

  it('needs a health URL when status has no hostname', async () => {
    const fly = fakeFly({ deploys: [], probes: [] });
    const ports = {
      ...fly.ports,
      status: async () => ({ ...(await fly.ports.status('demo')), hostname: '' }),
    };
    await expect(runDeployFlow(settings(), ports)).rejects.toThrow(/set health-url/);
    expect(fly.requests).toHaveLength(0);
  });
});
