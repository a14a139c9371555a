/** The chat webhook: bounded tries, 5xx and 429 retried (Retry-After honoured), the URL never printed. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { notifyWebhook } from '../../src/io/notify.js';
import { startHttpStub, type HttpStub } from '../support/http-stub.js';

let stub: HttpStub;
let silent: Server;
let silentUrl = '';
let silentHits = 0;

beforeAll(async () => {
  stub = await startHttpStub();
  silent = createServer(() => void silentHits++);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/services/T000/B000/zzWebhookSecret`;
});
afterAll(async () => {
  await stub.close();
  silent.closeAllConnections();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

const recorder = () => {
  const sleeps: number[] = [];
  return { sleeps, sleep: async (ms: number) => void sleeps.push(ms) };
};

describe('notifyWebhook', () => {
  it('posts {"text": …} and tries again after a 503 and after a 429, waiting what Retry-After asks', async () => {
    let calls = 0;
    stub.on('POST', '/hooks/flaky', () => {
      calls++;
      if (calls === 1) return { status: 503, body: 'busy' };
      if (calls === 2) return { status: 429, headers: { 'retry-after': '3' }, body: 'slow down' };
      return { status: 200, body: 'ok' };
    });
    const r = recorder();
    await notifyWebhook(`${stub.url}/hooks/flaky`, 'deploy healthy', { sleep: r.sleep });
    expect(calls).toBe(3);
    expect(r.sleeps).toEqual([1000, 3000]);
    expect(stub.requests.filter((q) => q.path === '/hooks/flaky').map((q) => q.json)).toEqual(
      Array(3).fill({ text: 'deploy healthy' }),
    );
  });

  it('gives up after its tries, or at once when Retry-After asks too long, and never names the URL', async () => {
    stub.on('POST', '/hooks/zzdown', () => ({ status: 502, body: 'down' }));
    stub.on('POST', '/hooks/zzlater', () => ({ status: 429, headers: { 'retry-after': '3600' }, body: '' }));
    const down = await notifyWebhook(`${stub.url}/hooks/zzdown`, 'x', recorder()).catch((e: Error) => e);
    expect(String(down)).toBe('Error: the webhook answered HTTP 502 (3 tries)');
    const r = recorder();
    const later = await notifyWebhook(`${stub.url}/hooks/zzlater`, 'x', r).catch((e: Error) => e);
    expect(String(later)).toBe('Error: the webhook answered HTTP 429');
    expect(r.sleeps).toEqual([]);
  });

  it('a webhook that accepts and never answers ends at the time limit, and is not posted twice', async () => {
    const error = await notifyWebhook(silentUrl, 'x', { timeoutMs: 200, ...recorder() }).catch(
      (e: Error) => e,
    );
    expect(String(error)).toBe('Error: the webhook did not answer within 0.2s');
    expect(String(error)).not.toContain('zzWebhookSecret');
    expect(silentHits).toBe(1);
  });

  it('refuses other schemes and credentials without quoting the URL', async () => {
    await expect(notifyWebhook('ftp://hooks.example.com/zzsecret', 'x')).rejects.toThrow(
      /^the webhook URL uses ftp:; only http and https/,
    );
    const error = await notifyWebhook('https://user:zzpass@hooks.example.com/x', 'x').catch((e: Error) => e);
    expect(String(error)).toBe('Error: the webhook URL carries credentials');
  });
});
