export const id = 972;
export const ids = [972];
export const modules = {

/***/ 49972:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FAIL_ON: () => (/* binding */ monitor_FAIL_ON),
  MONITOR_CHECKS: () => (/* binding */ MONITOR_CHECKS),
  monitor: () => (/* binding */ monitor),
  readMonitorSettings: () => (/* binding */ readMonitorSettings)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/domain/monitor/history.ts
var monitor_history = __webpack_require__(8685);
// EXTERNAL MODULE: ./src/domain/monitor/judge.ts
var judge = __webpack_require__(36306);
// EXTERNAL MODULE: ./src/domain/monitor/report.ts
var monitor_report = __webpack_require__(14631);
// EXTERNAL MODULE: ./src/domain/shared/markdown.ts
var markdown = __webpack_require__(55523);
// EXTERNAL MODULE: ./src/domain/shared/errors.ts
var errors = __webpack_require__(59677);
// EXTERNAL MODULE: ./src/host/inputs.ts
var inputs = __webpack_require__(39973);
// EXTERNAL MODULE: ./src/io/notify.ts
var notify = __webpack_require__(4579);
// EXTERNAL MODULE: ./src/io/paths.ts
var paths = __webpack_require__(67336);
;// CONCATENATED MODULE: ./src/commands/monitor-history.ts
/**
 * The monitor's history edge: the data branch (through the GitHub API) or the file the workflow keeps,
 * read once before the checks run and appended to once after. Best effort: a failure is a warning and
 * a note in the summary, never a failed run.
 */




function readHistorySettings(input, workspace) {
    const branch = input.string('history-branch');
    const path = input.string('history-path');
    if (branch && !/^(?!\/|.*(?:\/\/|\.\.|@\{|\.lock$|\/$))[A-Za-z0-9._/-]+$/.test(branch))
        throw new errors/* InputError */.dz('history-branch', `${JSON.stringify(branch.slice(0, 60))} is not a branch name`, 'Use letters, digits and . _ / - (e.g. monitor-data), or leave it empty to keep no history branch.');
    return {
        ...(branch ? { branch } : {}),
        ...(path ? { path: (0,external_node_path_.resolve)(workspace, path) } : {}),
        chartRuns: input.integer('chart-runs', { min: 2, max: 500 }),
    };
}
/** The store the settings name, or why there is none (a warning on a runner when it was asked for). */
async function historyEdge(host, settings, token) {
    if (settings.path) {
        const { fileHistory } = await __webpack_require__.e(/* import() */ 272).then(__webpack_require__.bind(__webpack_require__, 13272));
        return { store: fileHistory(settings.path) };
    }
    if (!settings.branch)
        return { off: 'History: off (history-branch and history-path are empty).' };
    const { repository } = host.context;
    if (!repository || !token) {
        const why = !repository ? 'the repository is unknown (GITHUB_REPOSITORY)' : 'github-token is empty';
        if (host.kind === 'github')
            host.warning(`No history is kept: ${why}.`);
        return { off: `History: off (${why}).` };
    }
    // Loaded only when needed: the GitHub client is most of the bundle's start-up.
    const { branchHistory } = await __webpack_require__.e(/* import() */ 272).then(__webpack_require__.bind(__webpack_require__, 13272));
    return {
        store: branchHistory({ token, baseUrl: host.context.apiUrl, ...repository, branch: settings.branch }),
    };
}
/** The recent runs, oldest first; undefined when there is no history or it cannot be read. */
async function readRecentRuns(host, edge, now, runs) {
    if (!edge.store)
        return undefined;
    try {
        return (0,monitor_history/* parseHistory */.i6)(await edge.store.read(now, runs)).slice(-runs);
    }
    catch (error) {
        host.warning(`Could not read the history from ${edge.store.where} (${(0,errors/* errorMessage */.gJ)(error)}); the chart and the status changes go without it.`);
        return undefined;
    }
}
/** Appends this run; the note for the summary says what happened. */
async function appendRun(host, edge, record) {
    if (!edge.store)
        return edge.off ?? 'History: off.';
    try {
        await edge.store.append(new Date(record.at), host.redact((0,monitor_history/* historyLine */.Jo)(record)));
        return `History: appended to ${(0,markdown/* code */.aY)(edge.store.where)}.`;
    }
    catch (error) {
        host.warning(`Could not append to the history in ${edge.store.where} (${(0,errors/* errorMessage */.gJ)(error)}). Grant the job \`permissions: contents: write\` for a history branch.`);
        return `History: not written (${(0,markdown/* code */.aY)(edge.store.where)}: see the warning).`;
    }
}

// EXTERNAL MODULE: ./src/domain/shared/inputs.ts
var shared_inputs = __webpack_require__(55915);
;// CONCATENATED MODULE: ./src/domain/loadtest/judge.ts
/** Latency changes smaller than this are noise on a shared runner, whatever the percentage. */
const LATENCY_NOISE_MS = 5;
function measured(result, t) {
    switch (t.metric) {
        case 'rps':
            return result.rps;
        case 'errors':
            return t.percent ? result.errorRate : result.errors + result.non2xx;
        default:
            return result.latency?.[t.metric];
    }
}
function meets(result, t) {
    const value = measured(result, t);
    // No latency at all (no response arrived) meets no latency rule.
    if (value === undefined)
        return false;
    switch (t.op) {
        case '<':
            return value < t.value;
        case '<=':
            return value <= t.value;
        case '>':
            return value > t.value;
        case '>=':
            return value >= t.value;
    }
}
function historyEntry(result, at) {
    const round = (n) => (n === undefined ? null : Math.round(n * 100) / 100);
    return {
        at: at.toISOString(),
        url: result.url,
        requests: result.requests,
        rps: round(result.rps) ?? 0,
        p50: round(result.latency?.p50),
        p95: round(result.latency?.p95),
        p99: round(result.latency?.p99),
        errorRate: round(result.errorRate) ?? 0,
    };
}
function regressions(result, previous, allowedPercent) {
    const found = [];
    if (previous.rps > 0 && result.rps < previous.rps) {
        const change = (100 * (previous.rps - result.rps)) / previous.rps;
        if (change > allowedPercent)
            found.push({ metric: 'rps', previous: previous.rps, current: result.rps, change });
    }
    for (const metric of ['p50', 'p95', 'p99']) {
        const before = previous[metric];
        const now = result.latency?.[metric];
        if (before === null || now === undefined || before <= 0)
            continue;
        const change = (100 * (now - before)) / before;
        if (change > allowedPercent && now - before >= LATENCY_NOISE_MS)
            found.push({ metric, previous: before, current: now, change });
    }
    return found;
}
function judge_judge(result, thresholds, previous, allowedPercent) {
    return {
        result,
        breaches: thresholds.filter((t) => !meets(result, t)),
        regressions: previous ? regressions(result, previous, allowedPercent) : [],
        ...(previous ? { previous } : {}),
    };
}
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v) => typeof v === 'number' && Number.isFinite(v);
const numOrNull = (v) => (num(v) ? v : null);
const HISTORY_SCHEMA = 'benchmark@1';
/** What this check keeps in the monitor's history: each target's latest result. */
function benchmarkHistory(results) {
    return { schema: HISTORY_SCHEMA, results };
}
/** The previous results from the monitor's history, read defensively: anything unreadable is no result. */
function previousResults(history) {
    const found = new Map();
    if (!isObject(history) || history.schema !== HISTORY_SCHEMA || !isObject(history.results))
        return found;
    for (const [target, e] of Object.entries(history.results)) {
        if (!isObject(e) || typeof e.at !== 'string' || !num(e.rps))
            continue;
        found.set(target, {
            at: e.at,
            url: typeof e.url === 'string' ? e.url : '',
            requests: num(e.requests) ? e.requests : 0,
            rps: e.rps,
            p50: numOrNull(e.p50),
            p95: numOrNull(e.p95),
            p99: numOrNull(e.p99),
            errorRate: num(e.errorRate) ? e.errorRate : 0,
        });
    }
    return found;
}

// EXTERNAL MODULE: ./src/domain/shared/duration.ts
var duration = __webpack_require__(6234);
;// CONCATENATED MODULE: ./src/domain/loadtest/report.ts
/** The benchmark's summary section and messages. */


const ms = (v) => (v === undefined || v === null ? '—' : (0,duration/* formatDuration */.a3)(v));
const rate = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
function describeRegression(r) {
    const show = r.metric === 'rps' ? (v) => `${rate(v)}/s` : ms;
    return `${r.metric} ${show(r.previous)} → ${show(r.current)} (${r.change.toFixed(0)}% worse)`;
}
function verdictLine(v) {
    const r = v.result;
    return `${r.target}: ${r.requests} requests in ${(0,duration/* formatDuration */.a3)(r.durationMs)} (${rate(r.rps)}/s${r.capped ? ', request cap reached' : ''}), p50 ${ms(r.latency?.p50)}, p95 ${ms(r.latency?.p95)}, p99 ${ms(r.latency?.p99)}, ${r.errors + r.non2xx} failed (${r.errorRate.toFixed(1)}%)`;
}
function benchmarkMarkdown(verdicts, options) {
    const lines = [`### Benchmark: ${options.headline}`, ''];
    lines.push((0,markdown/* table */.tp)(['target', 'requests', 'req/s', 'p50', 'p95', 'p99', 'failed', 'against previous', 'result'], verdicts.map((v) => {
        const r = v.result;
        const versus = !v.previous
            ? 'no earlier result'
            : v.regressions.length === 0
                ? `within ${options.regressionPercent}% of ${v.previous.at.slice(0, 10)}`
                : v.regressions.map(describeRegression).join('; ');
        const result = v.breaches.length > 0
            ? `❌ ${v.breaches.map((b) => b.text).join(', ')} not met`
            : v.regressions.length > 0
                ? '⚠️ regressed'
                : '✅';
        return [
            r.target,
            `${r.requests}${r.capped ? ' (cap)' : ''}`,
            rate(r.rps),
            ms(r.latency?.p50),
            ms(r.latency?.p95),
            ms(r.latency?.p99),
            `${r.errors + r.non2xx} (${r.errorRate.toFixed(1)}%)`,
            versus,
            result,
        ];
    })), '');
    if (options.historyNote)
        lines.push(options.historyNote, '');
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/domain/loadtest/thresholds.ts
/** `benchmark-thresholds`: one rule per line, `p95 < 300ms`, `rps >= 50`, `errors <= 1%`, `errors == 0` as `errors <= 0`. */



const FORM = 'Write one rule per line: a metric (rps, p50, p95, p99, errors), an operator (<, <=, >, >=) and a value, e.g. `p95 < 300ms`, `rps >= 50`, `errors <= 1%`.';
function parseThresholds(name, raw) {
    return (0,shared_inputs/* parseList */.E1)(name, raw).map((text) => {
        const m = /^(rps|p50|p95|p99|errors)\s*(<=|>=|<|>)\s*(\S+)$/.exec(text);
        if (!m)
            throw new errors/* InputError */.dz(name, `${JSON.stringify(text)} is not a rule`, FORM);
        const metric = m[1];
        const op = m[2];
        const valueText = m[3];
        if (metric === 'rps') {
            const value = Number(valueText);
            if (!Number.isFinite(value) || value < 0)
                throw new errors/* InputError */.dz(name, `${JSON.stringify(text)}: ${valueText} is not a rate`, 'Give requests per second as a number, e.g. `rps >= 50`.');
            return { metric, op, value, text };
        }
        if (metric === 'errors') {
            const percent = valueText.endsWith('%');
            const value = Number(percent ? valueText.slice(0, -1) : valueText);
            if (!Number.isFinite(value) ||
                value < 0 ||
                (percent && value > 100) ||
                (!percent && !Number.isInteger(value)))
                throw new errors/* InputError */.dz(name, `${JSON.stringify(text)}: ${valueText} is not a count or a percentage`, 'Give a whole count (`errors <= 0`) or a percentage (`errors <= 1%`).');
            return { metric, op, value, text, ...(percent ? { percent } : {}) };
        }
        const ms = /^\d+(\.\d+)?$/.test(valueText) ? undefined : (0,duration/* parseGoDuration */.Qu)(valueText);
        if (ms === undefined || ms < 0)
            throw new errors/* InputError */.dz(name, `${JSON.stringify(text)}: ${valueText} is not a duration`, 'Give latencies with a unit, e.g. `p95 < 300ms` or `p99 < 1s`.');
        return { metric, op, value: ms, text };
    });
}

// EXTERNAL MODULE: ./src/domain/probe/stats.ts
var stats = __webpack_require__(35194);
;// CONCATENATED MODULE: ./src/io/loadtest.ts

/** Past the duration, the run is stopped this much later at the latest. */
const WATCHDOG_GRACE_MS = 10_000;
async function runLoadTest(spec) {
    const { default: run } = await Promise.all(/* import() */[__webpack_require__.e(88), __webpack_require__.e(174)]).then(__webpack_require__.t.bind(__webpack_require__, 88174, 23));
    const latencies = [];
    let watchdog;
    try {
        const result = await new Promise((resolve, reject) => {
            const instance = run({
                url: spec.url,
                method: spec.method,
                headers: spec.headers,
                connections: spec.connections,
                duration: spec.durationMs / 1000,
                maxOverallRequests: Math.max(spec.maxRequests, spec.connections),
                timeout: Math.max(1, Math.ceil(spec.timeoutMs / 1000)),
                ...(spec.rate ? { overallRate: spec.rate } : {}),
                // A target that refuses connections would otherwise be hammered for the whole duration.
                bailout: Math.max(100, spec.connections * 10),
            }, (error, result) => error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result));
            instance.on('response', (_client, _status, _bytes, responseTime) => {
                if (latencies.length < spec.maxRequests)
                    latencies.push(responseTime);
            });
            watchdog = setTimeout(() => instance.stop(), spec.durationMs + WATCHDOG_GRACE_MS);
        });
        const requests = result.requests.total;
        const durationMs = Math.max(1, result.duration * 1000);
        const failed = result.errors + result.non2xx;
        const attempts = requests + result.errors;
        const latency = (0,stats/* summarizeLatencies */._q)(latencies);
        return {
            target: spec.target,
            url: spec.url,
            durationMs,
            requests,
            rps: (1000 * requests) / durationMs,
            ...(latency ? { latency } : {}),
            errors: result.errors,
            non2xx: result.non2xx,
            errorRate: attempts === 0 ? 100 : (100 * failed) / attempts,
            capped: requests >= spec.maxRequests && durationMs < spec.durationMs,
        };
    }
    finally {
        if (watchdog)
            clearTimeout(watchdog);
    }
}

;// CONCATENATED MODULE: ./src/commands/monitor-section.ts
const statusOf = (failures, warnings) => failures.length > 0 ? 'fail' : warnings > 0 ? 'warn' : 'pass';

;// CONCATENATED MODULE: ./src/commands/monitor-benchmark.ts
/**
 * The monitor's benchmark: a short load test of each target named in `benchmark` (only targets the
 * monitor's targets file defines, never another host), judged by thresholds and against the previous
 * results in the monitor's history. Off unless `benchmark` names a target.
 */







function readBenchmarkSettings(input) {
    const rate = input.optionalNumber('benchmark-rate', { min: 1, max: 10_000 });
    return {
        targets: [...new Set(input.list('benchmark'))],
        durationMs: input.duration('benchmark-duration', { minMs: 1000, maxMs: 60_000 }),
        connections: input.integer('benchmark-connections', { min: 1, max: 100 }),
        ...(rate === undefined ? {} : { rate }),
        maxRequests: input.integer('benchmark-max-requests', { min: 1, max: 100_000 }),
        thresholds: parseThresholds('benchmark-thresholds', input.text('benchmark-thresholds')),
        regressionPercent: input.number('benchmark-regression', { min: 0, max: 1000 }),
        onRegression: input.choice('benchmark-on-regression', ['warn', 'fail']),
    };
}
/** The named targets, or an InputError before anything runs when a name is not one of the monitor's. */
function resolveBenchmarkTargets(settings, targets) {
    return settings.targets.map((name) => {
        const found = targets.find((t) => t.name === name);
        if (!found)
            throw new errors/* InputError */.dz('benchmark', `${JSON.stringify(name)} is not one of the monitor's targets`, targets.length > 0
                ? `Name targets from the targets file: ${targets.map((t) => t.name).join(', ')}.`
                : 'Define the target in the targets file first; the benchmark only loads hosts named there.');
        return found;
    });
}
async function runBenchmarkCheck(host, settings, ports) {
    const targets = resolveBenchmarkTargets(settings, ports.targets);
    const previous = previousResults(ports.history);
    const historyNote = ports.history === undefined
        ? 'No monitor history is available, so there is nothing to compare with.'
        : undefined;
    const load = ports.load ?? runLoadTest;
    const verdicts = [];
    const kept = {};
    for (const target of targets) {
        host.info(`Benchmark ${target.name}: ${(0,shared_inputs/* displayUrl */.Qy)(target.url)} for ${settings.durationMs / 1000}s, ${settings.connections} connection(s)${settings.rate ? `, at most ${settings.rate}/s` : ''}, at most ${settings.maxRequests} requests`);
        const measured = await load({
            target: target.name,
            url: target.url,
            method: target.method ?? 'GET',
            headers: target.headers ?? {},
            durationMs: settings.durationMs,
            connections: settings.connections,
            ...(settings.rate ? { rate: settings.rate } : {}),
            maxRequests: settings.maxRequests,
            timeoutMs: target.timeoutMs ?? 10_000,
        });
        const result = { ...measured, url: (0,shared_inputs/* displayUrl */.Qy)(target.url) };
        const verdict = judge_judge(result, settings.thresholds, previous.get(target.name), settings.regressionPercent);
        verdicts.push(verdict);
        kept[target.name] = historyEntry(result, (ports.now ?? (() => new Date()))());
        host.info(verdictLine(verdict));
    }
    const failures = [];
    let warnings = 0;
    for (const v of verdicts) {
        if (v.breaches.length > 0)
            failures.push(`benchmark ${v.result.target}: ${v.breaches.map((b) => b.text).join(', ')} not met (${verdictLine(v)})`);
        if (v.regressions.length > 0) {
            const text = `benchmark ${v.result.target} regressed beyond ${settings.regressionPercent}% against ${v.previous?.at}: ${v.regressions.map(describeRegression).join('; ')}`;
            if (settings.onRegression === 'fail')
                failures.push(text);
            else {
                host.warning(`${text}.`);
                warnings++;
            }
        }
    }
    const status = statusOf(failures, warnings);
    const headline = status === 'fail'
        ? `❌ ${failures.length} problem(s)`
        : status === 'warn'
            ? '⚠️ regressed'
            : `✅ ${verdicts.length} target(s) within limits`;
    const results = Object.fromEntries(verdicts.map((v) => [v.result.target, v.result]));
    return {
        name: 'benchmark',
        status,
        headline: `Benchmark: ${headline}`,
        markdown: benchmarkMarkdown(verdicts, {
            regressionPercent: settings.regressionPercent,
            headline,
            ...(historyNote ? { historyNote } : {}),
        }),
        outputs: {
            'benchmark-results': JSON.stringify(Object.fromEntries(Object.entries(kept).map(([k, e]) => [
                k,
                { rps: e.rps, p50: e.p50, p95: e.p95, p99: e.p99, errorRate: e.errorRate },
            ]))),
        },
        report: {
            results,
            verdicts: verdicts.map((v) => ({
                target: v.result.target,
                breaches: v.breaches.map((b) => b.text),
                regressions: v.regressions,
                previous: v.previous ?? null,
            })),
        },
        failures,
        history: benchmarkHistory(kept),
    };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/domain/deploy/record.ts
var deploy_record = __webpack_require__(45173);
// EXTERNAL MODULE: ./src/domain/coverage/summary-json.ts
var summary_json = __webpack_require__(48914);
// EXTERNAL MODULE: ./src/domain/coverage/model.ts
var model = __webpack_require__(41162);
;// CONCATENATED MODULE: ./src/domain/delivery/inputs.ts
/** Long spans for windows and rotation ages: `30d`, `12w`, or a Go duration (`720h`). */


const DAY_MS = 86_400_000;
function parseSpan(name, raw, bounds = {}) {
    const text = raw.trim();
    const m = /^(\d+(?:\.\d+)?)(d|w)$/.exec(text);
    const ms = m
        ? Number(m[1]) * (m[2] === 'w' ? 7 : 1) * DAY_MS
        : /^\d+$/.test(text)
            ? undefined
            : (0,duration/* parseGoDuration */.Qu)(text);
    const maxMs = bounds.maxMs ?? Infinity;
    const form = `Use days or weeks such as 30d or 12w${maxMs < Infinity ? `, at most ${Math.floor(maxMs / DAY_MS)}d` : ''}.`;
    if (ms === undefined)
        throw new errors/* InputError */.dz(name, `${JSON.stringify(raw)} is not a span of time`, form);
    if (ms <= 0 || ms > maxMs)
        throw new errors/* InputError */.dz(name, `${JSON.stringify(raw)} is out of range`, form);
    return ms;
}
const formatDays = (ms) => {
    const days = ms / DAY_MS;
    return days >= 1 ? `${Math.floor(days)}d` : `${Math.round(ms / 3_600_000)}h`;
};

;// CONCATENATED MODULE: ./src/domain/delivery/bands.ts
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DORA_SOURCE = 'Accelerate State of DevOps Report 2023 (DORA)';
function frequencyBand(perDay) {
    if (perDay >= 1)
        return 'elite';
    if (perDay >= 1 / 7)
        return 'high';
    if (perDay >= 1 / 30)
        return 'medium';
    return 'low';
}
function leadTimeBand(ms) {
    if (ms < DAY)
        return 'elite';
    if (ms <= 7 * DAY)
        return 'high';
    if (ms <= 30 * DAY)
        return 'medium';
    return 'low';
}
function failureRateBand(percent) {
    if (percent <= 5)
        return 'elite';
    if (percent <= 10)
        return 'high';
    if (percent <= 15)
        return 'medium';
    return 'low';
}
function restoreBand(ms) {
    if (ms < HOUR)
        return 'elite';
    if (ms < DAY)
        return 'high';
    if (ms <= 7 * DAY)
        return 'medium';
    return 'low';
}

// EXTERNAL MODULE: ./src/domain/shared/order.ts
var order = __webpack_require__(77808);
;// CONCATENATED MODULE: ./src/domain/delivery/metrics.ts
/**
 * DORA figures per environment from the GitHub Deployments that the deploy and rollback actions record.
 * A record's outcome is trusted over its status; deployments other tools made (or older schemas) count by
 * their newest status alone: success and inactive (a success a later deploy superseded) as successes,
 * failure and error as failures, anything else not at all.
 */


const metrics_DAY_MS = 86_400_000;
function median(values) {
    if (values.length === 0)
        return undefined;
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2
        ? sorted[mid]
        : (sorted[mid - 1] + sorted[mid]) / 2;
}
const figure = (values) => {
    const m = median(values);
    return { ...(m === undefined ? {} : { medianMs: m }), samples: values.length };
};
function classify(e) {
    const created = Date.parse(e.createdAt);
    if (e.record) {
        const startedAt = Date.parse(e.record.startedAt);
        const finishedAt = Date.parse(e.record.finishedAt);
        if (Number.isNaN(startedAt) || Number.isNaN(finishedAt))
            return undefined;
        return {
            event: e,
            kind: e.record.kind,
            app: e.record.app,
            ok: e.record.outcome === 'healthy',
            startedAt,
            finishedAt,
            selfRestored: e.record.outcome === 'rolled-back' || e.record.outcome === 'previous-kept',
        };
    }
    if (Number.isNaN(created))
        return undefined;
    const ok = e.state === 'success' || e.state === 'inactive';
    const failed = e.state === 'failure' || e.state === 'error';
    if (!ok && !failed)
        return undefined;
    const finishedAt = e.statusAt && !Number.isNaN(Date.parse(e.statusAt)) && e.state !== 'inactive'
        ? Date.parse(e.statusAt)
        : created;
    return { event: e, kind: 'deploy', ok, startedAt: created, finishedAt, selfRestored: false };
}
function environmentMetrics(environment, input) {
    const now = input.now.getTime();
    const from = now - input.windowMs;
    const all = input.events
        .filter((e) => e.environment === environment)
        .map(classify)
        .filter((c) => c !== undefined)
        .sort((a, b) => a.finishedAt - b.finishedAt || a.event.id - b.event.id);
    const inWindow = all.filter((c) => c.finishedAt >= from && c.finishedAt <= now);
    const deploys = inWindow.filter((c) => c.kind === 'deploy');
    const successes = deploys.filter((c) => c.ok);
    const failures = deploys.filter((c) => !c.ok);
    const leads = [];
    let missingCommits = 0;
    for (const s of successes) {
        const committed = input.commitTimes.get(s.event.sha);
        if (!committed)
            missingCommits++;
        else
            leads.push(Math.max(0, s.finishedAt - committed.getTime()));
    }
    const restores = [];
    let open = 0;
    for (const f of failures) {
        if (f.selfRestored) {
            restores.push(f.finishedAt - f.startedAt);
            continue;
        }
        // The next success of the same app (any app, for deployments without a record): a deploy or a rollback.
        const next = all.find((c) => c.ok &&
            c.finishedAt > f.finishedAt &&
            (f.app === undefined || c.app === undefined || c.app === f.app));
        if (next)
            restores.push(next.finishedAt - f.startedAt);
        else
            open++;
    }
    const durations = deploys.filter((c) => c.event.record).map((c) => c.finishedAt - c.startedAt);
    const windowDays = input.windowMs / metrics_DAY_MS;
    const frequencyPerDay = successes.length / windowDays;
    const changeFailureRate = deploys.length > 0 ? (100 * failures.length) / deploys.length : undefined;
    const leadTime = { ...figure(leads), missingCommits };
    const timeToRestore = { ...figure(restores), open };
    return {
        environment,
        apps: [...new Set(inWindow.map((c) => c.app).filter((a) => a !== undefined))].sort(),
        deployments: deploys.length,
        successful: successes.length,
        failed: failures.length,
        rollbacks: inWindow.filter((c) => c.kind === 'rollback').length,
        frequencyPerDay,
        leadTime,
        ...(changeFailureRate === undefined ? {} : { changeFailureRate }),
        timeToRestore,
        duration: figure(durations),
        unrecorded: inWindow.filter((c) => !c.event.record).length,
        bands: {
            deploymentFrequency: frequencyBand(frequencyPerDay),
            ...(leadTime.medianMs === undefined ? {} : { leadTime: leadTimeBand(leadTime.medianMs) }),
            ...(changeFailureRate === undefined ? {} : { changeFailureRate: failureRateBand(changeFailureRate) }),
            ...(timeToRestore.medianMs === undefined ? {} : { timeToRestore: restoreBand(timeToRestore.medianMs) }),
        },
    };
}
/**
 * Each secret's current value's age, per app, from the records' digests (flyctl's `secrets list` has no
 * dates): now minus the start of the oldest record in the unbroken run of records holding the newest
 * record's digest. Records that could not read the secrets are skipped; a record without the secret ends
 * the run. Names only: a record never holds a value.
 */
function secretAges(events, now, rotateAfterMs) {
    const byApp = new Map();
    for (const e of events) {
        const r = e.record;
        if (!r || !r.secrets)
            continue;
        const startedAt = Date.parse(r.startedAt);
        if (Number.isNaN(startedAt))
            continue;
        byApp.set(r.app, [...(byApp.get(r.app) ?? []), { startedAt, at: r.startedAt, secrets: r.secrets }]);
    }
    const ages = [];
    for (const [app, records] of [...byApp].sort(([a], [b]) => (0,order/* byCodeUnit */.X)(a, b))) {
        const sorted = records.sort((a, b) => b.startedAt - a.startedAt);
        const [newest] = sorted;
        if (!newest)
            continue;
        for (const [name, digest] of Object.entries(newest.secrets).sort(([a], [b]) => (0,order/* byCodeUnit */.X)(a, b))) {
            let oldest = newest;
            let atLeast = true;
            for (const r of sorted.slice(1)) {
                if (r.secrets[name] !== digest) {
                    atLeast = false;
                    break;
                }
                oldest = r;
            }
            const ageMs = now.getTime() - oldest.startedAt;
            ages.push({ app, name, ageMs, since: oldest.at, atLeast, overdue: ageMs > rotateAfterMs });
        }
    }
    return ages;
}

;// CONCATENATED MODULE: ./src/domain/delivery/report.ts
/** Delivery metrics' summary: a table per environment with DORA bands, the "metrics to track", secret ages. */




const BADGE = {
    elite: '🟢 elite',
    high: '🔵 high',
    medium: '🟡 medium',
    low: '🔴 low',
};
const band = (b) => (b ? BADGE[b] : '—');
/** Durations over a day read better in days and hours. */
function span(ms) {
    if (ms === undefined)
        return '—';
    if (ms < 86_400_000)
        return (0,duration/* formatDuration */.a3)(ms);
    const days = Math.floor(ms / 86_400_000);
    const hours = Math.round((ms % 86_400_000) / 3_600_000);
    return hours ? `${days}d${hours}h` : `${days}d`;
}
const fig = (f) => (f.medianMs === undefined ? '—' : `${span(f.medianMs)} (median of ${f.samples})`);
function frequencyText(perDay) {
    if (perDay >= 1)
        return `${perDay.toFixed(1)}/day`;
    if (perDay * 7 >= 1)
        return `${(perDay * 7).toFixed(1)}/week`;
    return `${(perDay * 30).toFixed(1)}/month`;
}
function deliveryMarkdown(metrics, options) {
    const lines = [`### Delivery metrics (last ${formatDays(options.windowMs)})`, ''];
    if (metrics.length === 0)
        lines.push('No GitHub Deployments were found.', '');
    for (const m of metrics) {
        lines.push(`#### ${(0,markdown/* code */.aY)(m.environment)}${m.apps.length ? `: ${m.apps.join(', ')}` : ''}`, '');
        lines.push((0,markdown/* table */.tp)(['metric', 'value', 'DORA band'], [
            [
                'deployment frequency',
                `${frequencyText(m.frequencyPerDay)} (${m.successful} successful of ${m.deployments})`,
                band(m.bands.deploymentFrequency),
            ],
            [
                'lead time for changes',
                fig(m.leadTime) +
                    (m.leadTime.missingCommits ? `, ${m.leadTime.missingCommits} without a commit time` : ''),
                band(m.bands.leadTime),
            ],
            [
                'change failure rate',
                m.changeFailureRate === undefined
                    ? '—'
                    : `${m.changeFailureRate.toFixed(1)}% (${m.failed} of ${m.deployments})`,
                band(m.bands.changeFailureRate),
            ],
            [
                'time to restore',
                fig(m.timeToRestore) + (m.timeToRestore.open ? `, ${m.timeToRestore.open} not restored yet` : ''),
                band(m.bands.timeToRestore),
            ],
            ['deployment duration', fig(m.duration), '—'],
            ['rollbacks', String(m.rollbacks), '—'],
        ]), '');
        if (m.unrecorded > 0)
            lines.push(`${m.unrecorded} deployment(s) have no nuzantara record (other tools, older schemas): counted by their statuses alone.`, '');
    }
    const primary = metrics[0];
    lines.push('#### Metrics to track', '');
    lines.push((0,markdown/* table */.tp)(['metric', 'value'], [
        [
            'deployment frequency',
            primary ? `${frequencyText(primary.frequencyPerDay)} (${primary.environment})` : '—',
        ],
        ['mean time to recovery', primary ? `${span(primary.timeToRestore.medianMs)} (median)` : '—'],
        [
            'change failure rate',
            primary?.changeFailureRate === undefined ? '—' : `${primary.changeFailureRate.toFixed(1)}%`,
        ],
        ['deployment duration', primary ? `${span(primary.duration.medianMs)} (median)` : '—'],
        [
            'test coverage',
            options.tracked.coverage
                ? `${options.tracked.coverage.lines === null ? '—' : `${options.tracked.coverage.lines.toFixed(1)}% lines`} (${options.tracked.coverage.source})`
                : 'not given (coverage-summary)',
        ],
        [
            'vulnerabilities',
            options.tracked.vulnerabilities === undefined
                ? 'not scanned (scan: false)'
                : String(options.tracked.vulnerabilities),
        ],
    ]), '');
    if (options.secrets.length > 0) {
        const overdue = options.secrets.filter((s) => s.overdue);
        lines.push(`#### Secret rotation (every ${formatDays(options.rotateAfterMs)})`, '');
        lines.push((0,markdown/* table */.tp)(['app', 'secret', 'current value set', 'age', 'status'], options.secrets.map((s) => [
            s.app,
            s.name,
            s.since.slice(0, 10),
            `${s.atLeast ? '≥ ' : ''}${formatDays(s.ageMs)}`,
            s.overdue ? '⚠️ rotate' : '✅',
        ])), '');
        if (overdue.length === 0)
            lines.push('Every secret was rotated within the policy.', '');
    }
    for (const n of options.notes)
        lines.push(`- ${n}`);
    if (options.notes.length)
        lines.push('');
    lines.push(`Bands: ${DORA_SOURCE}.`, '');
    return lines.join('\n');
}

// EXTERNAL MODULE: ./src/io/github-api.ts
var github_api = __webpack_require__(61496);
;// CONCATENATED MODULE: ./src/io/github-deployment-history.ts
/**
 * What delivery metrics read from GitHub besides the Deployments (src/io/github-deployments.ts lists
 * those): the repository's environments, and each deployed commit's time from the Git commits API. Every
 * call has a time limit.
 */

const DEFAULT_TIMEOUT_MS = 20_000;
/** The environments the token can see, by name (all pages within one time limit). */
async function listEnvironments(repo) {
    const octokit = await (0,github_api/* githubClient */.$f)(repo.token, repo.apiUrl);
    return (0,github_api/* withDeadline */.NE)(repo.timeoutMs ?? DEFAULT_TIMEOUT_MS, async (signal) => {
        const names = [];
        for (let page = 1; page <= 10; page++) {
            const { data } = await octokit.rest.repos.getAllEnvironments({
                owner: repo.owner,
                repo: repo.repo,
                per_page: 100,
                page,
                request: { signal },
            });
            const found = (data.environments ?? []).map((e) => e.name);
            names.push(...found);
            if (found.length < 100)
                break;
        }
        return names;
    });
}
/** Each commit's committer time; a commit GitHub does not know is left out. A few requests at a time. */
async function commitTimes(repo, shas) {
    const octokit = await (0,github_api/* githubClient */.$f)(repo.token, repo.apiUrl);
    const times = new Map();
    const unique = [...new Set(shas)];
    await (0,github_api/* withDeadline */.NE)(repo.timeoutMs ?? DEFAULT_TIMEOUT_MS, async (signal) => {
        let next = 0;
        const worker = async () => {
            while (next < unique.length) {
                const sha = unique[next++];
                try {
                    const { data } = await octokit.rest.git.getCommit({
                        owner: repo.owner,
                        repo: repo.repo,
                        commit_sha: sha,
                        request: { signal },
                    });
                    const at = Date.parse(data.committer?.date ?? '');
                    if (!Number.isNaN(at))
                        times.set(sha, new Date(at));
                }
                catch (error) {
                    if (signal.aborted)
                        throw error;
                    if (error.status !== 404 && error.status !== 422)
                        throw error;
                }
            }
        };
        await Promise.all(Array.from({ length: Math.min(4, unique.length) }, worker));
    });
    return times;
}

// EXTERNAL MODULE: ./src/io/github-deployments.ts
var github_deployments = __webpack_require__(11684);
;// CONCATENATED MODULE: ./src/commands/monitor-delivery.ts
/**
 * The monitor's delivery metrics: DORA figures per environment from the GitHub Deployments the deploy and
 * rollback actions record, joined with test coverage (the coverage gate's summary JSON) and the scan's
 * vulnerability count into one "metrics to track" table; and each secret's age against `rotate-after`.
 */












const monitor_delivery_DAY_MS = 86_400_000;
function readDeliverySettings(input, context) {
    const coverage = input.optional('coverage-summary');
    const token = input.secret('github-token');
    return {
        enabled: input.boolean('delivery-metrics'),
        windowMs: parseSpan('metrics-window', input.text('metrics-window'), { maxMs: 365 * monitor_delivery_DAY_MS }),
        environments: [...new Set(input.list('environments'))],
        rotateAfterMs: parseSpan('rotate-after', input.text('rotate-after'), { maxMs: 3650 * monitor_delivery_DAY_MS }),
        ...(coverage ? { coverageSummary: (0,external_node_path_.resolve)(context.workspace, coverage) } : {}),
        ...(token ? { githubToken: token } : {}),
    };
}
/** Deployments read per environment, newest first: enough for a busy month and a 90-day rotation. */
const DEPLOYMENTS_PER_ENVIRONMENT = 300;
function githubDelivery(token, apiUrl, repository) {
    const repo = { token, apiUrl, ...repository, timeoutMs: 60_000 };
    return {
        environments: () => listEnvironments(repo),
        async deployments(environment) {
            const listed = await (0,github_deployments/* listDeployments */.J)({
                ...repo,
                ...(environment ? { environment } : {}),
                limit: DEPLOYMENTS_PER_ENVIRONMENT,
                withStatus: true,
            });
            return listed.map((d) => {
                const record = (0,deploy_record/* parseRecord */.Hh)(d.payload);
                return {
                    id: d.id,
                    environment: d.environment,
                    sha: d.sha,
                    createdAt: d.createdAt,
                    ...(d.latestStatus ? { state: d.latestStatus.state, statusAt: d.latestStatus.createdAt } : {}),
                    ...(record ? { record } : {}),
                };
            });
        },
        commitTimes: (shas) => commitTimes(repo, shas),
    };
}
async function readCoverage(path, notes) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        notes.push(`coverage-summary ${path} could not be read (${error.code ?? (0,errors/* errorMessage */.gJ)(error)}), so coverage is not shown`);
        return undefined;
    }
    try {
        const baseline = (0,summary_json/* parseBaseline */.nk)(path, text);
        return {
            lines: (0,model/* percent */.KN)(baseline.totals.lines) ?? null,
            source: baseline.commit ? `commit ${baseline.commit.slice(0, 7)}` : 'coverage-summary',
        };
    }
    catch (error) {
        if (error instanceof errors/* InputError */.dz)
            throw new errors/* InputError */.dz('coverage-summary', error.problem, error.fix);
        throw error;
    }
}
/** The environment the outputs describe: the first one named, else production, else the busiest. */
function primaryFirst(metrics, named) {
    const primary = metrics.find((m) => m.environment === named[0]) ??
        metrics.find((m) => m.environment === 'production') ??
        [...metrics].sort((a, b) => b.deployments - a.deployments)[0];
    return primary ? [primary, ...metrics.filter((m) => m !== primary)] : metrics;
}
const seconds = (ms) => (ms === undefined ? '' : String(Math.round(ms / 1000)));
async function runDeliveryCheck(host, settings, ports = {}) {
    const now = (ports.now ?? (() => new Date()))();
    const notes = [];
    const tracked = {
        ...(ports.vulnerabilities === undefined ? {} : { vulnerabilities: ports.vulnerabilities }),
    };
    if (settings.coverageSummary) {
        const coverage = await readCoverage(settings.coverageSummary, notes);
        if (coverage)
            tracked.coverage = coverage;
    }
    const { repository, apiUrl } = host.context;
    let github = ports.github;
    if (!github && !settings.githubToken)
        notes.push('github-token is empty, so the GitHub Deployments cannot be read: give a token with `permissions: deployments: read`');
    else if (!github && !repository)
        notes.push('the repository is unknown (GITHUB_REPOSITORY), so its GitHub Deployments cannot be read');
    else if (!github)
        github = githubDelivery(settings.githubToken, apiUrl, repository);
    const events = [];
    let environments = settings.environments;
    if (github) {
        if (environments.length === 0) {
            try {
                environments = await github.environments();
            }
            catch (error) {
                notes.push(`the environments could not be listed (${(0,errors/* errorMessage */.gJ)(error)}): every deployment the token can see is read instead`);
            }
        }
        const reads = environments.length > 0 ? environments : [undefined];
        for (const environment of reads) {
            try {
                events.push(...(await github.deployments(environment)));
            }
            catch (error) {
                notes.push(`the deployments${environment ? ` of ${environment}` : ''} could not be read (${(0,errors/* errorMessage */.gJ)(error)}), so they are not counted`);
            }
        }
        if (environments.length === 0)
            environments = [...new Set(events.map((e) => e.environment))].sort();
    }
    const from = now.getTime() - settings.windowMs;
    const shas = events
        .filter((e) => Date.parse(e.record?.finishedAt ?? e.createdAt) >= from)
        .map((e) => e.sha)
        .filter((s) => /^[0-9a-f]{7,40}$/i.test(s));
    let times = new Map();
    if (github && shas.length > 0) {
        try {
            times = await github.commitTimes(shas);
        }
        catch (error) {
            notes.push(`commit times could not be read (${(0,errors/* errorMessage */.gJ)(error)}), so lead time is unknown`);
        }
    }
    const metrics = primaryFirst(environments.map((environment) => environmentMetrics(environment, { events, now, windowMs: settings.windowMs, commitTimes: times })), settings.environments);
    const ages = secretAges(events, now, settings.rotateAfterMs);
    for (const s of ages.filter((a) => a.overdue))
        host.warning(`Secret ${s.name} of ${s.app} has had the same value for ${s.atLeast ? 'at least ' : ''}${formatDays(s.ageMs)} (since ${s.since.slice(0, 10)}), past rotate-after (${formatDays(settings.rotateAfterMs)}): rotate it and deploy.`);
    for (const n of notes)
        host.warning(`Delivery metrics: ${n}.`);
    for (const m of metrics)
        host.info(`${m.environment}: ${frequencyText(m.frequencyPerDay)}, lead time ${span(m.leadTime.medianMs)}, change failure rate ${m.changeFailureRate === undefined ? '—' : `${m.changeFailureRate.toFixed(1)}%`}, time to restore ${span(m.timeToRestore.medianMs)}`);
    const primary = metrics[0];
    const overdue = ages.filter((a) => a.overdue).length;
    return {
        name: 'delivery',
        status: statusOf([], notes.length + overdue),
        headline: primary
            ? `Delivery (${primary.environment}): ${frequencyText(primary.frequencyPerDay)}, change failure rate ${primary.changeFailureRate === undefined ? '—' : `${primary.changeFailureRate.toFixed(1)}%`}${overdue ? `, ${overdue} secret(s) to rotate` : ''}`
            : 'Delivery: no deployments read',
        markdown: deliveryMarkdown(metrics, {
            windowMs: settings.windowMs,
            tracked,
            secrets: ages,
            rotateAfterMs: settings.rotateAfterMs,
            notes,
        }),
        outputs: {
            'delivery-environment': primary?.environment ?? '',
            'deployment-frequency': primary ? primary.frequencyPerDay.toFixed(3) : '',
            'lead-time': seconds(primary?.leadTime.medianMs),
            'change-failure-rate': primary?.changeFailureRate === undefined ? '' : primary.changeFailureRate.toFixed(1),
            'time-to-restore': seconds(primary?.timeToRestore.medianMs),
            'secrets-to-rotate': String(overdue),
        },
        report: {
            window: { from: new Date(from).toISOString(), to: now.toISOString() },
            environments: metrics,
            tracked,
            secrets: ages,
            notes,
        },
        failures: [],
    };
}

