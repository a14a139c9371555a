export const id = 795;
export const ids = [795];
export const modules = {

/***/ 64795:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  JU: () => (/* binding */ loadTargets),
  Pe: () => (/* binding */ uptimeCheck)
});

// UNUSED EXPORTS: liveCheckPorts, readTargetDefaults, readTargetsInput, readUptimeSettings, runUptime

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/domain/monitor/judge.ts
var judge = __webpack_require__(36306);
// EXTERNAL MODULE: ./src/domain/monitor/targets.ts
var targets = __webpack_require__(9019);
;// CONCATENATED MODULE: ./src/domain/monitor/check.ts


async function sampleRound(target, spec, ports, tls) {
    const samples = [];
    for (let i = 0; i < target.samples; i++) {
        const at = ports.now();
        const outcome = await ports.attempt(spec);
        samples.push({
            at,
            ok: outcome.ok,
            reason: outcome.reason,
            detail: outcome.detail,
            ...(outcome.status !== undefined ? { status: outcome.status } : {}),
            latencyMs: outcome.latencyMs,
        });
    }
    return (0,judge/* judgeRound */.C4)(target, samples, tls);
}
async function checkTarget(target, options, ports) {
    const startedAt = ports.now();
    const spec = (0,targets/* targetProbeSpec */.p4)(target);
    const https = target.url.startsWith('https:');
    // The certificate is read while the first round samples: it costs no extra time.
    const certificate = https ? ports.certificate(target.url, target.timeoutMs) : undefined;
    const firstSamples = sampleRound(target, spec, ports, undefined);
    const tls = certificate ? (0,judge/* judgeCertificate */.Z9)(target, await certificate, ports.now()) : undefined;
    const first = await firstSamples;
    const rounds = [tls ? (0,judge/* judgeRound */.C4)(target, first.samples, tls) : first];
    // A certificate does not change in seconds: only what the samples show is worth a re-test.
    const samplesFailed = (round) => (0,judge/* judgeRound */.C4)(target, round.samples).status !== 'up';
    while (samplesFailed(rounds.at(-1)) && rounds.length <= options.retests) {
        await ports.sleep(options.retestDelayMs);
        rounds.push(await sampleRound(target, spec, ports, tls));
    }
    const counted = (0,judge/* countingRound */.Ef)(rounds);
    return {
        name: target.name,
        url: target.url,
        status: counted.status,
        problems: counted.problems,
        counted,
        rounds,
        ...(tls ? { tls } : {}),
        startedAt,
        durationMs: ports.now() - startedAt,
        limits: {
            ...(target.maxLatencyMs !== undefined ? { maxLatencyMs: target.maxLatencyMs } : {}),
            maxErrorRate: target.maxErrorRate,
            tlsWarnDays: target.tlsWarnDays,
            tlsErrorDays: target.tlsErrorDays,
        },
    };
}
/** Every target, at most `concurrency` at a time; results in the targets' order. */
async function checkTargets(targets, options, ports) {
    const results = new Array(targets.length);
    let next = 0;
    const worker = async () => {
        while (next < targets.length) {
            const index = next++;
            const result = await checkTarget(targets[index], options, ports);
            results[index] = result;
            ports.onResult?.(result);
        }
    };
    const workers = Math.max(1, Math.min(options.concurrency, targets.length));
    await Promise.all(Array.from({ length: workers }, worker));
    return results;
}

// EXTERNAL MODULE: ./src/domain/monitor/history.ts
var monitor_history = __webpack_require__(8685);
// EXTERNAL MODULE: ./src/domain/shared/markdown.ts
var markdown = __webpack_require__(55523);
// EXTERNAL MODULE: ./src/domain/shared/inputs.ts
var inputs = __webpack_require__(55915);
// EXTERNAL MODULE: ./src/domain/shared/duration.ts
var duration = __webpack_require__(6234);
;// CONCATENATED MODULE: ./src/domain/monitor/incidents.ts
/**
 * Incidents as GitHub issues, planned from the open ones and this run's results: one issue per failing
 * target, found by a hidden marker (the target's name, URI-encoded so nothing in it can end the HTML
 * comment) and the label; opened on the first failing run, commented and retitled when the status
 * changes (down ↔ degraded), closed with the outage's length on recovery. Duplicates that a race left
 * open are closed in favour of the oldest. The issue's body carries the status and the outage's start, so
 * the plan needs nothing else.
 */




const MARKER_PREFIX = '<!-- nuzantara-monitor target=';
const STATE_PREFIX = '<!-- nuzantara-monitor-state ';
const incidentMarker = (target) => `${MARKER_PREFIX}${encodeURIComponent(target)} -->`;
const stateComment = (status, since) => `${STATE_PREFIX}${JSON.stringify({ status, since })} -->`;
/** The incident an issue is, or undefined when it carries no marker of ours. */
function readIncident(issue) {
    const marker = new RegExp(`${MARKER_PREFIX}([^\\s>]+) -->`).exec(issue.body);
    if (!marker)
        return undefined;
    let target;
    try {
        target = decodeURIComponent(marker[1]);
    }
    catch {
        return undefined;
    }
    let status = 'down';
    let since = issue.createdAt;
    const state = new RegExp(`${STATE_PREFIX}(\\{[^<>]*\\}) -->`).exec(issue.body);
    if (state) {
        try {
            const parsed = JSON.parse(state[1]);
            if (parsed.status === 'down' || parsed.status === 'degraded')
                status = parsed.status;
            if (typeof parsed.since === 'string' && !Number.isNaN(Date.parse(parsed.since)))
                since = parsed.since;
        }
        catch {
            // an edited state: the defaults above
        }
    }
    return { number: issue.number, target, status, since };
}
/** Open incidents per target, oldest issue first. */
function incidentsByTarget(issues) {
    const byTarget = new Map();
    for (const issue of issues) {
        const incident = readIncident(issue);
        if (!incident)
            continue;
        byTarget.set(incident.target, [...(byTarget.get(incident.target) ?? []), incident]);
    }
    for (const list of byTarget.values())
        list.sort((a, b) => a.number - b.number);
    return byTarget;
}
/** The statuses the open incidents record (a target with none was up), for when there is no history. */
function incidentStatuses(issues) {
    return new Map([...incidentsByTarget(issues)].map(([target, list]) => [target, list[0].status]));
}
/** Issue titles are plain text: one line, no control characters, within GitHub's 256. */
function incidentTitle(target, status) {
    // eslint-disable-next-line no-control-regex
    const name = target.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 200);
    return `${judge/* STATUS_ICON */.tW[status]} ${name} is ${status}`;
}
const ms = (v) => (v === undefined ? '—' : `${Math.round(v)}ms`);
function figures(result) {
    const r = result.counted;
    const l = r.latency;
    return (0,markdown/* table */.tp)(['samples', 'errors', 'error rate', 'p50', 'p95', 'p99', 'max', 'TLS'], [
        [
            String(r.samples.length),
            String(r.errors),
            `${Math.round(r.errorRate * 10) / 10}%`,
            ms(l?.p50),
            ms(l?.p95),
            ms(l?.p99),
            ms(l?.max),
            result.tls?.daysLeft !== undefined ? `${result.tls.daysLeft} days left` : '—',
        ],
    ]);
}
function samplesTable(result) {
    return (0,markdown/* table */.tp)(['#', 'time (UTC)', 'status', 'latency', 'result'], result.counted.samples.map((s, i) => [
        String(i + 1),
        new Date(s.at).toISOString().slice(11, 23),
        s.status === undefined ? '—' : String(s.status),
        ms(s.latencyMs),
        s.ok ? 'ok' : `${s.reason}: ${s.detail}`,
    ]));
}
const whatFailed = (result) => result.problems.length ? result.problems.map((p) => `- ${(0,markdown/* escapeText */.X1)(p)}`).join('\n') : '- (no detail)';
const runLink = (runUrl) => (runUrl ? ` ([run](${encodeURI(runUrl)}))` : '');
function incidentBody(result, status, since, runUrl) {
    const target = result.name;
    return [
        `## ${judge/* STATUS_ICON */.tW[status]} ${(0,markdown/* escapeText */.X1)(target)} is ${status}`,
        '',
        `**URL:** ${(0,markdown/* code */.aY)((0,inputs/* displayUrl */.Qy)(result.url))}  `,
        `**Since:** ${since.slice(0, 16).replace('T', ' ')} UTC  `,
        `**Latest check:** ${new Date(result.startedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC${runLink(runUrl)}${result.rounds.length > 1 ? `, after ${result.rounds.length - 1} re-test(s)` : ''}`,
        '',
        '### What failed',
        '',
        whatFailed(result),
        '',
        figures(result),
        '',
        '<details><summary>Samples</summary>',
        '',
        samplesTable(result),
        '',
        '</details>',
        '',
        'Kept by the prod-monitor action: commented when the status changes, closed when the target is up again.',
        '',
        incidentMarker(target),
        stateComment(status, since),
    ].join('\n');
}
/** What to do on GitHub, in order: duplicates first, then each target's open, change or close. */
function planIncidents(results, issues, context) {
    const open = incidentsByTarget(issues);
    const actions = [];
    for (const result of results) {
        const [current, ...duplicates] = open.get(result.name) ?? [];
        for (const dup of duplicates)
            actions.push({
                kind: 'duplicate',
                number: dup.number,
                target: result.name,
                keep: current.number,
                comment: `Duplicate of #${current.number} (two monitor runs opened one at once).`,
            });
        if (result.status === 'up') {
            if (!current)
                continue;
            const outageMs = Math.max(0, context.now.getTime() - Date.parse(current.since));
            actions.push({
                kind: 'close',
                number: current.number,
                target: result.name,
                outageMs,
                comment: [
                    `## ${judge/* STATUS_ICON */.tW.up} ${(0,markdown/* escapeText */.X1)(result.name)} is up again`,
                    '',
                    `The outage lasted **${(0,duration/* formatLength */.ix)(outageMs)}** (${current.status} since ${current.since.slice(0, 16).replace('T', ' ')} UTC)${runLink(context.runUrl)}.`,
                    '',
                    figures(result),
                ].join('\n'),
            });
            continue;
        }
        const status = result.status;
        if (!current) {
            const since = new Date(result.startedAt).toISOString();
            actions.push({
                kind: 'open',
                target: result.name,
                marker: incidentMarker(result.name),
                title: incidentTitle(result.name, status),
                body: incidentBody(result, status, since, context.runUrl),
            });
            continue;
        }
        if (current.status === status)
            continue;
        actions.push({
            kind: 'change',
            number: current.number,
            target: result.name,
            from: current.status,
            to: status,
            title: incidentTitle(result.name, status),
            body: incidentBody(result, status, current.since, context.runUrl),
            comment: [
                `## ${judge/* STATUS_ICON */.tW[status]} Now ${status} (was ${current.status})`,
                '',
                whatFailed(result),
                '',
                figures(result),
                '',
                `Checked ${new Date(result.startedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC${runLink(context.runUrl)}.`,
            ].join('\n'),
        });
    }
    return actions;
}

