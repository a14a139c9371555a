/** The OSV stand-in against the API's documented contract (osv.dev docs: POST /v1/querybatch, GET /v1/vulns/{id}). */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { startHttpStub, type HttpStub } from '../../support/http-stub.js';
import { ADVISORIES, record, serveOsv } from './osv-records.js';

interface Batch {
  results: { vulns?: { id: string; modified: string }[]; next_page_token?: string }[];
}

let stub: HttpStub;
beforeEach(async () => void (stub = await startHttpStub()));
afterEach(() => stub.close());

const post = (body: unknown) =>
  fetch(`${stub.url}/v1/querybatch`, { method: 'POST', body: JSON.stringify(body) }).then(async (r) => ({
    status: r.status,
    json: (await r.json()) as Batch,
  }));

describe('OSV stand-in', () => {
  it('answers one result per query, in order, with only id and modified; no vulns key when none', async () => {
    serveOsv(stub, ADVISORIES);
    const { json } = await post({
      queries: [
        { package: { name: 'lodash', ecosystem: 'npm' }, version: '4.17.20' },
        { package: { name: 'lodash', ecosystem: 'npm' }, version: '4.17.21' },
        { package: { name: 'DJANGO', ecosystem: 'PyPI' }, version: '3.2.0' },
      ],
    });
    expect(json.results).toHaveLength(3);
    expect(json.results[0]).toEqual({
      vulns: [{ id: 'GHSA-35jh-r3h4-6jhm', modified: '2026-01-01T00:00:00Z' }],
    });
    expect(json.results[1]).toEqual({});
    expect(json.results[2]?.vulns?.map((v) => v.id)).toEqual(['GHSA-xxxx-djng-crit', 'PYSEC-2021-0001']);
  });

  it('paginates each query with its own next_page_token, absent on the last page', async () => {
    const many = Array.from({ length: 3 }, (_, i) =>
      record(`GHSA-p-${i}`, 'npm', 'big', { versions: ['1.0.0'] }),
    );
    serveOsv(stub, many, { pageSize: 2 });
    const query = { package: { name: 'big', ecosystem: 'npm' }, version: '1.0.0' };
    const first = (await post({ queries: [query] })).json.results[0]!;
    expect(first.vulns).toHaveLength(2);
    const second = (await post({ queries: [{ ...query, page_token: first.next_page_token }] })).json
      .results[0];
    expect(second?.vulns).toHaveLength(1);
    expect(second?.next_page_token).toBeUndefined();
  });

  it('refuses more than 1000 queries, serves details by id and 404s unknown ids', async () => {
    serveOsv(stub, ADVISORIES);
    const queries = Array.from({ length: 1001 }, () => ({
      package: { name: 'a', ecosystem: 'npm' },
      version: '1.0.0',
    }));
    expect((await post({ queries })).status).toBe(400);
    const detail = await fetch(`${stub.url}/v1/vulns/GHSA-35jh-r3h4-6jhm`).then(
      (r) => r.json() as Promise<{ id: string; affected: unknown[] }>,
    );
    expect(detail.id).toBe('GHSA-35jh-r3h4-6jhm');
    expect(detail.affected).toHaveLength(1);
    expect((await fetch(`${stub.url}/v1/vulns/NOPE-1`)).status).toBe(404);
  });
});
