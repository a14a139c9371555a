/**
 * Choosing what a rollback deploys: what serves now, each listed release as a candidate (contract §2: only
 * `complete` is good, 25 releases at most), and the target: the one asked for, or by default the newest
 * complete release older than the serving one whose image differs from the image serving now.
 */
import { isRollbackCandidate } from '../deploy/previous.js';
import type { DeliveryRecord } from '../deploy/record.js';
import { describeServing, isAppMachine, parseImageRef } from '../flyctl/rollout.js';
import type { AppStatus, Release } from '../flyctl/shapes.js';
import { InputError, UserError } from '../shared/errors.js';

export type ImageMatch = 'same' | 'different' | 'unknown';

/**
 * Two refs compared as far as they can be (contract §12): digests decide when both sides have one, else
 * repository and tag. A tag against a bare digest cannot be compared: `unknown`, never `different`.
 */
export function compareImages(a: string, b: string, digestOfB?: string): ImageMatch {
  if (a === b) return 'same';
  const x = parseImageRef(a);
  const y = parseImageRef(b);
  const dy = y.digest ?? digestOfB;
  if (x.digest && dy) return x.digest === dy ? 'same' : 'different';
  if (x.tag && y.tag) return x.repository === y.repository && x.tag === y.tag ? 'same' : 'different';
  return 'unknown';
}

export interface MachineImage {
  image: string;
  digest?: string;
}

/** What serves before the rollback. */
export interface Serving {
  /** The app's current release (`status --json` Version). */
  version: number;
  /** Its ImageRef from the releases list, else the one image every app machine runs; '' when unknown. */
  imageRef: string;
  /** Each image the app machines run, once, with its digest when flyctl reports one. */
  machineImages: MachineImage[];
  /** The machines in words, e.g. "2 machine(s) on v7 (…) started, checks passing". */
  machines: string;
}

export function servingNow(status: AppStatus, releases: readonly Release[]): Serving {
  const machines = status.machines.filter(isAppMachine);
  const images = new Map<string, MachineImage>();
  for (const m of machines)
    if (m.image && !images.has(m.image))
      images.set(m.image, { image: m.image, ...(m.imageDigest ? { digest: m.imageDigest } : {}) });
  const listed = releases.find((r) => r.version === status.version)?.imageRef ?? '';
  const [only] = images.keys();
  return {
    version: status.version,
    imageRef: listed || (images.size === 1 && only ? only : ''),
    machineImages: [...images.values()],
    machines: describeServing(status.machines),
  };
}

/** Does `image` already serve: on every app machine (or, without machines, as the current release's image)? */
export function matchServing(image: string, serving: Serving): ImageMatch {
  const against: MachineImage[] =
    serving.machineImages.length > 0
      ? serving.machineImages
      : serving.imageRef
        ? [{ image: serving.imageRef }]
        : [];
  if (against.length === 0) return 'unknown';
  const results = against.map((m) => compareImages(image, m.image, m.digest));
  if (results.every((r) => r === 'same')) return 'same';
  return results.includes('different') ? 'different' : 'unknown';
}

export interface Candidate {
  version: number;
  status: string;
  createdAt: string;
  imageRef: string;
  description: string;
  serving: boolean;
  /** Can be the default target. */
  eligible: boolean;
  /** Can be chosen by version (or at the prompt). */
  selectable: boolean;
  /** Why it is not a target, or what to know about it; '' when nothing. */
  note: string;
  /** A selectable release with a catch: its record says it failed, it is newer, or its image cannot be compared. */
  concern?: 'failed-before' | 'newer' | 'cannot-compare';
}

/** A GitHub Deployment record saying this release failed its checks when it was deployed. */
function failedRecord(records: readonly DeliveryRecord[], version: number): DeliveryRecord | undefined {
  return records.find((r) => r.release === version && r.outcome !== 'healthy');
}

