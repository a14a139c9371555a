export const id = 182;
export const ids = [182];
export const modules = {

/***/ 2182:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   notify: () => (/* binding */ notify)
/* harmony export */ });
/* unused harmony exports readDeploymentRef, configFingerprint, recordDeployment, readRecords */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _domain_shared_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9677);
/* harmony import */ var _io_github_deployments_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1684);
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
        throw new InputError('deployment-ref', `${JSON.stringify(ref)} is not a commit, branch or tag name`, "Give a commit SHA (e.g. needs.pre-deploy.outputs.sha) or a branch or tag name, or leave it empty for the run's commit.");
    return ref;
}
/** The fly.toml flyctl deploys with (contract §4: -c, else ./fly.toml), relative to the workspace; null if none. */
async function configFingerprint(workspace, workingDirectory, config) {
    const path = resolve(workingDirectory, config || 'fly.toml');
    try {
        const sha256 = createHash('sha256')
            .update(await readFile(path))
            .digest('hex');
        return { path: relative(workspace, path).split(sep).join('/') || path, sha256 };
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
            host.warning(`Could not read the app's secrets for the GitHub Deployment record (${errorMessage(error)}).`);
            return null;
        }),
    ]);
    const payload = build({ startedAt: run.startedAt, finishedAt: new Date(), config, secrets });
    try {
        const record = await createDeployment({
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
        host.warning(`Could not record a GitHub Deployment for ${settings.environment} (${errorMessage(error)}). Grant the job \`permissions: deployments: write\`.`);
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
        const listed = await listDeployments({
            token: settings.githubToken,
            apiUrl,
            ...repository,
            ...(settings.environment ? { environment: settings.environment } : {}),
        });
        const records = listed
            .map((d) => parseRecord(d.payload))
            .filter((r) => r !== undefined && r.app === app);
        return { records };
    }
    catch (error) {
        return { missing: `the GitHub Deployments could not be read (${errorMessage(error)})` };
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


/***/ })

};

//# sourceMappingURL=182.index.js.map