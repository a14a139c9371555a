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
      .reply(201, { id: 10, html_url: 'https://ghes.example.com/c/10' });
    await expect(upsertStickyComment(options)).resolves.toMatchObject({ action: 'created', id: 10 });
    expect(api.isDone()).toBe(true);
  });

  it('reports a 403 on writing as forbidden (fork pull request), and rethrows server errors', async () => {
    nock(API)
      .get('/user')
      .reply(403, {})
      .get(comments)
      .query(true)
      .reply(200, [])
      .post(comments)
      .reply(403, { message: 'Resource not accessible by integration' });
    await expect(upsertStickyComment(options)).resolves.toMatchObject({ action: 'forbidden', status: 403 });

    nock(API).get('/user').reply(403, {}).get(comments).query(true).reply(500, { message: 'boom' });
    await expect(upsertStickyComment(options)).rejects.toMatchObject({ status: 500 });
  });
});
