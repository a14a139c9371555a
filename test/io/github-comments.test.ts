/** The sticky comment in-process with nock 15 (which intercepts Octokit's fetch). */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { upsertStickyComment } from '../../src/io/github-comments.js';

const API = 'https://ghes.example.com/api/v3';
const MARKER = '<!-- coverage-gate:coverage -->';
const options = {
  token: 'ghp_patForTests000000000000000000000000',
  baseUrl: API,
  owner: 'nuzantara',
  repo: 'example',
  issueNumber: 12,
  marker: MARKER,
  body: `${MARKER}\nnew body`,
  client: { sleep: async () => undefined },
};
const comments = '/repos/nuzantara/example/issues/12/comments';

beforeAll(() => {
  if (!nock.isActive()) nock.activate();
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
});
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});

describe('upsertStickyComment', () => {
  it("updates the token user's own marked comment found on a later page, not someone else's", async () => {
    const api = nock(API)
      .get('/user')
      .reply(200, { login: 'release-bot' })
      .get(comments)
      .query({ per_page: '100' })
      .reply(
        200,
        [
          { id: 1, body: `quote: ${MARKER}`, user: { login: 'alice' } },
          { id: 2, body: 'unrelated', user: { login: 'release-bot' } },
        ],
        { link: `<${API}${comments}?per_page=100&page=2>; rel="next"` },
      )
      .get(comments)
      .query({ per_page: '100', page: '2' })
      .reply(200, [{ id: 3, body: `${MARKER}\nold`, user: { login: 'release-bot' } }])
      .patch('/repos/nuzantara/example/issues/comments/3', { body: options.body })
      .reply(200, { id: 3, html_url: 'https://ghes.example.com/c/3' });
    await expect(upsertStickyComment(options)).resolves.toEqual({
      action: 'updated',
      id: 3,
      url: 'https://ghes.example.com/c/3',
    });
    expect(api.isDone()).toBe(true);
  });

  it('creates the comment as github-actions[bot] when GET /user is refused (GITHUB_TOKEN)', async () => {
    const api = nock(API)
      .get('/user')
      .reply(403, { message: 'Resource not accessible by integration' })
      .get(comments)
      .query(true)
      .reply(200, [{ id: 9, body: `${MARKER} by a person`, user: { login: 'alice' } }])
      .post(comments, { body: options.body })
      .reply(201, { id: 10, html_url: 'https://ghes.example.com/c/10' })
      // The check for a racing run: only ours is there.
      .get(comments)
      .query(true)
      .reply(200, [
        { id: 9, body: `${MARKER} by a person`, user: { login: 'alice' } },
        { id: 10, body: options.body, user: { login: 'github-actions[bot]' } },
      ]);
    await expect(upsertStickyComment(options)).resolves.toMatchObject({ action: 'created', id: 10 });
    expect(api.isDone()).toBe(true);
  });

  it('a run that created its comment while another run did too keeps the older one and deletes its own', async () => {
    const bot = { login: 'github-actions[bot]' };
    const api = nock(API)
      .get('/user')
      .reply(403, {})
      .get(comments)
      .query(true)
      .reply(200, [])
      .post(comments, { body: options.body })
      .reply(201, { id: 21, html_url: 'https://ghes.example.com/c/21' })
      // A matrix sibling listed before either created, and created #20 first.
      .get(comments)
      .query(true)
      .reply(200, [
        { id: 21, body: options.body, user: bot },
        { id: 20, body: `${MARKER}\nsibling`, user: bot },
        { id: 5, body: `quote ${MARKER}`, user: { login: 'alice' } },
      ])
      .patch('/repos/nuzantara/example/issues/comments/20', { body: options.body })
      .reply(200, { id: 20, html_url: 'https://ghes.example.com/c/20' })
      .delete('/repos/nuzantara/example/issues/comments/21')
      .reply(204);
    await expect(upsertStickyComment(options)).resolves.toEqual({
      action: 'updated',
      id: 20,
      url: 'https://ghes.example.com/c/20',
    });
    expect(api.isDone()).toBe(true);
  });

  it('the older racer keeps its comment; a duplicate already deleted by the other racer (404) is fine', async () => {
    const bot = { login: 'github-actions[bot]' };
    const api = nock(API)
      .get('/user')
      .reply(403, {})
      .get(comments)
      .query(true)
      .reply(200, [])
      .post(comments)
      .reply(201, { id: 20, html_url: 'https://ghes.example.com/c/20' })
      .get(comments)
      .query(true)
      .reply(200, [
        { id: 20, body: options.body, user: bot },
        { id: 21, body: `${MARKER}\nsibling`, user: bot },
      ])
      .delete('/repos/nuzantara/example/issues/comments/21')
      .reply(404, { message: 'Not Found' });
    await expect(upsertStickyComment(options)).resolves.toMatchObject({ action: 'created', id: 20 });
    expect(api.isDone()).toBe(true);
  });

  it('an update also removes duplicates an earlier race left behind', async () => {
    const bot = { login: 'github-actions[bot]' };
    const api = nock(API)
      .get('/user')
      .reply(403, {})
      .get(comments)
      .query(true)
      .reply(200, [
        { id: 31, body: `${MARKER}\nb`, user: bot },
        { id: 30, body: `${MARKER}\na`, user: bot },
      ])
      .patch('/repos/nuzantara/example/issues/comments/30', { body: options.body })
      .reply(200, { id: 30, html_url: 'https://ghes.example.com/c/30' })
      .delete('/repos/nuzantara/example/issues/comments/31')
      .reply(204);
    await expect(upsertStickyComment(options)).resolves.toMatchObject({ action: 'updated', id: 30 });
    expect(api.isDone()).toBe(true);
  });

  it('reports a 403 on writing as forbidden (fork pull request), and rethrows server errors after the retries', async () => {
    nock(API)
      .get('/user')
      .reply(403, {})
      .get(comments)
      .query(true)
      .reply(200, [])
      .post(comments)
      .reply(403, { message: 'Resource not accessible by integration' });
    await expect(upsertStickyComment(options)).resolves.toMatchObject({ action: 'forbidden', status: 403 });

    nock(API).get('/user').reply(403, {}).get(comments).query(true).times(3).reply(500, { message: 'boom' });
    await expect(upsertStickyComment(options)).rejects.toMatchObject({ kind: 'server', status: 500 });
  });

  it('a secondary rate limit is not taken for a read-only token: it is passed on as a failure', async () => {
    nock(API)
      .get('/user')
      .reply(403, {})
      .get(comments)
      .query(true)
      .reply(200, [])
      .post(comments)
      .reply(403, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '600' });
    await expect(upsertStickyComment(options)).rejects.toMatchObject({ kind: 'rate-limited', status: 403 });
  });

  it('an identity lookup that fails for another reason than a refusal is not guessed at', async () => {
    nock(API).get('/user').times(3).reply(502, 'Bad Gateway');
    await expect(upsertStickyComment(options)).rejects.toMatchObject({ kind: 'server' });
  });
});
