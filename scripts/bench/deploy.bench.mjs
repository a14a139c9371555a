// fly-deploy-with-health against the local Fly stand-in (machines are real loopback processes):
// 1. time from the service turning healthy (first 200 at the app's front door, seen by a 20 ms poller in
//    this process) to the action finishing, for the fixed and adaptive probe schedules, against a minimal
//    poller process started at the same point (the floor for "notice and exit");
// 2. the action's own overhead outside flyctl and configured waits: its wall time minus a direct replay
//    of the exact flyctl commands it ran (same argv, same order) plus one health request.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { median, ratio } from './lib.mjs';

export const title = 'fly-deploy-with-health: healthy → finished, and overhead outside flyctl (stand-in)';
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = join(root, 'dist', 'fly-deploy-with-health', 'index.js');
const standin = join(root, 'test', 'stand-in', 'bin', 'flyctl');
const RUNS = Number(process.env.BENCH_DEPLOY_RUNS ?? 3);
const READY_AFTER_MS = 2500;

const state = mkdtempSync(join(tmpdir(), 'bench-deploy-'));
const project = mkdtempSync(join(tmpdir(), 'bench-deploy-project-'));
writeFileSync(join(project, 'fly.toml'), '[http_service]\n  internal_port = 8080\n');
const flyEnv = {
  PATH: [join(root, 'test', 'stand-in', 'bin'), dirname(process.execPath), process.env.PATH].join(':'),
  FLY_STANDIN_STATE: state,
  FLY_STANDIN_TIME_SCALE: '0.02',
  FLY_STANDIN_OWNER_PID: String(process.pid),
  FLY_API_TOKEN: 'FlyV1 fm2_bench-token',
};

