/**
 * Posts a message to a Slack-compatible incoming webhook (`{"text": …}`). Best effort and bounded: each
 * try has a time limit, a 5xx or 429 is tried again (waiting what Retry-After asks, when that is short), and
 * nothing here ever names the URL, which is a secret as a whole.
 */
import { setTimeout as delay } from 'node:timers/promises';

export interface NotifyOptions {
  /** Time limit of one try, body included (default 10 s). */
  timeoutMs?: number;
  /** Tries in all (default 3). */
  attempts?: number;
  /** First backoff (default 1 s), doubled; a Retry-After that says more wins. */
  backoffMs?: number;
  /** The longest Retry-After worth waiting for (default 15 s). */
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

function retryAfterMs(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** The webhook URL is checked again here (http/https, no credentials), without ever printing it. */
function webhookUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('the webhook URL is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`the webhook URL uses ${url.protocol}; only http and https are posted to`);
  if (url.username || url.password) throw new Error('the webhook URL carries credentials');
  return url;
}

/** A Slack-compatible message: `{"text": …}`. */
export function notifyWebhook(raw: string, text: string, options: NotifyOptions = {}): Promise<void> {
  return postWebhook(raw, { text }, options);
}

/** Any JSON document (a generic webhook), with the same limits and retries. */
export async function postWebhook(raw: string, payload: unknown, options: NotifyOptions = {}): Promise<void> {
  const url = webhookUrl(raw);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const attempts = Math.max(1, options.attempts ?? 3);
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 15_000;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  let backoff = options.backoffMs ?? 1000;
  for (let attempt = 1; ; attempt++) {
    let failure: string;
    let waitMs = backoff;
    let retriable: boolean;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(timeoutMs),
        // A redirect could carry the message elsewhere.
        redirect: 'error',
      });
      // Drain the body so the connection is released (the time limit covers it too).
      await response.text();
      if (response.ok) return;
      failure = `the webhook answered HTTP ${response.status}`;
      retriable = response.status === 429 || response.status >= 500;
      waitMs = Math.max(backoff, retryAfterMs(response.headers.get('retry-after')) ?? 0);
    } catch (error) {
      const name = (error as Error).name;
      const code = (error as { cause?: { code?: string } }).cause?.code;
      failure =
        name === 'TimeoutError' || name === 'AbortError'
          ? `the webhook did not answer within ${timeoutMs / 1000}s`
          : `the webhook could not be reached (${code ?? name})`;
      // Only a refused connection surely carried nothing: after anything else the message may have
      // arrived, and posting it again could post it twice.
      retriable = code === 'ECONNREFUSED';
    }
    if (!retriable || attempt >= attempts || waitMs > maxRetryAfterMs)
      throw new Error(`${failure}${attempt > 1 ? ` (${attempt} tries)` : ''}`);
    await sleep(waitMs);
    backoff *= 2;
  }
}
