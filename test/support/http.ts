/** The one HTTP helper for tests: a GET with a time limit, its body as text and, when it parses, as JSON. */

export interface Fetched {
  status: number;
  body: string;
  headers: Headers;
}

/** The answer, or 'timeout' when none came within the limit (or the connection failed). */
export async function get(url: string, timeoutMs = 3000): Promise<Fetched | 'timeout'> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return { status: response.status, body: await response.text(), headers: response.headers };
  } catch {
    return 'timeout';
  }
}

/** GET whose body is JSON when it parses (else the text). Throws when nothing answered. */
export async function getJson(
  url: string,
  timeoutMs = 3000,
): Promise<{ status: number; body: Record<string, unknown> | string }> {
  const response = await get(url, timeoutMs);
  if (response === 'timeout') throw new Error(`GET ${url}: no answer within ${timeoutMs}ms`);
  try {
    return { status: response.status, body: JSON.parse(response.body) as Record<string, unknown> };
  } catch {
    return { status: response.status, body: response.body };
  }
}
