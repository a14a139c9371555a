import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { osvClient } from '../../src/io/osv.js';
import { startHttpStub, type HttpStub } from '../support/http-stub.js';
import { ADVISORIES, record, serveOsv } from '../domain/vulns/osv-records.js';

let stub: HttpStub;
beforeEach(async () => void (stub = await startHttpStub()));
afterEach(() => stub.close());

const q = (name: string, version: string, ecosystem: 'npm' | 'PyPI' = 'npm') => ({
  name,
  version,
  ecosystem,
});

describe('OSV client', () => {
  it('querybatch gives the ids of each query in order; details come from /v1/vulns/{id}', async () => {
    serveOsv(stub, ADVISORIES);
    const osv = osvClient({ baseUrl: new URL(stub.url) });
    const answer = await osv.queryBatch([
      q('lodash', '4.17.20'),
      q('left-pad', '1.3.0'),
      q('Django', '3.2.0', 'PyPI'),
    ]);
    expect(answer.errors).toEqual([]);
    expect(answer.ids).toEqual([['GHSA-35jh-r3h4-6jhm'], [], ['GHSA-xxxx-djng-crit', 'PYSEC-2021-0001']]);
    expect(await osv.vulnerability('GHSA-35jh-r3h4-6jhm')).toMatchObject({ id: 'GHSA-35jh-r3h4-6jhm' });
    expect(stub.requests[0]?.json).toEqual({
      queries: [
        { package: { name: 'lodash', ecosystem: 'npm' }, version: '4.17.20' },
        { package: { name: 'left-pad', ecosystem: 'npm' }, version: '1.3.0' },
        { package: { name: 'Django', ecosystem: 'PyPI' }, version: '3.2.0' },
      ],
    });
  });

  it('follows each query’s next_page_token, asking again only for the queries with more pages', async () => {
    const many = Array.from({ length: 5 }, (_, i) =>
      record(`GHSA-page-test-000${i}`, 'npm', 'big', { versions: ['1.0.0'] }),
    );
    const state = serveOsv(stub, [...many, ...ADVISORIES], { pageSize: 2 });
    const answer = await osvClient({ baseUrl: new URL(stub.url) }).queryBatch([
      q('big', '1.0.0'),
      q('lodash', '4.17.20'),
    ]);
    expect(answer.ids[0]).toHaveLength(5);
    expect(answer.ids[1]).toEqual(['GHSA-35jh-r3h4-6jhm']);
    expect(state.batchSizes).toEqual([2, 1, 1]);
    expect(state.pageTokens).toBe(2);
  });

  it('splits at the batch size (at most 1000 queries a request)', async () => {
    const state = serveOsv(stub, ADVISORIES);
    const queries = Array.from({ length: 2301 }, (_, i) => q(`pkg-${i}`, '1.0.0'));
    const answer = await osvClient({ baseUrl: new URL(stub.url) }).queryBatch(queries);
    expect(state.batchSizes).toEqual([1000, 1000, 301]);
    expect(answer.ids).toHaveLength(2301);
    expect(answer.errors).toEqual([]);
  });

  it('an error answers for its batch only, with the status, after one retry', async () => {
    serveOsv(stub, ADVISORIES, { batchStatus: 503 });
    const answer = await osvClient({ baseUrl: new URL(stub.url), retryDelayMs: 1 }).queryBatch([
      q('lodash', '4.17.20'),
    ]);
    expect(answer.ids).toEqual([undefined]);
    expect(answer.errors[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+ v1\/querybatch answered HTTP 503$/);
    expect(stub.requests.filter((r) => r.path === '/v1/querybatch')).toHaveLength(2);
  });

  it('an answer that is not the documented shape is an error, not an empty result', async () => {
    stub.on('POST', '/v1/querybatch', () => ({ body: { results: [] } }));
    const answer = await osvClient({ baseUrl: new URL(stub.url) }).queryBatch([q('a', '1.0.0')]);
    expect(answer.ids).toEqual([undefined]);
    expect(answer.errors[0]).toContain('answered 0 results for 1 queries');
  });

  it('a server that does not answer in time is an error naming the wait', async () => {
    stub.on('GET', '/v1/vulns/:id', () => new Promise(() => undefined));
    const osv = osvClient({ baseUrl: new URL(stub.url), timeoutMs: 200, retryDelayMs: 1 });
    await expect(osv.vulnerability('GHSA-x')).rejects.toThrow(/v1\/vulns\/GHSA-x: no answer within 200ms/);
  });

  it('a mirror under a path prefix, with credentials sent as a header and never in messages', async () => {
    stub.on('POST', '/mirror/v1/querybatch', (req) => ({
      status:
        req.headers.authorization === `Basic ${Buffer.from('user:s3cr3t-pass').toString('base64')}`
          ? 200
          : 401,
      body: { results: [{}] },
    }));
    const base = new URL(stub.url.replace('http://', 'http://user:s3cr3t-pass@') + '/mirror');
    const answer = await osvClient({ baseUrl: base }).queryBatch([q('a', '1.0.0')]);
    expect(answer).toEqual({ ids: [[]], errors: [] });
    stub.on('GET', '/mirror/v1/vulns/:id', () => ({ status: 404, body: {} }));
    await expect(osvClient({ baseUrl: base }).vulnerability('X')).rejects.toThrow(/answered HTTP 404/);
    await osvClient({ baseUrl: base })
      .vulnerability('X')
      .catch((e: Error) => expect(e.message).not.toContain('s3cr3t'));
  });
});
