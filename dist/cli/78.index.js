export const id = 78;
export const ids = [78];
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

/***/ 75078:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  listSome: () => (/* binding */ listSome),
  scanVulnerabilities: () => (/* binding */ scanVulnerabilities)
});

// EXTERNAL MODULE: ./src/domain/shared/errors.ts
var errors = __webpack_require__(59677);
// EXTERNAL MODULE: ./src/domain/vulns/advisory.ts
var vulns_advisory = __webpack_require__(48700);
// EXTERNAL MODULE: ./src/domain/vulns/allowlist.ts
var allowlist = __webpack_require__(40222);
// EXTERNAL MODULE: ./src/domain/vulns/lockfiles.ts
var lockfiles = __webpack_require__(9161);
// EXTERNAL MODULE: ./src/domain/vulns/severity.ts
var severity = __webpack_require__(48740);
// EXTERNAL MODULE: ./node_modules/@renovatebot/pep440/index.js
var pep440 = __webpack_require__(68898);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(62088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./src/domain/shared/order.ts
var order = __webpack_require__(77808);
;// CONCATENATED MODULE: ./src/domain/vulns/versions.ts
/**
 * The fixed version of an advisory for the installed version, from its OSV `affected` ranges
 * (osv-schema: events sorted by version; a version is affected from an `introduced` up to the next `fixed`
 * or through a `last_affected`). Versions compare with each ecosystem's own rules: semver for npm, PEP 440
 * for PyPI.
 */




const compareNpm = (a, b) => {
    const x = semver_default().valid(a, { loose: true });
    const y = semver_default().valid(b, { loose: true });
    return x && y ? semver_default().compare(x, y) : undefined;
};
const comparePypi = (a, b) => pep440.valid(a) && pep440.valid(b) ? pep440.compare(a, b) : undefined;
/** a vs b by the ecosystem's rules (the OSV "0" sorts first); undefined when either cannot be read. */
function compareVersions(ecosystem, a, b) {
    if (a === b)
        return 0;
    if (a === '0')
        return -1;
    if (b === '0')
        return 1;
    return (ecosystem === 'npm' ? compareNpm : comparePypi)(a, b);
}
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
function eventsOf(range) {
    const events = [];
    for (const e of Array.isArray(range.events) ? range.events : []) {
        if (!isObject(e))
            continue;
        for (const kind of ['introduced', 'fixed', 'last_affected', 'limit'])
            if (typeof e[kind] === 'string')
                events.push({ kind, version: e[kind] });
    }
    return events;
}
/** The package's entries of an advisory's `affected` list (names compared as each ecosystem writes them). */
function entriesFor(affected, ecosystem, name) {
    const same = (n) => (ecosystem === 'PyPI' ? (0,lockfiles/* normalizePypiName */.Ty)(n) === name : n === name);
    return affected.filter((a) => isObject(a) &&
        isObject(a.package) &&
        a.package.ecosystem === ecosystem &&
        typeof a.package.name === 'string' &&
        same(a.package.name));
}
/**
 * The version that fixes `version` of the package: the `fixed` event closing the range that holds it.
 * When no range can be evaluated (versions that do not parse), the fixed versions above the installed one,
 * or all of them, joined with `, `; undefined when the advisory names no fix.
 */
function fixedVersion(affected, ecosystem, name, version) {
    const fixes = new Set();
    for (const entry of entriesFor(affected, ecosystem, name)) {
        for (const range of Array.isArray(entry.ranges) ? entry.ranges : []) {
            if (!isObject(range) || (range.type !== 'ECOSYSTEM' && range.type !== 'SEMVER'))
                continue;
            const events = eventsOf(range);
            for (const e of events)
                if (e.kind === 'fixed')
                    fixes.add(e.version);
            const found = fixInRange(events, ecosystem, version);
            if (found.affected && found.fixed)
                return found.fixed;
        }
    }
    if (fixes.size === 0)
        return undefined;
    const above = [...fixes].filter((f) => (compareVersions(ecosystem, f, version) ?? 1) > 0);
    const sorted = (above.length > 0 ? above : [...fixes]).sort((a, b) => compareVersions(ecosystem, a, b) ?? (0,order/* byCodeUnit */.X)(a, b));
    return sorted.join(', ');
}
function fixInRange(events, ecosystem, version) {
    const cmp = (a, b) => compareVersions(ecosystem, a, b);
    if (events.some((e) => cmp(e.version, version) === undefined))
        return { affected: false };
    const sorted = [...events].sort((a, b) => cmp(a.version, b.version));
    let affected = false;
    for (const e of sorted) {
        const c = cmp(e.version, version);
        if (e.kind === 'introduced') {
            if (c <= 0)
                affected = true;
            else if (affected)
                return { affected: true };
        }
        else if (e.kind === 'fixed') {
            if (c <= 0)
                affected = false;
            else
                return affected ? { affected: true, fixed: e.version } : { affected: false };
        }
        else if (e.kind === 'last_affected') {
            if (c < 0)
                affected = false;
            else
                return { affected };
        }
        else if (c <= 0)
            affected = false;
    }
    return { affected };
}

;// CONCATENATED MODULE: ./src/domain/vulns/scan.ts
/**
 * The vulnerability scan over injected edges: the apps' lockfiles are parsed, every pinned package is asked
 * of OSV once (querybatch), each advisory's details are read once, and each finding is judged against the
 * threshold and the allowlist. Whatever could not be checked is named in `notChecked`, never passed over.
 */







const keyOf = (d) => `${d.ecosystem}\0${d.name}\0${d.version}`;
const label = (d) => `${d.name}@${d.version} (${d.ecosystem})`;
function listSome(items, max = 10) {
    return items.length <= max
        ? items.join(', ')
        : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
async function eachLimited(items, limit, work) {
    let next = 0;
    const worker = async () => {
        while (next < items.length)
            await work(items[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
async function scanVulnerabilities(apps, settings, osv) {
    const notChecked = [];
    const parsed = apps.map((app) => ({
        app,
        lockfiles: app.lockfiles.flatMap((l) => {
            try {
                return [(0,lockfiles/* parseLockfile */.tg)(l.file, l.text)];
            }
            catch (error) {
                notChecked.push(`${l.file} could not be read as a lockfile (${(0,errors/* errorMessage */.gJ)(error)}): its packages were not checked`);
                return [];
            }
        }),
    }));
    const queries = new Map();
    for (const { lockfiles } of parsed)
        for (const l of lockfiles)
            for (const d of l.dependencies)
                queries.set(keyOf(d), { ecosystem: d.ecosystem, name: d.name, version: d.version });
    const list = [...queries.values()];
    const idsByPackage = new Map();
    if (list.length > 0) {
        let answer;
        try {
            answer = await osv.queryBatch(list);
        }
        catch (error) {
            answer = { ids: list.map(() => undefined), errors: [(0,errors/* errorMessage */.gJ)(error)] };
        }
        const unanswered = [];
        list.forEach((q, i) => {
            const ids = answer.ids[i];
            if (ids)
                idsByPackage.set(keyOf(q), ids);
            else
                unanswered.push(label(q));
        });
        if (unanswered.length > 0)
            notChecked.push(`OSV did not answer for ${unanswered.length} of ${list.length} package(s) (${listSome([...new Set(answer.errors)], 3)}): ${listSome(unanswered)} were not checked`);
    }
    const advisories = new Map();
    const ids = [...new Set([...idsByPackage.values()].flat())].sort();
    await eachLimited(ids, settings.concurrency ?? 8, async (id) => {
        let advisory;
        try {
            advisory = (0,vulns_advisory/* parseAdvisory */.rc)(await osv.vulnerability(id));
            if (!advisory)
                throw new Error('the answer is not an OSV record');
        }
        catch (error) {
            notChecked.push(`the details of ${id} could not be read (${(0,errors/* errorMessage */.gJ)(error)}): its severity and fix are unknown, so it counts as meeting the threshold`);
            advisory = {
                id,
                aliases: [],
                summary: '',
                severity: { source: 'unknown' },
                link: (0,vulns_advisory/* advisoryLink */.Q0)(id),
                affected: [],
            };
        }
        advisories.set(id, advisory);
    });
    const used = new Map();
    const appScans = parsed.map(({ app, lockfiles }) => {
        const findings = [];
        for (const lock of lockfiles) {
            for (const dep of lock.dependencies) {
                const found = (idsByPackage.get(keyOf(dep)) ?? [])
                    .map((id) => advisories.get(id))
                    .filter((a) => a !== undefined);
                for (const advisory of (0,vulns_advisory/* dropAliases */.A$)(found)) {
                    const entry = (0,allowlist/* findAllowance */.i0)(settings.allowlist, [advisory.id, ...advisory.aliases]);
                    const status = entry ? (0,allowlist/* allowStatus */.ct)(entry, settings.now) : undefined;
                    if (entry)
                        used.set(entry.id, (used.get(entry.id) ?? 0) + 1);
                    const fixed = fixedVersion(advisory.affected, dep.ecosystem, dep.name, dep.version);
                    findings.push({
                        app: app.app,
                        file: dep.file,
                        ...(dep.line ? { line: dep.line } : {}),
                        ecosystem: dep.ecosystem,
                        package: dep.name,
                        version: dep.version,
                        advisory: advisory.id,
                        aliases: advisory.aliases,
                        summary: advisory.summary,
                        severity: advisory.severity,
                        ...(fixed ? { fixed } : {}),
                        link: advisory.link,
                        ...(entry && status ? { allowlisted: { ...entry, status } } : {}),
                        counts: (0,severity/* meetsThreshold */.M0)(advisory.severity, settings.failOn) && (!status || status === 'expired'),
                    });
                }
            }
        }
        return {
            app: app.app,
            directory: app.directory,
            lockfiles: lockfiles.map((l) => ({
                file: l.file,
                format: l.format,
                packages: l.dependencies.length,
                skippedDev: l.skippedDev,
            })),
            findings: sortFindings(findings),
        };
    });
    const findings = sortFindings(appScans.flatMap((a) => a.findings));
    return {
        failOn: settings.failOn,
        apps: appScans,
        vulnerabilities: findings.filter((f) => f.counts).length,
        findings,
        notChecked,
        notes: parsed.flatMap(({ lockfiles }) => lockfiles.flatMap((l) => l.notes)),
        allowlist: settings.allowlist.map((entry) => ({
            entry,
            status: (0,allowlist/* allowStatus */.ct)(entry, settings.now),
            matched: used.get(entry.id) ?? 0,
        })),
        packagesChecked: idsByPackage.size,
    };
}
const rankOf = (f) => (f.severity.level === undefined ? 5 : (0,severity/* levelRank */.Le)(f.severity.level));
function sortFindings(findings) {
    return [...findings].sort((a, b) => Number(b.counts) - Number(a.counts) ||
        rankOf(b) - rankOf(a) ||
        (0,order/* byCodeUnit */.X)(a.app, b.app) ||
        (0,order/* byCodeUnit */.X)(a.package, b.package) ||
        (0,order/* byCodeUnit */.X)(a.advisory, b.advisory) ||
        (0,order/* byCodeUnit */.X)(a.file, b.file));
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

/***/ 68898:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const { valid, clean, explain, parse } = __webpack_require__(74818);

const { lt, le, eq, ne, ge, gt, compare, rcompare } = __webpack_require__(12124);

const {
  filter,
  maxSatisfying,
  minSatisfying,
  RANGE_PATTERN,
  satisfies,
  validRange,
} = __webpack_require__(30790);

const { major, minor, patch, inc } = __webpack_require__(38940);

module.exports = {
  // version
  valid,
  clean,
  explain,
  parse,

  // operator
  lt,
  le,
  lte: le,
  eq,
  ne,
  neq: ne,
  ge,
  gte: ge,
  gt,
  compare,
  rcompare,

  // range
  filter,
  maxSatisfying,
  minSatisfying,
  RANGE_PATTERN,
  satisfies,
  validRange,

  // semantic
  major,
  minor,
  patch,
  inc,
};


/***/ }),

/***/ 12124:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const { parse } = __webpack_require__(74818);

module.exports = {
  compare,
  rcompare,
  lt,
  le,
  eq,
  ne,
  ge,
  gt,
  '<': lt,
  '<=': le,
  '==': eq,
  '!=': ne,
  '>=': ge,
  '>': gt,
  '===': arbitrary,
};

function lt(version, other) {
  return compare(version, other) < 0;
}

function le(version, other) {
  return compare(version, other) <= 0;
}

function eq(version, other) {
  return compare(version, other) === 0;
}

function ne(version, other) {
  return compare(version, other) !== 0;
}

function ge(version, other) {
  return compare(version, other) >= 0;
}

function gt(version, other) {
  return compare(version, other) > 0;
}

function arbitrary(version, other) {
  return version.toLowerCase() === other.toLowerCase();
}

function compare(version, other) {
  const parsedVersion = parse(version);
  const parsedOther = parse(other);

  const keyVersion = calculateKey(parsedVersion);
  const keyOther = calculateKey(parsedOther);

  return pyCompare(keyVersion, keyOther);
}

function rcompare(version, other) {
  return -compare(version, other);
}

// this logic is buitin in python, but we need to port it to js
// see https://stackoverflow.com/a/5292332/1438522
function pyCompare(elemIn, otherIn) {
  let elem = elemIn;
  let other = otherIn;
  if (elem === other) {
    return 0;
  }
  if (Array.isArray(elem) !== Array.isArray(other)) {
    elem = Array.isArray(elem) ? elem : [elem];
    other = Array.isArray(other) ? other : [other];
  }
  if (Array.isArray(elem)) {
    const len = Math.min(elem.length, other.length);
    for (let i = 0; i < len; i += 1) {
      const res = pyCompare(elem[i], other[i]);
      if (res !== 0) {
        return res;
      }
    }
    return elem.length - other.length;
  }
  if (elem === -Infinity || other === Infinity) {
    return -1;
  }
  if (elem === Infinity || other === -Infinity) {
    return 1;
  }
  return elem < other ? -1 : 1;
}

function calculateKey(input) {
  const { epoch } = input;
  let { release, pre, post, local, dev } = input;
  // When we compare a release version, we want to compare it with all of the
  // trailing zeros removed. So we'll use a reverse the list, drop all the now
  // leading zeros until we come to something non zero, then take the rest
  // re-reverse it back into the correct order and make it a tuple and use
  // that for our sorting key.
  release = release.concat();
  release.reverse();
  while (release.length && release[0] === 0) {
    release.shift();
  }
  release.reverse();

  // We need to "trick" the sorting algorithm to put 1.0.dev0 before 1.0a0.
  // We'll do this by abusing the pre segment, but we _only_ want to do this
  // if there is !a pre or a post segment. If we have one of those then
  // the normal sorting rules will handle this case correctly.
  if (!pre && !post && dev) pre = -Infinity;
  // Versions without a pre-release (except as noted above) should sort after
  // those with one.
  else if (!pre) pre = Infinity;

  // Versions without a post segment should sort before those with one.
  if (!post) post = -Infinity;

  // Versions without a development segment should sort after those with one.
  if (!dev) dev = Infinity;

  if (!local) {
    // Versions without a local segment should sort before those with one.
    local = -Infinity;
  } else {
    // Versions with a local segment need that segment parsed to implement
    // the sorting rules in PEP440.
    // - Alpha numeric segments sort before numeric segments
    // - Alpha numeric segments sort lexicographically
    // - Numeric segments sort numerically
    // - Shorter versions sort before longer versions when the prefixes
    //   match exactly
    local = local.map((i) =>
      Number.isNaN(Number(i)) ? [-Infinity, i] : [Number(i), ''],
    );
  }

  return [epoch, release, pre, post, dev, local];
}


/***/ }),

/***/ 38940:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const { explain, parse, stringify } = __webpack_require__(74818);

// those notation are borrowed from semver
module.exports = {
  major,
  minor,
  patch,
  inc,
};

function major(input) {
  const version = explain(input);
  if (!version) {
    throw new TypeError('Invalid Version: ' + input);
  }
  return version.release[0];
}

function minor(input) {
  const version = explain(input);
  if (!version) {
    throw new TypeError('Invalid Version: ' + input);
  }
  if (version.release.length < 2) {
    return 0;
  }
  return version.release[1];
}

function patch(input) {
  const version = explain(input);
  if (!version) {
    throw new TypeError('Invalid Version: ' + input);
  }
  if (version.release.length < 3) {
    return 0;
  }
  return version.release[2];
}

function inc(input, release, preReleaseIdentifier) {
  let identifier = preReleaseIdentifier || `a`;
  const version = parse(input);

  if (!version) {
    return null;
  }

  if (
    !['a', 'b', 'c', 'rc', 'alpha', 'beta', 'pre', 'preview'].includes(
      identifier,
    )
  ) {
    return null;
  }

  switch (release) {
    case 'premajor':
      {
        const [majorVersion] = version.release;
        version.release.fill(0);
        version.release[0] = majorVersion + 1;
      }
      version.pre = [identifier, 0];
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'preminor':
      {
        const [majorVersion, minorVersion = 0] = version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion + 1;
      }
      version.pre = [identifier, 0];
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'prepatch':
      {
        const [majorVersion, minorVersion = 0, patchVersion = 0] =
          version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion;
        version.release[2] = patchVersion + 1;
      }
      version.pre = [identifier, 0];
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'prerelease':
      if (version.pre === null) {
        const [majorVersion, minorVersion = 0, patchVersion = 0] =
          version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion;
        version.release[2] = patchVersion + 1;
        version.pre = [identifier, 0];
      } else {
        if (preReleaseIdentifier === undefined && version.pre !== null) {
          [identifier] = version.pre;
        }

        const [letter, number] = version.pre;
        if (letter === identifier) {
          version.pre = [letter, number + 1];
        } else {
          version.pre = [identifier, 0];
        }
      }

      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'major':
      if (
        version.release.slice(1).some((value) => value !== 0) ||
        version.pre === null
      ) {
        const [majorVersion] = version.release;
        version.release.fill(0);
        version.release[0] = majorVersion + 1;
      }
      delete version.pre;
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'minor':
      if (
        version.release.slice(2).some((value) => value !== 0) ||
        version.pre === null
      ) {
        const [majorVersion, minorVersion = 0] = version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion + 1;
      }
      delete version.pre;
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'patch':
      if (
        version.release.slice(3).some((value) => value !== 0) ||
        version.pre === null
      ) {
        const [majorVersion, minorVersion = 0, patchVersion = 0] =
          version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion;
        version.release[2] = patchVersion + 1;
      }
      delete version.pre;
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    default:
      return null;
  }

  return stringify(version);
}


/***/ }),

/***/ 30790:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

// This file is dual licensed under the terms of the Apache License, Version
// 2.0, and the BSD License. See the LICENSE file in the root of this repository
// for complete details.

const { VERSION_PATTERN, explain: explainVersion } = __webpack_require__(74818);

const Operator = __webpack_require__(12124);

const RANGE_PATTERN = [
  '(?<operator>(===|~=|==|!=|<=|>=|<|>))',
  '\\s*',
  '(',
  /*  */ '(?<version>(?:' + VERSION_PATTERN.replace(/\?<\w+>/g, '?:') + '))',
  /*  */ '(?<prefix>\\.\\*)?',
  /*  */ '|',
  /*  */ '(?<legacy>[^,;\\s)]+)',
  ')',
].join('');

module.exports = {
  RANGE_PATTERN,
  parse,
  satisfies,
  filter,
  validRange,
  maxSatisfying,
  minSatisfying,
};

const isEqualityOperator = (op) => ['==', '!=', '==='].includes(op);

const rangeRegex = new RegExp('^' + RANGE_PATTERN + '$', 'i');

function parse(ranges) {
  if (!ranges.trim()) {
    return [];
  }

  const specifiers = ranges
    .split(',')
    .map((range) => rangeRegex.exec(range.trim()) || {})
    .map(({ groups }) => {
      if (!groups) {
        return null;
      }

      let { ...spec } = groups;
      const { operator, version, prefix, legacy } = groups;

      if (version) {
        spec = { ...spec, ...explainVersion(version) };
        if (operator === '~=') {
          if (spec.release.length < 2) {
            return null;
          }
        }
        if (!isEqualityOperator(operator) && spec.local) {
          return null;
        }

        if (prefix) {
          if (!isEqualityOperator(operator) || spec.dev || spec.local) {
            return null;
          }
        }
      }
      if (legacy && operator !== '===') {
        return null;
      }

      return spec;
    });

  if (specifiers.filter(Boolean).length !== specifiers.length) {
    return null;
  }

  return specifiers;
}

function filter(versions, specifier, options = {}) {
  const filtered = pick(versions, specifier, options);
  if (filtered.length === 0 && options.prereleases === undefined) {
    return pick(versions, specifier, { prereleases: true });
  }
  return filtered;
}

function maxSatisfying(versions, range, options) {
  const found = filter(versions, range, options).sort(Operator.compare);
  return found.length === 0 ? null : found[found.length - 1];
}

function minSatisfying(versions, range, options) {
  const found = filter(versions, range, options).sort(Operator.compare);
  return found.length === 0 ? null : found[0];
}

function pick(versions, specifier, options) {
  const parsed = parse(specifier);

  if (!parsed) {
    return [];
  }

  return versions.filter((version) => {
    const explained = explainVersion(version);

    if (!parsed.length) {
      return explained && !(explained.is_prerelease && !options.prereleases);
    }

    return parsed.reduce((pass, spec) => {
      if (!pass) {
        return false;
      }
      return contains({ ...spec, ...options }, { version, explained });
    }, true);
  });
}

function satisfies(version, specifier, options = {}) {
  const filtered = pick([version], specifier, options);

  return filtered.length === 1;
}

function arrayStartsWith(array, prefix) {
  if (prefix.length > array.length) {
    return false;
  }

  for (let i = 0; i < prefix.length; i += 1) {
    if (prefix[i] !== array[i]) {
      return false;
    }
  }

  return true;
}

function contains(specifier, input) {
  const { explained } = input;
  let { version } = input;
  const { ...spec } = specifier;

  if (spec.prereleases === undefined) {
    spec.prereleases = spec.is_prerelease;
  }

  if (explained && explained.is_prerelease && !spec.prereleases) {
    return false;
  }

  if (spec.operator === '~=') {
    let compatiblePrefix = spec.release.slice(0, -1).concat('*').join('.');
    if (spec.epoch) {
      compatiblePrefix = spec.epoch + '!' + compatiblePrefix;
    }
    return satisfies(version, `>=${spec.version}, ==${compatiblePrefix}`, {
      prereleases: spec.prereleases,
    });
  }

  if (spec.prefix) {
    const isMatching =
      explained.epoch === spec.epoch &&
      arrayStartsWith(explained.release, spec.release);
    const isEquality = spec.operator !== '!=';
    return isEquality ? isMatching : !isMatching;
  }

  if (explained)
    if (explained.local && spec.version) {
      version = explained.public;
      spec.version = explainVersion(spec.version).public;
    }

  if (spec.operator === '<' || spec.operator === '>') {
    // simplified version of https://www.python.org/dev/peps/pep-0440/#exclusive-ordered-comparison
    if (Operator.eq(spec.release.join('.'), explained.release.join('.'))) {
      return false;
    }
  }

  const op = Operator[spec.operator];
  return op(version, spec.version || spec.legacy);
}

function validRange(specifier) {
  return Boolean(parse(specifier));
}


/***/ }),

