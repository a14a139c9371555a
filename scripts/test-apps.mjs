#!/usr/bin/env node
// Tests the two reference apps: the backend's pytest against a throwaway PostgreSQL and Redis started here,
// then the frontend's `node --test`, also against the real backend. The servers and their temporary
// directory are removed whatever happens (also on Ctrl-C); every wait has a time limit.
//
//   node scripts/test-apps.mjs            both apps
//   node scripts/test-apps.mjs mouth      one app (backend | mouth); the mouth alone needs no database
import { execFile, spawn } from 'node:child_process';
import {
  accessSync,
  chownSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './lib/free-port.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const backendDir = join(root, 'apps', 'backend-rag');
const mouthDir = join(root, 'apps', 'mouth');
// Debian's Python: the one apt installs the test modules for (python3 on PATH may be another, e.g. pyenv).
const python = '/usr/bin/python3';
const pythonModules = {
  pytest: 'python3-pytest',
  psycopg: 'python3-psycopg',
  redis: 'python3-redis',
  prometheus_client: 'python3-prometheus-client',
};
const limits = {
  probe: 20_000,
  initdb: 60_000,
  postgresReady: 30_000,
  redisReady: 10_000,
  backendReady: 20_000,
  pytest: 300_000,
  npmCi: 300_000,
  nodeTest: 180_000,
};

const log = (line) => console.log(`test-apps: ${line}`);

// ---------------------------------------------------------------- processes

const running = new Set(); // every child we started and have not seen exit
let tempDir;
let interrupted;

/** Starts a long-running child; keeps the tail of its output for failure reports. */
function startProcess(name, command, args, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  const record = { name, child, output: '' };
  const keep = (chunk) => {
    record.output = (record.output + chunk.toString()).slice(-8000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  record.exited = new Promise((resolve) => {
    child.once('error', (error) => {
      record.output += `\n${error.message}`;
      running.delete(record);
      resolve({ code: null, signal: null, error });
    });
    child.once('exit', (code, signal) => {
      running.delete(record);
      resolve({ code, signal });
    });
  });
  running.add(record);
  return record;
}

/** Signal, wait up to graceMs, then SIGKILL: never waits unbounded. */
async function stopProcess(record, signal, graceMs) {
  if (!running.has(record)) return;
  record.child.kill(signal);
  if (await Promise.race([record.exited.then(() => true), sleep(graceMs).then(() => false)])) return;
  log(`${record.name} did not stop within ${graceMs / 1000}s of ${signal}; killing it`);
  record.child.kill('SIGKILL');
  await Promise.race([record.exited, sleep(5000)]);
}

/** Runs a test command with the terminal attached; resolves with its outcome, killed after timeoutMs. */
function runStep(name, command, args, { cwd, env, timeoutMs }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
    const record = { name, child, output: '', step: true };
    running.add(record);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      log(`${name} still running after ${timeoutMs / 1000}s; stopping it`);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    }, timeoutMs);
    const finish = (result) => {
      clearTimeout(timer);
      running.delete(record);
      resolve({ ...result, timedOut });
    };
    child.once('error', (error) => finish({ code: null, error }));
    child.once('exit', (code, signal) => finish({ code, signal }));
  });
}

function capture(command, args, options = {}) {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: limits.probe, ...options }, (error, stdout, stderr) =>
      resolve({ ok: !error, stdout, stderr, error }),
    );
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------- finding the tools

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** A directory with initdb and postgres: Debian's /usr/lib/postgresql/<major>/bin (newest first), then PATH. */
function postgresBinDir() {
  const debian = '/usr/lib/postgresql';
  const majors = existsSync(debian)
    ? readdirSync(debian)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const candidates = [...majors.map((major) => join(debian, major, 'bin'))];
  const initdb = onPath('initdb');
  if (initdb) candidates.push(dirname(initdb));
  return candidates.find((dir) => isExecutable(join(dir, 'initdb')) && isExecutable(join(dir, 'postgres')));
}

