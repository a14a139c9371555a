export const id = 268;
export const ids = [268];
export const modules = {

/***/ 48700:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A$: () => (/* binding */ dropAliases),
/* harmony export */   Q0: () => (/* binding */ advisoryLink),
/* harmony export */   c0: () => (/* binding */ ADVISORY_ID),
/* harmony export */   rc: () => (/* binding */ parseAdvisory)
/* harmony export */ });
/* harmony import */ var _severity_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48740);
/* harmony import */ var _shared_order_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77808);
/** OSV records read defensively: only what the scan uses, from whatever a server or mirror returns. */


const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** What an advisory id may look like (GHSA-…, PYSEC-…, CVE-…): ids go into links and tables, so nothing else is accepted. */
const ADVISORY_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
/** The public page of an advisory (the osv.dev page names every alias and reference). */
const advisoryLink = (id) => `https://osv.dev/vulnerability/${encodeURIComponent(id)}`;
/** An OSV record (GET /v1/vulns/{id}); undefined when it is not one. */
function parseAdvisory(data) {
    if (!isObject(data) || typeof data.id !== 'string' || !ADVISORY_ID.test(data.id))
        return undefined;
    const aliases = Array.isArray(data.aliases)
        ? data.aliases.filter((a) => typeof a === 'string' && ADVISORY_ID.test(a))
        : [];
    const summary = typeof data.summary === 'string' && data.summary.trim()
        ? data.summary.trim()
        : typeof data.details === 'string'
            ? (data.details.trim().split(/\r?\n/)[0] ?? '').slice(0, 200)
            : '';
    return {
        id: data.id,
        aliases,
        summary,
        severity: (0,_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .advisorySeverity */ .Hp)(data),
        link: advisoryLink(data.id),
        affected: Array.isArray(data.affected) ? data.affected : [],
    };
}
/**
 * Ids OSV returns for the same vulnerability (a PYSEC and its GHSA) become one: the better described record
 * is kept, with the highest severity any of them gives, so merging never lowers a gate.
 */
function dropAliases(advisories) {
    const rank = (a) => (a.severity.source === 'CVSS_V4' || a.severity.source === 'CVSS_V3' ? 4 : a.severity.level ? 2 : 0) +
        (a.id.startsWith('GHSA-') ? 1 : 0);
    const names = (a) => [a.id, ...a.aliases];
    const groups = [];
    for (const a of advisories) {
        const group = groups.find((g) => g.some((k) => names(k).some((n) => names(a).includes(n))));
        if (group)
            group.push(a);
        else
            groups.push([a]);
    }
    return groups.map((group) => {
        const [best] = [...group].sort((x, y) => rank(y) - rank(x) || (0,_shared_order_js__WEBPACK_IMPORTED_MODULE_1__/* .byCodeUnit */ .X)(x.id, y.id));
        const highest = group
            .filter((a) => a.severity.level !== undefined)
            .sort((x, y) => (0,_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .levelRank */ .Le)(y.severity.level) - (0,_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .levelRank */ .Le)(x.severity.level))[0];
        const severity = highest &&
            best.severity.level !== undefined &&
            (0,_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .levelRank */ .Le)(highest.severity.level) > (0,_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .levelRank */ .Le)(best.severity.level)
            ? highest.severity
            : best.severity;
        const aliases = [...new Set(group.flatMap(names))].filter((n) => n !== best.id).sort();
        return { ...best, severity, aliases };
    });
}


/***/ }),

/***/ 48740:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HI: () => (/* binding */ describeSeverity),
/* harmony export */   Hp: () => (/* binding */ advisorySeverity),
/* harmony export */   Le: () => (/* binding */ levelRank),
/* harmony export */   M0: () => (/* binding */ meetsThreshold)
/* harmony export */ });
/* unused harmony exports LEVELS, levelOfScore, levelOfLabel, scoreVector */
/* harmony import */ var ae_cvss_calculator__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44353);
/* harmony import */ var ae_cvss_calculator__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(ae_cvss_calculator__WEBPACK_IMPORTED_MODULE_0__);
/**
 * An advisory's severity: scored from its CVSS vectors (v4.0 and v3.x, through ae-cvss-calculator, a
 * maintained calculator for every CVSS version), else the database's own label
 * (`database_specific.severity`, e.g. GitHub's LOW/MODERATE/HIGH/CRITICAL), else a v2 vector.
 */

// A UMD bundle: Node's ESM loader puts its exports under `default`, a bundler spreads them.
const cvss = ((ae_cvss_calculator__WEBPACK_IMPORTED_MODULE_0___default()) ??
    ae_cvss_calculator__WEBPACK_IMPORTED_MODULE_0__);
