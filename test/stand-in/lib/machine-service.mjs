// The fixture service a stand-in machine runs: a real HTTP server on a loopback port whose /health follows
// the image's behaviour. Started detached by the CLI; dies with its owner (test process), its state
// directory, or when its machine is destroyed or replaced.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { setInterval } from 'node:timers';
import { join } from 'node:path';
import { readJson, writeAtomic } from './state.mjs';
import { pidAlive, sha256 } from './util.mjs';

// Required, not imported: an ESM import of node:http reads every export, and one of them loads undici (~50 ms
// at each of the many short-lived processes a test run starts).
const { createServer } = createRequire(import.meta.url)('node:http');

const env = process.env;
const stateDir = env.STANDIN_STATE;
const machine = env.STANDIN_MACHINE_ID;
const instance = env.STANDIN_INSTANCE_ID;
const behaviour = env.STANDIN_BEHAVIOUR || 'healthy';
const readyAfter = Number(env.STANDIN_READY_AFTER_MS || 0);
const failAfter = Number(env.STANDIN_FAIL_AFTER_MS || 0);
const ownerPid = Number(env.STANDIN_OWNER_PID || 0);
const startedAt = Date.now();
let listening = false;
let tick = 0;

const list = (value) => (value ? value.split(',').filter(Boolean) : []);

function info() {
  return {
    app: env.FLY_APP_NAME,
    machine_id: machine,
    instance_id: instance,
    release_version: Number(env.STANDIN_RELEASE_VERSION),
    image: env.FLY_IMAGE_REF,
    behaviour,
    uptime_ms: Date.now() - startedAt,
    env: Object.fromEntries(list(env.STANDIN_ENV_NAMES).map((name) => [name, env[name] ?? null])),
    // Digests only: tests compare them with the values they sent; the values never leave the process.
    secret_sha256: Object.fromEntries(
      list(env.STANDIN_SECRET_NAMES).map((name) => [
        name,
        env[name] === undefined ? null : sha256(env[name]),
      ]),
    ),
  };
}

function healthStatus() {
  const age = Date.now() - startedAt;
  switch (behaviour) {
    case 'unhealthy':
      return 503;
    case 'slow':
      return age >= readyAfter ? 200 : 503;
    case 'degrading':
      return age >= failAfter ? 503 : 200;
    default:
      return 200;
  }
}

function send(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

if (behaviour === 'crash') {
  process.stderr.write(`[${machine}] fatal: stand-in image crashes at start\n`);
  process.exit(1);
}

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  if (path === '/standin/info') return send(res, 200, info());
  if (path === '/health') {
    if (behaviour === 'hang') return; // accept the request, never answer
    const status = healthStatus();
    return send(res, status, { status: status === 200 ? 'ok' : 'unhealthy', machine, behaviour });
  }
  return send(res, 200, {
    app: env.FLY_APP_NAME,
    machine,
    release: Number(env.STANDIN_RELEASE_VERSION),
    image: env.FLY_IMAGE_REF,
  });
});
server.keepAliveTimeout = 1000;

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  writeAtomic(env.STANDIN_RUN_FILE, JSON.stringify({ pid: process.pid, port, instance }));
  listening = true;
  process.stdout.write(`[${machine}] listening on 127.0.0.1:${port} (${behaviour})\n`);
});

/**
 * Exit when nobody can reach or clean up this machine any more: the state dir is gone, the owner died, or the
 * stand-in revoked this instance (removed its run file; every 2 s also: the record names another instance).
 */
function orphaned() {
  if (!existsSync(stateDir)) return true;
  if (ownerPid && !pidAlive(ownerPid)) return true;
  if (listening && !existsSync(env.STANDIN_RUN_FILE)) return true;
  if (++tick % 8 !== 0) return false;
  try {
    const record = readJson(join(stateDir, 'machines.json'), {})[machine];
    return !record || record.instance_id !== instance || record.destroyed === true;
  } catch {
    return false; // a concurrent rename; look again next time
  }
}
setInterval(() => {
  if (orphaned()) process.exit(0);
}, 250).unref();

for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