// EXTERNAL MODULE: ./src/domain/vulns/allowlist.ts
var allowlist = __webpack_require__(40222);
;// CONCATENATED MODULE: ./src/domain/vulns/types.ts
/** The vulnerability scan's data: dependencies read from lockfiles, advisories, findings and the report. */
/** The fail-on-severity choices (here, not in severity.ts, so reading the input loads no CVSS calculator). */
const FAIL_ON = ['low', 'medium', 'high', 'critical', 'none'];

// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var dist = __webpack_require__(3292);
// EXTERNAL MODULE: ./src/domain/vulns/lockfiles.ts
var lockfiles = __webpack_require__(9161);
// EXTERNAL MODULE: ./src/io/files.ts
var io_files = __webpack_require__(33839);
;// CONCATENATED MODULE: ./src/io/lockfiles.ts
/**
 * Finds the lockfiles of what is deployed: by default each app directory (one holding a fly.toml) with a
 * lockfile; else the `scan-paths` globs, each naming app directories or lockfiles. Reads them for the scan.
 */




/** The app a directory deploys: fly.toml's `app`, else the directory itself. */
async function appName(cwd, directory) {
    const path = (0,external_node_path_.join)(cwd, directory, 'fly.toml');
    if (!(await (0,io_files/* isFile */.fo)(path)))
        return directory;
    try {
        const app = (0,dist/* parse */.qg)(await (0,io_files/* readText */.yR)(path)).app;
        return typeof app === 'string' && app.trim() ? app.trim() : directory;
    }
    catch {
        return directory;
    }
}
async function findLockfiles(cwd, patterns) {
    const excludes = patterns.filter((p) => p.startsWith('!'));
    let files;
    const unmatched = [];
    if (patterns.filter((p) => !p.startsWith('!')).length === 0) {
        const tomls = await (0,io_files/* expandGlobs */.GE)(cwd, ['**/fly.toml', ...excludes]);
        const dirs = [...new Set(tomls.files.map((f) => (0,external_node_path_.dirname)(f)))];
        files = (await (0,io_files/* expandGlobs */.GE)(cwd, [...dirs.flatMap((d) => lockfiles/* LOCKFILE_NAMES */.dD.map((n) => posix(d, n))), ...excludes])).files;
    }
    else {
        files = [];
        for (const pattern of patterns.filter((p) => !p.startsWith('!'))) {
            const expanded = (0,lockfiles/* lockfileFormat */.fq)(pattern)
                ? [pattern]
                : lockfiles/* LOCKFILE_NAMES */.dD.map((n) => posix(pattern.replace(/\/+$/, ''), n));
            const found = (await (0,io_files/* expandGlobs */.GE)(cwd, [...expanded, ...excludes])).files.filter((f) => (0,lockfiles/* lockfileFormat */.fq)(f));
            if (found.length === 0)
                unmatched.push(pattern);
            files.push(...found);
        }
    }
    const byDir = new Map();
    for (const file of [...new Set(files)].sort()) {
        const dir = (0,external_node_path_.dirname)(file);
        byDir.set(dir, [...(byDir.get(dir) ?? []), file]);
    }
    const apps = [];
    for (const [directory, lockfiles] of byDir) {
        apps.push({
            app: await appName(cwd, directory),
            directory,
            lockfiles: await Promise.all(lockfiles.map(async (file) => ({ file, text: await (0,io_files/* readText */.yR)((0,external_node_path_.join)(cwd, file)) }))),
        });
    }
    return { apps, unmatched };
}
const posix = (dir, name) => (dir === '.' || dir === '' ? name : `${dir}/${name}`);