const fly = (args) => {
  const r = spawnSync(process.execPath, [standin, ...args], {
    env: { ...process.env, ...flyEnv },
    cwd: project,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`stand-in ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
};

const defaults = Object.fromEntries(
  Object.entries(
    parseYaml(readFileSync(join(root, 'actions', 'fly-deploy-with-health', 'action.yml'), 'utf8')).inputs,
  )
    .filter(([, spec]) => spec.default !== undefined)
    .map(([name, spec]) => [name, String(spec.default).replace(/\$\{\{[^}]*\}\}/g, '')]),
);

/** Runs the bundle as the runner does; resolves with its exit time. */
function runAction(inputs) {
  const work = mkdtempSync(join(tmpdir(), 'bench-run-'));
  const env = {
    ...flyEnv,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: join(work, 'out'),
    GITHUB_STEP_SUMMARY: join(work, 'sum'),
    RUNNER_TEMP: work,
    GITHUB_REPOSITORY: 'nuzantara/example',
  };
  writeFileSync(env.GITHUB_OUTPUT, '');
  writeFileSync(env.GITHUB_STEP_SUMMARY, '');
  for (const [k, v] of Object.entries({ ...defaults, ...inputs })) env[`INPUT_${k.toUpperCase()}`] = v;
  const started = performance.now();
  const child = spawn(process.execPath, [bundle], { env, cwd: project, stdio: 'ignore' });
  return new Promise((done) =>
    child.on('close', (code) => {
      const output = readFileSync(env.GITHUB_OUTPUT, 'utf8');
      rmSync(work, { recursive: true, force: true });
      done({ code, started, finished: performance.now(), output });
    }),
  );
}

/** Polls url every 20 ms until it answers 200; resolves with that moment. */
async function firstHealthy(url, until) {
  for (;;) {
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(500) });
      await r.arrayBuffer();
      if (r.status === 200) return performance.now();
    } catch {
      // not up yet
    }
    if (performance.now() > until) return undefined;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const POLLER = `const url=process.argv[1];(async()=>{for(;;){try{const r=await fetch(url);await r.arrayBuffer();if(r.status===200)process.exit(0)}catch{}await new Promise(r=>setTimeout(r,50))}})()`;

let appCount = 0;
function freshApp() {
  const name = `bench-${++appCount}`;
  fly(['standin', 'app', name, '--image', 'registry.fly.io/bench:v1', '--machines', '1']);
  return { name, url: fly(['standin', 'url', name]) };
}

async function healthyToFinish(schedule) {
  const { name, url } = freshApp();
  const t0 = performance.now();
  const healthy = firstHealthyAfterDeploy(url, t0);
  const run = await runAction({
    app: name,
    image: 'registry.fly.io/bench:slow',
    strategy: 'immediate',
    'health-url': `${url}/health`,
    'health-retries': '10',
    'health-interval': '10s',
    'health-timeout': '2s',
    'health-schedule': schedule,
  });
  const at = await healthy;
  if (run.code !== 0 || at === undefined) throw new Error(`${schedule} run failed (exit ${run.code})`);
  return run.finished - at;
}

/** Waits until the front door serves release v2 (the deploy completed), then for its first 200. */
async function firstHealthyAfterDeploy(url, t0) {
  for (;;) {
    try {
      const r = await fetch(`${url}/`, { signal: AbortSignal.timeout(500) });
      const release = r.headers.get('x-standin-release');
      await r.arrayBuffer();
      if (release === '2') break;
    } catch {
      // proxy busy
    }
    if (performance.now() - t0 > 60_000) return undefined;
    await new Promise((r) => setTimeout(r, 20));
  }
  return firstHealthy(`${url}/health`, t0 + 60_000);
}

async function pollerBaseline() {
  const { name, url } = freshApp();
  fly(['deploy', '--app', name, '--image', 'registry.fly.io/bench:slow', '--strategy', 'immediate', '--yes']);
  const started = performance.now();
  const healthy = firstHealthy(`${url}/health`, started + 60_000);
  const child = spawn(process.execPath, ['-e', POLLER, `${url}/health`], { stdio: 'ignore' });
  const finished = await new Promise((done) => child.on('close', () => done(performance.now())));
  return finished - (await healthy);
}

async function overhead() {
  const { name, url } = freshApp();
  const before = readFileSync(join(state, 'invocations.jsonl'), 'utf8').split('\n').filter(Boolean).length;
  const run = await runAction({
    app: name,
    image: 'registry.fly.io/bench:v1',
    strategy: 'immediate',
    'health-url': `${url}/health`,
    'health-schedule': 'fixed',
  });
  if (run.code !== 0) throw new Error(`overhead run failed (exit ${run.code})`);
  const wall = run.finished - run.started;
  const calls = readFileSync(join(state, 'invocations.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(before)
    .map((l) => JSON.parse(l).argv);
  // Replay the same commands directly (a fresh app, so the deploy does the same work), plus one request.
  const replayApp = freshApp();
  const start = performance.now();
  for (const argv of calls) {
    const args = argv.map((a) => (a === name ? replayApp.name : a));
    spawnSync(process.execPath, [standin, ...args], {
      env: { ...process.env, ...flyEnv, FLY_EMIT_RELEASE_JSON: '1' },
      cwd: project,
      stdio: 'ignore',
    });
  }
  await (await fetch(`${replayApp.url}/health`)).arrayBuffer();
  const replay = performance.now() - start;
  return { wall, replay, calls: calls.length };
}

export default async function () {
  try {
    fly(['standin', 'image', 'registry.fly.io/bench:v1', '--behaviour', 'healthy']);
    fly([
      'standin',
      'image',
      'registry.fly.io/bench:slow',
      '--behaviour',
      'slow',
      '--ready-after',
      String(READY_AFTER_MS),
    ]);
    const results = { baseline: [], fixed: [], adaptive: [] };
    for (let i = 0; i < RUNS; i++) {
      results.baseline.push(await pollerBaseline());
      results.fixed.push(await healthyToFinish('fixed'));
      results.adaptive.push(await healthyToFinish('adaptive'));
    }
    const base = median(results.baseline);
    const rows = [
      {
        measure: 'healthy → finished: minimal 50 ms poller process (baseline)',
        'median ms': base.toFixed(0),
        ratio: '1.00x',
      },
      {
        measure: 'healthy → finished: action, fixed 10 × 10s (the seed)',
        'median ms': median(results.fixed).toFixed(0),
        ratio: ratio(median(results.fixed), base),
      },
      {
        measure: 'healthy → finished: action, adaptive (same budget)',
        'median ms': median(results.adaptive).toFixed(0),
        ratio: ratio(median(results.adaptive), base),
      },
    ];
    const over = [];
    for (let i = 0; i < RUNS; i++) over.push(await overhead());
    const wall = median(over.map((o) => o.wall));
    const replay = median(over.map((o) => o.replay));
    rows.push(
      {
        measure: `flyctl replay: same ${over[0].calls} commands run directly + 1 request (baseline)`,
        'median ms': replay.toFixed(0),
        ratio: '1.00x',
      },
      {
        measure: 'action wall time (healthy deploy, first probe passes)',
        'median ms': wall.toFixed(0),
        ratio: ratio(wall, replay),
      },
      {
        measure: 'action overhead outside flyctl and waits (wall − replay)',
        'median ms': (wall - replay).toFixed(0),
        ratio: '',
      },
    );
    return rows;
  } finally {
    spawnSync(process.execPath, [standin, 'standin', 'stop-all'], {
      env: { ...process.env, ...flyEnv },
      stdio: 'ignore',
    });
    rmSync(state, { recursive: true, force: true });
    rmSync(project, { recursive: true, force: true });
  }
}
