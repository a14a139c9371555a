/**
 * The certificate an https URL presents: one TLS handshake (nothing sent after it), with a time limit.
 * The handshake accepts any certificate so that an untrusted or expired one can still be reported; whether
 * the system's CAs trust it and it names the host is reported beside it.
 */
import type { PeerCertificate } from 'node:tls';
import { classifyError } from '../domain/probe/evaluate.js';
import type { Certificate, TlsObservation } from '../domain/monitor/judge.js';

export interface CertificateOptions {
  timeoutMs: number;
  /** Extra trusted CAs (tests; a runner uses the system's and NODE_EXTRA_CA_CERTS). */
  ca?: string | Buffer;
}

const nameOf = (entity: Record<string, string | string[] | undefined> | undefined): string => {
  if (!entity) return '';
  const pick = (key: string) => {
    const v = entity[key];
    return Array.isArray(v) ? v.join(', ') : v;
  };
  return [pick('CN'), pick('O')].filter(Boolean).join(', ');
};

function describe(cert: PeerCertificate, authorized: boolean, error?: string): Certificate {
  const iso = (text: string) => {
    const time = Date.parse(text);
    return Number.isNaN(time) ? text : new Date(time).toISOString();
  };
  return {
    validFrom: iso(cert.valid_from),
    validTo: iso(cert.valid_to),
    issuer: nameOf(cert.issuer as unknown as Record<string, string>),
    subject: nameOf(cert.subject as unknown as Record<string, string>),
    names: (cert.subjectaltname ?? '')
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean),
    authorized,
    ...(error ? { authorizationError: error } : {}),
    ...(cert.fingerprint256 ? { fingerprint256: cert.fingerprint256 } : {}),
  };
}

/** Never throws: a failed handshake comes back as a reason. */
export async function readCertificate(rawUrl: string, options: CertificateOptions): Promise<TlsObservation> {
  // node:tls and node:net load when a certificate is read, not at start-up.
  const [{ checkServerIdentity, connect }, { isIP }] = await Promise.all([
    import('node:tls'),
    import('node:net'),
  ]);
  const url = new URL(rawUrl);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || 443);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (observation: TlsObservation) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(observation);
    };
    const socket = connect({
      host,
      port,
      // SNI takes a host name, never an IP address.
      ...(isIP(host) ? {} : { servername: host }),
      rejectUnauthorized: false,
      ...(options.ca ? { ca: options.ca } : {}),
      ALPNProtocols: ['http/1.1'],
    });
    const timer = setTimeout(
      () =>
        finish({ ok: false, reason: 'timeout', detail: `no TLS handshake within ${options.timeoutMs}ms` }),
      options.timeoutMs,
    );
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      if (!cert || Object.keys(cert).length === 0) {
        finish({ ok: false, reason: 'tls', detail: 'the server presented no certificate' });
        return;
      }
      // Node checks the chain here; the name is checked as https would check it.
      const chainError = socket.authorizationError ? String(socket.authorizationError) : undefined;
      const nameError = checkServerIdentity(host, cert);
      const error =
        chainError ??
        (nameError ? ((nameError as NodeJS.ErrnoException).code ?? nameError.message) : undefined);
      finish({ ok: true, certificate: describe(cert, socket.authorized && !nameError, error) });
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const verdict = classifyError(error.code, error.message);
      finish({ ok: false, reason: verdict.reason, detail: verdict.detail });
    });
  });
}
