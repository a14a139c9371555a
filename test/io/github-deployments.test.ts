/** GitHub Deployments and the webhook, in-process with nock (nock 15 intercepts Octokit's fetch). */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';

import { createDeployment } from '../../src/io/github-deployments.js';
import { notifyWebhook } from '../../src/io/notify.js';

const target = {
  token: 't',
  apiUrl: 'https://ghes.example.com/api/v3',
  owner: 'nuzantara',
  repo: 'example',
  ref: 'abc123',
  logUrl: 'https://ghes.example.com/nuzantara/example/actions/runs/99',
};

beforeAll(() => {
  nock.disableNetConnect();
});
afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
  nock.restore();
});

describe('GitHub Deployments', () => {
  it('creates a deployment and posts statuses on GITHUB_API_URL', async () => {
    const bodies: unknown[] = [];
    const api = nock('https://ghes.example.com/api/v3')
      .post('/repos/nuzantara/example/deployments', (b) => (bodies.push(b), true))
      .reply(201, { id: 7 })
      .post('/repos/nuzantara/example/deployments/7/statuses', (b) => (bodies.push(b), true))
      .reply(201, { id: 1 });
    const record = await createDeployment({
      ...target,
      environment: 'production',
      description: 'deploy demo',
    });
    await record.setStatus('success', { description: 'ok', environmentUrl: 'https://demo.fly.dev' });
    expect(api.isDone()).toBe(true);
    expect(bodies[0]).toMatchObject({
      ref: 'abc123',
      environment: 'production',
      auto_merge: false,
      required_contexts: [],
    });
    expect(bodies[1]).toMatchObject({
      state: 'success',
      environment_url: 'https://demo.fly.dev',
      log_url: 'https://ghes.example.com/nuzantara/example/actions/runs/99',
    });
  });

  it('fails clearly when GitHub refuses', async () => {
    nock('https://ghes.example.com/api/v3')
      .post('/repos/nuzantara/example/deployments')
      .reply(403, { message: 'Resource not accessible by integration' });
    await expect(
      createDeployment({ ...target, environment: 'production', description: 'x' }),
    ).rejects.toThrow(/Resource not accessible/);
  });
});

describe('the webhook', () => {
  it('posts Slack-compatible JSON and reports HTTP errors', async () => {
    let body: unknown;
    nock('https://hooks.example.com')
      .post('/services/T/B/X', (b) => ((body = b), true))
      .reply(200, 'ok');
    await notifyWebhook('https://hooks.example.com/services/T/B/X', '*demo* deploy failed');
    expect(body).toEqual({ text: '*demo* deploy failed' });
    nock('https://hooks.example.com').post('/services/T/B/X').reply(404, 'no_service');
    await expect(notifyWebhook('https://hooks.example.com/services/T/B/X', 'x')).rejects.toThrow('HTTP 404');
  });
});
