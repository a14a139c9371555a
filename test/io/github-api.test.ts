/**
 * The Octokit factory: a time limit per request, retries of 5xx and 429 honouring Retry-After, and a
 * secondary rate limit told apart from a read-only token. nock for answers, a real loopback server for
 * silence (a request that is accepted and never answered).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { GitHubApiError, githubClient } from '../../src/io/github-api.js';

const API = 'https://ghes.example.com/api/v3';
const TOKEN = 'ghs_fakeTokenForTests0000000000000000000';

let silent: Server;
let silentUrl = '';
const silentHits: string[] = [];

beforeAll(async () => {
  if (!nock.isActive()) nock.activate();
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  silent = createServer((req) => void silentHits.push(`${req.method} ${req.url}`));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
});
afterEach(() => {
  nock.cleanAll();
  silentHits.length = 0;
});
afterAll(async () => {
  nock.enableNetConnect();
  nock.restore();
  silent.closeAllConnections();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

async function client(baseUrl = API, extra: Parameters<typeof githubClient>[2] = {}) {
  const sleeps: number[] = [];
  const octokit = await githubClient(TOKEN, baseUrl, { sleep: async (ms) => void sleeps.push(ms), ...extra });
  return { octokit, sleeps };
}

const failureOf = async (promise: Promise<unknown>): Promise<GitHubApiError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GitHubApiError);
  return error as GitHubApiError;
};

describe('githubClient', () => {
  it('waits what Retry-After asks after a 429, then succeeds', async () => {
    const api = nock(API)
      .get('/user')
      .reply(429, { message: 'Too Many Requests' }, { 'retry-after': '2' })
      .get('/user')
      .reply(200, { login: 'bot' });
    const { octokit, sleeps } = await client();
    await expect(octokit.rest.users.getAuthenticated()).resolves.toMatchObject({ data: { login: 'bot' } });
    expect(sleeps).toEqual([2000]);
    expect(api.isDone()).toBe(true);
  });

  it('retries a 5xx with backoff, a write too, and gives up after the last try with the story', async () => {
    nock(API)
      .post('/repos/o/r/issues/1/comments')
      .reply(502, 'Bad Gateway')
      .post('/repos/o/r/issues/1/comments')
      .reply(201, { id: 7 });
    const first = await client();
    await expect(
      first.octokit.rest.issues.createComment({ owner: 'o', repo: 'r', issue_number: 1, body: 'x' }),
    ).resolves.toMatchObject({ data: { id: 7 } });
    expect(first.sleeps).toEqual([1000]);

    nock(API).get('/user').times(3).reply(503, { message: 'Service Unavailable' });
    const second = await client();
    const failure = await failureOf(second.octokit.rest.users.getAuthenticated());
    expect(failure.kind).toBe('server');
    expect(failure.message).toBe('GitHub refused GET /user (HTTP 503: Service Unavailable) (3 tries)');
    expect(second.sleeps).toEqual([1000, 2000]);
  });

  it('tells a secondary rate limit from a read-only token; a long Retry-After is not waited for', async () => {
    nock(API).post('/repos/o/r/issues/1/comments').reply(
      403,
      {
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      },
      { 'retry-after': '120' },
    );
    const limited = await client();
    const rate = await failureOf(
      limited.octokit.rest.issues.createComment({ owner: 'o', repo: 'r', issue_number: 1, body: 'x' }),
    );
    expect(rate.kind).toBe('rate-limited');
    expect(rate.status).toBe(403);
    expect(rate.message).toMatch(/rate limit stopped POST .*it asks to wait 120s.*not a permission problem/);
    expect(limited.sleeps).toEqual([]);

    nock(API)
      .post('/repos/o/r/issues/1/comments')
      .reply(403, { message: 'Resource not accessible by integration' });
    const readOnly = await client();
    const forbidden = await failureOf(
      readOnly.octokit.rest.issues.createComment({ owner: 'o', repo: 'r', issue_number: 1, body: 'x' }),
    );
    expect(forbidden.kind).toBe('read-only');
    expect(forbidden.message).toMatch(/fork the token is read-only/);
    expect(readOnly.sleeps).toEqual([]);
  });

  it('a secondary rate limit without Retry-After is retried with backoff; an exhausted primary limit waits for its reset', async () => {
    nock(API)
      .get('/user')
      .reply(403, { message: 'You have exceeded a secondary rate limit' })
      .get('/user')
      .reply(200, { login: 'bot' });
    const secondary = await client();
    await expect(secondary.octokit.rest.users.getAuthenticated()).resolves.toBeDefined();
    expect(secondary.sleeps).toEqual([1000]);

    const reset = Math.ceil(Date.now() / 1000) + 3600;
    nock(API)
      .get('/user')
      .reply(
        403,
        { message: 'API rate limit exceeded' },
        {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(reset),
        },
      );
    const primary = await client();
    const failure = await failureOf(primary.octokit.rest.users.getAuthenticated());
    expect(failure.kind).toBe('rate-limited');
    expect(primary.sleeps).toEqual([]);
  });

  it('a read that is accepted and never answered ends at the time limit, tried once more; a write is not tried again', async () => {
    const { octokit } = await client(silentUrl, { requestTimeoutMs: 200 });
    const read = await failureOf(octokit.rest.users.getAuthenticated());
    expect(read.kind).toBe('timeout');
    expect(read.message).toBe('GitHub did not answer GET /user: no complete answer within 0.2s (2 tries)');
    expect(silentHits).toEqual(['GET /user', 'GET /user']);

    silentHits.length = 0;
    const write = await failureOf(
      octokit.rest.repos.createDeployment({ owner: 'o', repo: 'r', ref: 'abc', environment: 'p' }),
    );
    expect(write.kind).toBe('timeout');
    expect(silentHits).toEqual(['POST /repos/o/r/deployments']);
  });

  it("the caller's own deadline wins and is not retried", async () => {
    const { octokit } = await client(silentUrl, { requestTimeoutMs: 10_000 });
    const signal = AbortSignal.timeout(150);
    const error = await octokit.rest.users.getAuthenticated({ request: { signal } }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(GitHubApiError);
    expect(signal.aborted).toBe(true);
    expect(silentHits).toHaveLength(1);
  });

  it('never puts the token in a message', async () => {
    nock(API).get('/user').reply(401, { message: 'Bad credentials' });
    const failure = await failureOf((await client()).octokit.rest.users.getAuthenticated());
    expect(failure.kind).toBe('unauthorized');
    expect(failure.message).not.toContain(TOKEN);
  });
});
