import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closedPort, startFakeBackend, startMouth } from './helpers.mjs';
import { escapeHtml } from '../src/html.mjs';
import { settingsFromEnv } from '../src/app.mjs';

describe('nuzantara-mouth', () => {
  let backend;
  let mouth;
  before(async () => {
    backend = await startFakeBackend();
    mouth = await startMouth({ backendUrl: backend.url, backendTimeoutMs: 500 });
  });
  after(async () => {
    await mouth.close();
    await backend.close();
  });
  const get = (path) => fetch(mouth.url + path, { signal: AbortSignal.timeout(5000) });
  const withBehaviour = async (behaviour, work) => {
    backend.behaviour = behaviour;
    try {
      return await work();
    } finally {
      backend.behaviour = 'ok';
    }
  };

  it('serves the page at / with its stylesheet', async () => {
    const page = await get('/');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type'), /^text\/html/);
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    const text = await page.text();
    assert.match(text, /<h1>Nuzantara<\/h1>/);
    assert.match(text, /<form action="\/ask" method="get">/);
    const css = await get('/style.css');
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type'), /^text\/css/);
  });

  it('serves nothing outside public/', async () => {
    for (const path of ['/missing', '/../server.mjs', '/%2e%2e/server.mjs', '/..%2fpackage.json', '/%00'])
      assert.equal((await get(path)).status, 404, path);
    assert.equal((await get('/%E0%A4%A')).status, 400);
  });

  it('answers GET and HEAD only', async () => {
    const post = await fetch(`${mouth.url}/`, { method: 'POST', signal: AbortSignal.timeout(5000) });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
    const head = await fetch(`${mouth.url}/health`, { method: 'HEAD', signal: AbortSignal.timeout(5000) });
    assert.equal(head.status, 200);
  });

  it('/health reports the backend when it is up', async () => {
    const response = await get('/health');
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.equal(body.status, 'ok');
    assert.equal(body.service, 'nuzantara-mouth');
    assert.equal(body.backend.status, 'up');
    assert.equal(body.backend.url, backend.url);
    assert.equal(typeof body.backend.latency_ms, 'number');
  });

  it('/health stays 200 but says degraded when the backend is unhealthy, slow or broken', async () => {
    const cases = { unhealthy: 'unavailable', slow: 'down', error: 'down', garbage: 'down' };
    for (const [behaviour, status] of Object.entries(cases)) {
      const body = await withBehaviour(behaviour, async () => {
        const response = await get('/health');
        assert.equal(response.status, 200, behaviour);
        return response.json();
      });
      assert.equal(body.status, 'degraded', behaviour);
      assert.equal(body.backend.status, status, behaviour);
      if (behaviour === 'unhealthy') assert.deepEqual(body.backend.down, ['postgres']);
      if (behaviour === 'slow') assert.match(body.backend.error, /did not answer within 500 ms/);
    }
  });

  it('/health says down when nothing listens at BACKEND_URL', async () => {
    const lonely = await startMouth({ backendUrl: `http://127.0.0.1:${await closedPort()}` });
    try {
      const body = await (await fetch(`${lonely.url}/health`, { signal: AbortSignal.timeout(5000) })).json();
      assert.equal(body.status, 'degraded');
      assert.equal(body.backend.status, 'down');
      assert.match(body.backend.error, /unreachable \(ECONNREFUSED\)/);
    } finally {
      await lonely.close();
    }
  });

  it('/api/ask passes the question to the backend and returns its documents', async () => {
    const response = await get('/api/ask?q=visa%20%26%20KITAS');
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.equal(backend.questions.at(-1), 'visa & KITAS');
    assert.equal(body.source, 'postgres');
    assert.equal(body.results[0].slug, 'visa-types');
    assert.equal(typeof body.backend_ms, 'number');
  });

  it('/api/ask maps backend failures to 502 and 504, and checks the question', async () => {
    assert.equal((await get('/api/ask')).status, 400);
    assert.equal((await get(`/api/ask?q=${'a'.repeat(501)}`)).status, 400);
    await withBehaviour('error', async () => assert.equal((await get('/api/ask?q=visa')).status, 502));
    await withBehaviour('garbage', async () => assert.equal((await get('/api/ask?q=visa')).status, 502));
    await withBehaviour('slow', async () => {
      const started = Date.now();
      const response = await get('/api/ask?q=visa');
      assert.equal(response.status, 504);
      assert.match((await response.json()).error, /did not answer within 500 ms/);
      assert.ok(Date.now() - started < 1500, 'the time limit held');
    });
  });

  it('/ask renders the answer with everything escaped', async () => {
    const response = await get('/ask?q=%3Cscript%3Ealert(%22q%22)%3C%2Fscript%3E');
    assert.equal(response.status, 200);
    const text = await response.text();
    assert.doesNotMatch(text, /<script>/);
    assert.match(text, /value="&lt;script&gt;alert\(&quot;q&quot;\)&lt;\/script&gt;"/);
    assert.match(text, /<h2>Indonesian visa types<\/h2>/);
    assert.match(text, /<h2>&lt;b&gt;Bold&lt;\/b&gt; &amp; &quot;quoted&quot;<\/h2>/);
    assert.match(text, /<p>&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/p>/);
    assert.match(text, /2 document\(s\) from postgres \(cache: miss\)/);
  });

  it('/ask explains when the backend cannot answer', async () => {
    await withBehaviour('error', async () => {
      const response = await get('/ask?q=visa');
      assert.equal(response.status, 502);
      assert.match(
        await response.text(),
        /<p class="error">Cannot answer now: the backend answered 500\.<\/p>/,
      );
    });
  });

  it('/metrics exposes requests, latency and backend calls in Prometheus format', async () => {
    await get('/health');
    const response = await get('/metrics');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    assert.match(text, /mouth_http_requests_total\{route="\/health",method="GET",status="200"\} \d+/);
    assert.match(
      text,
      /mouth_http_request_duration_seconds_bucket\{le="\+Inf",route="\/api\/ask",method="GET",status="200"\} \d+/,
    );
    assert.match(text, /mouth_backend_requests_total\{endpoint="query",outcome="ok"\} \d+/);
    assert.match(text, /mouth_backend_requests_total\{endpoint="query",outcome="timeout"\} 1/);
    assert.match(text, /mouth_backend_up 1/);
    assert.match(text, /process_cpu_seconds_total/);
  });
});

