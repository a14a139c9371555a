/**
 * The GitHub Deployments fake behaves as GitHub's REST API does for the calls the actions make: checked with
 * the project's own client (Octokit underneath), so the fake cannot drift from what that client expects.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDeployment, listDeployments } from '../../../src/io/github-deployments.js';
import { startGitHubFake, type GitHubFake } from './github-fake.js';

let github: GitHubFake;
beforeAll(async () => {
  github = await startGitHubFake();
});
afterAll(async () => github?.close());

const repo = () => ({ token: 'ghs_fake', apiUrl: github.url, owner: 'nuzantara', repo: 'example' });

describe('the GitHub Deployments fake', () => {
  it('keeps a created deployment, its payload and statuses, and lists them back newest first', async () => {
    const payload = { nuzantara: { schema: 1, app: 'demo', release: 7 } };
    const record = await createDeployment({
      ...repo(),
      ref: 'abc',
      environment: 'fake-env',
      description: 'first',
      payload,
    });
    await record.setStatus('failure', { description: 'no', environmentUrl: 'https://demo.fly.dev' });
    const second = await createDeployment({
      ...repo(),
      ref: 'def',
      environment: 'fake-env',
      description: 'second',
    });
    await second.setStatus('in_progress', { description: 'going' });
    await second.setStatus('success', { description: 'done' });
    const listed = await listDeployments({ ...repo(), environment: 'fake-env', withStatus: true });
    expect(listed.map((d) => d.description)).toEqual(['second', 'first']);
    expect(listed[1]).toMatchObject({ id: record.id, sha: 'abc', payload });
    expect(listed[0]?.latestStatus).toMatchObject({ state: 'success', description: 'done' });
    expect(listed[1]?.latestStatus).toMatchObject({
      state: 'failure',
      environmentUrl: 'https://demo.fly.dev',
    });
  });

  it('pages with Link headers and filters by environment', async () => {
    for (let i = 0; i < 130; i++) github.seed({ environment: 'paged', payload: { n: i } });
    github.seed({ environment: 'elsewhere', payload: { n: -1 } });
    const all = await listDeployments({ ...repo(), environment: 'paged', limit: 500 });
    expect(all).toHaveLength(130);
    expect(all[0]?.payload).toEqual({ n: 129 });
    expect(all.at(-1)?.payload).toEqual({ n: 0 });
    const pages = github.stub.requests.filter(
      (r) => r.method === 'GET' && r.query.get('environment') === 'paged',
    );
    expect(pages.map((r) => r.query.get('page') ?? '1')).toEqual(['1', '2']);
    expect(await listDeployments({ ...repo(), environment: 'paged', limit: 5 })).toHaveLength(5);
  });
});
