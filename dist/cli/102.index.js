export const id = 102;
export const ids = [102];
export const modules = {

/***/ 45173:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DX: () => (/* binding */ recordState),
/* harmony export */   FJ: () => (/* binding */ deployRecord),
/* harmony export */   Hh: () => (/* binding */ parseRecord),
/* harmony export */   kA: () => (/* binding */ buildRecord)
/* harmony export */ });
/* unused harmony exports RECORD_OUTCOMES, secretDigests, isRecordOutcome */
/* harmony import */ var _shared_order_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77808);

const RECORD_OUTCOMES = [
    'healthy',
    'rolled-back',
    'rollback-failed',
    'previous-kept',
    'failed',
];
/** Names to digests; a SecretEntry has no value, so none can slip in. */
function secretDigests(entries) {
    if (!entries)
        return null;
    return Object.fromEntries([...entries].sort((a, b) => (0,_shared_order_js__WEBPACK_IMPORTED_MODULE_0__/* .byCodeUnit */ .X)(a.name, b.name)).map((s) => [s.name, s.digest]));
}
function buildRecord(fields, facts) {
    return {
        nuzantara: {
            schema: 1,
            kind: fields.kind,
            app: fields.app,
            release: fields.release,
            image: fields.image,
            previousRelease: fields.previousRelease,
            outcome: fields.outcome,
            rolledBackTo: fields.rolledBackTo,
            startedAt: facts.startedAt.toISOString(),
            finishedAt: facts.finishedAt.toISOString(),
            config: facts.config ? { path: facts.config.path, sha256: facts.config.sha256 } : null,
            secrets: secretDigests(facts.secrets),
        },
    };
}
const isRecordOutcome = (outcome) => RECORD_OUTCOMES.includes(outcome);
/**
 * The record of a fly-deploy-with-health run, given the facts; undefined for a run that deployed nothing
 * (an outcome outside the record's, such as not-deployed): there is no change to record.
 */
function deployRecord(report) {
    const outcome = report.outcome;
    if (!isRecordOutcome(outcome))
        return undefined;
    return (facts) => buildRecord({
        kind: 'deploy',
        app: report.app,
        release: report.deploy.release?.version ?? null,
        image: report.deploy.release?.imageRef ?? '',
        previousRelease: report.previous?.version ?? null,
        outcome,
        rolledBackTo: 'rollback' in report ? report.rollback.target.version : null,
    }, facts);
}
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const nullableInt = (v) => v === null || (typeof v === 'number' && Number.isInteger(v));
/**
 * A Deployment's payload read back (GitHub returns what was sent, as an object or a JSON string). Anything
 * that is not a schema-1 record of this project is ignored rather than trusted.
 */
function parseRecord(payload) {
    let data = payload;
    if (typeof data === 'string') {
        try {
            data = JSON.parse(data);
        }
        catch {
            return undefined;
        }
    }
    const r = isObject(data) ? data.nuzantara : undefined;
    if (!isObject(r) || r.schema !== 1)
        return undefined;
    if (r.kind !== 'deploy' && r.kind !== 'rollback')
        return undefined;
    if (typeof r.app !== 'string' || typeof r.image !== 'string')
        return undefined;
    if (!nullableInt(r.release) || !nullableInt(r.previousRelease) || !nullableInt(r.rolledBackTo))
        return undefined;
    if (typeof r.outcome !== 'string' || !isRecordOutcome(r.outcome))
        return undefined;
    if (typeof r.startedAt !== 'string' || typeof r.finishedAt !== 'string')
        return undefined;
    const config = isObject(r.config) && typeof r.config.path === 'string' && typeof r.config.sha256 === 'string'
        ? { path: r.config.path, sha256: r.config.sha256 }
        : null;
    const secrets = isObject(r.secrets) && Object.values(r.secrets).every((d) => typeof d === 'string')
        ? r.secrets
        : null;
    return {
        schema: 1,
        kind: r.kind,
        app: r.app,
        release: r.release,
        image: r.image,
        previousRelease: r.previousRelease,
        outcome: r.outcome,
        rolledBackTo: r.rolledBackTo,
        startedAt: r.startedAt,
        finishedAt: r.finishedAt,
        config,
        secrets,
    };
}
/** The Deployment state a finished run gets: success only when healthy; error when nothing good serves. */
function recordState(outcome) {
    if (outcome === 'healthy')
        return 'success';
    return outcome === 'rollback-failed' ? 'error' : 'failure';
}


