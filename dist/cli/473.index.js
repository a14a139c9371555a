export const id = 473;
export const ids = [473];
export const modules = {

/***/ 473:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   findingLine: () => (/* binding */ findingLine),
/* harmony export */   scanMarkdown: () => (/* binding */ scanMarkdown),
/* harmony export */   scanSarif: () => (/* binding */ scanSarif),
/* harmony export */   scanVerdict: () => (/* binding */ scanVerdict)
/* harmony export */ });
/* harmony import */ var _shared_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(55523);
/* harmony import */ var _severity_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48740);


const status = (f) => {
    if (f.allowlisted && f.allowlisted.status !== 'expired')
        return `allowed until ${f.allowlisted.expires}${f.allowlisted.status === 'expiring' ? ' (expiring)' : ''}: ${f.allowlisted.reason}`;
    if (f.allowlisted)
        return `counts: allowance expired ${f.allowlisted.expires}`;
    return f.counts ? 'counts' : 'below threshold';
};
function findingLine(f) {
    return `${f.advisory} (${(0,_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .describeSeverity */ .HI)(f.severity)}) in ${f.package} ${f.version}${f.fixed ? `, fixed in ${f.fixed}` : ', no fix published'}${f.summary ? `: ${f.summary}` : ''}. ${f.link}`;
}
function scanVerdict(report) {
    const threshold = report.failOn === 'none' ? 'report only' : `fail on ${report.failOn}`;
    const incomplete = report.notChecked.length > 0 ? ', incomplete' : '';
    return report.vulnerabilities > 0
        ? `❌ ${report.vulnerabilities} at or above ${report.failOn}${incomplete}`
        : `${incomplete ? '⚠️' : '✅'} none counting (${threshold})${incomplete}`;
}
function scanMarkdown(report) {
    const lines = [`### Vulnerabilities: ${scanVerdict(report)}`, ''];
    lines.push((0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['app', 'lockfiles', 'packages', 'dev skipped', 'advisories', 'counting'], report.apps.map((a) => [
        a.app,
        a.lockfiles.map((l) => l.file).join(', ') || '—',
        String(a.lockfiles.reduce((n, l) => n + l.packages, 0)),
        String(a.lockfiles.reduce((n, l) => n + l.skippedDev, 0)),
        String(a.findings.length),
        String(a.findings.filter((f) => f.counts).length),
    ])), '');
    for (const app of report.apps) {
        if (app.findings.length === 0)
            continue;
        lines.push(`#### ${(0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .kq)(app.app)}`, '');
        lines.push((0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['advisory', 'package', 'installed', 'fixed', 'severity', 'status'], app.findings.map((f) => [
            // Ids are checked against ADVISORY_ID, so the link text cannot break out.
            `[${f.advisory}](${f.link})`,
            f.package,
            f.version,
            f.fixed ?? '—',
            (0,_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .describeSeverity */ .HI)(f.severity),
            status(f),
        ])), '');
    }
    if (report.notChecked.length > 0) {
        lines.push('**Not checked:**', '');
        for (const n of report.notChecked)
            lines.push(`- ${(0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .kq)(n)}`);
        lines.push('');
    }
    if (report.notes.length > 0) {
        lines.push(`${report.notes.length} lockfile line(s) cannot be checked (see the warnings).`, '');
    }
    const dormant = report.allowlist.filter((a) => a.matched === 0);
    if (dormant.length > 0)
        lines.push(`Allowlist entries that matched nothing: ${dormant.map((a) => (0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(a.entry.id)).join(', ')}.`, '');
    return lines.join('\n');
}
const SARIF_LEVEL = (f) => f.counts ? 'error' : f.allowlisted && f.allowlisted.status !== 'expired' ? 'note' : 'warning';
/**
 * SARIF 2.1.0: one rule per advisory, one result per advisory and lockfile location. `security-severity`
 * (the CVSS score) is what GitHub code scanning sorts and labels by.
 */
function scanSarif(report, toolVersion) {
    const rules = new Map();
    const results = [];
    for (const f of report.findings) {
        if (!rules.has(f.advisory)) {
            rules.set(f.advisory, {
                id: f.advisory,
                name: f.advisory,
                shortDescription: { text: f.summary || f.advisory },
                helpUri: f.link,
                help: { text: `${findingLine(f)}`, markdown: `[${f.advisory}](${f.link})` },
                properties: {
                    tags: ['security', 'vulnerability', f.ecosystem],
                    ...(f.severity.score !== undefined
                        ? { 'security-severity': f.severity.score.toFixed(1) }
                        : f.severity.level
                            ? {
                                'security-severity': {
                                    low: '3.0',
                                    medium: '5.0',
                                    high: '8.0',
                                    critical: '9.5',
                                    none: '0.0',
                                }[f.severity.level],
                            }
                            : {}),
                },
            });
        }
        results.push({
            ruleId: f.advisory,
            level: SARIF_LEVEL(f),
            message: {
                text: `${f.package} ${f.version} is affected by ${f.advisory} (${(0,_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .describeSeverity */ .HI)(f.severity)})${f.fixed ? `; upgrade to ${f.fixed}` : '; no fixed version is published'}.`,
            },
            locations: [
                {
                    physicalLocation: {
                        artifactLocation: { uri: f.file },
                        region: { startLine: f.line ?? 1 },
                    },
                },
            ],
            partialFingerprints: { 'package/advisory': `${f.ecosystem}/${f.package}@${f.version}/${f.advisory}` },
        });
    }
    return {
        version: '2.1.0',
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'nuzantara prod-monitor',
                        informationUri: 'https://osv.dev',
                        version: toolVersion,
                        rules: [...rules.values()],
                    },
                },
                results,
            },
        ],
    };
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


/***/ })

};

//# sourceMappingURL=473.index.js.map