export const id = 820;
export const ids = [820];
export const modules = {

/***/ 87820:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readRollbackSettings: () => (/* binding */ readRollbackSettings),
  rollback: () => (/* binding */ rollback)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/domain/deploy/inputs.ts
var inputs = __webpack_require__(1201);
// EXTERNAL MODULE: ./src/domain/deploy/timeline.ts
var deploy_timeline = __webpack_require__(26183);
// EXTERNAL MODULE: ./src/domain/deploy/previous.ts
var previous = __webpack_require__(10241);
// EXTERNAL MODULE: ./src/domain/flyctl/rollout.ts
var rollout = __webpack_require__(4046);
// EXTERNAL MODULE: ./src/domain/shared/errors.ts
var errors = __webpack_require__(59677);
;// CONCATENATED MODULE: ./src/domain/rollback/target.ts
/**
 * Choosing what a rollback deploys: what serves now, each listed release as a candidate (contract §2: only
 * `complete` is good, 25 releases at most), and the target: the one asked for, or by default the newest
 * complete release older than the serving one whose image differs from the image serving now.
 */



/**
 * Two refs compared as far as they can be (contract §12): digests decide when both sides have one, else
 * repository and tag. A tag against a bare digest cannot be compared: `unknown`, never `different`.
 */
function compareImages(a, b, digestOfB) {
    if (a === b)
        return 'same';
    const x = (0,rollout/* parseImageRef */.Q)(a);
    const y = (0,rollout/* parseImageRef */.Q)(b);
    const dy = y.digest ?? digestOfB;
    if (x.digest && dy)
        return x.digest === dy ? 'same' : 'different';
    if (x.tag && y.tag)
        return x.repository === y.repository && x.tag === y.tag ? 'same' : 'different';
    return 'unknown';
}
function servingNow(status, releases) {
    const machines = status.machines.filter(rollout/* isAppMachine */.Jy);
    const images = new Map();
    for (const m of machines)
        if (m.image && !images.has(m.image))
            images.set(m.image, { image: m.image, ...(m.imageDigest ? { digest: m.imageDigest } : {}) });
    const listed = releases.find((r) => r.version === status.version)?.imageRef ?? '';
    const [only] = images.keys();
    return {
        version: status.version,
        imageRef: listed || (images.size === 1 && only ? only : ''),
        machineImages: [...images.values()],
        machines: (0,rollout/* describeServing */.Yh)(status.machines),
    };
}
/** Does `image` already serve: on every app machine (or, without machines, as the current release's image)? */
function matchServing(image, serving) {
    const against = serving.machineImages.length > 0
        ? serving.machineImages
        : serving.imageRef
            ? [{ image: serving.imageRef }]
            : [];
    if (against.length === 0)
        return 'unknown';
    const results = against.map((m) => compareImages(image, m.image, m.digest));
    if (results.every((r) => r === 'same'))
        return 'same';
    return results.includes('different') ? 'different' : 'unknown';
}
/** A GitHub Deployment record saying this release failed its checks when it was deployed. */
function failedRecord(records, version) {
    return records.find((r) => r.release === version && r.outcome !== 'healthy');
}
/** Every listed release, newest first, with whether it can be a target and why not. */
function rollbackCandidates(releases, serving, records = []) {
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
        const no = (note) => ({ ...base, eligible: false, selectable: false, note });
        if (base.serving)
            return no('serving now');
        if (!(0,previous/* isRollbackCandidate */.I2)(r))
            return no(r.imageRef === ''
                ? 'no image recorded'
                : `${r.status || 'no status'}: only complete releases are rollback targets`);
        const match = matchServing(r.imageRef, serving);
        if (match === 'same')
            return no('the image serving now');
        const failed = failedRecord(records, r.version);
        if (failed)
            return {
                ...base,
                eligible: false,
                selectable: true,
                note: `failed its checks when deployed (GitHub Deployment: ${failed.outcome})`,
                concern: 'failed-before',
            };
        if (r.version > serving.version)
            return {
                ...base,
                eligible: false,
                selectable: true,
                note: 'newer than the serving release',
                concern: 'newer',
            };
        if (match === 'unknown')
            return {
                ...base,
                eligible: true,
                selectable: true,
                note: 'image in another form than the serving one (cannot compare)',
                concern: 'cannot-compare',
            };
        return { ...base, eligible: true, selectable: true, note: '' };
    });
}
/** The default: the newest eligible release older than the serving one. */
const defaultTarget = (candidates, serving) => candidates.find((c) => c.eligible && c.version < serving.version);
/** "25 release(s), v30 to v54" */
function listedRange(candidates) {
    if (candidates.length === 0)
        return 'no releases';
    const newest = candidates[0]?.version;
    const oldest = candidates.at(-1)?.version;
    return `${candidates.length} release(s), v${oldest} to v${newest}`;
}
const FORMS = 'the refs have different forms (tag against digest), so they cannot be compared (docs/flyctl-contract.md §12): if they are the same image, the rollback changes nothing';
/**
 * The plan: from what serves now to the target. Bad requests are InputErrors that say what to pass instead;
 * every check here runs before anything changes.
 */
