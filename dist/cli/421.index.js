export const id = 421;
export const ids = [421,701,182];
export const modules = {

/***/ 78889:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  STRATEGIES: () => (/* binding */ STRATEGIES),
  deploy: () => (/* binding */ deploy),
  deployPorts: () => (/* binding */ deployPorts),
  readDeploySettings: () => (/* binding */ readDeploySettings),
  readHealthPath: () => (/* binding */ readHealthPath)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/domain/flyctl/rollout.ts
var rollout = __webpack_require__(4046);
// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var dist = __webpack_require__(3292);
// EXTERNAL MODULE: ./src/domain/fly-config/readiness.ts + 1 modules
var readiness = __webpack_require__(21843);
// EXTERNAL MODULE: ./src/domain/shared/errors.ts
var errors = __webpack_require__(59677);
;// CONCATENATED MODULE: ./src/domain/probe/fly-health-path.ts
/** The health path an app declares in its fly.toml: what a deploy probes when no health URL is given. */



/** Used when the config declares no HTTP check with a path. */
const FALLBACK_HEALTH_PATH = '/health';
/**
 * The path of the first HTTP check with one: [[http_service.checks]], then [[services.http_checks]], then
 * [checks.*] of type http (the order httpChecks returns them). Only the public service's checks have a
 * public URL (contract §14); the others are taken as the app's own word for its health endpoint.
 * Invalid TOML is an InputError on `input`: flyctl could not deploy it either.
 */
function declaredHealthPath(text, file, input) {
    let doc;
    try {
        doc = (0,dist/* parse */.qg)(text);
    }
    catch (error) {
        if (!(error instanceof dist/* TomlError */.zx))
            throw error;
        // Only the first line: smol-toml's code block would quote the source, which may hold a secret.
        const reason = error.message.split('\n')[0]?.replace(/^Invalid TOML document:\s*/, '') ?? 'invalid TOML';
        throw new errors/* InputError */.dz(input, `${file} is not valid TOML (line ${error.line}: ${reason})`, 'Fix the file (`nuzantara validate` names the problem), or set health-url to the URL to probe.');
    }
    const check = (0,readiness/* httpChecks */.qU)(doc).find((c) => c.httpPath !== undefined);
    if (!check?.httpPath)
        return undefined;
    // Key names and values come from the file: no control character may reach a log line or the URL.
    const source = `${check.path.replace(/[\p{Cc}\s]/gu, '?')} in ${file}`;
    if (/[\p{Cc}\s]/u.test(check.httpPath))
        throw new errors/* InputError */.dz(input, `the path of ${source} holds whitespace or control characters, so it is not a URL path`, 'Fix the check path in the file (e.g. path = "/health"), or set health-url to the URL to probe.');
    const path = check.httpPath.startsWith('/') ? check.httpPath : `/${check.httpPath}`;
    return { path, source };
}

// EXTERNAL MODULE: ./src/domain/probe/run.ts
var run = __webpack_require__(97580);
// EXTERNAL MODULE: ./src/domain/deploy/previous.ts
var previous = __webpack_require__(10241);
// EXTERNAL MODULE: ./src/domain/deploy/timeline.ts
var deploy_timeline = __webpack_require__(26183);
// EXTERNAL MODULE: ./src/domain/deploy/types.ts
var types = __webpack_require__(81403);
// EXTERNAL MODULE: ./src/domain/deploy/verify.ts
var verify = __webpack_require__(9869);
;// CONCATENATED MODULE: ./src/domain/deploy/flow.ts
/**
 * fly-deploy-with-health as plain functions over injected edges (flyctl, the probe, a clock): record the
 * release serving now, probe it (a health check that fails there too is misconfigured, or production is
 * down: stop), stage secrets, deploy, verify the rollout, probe from outside, and sample through the
 * verification window; on any failure after the deploy began, deploy the recorded ImageRef again
 * (contract §1) and verify that too, unless it failed the same probe before the deploy.
 */










/**
 * The probe of the release serving now: three tries a second apart. A healthy app answers the first, so a
 * deploy pays one request; a blip gets two more chances before the run stops.
 */
const SERVING_PROBE_POLICY = { mode: 'steady', attempts: 3, intervalMs: 1000 };
/** The URL to probe and where it came from (said in the log and the summary). */
function healthTarget(settings, hostname) {
    if (settings.healthUrl)
        return { url: settings.healthUrl, source: 'health-url' };
    const declared = settings.healthPath;
    const path = declared?.path ?? FALLBACK_HEALTH_PATH;
    return {
        url: `https://${hostname}${path.startsWith('/') ? path : `/${path}`}`,
        source: declared?.source ?? `the default ${FALLBACK_HEALTH_PATH}`,
    };
}
const servingName = (status) => status.version > 0 ? `v${status.version}` : 'the machines serving now';
async function runDeployFlow(settings, ports) {
    const timeline = new deploy_timeline/* Timeline */.K(ports);
    const app = settings.app;
    const secretNames = settings.secrets.map((s) => s.name);
    // Before the deploy nothing has changed, and an error says so.
    const beforeDeploy = (work, extra = '') => work().catch((error) => {
        throw new errors/* UserError */.yo(`${(0,errors/* errorMessage */.gJ)(error).replace(/\.?$/, '.')} Nothing was deployed.${extra}`);
    });
    const { status, record } = await beforeDeploy(() => timeline.run('record current release', async () => {
        const [status, releases] = await Promise.all([ports.status(app), ports.releases(app)]);
        // Checked here so that a run that cannot probe stops before anything is recorded as done.
        if (!settings.healthUrl && !status.hostname)
            throw new errors/* UserError */.yo(`flyctl status reports no Hostname for ${app}; set health-url to the URL to probe`);
        return { status, record: (0,previous/* recordPrevious */.v1)(status, releases) };
    }, ({ record }) => record.found
        ? {
            ok: true,
            warning: record.source === 'machines',
            detail: `v${record.previous.version} (${record.previous.imageRef})${record.source === 'machines' ? ': from the machines, as flyctl releases lists no complete release with an image' : ''}`,
        }
        : { ok: true, detail: record.missing }));
    const previousRef = record.found ? record.previous : undefined;
    const { url: healthUrl, source: healthUrlSource } = healthTarget(settings, status.hostname);
    ports.log(`health URL: ${healthUrl} (${healthUrlSource})`);
    const appUrl = status.hostname ? `https://${status.hostname}` : new URL(healthUrl).origin;
    const spec = { ...settings.probe, url: healthUrl };
    const common = {
        app,
        healthUrl,
        healthUrlSource,
        appUrl,
        previous: previousRef,
        ...(record.found ? { previousSource: record.source } : {}),
    };
    // A check that fails against the release serving now would fail any release: it proves nothing about the
    // new one, and a rollback to the old one could not pass it either. A first deploy has nothing to probe.
    let servingProbe;
    if (status.machines.some(rollout/* isAppMachine */.Jy)) {
        const name = servingName(status);
        const anyway = settings.deployWhenUnhealthy === true;
        const health = await beforeDeploy(() => timeline.run('probe serving release', () => ports.probe(spec, SERVING_PROBE_POLICY), (h) => h.healthy
            ? { ok: true, detail: `${name} is ${(0,run/* describeProbe */.WH)(h)}` }
            : anyway
                ? {
                    ok: true,
                    warning: true,
                    detail: `${name} is ${(0,run/* describeProbe */.WH)(h)}; deploying anyway (deploy-when-unhealthy: true)`,
                }
                : { ok: false, detail: `${name} is ${(0,run/* describeProbe */.WH)(h)}: nothing deployed` }));
        servingProbe = { version: status.version, health, deployedAnyway: !health.healthy && anyway };
        if (!health.healthy && !anyway)
            return {
                ...common,
                outcome: 'not-deployed',
                servingProbe,
                deploy: {
                    ok: false,
                    story: `the health check fails against the release serving now (${name}): it is ${(0,run/* describeProbe */.WH)(health)} at ${healthUrl}. The health URL or expectations are misconfigured, or production is already down. Nothing was deployed; set deploy-when-unhealthy: true to deploy anyway (the fix for an outage)`,
                },
                phases: timeline.phases,
            };
        if (servingProbe.deployedAnyway && ports.warn)
            ports.warn(`The health check fails against ${name} (${(0,run/* describeProbe */.WH)(health)}); deploying anyway (deploy-when-unhealthy: true). If the new release fails it too, there is no rollback to ${name}.`);
    }
    // The rollback target failed this very probe before the deploy: redeploying it cannot make the probe pass.
    const targetFailedProbe = servingProbe?.deployedAnyway === true && previousRef?.version === servingProbe.version;
    if (settings.secrets.length > 0)
        await beforeDeploy(() => timeline.run('stage secrets', () => ports.stageSecrets(app, settings.secrets), () => ({
            ok: true,
            detail: `${settings.secrets.length} secret(s) staged: ${secretNames.join(', ')}`,
        })), ` Some of ${secretNames.join(', ')} may be staged on Fly: check \`flyctl secrets list --app ${app}\` (staged ones go live with the next deploy).`);
    const deploy = await (0,verify/* deployAndVerify */.K)(ports, timeline, settings, {
        app,
        config: settings.config,
        image: settings.image,
        strategy: settings.strategy,
        waitTimeout: settings.waitTimeout,
        timeoutMs: settings.deployTimeoutMs,
        remoteOnly: settings.remoteOnly,
        buildArgs: settings.buildArgs,
        echo: true,
    }, spec, ['deploy', 'verify rollout', 'health check', 'verification window'], status.version);
    const base = {
        ...common,
        ...(servingProbe ? { servingProbe } : {}),
        deploy,
        phases: timeline.phases,
    };
    if (deploy.ok)
        return { ...base, outcome: 'healthy' };
    const servingNow = async () => {
        try {
            return (0,rollout/* describeServing */.Yh)((await ports.status(app)).machines);
        }
        catch (error) {
            return `unknown (flyctl status failed: ${(0,errors/* errorMessage */.gJ)(error)})`;
        }
    };
    // flyctl deploy failed: the secrets staged for it may not have gone live anywhere.
    const leftStaged = (certain) => secretNames.length > 0 && !deploy.release ? { secretsLeftStaged: { names: secretNames, certain } } : {};
    if (!previousRef || !settings.rollback) {
        return {
            ...base,
            outcome: 'failed',
            noRollback: record.found ? 'rollback is off (rollback: false)' : record.missing,
            servingNow: await servingNow(),
            ...leftStaged(false),
        };
    }
    const failedAtProbe = deploy.health !== undefined;
    if (targetFailedProbe && failedAtProbe)
        return {
            ...base,
            outcome: 'failed',
            noRollback: `v${previousRef.version}, the release serving before, failed the same health check before this deploy (${(0,run/* describeProbe */.WH)(servingProbe?.health)}), so a rollback to it cannot help: ${(0,types/* releaseName */.d)(deploy.release ?? {})} stays`,
            servingNow: await servingNow(),
        };
    // flyctl failed before replacing anything (bluegreen destroys its greens; a missing image changes nothing):
    // when every machine still runs the recorded release and it answers healthy, a rollback deploy is churn.
    if (!deploy.release &&
        (await (0,verify/* stillServing */.J)(ports, timeline, settings, previousRef, spec, { knownUnhealthy: targetFailedProbe })))
        return {
            ...base,
            outcome: 'previous-kept',
            noRollback: targetFailedProbe
                ? `flyctl did not replace the serving release: every machine still runs v${previousRef.version} with checks passing (it failed the health check at ${healthUrl} before this run, as it does now), so no rollback deploy was needed`
                : `flyctl did not replace the serving release: every machine still runs v${previousRef.version} with checks passing and it is healthy at ${healthUrl}, so no rollback deploy was needed`,
            ...leftStaged(true),
        };
    // The rollback skips the verification window: it restores the release that served before, and a window
    // would only delay the all-clear of a recovery that has nothing further to fall back to.
    const rollback = await (0,verify/* deployAndVerify */.K)(ports, timeline, { ...settings, window: undefined }, {
        app,
        config: settings.config,
        image: previousRef.imageRef,
        strategy: settings.rollbackStrategy,
        waitTimeout: settings.waitTimeout,
        timeoutMs: settings.deployTimeoutMs,
        skipReleaseCommand: true,
        echo: true,
    }, spec, ['rollback deploy', 'verify rollback rollout', 'rollback health check'], Math.max(status.version, deploy.release?.version ?? 0));
    // Back where the run began: rolled out, failing the probe as it did before (deploy-when-unhealthy).
    const unhealthyAsBefore = !rollback.ok && targetFailedProbe && rollback.health !== undefined && !rollback.health.healthy;
    const restored = rollback.ok || unhealthyAsBefore;
    return {
        ...base,
        outcome: restored ? 'rolled-back' : 'rollback-failed',
        rollback: { ...rollback, target: previousRef, ...(unhealthyAsBefore ? { unhealthyAsBefore } : {}) },
        // A rollback deploy runs with the app's current secrets (contract §1), the staged ones included.
        ...(rollback.release && secretNames.length > 0 ? { secretsLiveWithRollback: secretNames } : {}),
        ...(restored ? {} : { servingNow: await servingNow() }),
        ...(rollback.release ? {} : leftStaged(false)),
    };
}

// EXTERNAL MODULE: ./src/domain/deploy/inputs.ts
var inputs = __webpack_require__(1201);
// EXTERNAL MODULE: ./src/domain/deploy/record.ts
var record = __webpack_require__(45173);
// EXTERNAL MODULE: ./src/domain/deploy/report.ts
var deploy_report = __webpack_require__(21818);
// EXTERNAL MODULE: ./src/domain/flyctl/secrets-import.ts
var secrets_import = __webpack_require__(238);
// EXTERNAL MODULE: ./src/domain/probe/report.ts
var report = __webpack_require__(32243);
// EXTERNAL MODULE: ./src/domain/shared/markdown.ts
var markdown = __webpack_require__(55523);
// EXTERNAL MODULE: ./src/host/inputs.ts
var host_inputs = __webpack_require__(39973);
// EXTERNAL MODULE: ./src/io/http-probe.ts
var http_probe = __webpack_require__(95241);
// EXTERNAL MODULE: ./src/commands/deployments.ts
var deployments = __webpack_require__(42182);
// EXTERNAL MODULE: ./src/commands/flyctl.ts + 7 modules
var flyctl = __webpack_require__(53983);
// EXTERNAL MODULE: ./src/commands/probe-inputs.ts
var probe_inputs = __webpack_require__(37904);
// EXTERNAL MODULE: ./src/commands/report.ts
var commands_report = __webpack_require__(8938);
;// CONCATENATED MODULE: ./src/commands/deploy.ts
/** `deploy` (the fly-deploy-with-health action): deploy, verify from outside, roll back automatically. */


















const STRATEGIES = [
    'rolling',
    'immediate',
    'canary',
    'bluegreen',
];
function readDeploySettings(input, context, mask) {
    const app = (0,inputs/* parseAppName */.Q)('app', input.string('app', { required: true }));
    const { probe, retry } = (0,probe_inputs/* readProbeSettings */.K)(input, 'health-', mask);
    // Secrets are masked as they are read, and checked against flyctl's parser now, before anything runs.
    const secrets = input.secretPairs('secrets');
    (0,secrets_import/* encodeSecretsImport */.de)(secrets);
    return {
        deploy: {
            app,
            config: input.optional('config'),
            image: input.optional('image'),
            ...(input.optional('strategy') ? { strategy: input.choice('strategy', STRATEGIES) } : {}),
            waitTimeout: (0,inputs/* parseWaitTimeout */.M)('wait-timeout', input.string('wait-timeout')),
            deployTimeoutMs: input.duration('deploy-timeout', { minMs: 10_000 }),
            remoteOnly: input.boolean('remote-only'),
            buildArgs: input.pairs('build-args').map((p) => `${p.name}=${p.value}`),
            secrets,
            healthUrl: input.optionalUrl('health-url')?.toString(),
            probe,
            retry,
            deployWhenUnhealthy: input.boolean('deploy-when-unhealthy'),
            window: (0,probe_inputs/* readWindowSettings */.S)(input),
            rollback: input.boolean('rollback'),
            rollbackStrategy: input.choice('rollback-strategy', STRATEGIES),
            rolloutTimeoutMs: input.duration('rollout-timeout', { maxMs: 3_600_000 }),
            rolloutPollMs: 1000,
        },
        workingDirectory: (0,external_node_path_.resolve)(context.workspace, input.string('working-directory') || '.'),
        flyctlVersion: input.string('flyctl-version') || 'latest',
        githubToken: input.secret('github-token'),
        environment: input.optional('environment'),
        deploymentRef: (0,deployments/* readDeploymentRef */.Zx)(input),
        notifyWebhook: input.secretUrl('notify-webhook'),
        notifyOn: input.choice('notify-on', ['failure', 'always']),
    };
}
/**
 * The health path the deploy's fly.toml declares (`config`, else ./fly.toml in working-directory), or
 * /health with the reason. Only read when health-url is empty; a `config` that is missing or not TOML is
 * an input error now, before anything runs (flyctl could not deploy it either).
 */
async function readHealthPath(settings) {
    const file = settings.deploy.config ?? 'fly.toml';
    const fallback = (why) => ({ path: FALLBACK_HEALTH_PATH, source: `the default: ${why}` });
    if (/\.(json|ya?ml)$/i.test(file))
        return fallback(`${file} is not TOML, so its checks are not read; set health-url to probe another path`);
    let text;
    try {
        text = await (0,promises_.readFile)((0,external_node_path_.resolve)(settings.workingDirectory, file), 'utf8');
    }
    catch (error) {
        const missing = error.code === 'ENOENT';
        if (settings.deploy.config)
            throw new errors/* InputError */.dz('config', missing
                ? `${file} does not exist in ${settings.workingDirectory}`
                : `${file} cannot be read (${(0,errors/* errorMessage */.gJ)(error)})`, 'Give the fly.toml path relative to working-directory, or leave config empty for ./fly.toml.');
        return fallback(`there is no ${file} in ${settings.workingDirectory} to read a check path from`);
    }
    return declaredHealthPath(text, file, 'config') ?? fallback(`${file} declares no HTTP check with a path`);
}
/** The edges the deploy flow runs on: flyctl, the HTTP probe (its attempts told as they go), the clock. */
function deployPorts(host, client) {
    return {
        now: () => Date.now(),
        sleep: (ms) => (0,external_node_timers_promises_.setTimeout)(ms),
        status: (app, options) => client.status(app, options),
        releases: (app) => client.releases(app),
        stageSecrets: (app, pairs) => client.importSecrets(app, pairs, { stage: true }),
        deploy: (request) => client.deploy(request),
        probe: (spec, policy) => (0,http_probe/* probe */.dy)(spec, policy, (a) => host.info((0,report/* attemptLine */.O_)(a))),
        sampleWindow: (spec, window) => {
            // Failed samples as they come; otherwise a line every 10, so a long window stays readable.
            let answered = 0;
            let failed = 0;
            return (0,http_probe/* sampleWindow */.R3)(spec, window, (s) => {
                if (s.reason === 'cancelled')
                    return;
                answered++;
                if (!s.ok)
                    failed++;
                if (!s.ok)
                    host.info((0,report/* attemptLine */.O_)(s, 'verify sample'));
                else if (answered % 10 === 0)
                    host.info(`  verify window: ${answered} sample(s), ${failed} failed (+${(s.offsetMs / 1000).toFixed(1)}s)`);
            });
        },
        log: (line) => host.info(line),
        warn: (line) => host.warning(line),
    };
}
async function deploy(host) {
    const settings = readDeploySettings((0,host_inputs/* inputReader */.c)(host), host.context, (v) => host.mask(v));
    await (0,flyctl/* checkAppPaths */.EU)(settings.workingDirectory, settings.deploy.config);
    const app = settings.deploy.app;
    if (!settings.deploy.healthUrl)
        settings.deploy.healthPath = await readHealthPath(settings);
    const startedAt = new Date();
    const client = await (0,flyctl/* readyFlyctl */.iz)(host, settings.flyctlVersion, settings.workingDirectory);
    let report;
    try {
        report = await runDeployFlow(settings.deploy, deployPorts(host, client));
    }
    catch (error) {
        await host.summary(`## fly-deploy-with-health: ${app} ❌ did not deploy\n\n> ${(0,markdown/* escapeInline */.VV)((0,errors/* errorMessage */.gJ)(error))}\n`);
        await (0,deployments.notify)(host, settings.notifyWebhook, `*${app}* deploy could not run: ${(0,errors/* errorMessage */.gJ)(error)}`);
        throw error;
    }
    (0,commands_report/* setOutputs */.n0)(host, (0,deploy_report/* deployOutputs */.gf)(report));
    host.result({ report });
    await host.summary((0,deploy_report/* summaryMarkdown */.eH)(report));
    // Recorded once the outcome is known: a Deployment's payload can only be set when it is created.
    await (0,deployments/* recordDeployment */.dj)(host, settings, {
        startedAt,
        description: `fly-deploy-with-health: ${app}`,
        workingDirectory: settings.workingDirectory,
        config: settings.deploy.config,
        secrets: () => client.listSecrets(app),
        payload: (0,record/* deployRecord */.FJ)(report),
        status: { ...(0,deploy_report/* deploymentStatus */.I1)(report), environmentUrl: report.appUrl },
    });
    const failure = (0,deploy_report/* failureMessage */.oh)(report);
    if (failure || settings.notifyOn === 'always')
        await (0,deployments.notify)(host, settings.notifyWebhook, (0,deploy_report/* notificationText */.PH)(report, host.context.runUrl));
    if (failure)
        throw new errors/* CheckFailed */.EC(failure);
}


/***/ }),

