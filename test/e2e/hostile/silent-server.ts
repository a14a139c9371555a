/** An HTTP server on 127.0.0.1 that accepts every request and never answers (a dependency that hangs). */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SilentServer {
  url: string;
  hits: string[];
  close(): Promise<void>;
}

export async function startSilentServer(): Promise<SilentServer> {
  const hits: string[] = [];
  const server = createServer((req) => void hits.push(`${req.method} ${req.url}`));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
