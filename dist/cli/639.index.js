export const id = 639;
export const ids = [639];
export const modules = {

/***/ 99639:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   healthCheck: () => (/* binding */ healthCheck),
/* harmony export */   healthMarkdown: () => (/* binding */ healthMarkdown),
/* harmony export */   readHealthCheckSettings: () => (/* binding */ readHealthCheckSettings)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _domain_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(59677);
/* harmony import */ var _domain_shared_markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(55523);
/* harmony import */ var _domain_probe_report_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(32243);
/* harmony import */ var _domain_probe_run_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(97580);
/* harmony import */ var _host_inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(39973);
/* harmony import */ var _io_http_probe_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(95241);
/* harmony import */ var _domain_monitor_targets_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9019);
/* harmony import */ var _monitor_uptime_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(64795);
/* harmony import */ var _probe_inputs_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(37904);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8938);
/** `health-check`: probes each URL with the deploy's probe and schedule, and tells the attempts and times. */











function readHealthCheckSettings(input, mask) {
    const urls = input.urls('url').map((url) => url.toString());
    const targetsFile = input.string('targets-file');
    if (urls.length === 0 && !targetsFile)
        throw new _domain_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('url', 'is required but empty', 'Give one or more URLs, e.g. --url https://nuzantara-rag.fly.dev/health, or --targets-file monitoring/targets.yml.');
    return { urls, ...(targetsFile ? { targetsFile } : {}), ...(0,_probe_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .readProbeSettings */ .K)(input, '', mask) };
}
const verdict = (r) => (r.healthy ? '✅ healthy' : '❌ unhealthy');
function healthMarkdown(results) {
    const lines = [
        `## health-check: ${results.every((r) => r.healthy) ? '✅ all healthy' : '❌ unhealthy'}`,
        '',
        (0,_domain_shared_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .table */ .tp)(['URL', 'result', 'attempts', 'latency'], results.map((r) => [
            r.url,
            verdict(r),
            String(r.attempts.length),
            r.latencyMs === undefined ? '—' : `${Math.round(r.latencyMs)}ms`,
        ])),
        '',
    ];
    for (const r of results)
        lines.push(`### ${(0,_domain_shared_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(r.url)}`, '', (0,_domain_probe_report_js__WEBPACK_IMPORTED_MODULE_3__/* .attemptsTable */ .$b)(r), '');
    return lines.join('\n');
}
async function healthCheck(host) {
    const settings = readHealthCheckSettings((0,_host_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .inputReader */ .c)(host), (v) => host.mask(v));
    // The monitor's targets, each with its own checks; the flags fill in what a target leaves out.
    const targets = settings.targetsFile
        ? await (0,_monitor_uptime_js__WEBPACK_IMPORTED_MODULE_7__/* .loadTargets */ .JU)({
            input: 'targets-file',
            path: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(host.context.workspace, settings.targetsFile),
            shown: settings.targetsFile,
        }, (0,_domain_monitor_targets_js__WEBPACK_IMPORTED_MODULE_6__/* .probeDefaults */ .dj)(settings.probe), host)
        : [];
    const specs = [
        ...settings.urls.map((url) => ({ ...settings.probe, url })),
        ...targets.map((t) => (0,_domain_monitor_targets_js__WEBPACK_IMPORTED_MODULE_6__/* .targetProbeSpec */ .p4)(t, { perRequestLatency: true })),
    ];
    const results = await Promise.all(specs.map((spec) => (0,_io_http_probe_js__WEBPACK_IMPORTED_MODULE_5__/* .probe */ .dy)(spec, settings.retry, (a) => host.info((0,_domain_probe_report_js__WEBPACK_IMPORTED_MODULE_3__/* .attemptLine */ .O_)(a, `${spec.url} attempt`)))));
    for (const r of results)
        host.info(`${r.url}: ${(0,_domain_probe_run_js__WEBPACK_IMPORTED_MODULE_10__/* .describeProbe */ .WH)(r)}`);
    const healthy = results.filter((r) => r.healthy).length;
    (0,_report_js__WEBPACK_IMPORTED_MODULE_9__/* .setOutputs */ .n0)(host, { healthy: healthy === results.length, 'healthy-count': healthy, total: results.length });
    host.result({ results });
    await host.summary(healthMarkdown(results));
    if (healthy < results.length)
        throw new _domain_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CheckFailed */ .EC(`${results.length - healthy} of ${results.length} URL(s) unhealthy: ${results
            .filter((r) => !r.healthy)
            .map((r) => `${r.url} (${(0,_domain_probe_run_js__WEBPACK_IMPORTED_MODULE_10__/* .describeProbe */ .WH)(r)})`)
            .join('; ')}`);
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


/***/ })

};

//# sourceMappingURL=639.index.js.map