;// CONCATENATED MODULE: ./src/commands/monitor-scan.ts
/**
 * The monitor's vulnerability scan: the lockfiles of what is deployed, checked against OSV, judged by one
 * threshold (`fail-on-severity`) and one expiring allowlist, reported per app, optionally as SARIF.
 */







const DEFAULT_OSV_URL = 'https://api.osv.dev';
/** Reads every scan input (also when the scan is off, so a typo fails now); credentials in osv-url are masked by the input reader. */
function readScanSettings(input, context) {
    const osvUrl = input.optionalUrl('osv-url') ?? new URL(DEFAULT_OSV_URL);
    const sarif = input.optional('sarif-path');
    return {
        enabled: input.boolean('scan'),
        paths: input.globs('scan-paths'),
        osvUrl,
        failOn: input.choice('fail-on-severity', FAIL_ON),
        allowlist: (0,allowlist/* parseAllowlist */.JK)('allowlist', input.text('allowlist')),
        ...(sarif ? { sarifPath: (0,external_node_path_.resolve)(context.workspace, sarif) } : {}),
    };
}
/** The file the scan writes, checked before any check runs (the deeper check's prepare). */
async function checkScanPaths(settings) {
    if (settings.enabled && settings.sarifPath)
        await (0,paths/* checkPaths */.n)([{ input: 'sarif-path', path: settings.sarifPath, is: 'output-file' }]);
}
async function runScanCheck(host, settings, ports = {}) {
    // The scanner (with its CVSS calculator and version ranges) loads only when a scan runs.
    const [{ scanVulnerabilities }, { findingLine, scanMarkdown, scanSarif, scanVerdict }, { describeBase, osvClient },] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(353), __webpack_require__.e(88), __webpack_require__.e(78)]).then(__webpack_require__.bind(__webpack_require__, 75078)),
        Promise.all(/* import() */[__webpack_require__.e(353), __webpack_require__.e(473)]).then(__webpack_require__.bind(__webpack_require__, 473)),
        Promise.all(/* import() */[__webpack_require__.e(353), __webpack_require__.e(268)]).then(__webpack_require__.bind(__webpack_require__, 97268)),
    ]);
    const now = (ports.now ?? (() => new Date()))();
    const found = await (ports.findLockfiles ?? findLockfiles)(host.context.workspace, settings.paths);
    for (const pattern of found.unmatched)
        host.warning(`scan-paths: ${JSON.stringify(pattern)} matched no lockfile (${'package-lock.json, requirements.txt, poetry.lock, uv.lock'}), so nothing there was scanned.`);
    const apps = found.apps;
    const osv = ports.osv ?? osvClient({ baseUrl: settings.osvUrl });
    host.info(`Scanning ${apps.reduce((n, a) => n + a.lockfiles.length, 0)} lockfile(s) in ${apps.length} app(s) against ${describeBase(settings.osvUrl)}`);
    const report = await scanVulnerabilities(apps, { failOn: settings.failOn, allowlist: settings.allowlist, now }, osv);
    if (apps.length === 0)
        report.notChecked.push(settings.paths.length === 0
            ? 'no app directory (a directory with a fly.toml) holds a lockfile, so no dependency was scanned: name the lockfiles in scan-paths'
            : 'scan-paths matched no lockfile, so no dependency was scanned');
    for (const note of report.notes)
        host.warning(`${note.message}.`, {
            file: note.file,
            ...(note.line ? { line: note.line } : {}),
            title: 'Not scanned',
        });
    for (const what of report.notChecked)
        host.warning(`Vulnerability scan incomplete: ${what}.`);
    for (const f of report.findings) {
        const where = {
            file: f.file,
            ...(f.line ? { line: f.line } : {}),
            title: `${f.advisory} in ${f.package}`,
        };
        if (f.counts)
            host.error(findingLine(f), where);
        else if (!f.allowlisted || f.allowlisted.status === 'expired')
            host.notice(findingLine(f), where);
    }
    for (const a of report.allowlist) {
        if (a.status === 'expiring')
            host.warning(`allowlist: ${a.entry.id} expires on ${a.entry.expires} (${(0,allowlist/* daysLeft */.H_)(a.entry, now)} day(s) left); after that it counts again. Fix it, or renew the entry with a reason.`);
        else if (a.status === 'expired' && a.matched > 0)
            host.warning(`allowlist: ${a.entry.id} expired on ${a.entry.expires}, so it counts again. Fix it, or renew the entry with a reason.`);
    }
    if (settings.sarifPath) {
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(settings.sarifPath), { recursive: true });
        await (0,promises_.writeFile)(settings.sarifPath, `${host.redact(JSON.stringify(scanSarif(report, ports.toolVersion ?? '1'), null, 2))}\n`);
        host.info(`SARIF written to ${settings.sarifPath}`);
    }
    const failures = report.vulnerabilities > 0
        ? [
            `${report.vulnerabilities} vulnerabilit${report.vulnerabilities === 1 ? 'y' : 'ies'} at or above ${settings.failOn}: ${report.findings
                .filter((f) => f.counts)
                .slice(0, 5)
                .map((f) => `${f.advisory} in ${f.package} ${f.version} (${f.app})`)
                .join(', ')}${report.vulnerabilities > 5 ? ', …' : ''}`,
        ]
        : [];
    const warnings = report.notChecked.length +
        report.notes.length +
        report.allowlist.filter((a) => a.status === 'expiring').length;
    return {
        name: 'vulnerabilities',
        status: statusOf(failures, warnings),
        headline: `Vulnerabilities: ${scanVerdict(report)}`,
        markdown: scanMarkdown(report),
        outputs: {
            vulnerabilities: String(report.vulnerabilities),
            ...(settings.sarifPath ? { 'sarif-path': settings.sarifPath } : {}),
        },
        report,
        failures,
    };
}

