export const id = 146;
export const ids = [146];
export const modules = {

/***/ 61496:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $f: () => (/* binding */ githubClient),
/* harmony export */   NE: () => (/* binding */ withDeadline),
/* harmony export */   OS: () => (/* binding */ GitHubApiError)
/* harmony export */ });
/* unused harmony export githubFailureKind */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _domain_shared_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6234);


/** A GitHub request that failed for good; the message is one sentence safe to print (no token, no body). */
class GitHubApiError extends Error {
    kind;
    status;
    name = 'GitHubApiError';
    constructor(kind, status, message) {
        super(message);
        this.kind = kind;
        this.status = status;
    }
}
const DEFAULTS = {
    requestTimeoutMs: 15_000,
    attempts: 3,
    backoffMs: 1000,
    maxRetryAfterMs: 30_000,
};
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
/** Retry-After: seconds, or an HTTP date. */
function retryAfterMs(value, now = Date.now()) {
    if (value === undefined || value === '')
        return undefined;
    const seconds = Number(value);
    if (Number.isFinite(seconds))
        return Math.max(0, seconds * 1000);
    const date = Date.parse(String(value));
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function classify(error, timedOut, limitMs) {
    const failure = error;
    const headers = failure.response?.headers ?? {};
    const status = failure.response ? failure.status : undefined;
    const message = String(failure.response?.data?.message ?? failure.message ?? '');
    if (timedOut)
        return { kind: 'timeout', detail: `no complete answer within ${limitMs / 1000}s` };
    if (status === undefined)
        return { kind: 'network', detail: message || 'no answer' };
    const retryAfter = retryAfterMs(headers['retry-after']);
    if ((status === 403 || status === 429) &&
        (retryAfter !== undefined || /secondary rate limit/i.test(message)))
        return { kind: 'rate-limited', status, detail: `secondary rate limit: ${message}`, waitMs: retryAfter };
    if ((status === 403 || status === 429) && String(headers['x-ratelimit-remaining']) === '0') {
        const reset = Number(headers['x-ratelimit-reset']);
        return {
            kind: 'rate-limited',
            status,
            detail: `API rate limit exhausted: ${message}`,
            ...(Number.isFinite(reset) ? { waitMs: Math.max(0, reset * 1000 - Date.now()) } : {}),
        };
    }
    if (status === 429)
        return { kind: 'rate-limited', status, detail: message || 'too many requests' };
    if (status === 403 && /not accessible by integration/i.test(message))
        return { kind: 'read-only', status, detail: message };
    if (status === 403)
        return { kind: 'forbidden', status, detail: message };
    if (status === 401)
        return { kind: 'unauthorized', status, detail: message };
    if (status === 404)
        return { kind: 'not-found', status, detail: message };
    if (status >= 500)
        return { kind: 'server', status, detail: message };
    return { kind: 'other', status, detail: message };
}
/** What a failure means for the person reading the log. */
function story(c, what, tries) {
    const after = tries > 1 ? ` (${tries} tries)` : '';
    const http = c.status === undefined ? '' : `HTTP ${c.status}: `;
    switch (c.kind) {
        case 'timeout':
            return `GitHub did not answer ${what}: ${c.detail}${after}`;
        case 'rate-limited':
            return `GitHub's rate limit stopped ${what} (${http}${c.detail}${c.waitMs === undefined ? '' : `; it asks to wait ${Math.ceil(c.waitMs / 1000)}s`})${after}. This is not a permission problem: run the job again later`;
        case 'read-only':
            return `the token may not do ${what} (${http}${c.detail}): on a pull request from a fork the token is read-only; otherwise grant the job the permission`;
        case 'network':
            return `GitHub could not be reached for ${what} (${c.detail})${after}`;
        default:
            return `GitHub refused ${what} (${http}${c.detail || 'no message'})${after}`;
    }
}
/**
 * Octokit for this run's GitHub with a time limit per request and retries (see the module comment).
 * Loaded on first use: Octokit and undici (its proxy support) are most of a bundle's start-up, and most
 * runs make no GitHub request.
 */
async function githubClient(token, baseUrl, options = {}) {
    const settings = { ...DEFAULTS, ...options };
    const sleep = options.sleep ?? ((ms) => (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(ms));
    const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(413)]).then(__webpack_require__.bind(__webpack_require__, 92413));
    const octokit = getOctokit(token, { baseUrl });
    octokit.hook.wrap('request', async (request, endpoint) => {
        const method = String(endpoint.method ?? 'GET').toUpperCase();
        const what = `${method} ${String(endpoint.url ?? '')}`;
        const callerRequest = endpoint.request;
        const callerSignal = callerRequest?.signal;
        let backoff = settings.backoffMs;
        let silences = 0;
        for (let attempt = 1;; attempt++) {
            const timeout = AbortSignal.timeout(settings.requestTimeoutMs);
            const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
            try {
                // Set on the options object itself: the hooks inside this one (auth) were bound to it, not to an argument.
                endpoint.request = { ...callerRequest, signal };
                return await request(endpoint);
            }
            catch (error) {
                // The caller's own deadline: the caller tells that story.
                if (callerSignal?.aborted)
                    throw error;
                const failure = classify(error, timeout.aborted, settings.requestTimeoutMs);
                if (failure.kind === 'timeout')
                    silences++;
                // A write that timed out or got no answer may have happened: trying again could do it twice. A
                // read that timed out is tried once more: one stalled connection may be a one-off, two an outage.
                const retriable = failure.kind === 'server' ||
                    failure.kind === 'rate-limited' ||
                    (failure.kind === 'network' && IDEMPOTENT.has(method)) ||
                    (failure.kind === 'timeout' && IDEMPOTENT.has(method) && silences < 2);
                const waitMs = Math.max(backoff, failure.waitMs ?? 0);
                if (!retriable || attempt >= settings.attempts || waitMs > settings.maxRetryAfterMs)
                    throw new GitHubApiError(failure.kind, failure.status, story(failure, what, attempt));
                await sleep(waitMs);
                if (callerSignal?.aborted)
                    throw error;
                backoff *= 2;
            }
        }
    });
    return octokit;
}
/** The kind of a GitHub failure, for callers that treat some kinds differently. */
function githubFailureKind(error) {
    return error instanceof GitHubApiError ? error.kind : undefined;
}
/** Runs GitHub calls under one deadline; a call still waiting then is aborted with a clear message. */
async function withDeadline(timeoutMs, work) {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
        return await work(signal);
    }
    catch (error) {
        if (signal.aborted)
            throw new Error(`GitHub did not answer within ${(0,_domain_shared_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(timeoutMs)}`);
        throw error;
    }
}