// EXTERNAL MODULE: ./src/domain/monitor/report.ts
var report = __webpack_require__(14631);
// EXTERNAL MODULE: ./src/domain/probe/spec.ts
var spec = __webpack_require__(63346);
// EXTERNAL MODULE: ./src/domain/shared/errors.ts
var errors = __webpack_require__(59677);
// EXTERNAL MODULE: ./src/io/http-probe.ts
var http_probe = __webpack_require__(95241);
// EXTERNAL MODULE: ./src/io/paths.ts
var paths = __webpack_require__(67336);
// EXTERNAL MODULE: ./src/domain/probe/evaluate.ts
var evaluate = __webpack_require__(70090);
;// CONCATENATED MODULE: ./src/io/tls.ts

const nameOf = (entity) => {
    if (!entity)
        return '';
    const pick = (key) => {
        const v = entity[key];
        return Array.isArray(v) ? v.join(', ') : v;
    };
    return [pick('CN'), pick('O')].filter(Boolean).join(', ');
};
function describe(cert, authorized, error) {
    const iso = (text) => {
        const time = Date.parse(text);
        return Number.isNaN(time) ? text : new Date(time).toISOString();
    };
    return {
        validFrom: iso(cert.valid_from),
        validTo: iso(cert.valid_to),
        issuer: nameOf(cert.issuer),
        subject: nameOf(cert.subject),
        names: (cert.subjectaltname ?? '')
            .split(',')
            .map((n) => n.trim())
            .filter(Boolean),
        authorized,
        ...(error ? { authorizationError: error } : {}),
        ...(cert.fingerprint256 ? { fingerprint256: cert.fingerprint256 } : {}),
    };
}
/** Never throws: a failed handshake comes back as a reason. */
async function readCertificate(rawUrl, options) {
    // node:tls and node:net load when a certificate is read, not at start-up.
    const [{ checkServerIdentity, connect }, { isIP }] = await Promise.all([
        Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 41692, 23)),
        Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 77030, 23)),
    ]);
    const url = new URL(rawUrl);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const port = Number(url.port || 443);
    return new Promise((resolve) => {
        let settled = false;
        const finish = (observation) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            socket.destroy();
            resolve(observation);
        };
        const socket = connect({
            host,
            port,
            // SNI takes a host name, never an IP address.
            ...(isIP(host) ? {} : { servername: host }),
            rejectUnauthorized: false,
            ...(options.ca ? { ca: options.ca } : {}),
            ALPNProtocols: ['http/1.1'],
        });
        const timer = setTimeout(() => finish({ ok: false, reason: 'timeout', detail: `no TLS handshake within ${options.timeoutMs}ms` }), options.timeoutMs);
        socket.once('secureConnect', () => {
            const cert = socket.getPeerCertificate();
            if (!cert || Object.keys(cert).length === 0) {
                finish({ ok: false, reason: 'tls', detail: 'the server presented no certificate' });
                return;
            }
            // Node checks the chain here; the name is checked as https would check it.
            const chainError = socket.authorizationError ? String(socket.authorizationError) : undefined;
            const nameError = checkServerIdentity(host, cert);
            const error = chainError ??
                (nameError ? (nameError.code ?? nameError.message) : undefined);
            finish({ ok: true, certificate: describe(cert, socket.authorized && !nameError, error) });
        });
        socket.once('error', (error) => {
            const verdict = (0,evaluate/* classifyError */.fe)(error.code, error.message);
            finish({ ok: false, reason: verdict.reason, detail: verdict.detail });
        });
    });
}

;// CONCATENATED MODULE: ./src/commands/monitor-incidents.ts