/***/ }),

/***/ 70090:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LB: () => (/* binding */ evaluateResponse),
/* harmony export */   fe: () => (/* binding */ classifyError)
/* harmony export */ });
/* unused harmony export checkBody */
/* harmony import */ var _spec_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(63346);
/** Judging one probe attempt: a response against the spec, or a network error mapped to a reason. */

const excerpt = (text) => {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
};
function lookup(value, path) {
    let current = value;
    for (const key of path) {
        if (current === null || typeof current !== 'object' || !(key in current))
            return { found: false, value: undefined };
        current = current[key];
    }
    return { found: true, value: current };
}
function checkBody(check, body) {
    if (check.kind === 'substring') {
        return body.includes(check.text)
            ? { ok: true, reason: 'ok', detail: '' }
            : { ok: false, reason: 'body', detail: `body does not contain ${JSON.stringify(check.text)}` };
    }
    let data;
    try {
        data = JSON.parse(body);
    }
    catch {
        return { ok: false, reason: 'body', detail: `body is not JSON (${JSON.stringify(excerpt(body))})` };
    }
    const { found, value } = lookup(data, check.path);
    if (!found)
        return { ok: false, reason: 'body', detail: `${check.source} is missing` };
    const same = JSON.stringify(value) === JSON.stringify(check.equals) ||
        (typeof check.equals === 'string' && typeof value !== 'object' && String(value) === check.equals);
    return same
        ? { ok: true, reason: 'ok', detail: '' }
        : {
            ok: false,
            reason: 'body',
            detail: `${check.source} is ${JSON.stringify(value)}, expected ${JSON.stringify(check.equals)}`,
        };
}
function evaluateResponse(spec, response) {
    if (response.status >= 300 && response.status < 400 && spec.followRedirects)
        return {
            ok: false,
            reason: 'redirect',
            detail: response.redirects >= spec.maxRedirects
                ? `more than ${spec.maxRedirects} redirects (last ${response.finalUrl})`
                : `HTTP ${response.status} without a Location to follow`,
        };
    if (!(0,_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .statusMatches */ .W_)(spec.expectStatus, response.status))
        return {
            ok: false,
            reason: 'status',
            detail: `HTTP ${response.status}, expected ${(0,_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .describeStatusSet */ .o)(spec.expectStatus)}`,
        };
    if (spec.body) {
        const verdict = checkBody(spec.body, response.body);
        if (!verdict.ok)
            return verdict;
    }
    if (spec.maxLatencyMs !== undefined && response.latencyMs > spec.maxLatencyMs)
        return {
            ok: false,
            reason: 'latency',
            detail: `answered in ${Math.round(response.latencyMs)}ms, limit ${spec.maxLatencyMs}ms`,
        };
    return { ok: true, reason: 'ok', detail: `HTTP ${response.status}` };
}
const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS|ERR_SSL|EPROTO|HOSTNAME_MISMATCH|ALTNAME/;
/** A network error (Node error code and message) as a reason. */
function classifyError(code, message) {
    const c = code ?? '';
    const detail = `${c ? `${c}: ` : ''}${message}`.slice(0, 200);
    if (c === 'ECONNREFUSED')
        return { ok: false, reason: 'refused', detail: 'connection refused' };
    if (c === 'ENOTFOUND' || c === 'EAI_AGAIN' || c === 'EAI_NONAME' || c === 'EAI_FAIL')
        return { ok: false, reason: 'dns', detail: `DNS lookup failed (${c})` };
    if (c === 'ETIMEDOUT' || c === 'ABORT_ERR' || c === 'PROBE_TIMEOUT' || /timed? ?out/i.test(message))
        return { ok: false, reason: 'timeout', detail };
    if (TLS_CODES.test(c) || /certificate|tls|ssl/i.test(message))
        return { ok: false, reason: 'tls', detail };
    if (c === 'ECONNRESET' || c === 'EPIPE' || /socket hang up/i.test(message))
        return { ok: false, reason: 'reset', detail: 'connection reset before an answer' };
    return { ok: false, reason: 'error', detail };
}