const LEVELS = ['none', 'low', 'medium', 'high', 'critical'];
const levelRank = (level) => LEVELS.indexOf(level);
/** CVSS qualitative rating (the same bands in v2's common use, v3.x and v4.0). */
function levelOfScore(score) {
    if (score >= 9)
        return 'critical';
    if (score >= 7)
        return 'high';
    if (score >= 4)
        return 'medium';
    if (score > 0)
        return 'low';
    return 'none';
}
const LABELS = {
    none: 'none',
    low: 'low',
    moderate: 'medium',
    medium: 'medium',
    high: 'high',
    important: 'high',
    critical: 'critical',
};
function levelOfLabel(label) {
    return typeof label === 'string' ? LABELS[label.trim().toLowerCase()] : undefined;
}
/** The base score of a full CVSS vector; undefined for anything incomplete or unreadable. */
function scoreVector(vector) {
    try {
        const parsed = cvss.fromVector(vector.trim());
        if (!parsed || !parsed.isBaseFullyDefined())
            return undefined;
        const scores = parsed.calculateScores();
        const score = scores.base ?? scores.overall;
        return typeof score === 'number' && Number.isFinite(score) ? score : undefined;
    }
    catch {
        return undefined;
    }
}
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
function severityEntries(list) {
    if (!Array.isArray(list))
        return [];
    return list.filter((s) => isObject(s) &&
        (s.type === 'CVSS_V4' || s.type === 'CVSS_V3' || s.type === 'CVSS_V2') &&
        typeof s.score === 'string');
}
/**
 * The severity of an OSV record. Of its v4 and v3 vectors (top level and per affected package) the highest
 * score counts, so a gate never passes on the choice of vector.
 */
function advisorySeverity(vuln) {
    const affected = Array.isArray(vuln.affected) ? vuln.affected.filter(isObject) : [];
    const entries = [
        ...severityEntries(vuln.severity),
        ...affected.flatMap((a) => severityEntries(a.severity)),
    ];
    const scored = (types) => entries
        .filter((e) => types.includes(e.type))
        .map((e) => ({ ...e, value: scoreVector(e.score) }))
        .filter((e) => e.value !== undefined)
        .sort((a, b) => b.value - a.value)[0];
    const best = scored(['CVSS_V4', 'CVSS_V3']);
    if (best)
        return { level: levelOfScore(best.value), score: best.value, vector: best.score, source: best.type };
    const label = levelOfLabel(isObject(vuln.database_specific) ? vuln.database_specific.severity : undefined) ??
        affected
            .map((a) => levelOfLabel(isObject(a.database_specific) ? a.database_specific.severity : undefined) ??
            levelOfLabel(isObject(a.ecosystem_specific) ? a.ecosystem_specific.severity : undefined))
            .find((l) => l !== undefined);
    if (label)
        return { level: label, source: 'label' };
    const v2 = scored(['CVSS_V2']);
    if (v2)
        return { level: levelOfScore(v2.value), score: v2.value, vector: v2.score, source: 'CVSS_V2' };
    return { source: 'unknown' };
}
/**
 * Whether an advisory meets the gate. An unknown severity meets every gate but `none`: nothing shows it is
 * below the threshold.
 */
function meetsThreshold(severity, failOn) {
    if (failOn === 'none')
        return false;
    if (severity.level === undefined)
        return true;
    return levelRank(severity.level) >= levelRank(failOn);
}
function describeSeverity(severity) {
    if (severity.level === undefined)
        return 'unknown';
    return severity.score === undefined ? severity.level : `${severity.level} (${severity.score.toFixed(1)})`;
}


/***/ }),

/***/ 97268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OSV_BATCH_LIMIT: () => (/* binding */ OSV_BATCH_LIMIT),
/* harmony export */   describeBase: () => (/* binding */ describeBase),
/* harmony export */   osvClient: () => (/* binding */ osvClient)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _domain_shared_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6234);
/* harmony import */ var _domain_shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(55915);
/* harmony import */ var _domain_vulns_advisory_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48700);
/**
 * The OSV API (https://google.github.io/osv.dev/api/): `POST /v1/querybatch` for the advisory ids of many
 * packages at once, in batches of at most 1000 queries (the limit osv.dev sets and OSV's own clients
 * hard-code), following each query's `next_page_token`; `GET /v1/vulns/{id}` for one advisory's details.
 * The base URL is an input, so mirrors and local stubs work. Each request has a time limit and one retry
 * on a busy or failing server; an answer that is not what the API documents is an error, never an empty result.
 */