;// CONCATENATED MODULE: ./src/commands/monitor-deeper.ts





/** Reads every input of the deeper checks (each InputError names its input; the reader masks secrets). */
function readDeeperSettings(input, context) {
    return {
        scan: readScanSettings(input, context),
        benchmark: readBenchmarkSettings(input),
        delivery: readDeliverySettings(input, context),
    };
}
/** Checks the settings against the monitor's targets before any check runs: a benchmark of an unknown name is an InputError. */
function checkDeeperTargets(settings, targets) {
    resolveBenchmarkTargets(settings.benchmark, targets);
}
async function runDeeperChecks(host, settings, ports) {
    const sections = [];
    let vulnerabilities;
    const now = ports.now ? { now: ports.now } : {};
    if (settings.scan.enabled) {
        const scan = await host.group('Vulnerability scan', () => runScanCheck(host, settings.scan, now));
        vulnerabilities = Number(scan.outputs.vulnerabilities);
        sections.push(scan);
    }
    if (settings.benchmark.targets.length > 0)
        sections.push(await host.group('Benchmark', () => runBenchmarkCheck(host, settings.benchmark, {
            targets: ports.targets,
            ...(ports.benchmarkHistory === undefined ? {} : { history: ports.benchmarkHistory }),
            ...now,
        })));
    if (settings.delivery.enabled)
        sections.push(await host.group('Delivery metrics', () => runDeliveryCheck(host, settings.delivery, {
            ...(vulnerabilities === undefined ? {} : { vulnerabilities }),
            ...now,
        })));
    return sections;
}
const STATUS = { pass: 'up', warn: 'degraded', fail: 'down' };
const monitor_deeper_isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The history's deeper parts, newest first; the history is read back from files, so nothing is trusted. */
const kept = (history) => history
    .map((r) => r.checks?.deeper)
    .filter(monitor_deeper_isObject)
    .reverse();