/***/ }),

/***/ 97580:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WH: () => (/* binding */ describeProbe),
/* harmony export */   iQ: () => (/* binding */ runAttempts),
/* harmony export */   mW: () => (/* binding */ runProbe)
/* harmony export */ });
/* harmony import */ var _schedule_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83636);

/**
 * Starts one attempt at each offset (ms after the first). With `overlap`, an attempt starts on its tick
 * even while earlier ones wait for an answer; without, each waits for the one before. When `stop` says so
 * after an attempt, no more start and those in flight are aborted (they are recorded as cancelled).
 */
async function runAttempts(spec, offsets, overlap, edges, stop) {
    const begin = edges.now();
    const attempts = [];
    const abort = new AbortController();
    let stoppedBy;
    let wake = () => { };
    const woken = new Promise((resolve) => (wake = resolve));
    const pending = new Set();
    const launch = (n) => {
        const startedAt = edges.now();
        const run = edges.attempt(spec, abort.signal).then((outcome) => {
            pending.delete(run);
            const record = {
                attempt: n,
                startedAt,
                offsetMs: startedAt - begin,
                ...(outcome.status !== undefined ? { status: outcome.status } : {}),
                latencyMs: outcome.latencyMs,
                ok: outcome.ok,
                reason: outcome.reason,
                detail: outcome.detail,
            };
            attempts.push(record);
            edges.onAttempt?.(record);
            if (!stoppedBy && stop(record)) {
                stoppedBy = record;
                abort.abort();
                wake();
            }
        });
        pending.add(run);
        return run;
    };
    for (let i = 0; i < offsets.length && !stoppedBy; i++) {
        const wait = begin + offsets[i] - edges.now();
        if (wait > 0)
            await Promise.race([edges.sleep(wait, abort.signal).catch(() => undefined), woken]);
        if (stoppedBy)
            break;
        const run = launch(i + 1);
        if (!overlap)
            await run;
    }
    while (pending.size > 0)
        await Promise.race(pending);
    attempts.sort((a, b) => a.attempt - b.attempt);
    return { attempts, ...(stoppedBy ? { stoppedBy } : {}), durationMs: edges.now() - begin };
}
async function runProbe(spec, policy, edges) {
    const run = await runAttempts(spec, (0,_schedule_js__WEBPACK_IMPORTED_MODULE_0__/* .attemptOffsets */ .su)(policy), (0,_schedule_js__WEBPACK_IMPORTED_MODULE_0__/* .overlapsAttempts */ .ju)(policy), edges, (a) => a.ok);
    const passed = run.stoppedBy;
    return {
        url: spec.url,
        healthy: passed !== undefined,
        attempts: run.attempts,
        ...(passed ? { latencyMs: passed.latencyMs } : {}),
        durationMs: run.durationMs,
    };
}
/** One line for a log or an error: "unhealthy after 10 attempts over 1m30s: last HTTP 503 …". */
function describeProbe(result) {
    const answered = result.attempts.filter((a) => a.reason !== 'cancelled');
    const passed = result.attempts.find((a) => a.ok);
    if (result.healthy)
        return `healthy on attempt ${passed?.attempt ?? answered.length} (${Math.round(result.latencyMs ?? 0)}ms)`;
    const last = answered.at(-1);
    const reasons = new Map();
    for (const a of answered)
        reasons.set(a.reason, (reasons.get(a.reason) ?? 0) + 1);
    const mix = [...reasons].map(([r, c]) => `${c}× ${r}`).join(', ');
    return `unhealthy after ${answered.length} attempt(s) over ${Math.round(result.durationMs / 1000)}s (${mix}); last: ${last?.detail ?? 'none'}`;
}


