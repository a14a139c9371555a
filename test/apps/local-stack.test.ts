/** The loopback runner of the two apps (no Docker): both answer their Fly health checks and talk to each other. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Health {
  status: string;
  dependencies?: Record<string, { status: string }>;
  backend?: { status: string };
}
interface Answer {
  source: string;
  results: { slug: string; title: string; body: string }[];
}

describe('scripts/deployment/local-stack.mjs', () => {
  let child: ChildProcessWithoutNullStreams;
  let rag: string;
  let mouth: string;
  let output = '';

  beforeAll(async () => {
    // Without DATABASE_URL and REDIS_URL: the backend serves its built-in documents.
    const env = { ...process.env };
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'BACKEND_URL'])
      delete env[name];
    child = spawn(
      process.execPath,
      [join(repoRoot, 'scripts/deployment/local-stack.mjs'), '--seconds', '45'],
      {
        env,
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const urls = await new Promise<string[]>((resolvePromise, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        output += d.toString();
        if (output.includes('Running for'))
          resolvePromise(
            [...output.matchAll(/healthy at (\S+)/g)].map((m) => new URL(m[1] as string).origin),
          );
      });
      child.on('exit', (code) => reject(new Error(`local-stack exited ${code}: ${output}`)));
    });
    [rag, mouth] = urls as [string, string];
  });

  afterAll(async () => {
    // 'close' waits for the apps too: they write to the same pipes and stop on local-stack's SIGTERM.
    const closed = new Promise((r) => child.once('close', r));
    child.kill('SIGTERM');
    await closed;
  });

  const get = (url: string) => fetch(url, { signal: AbortSignal.timeout(10_000) });

  it('starts the backend, healthy without a database or cache', async () => {
    const health = await get(`${rag}/health`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as Health;
    expect(body.status).toBe('ok');
    expect(body.dependencies).toEqual({
      postgres: { status: 'not configured', required: false },
      redis: { status: 'not configured', required: false },
    });
    const answer = (await (await get(`${rag}/query?q=KITAS`)).json()) as Answer;
    expect(answer.source).toBe('builtin');
    expect(answer.results.map((doc) => doc.body).join(' ')).toContain('KITAS');
  });

  it('starts the frontend: the page, /health with the backend up, 404 for the rest', async () => {
    const page = await get(`${mouth}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<h1>Nuzantara</h1>');
    const health = (await (await get(`${mouth}/health`)).json()) as Health;
    expect(health).toMatchObject({ status: 'ok', backend: { status: 'up' } });
    expect((await get(`${mouth}/missing`)).status).toBe(404);
  });

  it('points the frontend at the backend: /api/ask and /ask answer from it', async () => {
    const answer = (await (await get(`${mouth}/api/ask?q=corporate%20tax`)).json()) as Answer;
    expect(answer.source).toBe('builtin');
    expect(answer.results[0]?.slug).toBe('corporate-income-tax');
    const page = await get(`${mouth}/ask?q=${encodeURIComponent('<b>tax</b>')}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<h2>Corporate income tax</h2>');
    expect(html).toContain('value="&lt;b&gt;tax&lt;/b&gt;"');
  });

  it('serves Prometheus metrics from both apps', async () => {
    const ragMetrics = await (await get(`${rag}/metrics`)).text();
    expect(ragMetrics).toMatch(/rag_http_requests_total\{method="GET",route="\/health",status="200"\} \d/);
    const mouthMetrics = await (await get(`${mouth}/metrics`)).text();
    expect(mouthMetrics).toMatch(/mouth_backend_requests_total\{endpoint="query",outcome="ok"\} \d/);
  });
});
