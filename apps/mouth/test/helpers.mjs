// Shared by the tests: a small real HTTP server standing in for nuzantara-rag, and a started mouth server.
import { createServer } from 'node:http';
import { createMouthServer } from '../src/app.mjs';

export function listen(server) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`));
  });
}

export function close(server) {
  server.closeAllConnections?.();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A port nothing listens on (a backend that is down). */
export async function closedPort() {
  const server = createServer();
  const url = await listen(server);
  await close(server);
  return new URL(url).port;
}

/**
 * The backend stand-in: answers /health and /query like nuzantara-rag, as `behaviour` says
 * ('ok', 'unhealthy', 'slow', 'error', 'garbage'); records the questions it was asked.
 */
export async function startFakeBackend() {
  const fake = { behaviour: 'ok', questions: [], delayMs: 2000 };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const send = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (fake.behaviour === 'slow') {
      // Slower than the mouth's time limit; stops waiting when the mouth gives up.
      await new Promise((r) => {
        const timer = setTimeout(r, fake.delayMs);
        res.once('close', () => {
          clearTimeout(timer);
          r();
        });
      });
      if (res.destroyed) return;
    }
    if (fake.behaviour === 'error') return send(500, { error: 'boom' });
    if (fake.behaviour === 'garbage') return send(200, '<html>not json</html>');
    if (url.pathname === '/health') {
      return fake.behaviour === 'unhealthy'
        ? send(503, { status: 'unavailable', down: ['postgres'] })
        : send(200, { status: 'ok', down: [] });
    }
    if (url.pathname === '/query') {
      const q = url.searchParams.get('q');
      fake.questions.push(q);
      return send(200, {
        query: q,
        source: 'postgres',
        cache: 'miss',
        count: 2,
        results: [
          {
            slug: 'visa-types',
            title: 'Indonesian visa types',
            body: 'The KITAS limited stay permit.',
            score: 0.5,
          },
          { slug: 'html', title: '<b>Bold</b> & "quoted"', body: '<script>alert(1)</script>', score: 0.1 },
        ],
      });
    }
    return send(404, { error: 'not found' });
  });
  fake.url = await listen(server);
  fake.close = () => close(server);
  return fake;
}

/** A mouth server on a free loopback port. */
export async function startMouth(options = {}) {
  const { server, metrics } = createMouthServer(options);
  const url = await listen(server);
  return { url, metrics, close: () => close(server) };
}