/***/ }),

/***/ 83636:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X6: () => (/* binding */ SCHEDULE_MODES),
/* harmony export */   ju: () => (/* binding */ overlapsAttempts),
/* harmony export */   su: () => (/* binding */ attemptOffsets)
/* harmony export */ });
/* unused harmony exports STEADY_GAP_MS, scheduleBudgetMs */
/**
 * When probe attempts start. All three share one budget, (attempts − 1) × interval, the seed's 90 s.
 * `steady` (the default): a try every second (the gap, capped by the interval), each started on its tick
 * even while an earlier one still waits for an answer, so a service is seen at most one gap plus one
 * answer after it turns healthy, wherever in the budget that happens, at about one request a second.
 * `fixed`: `attempts` tries `intervalMs` apart, one at a time (the seed: 10 tries, 10 s).
 * `adaptive`: one at a time, after 1 s, 2 s, 4 s … up to the interval, and a last try at the end of the
 * budget (fewer requests than steady, slower to notice once the gaps have grown).
 */
const SCHEDULE_MODES = ['steady', 'fixed', 'adaptive'];
/** The steady schedule's request rate: one a second. */
const STEADY_GAP_MS = 1000;
/** Start offsets (ms after the first attempt) of every attempt. */
function attemptOffsets(policy) {
    const attempts = Math.max(1, Math.floor(policy.attempts));
    const interval = Math.max(0, policy.intervalMs);
    if (policy.mode === 'fixed' || attempts === 1 || interval === 0)
        return Array.from({ length: attempts }, (_, i) => i * interval);
    const budget = (attempts - 1) * interval;
    if (policy.mode === 'steady') {
        const gap = Math.max(1, Math.min(policy.gapMs ?? STEADY_GAP_MS, interval));
        const count = Math.ceil(budget / gap);
        return Array.from({ length: count + 1 }, (_, i) => Math.min(budget, i * gap));
    }
    const offsets = [0];
    let gap = Math.min(policy.firstGapMs ?? 1000, interval);
    let at = 0;
    while (at < budget) {
        at = Math.min(budget, at + gap);
        offsets.push(at);
        gap = Math.min(interval, gap * 2);
    }
    return offsets;
}
/**
 * Whether an attempt starts on its tick while earlier ones still wait for an answer. Only steady: a
 * request that hangs (a proxy holding it while a machine starts) must not delay the next one, or a
 * service that answers new requests would be seen only when the hung one times out.
 */
const overlapsAttempts = (policy) => policy.mode === 'steady';
/** Total time the schedule may take besides the requests themselves. */
const scheduleBudgetMs = (policy) => attemptOffsets(policy).at(-1) ?? 0;


/***/ }),

/***/ 35194:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _q: () => (/* binding */ summarizeLatencies),
/* harmony export */   zi: () => (/* binding */ errorRate)
/* harmony export */ });
/* unused harmony export percentile */
/** Latency and error figures over a set of samples: shared by the deploy's verification window and the monitor. */
/** The nearest-rank percentile of ascending values (p in 0..100); undefined for no values. */
function percentile(sorted, p) {
    if (sorted.length === 0)
        return undefined;
    const rank = Math.ceil((Math.min(100, Math.max(0, p)) / 100) * sorted.length);
    return sorted[Math.max(0, rank - 1)];
}
function summarizeLatencies(values) {
    if (values.length === 0)
        return undefined;
    const sorted = [...values].sort((a, b) => a - b);
    const at = (p) => percentile(sorted, p);
    return {
        count: sorted.length,
        p50: at(50),
        p95: at(95),
        p99: at(99),
        max: sorted[sorted.length - 1],
        mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
    };
}
/** Failed samples as a percentage of all (0 for none). */
const errorRate = (failed, total) => total === 0 ? 0 : (100 * failed) / total;


