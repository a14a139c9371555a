export const id = 591;
export const ids = [591];
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

/***/ 84972:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   upsertStickyComment: () => (/* binding */ upsertStickyComment)
/* harmony export */ });
/* unused harmony export ACTIONS_BOT */
/* harmony import */ var _github_api_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61496);
/**
 * One sticky pull request comment per marker: found by the hidden marker AND written by this token's own
 * identity (a PAT's user, or github-actions[bot] for GITHUB_TOKEN), so a user's quote of the comment is
 * never edited; updated in place, created only when none exists. Two runs racing (matrix jobs, re-runs) can
 * both create one: after creating, the list is read again and the oldest own comment is kept, the newer
 * duplicates deleted, so the pull request converges on one comment.
 */

const ACTIONS_BOT = 'github-actions[bot]';
/**
 * The login comments made with this token carry. GITHUB_TOKEN cannot call GET /user (403): it is the bot.
 * Any other failure (a timeout, an outage, a rate limit) is passed on: guessing would not help.
 */
async function tokenIdentity(octokit) {
    try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return data.login;
    }
    catch (error) {
        const kind = error instanceof _github_api_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS ? error.kind : undefined;
        if (kind === 'read-only' || kind === 'forbidden' || kind === 'unauthorized' || kind === 'not-found')
            return ACTIONS_BOT;
        throw error;
    }
}
/** This token's comments carrying the marker, oldest first (comment ids only grow). */
async function ownComments(octokit, target, identity, marker) {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...target, per_page: 100 });
    return comments
        .filter((c) => c.user?.login === identity && (c.body ?? '').includes(marker))
        .sort((a, b) => a.id - b.id);
}
/** Deletes duplicates; one that a racing run deleted first (404) is already gone. */
async function deleteComments(octokit, target, ids) {
    for (const id of ids) {
        try {
            await octokit.rest.issues.deleteComment({ owner: target.owner, repo: target.repo, comment_id: id });
        }
        catch (error) {
            if (error.status !== 404)
                throw error;
        }
    }
}
async function upsertStickyComment(options) {
    const octokit = await (0,_github_api_js__WEBPACK_IMPORTED_MODULE_0__/* .githubClient */ .$f)(options.token, options.baseUrl, options.client);
    const target = { owner: options.owner, repo: options.repo, issue_number: options.issueNumber };
    const update = async (id) => {
        const { data } = await octokit.rest.issues.updateComment({
            owner: options.owner,
            repo: options.repo,
            comment_id: id,
            body: options.body,
        });
        return data;
    };
    try {
        const identity = await tokenIdentity(octokit);
        const [oldest, ...leftOver] = await ownComments(octokit, target, identity, options.marker);
        if (oldest) {
            const data = await update(oldest.id);
            // Duplicates left by an earlier race.
            await deleteComments(octokit, target, leftOver.map((c) => c.id));
            return { action: 'updated', id: data.id, url: data.html_url };
        }
        const { data: created } = await octokit.rest.issues.createComment({ ...target, body: options.body });
        // Another run may have created one meanwhile: every racer keeps the oldest and deletes the rest.
        const [keep, ...extra] = await ownComments(octokit, target, identity, options.marker);
        const kept = !keep || keep.id === created.id ? created : await update(keep.id);
        await deleteComments(octokit, target, extra.map((c) => c.id));
        return { action: kept === created ? 'created' : 'updated', id: kept.id, url: kept.html_url };
    }
    catch (error) {
        // A fork's pull request runs with a read-only token: GitHub answers 403 (404 for some private repos).
        // A rate limit is a 403 too, but not this: it is passed on as the failure it is.
        if (error instanceof _github_api_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS &&
            (error.kind === 'read-only' || error.kind === 'forbidden' || error.kind === 'not-found')) {
            return { action: 'forbidden', status: error.status ?? 403, message: error.message };
        }
        throw error;
    }
}


/***/ })

};

//# sourceMappingURL=591.index.js.map