function previousStatus(history, name) {
    for (const part of kept(history)) {
        const status = monitor_deeper_isObject(part.status) ? part.status[name] : undefined;
        if ((0,judge/* isMonitorStatus */.Lk)(status))
            return status;
    }
    return 'up';
}
/** The benchmark after the monitor's targets, GET or HEAD only: a POST named is an InputError before anything runs. */
function benchmarkTargets(settings, targets) {
    for (const name of settings.benchmark.targets)
        if (targets.find((t) => t.name === name)?.method === 'POST')
            throw new errors/* InputError */.dz('benchmark', `${JSON.stringify(name)} is a POST target`, 'Benchmark GET or HEAD targets only: a load test repeats the request thousands of times.');
    const loadable = targets.flatMap((t) => t.method === 'POST'
        ? []
        : [{ name: t.name, url: t.url, method: t.method, headers: t.headers, timeoutMs: t.timeoutMs }]);
    checkDeeperTargets(settings, loadable);
    return loadable;
}
/**
 * The deeper checks as one of the monitor's checks (id `deeper`): on when any of them is; each check keeps
 * its own summary section, outputs, report part (checks.deeper.<name>) and history part; pass, warn and
 * fail are up, degraded and down; a failure is a problem, and so is a warning's headline (degraded).
 */