/***/ }),

/***/ 15181:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CE: () => (/* binding */ formatRate),
/* harmony export */   O2: () => (/* binding */ describeWindow),
/* harmony export */   en: () => (/* binding */ runWindow)
/* harmony export */ });
/* unused harmony exports windowOffsets, judgeWindow */
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(97580);
/* harmony import */ var _stats_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(35194);
/**
 * The verification window (Argo Rollouts' analysis, for one URL): after a release turns healthy, sample it
 * at a steady rate for a while and judge the error rate and the p95 latency against limits. Samples start
 * on their ticks even while an earlier one hangs, so a hang costs one sample, not the rate.
 */


/** Start offsets of the samples: one per interval, the window's length in all. */
function windowOffsets(settings) {
    const interval = Math.max(1, settings.intervalMs);
    const count = Math.max(1, Math.ceil(settings.windowMs / interval));
    return Array.from({ length: count }, (_, i) => i * interval);
}
/** Judges answered samples against the limits; pure, so the monitor can judge its own samples. */
function judgeWindow(url, settings, planned, samples, durationMs, stoppedEarly = false) {
    const answered = samples.filter((s) => s.reason !== 'cancelled');
    const errors = answered.filter((s) => !s.ok).length;
    const rate = (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .errorRate */ .zi)(errors, answered.length);
    const latency = (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .summarizeLatencies */ ._q)(answered.map((s) => s.latencyMs));
    const problems = [];
    if (stoppedEarly)
        problems.push(`${errors} of the first ${answered.length} samples failed, more than the ${settings.maxErrorRate}% of ${planned} the window allows`);
    else if (rate > settings.maxErrorRate)
        problems.push(`error rate ${formatRate(rate)} (${errors} of ${answered.length}) is over the limit of ${settings.maxErrorRate}%`);
    if (settings.maxP95Ms !== undefined && latency && latency.p95 > settings.maxP95Ms)
        problems.push(`p95 latency ${Math.round(latency.p95)}ms is over the limit of ${settings.maxP95Ms}ms`);
    if (answered.length === 0)
        problems.push('no sample was answered');
    return {
        url,
        passed: problems.length === 0,
        planned,
        samples: answered,
        errors,
        errorRate: rate,
        ...(latency ? { latency } : {}),
        durationMs,
        stoppedEarly,
        problems,
        settings,
    };
}
/** Samples the URL for the window and judges it; stops as soon as the errors cannot stay within the limit. */
async function runWindow(spec, settings, edges) {
    const offsets = windowOffsets(settings);
    const allowed = (settings.maxErrorRate / 100) * offsets.length;
    let errors = 0;
    const run = await (0,_run_js__WEBPACK_IMPORTED_MODULE_1__/* .runAttempts */ .iQ)(spec, offsets, true, edges, (s) => !s.ok && s.reason !== 'cancelled' && ++errors > allowed);
    return judgeWindow(spec.url, settings, offsets.length, run.attempts, run.durationMs, !!run.stoppedBy);
}
const formatRate = (percent) => `${Number(percent.toFixed(percent < 10 ? 2 : 1))}%`;
/** "60 samples over 1m: 0 errors (0%), p50 12ms, p95 30ms, max 45ms". */
function describeWindow(result) {
    const l = result.latency;
    const figures = `${result.samples.length} sample(s) over ${Math.round(result.durationMs / 1000)}s: ${result.errors} error(s) (${formatRate(result.errorRate)}), ${l ? `p50 ${Math.round(l.p50)}ms, p95 ${Math.round(l.p95)}ms, max ${Math.round(l.max)}ms` : 'no latency'}`;
    return result.passed ? figures : `${figures}; ${result.problems.join('; ')}`;
}


/***/ }),

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