/** Everything the selected steps need, or one line naming what is missing and how to install it. */
async function preflight(steps) {
  const missing = [];
  const packages = new Set();
  const found = {};
  if (steps.has('backend')) {
    found.pgBin = postgresBinDir();
    if (!found.pgBin) {
      missing.push('the PostgreSQL server (initdb, postgres)');
      packages.add('postgresql');
    }
    found.redis =
      onPath('redis-server') ?? ['/usr/bin/redis-server', '/usr/sbin/redis-server'].find(isExecutable);
    if (!found.redis) {
      missing.push('redis-server');
      packages.add('redis-server');
    }
    if (process.getuid?.() === 0) {
      // PostgreSQL refuses to run as root: initdb and postgres run as the postgres system user.
      const uid = await capture('id', ['-u', 'postgres']);
      const gid = await capture('id', ['-g', 'postgres']);
      if (uid.ok && gid.ok) found.postgresUser = { uid: Number(uid.stdout), gid: Number(gid.stdout) };
      else {
        missing.push('the postgres system user (PostgreSQL will not run as root)');
        packages.add('postgresql');
      }
    }
    if (!isExecutable(python)) {
      missing.push(python);
      packages.add('python3');
      for (const pkg of Object.values(pythonModules)) packages.add(pkg);
    } else {
      const check = await capture(python, [
        '-c',
        'import importlib.util, sys; print(" ".join(m for m in sys.argv[1:] if importlib.util.find_spec(m) is None))',
        ...Object.keys(pythonModules),
      ]);
      const absent = check.ok ? check.stdout.trim().split(/\s+/).filter(Boolean) : Object.keys(pythonModules);
      if (absent.length) {
        missing.push(`Python module${absent.length > 1 ? 's' : ''} ${absent.join(', ')} for ${python}`);
        for (const module of absent) packages.add(pythonModules[module]);
      }
    }
  }
  if (steps.has('mouth') && !existsSync(join(mouthDir, 'node_modules')) && !npmCommand()) {
    missing.push('npm (to install apps/mouth dependencies)');
    packages.add('npm');
  }
  if (missing.length) {
    const install = `apt-get install -y ${[...packages].join(' ')}`;
    throw new Failure(`missing ${missing.join('; ')}. Install with: ${install}`);
  }
  return found;
}

function npmCommand() {
  // Under `npm run`, npm_execpath is npm's own CLI: run it with this Node rather than whatever npm is on PATH.
  const cli = process.env.npm_execpath;
  if (cli && /npm-cli\.js$/.test(cli) && existsSync(cli)) return [process.execPath, [cli]];
  const npm = onPath('npm');
  return npm ? [npm, []] : undefined;
}

class Failure extends Error {}

// ---------------------------------------------------------------- the throwaway servers

async function startPostgres(binDir, user) {
  const data = join(tempDir, 'pgdata');
  const asUser = user ? { uid: user.uid, gid: user.gid } : {};
  const initdb = await capture(
    join(binDir, 'initdb'),
    ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'],
    { cwd: tempDir, timeout: limits.initdb, ...asUser },
  );
  if (!initdb.ok) throw new Failure(`initdb failed: ${(initdb.stderr || initdb.error.message).trim()}`);
  const port = await freePort();
  // Loopback TCP only (no Unix socket), and no durability: the data is thrown away.
  const settings = [
    'listen_addresses=127.0.0.1',
    'unix_socket_directories=',
    'fsync=off',
    'synchronous_commit=off',
    'full_page_writes=off',
  ];
  const server = startProcess(
    'postgres',
    join(binDir, 'postgres'),
    ['-D', data, '-p', String(port), ...settings.flatMap((s) => ['-c', s])],
    { cwd: tempDir, ...asUser },
  );
  const deadline = Date.now() + limits.postgresReady;
  while (!/database system is ready to accept connections/.test(server.output)) {
    if (!running.has(server)) throw new Failure(`postgres exited during start:\n${server.output.trim()}`);
    if (Date.now() > deadline)
      throw new Failure(
        `postgres was not ready within ${limits.postgresReady / 1000}s:\n${server.output.trim()}`,
      );
    await sleep(100);
  }
  return { server, url: `postgresql://postgres@127.0.0.1:${port}/postgres` };
}