/***/ 42182:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T3: () => (/* binding */ readRecords),
/* harmony export */   Vw: () => (/* binding */ configFingerprint),
/* harmony export */   Zx: () => (/* binding */ readDeploymentRef),
/* harmony export */   dj: () => (/* binding */ recordDeployment),
/* harmony export */   notify: () => (/* binding */ notify)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _domain_deploy_record_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(45173);
/* harmony import */ var _domain_shared_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(59677);
/* harmony import */ var _io_github_deployments_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(11684);
/* harmony import */ var _io_notify_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4579);
/**
 * GitHub Deployment records of deploys and rollbacks, and the chat notification: best effort, warnings only.
 * A run is recorded once its outcome is known (the payload can only be set at creation), with its final
 * status; a rollback reads the records back to tell what changed since its target.
 */







/** The deployment-ref input: a commit, branch or tag name, nothing a ref cannot hold. */
function readDeploymentRef(input) {
    const ref = input.optional('deployment-ref');
    if (ref !== undefined && !/^[\w][\w./-]*$/.test(ref))
        throw new _domain_shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('deployment-ref', `${JSON.stringify(ref)} is not a commit, branch or tag name`, "Give a commit SHA (e.g. needs.pre-deploy.outputs.sha) or a branch or tag name, or leave it empty for the run's commit.");
    return ref;
}
/** The fly.toml flyctl deploys with (contract §4: -c, else ./fly.toml), relative to the workspace; null if none. */
async function configFingerprint(workspace, workingDirectory, config) {
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(workingDirectory, config || 'fly.toml');
    try {
        const sha256 = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
            .update(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path))
            .digest('hex');
        return { path: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(workspace, path).split(node_path__WEBPACK_IMPORTED_MODULE_2__.sep).join('/') || path, sha256 };
    }
    catch {
        return null;
    }
}
/** Creates the Deployment with its payload and final status. Any failure is a warning. */
async function recordDeployment(host, settings, run) {
    const build = run.payload;
    if (!settings.environment || !build)
        return;
    const { repository, apiUrl, runUrl } = host.context;
    const sha = settings.deploymentRef ?? host.context.sha;
    if (!settings.githubToken) {
        host.warning('environment is set but github-token is empty: no GitHub Deployment is recorded.');
        return;
    }
    if (!repository || !sha) {
        host.warning('environment is set but the repository and commit are unknown (GITHUB_REPOSITORY, GITHUB_SHA): no GitHub Deployment is recorded.');
        return;
    }
    const [config, secrets] = await Promise.all([
        configFingerprint(host.context.workspace, run.workingDirectory, run.config),
        run.secrets().catch((error) => {
            host.warning(`Could not read the app's secrets for the GitHub Deployment record (${(0,_domain_shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}).`);
            return null;
        }),
    ]);
    const payload = build({ startedAt: run.startedAt, finishedAt: new Date(), config, secrets });
    try {
        const record = await (0,_io_github_deployments_js__WEBPACK_IMPORTED_MODULE_4__/* .createDeployment */ .Y)({
            token: settings.githubToken,
            apiUrl,
            ...repository,
            ref: sha,
            environment: settings.environment,
            description: run.description,
            payload: payload,
            ...(runUrl ? { logUrl: runUrl } : {}),
        });
        await record.setStatus(run.status.state, run.status);
    }
    catch (error) {
        host.warning(`Could not record a GitHub Deployment for ${settings.environment} (${(0,_domain_shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}). Grant the job \`permissions: deployments: write\`.`);
    }
}
/** This app's records in the environment (every environment when none is set), or why they are unknown. */
async function readRecords(host, settings, app) {
    const { repository, apiUrl } = host.context;
    if (!settings.githubToken)
        return { missing: 'github-token is empty, so the GitHub Deployment records cannot be read' };
    if (!repository)
        return {
            missing: 'the repository is unknown (GITHUB_REPOSITORY), so its GitHub Deployments cannot be read',
        };
    try {
        const listed = await (0,_io_github_deployments_js__WEBPACK_IMPORTED_MODULE_4__/* .listDeployments */ .J)({
            token: settings.githubToken,
            apiUrl,
            ...repository,
            ...(settings.environment ? { environment: settings.environment } : {}),
        });
        const records = listed
            .map((d) => (0,_domain_deploy_record_js__WEBPACK_IMPORTED_MODULE_6__/* .parseRecord */ .Hh)(d.payload))
            .filter((r) => r !== undefined && r.app === app);
        return { records };
    }
    catch (error) {
        return { missing: `the GitHub Deployments could not be read (${(0,_domain_shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)})` };
    }
}
async function notify(host, webhook, text) {
    if (!webhook || text === undefined)
        return;
    try {
        await (0,_io_notify_js__WEBPACK_IMPORTED_MODULE_5__/* .notifyWebhook */ .h)(webhook, host.redact(text));
    }
    catch (error) {
        host.warning(`Could not post to notify-webhook (${(0,_domain_shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}).`);
    }
}