/***/ 11684:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ listDeployments),
/* harmony export */   Y: () => (/* binding */ createDeployment)
/* harmony export */ });
/* harmony import */ var _github_api_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61496);
/* harmony import */ var _domain_shared_order_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77808);
/**
 * GitHub Deployments on GITHUB_API_URL (GHES, or a local stub in tests): a deploy or rollback is recorded
 * once its outcome is known, with its payload and final status (needs `permissions: deployments: write`),
 * and an environment's records are listed back. Every call has a time limit. Recording is best effort:
 * callers report a failure as a warning and never stop or fail the deploy for it.
 */


const DEFAULT_TIMEOUT_MS = 20_000;
async function createDeployment(target) {
    const octokit = await (0,_github_api_js__WEBPACK_IMPORTED_MODULE_0__/* .githubClient */ .$f)(target.token, target.apiUrl);
    const { owner, repo } = target;
    const timeoutMs = target.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const response = await (0,_github_api_js__WEBPACK_IMPORTED_MODULE_0__/* .withDeadline */ .NE)(timeoutMs, (signal) => octokit.rest.repos.createDeployment({
        owner,
        repo,
        ref: target.ref,
        environment: target.environment,
        description: target.description.slice(0, 140),
        auto_merge: false,
        required_contexts: [],
        transient_environment: false,
        ...(target.payload ? { payload: target.payload } : {}),
        request: { signal },
    }));
    const id = response.data.id;
    if (typeof id !== 'number')
        throw new Error(`GitHub did not create a deployment: ${response.data.message ?? 'no id'}`);
    return {
        id,
        async setStatus(state, details) {
            await (0,_github_api_js__WEBPACK_IMPORTED_MODULE_0__/* .withDeadline */ .NE)(timeoutMs, (signal) => octokit.rest.repos.createDeploymentStatus({
                owner,
                repo,
                deployment_id: id,
                state,
                description: details.description.slice(0, 140),
                ...(target.logUrl ? { log_url: target.logUrl } : {}),
                ...(details.environmentUrl ? { environment_url: details.environmentUrl } : {}),
                auto_inactive: true,
                request: { signal },
            }));
        },
    };
}
/** An environment's deployments, newest first, paginated, all pages within one time limit. */
async function listDeployments(query) {
    const octokit = await (0,_github_api_js__WEBPACK_IMPORTED_MODULE_0__/* .githubClient */ .$f)(query.token, query.apiUrl);
    const { owner, repo } = query;
    const limit = query.limit ?? 300;
    return (0,_github_api_js__WEBPACK_IMPORTED_MODULE_0__/* .withDeadline */ .NE)(query.timeoutMs ?? DEFAULT_TIMEOUT_MS, async (signal) => {
        const found = [];
        const perPage = Math.min(100, limit);
        // Page by page by hand: Octokit's paginate does not pass the abort signal on to later pages.
        for (let page = 1; found.length < limit; page++) {
            const { data } = await octokit.rest.repos.listDeployments({
                owner,
                repo,
                ...(query.environment ? { environment: query.environment } : {}),
                per_page: perPage,
                page,
                request: { signal },
            });
            for (const d of data.slice(0, limit - found.length))
                found.push({
                    id: d.id,
                    sha: d.sha,
                    ref: d.ref,
                    environment: d.environment ?? '',
                    description: d.description ?? '',
                    createdAt: d.created_at,
                    payload: d.payload,
                });
            if (data.length < perPage)
                break;
        }
        if (query.withStatus) {
            // A few at a time: GitHub's secondary rate limits dislike bursts.
            let next = 0;
            const worker = async () => {
                while (next < found.length) {
                    const deployment = found[next++];
                    const { data } = await octokit.rest.repos.listDeploymentStatuses({
                        owner,
                        repo,
                        deployment_id: deployment.id,
                        per_page: 10,
                        request: { signal },
                    });
                    const newest = [...data].sort((a, b) => (0,_domain_shared_order_js__WEBPACK_IMPORTED_MODULE_1__/* .byCodeUnit */ .X)(b.created_at, a.created_at))[0];
                    deployment.latestStatus = newest
                        ? {
                            state: newest.state,
                            description: newest.description ?? '',
                            ...(newest.environment_url ? { environmentUrl: newest.environment_url } : {}),
                            ...(newest.log_url ? { logUrl: newest.log_url } : {}),
                            createdAt: newest.created_at,
                        }
                        : null;
                }
            };
            await Promise.all(Array.from({ length: Math.min(4, found.length) }, worker));
        }
        return found;
    });
}


