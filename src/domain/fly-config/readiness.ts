/**
 * Deploy readiness (the app can be deployed and checked from outside) and secrets hygiene in [env].
 * Works on the parsed document; returns path-keyed issues like the model checker.
 */
import { parseGoDuration } from '../shared/duration.js';
import { looksLikeSecretName, secretValueKind } from '../shared/secret-detect.js';
import type { Doc, PathIssue } from './model.js';

const isTable = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);
const tables = (v: unknown): Doc[] => (Array.isArray(v) ? v.filter(isTable) : isTable(v) ? [v] : []);

export interface HttpCheck {
  /** Where the check is in the file (a TOML key path). */
  path: string;
  /** The URL path it requests, when it says. */
  httpPath?: string;
  port: number | undefined;
  gracePeriod: unknown;
}

const httpPathOf = (c: Doc) => (typeof c.path === 'string' && c.path ? { httpPath: c.path } : {});

/** Every HTTP health check with the port it probes and where it is in the file. */
export function httpChecks(doc: Doc): HttpCheck[] {
  const found: HttpCheck[] = [];
  if (isTable(doc.http_service)) {
    const port = doc.http_service.internal_port as number | undefined;
    tables(doc.http_service.checks).forEach((c, i) => {
      if (c.path !== undefined || c.method !== undefined)
        found.push({
          path: `http_service.checks[${i}]`,
          ...httpPathOf(c),
          port,
          gracePeriod: c.grace_period,
        });
    });
  }
  tables(doc.services).forEach((s, i) => {
    tables(s.http_checks).forEach((c, j) =>
      found.push({
        path: `services[${i}].http_checks[${j}]`,
        ...httpPathOf(c),
        port: s.internal_port as number | undefined,
        gracePeriod: c.grace_period,
      }),
    );
  });
  if (isTable(doc.checks)) {
    for (const [name, c] of Object.entries(doc.checks)) {
      if (isTable(c) && c.type === 'http')
        found.push({
          path: `checks.${name}`,
          ...httpPathOf(c),
          port: c.port as number | undefined,
          gracePeriod: c.grace_period,
        });
    }
  }
  return found;
}

function servedPorts(doc: Doc): number[] {
  const ports: number[] = [];
  if (isTable(doc.http_service) && typeof doc.http_service.internal_port === 'number')
    ports.push(doc.http_service.internal_port);
  for (const s of tables(doc.services)) if (typeof s.internal_port === 'number') ports.push(s.internal_port);
  return ports;
}

export function checkReadiness(doc: Doc): PathIssue[] {
  const issues: PathIssue[] = [];
  if (typeof doc.app !== 'string' || doc.app.trim() === '') {
    issues.push({
      rule: 'ready/app-name',
      severity: 'error',
      path: 'app',
      message: 'No `app` name: flyctl needs it (or -a) to know what to deploy.',
      fix: 'Add app = "<your-app>" at the top of the file.',
    });
  }
  if (typeof doc.primary_region !== 'string' || doc.primary_region.trim() === '') {
    issues.push({
      rule: 'ready/primary-region',
      severity: 'error',
      path: 'primary_region',
      message: 'No `primary_region`: new machines would land wherever flyctl guesses.',
      fix: 'Add primary_region = "sin" (or your region code).',
    });
  }
  const ports = servedPorts(doc);
  if (ports.length === 0) {
    issues.push({
      rule: 'ready/service',
      severity: 'error',
      path: 'http_service',
      message:
        'No [http_service] or [[services]] with an internal_port: nothing would receive traffic or be health checked.',
      fix: 'Add [http_service] with internal_port = <the port your app listens on>.',
    });
  }
  const checks = httpChecks(doc);
  if (checks.length === 0) {
    issues.push({
      rule: 'ready/health-check',
      severity: 'error',
      path: isTable(doc.http_service) ? 'http_service' : 'services',
      message: 'No HTTP health check: a deploy cannot tell a broken release from a good one.',
      fix: 'Add [[http_service.checks]] with path = "/health", interval = "30s", timeout = "10s", grace_period = "30s".',
    });
  }
  for (const check of checks) {
    const grace = typeof check.gracePeriod === 'string' ? parseGoDuration(check.gracePeriod) : undefined;
    if (check.gracePeriod === undefined || grace === 0) {
      issues.push({
        rule: 'ready/grace-period',
        severity: 'error',
        path: check.path,
        message: 'The HTTP health check has no grace period: machines are judged before the app has started.',
        fix: 'Add grace_period = "30s" (longer for slow starts) to the check.',
      });
    }
    if (check.port !== undefined && ports.length > 0 && !ports.includes(check.port)) {
      issues.push({
        rule: 'ready/check-port',
        severity: 'error',
        path: `${check.path}.port`,
        message: `The HTTP health check probes port ${check.port}, which no service serves (served: ${ports.join(', ')}).`,
        fix: `Set port = ${ports[0]} on the check.`,
      });
    }
  }
  const vms = tables(doc.vm ?? doc.compute ?? doc.computes);
  const stated = vms.some(
    (vm) =>
      (vm.memory !== undefined || vm.memory_mb !== undefined || vm.size !== undefined) &&
      (vm.cpus !== undefined || vm.size !== undefined),
  );
  if (!stated) {
    issues.push({
      rule: 'ready/vm-resources',
      severity: 'warning',
      path: 'vm',
      message: 'No [[vm]] with CPUs and memory: the app gets the default shared-cpu-1x with 256 MB.',
      fix: 'Add [[vm]] with cpus = 2 and memory = "2gb" (or a size preset).',
    });
  }
  return issues;
}

/** [env] is public config: anything that looks like a secret belongs in `flyctl secrets`. Values are never echoed. */
export function checkEnvSecrets(doc: Doc): PathIssue[] {
  const issues: PathIssue[] = [];
  if (!isTable(doc.env)) return issues;
  for (const [name, value] of Object.entries(doc.env)) {
    const text = typeof value === 'string' ? value : '';
    const kind = text ? secretValueKind(text) : undefined;
    if (kind) {
      issues.push({
        rule: 'secrets/env-value',
        severity: 'error',
        path: `env.${name}`,
        message: `[env] ${name} holds what looks like ${kind} (value not shown). fly.toml is committed and [env] is visible to anyone with the config.`,
        fix: `Remove it from fly.toml, rotate it, and set it with \`flyctl secrets set ${name}=…\` (or the secrets input).`,
      });
    } else if (looksLikeSecretName(name) && text.trim() !== '') {
      issues.push({
        rule: 'secrets/env-name',
        severity: 'error',
        path: `env.${name}`,
        message: `[env] ${name} is named like a secret; [env] values are stored in plain text in fly.toml.`,
        fix: `Move it to Fly secrets: \`flyctl secrets set ${name}=…\`, and delete it from [env].`,
      });
    }
  }
  return issues;
}