function planRollback(app, serving, candidates, request, records = []) {
    if (serving.version <= 0)
        throw new errors/* UserError */.yo(`${app} has no current release (flyctl status reports version 0): there is nothing to roll back from. Deploy it first with fly-deploy-with-health.`);
    const from = { version: serving.version, imageRef: serving.imageRef, machines: serving.machines };
    const servingImage = serving.imageRef || 'unknown';
    const warnings = [];
    const base = { app, from, candidates: [...candidates], warnings };
    if (request.image !== undefined) {
        const image = request.image;
        const match = matchServing(image, serving);
        if (match === 'same')
            throw new errors/* InputError */.dz('image', `${image} is the image serving now (v${serving.version})`, 'A rollback to it would change nothing: give the ImageRef of an earlier release (flyctl releases --image lists them).');
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
        if (!found)
            throw versionNotListed(app, version, candidates, records);
        if (found.serving)
            throw new errors/* InputError */.dz('version', `v${version} is the release serving now`, 'Pick an earlier release (leave version empty for the newest complete one before it).');
        if (found.imageRef === '')
            throw new errors/* InputError */.dz('version', `v${version} has no image recorded, so there is nothing to deploy`, 'Pick another release, or set image to the ImageRef you want.');
        if (found.status !== 'complete')
            throw new errors/* InputError */.dz('version', `v${version} is ${found.status || 'without status'}, not complete: its image never served as a finished release`, `Pick a complete release, or set image: ${found.imageRef} to deploy it anyway.`);
        if (matchServing(found.imageRef, serving) === 'same')
            throw new errors/* InputError */.dz('version', `v${version} runs ${found.imageRef}, the image serving now (v${serving.version})`, 'A rollback to it would change nothing: pick a release with another image.');
        if (found.concern === 'failed-before')
            warnings.push(`v${version} ${found.note}; rolling back to it as asked.`);
        if (found.concern === 'cannot-compare')
            warnings.push(`Cannot tell whether v${version}'s image ${found.imageRef} is the one serving now (${servingImage}): ${FORMS}.`);
        return {
            ...base,
            target: { version, imageRef: found.imageRef, status: found.status, createdAt: found.createdAt },
            source: 'version',
            why: request.picked ? `v${version} was picked at the prompt` : `version ${version} was asked for`,
        };
    }
    const target = defaultTarget(candidates, serving);
    if (!target)
        throw new errors/* UserError */.yo(`No release to roll back to: flyctl lists ${listedRange(candidates)} for ${app}, and none older than the serving v${serving.version} is complete with an image other than the one serving (${servingImage}). Set version to a listed release, or image to an ImageRef.`);
    const skipped = candidates
        .filter((c) => !c.serving && c.version > target.version && c.version < serving.version)
        .map((c) => `v${c.version} (${c.note})`);
    if (target.concern === 'cannot-compare')
        warnings.push(`Cannot tell whether v${target.version}'s image ${target.imageRef} is the one serving now (${servingImage}): ${FORMS}.`);
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
function versionNotListed(app, version, candidates, records) {
    const newest = candidates[0]?.version ?? 0;
    if (version > newest)
        return new errors/* InputError */.dz('version', `${app} has no release v${version} (the newest is v${newest})`, 'Use a version flyctl releases lists.');
    const recorded = records.find((r) => r.release === version && r.image !== '');
    return new errors/* InputError */.dz('version', `v${version} is not among the ${listedRange(candidates)} that flyctl lists for ${app}`, `flyctl lists only the 25 newest releases (docs/flyctl-contract.md §12), so deploy its image instead: ${recorded
        ? `the GitHub Deployment recorded for v${version} names it, so set image: ${recorded.image}`
        : 'set image to its ImageRef (from the GitHub Deployment or the job log of the run that deployed it)'}.`);
}

// EXTERNAL MODULE: ./src/domain/shared/order.ts
var order = __webpack_require__(77808);
;// CONCATENATED MODULE: ./src/domain/rollback/drift.ts
/**
 * What a rollback does not undo (contract §1, §12): it deploys the target's image with today's fly.toml and
 * today's secrets. The record of the target's run (a GitHub Deployment payload) holds the fly.toml digest and
 * the secret digests of then; compared with now, they name what the old image will meet.
 */


/** The newest record of the target: the run that made its release, else (an image only) one that deployed it. */
function findTargetRecord(records, app, target) {
    const mine = records
        .filter((r) => r.app === app && r.release !== null)
        .sort((a, b) => (0,order/* byCodeUnit */.X)(b.finishedAt, a.finishedAt));
    if (target.version !== undefined)
        return mine.find((r) => r.release === target.version);
    return mine.find((r) => r.image !== '' && compareImages(r.image, target.imageRef) === 'same');
}
function compareSecrets(then, now) {
    const names = (o) => Object.keys(o).sort();
    return {
        changed: names(now).filter((n) => n in then && then[n] !== now[n]),
        added: names(now).filter((n) => !(n in then)),
        removed: names(then).filter((n) => !(n in now)),
    };
}
/**
 * Drift between the target's record and now. `lookup` is the record, or why there is none (no token, no
 * record of that release, GitHub did not answer).
 */
function compareDrift(target, lookup, now) {
    if ('missing' in lookup)
        return { checked: false, target, reason: lookup.missing };
    const { record } = lookup;
    const secrets = record.secrets === null
        ? { unknown: 'the record holds no secrets list' }
        : 'unread' in now.secrets
            ? { unknown: `the app's secrets could not be read now (${now.secrets.unread})` }
            : compareSecrets(record.secrets, now.secrets);
    const config = record.config === null && now.config === null
        ? { unknown: 'neither that run nor this one had a local fly.toml' }
        : record.config && now.config && record.config.sha256 === now.config.sha256
            ? { same: true, now: now.config }
            : { same: false, then: record.config, now: now.config };
    return {
        checked: true,
        target,
        record: { kind: record.kind, finishedAt: record.finishedAt, release: record.release },
        secrets,
        config,
    };
}
const list = (names) => names.join(', ');
const drift_short = (sha) => sha.slice(0, 12);
/** One warning per kind of drift, naming each secret (never a value) and the fly.toml paths. */
function driftWarnings(drift) {
    if (!drift.checked)
        return [`Could not check what changed since ${drift.target} (secrets, fly.toml): ${drift.reason}.`];
    const since = `since ${drift.target} (its ${drift.record.kind} finished ${drift.record.finishedAt})`;
    const warnings = [];
    const s = drift.secrets;
    if ('unknown' in s)
        warnings.push(`Could not compare the app's secrets ${since}: ${s.unknown}.`);
    else if (s.changed.length + s.added.length + s.removed.length > 0) {
        const parts = [
            s.changed.length > 0 ? `changed (or set again): ${list(s.changed)}` : '',
            s.added.length > 0 ? `added: ${list(s.added)}` : '',
            s.removed.length > 0 ? `removed: ${list(s.removed)}` : '',
        ].filter(Boolean);
        warnings.push(`Secrets changed ${since}: ${parts.join('; ')}. A rollback restores the image only: it runs with today's secrets (docs/flyctl-contract.md §12).`);
    }
    const c = drift.config;
    if ('unknown' in c)
        warnings.push(`Could not compare fly.toml ${since}: ${c.unknown}.`);
    else if (!c.same) {
        const then = c.then ? `${c.then.path} (sha256 ${drift_short(c.then.sha256)})` : 'no local fly.toml';
        const now = c.now
            ? `${c.now.path} (sha256 ${drift_short(c.now.sha256)})`
            : "no local fly.toml, so flyctl takes the current release's config";
        warnings.push(`fly.toml changed ${since}: then ${then}, now ${now}. A rollback deploys the old image with today's config, not the one it was deployed with (docs/flyctl-contract.md §12).`);
    }
    return warnings;
}

// EXTERNAL MODULE: ./src/domain/deploy/verify.ts
var verify = __webpack_require__(9869);
;// CONCATENATED MODULE: ./src/domain/rollback/flow.ts
/**
 * fly-rollback as plain functions over injected edges: read what serves now, then deploy the planned target
 * image and verify it with the deploy's own deploy-and-verify. A target that fails leaves the release that
 * served before serving: untouched when flyctl replaced nothing (a pruned image), else deployed again.
 */




async function readRollbackState(settings, ports, timeline) {
    const app = settings.app;
    const { status, releases } = await timeline
        .run('record current release', async () => {
        const [status, releases] = await Promise.all([ports.status(app), ports.releases(app)]);
        if (!settings.healthUrl && !status.hostname)
            throw new errors/* UserError */.yo(`flyctl status reports no Hostname for ${app}; set health-url to the URL to probe`);
        return { status, releases };
    }, ({ status, releases }) => ({
        ok: true,
        detail: `v${status.version} serving; flyctl lists ${releases.length} release(s)`,
    }))
        .catch((error) => {
        // flyctl's failures are UserErrors: told with "nothing was changed". Anything else is a bug and
        // stays one, so its stack is shown behind debug logging.
        if (!(error instanceof errors/* UserError */.yo))
            throw error;
        throw new errors/* UserError */.yo(`${(0,errors/* errorMessage */.gJ)(error).replace(/\.?$/, '.')} Nothing was changed.`);
    });
    const healthUrl = settings.healthUrl ?? `https://${status.hostname}/health`;
    return {
        status,
        releases,
        serving: servingNow(status, releases),
        healthUrl,
        appUrl: status.hostname ? `https://${status.hostname}` : new URL(healthUrl).origin,
    };
}
/** flyctl's words for an image it could not fetch: nothing was deployed (contract §12). */
const isImageFetchFailure = (message) => /failed to fetch an image or build from source|could not find image/i.test(message);
/** Does every app machine still run the release that served before (a deploy that replaced nothing)? */
function untouched(status, serving) {
    const machines = status.machines.filter(rollout/* isAppMachine */.Jy);
    return (machines.length > 0 &&
        machines.every((m) => m.metadata.fly_release_version === String(serving.version) &&
            serving.machineImages.some((s) => s.image === m.image || (0,rollout/* sameImage */.G4)(m.image, s.image, m.imageDigest))));
}
function prunedImage(image, state, target) {
    const complete = state.releases.filter((r) => r.status === 'complete' && r.imageRef !== '');
    const kept = complete
        .filter((r) => state.serving.machineImages.some((m) => compareImages(r.imageRef, m.image, m.digest) === 'same'))
        .map((r) => ({ version: r.version, imageRef: r.imageRef }));
    const newer = complete
        .filter((r) => (target.version === undefined || r.version > target.version) &&
        compareImages(r.imageRef, image) !== 'same' &&
        !kept.some((k) => k.version === r.version))
        .sort((a, b) => b.version - a.version)
        .slice(0, 3)
        .map((r) => ({ version: r.version, imageRef: r.imageRef }));
    return { image, kept, newer };
}
async function runRollback(plan, state, settings, ports, timeline) {
    const app = settings.app;
    const spec = { ...settings.probe, url: state.healthUrl };
    const newest = Math.max(state.status.version, ...state.releases.map((r) => r.version));
    const request = (image, skipReleaseCommand) => ({
        app,
        config: settings.config,
        image,
        strategy: settings.strategy,
        timeoutMs: settings.deployTimeoutMs,
        skipReleaseCommand,
        echo: true,
    });
    const deploy = await (0,verify/* deployAndVerify */.K)(ports, timeline, settings, request(plan.target.imageRef, settings.skipReleaseCommand), spec, ['deploy', 'verify rollout', 'health check'], newest);
    if (deploy.ok)
        return { outcome: 'healthy', deploy };
    const servingNowText = async () => {
        try {
            return (0,rollout/* describeServing */.Yh)((await ports.status(app)).machines);
        }
        catch (error) {
            return `unknown (flyctl status failed: ${(0,errors/* errorMessage */.gJ)(error)})`;
        }
    };
    const from = state.serving;
    const gone = !deploy.release && isImageFetchFailure(deploy.deployFailure ?? '');
    // flyctl failed before it made a release: when every machine still runs what served before, nothing changed.
    if (!deploy.release) {
        const kept = await timeline.run('check previous release', async () => {
            const status = await ports.status(app).catch(() => undefined);
            return { kept: status !== undefined && untouched(status, from), status };
        }, ({ kept }) => ({
            ok: kept,
            detail: kept
                ? `every machine still runs v${from.version}: nothing was replaced`
                : `not every machine runs v${from.version} any more`,
        }));
        if (kept.kept)
            return {
                outcome: 'previous-kept',
                deploy,
                servingNow: kept.status ? (0,rollout/* describeServing */.Yh)(kept.status.machines) : from.machines,
                ...(gone ? { pruned: prunedImage(plan.target.imageRef, state, plan.target) } : {}),
            };
    }
    if (!from.imageRef)
        return {
            outcome: 'failed',
            deploy,
            noRestore: `the image v${from.version} ran is unknown (the machines ran ${from.machineImages.length} different images), so it cannot be deployed again`,
            servingNow: await servingNowText(),
        };
    const target = { version: from.version, imageRef: from.imageRef };
    const restore = await (0,verify/* deployAndVerify */.K)(ports, timeline, settings, request(from.imageRef, true), spec, ['rollback deploy', 'verify rollback rollout', 'rollback health check'], Math.max(newest, deploy.release?.version ?? 0));
    return {
        outcome: restore.ok ? 'rolled-back' : 'rollback-failed',
        deploy,
        restore: { ...restore, target },
        ...(restore.ok ? {} : { servingNow: await servingNowText() }),
    };
}

;// CONCATENATED MODULE: ./src/domain/rollback/inputs.ts
/** Parsers for fly-rollback's own inputs: each takes the input's text and names the input on error. */

const quote = (value) => JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
/** A release number as flyctl prints it (`41`, or `v41` as the table shows it); undefined when empty. */
function parseReleaseVersion(name, raw) {
    const text = raw.trim();
    if (text === '')
        return undefined;
    const match = /^v?(\d{1,9})$/i.exec(text);
    const version = match ? Number(match[1]) : 0;
    if (version >= 1)
        return version;
    throw new errors/* InputError */.dz(name, `${quote(text)} is not a release number`, 'Use the version flyctl releases shows, e.g. 41 (or v41); leave it empty for the newest complete release before the one serving.');
}
// The Docker reference grammar (distribution/reference): [host[:port]/]path[:tag][@sha256:<64 hex>].
const HOST = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::\\d+)?/)?';
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const IMAGE_REF = new RegExp(`^${HOST}${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$`);
/** An ImageRef to deploy (`registry.fly.io/<app>:deployment-…`, `…@sha256:…`); undefined when empty. */
function parseImageRef(name, raw) {
    const text = raw.trim();
    if (text === '')
        return undefined;
    if (IMAGE_REF.test(text))
        return text;
    throw new errors/* InputError */.dz(name, `${quote(text)} is not an image reference`, 'Use an ImageRef as flyctl releases --image shows it, e.g. registry.fly.io/nuzantara-rag:deployment-01JABCDEF or registry.fly.io/nuzantara-rag@sha256:<64 hex digits>.');
}

