/**
 * The OSV API (https://google.github.io/osv.dev/api/): `POST /v1/querybatch` for the advisory ids of many
 * packages at once, in batches of at most 1000 queries (the limit osv.dev sets and OSV's own clients
 * hard-code), following each query's `next_page_token`; `GET /v1/vulns/{id}` for one advisory's details.
 * The base URL is an input, so mirrors and local stubs work. Each request has a time limit and one retry
 * on a busy or failing server; an answer that is not what the API documents is an error, never an empty result.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { formatDuration } from '../domain/shared/duration.js';
import { decodeUrlPart } from '../domain/shared/inputs.js';
import { ADVISORY_ID } from '../domain/vulns/advisory.js';
import type { BatchAnswer, OsvPort, PackageQuery } from '../domain/vulns/scan.js';

export const OSV_BATCH_LIMIT = 1000;

export interface OsvOptions {
  baseUrl: URL;
  /** Time limit of each request (default 30 s). */
  timeoutMs?: number;
  /** Queries per querybatch request (default and maximum 1000). */
  batchSize?: number;
  /** Pages followed per query before giving up (default 50). */
  maxPages?: number;
  /** Pause before the one retry (default 1 s). */
  retryDelayMs?: number;
}

/** The server's address for messages: no credentials, no query. */
export const describeBase = (url: URL): string =>
  `${url.protocol}//${url.host}${url.pathname.replace(/\/$/, '')}`;

class OsvError extends Error {
  constructor(
    message: string,
    readonly retry: boolean,
  ) {
    super(message);
  }
}

export function osvClient(options: OsvOptions): OsvPort {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const batchSize = Math.min(OSV_BATCH_LIMIT, Math.max(1, options.batchSize ?? OSV_BATCH_LIMIT));
  const maxPages = options.maxPages ?? 50;
  const base = new URL(
    options.baseUrl.href.endsWith('/') ? options.baseUrl.href : `${options.baseUrl.href}/`,
  );
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  // Credentials in the URL (a private mirror) go in a header; fetch refuses them in the URL.
  if (base.username || base.password) {
    headers.authorization = `Basic ${Buffer.from(`${decodeUrlPart(base.username)}:${decodeUrlPart(base.password)}`).toString('base64')}`;
    base.username = '';
    base.password = '';
  }
  const where = describeBase(base);

  async function once(path: string, body?: unknown): Promise<unknown> {
    const url = new URL(path, base);
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method: body === undefined ? 'GET' : 'POST',
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const reason =
        (error as Error).name === 'TimeoutError'
          ? `no answer within ${formatDuration(timeoutMs)}`
          : ((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
      throw new OsvError(`${where} ${path}: ${reason}`, true);
    }
    if (!response.ok) {
      const retry = response.status === 429 || response.status >= 500;
      throw new OsvError(`${where} ${path} answered HTTP ${response.status}`, retry);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new OsvError(`${where} ${path} answered something that is not JSON`, false);
    }
  }

  async function request(path: string, body?: unknown): Promise<unknown> {
    try {
      return await once(path, body);
    } catch (error) {
      if (!(error instanceof OsvError) || !error.retry) throw error;
      await delay(options.retryDelayMs ?? 1000);
      return once(path, body);
    }
  }

  const toQuery = (q: PackageQuery, pageToken?: string) => ({
    package: { name: q.name, ecosystem: q.ecosystem },
    version: q.version,
    ...(pageToken ? { page_token: pageToken } : {}),
  });

  /** One batch and its follow-up pages: ids per query, or throws for the whole batch. */
  async function batch(queries: readonly PackageQuery[]): Promise<string[][]> {
    const ids = queries.map(() => new Set<string>());
    let pending = queries.map((q, index) => ({ index, token: undefined as string | undefined, q }));
    for (let page = 0; pending.length > 0; page++) {
      if (page >= maxPages) throw new Error(`${where} v1/querybatch still had more pages after ${maxPages}`);
      const answer = await request('v1/querybatch', { queries: pending.map((p) => toQuery(p.q, p.token)) });
      const results = (answer as { results?: unknown }).results;
      if (!Array.isArray(results) || results.length !== pending.length)
        throw new Error(
          `${where} v1/querybatch answered ${Array.isArray(results) ? results.length : 'no'} results for ${pending.length} queries`,
        );
      const next: typeof pending = [];
      results.forEach((result: unknown, i) => {
        const p = pending[i] as (typeof pending)[number];
        const r = (result ?? {}) as { vulns?: unknown; next_page_token?: unknown };
        if (r.vulns !== undefined && !Array.isArray(r.vulns))
          throw new Error(`${where} v1/querybatch answered a result without a vulns list`);
        for (const v of (r.vulns ?? []) as { id?: unknown }[])
          if (typeof v?.id === 'string' && ADVISORY_ID.test(v.id)) ids[p.index]?.add(v.id);
        if (typeof r.next_page_token === 'string' && r.next_page_token !== '')
          next.push({ ...p, token: r.next_page_token });
      });
      pending = next;
    }
    return ids.map((s) => [...s]);
  }

  return {
    async queryBatch(queries) {
      const answer: BatchAnswer = { ids: [], errors: [] };
      for (let start = 0; start < queries.length; start += batchSize) {
        const chunk = queries.slice(start, start + batchSize);
        try {
          answer.ids.push(...(await batch(chunk)));
        } catch (error) {
          answer.errors.push((error as Error).message);
          answer.ids.push(...chunk.map(() => undefined));
        }
      }
      return answer;
    },
    async vulnerability(id) {
      return request(`v1/vulns/${encodeURIComponent(id)}`);
    },
  };
}