const permissionHint = 'Grant the job `permissions: issues: write`.';
/** The incidents edge when a label, a repository and a token are there; undefined otherwise. */
function incidentsFor(host, label, token) {
    const { repository } = host.context;
    if (!label)
        return undefined;
    if (!repository || !token) {
        if (host.kind === 'github')
            host.warning(`No incident issues: ${!repository ? 'the repository is unknown (GITHUB_REPOSITORY)' : 'github-token is empty'}.`);
        return undefined;
    }
    let made;
    // Loaded only when incidents are on: the GitHub client is most of the bundle's start-up.
    const client = () => (made ??= __webpack_require__.e(/* import() */ 146).then(__webpack_require__.bind(__webpack_require__, 98146)).then(({ incidentIssues }) => incidentIssues({ token, baseUrl: host.context.apiUrl, ...repository })));
    return {
        label,
        client,
        async list() {
            try {
                return await (await client()).listOpen(label);
            }
            catch (error) {
                host.warning(`Could not read the open incident issues (${(0,errors/* errorMessage */.gJ)(error)}). ${permissionHint}`);
                return undefined;
            }
        },
    };
}
async function apply(host, issues, label, action) {
    const who = (0,markdown/* code */.aY)(action.target);
    switch (action.kind) {
        case 'open': {
            const opened = await issues.open({
                title: action.title,
                body: host.redact(action.body),
                label,
                marker: action.marker,
                duplicateComment: (keep) => `Duplicate of #${keep} (two monitor runs opened one at once).`,
            });
            host.info(`Incident #${opened.number} ${opened.created ? 'opened' : 'already open'} for ${action.target}.`);
            return {
                done: opened.created,
                number: opened.number,
                note: opened.created
                    ? `Incident #${opened.number} opened for ${who}.`
                    : `Incident #${opened.number} for ${who} was opened by a concurrent run.`,
            };
        }
        case 'change': {
            const fresh = await issues.get(action.number);
            const state = fresh && fresh.state === 'open' ? readIncident(fresh) : undefined;
            if (!state || state.status === action.to)
                return { done: false, number: action.number };
            await issues.update(action.number, { title: action.title, body: host.redact(action.body) });
            await issues.comment(action.number, host.redact(action.comment));
            host.info(`Incident #${action.number}: ${action.target} ${action.from} → ${action.to}.`);
            return {
                done: true,
                number: action.number,
                note: `Incident #${action.number} for ${who}: now ${action.to} (was ${action.from}).`,
            };
        }
        case 'close': {
            const fresh = await issues.get(action.number);
            if (!fresh || fresh.state !== 'open')
                return { done: false, number: action.number };
            await issues.comment(action.number, host.redact(action.comment));
            await issues.close(action.number, 'completed');
            host.info(`Incident #${action.number} closed: ${action.target} is up again.`);
            return {
                done: true,
                number: action.number,
                note: `Incident #${action.number} for ${who} closed: up again.`,
            };
        }
        case 'duplicate': {
            await issues.comment(action.number, action.comment);
            await issues.close(action.number, 'not_planned');
            return {
                done: true,
                number: action.number,
                note: `Closed #${action.number}, a duplicate of #${action.keep}.`,
            };
        }
    }
}
async function syncIncidents(host, edge, results, open) {
    const plan = planIncidents(results, open, {
        now: new Date(),
        ...(host.context.runUrl ? { runUrl: host.context.runUrl } : {}),
    });
    const notes = [];
    const actions = [];
    if (plan.length === 0) {
        const count = open.filter((i) => readIncident(i)).length;
        notes.push(count ? `Incidents: ${count} open, no change.` : 'Incidents: none open.');
        return { notes, actions };
    }
    const issues = await edge.client();
    for (const action of plan) {
        try {
            const outcome = await apply(host, issues, edge.label, action);
            actions.push({ kind: action.kind, target: action.target, ...outcome });
            if (outcome.note)
                notes.push(outcome.note);
        }
        catch (error) {
            host.warning(`Could not ${action.kind} the incident issue of ${action.target} (${(0,errors/* errorMessage */.gJ)(error)}). ${permissionHint}`);
            actions.push({ kind: action.kind, target: action.target, done: false, note: (0,errors/* errorMessage */.gJ)(error) });
        }
    }
    return { notes, actions };
}

;// CONCATENATED MODULE: ./src/commands/monitor-uptime.ts
/**
 * The monitor's uptime check: the targets (inline YAML, a targets file, or the two apps), every one
 * sampled concurrently, its status judged after re-tests, incidents kept as issues, the run appended to
 * the history, and the table and response-time chart for the summary.
 */















/**
 * The defaults every target starts from, from the inputs of the same names (the deploy's health-* inputs
 * without the prefix, plus the monitor's own), read with the probe's parsers.
 */
function readTargetDefaults(input) {
    const maxLatencyMs = input.optionalDuration('max-latency', targets/* MAX_LATENCY_BOUNDS */.cv);
    const body = (0,spec/* parseBodyCheck */.Ou)('expect-body', input.text('expect-body'));
    const defaults = {
        method: (0,spec/* parseProbeMethod */.LM)('method', input.text('method')),
        headers: input.headers('headers'),
        expectStatus: (0,spec/* parseStatusSet */.oY)('expect-status', input.text('expect-status')),
        ...(body ? { body } : {}),
        ...(maxLatencyMs === undefined ? {} : { maxLatencyMs }),
        samples: input.integer('samples', targets/* SAMPLES_BOUNDS */.uO),
        timeoutMs: input.duration('timeout', targets/* TIMEOUT_BOUNDS */.Ge),
        followRedirects: input.boolean('follow-redirects'),
        maxErrorRate: input.number('max-error-rate', targets/* ERROR_RATE_BOUNDS */.Iz),
        tlsWarnDays: input.integer('tls-warn-days', targets/* TLS_DAYS_BOUNDS */.qS),
        tlsErrorDays: input.integer('tls-error-days', targets/* TLS_DAYS_BOUNDS */.qS),
    };
    (0,targets/* checkTargetDefaults */.Qp)(defaults);
    return defaults;
}
/** Where the targets come from: `targets` or `targets-file` (not both), else the two apps. */
function readTargetsInput(input, context) {
    const text = input.text('targets');
    const file = input.string('targets-file');
    if (text.trim() !== '' && file !== '')
        throw new errors/* InputError */.dz('targets-file', 'is set together with targets', 'Give the targets one way: targets (YAML text) or targets-file (a YAML file in the repository).');
    if (file !== '')
        return { input: 'targets-file', path: (0,external_node_path_.resolve)(context.workspace, file), shown: file };
    if (text.trim() !== '')
        return { input: 'targets', text };
    return { input: 'default' };
}
function readUptimeSettings(input, context) {
    const targets = readTargetsInput(input, context);
    const defaults = readTargetDefaults(input);
    const label = input.string('incident-label');
    if (label.length > 50 || /[,\r\n]/.test(label))
        throw new errors/* InputError */.dz('incident-label', `${JSON.stringify(label.slice(0, 60))} is not a label GitHub accepts`, 'Use one label of at most 50 characters, without commas, e.g. incident.');
    return {
        targets,
        defaults,
        concurrency: input.integer('concurrency', { min: 1, max: 1000 }),
        retests: input.integer('retests', { min: 0, max: 5 }),
        retestDelayMs: input.duration('retest-delay', { maxMs: 60_000 }),
        ...(label ? { incidentLabel: label } : {}),
    };
}
/** The targets, read and checked before anything is requested. */
async function loadTargets(source, defaults, host) {
    const ports = { env: (name) => host.context.env[name], mask: (v) => host.mask(v) };
    if (source.input === 'default')
        return (0,targets/* parseTargets */.Sx)({ input: 'targets', text: targets/* DEFAULT_TARGETS_YAML */.T }, defaults, ports);
    if (source.input === 'targets')
        return (0,targets/* parseTargets */.Sx)({ input: 'targets', text: source.text }, defaults, ports);
    await (0,paths/* checkPaths */.n)([{ input: 'targets-file', path: source.path, is: 'file' }]);
    // parseTargets refuses more than 1 MiB; a huge file named by mistake is not read whole to learn that.
    if ((await (0,promises_.stat)(source.path)).size > 1024 * 1024)
        throw new errors/* InputError */.dz('targets-file', `${JSON.stringify(source.shown)} is larger than 1 MiB`, 'Name the targets file (monitoring/targets.yml), at most 1 MiB.');
    const text = await (0,promises_.readFile)(source.path, 'utf8');
    return (0,targets/* parseTargets */.Sx)({ input: 'targets-file', file: source.shown, text }, defaults, ports);
}
/** The real edges: one request, one handshake, the clock. */
const liveCheckPorts = (onResult) => ({
    attempt: (spec) => (0,http_probe/* httpAttempt */.kO)(spec),
    certificate: (url, timeoutMs) => readCertificate(url, { timeoutMs }),
    now: () => Date.now(),
    sleep: (ms) => (0,external_node_timers_promises_.setTimeout)(ms),
    ...(onResult ? { onResult } : {}),
});
async function runUptime(host, settings, run) {
    const targets = settings.loaded ?? (await loadTargets(settings.targets, settings.defaults, host));
    const incidents = incidentsFor(host, settings.incidentLabel, run.githubToken);
    // The open incidents are read while the targets are checked.
    const openIssues = incidents ? incidents.list() : Promise.resolve(undefined);
    host.info(`Checking ${targets.length} target(s), ${settings.concurrency} at a time…`);
    const results = await checkTargets(targets, {
        concurrency: settings.concurrency,
        retests: settings.retests,
        retestDelayMs: settings.retestDelayMs,
    }, liveCheckPorts((r) => host.info((0,report/* resultLine */.ow)(r))));
    const issues = await openIssues;
    const records = run.history ?? [];
    const previous = records.length > 0 ? (0,monitor_history/* previousStatuses */.K$)(records) : issues ? incidentStatuses(issues) : new Map();
    const changes = (0,report/* statusChanges */.W0)(results, previous);
    for (const c of changes)
        host.info(`Status change: ${c.subject} ${c.from} → ${c.to}`);
    const notes = [];
    let incidentActions = [];
    if (incidents && issues) {
        const synced = await syncIncidents(host, incidents, results, issues);
        notes.push(...synced.notes);
        incidentActions = synced.actions;
    }
    else if (!settings.incidentLabel)
        notes.push('Incidents: off (incident-label is empty).');
    else if (!incidents)
        notes.push('Incidents: off (no repository or no github-token).');
    const counts = (0,report/* countStatuses */.ip)(results);
    return {
        status: (0,judge/* worstStatus */.A4)(results.map((r) => r.status)),
        outputs: { down: counts.down, degraded: counts.degraded },
        summary: (0,report/* uptimeSummary */.Rx)({
            results,
            // This run's figures close the chart.
            history: [...records, (0,monitor_history/* uptimeRecord */.aC)(results, run.startedAt)],
            chartRuns: run.chartRuns,
            notes: [],
            charts: host.kind === 'github',
        }),
        report: { counts, targets: results, incidents: incidentActions },
        problems: results
            .filter((r) => r.status !== 'up')
            .map((r) => ({ status: r.status, text: `${r.name} is ${r.status} (${r.problems.join('; ')})` })),
        changes,
        history: (0,monitor_history/* historyTargets */.Vx)(results),
        notes,
    };
}
const uptimeCheck = {
    id: 'uptime',
    read: readUptimeSettings,
    prepare: async (host, settings) => ({
        ...settings,
        loaded: await loadTargets(settings.targets, settings.defaults, host),
    }),
    targets: (settings) => settings.loaded ?? [],
    run: runUptime,
};