// EXTERNAL MODULE: ./src/domain/deploy/record.ts
var record = __webpack_require__(45173);
// EXTERNAL MODULE: ./src/domain/deploy/types.ts
var types = __webpack_require__(81403);
// EXTERNAL MODULE: ./src/domain/shared/duration.ts
var duration = __webpack_require__(6234);
// EXTERNAL MODULE: ./src/domain/shared/markdown.ts
var markdown = __webpack_require__(55523);
// EXTERNAL MODULE: ./src/domain/deploy/report.ts
var deploy_report = __webpack_require__(21818);
;// CONCATENATED MODULE: ./src/domain/rollback/report.ts
/** What fly-rollback tells people: outputs, the plan, the job summary, the failure story and its record. */







const ref = (r) => `v${r.version} (${r.imageRef})`;
const targetName = (plan) => plan.target.version === undefined ? plan.target.imageRef : `v${plan.target.version}`;
const targetRef = (plan) => plan.target.version === undefined
    ? `image ${plan.target.imageRef}`
    : `v${plan.target.version} (${plan.target.imageRef})`;
const fromRef = (plan) => `v${plan.from.version} (${plan.from.imageRef || 'image unknown'})`;
/** "3h ago", "2d 4h ago" from an RFC 3339 time. */
function age(createdAt, now) {
    const then = Date.parse(createdAt);
    return Number.isNaN(then) ? '?' : `${(0,duration/* formatLength */.ix)(Math.max(0, now - then))} ago`;
}
function rollbackOutputs(report, reportPath) {
    const { plan, run } = report;
    return {
        'from-version': String(plan.from.version),
        'to-version': plan.target.version === undefined ? '' : String(plan.target.version),
        'image-ref': plan.target.imageRef,
        'release-version': String(run?.deploy.release?.version ?? ''),
        healthy: run ? String(run.outcome === 'healthy') : '',
        outcome: run ? run.outcome : 'dry-run',
        report: reportPath,
    };
}
/** The plan in a few lines, before anything changes (and all a dry run does). */
function planLines(plan) {
    return [
        `Rollback of ${plan.app}: from ${fromRef(plan)} to ${targetRef(plan)}.`,
        `Why: ${plan.why}.`,
        `Serving now: ${plan.from.machines}.`,
    ];
}
function prunedStory(plan, pruned) {
    const kept = pruned.kept.length > 0
        ? `the images the app's machines run now, those of ${pruned.kept.map(ref).join(', ')}`
        : "none (the app's machines report no image)";
    const newer = pruned.newer.length > 0
        ? ` Releases deployed after ${targetName(plan)} are likelier to still have theirs (Fly prunes images not deployed for a while): ${pruned.newer.map(ref).join(', ')}; try version: ${pruned.newer[0]?.version}.`
        : '';
    return `its image ${pruned.image} is no longer in Fly's registry (flyctl could not find it), so nothing was deployed and ${fromRef(plan)} still serves. flyctl cannot list which images Fly still keeps (docs/flyctl-contract.md §12); the only releases known to still have theirs are ${kept}.${newer} To bring ${targetName(plan)}'s code back, rebuild its commit and deploy it with fly-deploy-with-health.`;
}
/** The one message the job fails with, or undefined when the rollback is healthy (or a dry run). */
function rollbackFailureMessage(report) {
    const { plan, run } = report;
    if (!run || run.outcome === 'healthy')
        return undefined;
    const head = `Rollback of ${plan.app} to ${targetRef(plan)} failed:`;
    switch (run.outcome) {
        case 'previous-kept':
            return run.pruned
                ? `${head} ${prunedStory(plan, run.pruned)}`
                : `${head} ${run.deploy.story ?? 'flyctl deploy failed'}. flyctl replaced nothing: ${fromRef(plan)} still serves (${run.servingNow ?? plan.from.machines}).`;
        case 'rolled-back':
            return `${head} ${run.deploy.story ?? 'unknown failure'}. ${ref(run.restore?.target ?? { version: plan.from.version, imageRef: plan.from.imageRef })}, which served before, was deployed again${run.restore?.release ? ` as ${(0,types/* releaseName */.d)(run.restore.release)}` : ''} and is healthy at ${report.healthUrl}: the app serves what it served before this run.`;
        case 'rollback-failed':
            return `${head} ${run.deploy.story ?? 'unknown failure'}. Deploying ${fromRef(plan)} again, which served before, did not bring the app back either: ${run.restore?.story ?? 'unknown failure'}. Now serving: ${run.servingNow ?? 'unknown'}. Act now: check \`flyctl status --app ${plan.app}\` and deploy a good image with \`flyctl deploy --app ${plan.app} --image <ImageRef> --strategy immediate\`.`;
        default:
            return `${head} ${run.deploy.story ?? 'unknown failure'}. Nothing was deployed again: ${run.noRestore ?? 'no image to restore'}. Now serving: ${run.servingNow ?? 'unknown'}.`;
    }
}
/** The GitHub Deployment status of a finished rollback. */
function rollbackStatus(report) {
    const run = report.run;
    const outcome = run?.outcome ?? 'failed';
    const to = targetName(report.plan);
    const description = {
        healthy: `Rolled back to ${to}${run?.deploy.release?.version ? ` as v${run.deploy.release.version}` : ''}, healthy`,
        'previous-kept': `Rollback to ${to} failed; v${report.plan.from.version} still serving`,
        'rolled-back': `Rollback to ${to} failed; v${report.plan.from.version} restored`,
        'rollback-failed': `Rollback to ${to} failed, and so did restoring v${report.plan.from.version}`,
        failed: `Rollback to ${to} failed`,
    };
    return { state: (0,record/* recordState */.DX)(outcome), description: description[outcome] };
}
/** The Deployment payload of a rollback run (contract: src/domain/deploy/record.ts). */
function rollbackRecord(report, facts) {
    const run = report.run;
    const outcome = run?.outcome ?? 'failed';
    const rolledBackTo = outcome === 'healthy'
        ? (report.plan.target.version ?? null)
        : outcome === 'rolled-back' || outcome === 'rollback-failed'
            ? report.plan.from.version
            : null;
    return (0,record/* buildRecord */.kA)({
        kind: 'rollback',
        app: report.app,
        release: run?.deploy.release?.version ?? null,
        image: report.plan.target.imageRef,
        previousRelease: report.plan.from.version,
        outcome,
        rolledBackTo,
    }, facts);
}
/** The releases table: version, status, age, image, and what each is to this rollback. */
function releasesTable(candidates, now, target) {
    const mark = (c) => c.serving ? '● serving now' : c.version === target ? `→ target${c.note ? ` (${c.note})` : ''}` : c.note;
    return (0,markdown/* table */.tp)(['version', 'status', 'age', 'image', ''], candidates.map((c) => [
        `v${c.version}`,
        c.status,
        age(c.createdAt, now),
        c.imageRef ? (0,markdown/* code */.aY)(c.imageRef) : '—',
        mark(c),
    ]));
}
/** The prompt's choices: every listed release, the ones that cannot be targets shown but disabled. */
function releaseChoices(candidates, now) {
    const width = Math.max(...candidates.map((c) => `v${c.version}`.length), 2);
    return candidates.map((c) => ({
        value: c.version,
        label: `${`v${c.version}`.padEnd(width)}  ${c.status.padEnd(9)}  ${age(c.createdAt, now).padEnd(8)}  ${c.imageRef || '(no image)'}${c.serving ? '  ← serving' : ''}`,
        ...(c.note && !c.serving ? { hint: c.note } : {}),
        ...(c.selectable ? {} : { disabled: true }),
    }));
}
const HEADLINE = {
    healthy: '✅ rolled back and healthy',
    'previous-kept': '❌ rollback failed, nothing changed',
    'rolled-back': '↩️ rollback failed, the release serving before was restored',
    'rollback-failed': '🚨 rollback failed, and so did restoring the release serving before',
    failed: '❌ rollback failed',
};
function driftSection(drift) {
    const warnings = driftWarnings(drift);
    const lines = [`### What changed since ${drift.target} (a rollback does not undo it)`, ''];
    if (warnings.length === 0)
        return [...lines, 'Nothing: the secrets and the fly.toml are as they were when it was deployed.', ''];
    return [...lines, ...warnings.map((w) => `- ${(0,markdown/* escapeText */.X1)(w)}`), ''];
}
function rollbackSummary(report, now) {
    const { plan, run } = report;
    const headline = run ? HEADLINE[run.outcome] : `📝 dry run: would roll back to ${targetName(plan)}`;
    const lines = [`## fly-rollback: ${plan.app} ${headline}`, ''];
    const failure = rollbackFailureMessage(report);
    if (failure)
        lines.push(run?.outcome === 'rollback-failed' ? `> [!CAUTION]\n> ${(0,markdown/* escapeText */.X1)(failure)}` : `> ${(0,markdown/* escapeText */.X1)(failure)}`, '');
    if (report.dryRun)
        lines.push('> Dry run: nothing was deployed.', '');
    lines.push(`From ${(0,markdown/* code */.aY)(fromRef(plan))} to ${(0,markdown/* code */.aY)(targetRef(plan))} · health URL: ${(0,markdown/* code */.aY)(report.healthUrl)}`, '', `**Why ${(0,markdown/* escapeText */.X1)(targetName(plan))}:** ${(0,markdown/* escapeText */.X1)(plan.why)}.`, '');
    for (const warning of plan.warnings)
        lines.push(`> [!WARNING]\n> ${(0,markdown/* escapeText */.X1)(warning)}`, '');
    lines.push(`### Releases considered (${listedRange(plan.candidates)})`, '', releasesTable(plan.candidates, now, plan.target.version), '');
    lines.push(...driftSection(report.drift));
    if (report.phases.length > 0)
        lines.push('### Timeline', '', (0,deploy_report/* timelineTable */.w0)(report.phases), '');
    if (run) {
        lines.push(...(0,deploy_report/* attemptSection */.XJ)(`Deploy of ${targetName(plan)}'s image`, run.deploy, { describeHealth: true }));
        if (run.restore)
            lines.push(...(0,deploy_report/* attemptSection */.XJ)(`Restore of ${ref(run.restore.target)}`, run.restore, {
                describeHealth: true,
            }));
        if (run.servingNow)
            lines.push('### Serving now', '', (0,markdown/* escapeText */.X1)(run.servingNow), '');
    }
    return lines.join('\n');
}
/** A failure before anything changed, for the job summary. */
function notStartedSummary(app, message, candidates, now) {
    const lines = [`## fly-rollback: ${app} ❌ did not roll back`, '', `> ${(0,markdown/* escapeText */.X1)(message)}`, ''];
    if (candidates)
        lines.push(`### Releases considered (${listedRange(candidates)})`, '', releasesTable(candidates, now), '');
    return lines.join('\n');
}