const deeperCheck = {
    id: 'deeper',
    read(input, context) {
        const deeper = readDeeperSettings(input, context);
        const on = deeper.scan.enabled || deeper.benchmark.targets.length > 0 || deeper.delivery.enabled;
        return on ? { deeper, targets: [] } : undefined;
    },
    async prepare(_host, settings, targets) {
        // The files these checks name, before any check runs: a bad one stops the run before the uptime
        // check has touched an incident.
        const { scan, delivery } = settings.deeper;
        await checkScanPaths(scan);
        if (delivery.enabled && delivery.coverageSummary)
            await readCoverage(delivery.coverageSummary, []);
        return { ...settings, targets: benchmarkTargets(settings.deeper, targets) };
    },
    async run(host, settings, run) {
        const lastBenchmark = run.history && kept(run.history).find((p) => p.benchmark !== undefined);
        const sections = await runDeeperChecks(host, settings.deeper, {
            targets: settings.targets,
            // undefined: no history at all; null: a history without a benchmark yet.
            ...(run.history ? { benchmarkHistory: lastBenchmark ? lastBenchmark.benchmark : null } : {}),
        });
        const changes = [];
        for (const s of sections) {
            const from = previousStatus(run.history ?? [], s.name);
            const to = STATUS[s.status];
            if (from === to)
                continue;
            changes.push({ check: s.name, subject: s.name, from, to, detail: s.failures.join('; ') || s.headline });
            host.info(`Status change: ${s.name} ${from} → ${to}`);
        }
        const benchmark = sections.find((s) => s.name === 'benchmark')?.history;
        const history = {
            status: Object.fromEntries(sections.map((s) => [s.name, STATUS[s.status]])),
            ...(benchmark === undefined ? {} : { benchmark }),
        };
        return {
            status: (0,judge/* worstStatus */.A4)(sections.map((s) => STATUS[s.status])),
            outputs: Object.assign({}, ...sections.map((s) => s.outputs)),
            summary: `${sections.map((s) => s.markdown.trimEnd()).join('\n\n')}\n`,
            report: Object.fromEntries(sections.map((s) => [
                s.name,
                { status: STATUS[s.status], headline: s.headline, failures: s.failures, report: s.report },
            ])),
            problems: sections.flatMap((s) => s.status === 'fail'
                ? s.failures.map((text) => ({ status: 'down', text }))
                : s.status === 'warn'
                    ? [{ status: 'degraded', text: s.headline }]
                    : []),
            changes,
            history,
        };
    },
};

// EXTERNAL MODULE: ./src/commands/monitor-uptime.ts + 4 modules
var monitor_uptime = __webpack_require__(64795);
// EXTERNAL MODULE: ./src/commands/report.ts
var commands_report = __webpack_require__(8938);
;// CONCATENATED MODULE: ./src/commands/monitor.ts
/**
 * `monitor` (the prod-monitor action): a list of check modules, each reading its own inputs and adding a
 * section to the report, the summary, the outputs and the history; this module reads what they share,
 * reads the history, runs them, appends the run to the history, posts the status changes to the webhooks,
 * writes the report and fails the step by `fail-on`.
 *
 * Each check (uptime; the deeper checks: the scan, the benchmark, delivery metrics) is one MonitorCheck in
 * MONITOR_CHECKS:
 * `read` takes its inputs (all of them, synchronously, even when it is off; undefined turns it off) and
 * masks the secrets among them; `prepare` (optional) reads and checks files before any check runs, so a
 * bad input stops the run before anything is requested, and gets the targets the checks before it loaded
 * (`targets`: the uptime check's); `run` gets the recent runs (MonitorRun.history, its own part under
 * `checks[id]`) and returns its CheckOutcome, whose `history` is kept for the next run. Its inputs go into
 * actions/prod-monitor/action.yml.
 */













const monitor_FAIL_ON = ['down', 'degraded', 'never'];
/** The checks, in the order they run and report. */
const MONITOR_CHECKS = [
    monitor_uptime/* uptimeCheck */.Pe,
    deeperCheck,
];
/** `mask`: the host's, for secrets the readers find inside inputs (the input reader masks whole ones). */
function readMonitorSettings(input, context, mask = () => undefined) {
    const checks = [];
    for (const check of MONITOR_CHECKS) {
        const settings = check.read(input, context, mask);
        if (settings !== undefined)
            checks.push({ check, settings });
    }
    const githubToken = input.secret('github-token');
    const notifyWebhook = input.secretUrl('notify-webhook');
    const notifyJsonWebhook = input.secretUrl('notify-json-webhook');
    return {
        failOn: input.choice('fail-on', monitor_FAIL_ON),
        reportPath: (0,external_node_path_.resolve)(context.workspace, input.optional('report-path') ?? (0,external_node_path_.join)(context.tempDir, 'prod-monitor-report.json')),
        ...(githubToken ? { githubToken } : {}),
        ...(notifyWebhook ? { notifyWebhook } : {}),
        ...(notifyJsonWebhook ? { notifyJsonWebhook } : {}),
        history: readHistorySettings(input, context.workspace),
        checks,
    };
}
async function postChanges(host, settings, changes, status, startedAt) {
    if (changes.length === 0)
        return [];
    const notes = [];
    const { runUrl, repository } = host.context;
    if (settings.notifyWebhook) {
        // Loaded only when needed: the module brings the GitHub client, most of the bundle's start-up.
        const { notify } = await __webpack_require__.e(/* import() */ 182).then(__webpack_require__.bind(__webpack_require__, 42182));
        await notify(host, settings.notifyWebhook, (0,monitor_report/* changesText */.Tb)(changes, runUrl));
        notes.push('Posted the status changes to notify-webhook.');
    }
    if (settings.notifyJsonWebhook) {
        const payload = (0,monitor_report/* changesPayload */.c9)(changes, {
            status,
            at: startedAt.toISOString(),
            ...(repository ? { repository: `${repository.owner}/${repository.repo}` } : {}),
            ...(runUrl ? { runUrl } : {}),
        });
        try {
            await (0,notify/* postWebhook */.W)(settings.notifyJsonWebhook, JSON.parse(host.redact(JSON.stringify(payload))));
            notes.push('Posted the status changes to notify-json-webhook.');
        }
        catch (error) {
            host.warning(`Could not post to notify-json-webhook (${(0,errors/* errorMessage */.gJ)(error)}).`);
        }
    }
    return notes;
}
/** The lines the step fails with under fail-on, or none. */
function failures(outcomes, failOn) {
    if (failOn === 'never')
        return [];
    const threshold = (0,judge/* severity */.yf)(failOn);
    return outcomes.flatMap((o) => o.problems.filter((p) => (0,judge/* severity */.yf)(p.status) >= threshold).map((p) => p.text));
}
async function monitor(host) {
    const startedAt = new Date();
    const settings = readMonitorSettings((0,inputs/* inputReader */.c)(host), host.context, (secret) => host.mask(secret));
    await (0,paths/* checkPaths */.n)([
        { input: 'report-path', path: settings.reportPath, is: 'output-file' },
        ...(settings.history.path
            ? [{ input: 'history-path', path: settings.history.path, is: 'output-file' }]
            : []),
    ]);
    const prepared = [];
    const targets = [];
    for (const { check, settings: checkSettings } of settings.checks) {
        const ready = check.prepare ? await check.prepare(host, checkSettings, targets) : checkSettings;
        targets.push(...(check.targets?.(ready) ?? []));
        prepared.push({ check, settings: ready });
    }
    const history = await historyEdge(host, settings.history, settings.githubToken);
    const recent = await readRecentRuns(host, history, startedAt, settings.history.chartRuns);
    const run = {
        startedAt,
        ...(settings.githubToken ? { githubToken: settings.githubToken } : {}),
        ...(recent ? { history: recent } : {}),
        chartRuns: settings.history.chartRuns,
    };
    const outcomes = [];
    for (const { check, settings: checkSettings } of prepared)
        outcomes.push({ id: check.id, outcome: await check.run(host, checkSettings, run) });
    const status = (0,judge/* worstStatus */.A4)(outcomes.map((o) => o.outcome.status));
    const changes = outcomes.flatMap((o) => o.outcome.changes);
    const others = outcomes.filter((o) => o.id !== 'uptime' && o.outcome.history !== undefined);
    const record = (0,monitor_history/* historyRecord */.Eo)({
        at: startedAt,
        ...(host.context.runUrl ? { runUrl: host.context.runUrl } : {}),
        status,
        targets: (outcomes.find((o) => o.id === 'uptime')?.outcome.history ?? []),
        checks: Object.fromEntries(others.map((o) => [o.id, o.outcome.history])),
    });
    const notes = [
        ...outcomes.flatMap((o) => o.outcome.notes ?? []),
        await appendRun(host, history, record),
        ...(await postChanges(host, settings, changes, status, startedAt)),
    ];
    const report = {
        version: 1,
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        status,
        ...(host.context.runUrl ? { runUrl: host.context.runUrl } : {}),
        changes,
        checks: Object.fromEntries(outcomes.map((o) => [o.id, o.outcome.report])),
    };
    await (0,commands_report/* writeJsonReport */.a_)(settings.reportPath, report, host);
    for (const { outcome } of outcomes)
        (0,commands_report/* setOutputs */.n0)(host, outcome.outputs);
    (0,commands_report/* setOutputs */.n0)(host, { status, report: settings.reportPath });
    host.result({ report });
    await host.summary((0,monitor_report/* fitSummary */.mW)(`## prod-monitor: ${judge/* STATUS_ICON */.tW[status]} ${status}\n`, outcomes.map((o) => o.outcome.summary), `\n${notes.map((n) => `- ${n}\n`).join('')}`, monitor_report/* SUMMARY_LIMIT */.Jt, `the JSON report (${(0,markdown/* code */.aY)(settings.reportPath)})`));
    const failed = failures(outcomes.map((o) => o.outcome), settings.failOn);
    if (failed.length > 0)
        throw new errors/* CheckFailed */.EC(`prod-monitor: ${status} (fail-on: ${settings.failOn}): ${failed.join('; ')}. See the job summary and the report.`);
}


/***/ }),

/***/ 41162:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CG: () => (/* binding */ ratio),
/* harmony export */   Cb: () => (/* binding */ METRICS),
/* harmony export */   J: () => (/* binding */ countersFromDetail),
/* harmony export */   KN: () => (/* binding */ percent),
/* harmony export */   Q8: () => (/* binding */ fileFromRecord),
/* harmony export */   Sd: () => (/* binding */ totals),
/* harmony export */   hJ: () => (/* binding */ counter),
/* harmony export */   l9: () => (/* binding */ formatPercent),
/* harmony export */   nD: () => (/* binding */ mergeFile),
/* harmony export */   zE: () => (/* binding */ emptyDetail)
/* harmony export */ });
/* unused harmony export mergeDetail */
/**
 * The coverage model every report format parses into: per file, four counters (lines, branches, functions,
 * statements) and, for the files that need it, line-level detail (hits per line, branches per line,
 * hits per function, hits per statement).
 *
 * Detail is kept only where it is needed (changed files for patch coverage, files reported twice that must
 * be merged exactly): that keeps memory proportional to the number of files, not to the report's size.
 */