/***/ }),

/***/ 37904:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ readProbeSettings),
/* harmony export */   S: () => (/* binding */ readWindowSettings)
/* harmony export */ });
/* harmony import */ var _domain_probe_schedule_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83636);
/* harmony import */ var _domain_probe_spec_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(63346);
/**
 * The one reader of the health-probe inputs, shared by every verb that probes: the deploy and rollback read
 * them as `health-*`, `health-check` without the prefix (`--expect-status`, `--retries`, …).
 */


/** Header values are masked as they are read (by input.headers): they often carry credentials. */
function readProbeSettings(input, prefix, _mask) {
    const name = (key) => `${prefix}${key}`;
    const headers = input.headers(name('headers'));
    const maxLatencyMs = input.optionalDuration(name('max-latency'), { minMs: 1 });
    return {
        probe: {
            method: (0,_domain_probe_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .parseProbeMethod */ .LM)(name('method'), input.text(name('method'))),
            headers,
            expectStatus: (0,_domain_probe_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .parseStatusSet */ .oY)(name('expect-status'), input.text(name('expect-status'))),
            body: (0,_domain_probe_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .parseBodyCheck */ .Ou)(name('expect-body'), input.text(name('expect-body'))),
            ...(maxLatencyMs === undefined ? {} : { maxLatencyMs }),
            timeoutMs: input.duration(name('timeout'), { minMs: 100, maxMs: 300_000 }),
            followRedirects: input.boolean(name('follow-redirects')),
            maxRedirects: 5,
        },
        retry: {
            mode: input.choice(name('schedule'), _domain_probe_schedule_js__WEBPACK_IMPORTED_MODULE_1__/* .SCHEDULE_MODES */ .X6),
            attempts: input.integer(name('retries'), { min: 1, max: 100 }),
            intervalMs: input.duration(name('interval'), { maxMs: 600_000 }),
        },
    };
}
/**
 * The verification window's inputs (`verify-window`, `verify-interval`, `verify-max-error-rate`,
 * `verify-max-p95`); undefined when the window is empty or 0 (off). Every input is read either way.
 */