/***/ }),

/***/ 8685:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eo: () => (/* binding */ historyRecord),
/* harmony export */   Jo: () => (/* binding */ historyLine),
/* harmony export */   K$: () => (/* binding */ previousStatuses),
/* harmony export */   Vx: () => (/* binding */ historyTargets),
/* harmony export */   aC: () => (/* binding */ uptimeRecord),
/* harmony export */   cg: () => (/* binding */ historyDayFiles),
/* harmony export */   fh: () => (/* binding */ historyDayFile),
/* harmony export */   gw: () => (/* binding */ appendBounded),
/* harmony export */   i6: () => (/* binding */ parseHistory),
/* harmony export */   mB: () => (/* binding */ HISTORY_README)
/* harmony export */ });
/* unused harmony exports HISTORY_FILE_MAX_RUNS, HISTORY_LOOKBACK_DAYS */
/* harmony import */ var _judge_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(36306);

/** The history file on disk keeps this many runs (older lines are dropped as new ones come). */
const HISTORY_FILE_MAX_RUNS = 5000;
/** Days of branch files read back for the chart and the previous statuses. */
const HISTORY_LOOKBACK_DAYS = 7;
const round1 = (ms) => (ms === undefined ? undefined : Math.round(ms * 10) / 10);
/** Each target's status and figures, as the history keeps them (no URL, no header). */
function historyTargets(results) {
    return results.map((r) => {
        const l = r.counted.latency;
        const figures = l
            ? { p50: round1(l.p50), p95: round1(l.p95), p99: round1(l.p99), max: round1(l.max) }
            : {};
        return {
            name: r.name,
            status: r.status,
            ...figures,
            errorRate: Math.round(r.counted.errorRate * 10) / 10,
            ...(r.tls?.daysLeft !== undefined ? { tlsDays: r.tls.daysLeft } : {}),
        };
    });
}
function historyRecord(parts) {
    return {
        v: 1,
        at: parts.at.toISOString(),
        ...(parts.runUrl ? { run: parts.runUrl } : {}),
        status: parts.status,
        targets: parts.targets,
        ...(parts.checks && Object.keys(parts.checks).length > 0 ? { checks: parts.checks } : {}),
    };
}
/** The uptime check's own record of a run (for its chart before the run's record is complete). */
const uptimeRecord = (results, at) => historyRecord({
    at,
    status: (0,_judge_js__WEBPACK_IMPORTED_MODULE_0__/* .worstStatus */ .A4)(results.map((r) => r.status)),
    targets: historyTargets(results),
});
const historyLine = (record) => `${JSON.stringify(record)}\n`;
function isRecord(value) {
    const r = value;
    return (typeof r === 'object' &&
        r !== null &&
        r.v === 1 &&
        typeof r.at === 'string' &&
        !Number.isNaN(Date.parse(r.at)) &&
        Array.isArray(r.targets) &&
        r.targets.every((t) => typeof t?.name === 'string' && (0,_judge_js__WEBPACK_IMPORTED_MODULE_0__/* .isMonitorStatus */ .Lk)(t.status)));
}
/** The records in JSON-lines text, oldest first; a line that is not one (a torn write, an edit) is skipped. */
function parseHistory(text) {
    const records = [];
    for (const line of text.split('\n')) {
        if (line.trim() === '')
            continue;
        try {
            const value = JSON.parse(line);
            if (isRecord(value))
                records.push(value);
        }
        catch {
            // skipped: see above
        }
    }
    return records.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
/** Each target's status in the newest record that has it. */
function previousStatuses(records) {
    const statuses = new Map();
    for (const record of records)
        for (const t of record.targets)
            statuses.set(t.name, t.status);
    return statuses;
}
/** The branch file a run at `at` appends to: `history/2026-09-14.jsonl` (UTC). */
const historyDayFile = (at) => `history/${at.toISOString().slice(0, 10)}.jsonl`;
/** The day files to read for the last few days, newest first. */
function historyDayFiles(now, days = HISTORY_LOOKBACK_DAYS) {
    return Array.from({ length: days }, (_, i) => historyDayFile(new Date(now.getTime() - i * 86_400_000)));
}
/** The newest `keep` lines of a history file, with one more appended. */
function appendBounded(text, line, keep = HISTORY_FILE_MAX_RUNS) {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    lines.push(line.replace(/\n$/, ''));
    return `${lines.slice(-keep).join('\n')}\n`;
}
const HISTORY_README = `# Monitor history

Written by the prod-monitor action: one JSON line per run in \`history/<UTC date>.jsonl\`, each with the
run's time, the worst status, and every target's status, p50/p95/p99/max (ms), error rate (%) and days
until its certificate expires. This branch has no common history with the code; nothing here is code.
`;


/***/ }),

/***/ 36306:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A4: () => (/* binding */ worstStatus),
/* harmony export */   C4: () => (/* binding */ judgeRound),
/* harmony export */   Ef: () => (/* binding */ countingRound),
/* harmony export */   Lk: () => (/* binding */ isMonitorStatus),
/* harmony export */   Z9: () => (/* binding */ judgeCertificate),
/* harmony export */   tW: () => (/* binding */ STATUS_ICON),
/* harmony export */   yf: () => (/* binding */ severity)
/* harmony export */ });
/* unused harmony exports MONITOR_STATUSES, failureMix */
/* harmony import */ var _probe_stats_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(35194);
/* harmony import */ var _probe_window_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(15181);


