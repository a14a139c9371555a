/**
 * A programmable HTTP server on 127.0.0.1 for tests that run bundles as child processes (nock cannot see
 * into a child). Routes are `METHOD /path/with/:params`; every request is recorded with its parsed body.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
  json: unknown;
  params: Record<string, string>;
}

export interface StubReply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export type StubHandler = (request: StubRequest) => StubReply | Promise<StubReply>;

export interface HttpStub {
  url: string;
  requests: StubRequest[];
  on(method: string, pattern: string, handler: StubHandler): void;
  close(): Promise<void>;
}

function match(pattern: string, path: string): Record<string, string> | undefined {
  const a = pattern.split('/');
  const b = path.split('/');
  if (a.length !== b.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    const p = a[i] as string;
    if (p.startsWith(':')) params[p.slice(1)] = decodeURIComponent(b[i] as string);
    else if (p !== b[i]) return undefined;
  }
  return params;
}

export async function startHttpStub(): Promise<HttpStub> {
  const routes: { method: string; pattern: string; handler: StubHandler }[] = [];
  const requests: StubRequest[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let json: unknown;
      try {
        json = body ? JSON.parse(body) : undefined;
      } catch {
        json = undefined;
      }
      const request: StubRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
        json,
        params: {},
      };
      requests.push(request);
      for (const route of routes) {
        const params = route.method === request.method ? match(route.pattern, request.path) : undefined;
        if (!params) continue;
        request.params = params;
        const reply = await route.handler(request);
        const payload =
          typeof reply.body === 'string' || Buffer.isBuffer(reply.body)
            ? reply.body
            : JSON.stringify(reply.body ?? {});
        res.writeHead(reply.status ?? 200, {
          'content-type': typeof reply.body === 'string' ? 'text/plain' : 'application/json',
          ...reply.headers,
        });
        res.end(payload);
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `Not Found: ${request.method} ${request.path}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    on: (method, pattern, handler) => routes.push({ method, pattern, handler }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