function readWindowSettings(input, prefix = 'verify-') {
    const name = (key) => `${prefix}${key}`;
    const windowMs = input.optionalDuration(name('window'), { maxMs: 3_600_000 });
    const intervalMs = input.duration(name('interval'), { minMs: 100, maxMs: 600_000 });
    const maxErrorRate = input.number(name('max-error-rate'), { min: 0, max: 100 });
    const maxP95Ms = input.optionalDuration(name('max-p95'), { minMs: 1 });
    if (!windowMs)
        return undefined;
    return { windowMs, intervalMs, maxErrorRate, ...(maxP95Ms === undefined ? {} : { maxP95Ms }) };
}


/***/ }),

/***/ 1201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ parseWaitTimeout),
/* harmony export */   Q: () => (/* binding */ parseAppName)
/* harmony export */ });
/* harmony import */ var _shared_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6234);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(59677);
/** Parsers for fly-deploy-with-health's own inputs: each takes the input's text and names the input on error. */


/** Fly app names: lower-case letters, digits and hyphens, starting with a letter or digit. */
function parseAppName(name, raw) {
    const app = raw.trim();
    if (/^[a-z0-9][a-z0-9-]{0,62}$/.test(app))
        return app;
    throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name, app === '' ? 'is required but empty' : `${JSON.stringify(app)} is not a Fly app name`, 'Use lower-case letters, digits and hyphens, e.g. nuzantara-rag.');
}
/** flyctl's own --wait-timeout forms (contract §4): a Go duration, whole seconds, or none. Empty: not passed. */
function parseWaitTimeout(name, raw) {
    const value = raw.trim();
    if (value === '')
        return undefined;
    if (value === 'none' || /^\d+$/.test(value) || ((0,_shared_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseGoDuration */ .Qu)(value) ?? -1) > 0)
        return value;
    throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name, `${JSON.stringify(value)} is not a wait timeout`, "Use a duration such as 5m or 180s, a number of seconds, or none; leave it empty for fly.toml's value.");
}


/***/ }),

/***/ 10241:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I2: () => (/* binding */ isRollbackCandidate),
/* harmony export */   v1: () => (/* binding */ recordPrevious)
/* harmony export */ });
/* unused harmony exports rollbackTarget, completeReleases */
/* harmony import */ var _flyctl_rollout_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4046);
/** Choosing the release to come back to: from flyctl's releases list (contract §2), else the machines' image. */

/**
 * The release to come back to if this deploy fails: the app's current release when it completed, else the
 * newest complete one (a current release that failed is not a safe target). Undefined on a first deploy.
 */
function rollbackTarget(releases, currentVersion) {
    const good = completeReleases(releases);
    return good.find((r) => r.version === currentVersion) ?? good[0];
}
/**
 * The releases an earlier image can be taken from, newest first: only `complete` is a good release (contract
 * §2: other status strings are not all known) and an empty ImageRef cannot be deployed.
 */
function completeReleases(releases) {
    return [...releases].filter((r) => isRollbackCandidate(r)).sort((a, b) => b.version - a.version);
}
const isRollbackCandidate = (r) => r.status === 'complete' && r.imageRef !== '';
/**
 * The rollback target: the releases list's (contract §2: 25 newest, status strings not all known), else the
 * one image every app machine runs (status `config.image`), else nothing, with the reason in words.
 */