const MONITOR_STATUSES = ['up', 'degraded', 'down'];
const SEVERITY = { up: 0, degraded: 1, down: 2 };
const severity = (status) => SEVERITY[status];
/** The worst of some statuses; up for none. */
function worstStatus(statuses) {
    let worst = 'up';
    for (const s of statuses)
        if (SEVERITY[s] > SEVERITY[worst])
            worst = s;
    return worst;
}
const isMonitorStatus = (value) => typeof value === 'string' && MONITOR_STATUSES.includes(value);
const STATUS_ICON = { up: '🟢', degraded: '🟡', down: '🔴' };
const DAY_MS = 86_400_000;
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** The certificate against the target's thresholds, `now` being the run's time. */
function judgeCertificate(target, observed, now) {
    if (!observed.ok)
        // The samples tell whether the service answers; this only says the certificate is unknown.
        return { status: 'up', error: `${observed.reason}: ${observed.detail}` };
    const certificate = observed.certificate;
    const expires = Date.parse(certificate.validTo);
    const daysLeft = Math.floor((expires - now) / DAY_MS);
    const base = { certificate, daysLeft };
    const day = certificate.validTo.slice(0, 10);
    if (expires <= now)
        return { ...base, status: 'down', problem: `the certificate expired on ${day}` };
    if (!certificate.authorized)
        return {
            ...base,
            status: 'down',
            problem: `the certificate is not trusted (${certificate.authorizationError ?? 'unknown reason'})`,
        };
    const left = `the certificate expires in ${plural(daysLeft, 'day')} (${day})`;
    if (expires - now < target.tlsErrorDays * DAY_MS)
        return { ...base, status: 'down', problem: `${left}, within tls-error-days (${target.tlsErrorDays})` };
    if (expires - now < target.tlsWarnDays * DAY_MS)
        return { ...base, status: 'degraded', problem: `${left}, within tls-warn-days (${target.tlsWarnDays})` };
    return { ...base, status: 'up' };
}
/** What failed, grouped: "3× status (HTTP 500, expected 200-299), 1× timeout (…)". */
function failureMix(samples) {
    const groups = new Map();
    for (const s of samples.filter((x) => !x.ok)) {
        const group = groups.get(s.reason) ?? { count: 0, detail: s.detail };
        group.count++;
        groups.set(s.reason, group);
    }
    return [...groups].map(([reason, g]) => `${g.count}× ${reason} (${g.detail})`).join(', ');
}
/** One round of samples (and the certificate's verdict) against the target's limits. */
function judgeRound(target, samples, tls) {
    const errors = samples.filter((s) => !s.ok).length;
    const rate = (0,_probe_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .errorRate */ .zi)(errors, samples.length);
    const latency = (0,_probe_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .summarizeLatencies */ ._q)(samples.map((s) => s.latencyMs));
    const problems = [];
    let status = 'up';
    const raise = (to, problem) => {
        if (SEVERITY[to] > SEVERITY[status])
            status = to;
        problems.push(problem);
    };
    if (samples.length === 0)
        raise('down', 'no sample was taken');
    else if (errors * 2 > samples.length)
        raise('down', `${errors} of ${samples.length} samples failed: ${failureMix(samples)}`);
    else if (rate > target.maxErrorRate)
        raise('degraded', `${errors} of ${samples.length} samples failed (${(0,_probe_window_js__WEBPACK_IMPORTED_MODULE_1__/* .formatRate */ .CE)(rate)}, limit ${target.maxErrorRate}%): ${failureMix(samples)}`);
    if (target.maxLatencyMs !== undefined && latency && latency.p95 > target.maxLatencyMs)
        raise('degraded', `p95 ${Math.round(latency.p95)}ms is over max-latency ${target.maxLatencyMs}ms`);
    if (tls?.problem)
        raise(tls.status, tls.problem);
    return {
        status,
        problems,
        samples: [...samples],
        errors,
        errorRate: rate,
        ...(latency ? { latency } : {}),
    };
}
/**
 * The round that counts: the least severe (a problem must last through every re-test), the latest among
 * equals, so the figures are the freshest that show it.
 */
function countingRound(rounds) {
    let best;
    for (const round of rounds)
        if (!best || SEVERITY[round.status] <= SEVERITY[best.status])
            best = round;
    return best;
}


/***/ }),

/***/ 14631:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jt: () => (/* binding */ SUMMARY_LIMIT),
/* harmony export */   Rx: () => (/* binding */ uptimeSummary),
/* harmony export */   Tb: () => (/* binding */ changesText),
/* harmony export */   W0: () => (/* binding */ statusChanges),
/* harmony export */   c9: () => (/* binding */ changesPayload),
/* harmony export */   ip: () => (/* binding */ countStatuses),
/* harmony export */   mW: () => (/* binding */ fitSummary),
/* harmony export */   ow: () => (/* binding */ resultLine)
/* harmony export */ });
/* unused harmony exports SUMMARY_BUDGET, MAX_CHARTS, resultsTable, responseTimeCharts, describeFigures, countsLine */
/* harmony import */ var _shared_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(55523);
/* harmony import */ var _probe_window_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(15181);
/* harmony import */ var _judge_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(36306);
/* harmony import */ var _shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(55915);
/**
 * The monitor's words and tables: log lines, the job summary (the targets table and a Mermaid response-time
 * chart per target over recent runs), status changes and the webhook messages. Target names, URLs and
 * response details are user input or come from outside: every one goes through the safe Markdown helpers.
 */




