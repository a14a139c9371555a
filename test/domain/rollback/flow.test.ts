import { UserError } from '../../../src/domain/shared/errors.js';
import { describe, expect, it } from '@jest/globals';
import { Timeline } from '../../../src/domain/deploy/timeline.js';
import type { VerifyPorts } from '../../../src/domain/deploy/types.js';
import type { DeployRequest } from '../../../src/domain/flyctl/deploy-args.js';
import { parseReleases, parseStatus, type AppStatus } from '../../../src/domain/flyctl/shapes.js';
import type { ProbeResult } from '../../../src/domain/probe/run.js';
import { DEFAULT_EXPECT_STATUS } from '../../../src/domain/probe/spec.js';
import {
  isImageFetchFailure,
  readRollbackState,
  runRollback,
  type RollbackReport,
  type RollbackSettings,
} from '../../../src/domain/rollback/flow.js';
import { planRollback, rollbackCandidates } from '../../../src/domain/rollback/target.js';
import {
  rollbackFailureMessage,
  rollbackOutputs,
  rollbackRecord,
  rollbackStatus,
  rollbackSummary,
} from '../../../src/domain/rollback/report.js';
import { machine, pretty, release, status } from '../../support/flyctl-fixtures.js';

const img = (tag: string) => `registry.fly.io/demo:${tag}`;

const settings: RollbackSettings = {
  app: 'demo',
  strategy: 'immediate',
  skipReleaseCommand: true,
  probe: {
    method: 'GET',
    headers: {},
    expectStatus: DEFAULT_EXPECT_STATUS,
    timeoutMs: 1000,
    followRedirects: true,
    maxRedirects: 5,
  },
  retry: { mode: 'fixed', attempts: 2, intervalMs: 1000 },
  rolloutTimeoutMs: 3000,
  rolloutPollMs: 1000,
};

const probeResult = (healthy: boolean): ProbeResult => ({
  url: 'https://demo.fly.dev/health',
  healthy,
  durationMs: 10,
  ...(healthy ? { latencyMs: 10 } : {}),
  attempts: [
    {
      attempt: 1,
      startedAt: 0,
      offsetMs: 0,
      status: healthy ? 200 : 503,
      latencyMs: 10,
      ok: healthy,
      reason: healthy ? 'ok' : 'status',
      detail: healthy ? 'HTTP 200' : 'HTTP 503, expected 200-299',
    },
  ],
});

type Step =
  | { ok: true; version: number; image: string }
  | { ok: false; message: string; exitCode?: number; replaced?: { version: number; image: string } };

/** A fake Fly serving v3 (img v3) with releases v3, v2, v1; each deploy does what its step says. */
function fakeFly(steps: Step[], probes: boolean[], machines = [machine({ version: 3, image: img('v3') })]) {
  let current: AppStatus = parseStatus(pretty(status(3, machines)));
  const requests: DeployRequest[] = [];
  let clock = 0;
  const ports: VerifyPorts = {
    now: () => clock,
    sleep: async (ms) => void (clock += ms),
    status: async () => current,
    releases: async () =>
      parseReleases(
        pretty([
          release(3, 'complete', img('v3')),
          release(2, 'complete', img('v2')),
          release(1, 'complete', img('v1')),
        ]),
      ),
    deploy: async (request) => {
      requests.push(request);
      clock += 1000;
      const step = steps.shift();
      if (!step || !step.ok) {
        if (step?.replaced)
          current = parseStatus(
            pretty(status(3, [machine({ version: step.replaced.version, image: step.replaced.image })])),
          );
        return {
          ok: false,
          durationMs: 1000,
          failure: {
            kind: 'error',
            exitCode: step?.exitCode ?? 1,
            message: step?.message ?? 'boom',
            transient: false,
          },
        };
      }
      current = parseStatus(
        pretty(status(step.version, [machine({ version: step.version, image: step.image })])),
      );
      return {
        ok: true,
        durationMs: 1000,
        release: { id: 'r', version: step.version, imageRef: step.image },
      };
    },
    probe: async () => probeResult(probes.shift() ?? false),
    log: () => undefined,
  };
  return { ports, requests };
}

