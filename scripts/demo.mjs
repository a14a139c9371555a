#!/usr/bin/env node
// The local demo (`npm run demo`): the deploy pipeline on this machine, against the Fly stand-in
// (test/stand-in) running the two reference apps as machines: the real backend (apps/backend-rag, Python)
// and frontend (apps/mouth, Node) as machine processes on loopback ports. No network, no Docker, no Fly
// account: FLY_API_TOKEN is a fake token the stand-in accepts.
//
// Steps, each through the real `nuzantara` CLI (dist/cli/index.js, --json parsed):
//   1. validate both fly.toml files (strict, policy error; the clean-git check off);
//   2. deploy both apps with health checks;
//   3. deploy a broken backend release (DATABASE_URL staged as a secret, pointing at a closed port, so its
//      /health answers 503 naming postgres) and watch it roll back by itself;
//   4. roll the frontend back by hand to its first release;
//   5. one monitoring pass over both apps.
// Then a short table and the total time. Every machine and proxy is stopped and the temp dir removed at the
// end, also on failure or Ctrl-C; the exit code is 1 when a step did not go as the demo expects.
//
// Flags: --verbose streams the CLI's own log lines; --time-scale <n> changes the stand-in's time scale.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './lib/free-port.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli', 'index.js');
const flyctl = join(root, 'test', 'stand-in', 'bin', 'flyctl');
const ragDir = join(root, 'apps', 'backend-rag');
const mouthDir = join(root, 'apps', 'mouth');
const PYTHON = '/usr/bin/python3';

const argv = process.argv.slice(2);
const verbose = argv.includes('--verbose');
const scaleAt = argv.indexOf('--time-scale');
// 0.01: fly.toml's 60s grace is 0.6s, the 5m wait timeout 3s, flyctl's 10s smoke window 0.1s.
const TIME_SCALE = scaleAt >= 0 ? Number(argv[scaleAt + 1]) : 0.01;
if (!(TIME_SCALE > 0 && TIME_SCALE <= 1)) {
  console.error('usage: node scripts/demo.mjs [--verbose] [--time-scale <0 < n <= 1>]');
  process.exit(2);
}
/** The longest any one command of the demo may run. */
const COMMAND_LIMIT_MS = 60_000;

const RAG = 'nuzantara-rag';
const MOUTH = 'nuzantara-mouth';
const IMAGES = {
  ragFirst: `registry.fly.io/${RAG}:1.0.0`,
  ragGood: `registry.fly.io/${RAG}:1.1.0`,
  ragBroken: `registry.fly.io/${RAG}:1.2.0-postgres`,
  mouthFirst: `registry.fly.io/${MOUTH}:1.0.0`,
  mouthNext: `registry.fly.io/${MOUTH}:1.1.0`,
};

const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;
const say = (text = '') => process.stdout.write(`${text}\n`);

// ------------------------------------------------------------------------------------------ processes

/** Child process groups still running (each command gets its own group, so it can be stopped whole). */
const running = new Set();
let tmp;
let childEnv;
let interrupted;

/**
 * Runs a program (argument array, no shell) in a process group of its own, with a time limit (SIGTERM to
 * the group, SIGKILL 5 s later); resolves with its exit code and output. Once the demo is stopping, only
 * `force` runs still start (the cleanup's stop-all).
 */
function run(program, args, options = {}) {
  const { cwd = root, env = childEnv, input, limitMs = COMMAND_LIMIT_MS, stream, force } = options;
  return new Promise((resolve) => {
    if (interrupted && !force) {
      resolve({ code: 130, stdout: '', stderr: `not started: the demo is stopping on ${interrupted}` });
      return;
    }
    const child = spawn(program, args, { cwd, env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    if (child.pid) running.add(child.pid);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let done = false;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (stream) process.stderr.write(chunk);
    });
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? '');
    const timer = setTimeout(() => {
      timedOut = true;
      stopGroup(child.pid, 'SIGTERM');
      setTimeout(() => stopGroup(child.pid, 'SIGKILL'), 5000).unref();
    }, limitMs);
    const finish = (code, extra = '') => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      running.delete(child.pid);
      if (timedOut) stderr += `\n(stopped: ran longer than ${seconds(limitMs)})`;
      resolve({ code, stdout, stderr: stderr + extra, timedOut });
    };
    child.once('error', (error) => finish(127, String(error.message)));
    child.once('close', (code, signal) => finish(code ?? (signal ? 128 : 1)));
  });
}