/** GitHub refuses a job summary over 1 MiB; the uptime section stays well under it. */
const SUMMARY_BUDGET = 900 * 1024;
/** The whole summary's ceiling (every check's section, the heading and the notes), under GitHub's 1 MiB. */
const SUMMARY_LIMIT = 1000 * 1024;
/** Charts drawn at most (one per target): more would bury the table. */
const MAX_CHARTS = 12;
const ms = (v) => (v === undefined ? '—' : `${Math.round(v)}ms`);
function countStatuses(results) {
    const counts = { up: 0, degraded: 0, down: 0 };
    for (const r of results)
        counts[r.status]++;
    return counts;
}
/** A duration people read: 45s, 12m, 3h 20m, 2d 4h. */
function tlsCell(r) {
    if (!r.tls)
        return '—';
    if (r.tls.error)
        return 'unread';
    const days = r.tls.daysLeft;
    return `${days}d${r.tls.status === 'up' ? '' : ` ${_judge_js__WEBPACK_IMPORTED_MODULE_1__/* .STATUS_ICON */ .tW[r.tls.status]}`}`;
}
/** `2 of 5 (40%)`. */
const errorsCell = (r) => `${r.counted.errors} of ${r.counted.samples.length}${r.counted.errors ? ` (${(0,_probe_window_js__WEBPACK_IMPORTED_MODULE_3__/* .formatRate */ .CE)(r.counted.errorRate)})` : ''}`;
/** The figures of each target as a Markdown table. */
function resultsTable(results) {
    return (0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['', 'target', 'status', 'p50', 'p95', 'p99', 'max', 'errors', 'TLS', 'why'], results.map((r) => [
        _judge_js__WEBPACK_IMPORTED_MODULE_1__/* .STATUS_ICON */ .tW[r.status],
        `${(0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(r.name)}<br>${(0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)((0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .displayUrl */ .Qy)(r.url))}`,
        `${r.status}${r.rounds.length > 1 ? ` (${r.rounds.length} rounds)` : ''}`,
        ms(r.counted.latency?.p50),
        ms(r.counted.latency?.p95),
        ms(r.counted.latency?.p99),
        ms(r.counted.latency?.max),
        errorsCell(r),
        tlsCell(r),
        r.problems.length ? (0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(r.problems.join('; ')) : '',
    ]));
}
/** One line per target for the log: `🔴 down  nuzantara-rag  p50 12ms p95 30ms  errors 5 of 5  TLS 54d: why`. */
function resultLine(r) {
    const l = r.counted.latency;
    const tls = r.tls && !r.tls.error ? `  TLS ${r.tls.daysLeft}d` : '';
    const retested = r.rounds.length > 1 ? `  (${r.rounds.length} rounds)` : '';
    const why = r.problems.length ? `: ${r.problems.join('; ')}` : '';
    return `${_judge_js__WEBPACK_IMPORTED_MODULE_1__/* .STATUS_ICON */ .tW[r.status]} ${r.status.padEnd(8)} ${r.name}  p50 ${ms(l?.p50)} p95 ${ms(l?.p95)} p99 ${ms(l?.p99)} max ${ms(l?.max)}  errors ${errorsCell(r)}${tls}${retested}  ${(0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .displayUrl */ .Qy)(r.url)}${why}`;
}
/** Mermaid text inside quotes: only characters that cannot end the string, the block or the fence. */
const mermaidText = (text) => text
    .replace(/[^\p{L}\p{N} ._:/()-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60) || 'target';
const timeLabel = (iso) => `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
/**
 * One `xychart-beta` line chart of p95 per target over the last `runs` records (this run included), for
 * the targets that have at least two points; the least healthy first, at most `max`.
 */
function responseTimeCharts(records, results, options = { runs: 24 }) {
    const recent = records.slice(-options.runs);
    const ordered = [...results].sort((a, b) => (0,_judge_js__WEBPACK_IMPORTED_MODULE_1__/* .severity */ .yf)(b.status) - (0,_judge_js__WEBPACK_IMPORTED_MODULE_1__/* .severity */ .yf)(a.status));
    const charts = [];
    let eligible = 0;
    for (const result of ordered) {
        const points = recent
            .map((rec) => ({ at: rec.at, p95: rec.targets.find((t) => t.name === result.name)?.p95 }))
            .filter((p) => typeof p.p95 === 'number' && Number.isFinite(p.p95));
        if (points.length < 2)
            continue;
        eligible++;
        if (charts.length >= (options.max ?? MAX_CHARTS))
            continue;
        const top = Math.max(...points.map((p) => p.p95), result.limits.maxLatencyMs ?? 0);
        charts.push([
            '```mermaid',
            'xychart-beta',
            `    title "${mermaidText(result.name)}: p95 (ms)"`,
            `    x-axis [${points.map((p) => `"${timeLabel(p.at)}"`).join(', ')}]`,
            `    y-axis "ms" 0 --> ${Math.max(1, Math.ceil(top * 1.1))}`,
            `    line [${points.map((p) => Math.round(p.p95)).join(', ')}]`,
            '```',
        ].join('\n'));
    }
    return { markdown: charts.join('\n\n'), drawn: charts.length, left: eligible - charts.length };
}
/** Status changes against the previous statuses; a target never seen before counts as having been up. */
function statusChanges(results, previous) {
    return results
        .filter((r) => r.status !== (previous.get(r.name) ?? 'up'))
        .map((r) => ({
        check: 'uptime',
        subject: r.name,
        from: previous.get(r.name) ?? 'up',
        to: r.status,
        detail: r.problems.join('; ') || describeFigures(r),
        url: (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .displayUrl */ .Qy)(r.url),
    }));
}
function describeFigures(r) {
    const l = r.counted.latency;
    return `p50 ${ms(l?.p50)}, p95 ${ms(l?.p95)}, errors ${errorsCell(r)}`;
}
/** The Slack-compatible message (mrkdwn is plain enough): one line per change, then the run. */
function changesText(changes, runUrl) {
    const lines = changes.map((c) => `${_judge_js__WEBPACK_IMPORTED_MODULE_1__/* .STATUS_ICON */ .tW[c.to]} ${c.subject} is ${c.to} (was ${c.from})${c.url ? ` ${c.url}` : ''}: ${c.detail}`);
    return [`prod-monitor: ${changes.length} status change(s)`, ...lines, ...(runUrl ? [runUrl] : [])].join('\n');
}
/** The generic webhook's JSON document. */
function changesPayload(changes, context) {
    return {
        source: 'nuzantara-prod-monitor',
        version: 1,
        at: context.at,
        status: context.status,
        ...(context.repository ? { repository: context.repository } : {}),
        ...(context.runUrl ? { run_url: context.runUrl } : {}),
        changes: changes.map((c) => ({
            check: c.check,
            subject: c.subject,
            from: c.from,
            to: c.to,
            detail: c.detail,
            ...(c.url ? { url: c.url } : {}),
        })),
    };
}
/** The heading and counts: `🔴 1 down, 🟡 1 degraded, 🟢 3 up`. */
function countsLine(counts) {
    const parts = ['down', 'degraded', 'up']
        .filter((s) => counts[s] > 0)
        .map((s) => `${_judge_js__WEBPACK_IMPORTED_MODULE_1__/* .STATUS_ICON */ .tW[s]} ${counts[s]} ${s}`);
    return parts.join(', ') || 'no targets';
}
/** The uptime section of the job summary, kept under the budget (charts go first, then table rows). */
function uptimeSummary(input, budget = SUMMARY_BUDGET) {
    const counts = countStatuses(input.results);
    const head = [`### Uptime: ${countsLine(counts)}`, ''];
    const chart = input.charts
        ? responseTimeCharts(input.history, input.results, { runs: input.chartRuns })
        : undefined;
    const chartPart = chart && chart.drawn > 0
        ? [
            '',
            `#### Response time, p95 over the last ${Math.min(input.chartRuns, input.history.length)} runs`,
            '',
            chart.markdown,
            ...(chart.left > 0 ? ['', `${chart.left} more target(s) not drawn.`] : []),
        ]
        : [];
    const notes = input.notes.length ? ['', ...input.notes.map((n) => `- ${n}`)] : [];
    const build = (rows, withChart) => {
        const more = rows < input.results.length
            ? ['', `${input.results.length - rows} more target(s): see the JSON report.`]
            : [];
        const tablePart = rows > 0 ? [resultsTable(input.results.slice(0, rows)), ...more] : more.slice(1);
        return `${[...head, ...tablePart, ...(withChart ? chartPart : []), ...notes].join('\n')}\n`;
    };
    const fits = (text) => Buffer.byteLength(text) <= budget;
    const whole = build(input.results.length, true);
    if (fits(whole))
        return whole;
    for (let rows = input.results.length;; rows = Math.floor(rows / 2)) {
        const text = build(rows, false);
        if (fits(text) || rows === 0)
            return text;
    }
}
/**
 * The job summary: the heading, each check's section and the closing notes, cut to `limit` bytes in all.
 * While it is too long, the largest section loses its tail at a line boundary (a code fence left open is
 * closed, so the rest still renders) and says where the whole is.
 */
function fitSummary(head, sections, tail, limit = SUMMARY_LIMIT, whole = 'the JSON report') {
    const parts = [...sections];
    const join = () => [head, ...parts, tail].join('\n');
    const note = `\n> ✂️ Cut to stay under GitHub's 1 MiB job-summary limit: the whole is in ${whole}.\n`;
    for (let tries = 0; tries < parts.length; tries++) {
        const over = Buffer.byteLength(join()) - limit;
        if (over <= 0)
            break;
        let largest = 0;
        for (let i = 1; i < parts.length; i++)
            if (Buffer.byteLength(parts[i]) > Buffer.byteLength(parts[largest]))
                largest = i;
        const section = parts[largest];
        // Room for the note and a closing fence too.
        const keep = Math.max(0, Buffer.byteLength(section) - over - Buffer.byteLength(note) - 8);
        parts[largest] = `${cutAtLine(section, keep)}${note}`;
    }
    return join();
}
/** The text's first `maxBytes` bytes or fewer, ending at a line boundary, with an open code fence closed. */
function cutAtLine(text, maxBytes) {
    if (maxBytes <= 0)
        return '';
    const bytes = Buffer.from(text);
    // A negative offset would count from the end: maxBytes is at least 1 here.
    const end = bytes.lastIndexOf(10, maxBytes - 1);
    const kept = end < 0 ? '' : bytes.subarray(0, end + 1).toString('utf8');
    const fences = kept.split('\n').filter((line) => line.trimStart().startsWith('```')).length;
    return fences % 2 === 1 ? `${kept}\`\`\`\n` : kept;
}


