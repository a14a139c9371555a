// nuzantara-mouth's HTTP server: the page, /health, /metrics, and /ask + /api/ask, which call nuzantara-rag.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { BackendClient } from './backend.mjs';
import { answerPage } from './html.mjs';
import { createMetrics } from './metrics.mjs';

export const SERVICE = 'nuzantara-mouth';
const MAX_QUERY_CHARS = 500;
const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};
const securityHeaders = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'self'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
};

/**
 * Settings from the environment: PORT, BACKEND_URL (optional), BACKEND_TIMEOUT_MS.
 * Throws an Error naming the variable when one is unusable.
 */
export function settingsFromEnv(env = process.env) {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const timeoutMs = Number(env.BACKEND_TIMEOUT_MS ?? 3000);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new Error(
      `BACKEND_TIMEOUT_MS must be a positive number of milliseconds, got "${env.BACKEND_TIMEOUT_MS}"`,
    );
  const backendUrl = env.BACKEND_URL?.trim() || undefined;
  if (backendUrl !== undefined) {
    let url;
    try {
      url = new URL(backendUrl);
    } catch {
      throw new Error(`BACKEND_URL must be an http(s) URL, got "${backendUrl}"`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new Error(`BACKEND_URL must be an http(s) URL, got "${url.protocol}" URL`);
  }
  return { port, host: env.HOST?.trim() || undefined, backendUrl, backendTimeoutMs: timeoutMs };
}

/** The server (not listening yet), and its metrics for tests. */
export function createMouthServer({ backendUrl, backendTimeoutMs = 3000, publicDir } = {}) {
  const root = resolve(publicDir ?? join(import.meta.dirname, '..', 'public'));
  const backend = backendUrl
    ? new BackendClient({ url: backendUrl, timeoutMs: backendTimeoutMs })
    : undefined;
  const metrics = createMetrics();

  const callBackend = async (call) => {
    const result = await call();
    metrics.observeBackend(result);
    return result;
  };

  async function health() {
    if (!backend) return { status: 'ok', service: SERVICE, backend: { status: 'not configured' } };
    const result = await callBackend(() => backend.health());
    const report = { url: backend.origin, latency_ms: Math.round(result.latencyMs * 100) / 100 };
    if (result.ok && result.status === 200)
      return { status: 'ok', service: SERVICE, backend: { status: 'up', ...report } };
    // The page can still be served, so this server stays healthy (200): restarting it would not bring the
    // backend back. "degraded" says that questions cannot be answered right now.
    const backendReport = result.ok
      ? { status: 'unavailable', http_status: result.status, down: result.body?.down ?? [], ...report }
      : { status: 'down', error: result.message, ...report };
    return { status: 'degraded', service: SERVICE, backend: backendReport };
  }

  /** The backend's answer to a question, as { ok, answer, latencyMs } or { ok: false, status, message }. */
  async function ask(query) {
    if (!backend)
      return { ok: false, status: 503, message: 'No backend is configured (BACKEND_URL is not set).' };
    const result = await callBackend(() => backend.ask(query));
    if (result.ok) {
      const { query: asked, source, cache, results } = result.body;
      if (Array.isArray(results))
        return { ok: true, answer: { query: asked, source, cache, results }, latencyMs: result.latencyMs };
      return { ok: false, status: 502, message: 'The backend answered without results.' };
    }
    return {
      ok: false,
      status: result.outcome === 'timeout' ? 504 : 502,
      message: `Cannot answer now: ${result.message}.`,
    };
  }

  function question(url) {
    const query = (url.searchParams.get('q') ?? '').trim();
    if (!query) return { error: 'Ask a question with ?q=…' };
    if (query.length > MAX_QUERY_CHARS)
      return { error: `A question has at most ${MAX_QUERY_CHARS} characters.` };
    return { query };
  }

  async function staticFile(pathname) {
    let decoded;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return { status: 400, body: 'bad request', type: 'text/plain; charset=utf-8' };
    }
    const file = resolve(root, `.${decoded === '/' ? '/index.html' : decoded}`);
    // Nothing outside public/, however the path was spelled.
    if (!file.startsWith(root + sep) || decoded.includes('\0')) return notFound();
    try {
      return {
        status: 200,
        body: await readFile(file),
        type: types[extname(file)] ?? 'application/octet-stream',
      };
    } catch {
      return notFound();
    }
  }

  async function route(req, url) {
    const { pathname } = url;
    if (pathname === '/health') return json(200, await health());
    if (pathname === '/metrics')
      return { status: 200, body: await metrics.render(), type: metrics.contentType };
    if (pathname === '/api/ask') {
      const { query, error } = question(url);
      if (error) return json(400, { error });
      const outcome = await ask(query);
      return outcome.ok
        ? json(200, { ...outcome.answer, backend_ms: Math.round(outcome.latencyMs * 100) / 100 })
        : json(outcome.status, { error: outcome.message });
    }
    if (pathname === '/ask') {
      const { query, error } = question(url);
      if (error) return html(400, answerPage('', { ok: false, message: error }));
      const outcome = await ask(query);
      return html(outcome.ok ? 200 : outcome.status, answerPage(query, outcome));
    }
    return staticFile(pathname);
  }

  const routeLabel = (pathname) =>
    ['/', '/health', '/metrics', '/ask', '/api/ask'].includes(pathname)
      ? pathname
      : extname(pathname) in types
        ? 'static'
        : 'other';

  const server = createServer(async (req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    let response;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      response = {
        status: 405,
        body: 'method not allowed',
        type: 'text/plain; charset=utf-8',
        headers: { allow: 'GET, HEAD' },
      };
    } else {
      try {
        response = await route(req, url);
      } catch (error) {
        console.error(`${req.method} ${url.pathname} failed:`, error);
        response = { status: 500, body: 'internal error', type: 'text/plain; charset=utf-8' };
      }
    }
    res.writeHead(response.status, {
      'content-type': response.type,
      'cache-control': 'no-store',
      ...securityHeaders,
      ...response.headers,
    });
    res.end(response.body);
    metrics.observeRequest(
      routeLabel(url.pathname),
      req.method,
      response.status,
      (performance.now() - started) / 1000,
    );
  });
  // Bounded waits for slow clients too.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  return { server, metrics };
}

function json(status, body) {
  return { status, body: JSON.stringify(body), type: 'application/json; charset=utf-8' };
}

function html(status, body) {
  return { status, body, type: 'text/html; charset=utf-8' };
}

function notFound() {
  return { status: 404, body: 'not found', type: 'text/plain; charset=utf-8' };
}
