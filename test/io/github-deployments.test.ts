/** GitHub Deployments and the webhook, in-process with nock (nock 15 intercepts Octokit's fetch). */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';

import { createDeployment, listDeployments } from '../../src/io/github-deployments.js';
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

describe('GitHub Deployment records', () => {
  const api = 'https://ghes.example.com/api/v3';
  const deployment = (id: number, payload: unknown) => ({
    id,
    sha: 'abc123',
    ref: 'main',
    environment: 'production',
    description: `d${id}`,
    created_at: `2026-11-0${id % 9}T00:00:00Z`,
    payload,
  });

  it('creates the deployment with its payload, then its final status', async () => {
    let body: Record<string, unknown> = {};
    const scope = nock(api)
      .post('/repos/nuzantara/example/deployments', (b) => ((body = b as Record<string, unknown>), true))
      .reply(201, { id: 8 })
      .post('/repos/nuzantara/example/deployments/8/statuses', {
        state: 'failure',
        description: 'no',
        log_url: target.logUrl,
        auto_inactive: true,
      })
      .reply(201, { id: 2 });
    const record = await createDeployment({
      ...target,
      environment: 'production',
      description: 'rollback demo',
      payload: { nuzantara: { schema: 1, kind: 'rollback' } },
    });
    await record.setStatus('failure', { description: 'no' });
    expect(scope.isDone()).toBe(true);
    expect(body.payload).toEqual({ nuzantara: { schema: 1, kind: 'rollback' } });
  });

  it("lists an environment's deployments across pages, with each one's newest status", async () => {
    const page1 = Array.from({ length: 100 }, (_, i) => deployment(300 - i, { n: i }));
    const page2 = [deployment(200, '{"n":100}')];
    nock(api)
      .get('/repos/nuzantara/example/deployments')
      .query({ environment: 'production', per_page: '100', page: '1' })
      .reply(200, page1)
      .get('/repos/nuzantara/example/deployments')
      .query({ environment: 'production', per_page: '100', page: '2' })
      .reply(200, page2);
    const listed = await listDeployments({ ...target, environment: 'production' });
    expect(listed).toHaveLength(101);
    expect(listed[0]).toEqual({
      id: 300,
      sha: 'abc123',
      ref: 'main',
      environment: 'production',
      description: 'd300',
      createdAt: expect.any(String),
      payload: { n: 0 },
    });
    expect(listed[100]?.payload).toBe('{"n":100}');

    nock(api)
      .get('/repos/nuzantara/example/deployments')
      .query(true)
      .reply(200, [deployment(5, {}), deployment(6, {})])
      .get('/repos/nuzantara/example/deployments/5/statuses')
      .query(true)
      .reply(200, [
        { state: 'in_progress', description: 'going', created_at: '2026-11-05T00:00:00Z' },
        {
          state: 'success',
          description: 'done',
          environment_url: 'https://demo.fly.dev',
          created_at: '2026-11-05T00:01:00Z',
        },
      ])
      .get('/repos/nuzantara/example/deployments/6/statuses')
      .query(true)
      .reply(200, []);
    const withStatus = await listDeployments({ ...target, withStatus: true });
    expect(withStatus[0]?.latestStatus).toEqual({
      state: 'success',
      description: 'done',
      environmentUrl: 'https://demo.fly.dev',
      createdAt: '2026-11-05T00:01:00Z',
    });
    expect(withStatus[1]?.latestStatus).toBeNull();
  });

  it('gives up at its time limit with a clear message when GitHub never answers', async () => {
    // A real server that accepts and never replies (nock's delays do not meet fetch's abort signal).
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    nock.enableNetConnect('127.0.0.1');
    try {
      const apiUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
      await expect(listDeployments({ ...target, apiUrl, timeoutMs: 300 })).rejects.toThrow(
        'GitHub did not answer within 300ms',
      );
      await expect(
        createDeployment({ ...target, apiUrl, timeoutMs: 300, environment: 'production', description: 'x' }),
      ).rejects.toThrow('GitHub did not answer within 300ms');
    } finally {
      nock.disableNetConnect();
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
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