/***/ }),

/***/ 9019:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ge: () => (/* binding */ TIMEOUT_BOUNDS),
/* harmony export */   Iz: () => (/* binding */ ERROR_RATE_BOUNDS),
/* harmony export */   Qp: () => (/* binding */ checkTargetDefaults),
/* harmony export */   Sx: () => (/* binding */ parseTargets),
/* harmony export */   T: () => (/* binding */ DEFAULT_TARGETS_YAML),
/* harmony export */   cv: () => (/* binding */ MAX_LATENCY_BOUNDS),
/* harmony export */   dj: () => (/* binding */ probeDefaults),
/* harmony export */   p4: () => (/* binding */ targetProbeSpec),
/* harmony export */   qS: () => (/* binding */ TLS_DAYS_BOUNDS),
/* harmony export */   uO: () => (/* binding */ SAMPLES_BOUNDS)
/* harmony export */ });
/* unused harmony exports MAX_TARGETS, TARGET_KEYS, defaultTargetName */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(59677);
/* harmony import */ var _shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(55915);
/* harmony import */ var _probe_spec_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(63346);
/**
 * What the monitor checks: a YAML list under `targets:` (the `targets` input, or the `targets-file` in the
 * repository), each target's fields parsed with the probe's and the inputs' own parsers, over defaults from
 * the top-level inputs. One clear error per problem, naming the target (by name and position), the field and
 * the line; header values never reach a message (YAML errors are reported without their excerpt).
 */




const SAMPLES_BOUNDS = { min: 1, max: 100 };
/** The probe's own limits for one request. */
const TIMEOUT_BOUNDS = { minMs: 100, maxMs: 300_000 };
const MAX_LATENCY_BOUNDS = { minMs: 1 };
const TLS_DAYS_BOUNDS = { min: 0, max: 3650 };
const ERROR_RATE_BOUNDS = { min: 0, max: 100 };
const MAX_TARGETS = 1000;
const MAX_TEXT_BYTES = 1024 * 1024;
const MAX_NAME_LENGTH = 100;
/** The target keys, in the order the docs list them. */
const TARGET_KEYS = [
    'name',
    'url',
    'method',
    'headers',
    'expect-status',
    'expect-body',
    'max-latency',
    'samples',
    'timeout',
    'follow-redirects',
    'max-error-rate',
    'tls-warn-days',
    'tls-error-days',
];
/** The two apps, when neither `targets` nor `targets-file` is given. */
const DEFAULT_TARGETS_YAML = `targets:
  - name: nuzantara-rag
    url: https://nuzantara-rag.fly.dev/health
  - name: nuzantara-mouth
    url: https://nuzantara-mouth.fly.dev/
`;
const FIELD_FIX = {
    targets: 'Write a list under targets:, each entry a mapping with at least url, e.g.\ntargets:\n  - name: api\n    url: https://nuzantara-rag.fly.dev/health',
};
/** Edit distance, for "did you mean": keys are short, so the plain table is enough. */
function distance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let previous = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const current = row[j];
            row[j] = Math.min(current + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
            previous = current;
        }
    }
    return row[b.length];
}
function suggestion(key) {
    const normal = key.toLowerCase().replace(/[_\s]/g, '-');
    const best = TARGET_KEYS.map((k) => [k, distance(normal, k)]).sort((a, b) => a[1] - b[1])[0];
    return best && best[1] <= 2 ? ` Did you mean ${best[0]}?` : '';
}
const ordinal = (i) => `target ${i + 1}`;
/** `${NAME}` in a header value → the environment variable; unset is an error (the value would be wrong). */
function expandEnv(value, header, ports) {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name) => {
        const found = ports.env(name);
        if (found === undefined || found === '')
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('headers', `header ${header} uses \${${name}}, which is not set in the step's environment`, `Pass it to the step, e.g. env: ${name}: \${{ secrets.${name} }}, or run with ${name} exported.`);
        return found;
    });
}
/** A scalar as the text the input parsers read; lists and mappings are refused by the caller. */
function scalarText(value) {
    if (value === null || value === undefined)
        return '';
    return typeof value === 'string' ? value : String(value);
}
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Header values from a mapping (Name: value) or "Name: value" lines; values masked before anything else. */
function readHeaders(raw, ports) {
    let headers;
    if (isPlainObject(raw)) {
        headers = {};
        for (const [key, value] of Object.entries(raw)) {
            if (isPlainObject(value) || Array.isArray(value))
                throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('headers', `the value of ${key} is a ${Array.isArray(value) ? 'list' : 'mapping'}, not text (value hidden)`, 'Give each header as Name: value.');
            headers[key] = scalarText(value).trim();
        }
    }
    else if (typeof raw === 'string')
        headers = (0,_probe_spec_js__WEBPACK_IMPORTED_MODULE_3__/* .parseHeaders */ .QG)('headers', raw);
    else
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('headers', 'is neither a mapping nor "Name: value" lines', 'Write headers as a mapping, e.g. headers: { Authorization: "Bearer ${TOKEN}" }.');
    for (const value of Object.values(headers))
        if (value)
            ports.mask(value);
    for (const [key, value] of Object.entries(headers)) {
        const expanded = expandEnv(value, key, ports);
        if (expanded !== value)
            ports.mask(expanded);
        headers[key] = expanded;
    }
    (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .checkHeaders */ .ZZ)('headers', headers);
    return headers;
}
function statusText(raw) {
    if (Array.isArray(raw))
        return raw.map(scalarText).join(',');
    return scalarText(raw);
}
/** A field the parsers read as text: a list or mapping here is a mistake worth naming. */
function textOf(key, raw) {
    if (Array.isArray(raw) || isPlainObject(raw))
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(key, `is a ${Array.isArray(raw) ? 'list' : 'mapping'}`, 'Give a single value.');
    return scalarText(raw);
}
/**
 * One field's value over the defaults. Empty (or null) keeps the default. Parsers throw InputErrors named
 * after the field; the caller adds the target and the line.
 */