/** Every listed release, newest first, with whether it can be a target and why not. */
export function rollbackCandidates(
  releases: readonly Release[],
  serving: Serving,
  records: readonly DeliveryRecord[] = [],
): Candidate[] {
  return [...releases]
    .sort((a, b) => b.version - a.version)
    .map((r) => {
      const base = {
        version: r.version,
        status: r.status,
        createdAt: r.createdAt,
        imageRef: r.imageRef,
        description: r.description,
        serving: r.version === serving.version,
      };
      const no = (note: string) => ({ ...base, eligible: false, selectable: false, note });
      if (base.serving) return no('serving now');
      if (!isRollbackCandidate(r))
        return no(
          r.imageRef === ''
            ? 'no image recorded'
            : `${r.status || 'no status'}: only complete releases are rollback targets`,
        );
      const match = matchServing(r.imageRef, serving);
      if (match === 'same') return no('the image serving now');
      const failed = failedRecord(records, r.version);
      if (failed)
        return {
          ...base,
          eligible: false,
          selectable: true,
          note: `failed its checks when deployed (GitHub Deployment: ${failed.outcome})`,
          concern: 'failed-before' as const,
        };
      if (r.version > serving.version)
        return {
          ...base,
          eligible: false,
          selectable: true,
          note: 'newer than the serving release',
          concern: 'newer' as const,
        };
      if (match === 'unknown')
        return {
          ...base,
          eligible: true,
          selectable: true,
          note: 'image in another form than the serving one (cannot compare)',
          concern: 'cannot-compare' as const,
        };
      return { ...base, eligible: true, selectable: true, note: '' };
    });
}

/** The default: the newest eligible release older than the serving one. */
export const defaultTarget = (candidates: readonly Candidate[], serving: Serving): Candidate | undefined =>
  candidates.find((c) => c.eligible && c.version < serving.version);

export interface TargetRequest {
  version?: number;
  image?: string;
  /** The version was picked at the terminal's prompt (said so in the plan). */
  picked?: boolean;
}

export interface RollbackPlan {
  app: string;
  from: { version: number; imageRef: string; machines: string };
  target: { version?: number; imageRef: string; status?: string; createdAt?: string };
  source: 'default' | 'version' | 'image';
  /** How the target was chosen, in words. */
  why: string;
  candidates: Candidate[];
  /** Things to know before going on (shown as warnings). */
  warnings: string[];
}

/** "25 release(s), v30 to v54" */
export function listedRange(candidates: readonly Candidate[]): string {
  if (candidates.length === 0) return 'no releases';
  const newest = candidates[0]?.version;
  const oldest = candidates.at(-1)?.version;
  return `${candidates.length} release(s), v${oldest} to v${newest}`;
}

const FORMS =
  'the refs have different forms (tag against digest), so they cannot be compared (docs/flyctl-contract.md §12): if they are the same image, the rollback changes nothing';

/**
 * The plan: from what serves now to the target. Bad requests are InputErrors that say what to pass instead;
 * every check here runs before anything changes.
 */
