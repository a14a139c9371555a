// An app's front door (like Fly's edge): a loopback HTTP proxy that routes round-robin to the started
// machines of the app's current release, answering 503 when there are none and 502 when a machine
// refuses. It reads the state directory on every request, so deploys take effect immediately.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { setInterval } from 'node:timers';
import { join } from 'node:path';
import { readJson, writeAtomic } from './state.mjs';
import { ownProcessAlive, pidAlive } from './util.mjs';
import { currentVersion } from './model.mjs';

// Required, not imported: an ESM import of node:http reads every export, and one of them loads undici (~50 ms
// at each of the many short-lived processes a test run starts).
const { createServer, request: httpRequest } = createRequire(import.meta.url)('node:http');

const env = process.env;
const stateDir = env.STANDIN_STATE;
const app = env.STANDIN_APP;
const ownerPid = Number(env.STANDIN_OWNER_PID || 0);
const wantedPort = Number(env.STANDIN_PORT || 0);
let turn = 0;

function targets() {
  const releases = readJson(join(stateDir, 'releases.json'), {})[app] ?? [];
  const version = currentVersion(releases);
  const machines = Object.values(readJson(join(stateDir, 'machines.json'), {}));
  return machines
    .filter(
      (m) =>
        m.app === app &&
        !m.destroyed &&
        m.state === 'started' &&
        m.port &&
        ownProcessAlive(m.pid, `STANDIN_INSTANCE_ID=${m.instance_id}`) &&
        m.release_version === version,
    )
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

// Hop-by-hop headers describe one connection, not the message (RFC 9110 §7.6.1): a proxy never forwards
// them. Passing on the machine's "keep-alive: timeout=5" told clients to reuse sockets this proxy closes
// after 1 s, and a request sent on one in that gap failed with "other side closed".
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

function endToEnd(headers) {
  const named = String(headers.connection ?? '')
    .split(',')
    .map((token) => token.trim().toLowerCase());
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name) && !named.includes(name)),
  );
}

function reply(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = createServer((req, res) => {
  let pool;
  try {
    pool = targets();
  } catch {
    pool = [];
  }
  if (pool.length === 0) return reply(res, 503, `no started machines for app ${app} (stand-in front door)\n`);
  const target = pool[turn++ % pool.length];
  const upstream = httpRequest(
    {
      host: '127.0.0.1',
      port: target.port,
      agent: false,
      method: req.method,
      path: req.url,
      headers: { ...endToEnd(req.headers), 'fly-forwarded-port': '443', 'x-forwarded-proto': 'https' },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, {
        ...endToEnd(answer.headers),
        'fly-request-id': `standin-${Date.now()}`,
        'x-standin-machine': target.id,
        'x-standin-release': String(target.release_version),
      });
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) reply(res, 502, `machine ${target.id} refused the connection\n`);
    else res.destroy();
  });
  // A client giving up (e.g. a probe timeout against a hanging machine) must not leave the upstream open.
  res.on('close', () => upstream.destroy());
  req.pipe(upstream);
});
server.keepAliveTimeout = 1000;

function listen(port) {
  server.once('error', (error) => {
    if (port !== 0 && error.code === 'EADDRINUSE') return listen(0);
    throw error;
  });
  server.listen(port, '127.0.0.1', () => {
    const { port: bound } = server.address();
    writeAtomic(env.STANDIN_RUN_FILE, JSON.stringify({ pid: process.pid, port: bound }));
  });
}
listen(wantedPort);

setInterval(() => {
  if (!existsSync(stateDir) || (ownerPid && !pidAlive(ownerPid))) process.exit(0);
  try {
    if (!readJson(join(stateDir, 'apps.json'), {})[app]) process.exit(0);
  } catch {
    // concurrent rename; look again next tick
  }
}, 250).unref();

for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
