/**
 * Is a release fully rolled out? flyctl-contract §10 on plain data: every app machine (v2 platform, not a
 * release-command/console/test machine, not destroyed) runs the release's version and image, is started
 * and has every health check passing (at least one result when checks are configured).
 */
import type { Machine } from './shapes.js';

export interface RolloutExpectation {
  /** The release version; undefined when it could not be read (machines are then matched on image only). */
  version?: number;
  /** The release image; machines are matched on it when known. */
  imageRef?: string;
}

export interface MachineVerdict {
  id: string;
  region: string;
  state: string;
  version: string;
  image: string;
  checks: string;
  ok: boolean;
  problems: string[];
}

export interface RolloutVerdict {
  complete: boolean;
  machines: MachineVerdict[];
  /** One line per problem, e.g. "machine 148e… runs v3, not v4". */
  problems: string[];
}

const NON_APP_GROUPS = new Set([
  'fly_app_release_command',
  'fly_app_console',
  'fly_app_test_machine_command',
]);
const GONE = new Set(['destroyed', 'destroying']);
/** Machines that auto-stop may sit stopped or suspended after a good deploy (contract §10). */
const PARKED = new Set(['stopped', 'suspended']);

export function isAppMachine(machine: Machine): boolean {
  const platform = machine.metadata.fly_platform_version;
  if (platform !== undefined && platform !== 'v2') return false;
  if (NON_APP_GROUPS.has(machine.metadata.fly_process_group ?? '')) return false;
  return !GONE.has(machine.state);
}

interface ImageParts {
  repository: string;
  tag?: string;
  digest?: string;
}

/** `registry/repo[:tag][@sha256:…]` split into parts (docker.io/ and library/ prefixes dropped). */
export function parseImageRef(ref: string): ImageParts {
  const at = ref.indexOf('@');
  const digest = at >= 0 ? ref.slice(at + 1) : undefined;
  const name = at >= 0 ? ref.slice(0, at) : ref;
  const colon = name.lastIndexOf(':');
  const tagged = colon > name.lastIndexOf('/');
  const repository = (tagged ? name.slice(0, colon) : name).replace(/^docker\.io\/(library\/)?/, '');
  return { repository, ...(tagged ? { tag: name.slice(colon + 1) } : {}), ...(digest ? { digest } : {}) };
}

/**
 * Same image, as far as the refs can tell: digests decide when both have one, else repository and tag.
 * Refs in different forms (a tag against a bare digest) cannot be compared and count as the same, so a
 * form difference never causes a false rollback; the release version is checked separately.
 */
export function sameImage(a: string, b: string, digestOfA?: string): boolean {
  if (a === b) return true;
  const x = parseImageRef(a);
  const y = parseImageRef(b);
  const dx = x.digest ?? digestOfA;
  if (dx && y.digest) return dx === y.digest;
  if (x.tag && y.tag) return x.repository === y.repository && x.tag === y.tag;
  return true;
}

export function verifyRollout(machines: readonly Machine[], expected: RolloutExpectation): RolloutVerdict {
  const app = machines.filter(isAppMachine);
  const anyStarted = app.some((m) => m.state === 'started');
  const verdicts = app.map((m): MachineVerdict => {
    const problems: string[] = [];
    const version = m.metadata.fly_release_version ?? '';
    if (expected.version !== undefined && version !== String(expected.version))
      problems.push(`runs ${version ? `v${version}` : 'an unknown release'}, not v${expected.version}`);
    if (expected.imageRef && m.image && !sameImage(m.image, expected.imageRef, m.imageDigest))
      problems.push(`runs image ${m.image}, not ${expected.imageRef}`);
    if (m.state !== 'started' && !(PARKED.has(m.state) && anyStarted))
      problems.push(`is ${m.state || 'in an unknown state'}, not started`);
    if (m.hostStatus !== 'ok') problems.push(`host status is ${m.hostStatus} (its data may be partial)`);
    const failing = m.checks.filter((c) => c.status !== 'passing');
    for (const check of failing)
      problems.push(
        `check ${check.name} is ${check.status}${check.output ? `: ${check.output.slice(0, 120)}` : ''}`,
      );
    if (m.checks.length === 0 && m.hasConfiguredChecks && m.state === 'started')
      problems.push('has configured health checks but no results yet');
    const passing = m.checks.length - failing.length;
    return {
      id: m.id,
      region: m.region,
      state: m.state,
      version: version ? `v${version}` : '?',
      image: m.image,
      checks: m.checks.length === 0 ? 'none' : `${passing}/${m.checks.length} passing`,
      ok: problems.length === 0,
      problems,
    };
  });
  const problems = verdicts.flatMap((v) => v.problems.map((p) => `machine ${v.id} ${p}`));
  if (app.length === 0) problems.unshift('the app has no machines');
  return { complete: problems.length === 0, machines: verdicts, problems };
}

/** A short description of what machines run, for "what is serving now". */
export function describeServing(machines: readonly Machine[]): string {
  const app = machines.filter(isAppMachine);
  if (app.length === 0) return 'no app machines are running';
  const groups = new Map<string, number>();
  for (const m of app) {
    const failing = m.checks.filter((c) => c.status !== 'passing').length;
    const health = m.checks.length === 0 ? '' : failing === 0 ? ', checks passing' : ', checks failing';
    const key = `v${m.metadata.fly_release_version ?? '?'} (${m.image || 'unknown image'}) ${m.state}${health}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups].map(([key, count]) => `${count} machine(s) on ${key}`).join('; ');
}