export function planRollback(
  app: string,
  serving: Serving,
  candidates: readonly Candidate[],
  request: TargetRequest,
  records: readonly DeliveryRecord[] = [],
): RollbackPlan {
  if (serving.version <= 0)
    throw new UserError(
      `${app} has no current release (flyctl status reports version 0): there is nothing to roll back from. Deploy it first with fly-deploy-with-health.`,
    );
  const from = { version: serving.version, imageRef: serving.imageRef, machines: serving.machines };
  const servingImage = serving.imageRef || 'unknown';
  const warnings: string[] = [];
  const base = { app, from, candidates: [...candidates], warnings };

  if (request.image !== undefined) {
    const image = request.image;
    const match = matchServing(image, serving);
    if (match === 'same')
      throw new InputError(
        'image',
        `${image} is the image serving now (v${serving.version})`,
        'A rollback to it would change nothing: give the ImageRef of an earlier release (flyctl releases --image lists them).',
      );
    if (match === 'unknown')
      warnings.push(`Cannot tell whether ${image} is the image serving now (${servingImage}): ${FORMS}.`);
    const release = candidates.find((c) => c.imageRef && compareImages(c.imageRef, image) === 'same');
    return {
      ...base,
      target: release
        ? { version: release.version, imageRef: image, status: release.status, createdAt: release.createdAt }
        : { imageRef: image },
      source: 'image',
      why: release
        ? `image was given; it is the image of v${release.version}`
        : 'image was given; none of the listed releases has it',
    };
  }

  if (request.version !== undefined) {
    const version = request.version;
    const found = candidates.find((c) => c.version === version);
    if (!found) throw versionNotListed(app, version, candidates, records);
    if (found.serving)
      throw new InputError(
        'version',
        `v${version} is the release serving now`,
        'Pick an earlier release (leave version empty for the newest complete one before it).',
      );
    if (found.imageRef === '')
      throw new InputError(
        'version',
        `v${version} has no image recorded, so there is nothing to deploy`,
        'Pick another release, or set image to the ImageRef you want.',
      );
    if (found.status !== 'complete')
      throw new InputError(
        'version',
        `v${version} is ${found.status || 'without status'}, not complete: its image never served as a finished release`,
        `Pick a complete release, or set image: ${found.imageRef} to deploy it anyway.`,
      );
    if (matchServing(found.imageRef, serving) === 'same')
      throw new InputError(
        'version',
        `v${version} runs ${found.imageRef}, the image serving now (v${serving.version})`,
        'A rollback to it would change nothing: pick a release with another image.',
      );
    if (found.concern === 'failed-before')
      warnings.push(`v${version} ${found.note}; rolling back to it as asked.`);
    if (found.concern === 'cannot-compare')
      warnings.push(
        `Cannot tell whether v${version}'s image ${found.imageRef} is the one serving now (${servingImage}): ${FORMS}.`,
      );
    return {
      ...base,
      target: { version, imageRef: found.imageRef, status: found.status, createdAt: found.createdAt },
      source: 'version',
      why: request.picked ? `v${version} was picked at the prompt` : `version ${version} was asked for`,
    };
  }

  const target = defaultTarget(candidates, serving);
  if (!target)
    throw new UserError(
      `No release to roll back to: flyctl lists ${listedRange(candidates)} for ${app}, and none older than the serving v${serving.version} is complete with an image other than the one serving (${servingImage}). Set version to a listed release, or image to an ImageRef.`,
    );
  const skipped = candidates
    .filter((c) => !c.serving && c.version > target.version && c.version < serving.version)
    .map((c) => `v${c.version} (${c.note})`);
  if (target.concern === 'cannot-compare')
    warnings.push(
      `Cannot tell whether v${target.version}'s image ${target.imageRef} is the one serving now (${servingImage}): ${FORMS}.`,
    );
  return {
    ...base,
    target: {
      version: target.version,
      imageRef: target.imageRef,
      status: target.status,
      createdAt: target.createdAt,
    },
    source: 'default',
    why: `v${target.version} is the newest complete release older than the serving v${serving.version} whose image differs from the one serving${skipped.length > 0 ? `; passed over: ${skipped.join(', ')}` : ''}`,
  };
}

function versionNotListed(
  app: string,
  version: number,
  candidates: readonly Candidate[],
  records: readonly DeliveryRecord[],
): InputError {
  const newest = candidates[0]?.version ?? 0;
  if (version > newest)
    return new InputError(
      'version',
      `${app} has no release v${version} (the newest is v${newest})`,
      'Use a version flyctl releases lists.',
    );
  const recorded = records.find((r) => r.release === version && r.image !== '');
  return new InputError(
    'version',
    `v${version} is not among the ${listedRange(candidates)} that flyctl lists for ${app}`,
    `flyctl lists only the 25 newest releases (docs/flyctl-contract.md §12), so deploy its image instead: ${
      recorded
        ? `the GitHub Deployment recorded for v${version} names it, so set image: ${recorded.image}`
        : 'set image to its ImageRef (from the GitHub Deployment or the job log of the run that deployed it)'
    }.`,
  );
}