/***/ }),

/***/ 95241:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R3: () => (/* binding */ sampleWindow),
/* harmony export */   dy: () => (/* binding */ probe),
/* harmony export */   kO: () => (/* binding */ httpAttempt)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _domain_probe_evaluate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70090);
/* harmony import */ var _domain_probe_run_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(97580);
/* harmony import */ var _domain_probe_window_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(15181);
/**
 * The HTTP edge of the health probe: one attempt = one request (fresh connection, redirects followed by
 * hand, one deadline for the whole attempt including the body), judged by src/domain/probe.
 */




const MAX_BODY_BYTES = 1024 * 1024;
async function request(url, method, headers, signal) {
    // Loaded at the first request, not at start-up: a run that stops at an input check never pays for them.
    const lib = url.protocol === 'https:' ? await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 44708, 23)) : await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 37067, 23));
    return new Promise((resolve, reject) => {
        const req = lib.request(url, {
            method,
            headers: { 'user-agent': 'nuzantara-actions-probe', ...headers },
            agent: false,
            signal,
        }, (res) => {
            const chunks = [];
            let size = 0;
            res.on('data', (chunk) => {
                if (size < MAX_BODY_BYTES)
                    chunks.push(chunk);
                size += chunk.length;
            });
            res.on('end', () => resolve({
                status: res.statusCode ?? 0,
                location: typeof res.headers.location === 'string' ? res.headers.location : undefined,
                body: Buffer.concat(chunks).toString('utf8'),
            }));
            res.on('error', reject);
        });
        req.on('error', reject);
        req.end();
    });
}
/**
 * One probe attempt against the spec. Never throws: failures come back as a reason. `cancel` aborts it
 * (the probe has its answer elsewhere): it then ends at once as `cancelled`.
 */
async function httpAttempt(spec, cancel) {
    const start = performance.now();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), spec.timeoutMs);
    const onCancel = () => controller.abort();
    if (cancel?.aborted)
        controller.abort();
    cancel?.addEventListener('abort', onCancel, { once: true });
    let url = new URL(spec.url);
    let method = spec.method;
    let headers = { ...spec.headers };
    let redirects = 0;
    try {
        for (;;) {
            const response = await request(url, method, headers, controller.signal);
            const isRedirect = response.status >= 300 && response.status < 400 && response.location;
            if (isRedirect && spec.followRedirects && redirects < spec.maxRedirects) {
                const next = new URL(response.location, url);
                // Credentials stay with the origin they were meant for.
                if (next.origin !== url.origin)
                    headers = {};
                if (response.status === 303 ||
                    ((response.status === 301 || response.status === 302) && method === 'POST'))
                    method = 'GET';
                url = next;
                redirects++;
                continue;
            }
            const latencyMs = performance.now() - start;
            const verdict = (0,_domain_probe_evaluate_js__WEBPACK_IMPORTED_MODULE_1__/* .evaluateResponse */ .LB)(spec, {
                status: response.status,
                body: response.body,
                latencyMs,
                finalUrl: url.toString(),
                redirects,
            });
            return { ...verdict, status: response.status, latencyMs };
        }
    }
    catch (error) {
        const latencyMs = performance.now() - start;
        const err = error;
        if (cancel?.aborted)
            return { ok: false, reason: 'cancelled', detail: 'no answer yet when the probe stopped', latencyMs };
        if (controller.signal.aborted)
            return {
                ok: false,
                reason: 'timeout',
                detail: `no complete answer within ${spec.timeoutMs}ms`,
                latencyMs,
            };
        return { ...(0,_domain_probe_evaluate_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyError */ .fe)(err.code ?? err.cause?.code, err.message), latencyMs };
    }
    finally {
        clearTimeout(timer);
        cancel?.removeEventListener('abort', onCancel);
    }
}
/** The real clock and HTTP: what the probe loop and the verification window run on. */
function realEdges(onAttempt) {
    return {
        attempt: httpAttempt,
        now: () => Date.now(),
        // An aborted sleep ends early; the loop then sees why.
        sleep: (ms, signal) => (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(ms, undefined, { signal }).catch(() => undefined),
        onAttempt,
    };
}
/** Probes with the retry policy on the real clock. */
function probe(spec, policy, onAttempt) {
    return (0,_domain_probe_run_js__WEBPACK_IMPORTED_MODULE_2__/* .runProbe */ .mW)(spec, policy, realEdges(onAttempt));
}
/** Samples the URL through the verification window on the real clock. */
function sampleWindow(spec, window, onSample) {
    return (0,_domain_probe_window_js__WEBPACK_IMPORTED_MODULE_3__/* .runWindow */ .en)(spec, window, realEdges(onSample));
}


/***/ }),