const METRICS = ['lines', 'branches', 'functions', 'statements'];
const counter = (found = 0, hit = 0) => ({ found, hit });
/** Exact percentage, or undefined when nothing was found (no data is not 0 %). */
function ratio(c) {
    if (c.found <= 0)
        return undefined;
    return (Math.min(c.hit, c.found) / c.found) * 100;
}
/** Percentage rounded down to two decimals, so a value shown as passing never fails a gate. */
function percent(c) {
    const r = ratio(c);
    return r === undefined ? undefined : Math.floor(r * 100 + 1e-9) / 100;
}
function formatPercent(c) {
    const p = percent(c);
    return p === undefined ? 'n/a' : `${p.toFixed(2)}%`;
}
/** Counters recomputed from line-level detail. */
function countersFromDetail(detail) {
    const lines = counter();
    for (const hits of detail.lines.values()) {
        lines.found++;
        if (hits > 0)
            lines.hit++;
    }
    const branches = counter();
    for (const b of detail.branches.values()) {
        branches.found += b.found;
        branches.hit += Math.min(b.hit, b.found);
    }
    const functions = counter();
    for (const hits of detail.functions.values()) {
        functions.found++;
        if (hits > 0)
            functions.hit++;
    }
    let statements;
    if (detail.statements) {
        statements = counter();
        for (const hits of detail.statements.values()) {
            statements.found++;
            if (hits > 0)
                statements.hit++;
        }
    }
    return { lines, branches, functions, statements };
}
function emptyDetail() {
    return { lines: new Map(), branches: new Map(), functions: new Map() };
}
function addHits(into, from) {
    for (const [key, hits] of from)
        into.set(key, (into.get(key) ?? 0) + hits);
}
/** Union of two files' detail: hits add up; branches on a line take the larger found and hit. */
function mergeDetail(a, b) {
    const merged = {
        lines: new Map(a.lines),
        branches: new Map([...a.branches].map(([line, c]) => [line, { ...c }])),
        functions: new Map(a.functions),
    };
    addHits(merged.lines, b.lines);
    for (const [line, c] of b.branches) {
        const existing = merged.branches.get(line);
        if (!existing)
            merged.branches.set(line, { ...c });
        else {
            existing.found = Math.max(existing.found, c.found);
            existing.hit = Math.max(existing.hit, c.hit);
        }
    }
    addHits(merged.functions, b.functions);
    if (a.statements && b.statements) {
        merged.statements = new Map(a.statements);
        addHits(merged.statements, b.statements);
    }
    else if (a.statements ?? b.statements) {
        merged.statements = new Map(a.statements ?? b.statements);
    }
    return merged;
}
const larger = (a, b) => ({
    found: Math.max(a.found, b.found),
    hit: Math.max(a.hit, b.hit),
});
/** Takes the record's counters as they are (parsers make fresh ones per record; nothing mutates them later). */
function fileFromRecord(path, record) {
    return {
        path,
        lines: record.lines,
        branches: record.branches,
        functions: record.functions,
        statements: record.statements ?? record.lines,
        detail: record.detail,
        summaryOnly: record.summaryOnly ?? false,
        records: 1,
        approximate: false,
    };
}
/**
 * Merges a second record of the same file. With detail on both sides the union is exact; otherwise the
 * counters take the larger of each side and the result is marked approximate.
 */
function mergeFile(existing, record) {
    const incoming = fileFromRecord(existing.path, record);
    if (existing.detail && incoming.detail) {
        const detail = mergeDetail(existing.detail, incoming.detail);
        const c = countersFromDetail(detail);
        return {
            ...existing,
            lines: c.lines,
            branches: c.branches,
            functions: c.functions,
            statements: c.statements ?? c.lines,
            detail,
            records: existing.records + 1,
        };
    }
    return {
        path: existing.path,
        lines: larger(existing.lines, incoming.lines),
        branches: larger(existing.branches, incoming.branches),
        functions: larger(existing.functions, incoming.functions),
        statements: larger(existing.statements, incoming.statements),
        detail: existing.detail ?? incoming.detail,
        summaryOnly: existing.summaryOnly && incoming.summaryOnly,
        records: existing.records + 1,
        approximate: true,
    };
}
function totals(files) {
    const t = { lines: counter(), branches: counter(), functions: counter(), statements: counter() };
    // Spelled out per metric: a loop over METRICS with computed keys cost more than the sums on large reports.
    for (const file of files) {
        add(t.lines, file.lines);
        add(t.branches, file.branches);
        add(t.functions, file.functions);
        add(t.statements, file.statements);
    }
    return t;
}
function add(into, c) {
    into.found += c.found;
    into.hit += Math.min(c.hit, c.found);
}


/***/ }),

/***/ 48914:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D5: () => (/* binding */ summaryJson),
/* harmony export */   nk: () => (/* binding */ parseBaseline)
/* harmony export */ });
/* unused harmony exports SUMMARY_SCHEMA, buildSummary */
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(59677);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(41162);
/**
 * The summary this action writes on every run: totals, patch coverage and per-file counters. Written on the
 * default branch and uploaded as an artifact, it is the baseline a pull request's run reads back for
 * `max-drop` and per-file deltas, with no external service.
 */


const SUMMARY_SCHEMA = 'coverage-gate/summary@1';
const withPct = (c) => ({ found: c.found, hit: c.hit, pct: (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .percent */ .KN)(c) ?? null });
/**
 * The summary as JSON text in pieces of about 64 KiB, files in report order: written piece by piece, a
 * report with hundreds of thousands of files never becomes one object or one string.
 */
function* summaryJson(input) {
    const head = {
        schema: SUMMARY_SCHEMA,
        title: input.title,
        commit: input.commit,
        ref: input.ref,
        createdAt: input.now.toISOString(),
        passed: input.passed,
        totals: Object.fromEntries(_model_js__WEBPACK_IMPORTED_MODULE_1__/* .METRICS */ .Cb.map((m) => [m, withPct(input.totals[m])])),
        patch: input.patch ? withPct(input.patch) : null,
    };
    let piece = `${JSON.stringify(head).slice(0, -1)},"files":{`;
    let first = true;
    for (const f of input.files) {
        piece += `${first ? '' : ','}\n${JSON.stringify(f.path)}:{"lines":[${f.lines.found},${f.lines.hit}],"branches":[${f.branches.found},${f.branches.hit}],"functions":[${f.functions.found},${f.functions.hit}],"statements":[${f.statements.found},${f.statements.hit}]}`;
        first = false;
        if (piece.length >= 65536) {
            yield piece;
            piece = '';
        }
    }
    yield `${piece}\n}}\n`;
}
/** The whole summary as an object (small inputs, tests). */
function buildSummary(input) {
    return JSON.parse([...summaryJson(input)].join(''));
}
const isCount = (n) => typeof n === 'number' && Number.isFinite(n) && n >= 0;
/** Reads a summary written by this action (any earlier run) as a baseline. */
function parseBaseline(source, text) {
    const fix = `Give the coverage-gate summary JSON (the summary-json output) saved from a run on the default branch.`;
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (error) {
        // Node's message quotes the text; the file may lie outside the workspace, so only the position is kept.
        const at = /position (\d+)/.exec(error.message)?.[1];
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('baseline', `${source} is not valid JSON${at ? ` (at position ${at})` : ''}`, fix);
    }
    const summary = doc;
    if (typeof doc !== 'object' ||
        doc === null ||
        summary.schema !== SUMMARY_SCHEMA ||
        typeof summary.totals !== 'object') {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('baseline', `${source} is not a coverage-gate summary (no "schema": "${SUMMARY_SCHEMA}")`, fix);
    }
    const totals = {};
    for (const metric of _model_js__WEBPACK_IMPORTED_MODULE_1__/* .METRICS */ .Cb) {
        const t = summary.totals?.[metric];
        if (!t || !isCount(t.found) || !isCount(t.hit))
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('baseline', `${source} has no valid totals.${metric}`, fix);
        totals[metric] = { found: t.found, hit: t.hit };
    }
    const files = new Map();
    for (const [path, entry] of Object.entries(summary.files ?? {})) {
        const lines = entry?.lines;
        if (Array.isArray(lines) && isCount(lines[0]) && isCount(lines[1]))
            files.set(path, { found: lines[0], hit: lines[1] });
    }
    return { source, commit: summary.commit, totals, files };
}


/***/ }),

/***/ 40222:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H_: () => (/* binding */ daysLeft),
/* harmony export */   JK: () => (/* binding */ parseAllowlist),
/* harmony export */   ct: () => (/* binding */ allowStatus),
/* harmony export */   i0: () => (/* binding */ findAllowance)
/* harmony export */ });
/* unused harmony export EXPIRY_WARNING_DAYS */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(59677);
/**
 * The allowlist input: a YAML list of advisories accepted for a time, each with why and until when. An
 * entry applies through its `expires` day; in the last week it warns, and after it the advisory counts again.
 */


const FORM = 'Give a YAML list such as `- id: GHSA-xxxx-xxxx-xxxx` with `reason: <why it is accepted>` and `expires: YYYY-MM-DD` on the next lines.';
const DAY_MS = 86_400_000;
const EXPIRY_WARNING_DAYS = 7;
const isDate = (text) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text))
        return false;
    const d = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
};
function parseAllowlist(name, raw) {
    if (raw.trim() === '')
        return [];
    let doc;
    try {
        doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(raw);
    }
    catch (error) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name, `is not valid YAML (${error.message.split('\n')[0]})`, FORM);
    }
    if (doc === null || doc === undefined)
        return [];
    if (!Array.isArray(doc))
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name, 'is not a YAML list', FORM);
    const entries = [];
    doc.forEach((item, i) => {
        const at = `entry ${i + 1}`;
        if (typeof item !== 'object' || item === null || Array.isArray(item))
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name, `${at} is not a mapping of id, reason and expires`, FORM);
        const { id, reason, expires } = item;
        if (typeof id !== 'string' || id.trim() === '')
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name, `${at} has no id`, FORM);
        if (typeof reason !== 'string' || reason.trim() === '')
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name, `${at} (${id}) has no reason`, 'Say why the advisory is accepted in `reason:`.');
        const day = expires instanceof Date ? expires.toISOString().slice(0, 10) : String(expires ?? '').trim();
        if (!isDate(day))
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name, `${at} (${id}) has no valid expires date (${JSON.stringify(day || 'none')})`, 'Give the last day it applies as `expires: YYYY-MM-DD`.');
        if (entries.some((e) => e.id.toUpperCase() === id.trim().toUpperCase()))
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name, `${id} is listed twice`, 'List each advisory once.');
        entries.push({ id: id.trim(), reason: reason.trim(), expires: day });
    });
    return entries;
}
/** Whole days from today (UTC) to the expiry day: 0 on the day itself, negative once past. */
function daysLeft(entry, now) {
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    return Math.round((Date.parse(`${entry.expires}T00:00:00Z`) - today) / DAY_MS);
}
function allowStatus(entry, now) {
    const left = daysLeft(entry, now);
    if (left < 0)
        return 'expired';
    return left <= EXPIRY_WARNING_DAYS ? 'expiring' : 'active';
}
/** The entry naming this advisory or one of its aliases (ids compare case-insensitively). */
function findAllowance(entries, ids) {
    const wanted = new Set(ids.map((i) => i.toUpperCase()));
    return entries.find((e) => wanted.has(e.id.toUpperCase()));
}


/***/ }),

/***/ 9161:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ty: () => (/* binding */ normalizePypiName),
/* harmony export */   dD: () => (/* binding */ LOCKFILE_NAMES),
/* harmony export */   fq: () => (/* binding */ lockfileFormat),
/* harmony export */   tg: () => (/* binding */ parseLockfile)
/* harmony export */ });
/* unused harmony exports parsePackageLock, parseRequirements, parsePoetryLock, parseUvLock */
/* harmony import */ var smol_toml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3292);
/**
 * Lockfile parsers: what each pins, as OSV queries need it (ecosystem, name, exact version), with the line
 * naming each package for annotations and SARIF. Only what is deployed is scanned: npm `dev: true` entries
 * and Poetry packages outside the main group are left out (the apps' images install with
 * `npm ci --omit=dev` and without dev groups) and counted, so the report says how many.
 */