function stopGroup(pid, signal) {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** `nuzantara <verb> … --json`: the parsed document (undefined when stdout was not one). */
async function nuzantara(args, options = {}) {
  const result = await run(process.execPath, [cli, ...args, '--json'], { stream: verbose, ...options });
  let doc;
  try {
    doc = JSON.parse(result.stdout);
  } catch {
    doc = undefined;
  }
  return { ...result, doc };
}

/** The stand-in flyctl; throws with its stderr when it fails (setup and look-ups, not steps). */
async function fly(args, options = {}) {
  const result = await run(process.execPath, [flyctl, ...args], options);
  if (result.code !== 0) {
    throw new Error(`flyctl ${args.join(' ')} exited ${result.code}: ${result.stderr.trim()}`);
  }
  return result.stdout;
}

const flyJson = async (args) => JSON.parse(await fly(args));

/** A GET through an app's front door: status, body (JSON when it parses) and the release that answered. */
async function get(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    const text = await response.text();
    let body = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: response.status, body, release: response.headers.get('x-standin-release') };
  } catch (error) {
    return { status: 0, body: String(error.message), release: null };
  }
}

// ------------------------------------------------------------------------------------------ reporting

const results = [];
/** What ran, shown as a person would type it ($DEMO: the demo's temp dir), wrapped with `\` continuations. */
function shown(verb, args) {
  const words = ['nuzantara', verb, ...args]
    .map((a) => a.split(tmp).join('$DEMO'))
    .map((a) => (/[\s*"'|;&<>()]/.test(a) ? `'${a.replace(/'/g, `'\\''`)}'` : a));
  // Flags with their values stay together on a line.
  const parts = [];
  for (const word of words) {
    if (
      parts.length &&
      !word.startsWith('-') &&
      parts.at(-1).startsWith('--') &&
      !parts.at(-1).includes(' ')
    ) {
      parts[parts.length - 1] += ` ${word}`;
    } else parts.push(word);
  }
  const lines = [''];
  for (const part of parts) {
    if (lines.at(-1).length + part.length > 92 && lines.at(-1) !== '') lines.push('');
    lines[lines.length - 1] += (lines.at(-1) ? ' ' : '') + part;
  }
  return lines.join(' \\\n       ');
}

function header(number, title) {
  say();
  const text = `── ${number}${number === '' ? '' : '. '}${title} `;
  say(text + '─'.repeat(Math.max(3, 80 - text.length)));
}

function ran(verb, args) {
  say(`   $ ${shown(verb, args)}`);
}

/** Records a step's outcome and prints it: detail lines, then ✅/❌ and the key figure (`short` in the table). */
function outcome(step, ok, figure, details = [], short = figure) {
  results.push({ step, ok, figure: short });
  for (const line of details) say(`     ${line}`);
  say(`   ${ok ? '✅' : '❌'} ${figure}`);
}

/** On a failed step: the end of what the command logged, so the reason shows without --verbose. */
function tail(result, lines = 25) {
  if (verbose) return;
  const text = `${result.stderr}`.trim().split('\n').slice(-lines);
  say('     ┄┄ the command logged (last lines):');
  for (const line of text) say(`     ┆ ${line}`);
}

/** Items joined with `, ` and wrapped at about 90 columns, the first line after `lead`. */
function wrap(items, lead) {
  const lines = [lead];
  for (const [i, item] of items.entries()) {
    const piece = item + (i < items.length - 1 ? ',' : '');
    if (lines.at(-1).length + piece.length > 90 && lines.at(-1).trim() !== '')
      lines.push(' '.repeat(lead.length));
    lines[lines.length - 1] += (lines.at(-1).trim() === '' || lines.at(-1) === lead ? '' : ' ') + piece;
  }
  return lines;
}

/** The CLI's phases (`name ✔ 1.2s`), then each failed phase's detail on a line of its own. */
function phaseLines(report) {
  const phases = report?.phases ?? [];
  if (!phases.length) return [];
  return [
    ...wrap(
      phases.map((p) => `${p.name} ${p.ok ? '✔' : '✖'} ${seconds(p.durationMs)}`),
      'phases: ',
    ),
    ...phases.filter((p) => !p.ok).map((p) => `✖ ${p.name}: ${p.detail}`),
  ];
}

// ------------------------------------------------------------------------------------------ setup

async function prerequisites() {
  const missing = [];
  if (!existsSync(cli)) missing.push(`${cli} (the CLI bundle; it is committed, run git status)`);
  if (!existsSync(PYTHON)) missing.push(`${PYTHON} (Debian's python3: apt-get install python3)`);
  if (missing.length) throw new Error(`missing: ${missing.join('; ')}`);
  const check = await run(
    PYTHON,
    [
      '-c',
      'import importlib.util, sys; print(" ".join(m for m in sys.argv[1:] if importlib.util.find_spec(m) is None))',
      'prometheus_client',
      'psycopg',
    ],
    { env: process.env, limitMs: 20_000 },
  );
  const modules = check.stdout.trim().split(/\s+/).filter(Boolean);
  if (modules.includes('prometheus_client')) {
    throw new Error(
      `${PYTHON} lacks prometheus_client, which the backend imports: apt-get install python3-prometheus-client`,
    );
  }
  if (modules.includes('psycopg')) {
    say('   note: python3-psycopg is not installed: the broken release will crash at start instead of');
    say('         answering 503; it is rolled back all the same.');
  }
  if (!existsSync(join(mouthDir, 'node_modules', 'prom-client', 'package.json'))) {
    say('   apps/mouth has no node_modules: running npm ci there (from the npm registry)');
    const ci = await run('npm', ['ci', '--no-audit', '--no-fund'], {
      cwd: mouthDir,
      env: process.env,
      limitMs: 180_000,
    });
    if (ci.code !== 0) throw new Error(`npm ci in apps/mouth failed: ${ci.stderr.trim().split('\n').at(-1)}`);
  }
}

/** The environment of every command: the stand-in first on PATH, its state dir, a fake token, no CI context. */
function demoEnv(stateDir) {
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    // Nothing of a CI run or a real Fly login reaches the demo.
    if (/^(GITHUB_|RUNNER_|ACTIONS_|FLY_|NUZANTARA_)/.test(name) || name === 'CI') continue;
    env[name] = value;
  }
  return {
    ...env,
    PATH: [dirname(flyctl), dirname(process.execPath), process.env.PATH ?? ''].join(delimiter),
    FLY_STANDIN_STATE: stateDir,
    FLY_STANDIN_TIME_SCALE: String(TIME_SCALE),
    // Machines and proxies exit if this process dies without stopping them.
    FLY_STANDIN_OWNER_PID: String(process.pid),
    FLY_API_TOKEN: 'FlyV1 fm2_demo-not-a-real-token',
    // Reports and any other temp file of the CLI go to the demo's dir, removed at the end.
    TMPDIR: tmp,
    NO_COLOR: '1',
  };
}

async function setup() {
  // The backend's first images serve the built-in documents: their entrypoint drops DATABASE_URL and
  // REDIS_URL (env -u), so a database secret staged later does not change them. 1.2.0 reads DATABASE_URL.
  const builtin = ['--run', '/usr/bin/env', '--arg', '-u', '--arg', 'DATABASE_URL', '--arg', '-u'];
  const builtinRag = [
    ...builtin,
    '--arg',
    'REDIS_URL',
    '--arg',
    PYTHON,
    '--arg',
    'server.py',
    '--cwd',
    ragDir,
  ];
  await fly(['standin', 'image', IMAGES.ragFirst, ...builtinRag]);
  await fly(['standin', 'image', IMAGES.ragGood, ...builtinRag]);
  await fly(['standin', 'image', IMAGES.ragBroken, '--run', PYTHON, '--arg', 'server.py', '--cwd', ragDir]);
  const mouth = ['--run', process.execPath, '--arg', 'server.mjs', '--cwd', mouthDir];
  await fly(['standin', 'image', IMAGES.mouthFirst, ...mouth]);
  await fly(['standin', 'image', IMAGES.mouthNext, ...mouth]);
  // Release v1 of each, two machines each, started side by side.
  await fly(['standin', 'app', RAG, '--image', IMAGES.ragFirst, '--machines', '2']);
  await fly(['standin', 'app', MOUTH, '--image', IMAGES.mouthFirst, '--machines', '2']);
  return {
    rag: (await fly(['standin', 'url', RAG])).trim(),
    mouth: (await fly(['standin', 'url', MOUTH])).trim(),
  };
}

/** The release serving now: `status` Version and that release's image. */
async function serving(app) {
  const status = await flyJson(['status', '-a', app, '--json']);
  const releases = await flyJson(['releases', '-a', app, '--json']);
  const release = releases.find((r) => r.Version === status.Version);
  return { version: status.Version, image: release?.ImageRef ?? '?', releases };
}

/** Fast probe settings: the stand-in answers in milliseconds. */
const probeFlags = (url) => [
  '--health-url',
  url,
  '--health-retries',
  '5',
  '--health-interval',
  '500ms',
  '--health-timeout',
  '2s',
  '--rollout-timeout',
  '20s',
  '--deploy-timeout',
  '50s',
];

const out = (doc, name) => doc?.outputs?.[name] ?? '';

// ------------------------------------------------------------------------------------------ steps

async function stepValidate() {
  header(1, 'validate both configs');
  const args = [
    'validate',
    '--config',
    'apps/*/fly.toml',
    '--strict',
    '--policy',
    'error',
    '--no-require-clean-git',
    '--report-path',
    join(tmp, 'validate-report.json'),
  ];
  ran(args[0], args.slice(1));
  say('     the clean-git check is off (--no-require-clean-git): a checkout under development may be dirty');
  const result = await nuzantara(args);
  const report = result.doc?.report;
  const ok = result.code === 0 && out(result.doc, 'valid') === 'true';
  const flyctlCheck = report?.checks?.find((c) => c.name === 'flyctl config validate');
  const details = report
    ? wrap(
        report.checks.map(
          (c) => `${c.name} ${c.status === 'passed' ? '✔' : c.status === 'skipped' ? '–' : '✖'}`,
        ),
        'checks: ',
      )
    : [];
  const figure = report
    ? `${report.files.length} configs valid (strict, policy error): ${report.errors} errors, ${report.warnings} warnings, ${report.notices} notices; flyctl config validate ${flyctlCheck?.status ?? 'not run'}`
    : `no report (exit ${result.code})`;
  const short = report
    ? `${report.files.length} configs valid, ${report.errors} errors, ${report.warnings} warnings`
    : undefined;
  outcome('1 validate', ok, figure, [`files: ${(report?.files ?? []).join(', ')}`, ...details], short);
  if (!ok) tail(result);
}

async function deploy(app, dir, image, url, extra = []) {
  const args = [
    'deploy',
    '--app',
    app,
    '--working-directory',
    dir,
    '--image',
    image,
    ...extra,
    ...probeFlags(url),
  ];
  ran(args[0], args.slice(1));
  const result = await nuzantara(args);
  return { result, doc: result.doc };
}

async function stepDeploy(urls) {
  header(2, 'deploy both apps with health checks');
  // The frontend calls the backend at BACKEND_URL. fly.toml says https://nuzantara-rag.fly.dev, which is not
  // reachable here, so the deploy stages the backend's stand-in URL as a secret (secrets win over [env]).
  const mouthSecrets = join(tmp, 'mouth.env');
  writeFileSync(mouthSecrets, `BACKEND_URL=${urls.rag}\n`, { mode: 0o600 });
  const apps = [
    [RAG, 'apps/backend-rag', IMAGES.ragGood, `${urls.rag}/health`, [], ''],
    [
      MOUTH,
      'apps/mouth',
      IMAGES.mouthNext,
      `${urls.mouth}/health`,
      ['--secrets', `@${mouthSecrets}`],
      "BACKEND_URL (the backend's front door) staged as a secret from $DEMO/mouth.env: it overrides fly.toml's https://nuzantara-rag.fly.dev",
    ],
  ];
  for (const [app, dir, image, url, extra, note] of apps) {
    if (interrupted) return;
    if (note) say(`     ${note}`);
    const { result, doc } = await deploy(app, dir, image, url, extra);
    const healthy = result.code === 0 && out(doc, 'outcome') === 'healthy';
    const health = await get(url);
    const backend =
      app === MOUTH && typeof health.body === 'object' ? health.body.backend?.status : undefined;
    const figure = doc
      ? `${out(doc, 'outcome')}: v${out(doc, 'release-version')} (${image.split(':').pop()}) replaced v${out(doc, 'previous-version')}; flyctl deploy ${out(doc, 'deploy-seconds')}s, probe ${Math.round(Number(out(doc, 'health-latency-ms')))}ms (${out(doc, 'health-attempts')} attempt)`
      : `no result (exit ${result.code})`;
    const details = [
      ...phaseLines(doc?.report),
      `GET <front door>/health → ${health.status} from release v${health.release}${backend ? `; the frontend sees the backend ${backend}` : ''}`,
    ];
    const short = doc
      ? `v${out(doc, 'release-version')} ${out(doc, 'outcome')}, deploy ${out(doc, 'deploy-seconds')}s, probe ${Math.round(Number(out(doc, 'health-latency-ms')))}ms`
      : undefined;
    outcome(`2 deploy ${app}`, healthy && health.status === 200, figure, details, short);
    if (!healthy) tail(result);
  }
}

async function stepBrokenRelease(urls) {
  header(3, 'deploy a broken backend release: it rolls back by itself');
  const before = await serving(RAG);
  // A database that is not there: a loopback port nobody listens on.
  const closedPort = await freePort();
  const secrets = join(tmp, 'rag-broken.env');
  writeFileSync(secrets, `DATABASE_URL=postgresql://nuzantara:demo-password@127.0.0.1:${closedPort}/rag\n`, {
    mode: 0o600,
  });
  say(
    `     ${IMAGES.ragBroken.split('/').pop()} reads DATABASE_URL, staged from $DEMO/rag-broken.env: a database`,
  );
  say(`     at 127.0.0.1:${closedPort}, where nothing listens, so its /health answers 503 naming postgres`);
  const { result, doc } = await deploy(RAG, 'apps/backend-rag', IMAGES.ragBroken, `${urls.rag}/health`, [
    '--secrets',
    `@${secrets}`,
  ]);
  const after = await serving(RAG);
  const broken = after.releases.find((r) => r.ImageRef === IMAGES.ragBroken);
  const health = await get(`${urls.rag}/health`);
  const evidence = brokenMachineLog();
  const rolledBack =
    out(doc, 'outcome') === 'rolled-back' &&
    out(doc, 'rolled-back') === 'true' &&
    after.image === before.image &&
    after.version > (broken?.Version ?? Infinity);
  const postgres = typeof health.body === 'object' ? health.body.dependencies?.postgres?.status : undefined;
  const details = [
    ...phaseLines(doc?.report),
    `broken release v${broken?.Version ?? '?'}: ${broken?.Status ?? 'not created'}`,
    ...(evidence ? [`its machine logged: ${evidence}`] : []),
    `serving now: v${after.version}, ${after.image} (before: v${before.version}, ${before.image})`,
    `GET <front door>/health → ${health.status}${typeof health.body === 'object' ? ` ${health.body.status}` : ''} from release v${health.release}`,
    ...(doc?.report?.secretsLiveWithRollback
      ? [
          `${doc.report.secretsLiveWithRollback.join(', ')} stays set (Fly does not roll secrets back); ${IMAGES.ragGood.split(':').pop()}'s entrypoint drops it (env -u): postgres ${postgres ?? '?'}`,
        ]
      : []),
    `nuzantara deploy exited ${result.code}: the release it was asked to ship failed; production is back on the previous image`,
  ];
  const figure = doc
    ? `${out(doc, 'outcome')} by itself: v${broken?.Version ?? '?'} failed its health checks, v${after.version} serves ${after.image.split(':').pop()} again`
    : `no result (exit ${result.code})`;
  const short = doc
    ? `v${broken?.Version ?? '?'} ${out(doc, 'outcome')} by itself, v${after.version} serves ${after.image.split(':').pop()}`
    : undefined;
  outcome('3 broken release', rolledBack && health.status === 200, figure, details, short);
  if (!rolledBack) tail(result);
}

/** The stand-in's machine logs: the broken backend's own line about postgres. */
function brokenMachineLog() {
  const logs = join(tmp, 'fly-state', 'logs');
  try {
    for (const file of readdirSync(logs)) {
      const line = readFileSync(join(logs, file), 'utf8')
        .split('\n')
        .find((l) => /health: postgres .* is down/.test(l));
      if (line) return line.replace(/^.*?health: /, '').slice(0, 100);
    }
  } catch {
    // no logs
  }
  return '';
}

async function stepManualRollback(urls) {
  header(4, 'roll the frontend back by hand to its first release');
  const before = await serving(MOUTH);
  const first = Math.min(...before.releases.map((r) => r.Version));
  const firstImage = before.releases.find((r) => r.Version === first)?.ImageRef;
  say(`     serving: v${before.version}, ${before.image}; the first release: v${first}, ${firstImage}`);
  const args = [
    'rollback',
    '--app',
    MOUTH,
    '--version',
    String(first),
    '--yes',
    '--working-directory',
    'apps/mouth',
    ...probeFlags(`${urls.mouth}/health`),
  ];
  ran(args[0], args.slice(1));
  const result = await nuzantara(args);
  const doc = result.doc;
  const after = await serving(MOUTH);
  const page = await get(`${urls.mouth}/`);
  const ok =
    result.code === 0 &&
    out(doc, 'outcome') === 'healthy' &&
    after.image === firstImage &&
    String(after.version) === out(doc, 'release-version') &&
    page.status === 200;
  outcome(
    `4 rollback ${MOUTH}`,
    ok,
    doc
      ? `${out(doc, 'outcome')}: v${out(doc, 'from-version')} → v${out(doc, 'to-version')}; release v${after.version} serves ${after.image.split(':').pop()}, the first release's image`
      : `no result (exit ${result.code})`,
    [
      ...phaseLines(doc?.report),
      `GET <front door>/ → ${page.status} from release v${page.release} (${after.image})`,
    ],
    doc
      ? `v${out(doc, 'to-version')}'s image serves as v${after.version}, ${out(doc, 'outcome')}`
      : undefined,
  );
  if (!ok) tail(result);
}

async function stepMonitor(urls) {
  header(5, 'one monitoring pass');
  const targets = join(tmp, 'targets.yml');
  writeFileSync(
    targets,
    [
      'targets:',
      `  - name: ${RAG}`,
      `    url: ${urls.rag}/health`,
      `    expect-body: '$.status == "ok"'`,
      `  - name: ${MOUTH}`,
      `    url: ${urls.mouth}/`,
      '',
    ].join('\n'),
  );
  say(`     $DEMO/targets.yml: ${RAG} ${urls.rag}/health, ${MOUTH} ${urls.mouth}/`);
  const args = [
    'monitor',
    '--targets-file',
    targets,
    '--samples',
    '10',
    '--retest-delay',
    '500ms',
    '--history-branch=',
    '--incident-label=',
    '--report-path',
    join(tmp, 'monitor-report.json'),
  ];
  ran(args[0], args.slice(1));
  say('     history and incidents are off (--history-branch= --incident-label=): there is no GitHub here');
  const result = await nuzantara(args);
  const doc = result.doc;
  const seen = doc?.report?.checks?.uptime?.targets ?? [];
  const p95 = (t) => fmtMs(t.counted?.latency?.p95);
  const lines = seen.map(
    (t) =>
      `${t.status === 'up' ? '🟢' : t.status === 'degraded' ? '🟡' : '🔴'} ${t.name}: ${t.status}, p50 ${fmtMs(t.counted?.latency?.p50)}, p95 ${p95(t)}, errors ${t.counted?.errors ?? '?'} of ${t.counted?.samples?.length ?? '?'}`,
  );
  const ok = result.code === 0 && out(doc, 'status') === 'up' && seen.length === 2;
  outcome(
    '5 monitor',
    ok,
    doc
      ? `${out(doc, 'status')}: ${seen.map((t) => `${t.name} ${t.status} (p95 ${p95(t)})`).join(', ')}`
      : `no result (exit ${result.code})`,
    lines,
    doc ? `${out(doc, 'status')}, p95 ${seen.map((t) => p95(t)).join(' / ')}` : undefined,
  );
  if (!ok) tail(result);
}

const fmtMs = (value) => (typeof value === 'number' ? `${Math.round(value)}ms` : '?');

// ------------------------------------------------------------------------------------------ main

const STEPS = [stepValidate, stepDeploy, stepBrokenRelease, stepManualRollback, stepMonitor];
/** One result per step, the deploy step one per app. */
const EXPECTED_RESULTS = 6;

/** Stops every machine and front door of the demo's state dir, then removes the demo dir. Runs once. */
let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    for (const pid of running) stopGroup(pid, 'SIGKILL');
    if (!tmp || !existsSync(tmp)) return;
    const stateDir = join(tmp, 'fly-state');
    if (existsSync(join(stateDir, 'machines.json')) || existsSync(join(stateDir, 'apps.json'))) {
      const env = { ...(childEnv ?? process.env), FLY_STANDIN_STATE: stateDir };
      const stopped = await run(process.execPath, [flyctl, 'standin', 'stop-all'], {
        env,
        limitMs: 15_000,
        force: true,
      });
      if (stopped.code === 0)
        say(`   flyctl standin stop-all: ${stopped.stdout.trim()} (machines and front doors)`);
      else say(`   flyctl standin stop-all exited ${stopped.code}: ${stopped.stderr.trim()}`);
    }
    rmSync(tmp, { recursive: true, force: true });
    say('   removed the demo dir');
  })();
  return cleaning;
}

