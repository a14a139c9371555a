/**
 * The GitHub stand-in against the REST API's documented behaviour, with plain fetch (not the code under
 * test): list order, filters and Link pagination, pull requests in the issues list, label conflicts,
 * Contents API encodings and sha checks, and the Git Data calls that make an orphan branch.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startGitHubStandIn, JSON_CONTENT_LIMIT, type GitHubStandIn } from './github-stand-in.js';

let gh: GitHubStandIn;
beforeAll(async () => {
  gh = await startGitHubStandIn();
});
afterAll(async () => {
  await gh.close();
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${gh.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(5000),
  });
  const text = await response.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // raw text
  }
  return {
    status: response.status,
    json: json as Record<string, unknown> & { title: string }[],
    text,
    headers: response.headers,
  };
}

const repo = '/repos/nuzantara/example';

describe('the GitHub stand-in', () => {
  it('lists issues newest first, filtered by label and state, including pull requests, with Link pages', async () => {
    for (let i = 0; i < 5; i++)
      await call('POST', `${repo}/issues`, { title: `t${i}`, labels: ['incident'] });
    gh.seed({ title: 'a pull request', labels: [{ name: 'incident' }], pull_request: { url: 'x' } });
    gh.seed({ title: 'other', labels: [{ name: 'bug' }] });
    const first = await call('GET', `${repo}/issues?labels=incident&state=open&per_page=4`);
    expect(first.status).toBe(200);
    expect(first.json.map((i: { title: string }) => i.title)).toEqual(['a pull request', 't4', 't3', 't2']);
    expect(first.json[0]).toHaveProperty('pull_request');
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link') ?? '')?.[1] as string;
    const second = await call('GET', next.slice(gh.url.length));
    expect(second.json.map((i: { title: string }) => i.title)).toEqual(['t1', 't0']);
    expect(second.headers.get('link')).toBeNull();
  });

  it('updates, closes with a reason, comments, and answers 404 for an unknown issue', async () => {
    const created = await call('POST', `${repo}/issues`, { title: 'x', body: 'b' });
    expect(created.status).toBe(201);
    const n = created.json.number as number;
    const closed = await call('PATCH', `${repo}/issues/${n}`, {
      state: 'closed',
      state_reason: 'not_planned',
    });
    expect(closed.json).toMatchObject({ state: 'closed', state_reason: 'not_planned' });
    expect((await call('POST', `${repo}/issues/${n}/comments`, { body: 'hi' })).status).toBe(201);
    expect((await call('GET', `${repo}/issues/${n}/comments`)).json).toHaveLength(1);
    expect((await call('GET', `${repo}/issues/99999`)).status).toBe(404);
    expect((await call('POST', `${repo}/issues`, { body: 'no title' })).status).toBe(422);
  });

  it('creates a label once: 422 already_exists after', async () => {
    expect((await call('GET', `${repo}/labels/paging`)).status).toBe(404);
    expect((await call('POST', `${repo}/labels`, { name: 'paging', color: 'd73a4a' })).status).toBe(201);
    const again = await call('POST', `${repo}/labels`, { name: 'paging', color: 'd73a4a' });
    expect(again.status).toBe(422);
    expect(again.json.errors).toEqual([{ code: 'already_exists' }]);
  });

  it('makes an orphan branch, and writes files through the Contents API with sha checks', async () => {
    expect((await call('GET', `${repo}/git/ref/heads%2Fdata`)).status).toBe(404);
    const tree = await call('POST', `${repo}/git/trees`, {
      tree: [{ path: 'README.md', mode: '100644', type: 'blob', content: 'r' }],
    });
    const commit = await call('POST', `${repo}/git/commits`, {
      message: 'm',
      tree: tree.json.sha,
      parents: [],
    });
    expect(
      (await call('POST', `${repo}/git/refs`, { ref: 'refs/heads/data', sha: commit.json.sha })).status,
    ).toBe(201);
    expect(
      (await call('POST', `${repo}/git/refs`, { ref: 'refs/heads/data', sha: commit.json.sha })).status,
    ).toBe(422);
    expect((await call('GET', `${repo}/git/ref/heads%2Fdata`)).json).toMatchObject({
      object: { sha: commit.json.sha },
    });

    const path = `${repo}/contents/history%2Fday.jsonl`;
    expect((await call('GET', `${path}?ref=data`)).status).toBe(404);
    expect((await call('GET', `${path}?ref=nope`)).status).toBe(404);
    const put = (content: string, sha?: string) =>
      call('PUT', path, {
        message: 'm',
        branch: 'data',
        content: Buffer.from(content).toString('base64'),
        ...(sha ? { sha } : {}),
      });
    expect((await put('a\n')).status).toBe(201);
    const got = await call('GET', `${path}?ref=data`);
    expect(Buffer.from(got.json.content as string, 'base64').toString()).toBe('a\n');
    expect((await put('b\n')).status).toBe(422);
    expect((await put('b\n', 'stale')).status).toBe(409);
    expect((await put('a\nb\n', got.json.sha as string)).status).toBe(200);
    expect(gh.file('data', 'history/day.jsonl')).toBe('a\nb\n');
    expect(gh.file('data', 'README.md')).toBe('r');
    // The raw media type, and no content in the JSON form over 1 MB.
    const raw = await call('GET', `${path}?ref=data`, undefined, { accept: 'application/vnd.github.v3.raw' });
    expect(raw.text).toBe('a\nb\n');
    const latest = await call('GET', `${path}?ref=data`);
    await put('x'.repeat(JSON_CONTENT_LIMIT + 1), latest.json.sha as string);
    const big = await call('GET', `${path}?ref=data`);
    expect(big.json).toMatchObject({ encoding: 'none', content: '' });
  });
});