function applyField(settings, key, raw, ports) {
    if (key === 'headers') {
        if (raw === null || raw === undefined || raw === '')
            return;
        // Per-target headers add to (and override) the defaults.
        settings.headers = { ...settings.headers, ...readHeaders(raw, ports) };
        return;
    }
    const text = key === 'expect-status' ? statusText(raw) : textOf(key, raw);
    if (text.trim() === '')
        return;
    switch (key) {
        case 'method':
            settings.method = (0,_probe_spec_js__WEBPACK_IMPORTED_MODULE_3__/* .parseProbeMethod */ .LM)(key, text);
            return;
        case 'expect-status':
            settings.expectStatus = (0,_probe_spec_js__WEBPACK_IMPORTED_MODULE_3__/* .parseStatusSet */ .oY)(key, text);
            return;
        case 'expect-body':
            settings.body = (0,_probe_spec_js__WEBPACK_IMPORTED_MODULE_3__/* .parseBodyCheck */ .Ou)(key, text);
            return;
        case 'max-latency':
            settings.maxLatencyMs = (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDuration */ .E9)(key, text, MAX_LATENCY_BOUNDS);
            return;
        case 'samples':
            settings.samples = (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseInteger */ .cG)(key, text, SAMPLES_BOUNDS);
            return;
        case 'timeout':
            settings.timeoutMs = (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDuration */ .E9)(key, text, TIMEOUT_BOUNDS);
            return;
        case 'follow-redirects':
            settings.followRedirects = (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseBoolean */ .yG)(key, text);
            return;
        case 'max-error-rate':
            settings.maxErrorRate = (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseNumber */ .$J)(key, text, ERROR_RATE_BOUNDS);
            return;
        case 'tls-warn-days':
            settings.tlsWarnDays = (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseInteger */ .cG)(key, text, TLS_DAYS_BOUNDS);
            return;
        case 'tls-error-days':
            settings.tlsErrorDays = (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseInteger */ .cG)(key, text, TLS_DAYS_BOUNDS);
            return;
    }
}
/** The name a target gets without one: host and path, stable across runs (its incident is keyed by it). */
function defaultTargetName(url) {
    const path = url.pathname === '/' ? '' : url.pathname;
    return `${url.host}${path}`.slice(0, MAX_NAME_LENGTH);
}
function checkName(raw) {
    if (Array.isArray(raw) || isPlainObject(raw))
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('name', `is a ${Array.isArray(raw) ? 'list' : 'mapping'}`, 'Give a short text.');
    const name = scalarText(raw).trim();
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(name))
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('name', 'holds a line break or a control character', 'Give a one-line name such as nuzantara-rag.');
    if (name.length > MAX_NAME_LENGTH)
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('name', `is ${name.length} characters long`, `Use at most ${MAX_NAME_LENGTH} characters.`);
    return name;
}
/** Cross-field rules, once the target's fields are all known. */
function checkTarget(target) {
    if (target.tlsErrorDays > target.tlsWarnDays)
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('tls-error-days', `${target.tlsErrorDays} is above tls-warn-days (${target.tlsWarnDays}), so no warning would ever come first`, 'Make tls-error-days at most tls-warn-days (e.g. tls-warn-days: 14, tls-error-days: 7).');
}
/** Checks the defaults alone (the top-level inputs) with the same rules as a target. */
function checkTargetDefaults(defaults) {
    checkTarget(defaults);
}
/** Where a problem is: the file's line and the target, for the message. */
function place(source, line, target) {
    const at = source.file
        ? `${source.file}${line ? ` line ${line}` : ''}`
        : `the YAML${line ? ` line ${line}` : ''}`;
    return target ? `${at}, ${target}` : at;
}
function lineOf(node, lines) {
    const offset = node?.range?.[0];
    return offset === undefined ? undefined : lines.linePos(offset).line;
}
/**
 * The targets in `source.text`, each over a copy of `defaults`. Throws one InputError (named after
 * `source.input`) for the first problem found.
 */
function parseTargets(source, defaults, ports) {
    function fail(line, target, problem, fix) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(source.input, `${place(source, line, target)}: ${problem}`, fix);
    }
    if (Buffer.byteLength(source.text) > MAX_TEXT_BYTES)
        fail(undefined, undefined, 'is larger than 1 MiB', `List at most ${MAX_TARGETS} targets.`);
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    // No excerpt in YAML errors: the line they quote could hold a header value.
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(source.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const syntax = doc.errors[0];
    if (syntax) {
        const { line, col } = lines.linePos(syntax.pos[0]);
        fail(line, undefined, `is not valid YAML (column ${col}: ${syntax.message.split('\n')[0]})`, FIELD_FIX.targets);
    }
    const root = doc.contents;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(root))
        fail(lineOf(root, lines), undefined, 'has no targets: mapping', FIELD_FIX.targets);
    let list;
    for (const pair of root.items) {
        const key = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? String(pair.key.value) : '';
        if (key === 'targets')
            list = pair.value;
        else
            fail(lineOf(pair.key, lines), undefined, `unknown top-level key ${JSON.stringify(key)}`, 'The file holds one key, targets:, with the list of targets.');
    }
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(list))
        fail(lineOf(list ?? root, lines), undefined, list ? 'targets: is not a list' : 'has no targets: list', FIELD_FIX.targets);
    let js = [];
    try {
        js = doc.toJS({ maxAliasCount: 100 }).targets;
    }
    catch (error) {
        // Aliases expanding past the limit (a "billion laughs" document).
        fail(undefined, undefined, `cannot be read (${error.message})`, 'Use fewer YAML aliases.');
    }
    if (js.length === 0)
        fail(lineOf(list, lines), undefined, 'targets: is empty', FIELD_FIX.targets);
    if (js.length > MAX_TARGETS)
        fail(lineOf(list, lines), undefined, `lists ${js.length} targets`, `List at most ${MAX_TARGETS} targets; split them over several monitor steps.`);
    const targets = [];
    const seen = new Map();
    list.items.forEach((item, index) => {
        const node = item;
        const value = js[index];
        const itemLine = lineOf(node, lines);
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node) || !isPlainObject(value))
            fail(itemLine, ordinal(index), 'is not a mapping', 'Give each target as keys, e.g. - name: api\n    url: https://nuzantara-rag.fly.dev/health');
        const named = typeof value.name === 'string' && value.name.trim() ? value.name.trim() : undefined;
        const who = named
            ? `${ordinal(index)} (${JSON.stringify(named.slice(0, MAX_NAME_LENGTH))})`
            : ordinal(index);
        const keyLine = new Map();
        for (const pair of node.items) {
            const key = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? String(pair.key.value) : String(pair.key);
            keyLine.set(key, lineOf((pair.value ?? pair.key), lines));
            if (!TARGET_KEYS.includes(key))
                fail(lineOf(pair.key, lines), who, `unknown key ${JSON.stringify(key)}`, `Use ${TARGET_KEYS.join(', ')}.${suggestion(key)}`);
        }
        const field = (key, read) => {
            try {
                return read();
            }
            catch (error) {
                if (!(error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz))
                    throw error;
                return fail(keyLine.get(key) ?? itemLine, who, `${key}: ${error.problem}`, error.fix);
            }
        };
        if (value.url === undefined || value.url === null || scalarText(value.url).trim() === '')
            fail(itemLine, who, 'has no url', 'Give the URL to check, e.g. url: https://nuzantara-rag.fly.dev/health.');
        const url = field('url', () => {
            const text = textOf('url', value.url).trim();
            const parsed = (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseUrl */ .Dl)('url', text);
            for (const secret of (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .urlSecrets */ .Fn)(text, parsed))
                ports.mask(secret);
            return parsed;
        });
        const name = field('name', () => checkName(value.name)) || defaultTargetName(url);
        const settings = { ...defaults, headers: { ...defaults.headers } };
        for (const key of TARGET_KEYS) {
            if (key === 'name' || key === 'url' || !(key in value))
                continue;
            field(key, () => applyField(settings, key, value[key], ports));
        }
        field('tls-error-days', () => checkTarget(settings));
        const earlier = seen.get(name);
        if (earlier !== undefined)
            fail(itemLine, who, `has the same name as target ${earlier + 1}: ${JSON.stringify(name)}`, 'Give each target its own name: its incident issue and its history are kept by name.');
        seen.set(name, index);
        targets.push({ name, url: url.toString(), ...settings });
    });
    return targets;
}
/** Target defaults from a probe's settings (health-check's flags): one request, the monitor's TLS limits. */
function probeDefaults(probe) {
    return {
        method: (0,_probe_spec_js__WEBPACK_IMPORTED_MODULE_3__/* .parseProbeMethod */ .LM)('method', probe.method),
        headers: { ...probe.headers },
        expectStatus: probe.expectStatus,
        ...(probe.body ? { body: probe.body } : {}),
        ...(probe.maxLatencyMs === undefined ? {} : { maxLatencyMs: probe.maxLatencyMs }),
        samples: 1,
        timeoutMs: probe.timeoutMs,
        followRedirects: probe.followRedirects,
        maxErrorRate: 0,
        tlsWarnDays: 14,
        tlsErrorDays: 7,
    };
}
/** The request one sample makes. Latency is judged over the samples (p95), not per request. */
function targetProbeSpec(target, options = {}) {
    return {
        url: target.url,
        method: target.method,
        headers: target.headers,
        expectStatus: target.expectStatus,
        ...(target.body ? { body: target.body } : {}),
        ...(options.perRequestLatency && target.maxLatencyMs !== undefined
            ? { maxLatencyMs: target.maxLatencyMs }
            : {}),
        timeoutMs: target.timeoutMs,
        followRedirects: target.followRedirects,
        maxRedirects: 5,
    };
}


/***/ })

};

//# sourceMappingURL=795.index.js.map