function recordPrevious(status, releases) {
    const fromReleases = rollbackTarget(releases, status.version);
    if (fromReleases)
        return {
            found: true,
            previous: { version: fromReleases.version, imageRef: fromReleases.imageRef },
            source: 'releases',
        };
    const machines = status.machines.filter(_flyctl_rollout_js__WEBPACK_IMPORTED_MODULE_0__/* .isAppMachine */ .Jy);
    const images = new Set(machines.map((m) => m.image));
    const versions = new Set(machines.map((m) => Number(m.metadata.fly_release_version)));
    const [image] = images;
    const [machineVersion] = versions;
    const version = versions.size === 1 && Number.isInteger(machineVersion) && (machineVersion ?? 0) > 0
        ? machineVersion
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
    const onMachines = machines.length === 0
        ? 'the app has no machines'
        : images.size > 1
            ? `the machines run ${images.size} different images`
            : 'the machines report no image';
    return {
        found: false,
        missing: `flyctl releases lists no complete release with an image among its ${listed} (current release v${status.version}) and ${onMachines}: there is no known image to roll back to`,
    };
}


/***/ }),

/***/ 21818:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I1: () => (/* binding */ deploymentStatus),
/* harmony export */   PH: () => (/* binding */ notificationText),
/* harmony export */   XJ: () => (/* binding */ attemptSection),
/* harmony export */   eH: () => (/* binding */ summaryMarkdown),
/* harmony export */   gf: () => (/* binding */ deployOutputs),
/* harmony export */   oh: () => (/* binding */ failureMessage),
/* harmony export */   w0: () => (/* binding */ timelineTable)
/* harmony export */ });
/* harmony import */ var _shared_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6234);
/* harmony import */ var _shared_markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(55523);
/* harmony import */ var _probe_report_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32243);
/* harmony import */ var _probe_run_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(97580);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(81403);
/** What fly-deploy-with-health tells people: outputs, the job summary, the failure message, a chat line. */





const ref = (r) => `v${r.version} (${r.imageRef})`;
/** Secrets (names only) this run left staged, or put live with the previous image, and what to do. */
function secretsNote(report) {
    const staged = report.secretsLeftStaged;
    if (staged)
        return ` The secrets this run staged (${staged.names.join(', ')}) ${staged.certain ? 'are still' : 'may still be'} staged on Fly: the next deploy or machine restart of ${report.app} puts them live. To drop them, run \`flyctl secrets unset --stage --app ${report.app} ${staged.names.join(' ')}\` (or stage the old values again), or re-run this job once the cause is fixed.`;
    if (report.secretsLiveWithRollback)
        return ` The rollback deploy runs with the app's current secrets, so the ones this run staged (${report.secretsLiveWithRollback.join(', ')}) are live with the previous image.`;
    return '';
}
function deployOutputs(report) {
    const health = report.deploy.health;
    return {
        'release-version': String(report.deploy.release?.version ?? ''),
        'image-ref': report.deploy.release?.imageRef ?? '',
        'previous-version': report.previous ? String(report.previous.version) : '',
        'previous-image-ref': report.previous?.imageRef ?? '',
        url: report.appUrl,
        healthy: String(report.outcome === 'healthy'),
        'rolled-back': String(report.outcome === 'rolled-back'),
        outcome: report.outcome,
        'deploy-seconds': report.deploy.deployMs === undefined ? '' : (report.deploy.deployMs / 1000).toFixed(1),
        'health-attempts': String(health?.attempts.length ?? 0),
        'health-latency-ms': health?.latencyMs === undefined ? '' : String(Math.round(health.latencyMs)),
        ...windowOutputs(report.deploy),
    };
}
/** The verification window's figures; empty when there was none (off, or the release never got that far). */
function windowOutputs(attempt) {
    const w = attempt.window;
    const ms = (v) => (v === undefined ? '' : String(Math.round(v)));
    return {
        'verify-samples': w ? String(w.samples.length) : '',
        'verify-error-rate': w ? String(Number(w.errorRate.toFixed(2))) : '',
        'verify-p50-ms': ms(w?.latency?.p50),
        'verify-p95-ms': ms(w?.latency?.p95),
    };
}
/** The one message the job fails with: both stories when there was a rollback. */
function failureMessage(report) {
    if (report.outcome === 'healthy')
        return undefined;
    if (report.outcome === 'not-deployed')
        return `Deploy of ${report.app} stopped before deploying: ${report.deploy.story ?? 'the health check fails against the release serving now'}.`;
    const story = `Deploy of ${report.app} failed: ${report.deploy.story ?? 'unknown failure'}.`;
    const secrets = secretsNote(report);
    switch (report.outcome) {
        case 'rolled-back': {
            const rollback = report.rollback;
            if (rollback.unhealthyAsBefore)
                return `${story} Rolled back to ${ref(rollback.target)} as ${rollback.release ? (0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .releaseName */ .d)(rollback.release) : 'a new release'}; like before this run, it fails the health check at ${report.healthUrl} (${rollback.story ?? 'unhealthy'}), as deploy-when-unhealthy allowed.${secrets}`;
            return `${story} Rolled back to ${ref(rollback.target)} as ${rollback.release ? (0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .releaseName */ .d)(rollback.release) : 'a new release'}; it is healthy again at ${report.healthUrl}. The job fails because the new release did not go live.${secrets}`;
        }
        case 'rollback-failed':
            return `${story} ROLLBACK FAILED: redeploying ${ref(report.rollback.target)} did not bring the app back: ${report.rollback.story ?? 'unknown failure'}. Now serving: ${report.servingNow ?? 'unknown'}. Act now: check \`flyctl status --app ${report.app}\` and redeploy a good image with \`flyctl deploy --app ${report.app} --image <ImageRef> --strategy immediate\`.${secrets}`;
        case 'previous-kept':
            return `${story} No rollback was needed: ${report.noRollback}.${secrets}`;
        default:
            return `${story} Nothing was rolled back: ${report.noRollback}. Now serving: ${report.servingNow ?? 'unknown'}.${secrets}`;
    }
}
/** The GitHub Deployment status for a finished run (no report: the deploy could not start). */
function deploymentStatus(report, error) {
    if (!report)
        return { state: 'error', description: `Deploy did not start: ${error ?? 'unknown error'}` };
    switch (report.outcome) {
        case 'healthy':
            return {
                state: 'success',
                description: report.deploy.release?.version === undefined
                    ? 'New release healthy'
                    : `Release v${report.deploy.release.version} healthy`,
            };
        case 'rolled-back':
            return { state: 'failure', description: `Failed; rolled back to v${report.rollback.target.version}` };
        case 'not-deployed':
            return {
                state: 'failure',
                description: `Not deployed: the health check fails against v${report.servingProbe.version}`,
            };
        case 'previous-kept':
            return { state: 'failure', description: `Failed; v${report.previous?.version} still serving` };
        case 'rollback-failed':
            return { state: 'error', description: 'Failed; rollback failed' };
        default:
            return { state: 'failure', description: 'Failed; nothing rolled back' };
    }
}
const HEADLINE = {
    healthy: '✅ deployed and healthy',
    'rolled-back': '↩️ failed, rolled back',
    'rollback-failed': '🚨 failed, and the ROLLBACK FAILED',
    'previous-kept': '↩️ failed, previous release still serving',
    failed: '❌ failed, nothing rolled back',
    'not-deployed': '🛑 not deployed: the health check fails against the release serving now',
};
/** The phases of a deploy or rollback, with when each started, how long it took and how it ended. */
function timelineTable(phases) {
    return (0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .table */ .tp)(['phase', 'started (UTC)', 'duration', 'result'], phases.map((p) => [
        p.name,
        new Date(p.startedAt).toISOString().slice(11, 19),
        (0,_shared_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(p.durationMs),
        `${p.ok ? (p.warning ? '⚠' : '✔') : '✘'} ${p.detail}`,
    ]));
}
/**
 * One attempt (a deploy, a rollback, a restore) as a summary section: its release, flyctl's failure, the
 * rollout when incomplete, the probe and the verification window. `describeHealth`: a line saying what the
 * probe concluded, above its attempts.
 */
function attemptSection(title, attempt, options = {}) {
    const lines = [`### ${title}`, ''];
    if (attempt.release)
        lines.push(`Release ${attempt.release.version === undefined ? 'version unread' : (0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(`v${attempt.release.version}`)}, image ${attempt.release.imageRef ? (0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(attempt.release.imageRef) : 'unread'}.`, '');
    if (attempt.deployFailure)
        lines.push(`flyctl deploy failed: ${(0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeCell */ .kq)(attempt.deployFailure)}`, '');
    if (attempt.rolloutUnverified)
        lines.push(`> [!WARNING]\n> Rollout unverified: ${(0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeInline */ .VV)(attempt.rolloutUnverified)}. The health probe decided alone.`, '');
    if (attempt.rollout && !attempt.rollout.complete && !attempt.rolloutUnverified)
        lines.push((0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .table */ .tp)(['machine', 'region', 'state', 'release', 'checks', 'problems'], attempt.rollout.machines.map((m) => [
            m.id,
            m.region,
            m.state,
            m.version,
            m.checks,
            m.problems.join('; ') || 'ok',
        ])), '');
    if (attempt.health && options.describeHealth)
        lines.push(`Health: ${(0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeInline */ .VV)((0,_probe_run_js__WEBPACK_IMPORTED_MODULE_4__/* .describeProbe */ .WH)(attempt.health))}.`, '');
    if (attempt.health)
        lines.push((0,_probe_report_js__WEBPACK_IMPORTED_MODULE_2__/* .attemptsTable */ .$b)(attempt.health), '');
    if (attempt.window)
        lines.push('#### Verification window', '', (0,_probe_report_js__WEBPACK_IMPORTED_MODULE_2__/* .windowTable */ .zI)(attempt.window), '', ...(attempt.window.passed ? [] : [(0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeCell */ .kq)(attempt.window.problems.join('; ')), '']), ...windowFailures(attempt));
    return lines;
}
/** The window's failed samples by reason, e.g. "12× status (last: HTTP 503, expected 200-299)". */
function windowFailures(attempt) {
    const failed = attempt.window?.samples.filter((s) => !s.ok) ?? [];
    if (failed.length === 0)
        return [];
    const byReason = new Map();
    for (const s of failed)
        byReason.set(s.reason, { count: (byReason.get(s.reason)?.count ?? 0) + 1, last: s.detail });
    const mix = [...byReason].map(([r, v]) => `${v.count}× ${r} (last: ${v.last})`).join('; ');
    return [`Failed samples: ${(0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeCell */ .kq)(mix)}`, ''];
}
function servingSection(report) {
    const probe = report.servingProbe;
    if (!probe || probe.health.healthy)
        return [];
    return [
        `### Release serving before (v${probe.version})`,
        '',
        probe.deployedAnyway
            ? 'It failed the health check before this run; deployed anyway (`deploy-when-unhealthy: true`).'
            : 'It fails the health check, so nothing was deployed. Check the health URL and expectations; if production is down and this deploy is the fix, set `deploy-when-unhealthy: true`.',
        '',
        (0,_probe_report_js__WEBPACK_IMPORTED_MODULE_2__/* .attemptsTable */ .$b)(probe.health),
        '',
    ];
}
function summaryMarkdown(report) {
    const lines = [`## fly-deploy-with-health: ${report.app} ${HEADLINE[report.outcome]}`, ''];
    const failure = failureMessage(report);
    if (failure)
        lines.push(report.outcome === 'rollback-failed'
            ? `> [!CAUTION]\n> ${(0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeInline */ .VV)(failure)}`
            : `> ${(0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeInline */ .VV)(failure)}`, '');
    lines.push(`Previous release: ${report.previous ? `${(0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(ref(report.previous))}${report.previousSource === 'machines' ? ' (from the machines: flyctl releases lists no complete release with an image)' : ''}` : 'none'} · health URL: ${(0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(report.healthUrl)}${report.healthUrlSource ? ` (${(0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeCell */ .kq)(report.healthUrlSource)})` : ''}`, '', '### Timeline', '', timelineTable(report.phases), '');
    lines.push(...servingSection(report));
    if (report.outcome === 'not-deployed')
        return lines.join('\n');
    lines.push(...attemptSection('New release', report.deploy));
    if ('rollback' in report)
        lines.push(...attemptSection(`Rollback to ${ref(report.rollback.target)}`, report.rollback));
    else if ('noRollback' in report)
        lines.push('### Rollback', '', `No rollback: ${(0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeInline */ .VV)(report.noRollback)}.`, '');
    if (report.servingNow)
        lines.push('### Serving now', '', (0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeInline */ .VV)(report.servingNow), '');
    return lines.join('\n');
}
/** A Slack-compatible message (mrkdwn text). */
function notificationText(report, runUrl) {
    const head = `*${report.app}* deploy ${HEADLINE[report.outcome]}`;
    const detail = report.outcome === 'healthy'
        ? `Release ${report.deploy.release?.version === undefined ? '(version unread)' : `v${report.deploy.release.version}`} is live at ${report.appUrl}.`
        : (failureMessage(report) ?? '');
    return [head, detail, runUrl ? `<${runUrl}|workflow run>` : ''].filter(Boolean).join('\n');
}


/***/ }),

