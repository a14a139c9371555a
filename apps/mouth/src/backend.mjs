// The client of nuzantara-rag: every call has a time limit and ends in an outcome, never a hang or a throw.

export class BackendClient {
  /** @param {{ url: string, timeoutMs: number, fetch?: typeof fetch }} options */
  constructor({ url, timeoutMs, fetch: fetchImpl = fetch }) {
    this.base = new URL(url.endsWith('/') ? url : `${url}/`);
    this.timeoutMs = timeoutMs;
    this.fetch = fetchImpl;
  }

  /** Where the backend is, without credentials, for /health. */
  get origin() {
    return this.base.origin;
  }

  ask(query) {
    const url = new URL('query', this.base);
    url.searchParams.set('q', query);
    return this.#get('query', url, (status) => status === 200);
  }

  health() {
    // 503 is an answer too: the backend is reachable and says which of its dependencies is down.
    return this.#get('health', new URL('health', this.base), (status) => status === 200 || status === 503);
  }

  async #get(endpoint, url, accepted) {
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    try {
      const response = await this.fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await response.text();
      if (!accepted(response.status)) {
        return failure(
          endpoint,
          'http_error',
          `the backend answered ${response.status}`,
          elapsed(),
          response.status,
        );
      }
      let body;
      try {
        body = JSON.parse(text);
      } catch {
        return failure(endpoint, 'invalid', 'the backend answered something that is not JSON', elapsed());
      }
      return { ok: true, endpoint, outcome: 'ok', status: response.status, body, latencyMs: elapsed() };
    } catch (error) {
      if (error?.name === 'TimeoutError' || error?.name === 'AbortError') {
        return failure(
          endpoint,
          'timeout',
          `the backend did not answer within ${this.timeoutMs} ms`,
          elapsed(),
        );
      }
      return failure(endpoint, 'unreachable', `the backend is unreachable (${reason(error)})`, elapsed());
    }
  }
}

function failure(endpoint, outcome, message, latencyMs, status) {
  return { ok: false, endpoint, outcome, message, latencyMs, status };
}

function reason(error) {
  // fetch reports "fetch failed" and puts the system error (ECONNREFUSED, ENOTFOUND…) in cause.
  return error?.cause?.code ?? error?.cause?.message ?? error?.message ?? String(error);
}
