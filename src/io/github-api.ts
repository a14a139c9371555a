/**
 * The one Octokit factory: `baseUrl` is GITHUB_API_URL (GHES and local test stubs work), every request has
 * a time limit, and 5xx, 429 and secondary rate limits are retried with backoff, waiting what Retry-After
 * asks when that is short. A failure comes out as a GitHubApiError that says which kind it is, so a
 * secondary rate limit is never mistaken for a read-only token. Written over Octokit's request hook rather
 * than @octokit/plugin-retry and plugin-throttling: those bring bottleneck (unchanged since 2019) into every
 * bundle and still set no time limit.
 */
import type { getOctokit } from '@actions/github';
import { setTimeout as delay } from 'node:timers/promises';
import { formatDuration } from '../domain/shared/duration.js';

export interface GitHubClientOptions {
  /** Time limit of one request, body included (default 15 s). */
  requestTimeoutMs?: number;
  /** Tries of a request that may succeed later (default 3). */
  attempts?: number;
  /** First backoff (default 1 s), doubled each retry; a Retry-After that says more wins. */
  backoffMs?: number;
  /** The longest wait a Retry-After or rate-limit reset may ask for (default 30 s); longer fails at once. */
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export type GitHubFailureKind =
  /** No complete answer within the request's time limit. */
  | 'timeout'
  /** A secondary rate limit (403/429 with Retry-After or its message) or the primary one (remaining 0). */
  | 'rate-limited'
  /** 403 "Resource not accessible by integration": a read-only token (a fork's pull request) or a missing permission. */
  | 'read-only'
  | 'forbidden'
  | 'unauthorized'
  | 'not-found'
  /** 5xx after the retries. */
  | 'server'
  /** No answer at all: refused, reset, DNS. */
  | 'network'
  | 'other';

/** A GitHub request that failed for good; the message is one sentence safe to print (no token, no body). */
export class GitHubApiError extends Error {
  override name = 'GitHubApiError';
  constructor(
    readonly kind: GitHubFailureKind,
    readonly status: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

interface RawFailure {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

const DEFAULTS = {
  requestTimeoutMs: 15_000,
  attempts: 3,
  backoffMs: 1000,
  maxRetryAfterMs: 30_000,
} as const;

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** Retry-After: seconds, or an HTTP date. */
function retryAfterMs(value: string | number | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(String(value));
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

interface Classified {
  kind: GitHubFailureKind;
  status?: number;
  detail: string;
  /** How long GitHub asked to wait, when it said. */
  waitMs?: number;
}

function classify(error: unknown, timedOut: boolean, limitMs: number): Classified {
  const failure = error as RawFailure;
  const headers = failure.response?.headers ?? {};
  const status = failure.response ? failure.status : undefined;
  const message = String(
    (failure.response?.data as { message?: unknown } | undefined)?.message ?? failure.message ?? '',
  );
  if (timedOut) return { kind: 'timeout', detail: `no complete answer within ${limitMs / 1000}s` };
  if (status === undefined) return { kind: 'network', detail: message || 'no answer' };
  const retryAfter = retryAfterMs(headers['retry-after']);
  if (
    (status === 403 || status === 429) &&
    (retryAfter !== undefined || /secondary rate limit/i.test(message))
  )
    return { kind: 'rate-limited', status, detail: `secondary rate limit: ${message}`, waitMs: retryAfter };
  if ((status === 403 || status === 429) && String(headers['x-ratelimit-remaining']) === '0') {
    const reset = Number(headers['x-ratelimit-reset']);
    return {
      kind: 'rate-limited',
      status,
      detail: `API rate limit exhausted: ${message}`,
      ...(Number.isFinite(reset) ? { waitMs: Math.max(0, reset * 1000 - Date.now()) } : {}),
    };
  }
  if (status === 429) return { kind: 'rate-limited', status, detail: message || 'too many requests' };
  if (status === 403 && /not accessible by integration/i.test(message))
    return { kind: 'read-only', status, detail: message };
  if (status === 403) return { kind: 'forbidden', status, detail: message };
  if (status === 401) return { kind: 'unauthorized', status, detail: message };
  if (status === 404) return { kind: 'not-found', status, detail: message };
  if (status >= 500) return { kind: 'server', status, detail: message };
  return { kind: 'other', status, detail: message };
}

/** What a failure means for the person reading the log. */
function story(c: Classified, what: string, tries: number): string {
  const after = tries > 1 ? ` (${tries} tries)` : '';
  const http = c.status === undefined ? '' : `HTTP ${c.status}: `;
  switch (c.kind) {
    case 'timeout':
      return `GitHub did not answer ${what}: ${c.detail}${after}`;
    case 'rate-limited':
      return `GitHub's rate limit stopped ${what} (${http}${c.detail}${c.waitMs === undefined ? '' : `; it asks to wait ${Math.ceil(c.waitMs / 1000)}s`})${after}. This is not a permission problem: run the job again later`;
    case 'read-only':
      return `the token may not do ${what} (${http}${c.detail}): on a pull request from a fork the token is read-only; otherwise grant the job the permission`;
    case 'network':
      return `GitHub could not be reached for ${what} (${c.detail})${after}`;
    default:
      return `GitHub refused ${what} (${http}${c.detail || 'no message'})${after}`;
  }
}

export type Octokit = ReturnType<typeof getOctokit>;

/**
 * Octokit for this run's GitHub with a time limit per request and retries (see the module comment).
 * Loaded on first use: Octokit and undici (its proxy support) are most of a bundle's start-up, and most
 * runs make no GitHub request.
 */
export async function githubClient(
  token: string,
  baseUrl: string,
  options: GitHubClientOptions = {},
): Promise<Octokit> {
  const settings = { ...DEFAULTS, ...options };
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(token, { baseUrl });
  octokit.hook.wrap('request', async (request, endpoint) => {
    const method = String(endpoint.method ?? 'GET').toUpperCase();
    const what = `${method} ${String(endpoint.url ?? '')}`;
    const callerRequest = endpoint.request;
    const callerSignal = callerRequest?.signal as AbortSignal | undefined;
    let backoff = settings.backoffMs;
    let silences = 0;
    for (let attempt = 1; ; attempt++) {
      const timeout = AbortSignal.timeout(settings.requestTimeoutMs);
      const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
      try {
        // Set on the options object itself: the hooks inside this one (auth) were bound to it, not to an argument.
        endpoint.request = { ...callerRequest, signal };
        return await request(endpoint);
      } catch (error) {
        // The caller's own deadline: the caller tells that story.
        if (callerSignal?.aborted) throw error;
        const failure = classify(error, timeout.aborted, settings.requestTimeoutMs);
        if (failure.kind === 'timeout') silences++;
        // A write that timed out or got no answer may have happened: trying again could do it twice. A
        // read that timed out is tried once more: one stalled connection may be a one-off, two an outage.
        const retriable =
          failure.kind === 'server' ||
          failure.kind === 'rate-limited' ||
          (failure.kind === 'network' && IDEMPOTENT.has(method)) ||
          (failure.kind === 'timeout' && IDEMPOTENT.has(method) && silences < 2);
        const waitMs = Math.max(backoff, failure.waitMs ?? 0);
        if (!retriable || attempt >= settings.attempts || waitMs > settings.maxRetryAfterMs)
          throw new GitHubApiError(failure.kind, failure.status, story(failure, what, attempt));
        await sleep(waitMs);
        if (callerSignal?.aborted) throw error;
        backoff *= 2;
      }
    }
  });
  return octokit;
}

/** The kind of a GitHub failure, for callers that treat some kinds differently. */
export function githubFailureKind(error: unknown): GitHubFailureKind | undefined {
  return error instanceof GitHubApiError ? error.kind : undefined;
}

/** Runs GitHub calls under one deadline; a call still waiting then is aborted with a clear message. */
export async function withDeadline<T>(
  timeoutMs: number,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    return await work(signal);
  } catch (error) {
    if (signal.aborted) throw new Error(`GitHub did not answer within ${formatDuration(timeoutMs)}`);
    throw error;
  }
}
