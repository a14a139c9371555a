/** src/io/tls.ts against real TLS servers on loopback: a self-signed certificate, a silent port, a closed one. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readCertificate } from '../../src/io/tls.js';
import {
  refusedUrl,
  selfSignedCertificate,
  startSilentServer,
  startTlsServer,
  type SelfSigned,
} from '../e2e/prod-monitor/servers.js';

let cert: SelfSigned;
let server: { base: string; close(): Promise<void> };
let silent: { base: string; close(): Promise<void> };
beforeAll(async () => {
  cert = selfSignedCertificate(3);
  server = await startTlsServer(cert);
  silent = await startSilentServer();
});
afterAll(async () => {
  await server.close();
  await silent.close();
});

describe('readCertificate', () => {
  it('reads expiry, issuer and names, and says an untrusted certificate is untrusted', async () => {
    const observed = await readCertificate(`${server.base}/health`, { timeoutMs: 5000 });
    expect(observed.ok).toBe(true);
    if (!observed.ok) return;
    const { certificate } = observed;
    expect(certificate.authorized).toBe(false);
    expect(certificate.authorizationError).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(certificate.issuer).toBe('localhost, Nuzantara Test CA');
    expect(certificate.names).toEqual(['DNS:localhost', 'IP Address:127.0.0.1']);
    const daysLeft = (Date.parse(certificate.validTo) - Date.now()) / 86_400_000;
    expect(daysLeft).toBeGreaterThan(2);
    expect(daysLeft).toBeLessThanOrEqual(3);
    expect(certificate.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('trusts it with its CA, for the IP it names, and not for a name it lacks', async () => {
    const trusted = await readCertificate(`${server.base}/`, { timeoutMs: 5000, ca: cert.cert });
    expect(trusted).toMatchObject({ ok: true, certificate: { authorized: true } });
    const other = selfSignedCertificate(30, 'DNS:other.example');
    const otherServer = await startTlsServer(other);
    try {
      const wrongName = await readCertificate(otherServer.base, { timeoutMs: 5000, ca: other.cert });
      expect(wrongName).toMatchObject({
        ok: true,
        certificate: {
          authorized: false,
          authorizationError: 'ERR_TLS_CERT_ALTNAME_INVALID',
          names: ['DNS:other.example'],
        },
      });
    } finally {
      await otherServer.close();
    }
  });

  it('gives up on a server that never answers the handshake, within its time limit', async () => {
    expect(await readCertificate(silent.base, { timeoutMs: 300 })).toEqual({
      ok: false,
      reason: 'timeout',
      detail: 'no TLS handshake within 300ms',
    });
  });

  it('names a refused connection', async () => {
    const url = (await refusedUrl()).replace('http:', 'https:');
    expect(await readCertificate(url, { timeoutMs: 2000 })).toMatchObject({ ok: false, reason: 'refused' });
  });
});