async function roll(steps: Step[], probes: boolean[], request = {}, machines?: ReturnType<typeof machine>[]) {
  const fly = fakeFly(steps, probes, machines);
  const timeline = new Timeline(fly.ports);
  const state = await readRollbackState(settings, fly.ports, timeline);
  const plan = planRollback(
    'demo',
    state.serving,
    rollbackCandidates(state.releases, state.serving),
    request,
  );
  const run = await runRollback(plan, state, settings, fly.ports, timeline);
  const report: RollbackReport = {
    app: 'demo',
    appUrl: state.appUrl,
    healthUrl: state.healthUrl,
    plan,
    drift: { checked: false, target: 'v2', reason: 'github-token is empty' },
    dryRun: false,
    phases: timeline.phases,
    run,
  };
  return { report, run, requests: fly.requests, phases: timeline.phases.map((p) => `${p.name}:${p.ok}`) };
}

const facts = {
  startedAt: new Date('2026-11-01T00:00:00Z'),
  finishedAt: new Date('2026-11-01T00:02:00Z'),
  config: { path: 'fly.toml', sha256: 'c'.repeat(64) },
  secrets: [{ name: 'API_KEY', digest: 'd1' }],
};

describe('the rollback flow', () => {
  it('deploys the target image with the deploy-and-verify of a deploy, and stops when it is healthy', async () => {
    const { run, requests, phases, report } = await roll(
      [{ ok: true, version: 4, image: img('v2') }],
      [true],
    );
    expect(run.outcome).toBe('healthy');
    expect(requests).toEqual([
      expect.objectContaining({
        app: 'demo',
        image: img('v2'),
        strategy: 'immediate',
        skipReleaseCommand: true,
      }),
    ]);
    expect(phases).toEqual([
      'record current release:true',
      'deploy:true',
      'verify rollout:true',
      'health check:true',
    ]);
    expect(rollbackOutputs(report, '/tmp/r.json')).toEqual({
      'from-version': '3',
      'to-version': '2',
      'image-ref': img('v2'),
      'release-version': '4',
      healthy: 'true',
      outcome: 'healthy',
      report: '/tmp/r.json',
    });
    expect(rollbackFailureMessage(report)).toBeUndefined();
    expect(rollbackStatus(report)).toEqual({
      state: 'success',
      description: 'Rolled back to v2 as v4, healthy',
    });
    expect(rollbackRecord(report, facts).nuzantara).toMatchObject({
      kind: 'rollback',
      release: 4,
      image: img('v2'),
      previousRelease: 3,
      outcome: 'healthy',
      rolledBackTo: 2,
      secrets: { API_KEY: 'd1' },
    });
  });

  it('keeps what serves when the image is gone, naming the releases that still have theirs', async () => {
    const message = `failed to fetch an image or build from source: could not find image "${img('v1')}"`;
    const { run, requests, report, phases } = await roll([{ ok: false, message }], [], { version: 1 });
    expect(isImageFetchFailure(message)).toBe(true);
    expect(run.outcome).toBe('previous-kept');
    expect(requests).toHaveLength(1);
    expect(phases.at(-1)).toBe('check previous release:true');
    expect(run.pruned).toEqual({
      image: img('v1'),
      kept: [{ version: 3, imageRef: img('v3') }],
      newer: [{ version: 2, imageRef: img('v2') }],
    });
    expect(rollbackFailureMessage(report)).toBe(
      "Rollback of demo to v1 (registry.fly.io/demo:v1) failed: its image registry.fly.io/demo:v1 is no longer in Fly's registry (flyctl could not find it), so nothing was deployed and v3 (registry.fly.io/demo:v3) still serves. flyctl cannot list which images Fly still keeps (docs/flyctl-contract.md §12); the only releases known to still have theirs are the images the app's machines run now, those of v3 (registry.fly.io/demo:v3). Releases deployed after v1 are likelier to still have theirs (Fly prunes images not deployed for a while): v2 (registry.fly.io/demo:v2); try version: 2. To bring v1's code back, rebuild its commit and deploy it with fly-deploy-with-health.",
    );
    expect(rollbackStatus(report).state).toBe('failure');
    expect(rollbackRecord(report, facts).nuzantara).toMatchObject({
      release: null,
      outcome: 'previous-kept',
      rolledBackTo: null,
    });
  });

  it('deploys the release that served before again when the target fails its health check', async () => {
    const { run, requests, phases, report } = await roll(
      [
        { ok: true, version: 4, image: img('v2') },
        { ok: true, version: 5, image: img('v3') },
      ],
      [false, true],
    );
    expect(run.outcome).toBe('rolled-back');
    expect(requests.map((r) => [r.image, r.skipReleaseCommand])).toEqual([
      [img('v2'), true],
      [img('v3'), true],
    ]);
    expect(phases.slice(1)).toEqual([
      'deploy:true',
      'verify rollout:true',
      'health check:false',
      'rollback deploy:true',
      'verify rollback rollout:true',
      'rollback health check:true',
    ]);
    expect(rollbackFailureMessage(report)).toMatch(
      /^Rollback of demo to v2 \(registry\.fly\.io\/demo:v2\) failed: release v4 is unhealthy .* v3 \(registry\.fly\.io\/demo:v3\), which served before, was deployed again as release v5 and is healthy at https:\/\/demo\.fly\.dev\/health/,
    );
    expect(rollbackRecord(report, facts).nuzantara).toMatchObject({
      release: 4,
      outcome: 'rolled-back',
      rolledBackTo: 3,
    });
  });

  it('restores after a deploy that failed part-way, and says loudly when the restore fails too', async () => {
    const { run, requests, report } = await roll(
      [
        { ok: false, exitCode: 127, message: 'cancelled', replaced: { version: 4, image: img('v2') } },
        { ok: false, message: 'lease currently held' },
      ],
      [],
    );
    expect(requests).toHaveLength(2);
    expect(run.outcome).toBe('rollback-failed');
    expect(run.servingNow).toBe('1 machine(s) on v4 (registry.fly.io/demo:v2) started, checks passing');
    expect(rollbackFailureMessage(report)).toMatch(
      /Now serving: 1 machine\(s\) on v4 .* Act now: check `flyctl status --app demo`/,
    );
    expect(rollbackStatus(report)).toEqual({
      state: 'error',
      description: 'Rollback to v2 failed, and so did restoring v3',
    });
    expect(rollbackSummary(report, 0)).toContain('> [!CAUTION]');
  });

  it('cannot restore when the image that served before is unknown', async () => {
    const mixed = [
      machine({ version: 3, image: img('x') }),
      machine({ id: 'b', version: 3, image: img('y') }),
    ];
    const fly = fakeFly(
      [{ ok: false, message: 'boom', replaced: { version: 4, image: img('v2') } }],
      [],
      mixed,
    );
    const timeline = new Timeline(fly.ports);
    const state = await readRollbackState(settings, fly.ports, timeline);
    // The releases list names v3's image, so the restore target is known; without it there is none.
    const unknown = { ...state, serving: { ...state.serving, imageRef: '' } };
    const plan = planRollback('demo', unknown.serving, rollbackCandidates(state.releases, unknown.serving), {
      version: 2,
    });
    const run = await runRollback(plan, unknown, settings, fly.ports, timeline);
    expect(run.outcome).toBe('failed');
    expect(run.noRestore).toBe(
      'the image v3 ran is unknown (the machines ran 2 different images), so it cannot be deployed again',
    );
    expect(fly.requests).toHaveLength(1);
  });

  it('stops before anything changes when flyctl cannot read the app, saying nothing changed', async () => {
    const fly = fakeFly([], []);
    fly.ports.status = async () => {
      // What the flyctl client throws: a UserError (FlyctlError).
      throw new UserError('`flyctl status` failed (exit 1): Could not find App "demo"');
    };
    await expect(readRollbackState(settings, fly.ports, new Timeline(fly.ports))).rejects.toThrow(
      '`flyctl status` failed (exit 1): Could not find App "demo". Nothing was changed.',
    );
  });

  it('lets a bug while reading the app stay a bug (not a UserError), so its stack can be shown', async () => {
    const fly = fakeFly([], []);
    fly.ports.status = async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'Version')");
    };
    const error = await readRollbackState(settings, fly.ports, new Timeline(fly.ports)).catch((e) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(UserError);
  });
});

describe('the rollback summary', () => {
  it('shows the releases considered, the choice and why, and keeps data from breaking the Markdown', async () => {
    const { report } = await roll([{ ok: true, version: 4, image: img('v2') }], [true]);
    const md = rollbackSummary(
      {
        ...report,
        drift: { checked: false, target: 'v2', reason: 'a | pipe <b>and</b> `ticks`\nnew line' },
      },
      Date.parse('2026-11-27T10:00:00Z'),
    );
    expect(md).toContain('## fly-rollback: demo ✅ rolled back and healthy');
    expect(md).toContain('**Why v2:** v2 is the newest complete release older than the serving v3');
    expect(md).toContain('| v3 | complete | 3h ago | `registry.fly.io/demo:v3` | ● serving now |');
    expect(md).toContain('| v2 | complete | 3h ago | `registry.fly.io/demo:v2` | → target |');
    expect(md).toContain('a \\| pipe &lt;b&gt;and&lt;/b&gt; \\`ticks\\`<br>new line');
    expect(md).toMatch(/\| 1 \|.*\| 200 \|.*\| ok \|/);
  });
});