describe('without a backend', () => {
  it('is healthy, and /api/ask says no backend is configured', async () => {
    const mouth = await startMouth();
    try {
      const health = await (await fetch(`${mouth.url}/health`)).json();
      assert.deepEqual(health, {
        status: 'ok',
        service: 'nuzantara-mouth',
        backend: { status: 'not configured' },
      });
      const ask = await fetch(`${mouth.url}/api/ask?q=visa`);
      assert.equal(ask.status, 503);
      assert.match((await ask.json()).error, /BACKEND_URL is not set/);
    } finally {
      await mouth.close();
    }
  });
});

describe('settingsFromEnv', () => {
  it('reads PORT, BACKEND_URL and BACKEND_TIMEOUT_MS', () => {
    assert.deepEqual(settingsFromEnv({}), {
      port: 3000,
      host: undefined,
      backendUrl: undefined,
      backendTimeoutMs: 3000,
    });
    assert.deepEqual(
      settingsFromEnv({ PORT: '8080', BACKEND_URL: ' http://rag:8000 ', BACKEND_TIMEOUT_MS: '750' }),
      {
        port: 8080,
        host: undefined,
        backendUrl: 'http://rag:8000',
        backendTimeoutMs: 750,
      },
    );
  });

  it('names the variable that is wrong', () => {
    assert.throws(() => settingsFromEnv({ PORT: 'x' }), /PORT must be a port number/);
    assert.throws(
      () => settingsFromEnv({ BACKEND_URL: 'rag:8000/x y' }),
      /BACKEND_URL must be an http\(s\) URL/,
    );
    assert.throws(
      () => settingsFromEnv({ BACKEND_URL: 'ftp://rag' }),
      /BACKEND_URL must be an http\(s\) URL/,
    );
    assert.throws(() => settingsFromEnv({ BACKEND_TIMEOUT_MS: '0' }), /BACKEND_TIMEOUT_MS/);
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML metacharacters', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    assert.equal(escapeHtml(42), '42');
  });
});