function redisPing(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

async function startRedis(redisServer) {
  const dir = join(tempDir, 'redis');
  mkdirSync(dir);
  const port = await freePort();
  const server = startProcess('redis-server', redisServer, [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    dir,
    '--daemonize',
    'no',
  ]);
  const deadline = Date.now() + limits.redisReady;
  while (!(await redisPing(port))) {
    if (!running.has(server)) throw new Failure(`redis-server exited during start:\n${server.output.trim()}`);
    if (Date.now() > deadline)
      throw new Failure(`redis-server did not answer PING within ${limits.redisReady / 1000}s`);
    await sleep(100);
  }
  return { server, url: `redis://127.0.0.1:${port}/0` };
}

/** The real backend, for the frontend's integration tests. */
async function startBackend(env) {
  const port = await freePort();
  const server = startProcess('nuzantara-rag', python, ['server.py'], {
    cwd: backendDir,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', CACHE_PREFIX: 'rag-mouth-test:' },
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + limits.backendReady;
  while (Date.now() < deadline && running.has(server)) {
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return { server, url };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Failure(
    `the backend did not answer ${url}/health within ${limits.backendReady / 1000}s:\n${server.output.trim()}`,
  );
}

// ---------------------------------------------------------------- the steps

function describe(result) {
  if (result.error) return `could not start (${result.error.message})`;
  if (result.timedOut) return 'timed out';
  if (result.signal) return `stopped by ${result.signal}`;
  return `exited with ${result.code}`;
}

async function main(steps) {
  const found = await preflight(steps);
  const outcomes = [];
  const record = (name, result) => {
    const ok = result.code === 0 && !result.timedOut;
    outcomes.push({ name, ok });
    log(`${name}: ${ok ? 'passed' : `FAILED (${describe(result)})`}`);
  };
  const servers = [];
  try {
    let backendEnv;
    if (steps.has('backend')) {
      tempDir = mkdtempSync(join(tmpdir(), 'nuzantara-test-apps-'));
      if (found.postgresUser) chownSync(tempDir, found.postgresUser.uid, found.postgresUser.gid);
      const postgres = await startPostgres(found.pgBin, found.postgresUser);
      servers.push({ ...postgres, stopWith: 'SIGINT' }); // SIGINT: PostgreSQL's fast shutdown
      const redis = await startRedis(found.redis);
      servers.push({ ...redis, stopWith: 'SIGTERM' });
      log(`PostgreSQL ${postgres.url} and Redis ${redis.url} are up (throwaway, in ${tempDir})`);
      backendEnv = {
        ...process.env,
        DATABASE_URL: postgres.url,
        REDIS_URL: redis.url,
        PYTHONDONTWRITEBYTECODE: '1',
      };
      delete backendEnv.OTEL_EXPORTER_OTLP_ENDPOINT;
      record(
        'backend-rag pytest',
        await runStep('pytest', python, ['-m', 'pytest'], {
          cwd: backendDir,
          env: backendEnv,
          timeoutMs: limits.pytest,
        }),
      );
    }
    if (steps.has('mouth') && !interrupted) {
      if (!existsSync(join(mouthDir, 'node_modules'))) {
        const [npm, npmArgs] = npmCommand();
        log('installing apps/mouth dependencies (npm ci)');
        const install = await runStep('npm ci', npm, [...npmArgs, 'ci', '--no-audit', '--no-fund'], {
          cwd: mouthDir,
          env: process.env,
          timeoutMs: limits.npmCi,
        });
        if (install.code !== 0 || install.timedOut) {
          record('mouth npm ci', install);
          return outcomes;
        }
      }
      const env = { ...process.env };
      if (backendEnv && !interrupted) {
        try {
          const backend = await startBackend(backendEnv);
          servers.push({ ...backend, stopWith: 'SIGTERM' });
          env.MOUTH_TEST_BACKEND_URL = backend.url;
          log(`the real backend is up at ${backend.url} for the frontend's integration tests`);
        } catch (error) {
          if (!(error instanceof Failure)) throw error;
          log(error.message);
          record('backend start for the mouth integration tests', { code: 1 });
        }
      }
      const files = readdirSync(join(mouthDir, 'test'))
        .filter((name) => name.endsWith('.test.mjs'))
        .map((name) => join('test', name));
      if (!interrupted)
        record(
          'mouth node --test',
          await runStep('node --test', process.execPath, ['--test', ...files], {
            cwd: mouthDir,
            env,
            timeoutMs: limits.nodeTest,
          }),
        );
    }
  } finally {
    for (const { server, stopWith } of servers.reverse()) await stopProcess(server, stopWith, 10_000);
    // A server that failed to become ready is not in `servers` yet.
    for (const leftover of [...running]) await stopProcess(leftover, 'SIGTERM', 5000);
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    tempDir = undefined;
  }
  return outcomes;
}

// ---------------------------------------------------------------- entry

const usage = `Usage: node scripts/test-apps.mjs [backend] [mouth]

Runs the reference apps' tests (both when none is named):
  backend  apps/backend-rag: pytest with ${python}, against a throwaway PostgreSQL and Redis started here
  mouth    apps/mouth: node --test (installs its dependencies with npm ci when node_modules is missing);
           with the backend also selected, against the real backend too

Needs (Debian): apt-get install -y postgresql redis-server ${Object.values(pythonModules).join(' ')}`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(usage);
  process.exit(0);
}
const unknown = args.filter((arg) => arg !== 'backend' && arg !== 'mouth');
if (unknown.length) {
  console.error(`test-apps: unknown argument ${unknown.join(' ')}\n\n${usage}`);
  process.exit(2);
}
const steps = new Set(args.length ? args : ['backend', 'mouth']);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (interrupted) {
      // A second Ctrl-C: stop waiting for anything.
      for (const { child } of running) child.kill('SIGKILL');
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
      process.exit(130);
    }
    interrupted = signal;
    log(`${signal}: stopping the tests and the servers`);
    // Test steps are stopped here; the servers are stopped in order by main's finally.
    for (const { step, child } of running) if (step) child.kill('SIGTERM');
  });
}
// Last resort if something throws past main: no server or temporary directory outlives this process.
process.on('exit', () => {
  for (const { child } of running) child.kill('SIGKILL');
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
});

try {
  const outcomes = await main(steps);
  if (interrupted) {
    log(`interrupted by ${interrupted}`);
    process.exit(interrupted === 'SIGINT' ? 130 : 143);
  }
  const failed = outcomes.filter((o) => !o.ok);
  log(failed.length ? `${failed.length} of ${outcomes.length} failed` : `all ${outcomes.length} passed`);
  process.exit(failed.length ? 1 : 0);
} catch (error) {
  log(error instanceof Failure ? error.message : `failed: ${error.stack ?? error}`);
  process.exit(interrupted ? 130 : 1);
}
