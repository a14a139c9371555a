/** Choosing the release to come back to: from flyctl's releases list (contract §2), else the machines' image. */
import { isAppMachine } from '../flyctl/rollout.js';
import type { AppStatus, Release } from '../flyctl/shapes.js';
import type { ReleaseRef } from './types.js';

/**
 * The release to come back to if this deploy fails: the app's current release when it completed, else the
 * newest complete one (a current release that failed is not a safe target). Undefined on a first deploy.
 */
export function rollbackTarget(releases: readonly Release[], currentVersion: number): Release | undefined {
  const good = completeReleases(releases);
  return good.find((r) => r.version === currentVersion) ?? good[0];
}

/**
 * The releases an earlier image can be taken from, newest first: only `complete` is a good release (contract
 * §2: other status strings are not all known) and an empty ImageRef cannot be deployed.
 */
export function completeReleases(releases: readonly Release[]): Release[] {
  return [...releases].filter((r) => isRollbackCandidate(r)).sort((a, b) => b.version - a.version);
}

export const isRollbackCandidate = (r: Release): boolean => r.status === 'complete' && r.imageRef !== '';

/** The release serving before the deploy, or why there is none to roll back to. */
export type PreviousRecord =
  { found: true; previous: ReleaseRef; source: 'releases' | 'machines' } | { found: false; missing: string };

/**
 * The rollback target: the releases list's (contract §2: 25 newest, status strings not all known), else the
 * one image every app machine runs (status `config.image`), else nothing, with the reason in words.
 */
export function recordPrevious(status: AppStatus, releases: readonly Release[]): PreviousRecord {
  const fromReleases = rollbackTarget(releases, status.version);
  if (fromReleases)
    return {
      found: true,
      previous: { version: fromReleases.version, imageRef: fromReleases.imageRef },
      source: 'releases',
    };
  const machines = status.machines.filter(isAppMachine);
  const images = new Set(machines.map((m) => m.image));
  const versions = new Set(machines.map((m) => Number(m.metadata.fly_release_version)));
  const [image] = images;
  const [machineVersion] = versions;
  const version =
    versions.size === 1 && Number.isInteger(machineVersion) && (machineVersion ?? 0) > 0
      ? (machineVersion as number)
      : status.version;
  if (machines.length > 0 && images.size === 1 && image && version > 0)
    return { found: true, previous: { version, imageRef: image }, source: 'machines' };
  if (status.version === 0 && releases.length === 0 && machines.length === 0)
    return {
      found: false,
      missing: 'this was the first deploy of the app: there is no earlier release to roll back to',
    };
  const statuses = [...new Set(releases.map((r) => r.status || '(empty)'))].join(', ');
  const listed = `${releases.length} release(s)${releases.length > 0 ? ` (status: ${statuses})` : ''}`;
  if (status.version === 0 && machines.length === 0)
    return {
      found: false,
      missing: `no release of the app has completed yet (flyctl lists ${listed}): there is no earlier release to roll back to`,
    };
  const onMachines =
    machines.length === 0
      ? 'the app has no machines'
      : images.size > 1
        ? `the machines run ${images.size} different images`
        : 'the machines report no image';
  return {
    found: false,
    missing: `flyctl releases lists no complete release with an image among its ${listed} (current release v${status.version}) and ${onMachines}: there is no known image to roll back to`,
  };
}