// EXTERNAL MODULE: ./src/host/inputs.ts
var host_inputs = __webpack_require__(39973);
// EXTERNAL MODULE: ./src/commands/deploy.ts + 2 modules
var deploy = __webpack_require__(78889);
// EXTERNAL MODULE: ./src/commands/deployments.ts
var deployments = __webpack_require__(42182);
// EXTERNAL MODULE: ./src/commands/flyctl.ts + 7 modules
var flyctl = __webpack_require__(53983);
// EXTERNAL MODULE: ./src/commands/probe-inputs.ts
var probe_inputs = __webpack_require__(37904);
// EXTERNAL MODULE: ./src/commands/report.ts
var commands_report = __webpack_require__(8938);
;// CONCATENATED MODULE: ./src/commands/rollback.ts
/**
 * `rollback` (the fly-rollback action): deploy an earlier release's image (contract §1: Fly has no rollback
 * command), verify it with the deploy's deploy-and-verify, and warn about what it does not undo.
 */















function readRollbackSettings(input, context, mask) {
    const app = (0,inputs/* parseAppName */.Q)('app', input.string('app', { required: true }));
    const version = parseReleaseVersion('version', input.text('version'));
    const image = parseImageRef('image', input.text('image'));
    if (version !== undefined && image !== undefined)
        throw new errors/* InputError */.dz('image', 'is set together with version', 'Set one of them: version for a release flyctl lists, image for any other ImageRef.');
    const { probe, retry } = (0,probe_inputs/* readProbeSettings */.K)(input, 'health-', mask);
    const githubToken = input.secret('github-token');
    return {
        rollback: {
            app,
            config: input.optional('config'),
            strategy: input.choice('strategy', deploy.STRATEGIES),
            skipReleaseCommand: input.boolean('skip-release-command'),
            deployTimeoutMs: input.duration('deploy-timeout', { minMs: 10_000 }),
            healthUrl: input.optionalUrl('health-url')?.toString(),
            probe,
            retry,
            rolloutTimeoutMs: input.duration('rollout-timeout', { maxMs: 3_600_000 }),
            rolloutPollMs: 1000,
        },
        target: {
            ...(version === undefined ? {} : { version }),
            ...(image === undefined ? {} : { image }),
        },
        dryRun: input.boolean('dry-run'),
        workingDirectory: (0,external_node_path_.resolve)(context.workspace, input.string('working-directory') || '.'),
        flyctlVersion: input.string('flyctl-version') || 'latest',
        githubToken,
        environment: input.optional('environment'),
        deploymentRef: (0,deployments/* readDeploymentRef */.Zx)(input),
    };
}
/** In a terminal nobody can answer (no TTY, --json, CI), the target and the go-ahead must be on the command line. */
function refuseWithoutAnswers(host, settings) {
    if (host.kind !== 'terminal' || host.ask || settings.dryRun)
        return;
    const app = settings.rollback.app;
    if (settings.target.version === undefined && settings.target.image === undefined)
        throw new errors/* InputError */.dz('version', 'is needed when nobody can answer the prompt (no TTY, --json or CI)', `Pass --version <N> (or --image <ref>) and --yes, run it in a terminal to pick a release of ${app} from the list, or add --dry-run to see the default plan.`);
    if (!host.context.verbFlags?.yes)
        throw new errors/* InputError */.dz('yes', 'is needed to roll back when nobody can answer the confirmation (no TTY, --json or CI)', `Pass --yes to roll ${app} back without a question, or --dry-run to see the plan.`);
}
/** In a terminal with a person: the releases as a table, then which one. */
async function pickVersion(host, app, candidates, serving) {
    const ask = host.ask;
    if (!ask)
        throw new Error('no prompt available');
    const now = Date.now();
    await host.summary(`### Releases of ${app}\n\n${releasesTable(candidates, now)}\n`);
    const initial = defaultTarget(candidates, serving);
    return ask.select(`Roll ${app} back to which release?`, releaseChoices(candidates, now), initial?.version);
}
async function rollback(host) {
    const settings = readRollbackSettings((0,host_inputs/* inputReader */.c)(host), host.context, (v) => host.mask(v));
    await (0,flyctl/* checkAppPaths */.EU)(settings.workingDirectory, settings.rollback.config);
    const app = settings.rollback.app;
    refuseWithoutAnswers(host, settings);
    const startedAt = new Date();
    const client = await (0,flyctl/* readyFlyctl */.iz)(host, settings.flyctlVersion, settings.workingDirectory);
    const ports = (0,deploy.deployPorts)(host, client);
    const timeline = new deploy_timeline/* Timeline */.K(ports);
    const state = await readRollbackState(settings.rollback, ports, timeline);
    // The records (to skip releases that failed, and for drift), today's secrets and fly.toml: best effort.
    const [lookup, secretsNow, configNow] = await Promise.all([
        (0,deployments/* readRecords */.T3)(host, settings, app),
        client.listSecrets(app).then((list) => Object.fromEntries(list.map((s) => [s.name, s.digest])), (error) => ({ unread: (0,errors/* errorMessage */.gJ)(error) })),
        (0,deployments/* configFingerprint */.Vw)(host.context.workspace, settings.workingDirectory, settings.rollback.config),
    ]);
    const records = 'records' in lookup ? lookup.records : [];
    const candidates = rollbackCandidates(state.releases, state.serving, records);
    let plan;
    try {
        let request = settings.target;
        const chosen = request.version !== undefined || request.image !== undefined;
        if (!chosen && host.ask && candidates.some((c) => c.selectable))
            request = { version: await pickVersion(host, app, candidates, state.serving), picked: true };
        plan = planRollback(app, state.serving, candidates, request, records);
    }
    catch (error) {
        await host.summary(notStartedSummary(app, (0,errors/* errorMessage */.gJ)(error), candidates, Date.now()));
        throw error;
    }
    const targetLabel = plan.target.version === undefined ? plan.target.imageRef : `v${plan.target.version}`;
    const record = findTargetRecord(records, app, plan.target);
    const where = settings.environment ? `environment ${settings.environment}` : 'any environment';
    const drift = compareDrift(targetLabel, 'missing' in lookup
        ? lookup
        : record
            ? { record }
            : {
                missing: `no GitHub Deployment in ${where} records ${targetLabel} of ${app} (a deploy or rollback records one when its environment input is set)`,
            }, { config: configNow, secrets: secretsNow });
    for (const line of planLines(plan))
        host.info(line);
    for (const warning of [...plan.warnings, ...driftWarnings(drift)])
        host.warning(warning);
    const reportPath = (0,external_node_path_.join)(host.context.tempDir, 'fly-rollback-report.json');
    const base = { app, appUrl: state.appUrl, healthUrl: state.healthUrl, plan, drift };
    const finish = async (report) => {
        await (0,commands_report/* writeJsonReport */.a_)(reportPath, report, host);
        (0,commands_report/* setOutputs */.n0)(host, rollbackOutputs(report, reportPath));
        host.result({ report });
        await host.summary(rollbackSummary(report, Date.now()));
    };
    if (settings.dryRun) {
        host.info('Dry run: nothing was deployed.');
        await finish({ ...base, dryRun: true, phases: timeline.phases });
        return;
    }
    if (host.ask && !host.context.verbFlags?.yes) {
        const go = await host.ask.confirm(`Roll ${app} back from v${plan.from.version} to ${targetLabel} (${plan.target.imageRef}) now?`);
        if (!go)
            throw new errors/* UserError */.yo(`Not confirmed: nothing was changed; v${plan.from.version} still serves.`);
    }
    const run = await runRollback(plan, state, settings.rollback, ports, timeline);
    const report = { ...base, dryRun: false, phases: timeline.phases, run };
    await finish(report);
    await (0,deployments/* recordDeployment */.dj)(host, settings, {
        startedAt,
        description: `fly-rollback: ${app} v${plan.from.version} → ${targetLabel}`,
        workingDirectory: settings.workingDirectory,
        config: settings.rollback.config,
        secrets: () => client.listSecrets(app),
        payload: (facts) => rollbackRecord(report, facts),
        status: { ...rollbackStatus(report), environmentUrl: state.appUrl },
    });
    const failure = rollbackFailureMessage(report);
    if (failure)
        throw new errors/* CheckFailed */.EC(failure);
}


/***/ })

};

//# sourceMappingURL=820.index.js.map