/***/ 4579:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ postWebhook),
/* harmony export */   h: () => (/* binding */ notifyWebhook)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Posts a message to a Slack-compatible incoming webhook (`{"text": …}`). Best effort and bounded: each
 * try has a time limit, a 5xx or 429 is tried again (waiting what Retry-After asks, when that is short), and
 * nothing here ever names the URL, which is a secret as a whole.
 */

function retryAfterMs(value) {
    if (!value)
        return undefined;
    const seconds = Number(value);
    if (Number.isFinite(seconds))
        return Math.max(0, seconds * 1000);
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
/** The webhook URL is checked again here (http/https, no credentials), without ever printing it. */
function webhookUrl(raw) {
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new Error('the webhook URL is not a URL');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new Error(`the webhook URL uses ${url.protocol}; only http and https are posted to`);
    if (url.username || url.password)
        throw new Error('the webhook URL carries credentials');
    return url;
}
/** A Slack-compatible message: `{"text": …}`. */
function notifyWebhook(raw, text, options = {}) {
    return postWebhook(raw, { text }, options);
}
/** Any JSON document (a generic webhook), with the same limits and retries. */
async function postWebhook(raw, payload, options = {}) {
    const url = webhookUrl(raw);
    const timeoutMs = options.timeoutMs ?? 10_000;
    const attempts = Math.max(1, options.attempts ?? 3);
    const maxRetryAfterMs = options.maxRetryAfterMs ?? 15_000;
    const sleep = options.sleep ?? ((ms) => (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(ms));
    let backoff = options.backoffMs ?? 1000;
    for (let attempt = 1;; attempt++) {
        let failure;
        let waitMs = backoff;
        let retriable;
        try {
            const response = await fetch(url, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify(payload),
                signal: AbortSignal.timeout(timeoutMs),
                // A redirect could carry the message elsewhere.
                redirect: 'error',
            });
            // Drain the body so the connection is released (the time limit covers it too).
            await response.text();
            if (response.ok)
                return;
            failure = `the webhook answered HTTP ${response.status}`;
            retriable = response.status === 429 || response.status >= 500;
            waitMs = Math.max(backoff, retryAfterMs(response.headers.get('retry-after')) ?? 0);
        }
        catch (error) {
            const name = error.name;
            const code = error.cause?.code;
            failure =
                name === 'TimeoutError' || name === 'AbortError'
                    ? `the webhook did not answer within ${timeoutMs / 1000}s`
                    : `the webhook could not be reached (${code ?? name})`;
            // Only a refused connection surely carried nothing: after anything else the message may have
            // arrived, and posting it again could post it twice.
            retriable = code === 'ECONNREFUSED';
        }
        if (!retriable || attempt >= attempts || waitMs > maxRetryAfterMs)
            throw new Error(`${failure}${attempt > 1 ? ` (${attempt} tries)` : ''}`);
        await sleep(waitMs);
        backoff *= 2;
    }
}


/***/ })

};

//# sourceMappingURL=102.index.js.map