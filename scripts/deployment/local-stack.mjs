#!/usr/bin/env node
// Runs the two reference services on loopback, waits until both answer their Fly health check paths,
// prints their URLs, and stops them on Ctrl-C (or after --seconds N, for scripted use).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const secondsArg = process.argv.indexOf('--seconds');
const lifetime = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) * 1000 : undefined;

const services = [
  {
    name: 'nuzantara-rag',
    cwd: join(root, 'apps', 'backend-rag'),
    command: 'python3',
    args: ['server.py'],
    health: '/health',
  },
  {
    name: 'nuzantara-mouth',
    cwd: join(root, 'apps', 'mouth'),
    command: process.execPath,
    args: ['server.mjs'],
    health: '/',
  },
];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitHealthy(url, deadline) {
  while (Date.now() < deadline) {
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

let failed = false;
for (const service of services) {
  const port = await freePort();
  const child = spawn(service.command, service.args, {
    cwd: service.cwd,
    env: { ...process.env, PORT: String(port) },
    stdio: 'inherit',
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}${service.health}`;
  if (await waitHealthy(url, Date.now() + 15_000)) console.log(`${service.name} healthy at ${url}`);
  else {
    console.error(`${service.name} did not answer ${url} within 15s`);
    failed = true;
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