const LOCKFILE_NAMES = [
    'package-lock.json',
    'requirements.txt',
    'poetry.lock',
    'uv.lock',
];
function lockfileFormat(path) {
    const base = path.split('/').pop() ?? '';
    return LOCKFILE_NAMES.find((name) => name === base);
}
/** PEP 503: lower case, runs of `-`, `_` and `.` become one `-`. */
const normalizePypiName = (name) => name.toLowerCase().replace(/[-_.]+/g, '-');
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Parses one lockfile; a file that is not what its name says throws an Error naming the file and why. */
function parseLockfile(file, text) {
    const format = lockfileFormat(file);
    switch (format) {
        case 'package-lock.json':
            return parsePackageLock(file, text);
        case 'requirements.txt':
            return parseRequirements(file, text);
        case 'poetry.lock':
            return parsePoetryLock(file, text);
        case 'uv.lock':
            return parseUvLock(file, text);
        default:
            throw new Error(`${file} is not a lockfile the scan reads (${LOCKFILE_NAMES.join(', ')})`);
    }
}
/** The last package name in a `node_modules/...` path: `node_modules/a/node_modules/@s/b` → `@s/b`. */
function nameFromPath(key) {
    const at = key.lastIndexOf('node_modules/');
    if (at < 0)
        return undefined;
    const name = key.slice(at + 'node_modules/'.length);
    return name === '' ? undefined : name;
}
const EXACT_NPM_VERSION = /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?$/;
/** package-lock.json v1 (nested `dependencies`), v2 and v3 (`packages` keyed by install path). */
function parsePackageLock(file, text) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (error) {
        throw new Error(`${file} is not valid JSON (${error.message})`);
    }
    if (!isObject(doc))
        throw new Error(`${file} is not a package-lock.json (no object at the top)`);
    const lines = text.split(/\r?\n/);
    const lineOfKey = new Map();
    lines.forEach((line, i) => {
        const m = /^\s*"((?:[^"\\]|\\.)*node_modules\/(?:[^"\\]|\\.)*)"\s*:\s*\{/.exec(line);
        if (m && !lineOfKey.has(m[1]))
            lineOfKey.set(m[1], i + 1);
    });
    const dependencies = [];
    const notes = [];
    let skippedDev = 0;
    const add = (name, version, line) => {
        if (typeof version !== 'string' || !EXACT_NPM_VERSION.test(version)) {
            notes.push({
                file,
                ...(line ? { line } : {}),
                message: `${name} is not installed from the registry at an exact version (${String(version)}), so it cannot be checked`,
            });
            return;
        }
        dependencies.push({ ecosystem: 'npm', name, version, file, ...(line ? { line } : {}) });
    };
    if (isObject(doc.packages)) {
        for (const [key, entry] of Object.entries(doc.packages)) {
            if (key === '' || !isObject(entry))
                continue;
            // Workspace members and `link` entries are the project's own code, not registry packages.
            if (entry.link === true)
                continue;
            const pathName = nameFromPath(key);
            if (!pathName)
                continue;
            if (entry.dev === true) {
                skippedDev++;
                continue;
            }
            const name = typeof entry.name === 'string' ? entry.name : pathName;
            add(name, entry.version, lineOfKey.get(key));
        }
    }
    else if (isObject(doc.dependencies)) {
        const walk = (deps) => {
            for (const [name, entry] of Object.entries(deps)) {
                if (!isObject(entry))
                    continue;
                if (entry.dev === true)
                    skippedDev++;
                else
                    add(name, entry.version);
                if (isObject(entry.dependencies))
                    walk(entry.dependencies);
            }
        };
        walk(doc.dependencies);
    }
    else {
        throw new Error(`${file} has neither "packages" nor "dependencies"`);
    }
    return { file, format: 'package-lock.json', dependencies: unique(dependencies), skippedDev, notes };
}
const REQUIREMENT = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*(.*)$/;
/** requirements.txt: `name==version` pins are checked; anything else is named as not checkable. */
function parseRequirements(file, text) {
    const dependencies = [];
    const notes = [];
    const raw = text.split(/\r?\n/);
    for (let i = 0; i < raw.length; i++) {
        const lineNo = i + 1;
        let line = raw[i];
        // A trailing backslash continues the line (hash lists).
        while (line.endsWith('\\') && i + 1 < raw.length)
            line = line.slice(0, -1) + ' ' + raw[++i];
        line = line.replace(/(^|\s)#.*$/, '').trim();
        if (line === '')
            continue;
        if (line.startsWith('-')) {
            if (/^(-r|--requirement|-c|--constraint)\b/.test(line))
                notes.push({
                    file,
                    line: lineNo,
                    message: `${line.split(/\s+/)[0]} includes another file, which is not followed: list that file in scan-paths`,
                });
            else if (/^(-e|--editable)\b/.test(line))
                notes.push({ file, line: lineNo, message: 'an editable install is local code, not checked' });
            continue;
        }
        if (line.includes('://')) {
            notes.push({
                file,
                line: lineNo,
                message: 'a direct URL requirement is not from a package index, so it cannot be checked',
            });
            continue;
        }
        const m = REQUIREMENT.exec(line);
        const rest = (m?.[3] ?? '')
            .split(';')[0]
            ?.replace(/--hash=\S+/g, '')
            .trim() ?? '';
        const pin = /^===?\s*([^\s,*]+)$/.exec(rest);
        if (!m || !pin) {
            const name = m?.[1] ?? line.split(/\s/)[0];
            notes.push({
                file,
                line: lineNo,
                message: `${name} is not pinned with == (${rest || 'no version'}), so the installed version is unknown and cannot be checked: pin it`,
            });
            continue;
        }
        dependencies.push({
            ecosystem: 'PyPI',
            name: normalizePypiName(m[1]),
            version: pin[1],
            file,
            line: lineNo,
        });
    }
    return { file, format: 'requirements.txt', dependencies: unique(dependencies), skippedDev: 0, notes };
}
/** The line of each `[[package]]` block's `name = "…"` in a TOML lockfile. */
function tomlPackageLines(text) {
    const lines = new Map();
    let inPackage = false;
    text.split(/\r?\n/).forEach((line, i) => {
        if (/^\s*\[\[package\]\]\s*$/.test(line))
            inPackage = true;
        else if (/^\s*\[/.test(line))
            inPackage = false;
        const m = inPackage ? /^\s*name\s*=\s*"([^"]+)"/.exec(line) : null;
        if (m) {
            const name = normalizePypiName(m[1]);
            if (!lines.has(name))
                lines.set(name, i + 1);
            inPackage = false;
        }
    });
    return lines;
}
function tomlPackages(file, text) {
    let doc;
    try {
        doc = (0,smol_toml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text);
    }
    catch (error) {
        throw new Error(`${file} is not valid TOML (${error.message.split('\n')[0]})`);
    }
    const packages = doc.package;
    if (packages === undefined)
        return [];
    if (!Array.isArray(packages))
        throw new Error(`${file} has no [[package]] list`);
    return packages.filter(isObject);
}
/** poetry.lock: registry packages; `category = "dev"` (lock 1.x) or groups without `main` (2.x) are dev. */
function parsePoetryLock(file, text) {
    const lineOf = tomlPackageLines(text);
    const dependencies = [];
    const notes = [];
    let skippedDev = 0;
    for (const pkg of tomlPackages(file, text)) {
        if (typeof pkg.name !== 'string' || typeof pkg.version !== 'string')
            continue;
        const name = normalizePypiName(pkg.name);
        const line = lineOf.get(name);
        const groups = Array.isArray(pkg.groups) ? pkg.groups : undefined;
        if (pkg.category === 'dev' || (groups && !groups.includes('main'))) {
            skippedDev++;
            continue;
        }
        const source = isObject(pkg.source) ? pkg.source : undefined;
        if (source && typeof source.type === 'string' && source.type !== 'legacy') {
            notes.push({
                file,
                ...(line ? { line } : {}),
                message: `${name} comes from a ${source.type} source, not a package index, so it cannot be checked`,
            });
            continue;
        }
        dependencies.push({ ecosystem: 'PyPI', name, version: pkg.version, file, ...(line ? { line } : {}) });
    }
    return { file, format: 'poetry.lock', dependencies: unique(dependencies), skippedDev, notes };
}
/**
 * uv.lock: packages with a `registry` source. The project itself (editable or virtual) is skipped. uv.lock
 * does not mark which packages only dev groups need, so those are scanned too.
 */
function parseUvLock(file, text) {
    const lineOf = tomlPackageLines(text);
    const dependencies = [];
    const notes = [];
    for (const pkg of tomlPackages(file, text)) {
        if (typeof pkg.name !== 'string')
            continue;
        const name = normalizePypiName(pkg.name);
        const line = lineOf.get(name);
        const source = isObject(pkg.source) ? pkg.source : {};
        if ('editable' in source || 'virtual' in source)
            continue;
        if (!('registry' in source) || typeof pkg.version !== 'string') {
            const kind = Object.keys(source)[0] ?? 'unknown';
            notes.push({
                file,
                ...(line ? { line } : {}),
                message: `${name} comes from a ${kind} source, not a package index, so it cannot be checked`,
            });
            continue;
        }
        dependencies.push({ ecosystem: 'PyPI', name, version: pkg.version, file, ...(line ? { line } : {}) });
    }
    return { file, format: 'uv.lock', dependencies: unique(dependencies), skippedDev: 0, notes };
}
/** One entry per name and version (npm installs the same version at several paths). */
function unique(deps) {
    const seen = new Map();
    for (const d of deps) {
        const key = `${d.ecosystem}\0${d.name}\0${d.version}`;
        if (!seen.has(key))
            seen.set(key, d);
    }
    return [...seen.values()];
}


/***/ }),

/***/ 33839:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GE: () => (/* binding */ expandGlobs),
/* harmony export */   K7: () => (/* binding */ which),
/* harmony export */   fo: () => (/* binding */ isFile),
/* harmony export */   yR: () => (/* binding */ readText)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(14006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_2__);



const toPosix = (path) => path.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
/**
 * Expands glob patterns relative to cwd into sorted, workspace-relative POSIX paths. A `!pattern` removes
 * what it matches (on the relative path) from every other pattern's results; node_modules is never
 * searched. `unmatched` lists the patterns that left no file.
 */
async function expandGlobs(cwd, patterns) {
    const excluded = picomatch__WEBPACK_IMPORTED_MODULE_2___default()(patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1)), { dot: true });
    const files = new Set();
    const unmatched = [];
    for (const pattern of patterns.filter((p) => !p.startsWith('!'))) {
        const found = [];
        if (!/[*?[{]/.test(pattern)) {
            const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(pattern) ? pattern : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, pattern);
            if (await isFile(path))
                found.push(toPosix((0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(cwd, path)) || pattern);
        }
        else {
            // tinyglobby rather than fs.glob: the same results on every Node the CLI supports (fs.glob is
            // experimental before 22.17 and in early 24.x, and warns).
            // Loaded when a pattern has wildcards: most runs name their files.
            const { glob } = await __webpack_require__.e(/* import() */ 382).then(__webpack_require__.bind(__webpack_require__, 73382));
            const entries = await glob(pattern, {
                cwd,
                ignore: ['**/node_modules/**'],
                onlyFiles: true,
                expandDirectories: false,
            });
            found.push(...entries.map(toPosix));
        }
        const kept = found.filter((path) => !excluded(path));
        for (const path of kept)
            files.add(path);
        if (kept.length === 0)
            unmatched.push(pattern);
    }
    return { files: [...files].sort(), unmatched };
}
async function isFile(path) {
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path).then((s) => s.isFile(), () => false);
}
async function readText(path) {
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
}
/** A program's path on PATH, or undefined. */
async function which(tool) {
    const io = await __webpack_require__.e(/* import() */ 701).then(__webpack_require__.bind(__webpack_require__, 88701));
    return (await io.which(tool, false)) || undefined;
}


/***/ })

};

//# sourceMappingURL=972.index.js.map