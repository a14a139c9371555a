/**
 * Loopback services for the monitor's tests: healthy, slow, failing, hanging and flapping endpoints, a
 * switchable one for incident stories, a port that refuses, and an https server with a self-signed
 * certificate (made with openssl) that expires in a few days.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import {
  createServer as createNetServer,
  type AddressInfo,
  type Server as NetServer,
  type Socket,
} from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Mode = 'up' | 'down' | 'slow' | 'hang';

export interface Targets {
  base: string;
  /** The switchable endpoint's behaviour (GET /switch). */
  mode: Mode;
  /** Delay of /slow and of /switch in slow mode. */
  slowMs: number;
  /** Requests seen per path. */
  hits: Map<string, number>;
  /** Authorization headers seen per path. */
  auth: Map<string, string>;
  close(): Promise<void>;
}

function listen(server: NetServer): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

/** Keeps a server's sockets so that close() also ends the hanging ones. */
function tracked(server: NetServer) {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
}

export async function startTargets(): Promise<Targets> {
  const state: Omit<Targets, 'base' | 'close'> = {
    mode: 'up',
    slowMs: 300,
    hits: new Map(),
    auth: new Map(),
  };
  const reply = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const n = (state.hits.get(path) ?? 0) + 1;
    state.hits.set(path, n);
    if (req.headers.authorization) state.auth.set(path, req.headers.authorization);
    switch (path) {
      case '/healthy':
        return reply(res, 200, { status: 'ok' });
      case '/slow':
        return void setTimeout(() => reply(res, 200, { status: 'ok' }), state.slowMs);
      case '/500':
        return reply(res, 500, { error: 'boom' });
      case '/hang':
        return; // never answers
      case '/flap':
        // Every other request fails: some samples pass, some fail.
        return reply(res, n % 2 === 0 ? 503 : 200, { n });
      case '/fail-first':
        // The first 4 requests fail (a round of 4 samples), then it answers: a blip that must not count.
        return reply(res, n <= 4 ? 503 : 200, { n });
      case '/switch':
        if (state.mode === 'up') return reply(res, 200, { status: 'ok' });
        if (state.mode === 'down') return reply(res, 503, { status: 'unavailable' });
        if (state.mode === 'slow')
          return void setTimeout(() => reply(res, 200, { status: 'ok' }), state.slowMs);
        return;
      default:
        return reply(res, 404, {});
    }
  });
  const close = tracked(server);
  const port = await listen(server);
  return Object.assign(state, { base: `http://127.0.0.1:${port}`, close });
}

/** A loopback URL nothing listens on (the port was bound, then released). */
export async function refusedUrl(): Promise<string> {
  const server = createNetServer();
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/`;
}

export interface SelfSigned {
  key: string;
  cert: string;
  /** The certificate's file, e.g. for NODE_EXTRA_CA_CERTS. */
  certFile: string;
}

/** A self-signed certificate, by default for localhost and 127.0.0.1, valid for `days` days from now. */
export function selfSignedCertificate(days: number, names = 'DNS:localhost,IP:127.0.0.1'): SelfSigned {
  const dir = mkdtempSync(join(tmpdir(), 'monitor-tls-'));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      String(days),
      '-subj',
      '/CN=localhost/O=Nuzantara Test CA',
      '-addext',
      `subjectAltName=${names}`,
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), certFile };
}

export async function startTlsServer(
  certificate: SelfSigned,
): Promise<{ base: string; close(): Promise<void> }> {
  const server = createHttpsServer({ key: certificate.key, cert: certificate.cert }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"status":"ok"}');
  });
  const close = tracked(server);
  const port = await listen(server);
  return { base: `https://127.0.0.1:${port}`, close };
}

/** A TCP server that accepts and never speaks: a handshake against it must time out. */
export async function startSilentServer(): Promise<{ base: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
  return {
    base: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