function table() {
  const rows = results.map((r) => [r.step, r.ok ? '✅' : '❌', r.figure]);
  const width = Math.max(4, ...rows.map((r) => r[0].length));
  say();
  say(`   ${'step'.padEnd(width)}  result  figure`);
  // An emoji takes two columns: four spaces line the figures up under the header.
  for (const [step, mark, figure] of rows) say(`   ${step.padEnd(width)}  ${mark}      ${figure}`);
}

/** Ctrl-C (or SIGTERM): pass it to the running command, give it a moment to wind down, clean up, exit. */
function onSignal(signal) {
  if (interrupted) return;
  interrupted = signal;
  say(`\n   ${signal}: stopping the running command, then every machine and front door`);
  for (const pid of running) stopGroup(pid, 'SIGINT');
  const deadline = Date.now() + 8000;
  const wait = () => {
    if (running.size > 0 && Date.now() < deadline) return setTimeout(wait, 50);
    cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  wait();
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => onSignal(signal));
process.on('exit', () => {
  for (const pid of running) stopGroup(pid, 'SIGKILL');
});

async function main() {
  say('nuzantara demo: the deploy pipeline against the local Fly stand-in');
  say('   No network, no Docker, no Fly account: the stand-in flyctl (test/stand-in) runs the real apps as');
  say('   machine processes on loopback ports, and FLY_API_TOKEN is a fake token it accepts.');
  say(
    `   Timings are scaled: the stand-in runs at time scale ${TIME_SCALE} (fly.toml's 60s grace period takes`,
  );
  say(
    `   ${+(60 * TIME_SCALE).toFixed(3)}s, the 5m wait timeout ${+(300 * TIME_SCALE).toFixed(3)}s, flyctl's 10s smoke window ${+(10 * TIME_SCALE).toFixed(3)}s), and the probes use fast settings.`,
  );
  try {
    await prerequisites();
    tmp = mkdtempSync(join(tmpdir(), 'nuzantara-demo-'));
    childEnv = demoEnv(join(tmp, 'fly-state'));
    header('', 'setup');
    say(`   $DEMO = ${tmp} (the stand-in's state, reports, secrets files; removed at the end)`);
    const urls = await setup();
    say(`   images: ${RAG} 1.0.0, 1.1.0 (built-in documents), 1.2.0-postgres; ${MOUTH} 1.0.0, 1.1.0`);
    say(`   ${RAG}: /usr/bin/python3 server.py, release v1 on 2 machines, front door ${urls.rag}`);
    say(`   ${MOUTH}: node server.mjs, release v1 on 2 machines, front door ${urls.mouth}`);
    for (const step of STEPS) {
      if (interrupted) break;
      await step(urls);
    }
  } catch (error) {
    if (!interrupted) {
      results.push({ step: 'demo', ok: false, figure: error.message });
      say(`   ❌ ${error.message}`);
    }
  }
  // A signal handler is cleaning up and will exit.
  if (interrupted) return;
  header('', 'cleanup');
  await cleanup();
  table();
  const good = results.length === EXPECTED_RESULTS && results.every((r) => r.ok);
  say();
  say(
    good
      ? `   ✅ every step went as expected: ${seconds(Date.now() - started)} in all (stand-in timings scaled by ${TIME_SCALE})`
      : `   ❌ ${results.filter((r) => !r.ok).length || 'some'} step(s) did not go as expected: ${seconds(Date.now() - started)} in all`,
  );
  process.exitCode = good ? 0 : 1;
}

await main();