/***/ 26183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ Timeline)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(59677);
/** The timeline of a run: each phase with its start, duration, verdict and one line of detail, told as it goes. */

class Timeline {
    clock;
    phases = [];
    constructor(clock) {
        this.clock = clock;
    }
    async run(name, work, judge) {
        const startedAt = this.clock.now();
        this.clock.log(`▶ ${name}`);
        try {
            const value = await work();
            const { ok, detail, warning } = judge(value);
            const phase = { name, startedAt, durationMs: this.clock.now() - startedAt, ok, detail };
            if (warning)
                phase.warning = true;
            this.phases.push(phase);
            this.clock.log(`${ok ? (warning ? '⚠' : '✔') : '✘'} ${name}: ${detail}`);
            return value;
        }
        catch (error) {
            this.phases.push({
                name,
                startedAt,
                durationMs: this.clock.now() - startedAt,
                ok: false,
                detail: (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error),
            });
            this.clock.log(`✘ ${name}: ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`);
            throw error;
        }
    }
}


/***/ }),

/***/ 81403:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ releaseName)
/* harmony export */ });
/** "release v5", or words for a release whose version could not be read. */
const releaseName = (r) => r.version === undefined ? 'the new release (version unread)' : `release v${r.version}`;


/***/ }),

/***/ 9869:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ stillServing),
/* harmony export */   K: () => (/* binding */ deployAndVerify)
/* harmony export */ });
/* harmony import */ var _flyctl_rollout_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4046);
/* harmony import */ var _probe_run_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(97580);
/* harmony import */ var _probe_window_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(15181);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(59677);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(81403);





/**
 * Polls status until every app machine runs the release with checks passing, or the timeout passes. A status
 * call that keeps failing proves nothing either way, so it leaves the rollout unverified rather than failed.
 */
async function waitForRollout(ports, settings, expected) {
    const deadline = ports.now() + settings.rolloutTimeoutMs;
    let read;
    let readError = '';
    for (;;) {
        try {
            read = (0,_flyctl_rollout_js__WEBPACK_IMPORTED_MODULE_0__/* .verifyRollout */ .JK)((await ports.status(settings.app, { timeoutMs: deadline - ports.now() })).machines, expected);
            if (read.complete)
                return { verdict: read };
        }
        catch (error) {
            readError = (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error);
        }
        if (ports.now() + settings.rolloutPollMs > deadline)
            return read
                ? { verdict: read }
                : {
                    verdict: { complete: false, machines: [], problems: [readError] },
                    unread: `flyctl status failed: ${readError}`,
                };
        await ports.sleep(settings.rolloutPollMs);
    }
}
/**
 * The release a successful deploy made: from FLY_EMIT_RELEASE_JSON, else (flyctl < 0.4.56) the current
 * release from status or the newest from releases, when newer than `baseline` (the version before the
 * deploy). When nothing can be read the version stays unknown: our own reading failing is never a reason
 * to call the release bad.
 */