/***/ 74818:
/***/ ((module) => {

const VERSION_PATTERN = [
  'v?',
  '(?:',
  /* */ '(?:(?<epoch>[0-9]+)!)?', // epoch
  /* */ '(?<release>[0-9]+(?:\\.[0-9]+)*)', // release segment
  /* */ '(?<pre>', // pre-release
  /*    */ '[-_\\.]?',
  /*    */ '(?<pre_l>(a|b|c|rc|alpha|beta|pre|preview))',
  /*    */ '[-_\\.]?',
  /*    */ '(?<pre_n>[0-9]+)?',
  /* */ ')?',
  /* */ '(?<post>', // post release
  /*    */ '(?:-(?<post_n1>[0-9]+))',
  /*    */ '|',
  /*    */ '(?:',
  /*        */ '[-_\\.]?',
  /*        */ '(?<post_l>post|rev|r)',
  /*        */ '[-_\\.]?',
  /*        */ '(?<post_n2>[0-9]+)?',
  /*    */ ')',
  /* */ ')?',
  /* */ '(?<dev>', // dev release
  /*    */ '[-_\\.]?',
  /*    */ '(?<dev_l>dev)',
  /*    */ '[-_\\.]?',
  /*    */ '(?<dev_n>[0-9]+)?',
  /* */ ')?',
  ')',
  '(?:\\+(?<local>[a-z0-9]+(?:[-_\\.][a-z0-9]+)*))?', // local version
].join('');

module.exports = {
  VERSION_PATTERN,
  valid,
  clean,
  explain,
  parse,
  stringify,
};

const validRegex = new RegExp('^' + VERSION_PATTERN + '$', 'i');

function valid(version) {
  return validRegex.test(version) ? version : null;
}

const cleanRegex = new RegExp('^\\s*' + VERSION_PATTERN + '\\s*$', 'i');
function clean(version) {
  return stringify(parse(version, cleanRegex));
}

function parse(version, regex) {
  // Validate the version and parse it into pieces
  const { groups } = (regex || validRegex).exec(version) || {};
  if (!groups) {
    return null;
  }

  // Store the parsed out pieces of the version
  const parsed = {
    epoch: Number(groups.epoch ? groups.epoch : 0),
    release: groups.release.split('.').map(Number),
    pre: normalize_letter_version(groups.pre_l, groups.pre_n),
    post: normalize_letter_version(
      groups.post_l,
      groups.post_n1 || groups.post_n2,
    ),
    dev: normalize_letter_version(groups.dev_l, groups.dev_n),
    local: parse_local_version(groups.local),
  };

  return parsed;
}

function stringify(parsed) {
  if (!parsed) {
    return null;
  }
  const { epoch, release, pre, post, dev, local } = parsed;
  const parts = [];

  // Epoch
  if (epoch !== 0) {
    parts.push(`${epoch}!`);
  }
  // Release segment
  parts.push(release.join('.'));

  // Pre-release
  if (pre) {
    parts.push(pre.join(''));
  }
  // Post-release
  if (post) {
    parts.push('.' + post.join(''));
  }
  // Development release
  if (dev) {
    parts.push('.' + dev.join(''));
  }
  // Local version segment
  if (local) {
    parts.push(`+${local}`);
  }
  return parts.join('');
}

function normalize_letter_version(letterIn, numberIn) {
  let letter = letterIn;
  let number = numberIn;
  if (letter) {
    // We consider there to be an implicit 0 in a pre-release if there is
    // not a numeral associated with it.
    if (!number) {
      number = 0;
    }
    // We normalize any letters to their lower case form
    letter = letter.toLowerCase();

    // We consider some words to be alternate spellings of other words and
    // in those cases we want to normalize the spellings to our preferred
    // spelling.
    if (letter === 'alpha') {
      letter = 'a';
    } else if (letter === 'beta') {
      letter = 'b';
    } else if (['c', 'pre', 'preview'].includes(letter)) {
      letter = 'rc';
    } else if (['rev', 'r'].includes(letter)) {
      letter = 'post';
    }
    return [letter, Number(number)];
  }
  if (!letter && number) {
    // We assume if we are given a number, but we are not given a letter
    // then this is using the implicit post release syntax (e.g. 1.0-1)
    letter = 'post';

    return [letter, Number(number)];
  }
  return null;
}

function parse_local_version(local) {
  /*
    Takes a string like abc.1.twelve and turns it into("abc", 1, "twelve").
    */
  if (local) {
    return local
      .split(/[._-]/)
      .map((part) =>
        Number.isNaN(Number(part)) ? part.toLowerCase() : Number(part),
      );
  }
  return null;
}

function explain(version) {
  const parsed = parse(version);
  if (!parsed) {
    return parsed;
  }
  const { epoch, release, pre, post, dev, local } = parsed;

  let base_version = '';
  if (epoch !== 0) {
    base_version += epoch + '!';
  }
  base_version += release.join('.');

  const is_prerelease = Boolean(dev || pre);
  const is_devrelease = Boolean(dev);
  const is_postrelease = Boolean(post);

  // return

  return {
    epoch,
    release,
    pre,
    post: post ? post[1] : post,
    dev: dev ? dev[1] : dev,
    local: local ? local.join('.') : local,
    public: stringify(parsed).split('+', 1)[0],
    base_version,
    is_prerelease,
    is_devrelease,
    is_postrelease,
  };
}


/***/ })

};

//# sourceMappingURL=78.index.js.map