/**
 * Deploy readiness (the app can be deployed and checked from outside) and secrets hygiene in [env]. These
 * are this project's policy, not flyctl's rules: flyctl deploys a config that fails them, so the caller
 * chooses their severity (the `policy` input). Works on the parsed document, read the way flyctl's loader
 * reads it (view.ts); returns path-keyed issues like the model checker.
 */
import { parseGoDuration } from '../shared/duration.js';
import type { Severity } from '../shared/findings.js';
import { secretNameKind, secretValueKind } from '../shared/secret-detect.js';
import type { PathIssue } from './model.js';
import { envEntries, isTable, mergedTables, portOf, servicesAt, tablesAt, type Doc } from './view.js';

export interface HttpCheck {
  /** Where the check is in the file (a TOML key path). */
  path: string;
  /** The URL path it requests, when it says. */
  httpPath?: string;
  port: number | undefined;
  gracePeriod: unknown;
}

const httpPathOf = (c: Doc) => (typeof c.path === 'string' && c.path ? { httpPath: c.path } : {});

/** The top-level checks, from [checks.<name>] tables or the old [[checks]] list. */
function topLevelChecks(doc: Doc): { path: string; check: Doc }[] {
  if (Array.isArray(doc.checks))
    return tablesAt(doc.checks, 'checks').map((c) => ({ path: c.path, check: c.value }));
  if (!isTable(doc.checks)) return [];
  return Object.entries(doc.checks).flatMap(([name, c]) =>
    isTable(c) ? [{ path: `checks.${name}`, check: c }] : [],
  );
}

/** Every HTTP health check with the port it probes and where it is in the file. */
export function httpChecks(doc: Doc): HttpCheck[] {
  const found: HttpCheck[] = [];
  if (isTable(doc.http_service)) {
    const port = portOf(doc.http_service.internal_port, false);
    tablesAt(doc.http_service.checks, 'http_service.checks').forEach((c) => {
      if (c.value.path !== undefined || c.value.method !== undefined)
        found.push({
          path: c.path,
          ...httpPathOf(c.value),
          port,
          gracePeriod: c.value.grace_period,
        });
    });
  }
  for (const service of servicesAt(doc)) {
    const port = portOf(service.value.internal_port, true);
    for (const c of tablesAt(service.value.http_checks, `${service.path}.http_checks`))
      found.push({ path: c.path, ...httpPathOf(c.value), port, gracePeriod: c.value.grace_period });
  }
  for (const { path, check } of topLevelChecks(doc))
    if (check.type === 'http')
      found.push({
        path,
        ...httpPathOf(check),
        port: portOf(check.port, false),
        gracePeriod: check.grace_period,
      });
  return found;
}

function servedPorts(doc: Doc): number[] {
  const ports: number[] = [];
  const httpPort = isTable(doc.http_service) ? portOf(doc.http_service.internal_port, false) : undefined;
  if (httpPort !== undefined) ports.push(httpPort);
  for (const s of servicesAt(doc)) {
    const port = portOf(s.value.internal_port, true);
    if (port !== undefined) ports.push(port);
  }
  return ports;
}

/** Readiness rules (`ready/*`), each reported at `severity`. */
export function checkReadiness(doc: Doc, severity: Severity = 'warning'): PathIssue[] {
  const issues: PathIssue[] = [];
  if (typeof doc.primary_region !== 'string' || doc.primary_region.trim() === '') {
    issues.push({
      rule: 'ready/primary-region',
      severity,
      path: 'primary_region',
      message: 'No `primary_region`: new machines would land wherever flyctl guesses.',
      fix: 'Add primary_region = "sin" (or your region code).',
    });
  }
  const ports = servedPorts(doc);
  if (ports.length === 0) {
    issues.push({
      rule: 'ready/service',
      severity,
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
      severity,
      path: isTable(doc.http_service) ? 'http_service' : 'services',
      message: 'No HTTP health check: a deploy cannot tell a broken release from a good one.',
      fix: 'Add [[http_service.checks]] with path = "/health", interval = "30s", timeout = "10s", grace_period = "30s".',
    });
  }
  for (const check of checks) {
    const grace = typeof check.gracePeriod === 'string' ? parseGoDuration(check.gracePeriod) : undefined;
    if (check.gracePeriod === undefined || check.gracePeriod === '' || grace === 0) {
      issues.push({
        rule: 'ready/grace-period',
        severity,
        path: check.path,
        message: 'The HTTP health check has no grace period: machines are judged before the app has started.',
        fix: 'Add grace_period = "30s" (longer for slow starts) to the check.',
      });
    }
    if (check.port !== undefined && ports.length > 0 && !ports.includes(check.port)) {
      issues.push({
        rule: 'ready/check-port',
        severity,
        path: `${check.path}.port`,
        message: `The HTTP health check probes port ${check.port}, which no service serves (served: ${ports.join(', ')}).`,
        fix: `Set port = ${ports[0]} on the check.`,
      });
    }
  }
  const stated = mergedTables(doc, 'vm').some(
    ({ value: vm }) =>
      (vm.memory !== undefined || vm.memory_mb !== undefined || vm.size !== undefined) &&
      (vm.cpus !== undefined || vm.size !== undefined),
  );
  if (!stated) {
    issues.push({
      rule: 'ready/vm-resources',
      severity,
      path: 'vm',
      message: 'No [[vm]] with CPUs and memory: the app gets the default shared-cpu-1x with 256 MB.',
      fix: 'Add [[vm]] with cpus = 2 and memory = "2gb" (or a size preset).',
    });
  }
  return issues;
}

/**
 * [env] is public config: anything that looks like a secret belongs in `flyctl secrets`. Values are never
 * echoed. Reported at `severity`.
 */
export function checkEnvSecrets(doc: Doc, severity: Severity = 'warning'): PathIssue[] {
  const issues: PathIssue[] = [];
  for (const { name, value, path } of envEntries(doc)) {
    if (typeof value !== 'string') continue;
    const kind = secretValueKind(value);
    if (kind) {
      issues.push({
        rule: 'secrets/env-value',
        severity,
        path,
        message: `[env] ${name} holds what looks like ${kind} (value not shown). fly.toml is committed and [env] is visible to anyone with the config.`,
        fix: `Remove it from fly.toml, rotate it, and set it with \`flyctl secrets set ${name}=…\` (or the secrets input).`,
      });
    } else if (secretNameKind(name, value)) {
      issues.push({
        rule: 'secrets/env-name',
        severity,
        path,
        message: `[env] ${name} is named like a secret and its value looks like one (value not shown); [env] values are stored in plain text in fly.toml.`,
        fix: `Move it to Fly secrets: \`flyctl secrets set ${name}=…\`, and delete it from [env].`,
      });
    }
  }
  return issues;
}
