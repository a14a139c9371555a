/** Judging one probe attempt: a response against the spec, or a network error mapped to a reason. */
import { describeStatusSet, statusMatches, type BodyCheck, type ProbeSpec } from './spec.js';

export type AttemptReason =
  | 'ok'
  | 'timeout'
  | 'refused'
  | 'dns'
  | 'tls'
  | 'reset'
  | 'status'
  | 'body'
  | 'latency'
  | 'redirect'
  | 'error'
  /** Still waiting when the probe had its answer (or the window had failed), and abandoned. */
  | 'cancelled';

export interface ObservedResponse {
  status: number;
  body: string;
  latencyMs: number;
  /** Where the request ended after redirects. */
  finalUrl: string;
  redirects: number;
}

export interface Verdict {
  ok: boolean;
  reason: AttemptReason;
  detail: string;
}

const excerpt = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
};

function lookup(value: unknown, path: readonly (string | number)[]): { found: boolean; value: unknown } {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !(key in (current as object)))
      return { found: false, value: undefined };
    current = (current as Record<string | number, unknown>)[key];
  }
  return { found: true, value: current };
}

export function checkBody(check: BodyCheck, body: string): Verdict {
  if (check.kind === 'substring') {
    return body.includes(check.text)
      ? { ok: true, reason: 'ok', detail: '' }
      : { ok: false, reason: 'body', detail: `body does not contain ${JSON.stringify(check.text)}` };
  }
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'body', detail: `body is not JSON (${JSON.stringify(excerpt(body))})` };
  }
  const { found, value } = lookup(data, check.path);
  if (!found) return { ok: false, reason: 'body', detail: `${check.source} is missing` };
  const same =
    JSON.stringify(value) === JSON.stringify(check.equals) ||
    (typeof check.equals === 'string' && typeof value !== 'object' && String(value) === check.equals);
  return same
    ? { ok: true, reason: 'ok', detail: '' }
    : {
        ok: false,
        reason: 'body',
        detail: `${check.source} is ${JSON.stringify(value)}, expected ${JSON.stringify(check.equals)}`,
      };
}

export function evaluateResponse(spec: ProbeSpec, response: ObservedResponse): Verdict {
  if (response.status >= 300 && response.status < 400 && spec.followRedirects)
    return {
      ok: false,
      reason: 'redirect',
      detail:
        response.redirects >= spec.maxRedirects
          ? `more than ${spec.maxRedirects} redirects (last ${response.finalUrl})`
          : `HTTP ${response.status} without a Location to follow`,
    };
  if (!statusMatches(spec.expectStatus, response.status))
    return {
      ok: false,
      reason: 'status',
      detail: `HTTP ${response.status}, expected ${describeStatusSet(spec.expectStatus)}`,
    };
  if (spec.body) {
    const verdict = checkBody(spec.body, response.body);
    if (!verdict.ok) return verdict;
  }
  if (spec.maxLatencyMs !== undefined && response.latencyMs > spec.maxLatencyMs)
    return {
      ok: false,
      reason: 'latency',
      detail: `answered in ${Math.round(response.latencyMs)}ms, limit ${spec.maxLatencyMs}ms`,
    };
  return { ok: true, reason: 'ok', detail: `HTTP ${response.status}` };
}

const TLS_CODES =
  /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS|ERR_SSL|EPROTO|HOSTNAME_MISMATCH|ALTNAME/;

/** A network error (Node error code and message) as a reason. */
export function classifyError(code: string | undefined, message: string): Verdict {
  const c = code ?? '';
  const detail = `${c ? `${c}: ` : ''}${message}`.slice(0, 200);
  if (c === 'ECONNREFUSED') return { ok: false, reason: 'refused', detail: 'connection refused' };
  if (c === 'ENOTFOUND' || c === 'EAI_AGAIN' || c === 'EAI_NONAME' || c === 'EAI_FAIL')
    return { ok: false, reason: 'dns', detail: `DNS lookup failed (${c})` };
  if (c === 'ETIMEDOUT' || c === 'ABORT_ERR' || c === 'PROBE_TIMEOUT' || /timed? ?out/i.test(message))
    return { ok: false, reason: 'timeout', detail };
  if (TLS_CODES.test(c) || /certificate|tls|ssl/i.test(message)) return { ok: false, reason: 'tls', detail };
  if (c === 'ECONNRESET' || c === 'EPIPE' || /socket hang up/i.test(message))
    return { ok: false, reason: 'reset', detail: 'connection reset before an answer' };
  return { ok: false, reason: 'error', detail };
}
