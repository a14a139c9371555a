// The mouth against the real nuzantara-rag on PostgreSQL and Redis, when scripts/test-apps.mjs provides it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startMouth } from './helpers.mjs';

const backendUrl = process.env.MOUTH_TEST_BACKEND_URL;

describe(
  'against the real backend',
  { skip: backendUrl ? false : 'MOUTH_TEST_BACKEND_URL is not set' },
  () => {
    let mouth;
    before(async () => {
      mouth = await startMouth({ backendUrl, backendTimeoutMs: 5000 });
    });
    after(() => mouth.close());
    const get = (path) => fetch(mouth.url + path, { signal: AbortSignal.timeout(10_000) });

    it('reports the backend up', async () => {
      const body = await (await get('/health')).json();
      assert.equal(body.status, 'ok');
      assert.equal(body.backend.status, 'up');
    });

    it('answers from PostgreSQL, then from the Redis cache', async () => {
      const question = `KITAS work permit ${Date.now()}`; // a fresh cache key for every run
      const first = await (await get(`/api/ask?q=${encodeURIComponent(question)}`)).json();
      assert.equal(first.source, 'postgres');
      assert.equal(first.cache, 'miss');
      assert.ok(
        first.results.some((doc) => doc.slug === 'work-kitas'),
        JSON.stringify(first),
      );
      const second = await (await get(`/api/ask?q=${encodeURIComponent(question)}`)).json();
      assert.equal(second.cache, 'hit');
      assert.deepEqual(second.results, first.results);
    });

    it('renders the answer page', async () => {
      const response = await get('/ask?q=corporate%20income%20tax');
      assert.equal(response.status, 200);
      assert.match(await response.text(), /<h2>Corporate income tax<\/h2>/);
    });
  },
);