const OSV_BATCH_LIMIT = 1000;
/** The server's address for messages: no credentials, no query. */
const describeBase = (url) => `${url.protocol}//${url.host}${url.pathname.replace(/\/$/, '')}`;
class OsvError extends Error {
    retry;
    constructor(message, retry) {
        super(message);
        this.retry = retry;
    }
}
function osvClient(options) {
    const timeoutMs = options.timeoutMs ?? 30_000;
    const batchSize = Math.min(OSV_BATCH_LIMIT, Math.max(1, options.batchSize ?? OSV_BATCH_LIMIT));
    const maxPages = options.maxPages ?? 50;
    const base = new URL(options.baseUrl.href.endsWith('/') ? options.baseUrl.href : `${options.baseUrl.href}/`);
    const headers = { 'content-type': 'application/json', accept: 'application/json' };
    // Credentials in the URL (a private mirror) go in a header; fetch refuses them in the URL.
    if (base.username || base.password) {
        headers.authorization = `Basic ${Buffer.from(`${(0,_domain_shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .decodeUrlPart */ .zD)(base.username)}:${(0,_domain_shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .decodeUrlPart */ .zD)(base.password)}`).toString('base64')}`;
        base.username = '';
        base.password = '';
    }
    const where = describeBase(base);
    async function once(path, body) {
        const url = new URL(path, base);
        let response;
        let text;
        try {
            response = await fetch(url, {
                method: body === undefined ? 'GET' : 'POST',
                headers,
                ...(body === undefined ? {} : { body: JSON.stringify(body) }),
                redirect: 'error',
                signal: AbortSignal.timeout(timeoutMs),
            });
            text = await response.text();
        }
        catch (error) {
            const reason = error.name === 'TimeoutError'
                ? `no answer within ${(0,_domain_shared_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(timeoutMs)}`
                : (error.cause?.code ?? error.message);
            throw new OsvError(`${where} ${path}: ${reason}`, true);
        }
        if (!response.ok) {
            const retry = response.status === 429 || response.status >= 500;
            throw new OsvError(`${where} ${path} answered HTTP ${response.status}`, retry);
        }
        try {
            return JSON.parse(text);
        }
        catch {
            throw new OsvError(`${where} ${path} answered something that is not JSON`, false);
        }
    }
    async function request(path, body) {
        try {
            return await once(path, body);
        }
        catch (error) {
            if (!(error instanceof OsvError) || !error.retry)
                throw error;
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(options.retryDelayMs ?? 1000);
            return once(path, body);
        }
    }
    const toQuery = (q, pageToken) => ({
        package: { name: q.name, ecosystem: q.ecosystem },
        version: q.version,
        ...(pageToken ? { page_token: pageToken } : {}),
    });
    /** One batch and its follow-up pages: ids per query, or throws for the whole batch. */
    async function batch(queries) {
        const ids = queries.map(() => new Set());
        let pending = queries.map((q, index) => ({ index, token: undefined, q }));
        for (let page = 0; pending.length > 0; page++) {
            if (page >= maxPages)
                throw new Error(`${where} v1/querybatch still had more pages after ${maxPages}`);
            const answer = await request('v1/querybatch', { queries: pending.map((p) => toQuery(p.q, p.token)) });
            const results = answer.results;
            if (!Array.isArray(results) || results.length !== pending.length)
                throw new Error(`${where} v1/querybatch answered ${Array.isArray(results) ? results.length : 'no'} results for ${pending.length} queries`);
            const next = [];
            results.forEach((result, i) => {
                const p = pending[i];
                const r = (result ?? {});
                if (r.vulns !== undefined && !Array.isArray(r.vulns))
                    throw new Error(`${where} v1/querybatch answered a result without a vulns list`);
                for (const v of (r.vulns ?? []))
                    if (typeof v?.id === 'string' && _domain_vulns_advisory_js__WEBPACK_IMPORTED_MODULE_3__/* .ADVISORY_ID */ .c0.test(v.id))
                        ids[p.index]?.add(v.id);
                if (typeof r.next_page_token === 'string' && r.next_page_token !== '')
                    next.push({ ...p, token: r.next_page_token });
            });
            pending = next;
        }
        return ids.map((s) => [...s]);
    }
    return {
        async queryBatch(queries) {
            const answer = { ids: [], errors: [] };
            for (let start = 0; start < queries.length; start += batchSize) {
                const chunk = queries.slice(start, start + batchSize);
                try {
                    answer.ids.push(...(await batch(chunk)));
                }
                catch (error) {
                    answer.errors.push(error.message);
                    answer.ids.push(...chunk.map(() => undefined));
                }
            }
            return answer;
        },
        async vulnerability(id) {
            return request(`v1/vulns/${encodeURIComponent(id)}`);
        },
    };
}


/***/ })

};

//# sourceMappingURL=268.index.js.map