async function releaseAfterDeploy(ports, app, request, baseline, emitted) {
    if (emitted)
        return { release: { version: emitted.version, imageRef: emitted.imageRef || request.image || '' } };
    const [status, releases] = await Promise.allSettled([ports.status(app), ports.releases(app)]);
    const list = releases.status === 'fulfilled' ? releases.value : [];
    const newest = list.reduce((a, r) => (!a || r.version > a.version ? r : a), undefined);
    const current = status.status === 'fulfilled' ? status.value.version : undefined;
    const version = [current, newest?.version].find((v) => v !== undefined && v > baseline);
    const imageRef = list.find((r) => r.version === version)?.imageRef || request.image || '';
    if (version !== undefined)
        return { release: { version, imageRef } };
    const why = [
        'flyctl printed no release JSON (FLY_EMIT_RELEASE_JSON needs flyctl 0.4.56 or later)',
        status.status === 'rejected'
            ? `flyctl status failed (${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(status.reason)})`
            : `flyctl status still reports v${current}`,
        releases.status === 'rejected'
            ? `flyctl releases failed (${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(releases.reason)})`
            : `flyctl releases lists nothing newer than v${baseline}`,
    ];
    return { release: { imageRef }, unread: why.join('; ') };
}
/**
 * Deploy, verify the rollout, probe, and run the verification window when settings.window is set.
 * `baseline` is the newest release version before this deploy.
 */
async function deployAndVerify(ports, timeline, settings, request, spec, names, baseline) {
    const result = await timeline.run(names[0], () => ports.deploy(request), (r) => ({
        ok: r.ok,
        detail: r.ok
            ? `flyctl deploy succeeded${r.release ? ` (release v${r.release.version})` : ''}`
            : r.failure.message,
    }));
    if (!result.ok) {
        const message = result.failure.message;
        return {
            ok: false,
            deployMs: result.durationMs,
            deployFailure: message,
            story: `flyctl deploy failed (exit ${result.failure.exitCode}): ${message}`,
        };
    }
    const { release, unread } = await releaseAfterDeploy(ports, settings.app, request, baseline, result.release);
    const attempt = { ok: false, release, deployMs: result.durationMs };
    // Without a version, machines are matched on image (when known), state and checks.
    const expected = {
        ...(release.version === undefined ? {} : { version: release.version }),
        ...(release.imageRef ? { imageRef: release.imageRef } : {}),
    };
    const wait = await timeline.run(names[1], () => waitForRollout(ports, settings, expected), ({ verdict, unread: statusUnread }) => {
        if (statusUnread)
            return { ok: true, warning: true, detail: `unverified (${statusUnread}); the health probe decides` };
        if (!verdict.complete)
            return { ok: false, detail: verdict.problems.slice(0, 3).join('; ') };
        const done = `${verdict.machines.length} machine(s) ${release.version === undefined ? '' : `on v${release.version}, `}started, checks passing`;
        return unread
            ? { ok: true, warning: true, detail: `${done}; which release they run is unverified (${unread})` }
            : { ok: true, detail: done };
    });
    attempt.rollout = wait.verdict;
    if (wait.unread || (unread && wait.verdict.complete)) {
        attempt.rolloutUnverified = wait.unread ?? unread;
        const warning = `The rollout of ${(0,_types_js__WEBPACK_IMPORTED_MODULE_2__/* .releaseName */ .d)(release)} is unverified (${attempt.rolloutUnverified}); the health probe decides.`;
        if (ports.warn)
            ports.warn(warning);
        else
            ports.log(warning);
    }
    else if (!wait.verdict.complete) {
        attempt.story = `${(0,_types_js__WEBPACK_IMPORTED_MODULE_2__/* .releaseName */ .d)(release)} did not roll out within ${Math.round(settings.rolloutTimeoutMs / 1000)}s: ${wait.verdict.problems.slice(0, 3).join('; ')}`;
        return attempt;
    }
    attempt.health = await timeline.run(names[2], () => ports.probe(spec, settings.retry), (h) => ({ ok: h.healthy, detail: (0,_probe_run_js__WEBPACK_IMPORTED_MODULE_3__/* .describeProbe */ .WH)(h) }));
    if (!attempt.health.healthy) {
        attempt.story = `${(0,_types_js__WEBPACK_IMPORTED_MODULE_2__/* .releaseName */ .d)(release)} is ${(0,_probe_run_js__WEBPACK_IMPORTED_MODULE_3__/* .describeProbe */ .WH)(attempt.health)} at ${spec.url}`;
        return attempt;
    }
    const window = settings.window;
    if (window) {
        const sample = ports.sampleWindow;
        if (!sample)
            throw new Error('a verification window needs the sampleWindow port');
        attempt.window = await timeline.run(names[3] ?? 'verification window', () => sample(spec, window), (w) => ({ ok: w.passed, detail: (0,_probe_window_js__WEBPACK_IMPORTED_MODULE_4__/* .describeWindow */ .O2)(w) }));
        if (!attempt.window.passed) {
            attempt.story = `${(0,_types_js__WEBPACK_IMPORTED_MODULE_2__/* .releaseName */ .d)(release)} turned healthy, then failed the verification window at ${spec.url}: ${attempt.window.problems.join('; ')}`;
            return attempt;
        }
    }
    attempt.ok = true;
    return attempt;
}
/**
 * Is the recorded release still serving, untouched and healthy? (A deploy that failed before replacing
 * anything.) With `knownUnhealthy` (it failed the health check before this run) only the machines are
 * checked: the probe would fail as it did before, and a rollback deploy could not change that.
 */
async function stillServing(ports, timeline, settings, previous, spec, options = {}) {
    const result = await timeline.run('check previous release', async () => {
        const status = await ports.status(settings.app).catch(() => undefined);
        if (!status || !(0,_flyctl_rollout_js__WEBPACK_IMPORTED_MODULE_0__/* .verifyRollout */ .JK)(status.machines, previous).complete)
            return { kept: false, detail: `not every machine runs v${previous.version} with checks passing` };
        if (options.knownUnhealthy)
            return {
                kept: true,
                detail: `every machine still runs v${previous.version} (it failed the health check before this run too)`,
            };
        const health = await ports.probe(spec, { ...settings.retry, attempts: 1 });
        return health.healthy
            ? { kept: true, detail: `every machine still runs v${previous.version}, healthy` }
            : { kept: false, detail: `v${previous.version} still runs but is ${(0,_probe_run_js__WEBPACK_IMPORTED_MODULE_3__/* .describeProbe */ .WH)(health)}` };
    }, (r) => ({ ok: r.kept, detail: r.kept ? r.detail : `${r.detail}: rolling back` }));
    return result.kept;
}


/***/ }),

/***/ 4046:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G4: () => (/* binding */ sameImage),
/* harmony export */   JK: () => (/* binding */ verifyRollout),
/* harmony export */   Jy: () => (/* binding */ isAppMachine),
/* harmony export */   Q: () => (/* binding */ parseImageRef),
/* harmony export */   Yh: () => (/* binding */ describeServing)
/* harmony export */ });
const NON_APP_GROUPS = new Set([
    'fly_app_release_command',
    'fly_app_console',
    'fly_app_test_machine_command',
]);
const GONE = new Set(['destroyed', 'destroying']);
/** Machines that auto-stop may sit stopped or suspended after a good deploy (contract §10). */
const PARKED = new Set(['stopped', 'suspended']);
function isAppMachine(machine) {
    const platform = machine.metadata.fly_platform_version;
    if (platform !== undefined && platform !== 'v2')
        return false;
    if (NON_APP_GROUPS.has(machine.metadata.fly_process_group ?? ''))
        return false;
    return !GONE.has(machine.state);
}
/** `registry/repo[:tag][@sha256:…]` split into parts (docker.io/ and library/ prefixes dropped). */
function parseImageRef(ref) {
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
function sameImage(a, b, digestOfA) {
    if (a === b)
        return true;
    const x = parseImageRef(a);
    const y = parseImageRef(b);
    const dx = x.digest ?? digestOfA;
    if (dx && y.digest)
        return dx === y.digest;
    if (x.tag && y.tag)
        return x.repository === y.repository && x.tag === y.tag;
    return true;
}
function verifyRollout(machines, expected) {
    const app = machines.filter(isAppMachine);
    const anyStarted = app.some((m) => m.state === 'started');
    const verdicts = app.map((m) => {
        const problems = [];
        const version = m.metadata.fly_release_version ?? '';
        if (expected.version !== undefined && version !== String(expected.version))
            problems.push(`runs ${version ? `v${version}` : 'an unknown release'}, not v${expected.version}`);
        if (expected.imageRef && m.image && !sameImage(m.image, expected.imageRef, m.imageDigest))
            problems.push(`runs image ${m.image}, not ${expected.imageRef}`);
        if (m.state !== 'started' && !(PARKED.has(m.state) && anyStarted))
            problems.push(`is ${m.state || 'in an unknown state'}, not started`);
        if (m.hostStatus !== 'ok')
            problems.push(`host status is ${m.hostStatus} (its data may be partial)`);
        const failing = m.checks.filter((c) => c.status !== 'passing');
        for (const check of failing)
            problems.push(`check ${check.name} is ${check.status}${check.output ? `: ${check.output.slice(0, 120)}` : ''}`);
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
    if (app.length === 0)
        problems.unshift('the app has no machines');
    return { complete: problems.length === 0, machines: verdicts, problems };
}
/** A short description of what machines run, for "what is serving now". */
function describeServing(machines) {
    const app = machines.filter(isAppMachine);
    if (app.length === 0)
        return 'no app machines are running';
    const groups = new Map();
    for (const m of app) {
        const failing = m.checks.filter((c) => c.status !== 'passing').length;
        const health = m.checks.length === 0 ? '' : failing === 0 ? ', checks passing' : ', checks failing';
        const key = `v${m.metadata.fly_release_version ?? '?'} (${m.image || 'unknown image'}) ${m.state}${health}`;
        groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    return [...groups].map(([key, count]) => `${count} machine(s) on ${key}`).join('; ');
}


/***/ }),

/***/ 32243:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $b: () => (/* binding */ attemptsTable),
/* harmony export */   O_: () => (/* binding */ attemptLine),
/* harmony export */   zI: () => (/* binding */ windowTable)
/* harmony export */ });
/* harmony import */ var _shared_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(55523);
/* harmony import */ var _window_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(15181);
/** The health attempts table and the verification window's figures for job summaries. */


