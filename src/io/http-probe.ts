/**
 * The HTTP edge of the health probe: one attempt = one request (fresh connection, redirects followed by
 * hand, one deadline for the whole attempt including the body), judged by src/domain/probe.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { classifyError, evaluateResponse } from '../domain/probe/evaluate.js';
import {
  runProbe,
  type AttemptOutcome,
  type ProbeAttempt,
  type ProbeEdges,
  type ProbeResult,
} from '../domain/probe/run.js';
import type { RetryPolicy } from '../domain/probe/schedule.js';
import type { ProbeSpec } from '../domain/probe/spec.js';
import { runWindow, type WindowResult, type WindowSettings } from '../domain/probe/window.js';

const MAX_BODY_BYTES = 1024 * 1024;

interface RawResponse {
  status: number;
  location?: string;
  body: string;
}

async function request(
  url: URL,
  method: string,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<RawResponse> {
  // Loaded at the first request, not at start-up: a run that stops at an input check never pays for them.
  const lib = url.protocol === 'https:' ? await import('node:https') : await import('node:http');
  return new Promise((resolve, reject) => {
    const req = lib.request(
      url,
      {
        method,
        headers: { 'user-agent': 'nuzantara-actions-probe', ...headers },
        agent: false,
        signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < MAX_BODY_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            location: typeof res.headers.location === 'string' ? res.headers.location : undefined,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/**
 * One probe attempt against the spec. Never throws: failures come back as a reason. `cancel` aborts it
 * (the probe has its answer elsewhere): it then ends at once as `cancelled`.
 */
export async function httpAttempt(spec: ProbeSpec, cancel?: AbortSignal): Promise<AttemptOutcome> {
  const start = performance.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), spec.timeoutMs);
  const onCancel = () => controller.abort();
  if (cancel?.aborted) controller.abort();
  cancel?.addEventListener('abort', onCancel, { once: true });
  let url = new URL(spec.url);
  let method = spec.method;
  let headers = { ...spec.headers };
  let redirects = 0;
  try {
    for (;;) {
      const response = await request(url, method, headers, controller.signal);
      const isRedirect = response.status >= 300 && response.status < 400 && response.location;
      if (isRedirect && spec.followRedirects && redirects < spec.maxRedirects) {
        const next = new URL(response.location as string, url);
        // Credentials stay with the origin they were meant for.
        if (next.origin !== url.origin) headers = {};
        if (
          response.status === 303 ||
          ((response.status === 301 || response.status === 302) && method === 'POST')
        )
          method = 'GET';
        url = next;
        redirects++;
        continue;
      }
      const latencyMs = performance.now() - start;
      const verdict = evaluateResponse(spec, {
        status: response.status,
        body: response.body,
        latencyMs,
        finalUrl: url.toString(),
        redirects,
      });
      return { ...verdict, status: response.status, latencyMs };
    }
  } catch (error) {
    const latencyMs = performance.now() - start;
    const err = error as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
    if (cancel?.aborted)
      return { ok: false, reason: 'cancelled', detail: 'no answer yet when the probe stopped', latencyMs };
    if (controller.signal.aborted)
      return {
        ok: false,
        reason: 'timeout',
        detail: `no complete answer within ${spec.timeoutMs}ms`,
        latencyMs,
      };
    return { ...classifyError(err.code ?? err.cause?.code, err.message), latencyMs };
  } finally {
    clearTimeout(timer);
    cancel?.removeEventListener('abort', onCancel);
  }
}

/** The real clock and HTTP: what the probe loop and the verification window run on. */
function realEdges(onAttempt?: (attempt: ProbeAttempt) => void): ProbeEdges {
  return {
    attempt: httpAttempt,
    now: () => Date.now(),
    // An aborted sleep ends early; the loop then sees why.
    sleep: (ms, signal) => delay(ms, undefined, { signal }).catch(() => undefined),
    onAttempt,
  };
}

/** Probes with the retry policy on the real clock. */
export function probe(
  spec: ProbeSpec,
  policy: RetryPolicy,
  onAttempt?: (attempt: ProbeAttempt) => void,
): Promise<ProbeResult> {
  return runProbe(spec, policy, realEdges(onAttempt));
}

/** Samples the URL through the verification window on the real clock. */
export function sampleWindow(
  spec: ProbeSpec,
  window: WindowSettings,
  onSample?: (sample: ProbeAttempt) => void,
): Promise<WindowResult> {
  return runWindow(spec, window, realEdges(onSample));
}
