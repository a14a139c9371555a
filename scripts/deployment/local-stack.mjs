#!/usr/bin/env node
// Runs the two reference services on loopback without Docker: the backend first (with DATABASE_URL and
// REDIS_URL when they are set in this environment, else on its built-in documents), then the frontend
// pointed at it. Waits until both answer their Fly health check paths, prints their URLs, and stops them
// on Ctrl-C (or after --seconds N, for scripted use). With Docker, scripts/deployment/deploy-local.sh runs
// the full stack (PostgreSQL, Redis, Prometheus, Grafana, Jaeger) instead.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../lib/free-port.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const mouthDir = join(root, 'apps', 'mouth');
const secondsArg = process.argv.indexOf('--seconds');
const lifetime = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) * 1000 : undefined;
// Debian's Python has the backend's modules from apt (python3 on PATH may be another); PYTHON overrides.
const python = process.env.PYTHON || (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');

async function waitHealthy(url, deadline, child) {
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

function run(command, args, options) {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 300_000, ...options }, (error, stdout, stderr) =>
      resolve({ ok: !error, stdout, stderr }),
    );
  });
}

/** The backend's Python modules: prometheus_client always, the clients of the configured dependencies. */
async function checkPython() {
  const modules = { prometheus_client: 'python3-prometheus-client' };
  if (process.env.DATABASE_URL) modules.psycopg = 'python3-psycopg';
  if (process.env.REDIS_URL) modules.redis = 'python3-redis';
  const code =
    'import importlib.util, sys; print(" ".join(m for m in sys.argv[1:] if importlib.util.find_spec(m) is None))';
  const check = await run(python, ['-c', code, ...Object.keys(modules)], { timeout: 20_000 });
  if (!check.ok)
    return `${python} does not run (${check.stderr.trim() || 'not found'}); set PYTHON to a Python 3`;
  const missing = check.stdout.trim().split(/\s+/).filter(Boolean);
  if (missing.length === 0) return undefined;
  return `${python} lacks ${missing.join(', ')}: apt-get install -y ${missing.map((m) => modules[m]).join(' ')}`;
}

/** The frontend's dependencies (prom-client), installed from its lockfile when missing. */
async function ensureMouthDependencies() {
  if (existsSync(join(mouthDir, 'node_modules'))) return undefined;
  console.log('Installing apps/mouth dependencies (npm ci)…');
  const cli = process.env.npm_execpath;
  const [command, args] = cli && /npm-cli\.js$/.test(cli) ? [process.execPath, [cli]] : ['npm', []];
  const install = await run(command, [...args, 'ci', '--no-audit', '--no-fund'], { cwd: mouthDir });
  return install.ok ? undefined : `npm ci in apps/mouth failed: ${install.stderr.trim()}`;
}

const children = [];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', () => {
  stop();
  process.exit(130);
});
process.on('SIGTERM', () => {
  stop();
  process.exit(143);
});

const problem = (await checkPython()) ?? (await ensureMouthDependencies());
if (problem) {
  console.error(`local-stack: ${problem}`);
  process.exit(1);
}

const backendPort = await freePort();
const backendUrl = `http://127.0.0.1:${backendPort}`;
const services = [
  {
    name: 'nuzantara-rag',
    cwd: join(root, 'apps', 'backend-rag'),
    command: python,
    args: ['server.py'],
    port: backendPort,
    env: { HOST: '127.0.0.1' },
    health: '/health',
  },
  {
    name: 'nuzantara-mouth',
    cwd: mouthDir,
    command: process.execPath,
    args: ['server.mjs'],
    port: await freePort(),
    env: { HOST: '127.0.0.1', BACKEND_URL: backendUrl },
    health: '/health',
  },
];

let failed = false;
for (const service of services) {
  const child = spawn(service.command, service.args, {
    cwd: service.cwd,
    env: { ...process.env, ...service.env, PORT: String(service.port) },
    stdio: 'inherit',
  });
  children.push(child);
  child.once('error', (error) => console.error(`${service.name}: ${error.message}`));
  const url = `http://127.0.0.1:${service.port}${service.health}`;
  if (await waitHealthy(url, Date.now() + 15_000, child)) console.log(`${service.name} healthy at ${url}`);
  else {
    console.error(
      `${service.name} did not answer ${url} within 15s${child.exitCode === null ? '' : ` (exited ${child.exitCode})`}`,
    );
    failed = true;
    break;
  }
}
if (failed) {
  stop();
  process.exit(1);
}
console.log(lifetime ? `Running for ${lifetime / 1000}s.` : 'Press Ctrl-C to stop.');
if (lifetime) {
  setTimeout(() => {
    stop();
    process.exit(0);
  }, lifetime);
}