function attemptsTable(result) {
    return (0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['#', 'time (UTC)', '+s', 'status', 'latency', 'result'], result.attempts.map((a) => [
        String(a.attempt),
        new Date(a.startedAt).toISOString().slice(11, 23),
        (a.offsetMs / 1000).toFixed(1),
        a.status === undefined ? '—' : String(a.status),
        `${Math.round(a.latencyMs)}ms`,
        a.ok ? 'ok' : `${a.reason}: ${a.detail}`,
    ]));
}
/** One attempt as a log line: `health attempt 2 (+1.0s): ok HTTP 200 12ms`. */
function attemptLine(a, label = 'health attempt') {
    return `  ${label} ${a.attempt} (+${(a.offsetMs / 1000).toFixed(1)}s): ${a.ok ? 'ok' : a.reason} ${a.detail} ${Math.round(a.latencyMs)}ms`;
}
/** The verification window's figures, with each limit and whether it held. */
function windowTable(result) {
    const l = result.latency;
    const ms = (v) => (v === undefined ? '—' : `${Math.round(v)}ms`);
    const p95Limit = result.settings.maxP95Ms;
    return (0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['samples', 'errors', 'error rate', 'p50', 'p95', 'max', 'limits'], [
        [
            `${result.samples.length}${result.samples.length < result.planned ? ` of ${result.planned}` : ''}`,
            String(result.errors),
            (0,_window_js__WEBPACK_IMPORTED_MODULE_1__/* .formatRate */ .CE)(result.errorRate),
            ms(l?.p50),
            ms(l?.p95),
            ms(l?.max),
            `error rate ≤ ${result.settings.maxErrorRate}%${p95Limit === undefined ? '' : `, p95 ≤ ${p95Limit}ms`}`,
        ],
    ]);
}


/***/ }),

/***/ 90:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $1: () => (/* binding */ lstat),
/* harmony export */   $w: () => (/* binding */ rename),
/* harmony export */   Ck: () => (/* binding */ mkdir),
/* harmony export */   Cy: () => (/* binding */ readdir),
/* harmony export */   H8: () => (/* binding */ IS_WINDOWS),
/* harmony export */   Qh: () => (/* binding */ isRooted),
/* harmony export */   YN: () => (/* binding */ symlink),
/* harmony export */   dJ: () => (/* binding */ stat),
/* harmony export */   h_: () => (/* binding */ readlink),
/* harmony export */   k6: () => (/* binding */ chmod),
/* harmony export */   m3: () => (/* binding */ copyFile),
/* harmony export */   rm: () => (/* binding */ rm),
/* harmony export */   t2: () => (/* binding */ exists),
/* harmony export */   vr: () => (/* binding */ tryGetExecutablePath),
/* harmony export */   wd: () => (/* binding */ isDirectory),
/* harmony export */   y1: () => (/* binding */ unlink)
/* harmony export */ });
/* unused harmony exports open, rmdir, UV_FS_O_EXLOCK, READONLY, getCmdPath */
/* harmony import */ var fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(79896);
/* harmony import */ var path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(16928);
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs__WEBPACK_IMPORTED_MODULE_0__.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        const result = yield fs__WEBPACK_IMPORTED_MODULE_0__.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY;
function exists(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return __awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return __awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = path__WEBPACK_IMPORTED_MODULE_1__.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = path__WEBPACK_IMPORTED_MODULE_1__.dirname(filePath);
                        const upperName = path__WEBPACK_IMPORTED_MODULE_1__.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = path__WEBPACK_IMPORTED_MODULE_1__.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map

/***/ }),

/***/ 88701:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cp: () => (/* binding */ cp),
/* harmony export */   findInPath: () => (/* binding */ findInPath),
/* harmony export */   mkdirP: () => (/* binding */ mkdirP),
/* harmony export */   mv: () => (/* binding */ mv),
/* harmony export */   rmRF: () => (/* binding */ rmRF),
/* harmony export */   which: () => (/* binding */ which)
/* harmony export */ });
/* harmony import */ var assert__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(42613);
/* harmony import */ var path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(16928);
/* harmony import */ var _io_util_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(90);
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return __awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .exists */ .t2(dest)) ? yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .stat */ .dJ(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path__WEBPACK_IMPORTED_MODULE_1__.join(dest, path__WEBPACK_IMPORTED_MODULE_1__.basename(source))
            : dest;
        if (!(yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .exists */ .t2(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .stat */ .dJ(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path__WEBPACK_IMPORTED_MODULE_1__.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return __awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .exists */ .t2(dest)) {
            let destExists = true;
            if (yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .isDirectory */ .wd(dest)) {
                // If dest is directory copy src into dest
                dest = path__WEBPACK_IMPORTED_MODULE_1__.join(dest, path__WEBPACK_IMPORTED_MODULE_1__.basename(source));
                destExists = yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .exists */ .t2(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path__WEBPACK_IMPORTED_MODULE_1__.dirname(dest));
        yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .rename */ .$w(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return __awaiter(this, void 0, void 0, function* () {
        if (_io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .IS_WINDOWS */ .H8) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        (0,assert__WEBPACK_IMPORTED_MODULE_0__.ok)(fsPath, 'a path argument must be provided');
        yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .mkdir */ .Ck(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return __awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (_io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .IS_WINDOWS */ .H8) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return __awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (_io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .IS_WINDOWS */ .H8 && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(path__WEBPACK_IMPORTED_MODULE_1__.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (_io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .isRooted */ .Qh(tool)) {
            const filePath = yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .tryGetExecutablePath */ .vr(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(path__WEBPACK_IMPORTED_MODULE_1__.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(path__WEBPACK_IMPORTED_MODULE_1__.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .tryGetExecutablePath */ .vr(path__WEBPACK_IMPORTED_MODULE_1__.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return __awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .readdir */ .Cy(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .lstat */ .$1(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .chmod */ .k6(destDir, (yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .stat */ .dJ(sourceDir)).mode);
    });
}
// Buffered file copy
function copyFile(srcFile, destFile, force) {
    return __awaiter(this, void 0, void 0, function* () {
        if ((yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .lstat */ .$1(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .lstat */ .$1(destFile);
                yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .unlink */ .y1(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .chmod */ .k6(destFile, '0666');
                    yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .unlink */ .y1(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .readlink */ .h_(srcFile);
            yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .symlink */ .YN(symlinkFull, destFile, _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .IS_WINDOWS */ .H8 ? 'junction' : null);
        }
        else if (!(yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .exists */ .t2(destFile)) || force) {
            yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .copyFile */ .m3(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map

/***/ })

};

//# sourceMappingURL=421.index.js.map