/***/ }),

/***/ 98146:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   incidentIssues: () => (/* binding */ incidentIssues)
/* harmony export */ });
/* harmony import */ var _github_api_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61496);

const snapshot = (issue) => ({
    number: issue.number,
    title: issue.title,
    body: issue.body ?? '',
    createdAt: issue.created_at,
    ...(issue.html_url ? { url: issue.html_url } : {}),
});
/** The label's colour when this creates it: red, for incidents. */
const LABEL_COLOR = 'd73a4a';
function incidentIssues(target) {
    // Loaded on first use (githubClient imports Octokit lazily).
    let client;
    const api = () => (client ??= (0,_github_api_js__WEBPACK_IMPORTED_MODULE_0__/* .githubClient */ .$f)(target.token, target.baseUrl, target.client));
    const repo = { owner: target.owner, repo: target.repo };
    /** Open issues (not pull requests) with the label, every page. */
    async function listOpen(label) {
        const octokit = await api();
        const issues = (await octokit.paginate(octokit.rest.issues.listForRepo, {
            ...repo,
            labels: label,
            state: 'open',
            per_page: 100,
        }));
        return issues.filter((i) => !i.pull_request).map(snapshot);
    }
    /** Creates the label unless it exists; one a racing run created first (422) is fine. */
    async function ensureLabel(label) {
        const octokit = await api();
        try {
            await octokit.rest.issues.getLabel({ ...repo, name: label });
            return;
        }
        catch (error) {
            if (!(error instanceof _github_api_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS && error.kind === 'not-found'))
                throw error;
        }
        try {
            await octokit.rest.issues.createLabel({
                ...repo,
                name: label,
                color: LABEL_COLOR,
                description: 'Opened and closed by the prod-monitor action',
            });
        }
        catch (error) {
            if (!(error instanceof _github_api_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS && error.status === 422))
                throw error;
        }
    }
    async function get(number) {
        const octokit = await api();
        try {
            const { data } = await octokit.rest.issues.get({ ...repo, issue_number: number });
            return { ...snapshot(data), state: data.state };
        }
        catch (error) {
            if (error instanceof _github_api_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS && (error.kind === 'not-found' || error.status === 410))
                return undefined;
            throw error;
        }
    }
    async function comment(number, body) {
        const octokit = await api();
        await octokit.rest.issues.createComment({ ...repo, issue_number: number, body });
    }
    async function update(number, fields) {
        const octokit = await api();
        await octokit.rest.issues.update({ ...repo, issue_number: number, ...fields });
    }
    async function close(number, reason) {
        const octokit = await api();
        await octokit.rest.issues.update({
            ...repo,
            issue_number: number,
            state: 'closed',
            state_reason: reason,
        });
    }
    /**
     * Opens the incident unless one with the marker is open, and converges when runs race. Returns the issue
     * kept and whether this run created it.
     */
    async function open(issue) {
        const octokit = await api();
        const withMarker = (list) => list.filter((i) => i.body.includes(issue.marker)).sort((a, b) => a.number - b.number);
        const existing = withMarker(await listOpen(issue.label))[0];
        if (existing)
            return { number: existing.number, created: false };
        await ensureLabel(issue.label);
        const { data } = await octokit.rest.issues.create({
            ...repo,
            title: issue.title,
            body: issue.body,
            labels: [issue.label],
        });
        // Another run may have opened one meanwhile: the oldest stays; each racer closes its own if newer (a
        // run that stopped before doing so leaves a duplicate the next run's plan closes).
        const kept = Math.min(data.number, ...withMarker(await listOpen(issue.label)).map((i) => i.number));
        if (kept !== data.number) {
            await comment(data.number, issue.duplicateComment(kept));
            await close(data.number, 'not_planned');
        }
        return {
            number: kept,
            created: kept === data.number,
            ...(kept === data.number ? { url: data.html_url } : {}),
        };
    }
    return { listOpen, ensureLabel, get, comment, update, close, open };
}


/***/ })

};

//# sourceMappingURL=146.index.js.map