/**
 * Is a release fully rolled out? flyctl-contract §10 on plain data: every app machine (v2 platform, not a
 * release-command/console/test machine, not destroyed) runs the release's version and image, is started
 * and has every health check passing (at least one result when checks are configured).
 */
import type { Machine } from './shapes.js';

export interface RolloutExpectation {
  version: number;
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

/** Same image: equal refs, or equal digests, or same repository and tag. */
export function sameImage(a: string, b: string): boolean {
  if (a === b) return true;
  const digest = (ref: string) => /@(sha256:[0-9a-f]+)/.exec(ref)?.[1];
  if (digest(a) && digest(a) === digest(b)) return true;
  const strip = (ref: string) => ref.replace(/^docker\.io\//, '').replace(/@sha256:[0-9a-f]+$/, '');
  return strip(a) === strip(b) && !a.includes('@') && !b.includes('@');
}

export function verifyRollout(machines: readonly Machine[], expected: RolloutExpectation): RolloutVerdict {
  const app = machines.filter(isAppMachine);
  const anyStarted = app.some((m) => m.state === 'started');
  const verdicts = app.map((m): MachineVerdict => {
    const problems: string[] = [];
    const version = m.metadata.fly_release_version ?? '';
    if (version !== String(expected.version))
      problems.push(`runs ${version ? `v${version}` : 'an unknown release'}, not v${expected.version}`);
    if (expected.imageRef && m.image && !sameImage(m.image, expected.imageRef))
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
