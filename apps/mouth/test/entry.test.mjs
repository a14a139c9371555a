// server.mjs as the image runs it: environment in, stops cleanly on SIGTERM, refuses bad settings.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { it } from 'node:test';
import { closedPort, startFakeBackend } from './helpers.mjs';

const entry = join(import.meta.dirname, '..', 'server.mjs');

it('listens on PORT, talks to BACKEND_URL and exits 0 on SIGTERM', async () => {
  const backend = await startFakeBackend();
  const port = await closedPort();
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, PORT: port, HOST: '127.0.0.1', BACKEND_URL: backend.url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const deadline = Date.now() + 10_000;
    let body;
    while (!body && Date.now() < deadline) {
      try {
        body = await (
          await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1000) })
        ).json();
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    assert.equal(body?.backend?.status, 'up', output);
    child.kill('SIGTERM');
    const code = await Promise.race([
      exited,
      new Promise((r) => setTimeout(() => r('timeout'), 8000).unref()),
    ]);
    assert.equal(code, 0, output);
    assert.match(output, new RegExp(`listening on port ${port}; backend: ${backend.url}`));
    assert.match(output, /SIGTERM: shutting down/);
  } finally {
    child.kill('SIGKILL');
    await backend.close();
  }
});

it('exits 2 naming a bad setting', () => {
  const result = spawnSync(process.execPath, [entry], {
    env: { ...process.env, BACKEND_URL: 'not a url' },
    encoding: 'utf8',
    timeout: 10_000,
  });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /BACKEND_URL must be an http\(s\) URL/);
});
