export const id = 221;
export const ids = [221];
export const modules = {

/***/ 8938:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a_: () => (/* binding */ writeJsonReport),
/* harmony export */   fz: () => (/* binding */ annotate),
/* harmony export */   n0: () => (/* binding */ setOutputs)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _domain_shared_findings_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(37684);
/** Reporting pieces every verb shares: findings as annotations, outputs, the JSON report file. */



/** A finding in the log and as a file/line annotation, so it shows on the pull request's diff. */
function annotate(host, finding) {
    const where = {
        title: finding.rule,
        ...(finding.file ? { file: finding.file, line: finding.line, column: finding.column } : {}),
    };
    const text = (0,_domain_shared_findings_js__WEBPACK_IMPORTED_MODULE_2__/* .formatFinding */ .tf)(finding);
    if (finding.severity === 'error')
        host.error(text, where);
    else if (finding.severity === 'warning')
        host.warning(text, where);
    else
        host.notice(text, where);
}
function setOutputs(host, outputs) {
    for (const [name, value] of Object.entries(outputs))
        host.setOutput(name, String(value));
}
/**
 * Writes a JSON report with every value the run masked replaced (host.redact): files leave the runner's
 * masking. A list of secrets is still accepted from callers that have not moved to the host.
 */
async function writeJsonReport(path, data, host) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), { recursive: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(path, `${host.redact(JSON.stringify(data, null, 2))}\n`);
}


/***/ }),

/***/ 63346:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LM: () => (/* binding */ parseProbeMethod),
/* harmony export */   Ou: () => (/* binding */ parseBodyCheck),
/* harmony export */   QG: () => (/* binding */ parseHeaders),
/* harmony export */   W_: () => (/* binding */ statusMatches),
/* harmony export */   o: () => (/* binding */ describeStatusSet),
/* harmony export */   oY: () => (/* binding */ parseStatusSet)
/* harmony export */ });
/* unused harmony exports PROBE_METHODS, DEFAULT_EXPECT_STATUS, parseJsonPath */
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(59677);
/**
 * What a health probe asks of a URL: method, headers, expected status set, body check (substring or a JSON
 * path equal to a value), latency limit, redirects, per-request timeout. Parsers take action-input text and
 * throw InputErrors that name the input.
 */

const PROBE_METHODS = ['GET', 'HEAD', 'POST'];
/** The probe's HTTP method, any case; empty is GET. */
function parseProbeMethod(name, raw) {
    const method = raw.trim().toUpperCase() || 'GET';
    const known = PROBE_METHODS.find((m) => m === method);
    if (known)
        return known;
    throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${JSON.stringify(raw.trim())} is not a probe method`, `Use ${PROBE_METHODS.slice(0, -1).join(', ')} or ${PROBE_METHODS.at(-1)}.`);
}
const DEFAULT_EXPECT_STATUS = [{ from: 200, to: 299 }];
/** `200`, `200,204`, `200-299`, `2xx`, combined with commas or spaces. */
function parseStatusSet(name, raw) {
    const text = raw.trim();
    if (text === '')
        return DEFAULT_EXPECT_STATUS;
    const ranges = [];
    for (const item of text.split(/[\s,]+/).filter(Boolean)) {
        const xx = /^([1-5])xx$/i.exec(item);
        const range = /^(\d{3})-(\d{3})$/.exec(item);
        const single = /^(\d{3})$/.exec(item);
        if (xx)
            ranges.push({ from: Number(xx[1]) * 100, to: Number(xx[1]) * 100 + 99 });
        else if (range && Number(range[1]) <= Number(range[2]))
            ranges.push({ from: Number(range[1]), to: Number(range[2]) });
        else if (single)
            ranges.push({ from: Number(single[1]), to: Number(single[1]) });
        else
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${JSON.stringify(item)} is not an HTTP status, range or class`, 'Use codes such as 200, ranges such as 200-299 or classes such as 2xx, separated by commas.');
    }
    for (const r of ranges)
        if (r.from < 100 || r.to > 599)
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${r.from}-${r.to} is outside 100-599`, 'Use HTTP status codes from 100 to 599.');
    return ranges;
}
const statusMatches = (ranges, status) => ranges.some((r) => status >= r.from && status <= r.to);
function describeStatusSet(ranges) {
    return ranges.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(', ');
}
/** `$.a.b[0]["c d"]` → ['a', 'b', 0, 'c d']. */
function parseJsonPath(path) {
    if (!path.startsWith('$'))
        return undefined;
    const parts = [];
    const re = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\['([^']*)'\]/y;
    re.lastIndex = 1;
    while (re.lastIndex < path.length) {
        const start = re.lastIndex;
        const m = re.exec(path);
        if (!m || m.index !== start)
            return undefined;
        if (m[1] !== undefined)
            parts.push(m[1]);
        else if (m[2] !== undefined)
            parts.push(Number(m[2]));
        else if (m[3] !== undefined)
            parts.push(JSON.parse(`"${m[3]}"`));
        else
            parts.push(m[4]);
    }
    return parts;
}
const BODY_CHECK_FORMS = 'Write $.path == value, e.g. $.status == "ok", $.db.replicas[0].up == true or $["odd key"] == 3 (the value is a JSON literal, or plain text for a string); text that does not start with $ is a substring the body must contain.';
/**
 * A body check: `$.path == value` compares a JSON path with a value (JSON literal, or plain text); text
 * that does not start with `$` is a substring the body must contain. Anything else that starts with `$`
 * is refused: a typo must not quietly become a substring check that no body contains (or every body does).
 */
function parseBodyCheck(name, raw) {
    const text = raw.trim();
    if (text === '')
        return undefined;
    if (!text.startsWith('$'))
        return { kind: 'substring', text };
    function refuse(problem) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, problem, BODY_CHECK_FORMS);
    }
    const m = /^(\$.*?)\s*==(.*)$/s.exec(text);
    if (!m) {
        if (text.includes('!='))
            refuse(`${JSON.stringify(text)} uses !=, which is not supported: only == compares`);
        if (/[^=!<>]=(?!=)/.test(text))
            refuse(`${JSON.stringify(text)} has a single =, not ==`);
        refuse(`${JSON.stringify(text)} starts with $ but has no == comparison`);
    }
    const source = m[1].trim();
    const rhs = m[2].trim();
    const path = parseJsonPath(source);
    if (!path)
        refuse(`${JSON.stringify(source)} is not a JSON path`);
    if (rhs === '')
        refuse(`${JSON.stringify(text)} has nothing after ==`);
    if (rhs.startsWith('='))
        refuse(`${JSON.stringify(text)} uses ===, not ==`);
    let equals = rhs;
    try {
        equals = JSON.parse(rhs);
    }
    catch {
        // plain text stands for a string
    }
    return { kind: 'json-path', path, source, equals };
}
/** `Name: value` lines. Values are secret: errors never quote them. */
function parseHeaders(name, raw) {
    const headers = {};
    raw.split(/\r?\n/).forEach((line, i) => {
        if (line.trim() === '' || line.trimStart().startsWith('#'))
            return;
        const colon = line.indexOf(':');
        const key = colon < 0 ? '' : line.slice(0, colon).trim();
        if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(key))
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `line ${i + 1} is not a "Name: value" header (value hidden)`, 'Write one header per line, e.g. Authorization: Bearer ….');
        headers[key] = line.slice(colon + 1).trim();
    });
    return headers;
}


/***/ }),

/***/ 6234:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qu: () => (/* binding */ parseGoDuration),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   ix: () => (/* binding */ formatLength),
/* harmony export */   wL: () => (/* binding */ TIMER_MAX_MS)
/* harmony export */ });
/** Go `time.ParseDuration` semantics, used both for action inputs and for fly.toml durations. */
/**
 * The longest wait a Node timer can hold (2^31 - 1 ms, about 24.8 days). A longer one fires at once with a
 * TimeoutOverflowWarning, so every duration that reaches a timer is bounded by this.
 */
const TIMER_MAX_MS = 2 ** 31 - 1;
const UNIT_MS = {
    ns: 1e-6,
    us: 1e-3,
    µs: 1e-3,
    μs: 1e-3,
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
};
const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;
/** Milliseconds for a Go duration string such as `10s`, `1m30s`, `500ms`; undefined when it is not one. */
function parseGoDuration(text) {
    let s = text.trim();
    let sign = 1;
    if (s.startsWith('-') || s.startsWith('+')) {
        sign = s.startsWith('-') ? -1 : 1;
        s = s.slice(1);
    }
    if (s === '0')
        return 0;
    if (s === '')
        return undefined;
    let total = 0;
    PART.lastIndex = 0;
    while (PART.lastIndex < s.length) {
        const start = PART.lastIndex;
        const match = PART.exec(s);
        if (!match || match.index !== start)
            return undefined;
        total += Number(match[1]) * UNIT_MS[match[2]];
    }
    return sign * total;
}
/** A compact human form: 1500 -> "1.5s", 90000 -> "1m30s". */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    if (ms < 60_000)
        return `${Number((ms / 1000).toFixed(2))}s`;
    const minutes = Math.floor(ms / 60_000);
    const seconds = Math.round((ms % 60_000) / 1000);
    return seconds === 0 ? `${minutes}m` : `${minutes}m${seconds}s`;
}
/** A length of time people read: "45s", "12m", "3h 20m", "2d 4h" (an outage, a secret's age). */
function formatLength(lengthMs) {
    const minutes = Math.round(lengthMs / 60_000);
    if (lengthMs < 60_000)
        return `${Math.round(lengthMs / 1000)}s`;
    if (lengthMs < 3_600_000)
        return formatDuration(minutes * 60_000);
    const hours = Math.floor(minutes / 60);
    if (hours < 48)
        return minutes % 60 === 0 ? `${hours}h` : `${hours}h ${minutes % 60}m`;
    const days = Math.floor(hours / 24);
    return hours % 24 === 0 ? `${days}d` : `${days}d ${hours % 24}h`;
}


/***/ }),

/***/ 55915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $J: () => (/* binding */ parseNumber),
/* harmony export */   Dl: () => (/* binding */ parseUrl),
/* harmony export */   E1: () => (/* binding */ parseList),
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   Fn: () => (/* binding */ urlSecrets),
/* harmony export */   Gw: () => (/* binding */ parseNames),
/* harmony export */   HU: () => (/* binding */ parseChoice),
/* harmony export */   Qy: () => (/* binding */ displayUrl),
/* harmony export */   ZZ: () => (/* binding */ checkHeaders),
/* harmony export */   cG: () => (/* binding */ parseInteger),
/* harmony export */   nS: () => (/* binding */ parseGlobs),
/* harmony export */   xg: () => (/* binding */ parsePairs),
/* harmony export */   yG: () => (/* binding */ parseBoolean),
/* harmony export */   zD: () => (/* binding */ decodeUrlPart)
/* harmony export */ });
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(14006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(59677);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6234);
/**
 * Parsers for action inputs. Each takes the input's name and its raw text and returns a typed value or
 * throws an InputError naming the input, the problem and the accepted form. Secret inputs never echo values.
 */



const quote = (value) => JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
function parseBoolean(name, raw) {
    const value = raw.trim().toLowerCase();
    if (['true', 'yes', 'on', '1'].includes(value))
        return true;
    if (['false', 'no', 'off', '0'].includes(value))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${quote(raw)} is not a boolean`, 'Use true or false.');
}
function parseInteger(name, raw, bounds = {}) {
    const text = raw.trim();
    const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = bounds;
    const range = `a whole number from ${min} to ${max}`;
    if (!/^[+-]?\d+$/.test(text))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${quote(raw)} is not a whole number`, `Use ${range}.`);
    const value = Number(text);
    if (value < min || value > max)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${value} is out of range`, `Use ${range}.`);
    return value;
}
/** A number such as a percentage; decimals allowed. */
function parseNumber(name, raw, bounds = {}) {
    const text = raw.trim();
    const { min = -Infinity, max = Infinity } = bounds;
    const range = `a number from ${min} to ${max}`;
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${quote(raw)} is not a number`, `Use ${range}.`);
    const value = Number(text);
    if (value < min || value > max)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${value} is out of range`, `Use ${range}.`);
    return value;
}
/**
 * A Go-style duration (`10s`, `1m30s`, `500ms`), returned in milliseconds. A bare number is refused: its unit
 * would be a guess. Every duration is at most TIMER_MAX_MS, since a longer one would fire at once.
 */
function parseDuration(name, raw, bounds = {}) {
    const text = raw.trim();
    const form = 'Use a number with a unit: 500ms, 10s, 1m30s or 2h';
    if (/^\d+(\.\d+)?$/.test(text)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${quote(raw)} has no unit`, `${form} (for example ${text}s for seconds).`);
    }
    const ms = (0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .parseGoDuration */ .Qu)(text);
    if (ms === undefined || ms < 0 || !Number.isFinite(ms))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${quote(raw)} is not a duration`, `${form}.`);
    const { minMs = 0 } = bounds;
    const maxMs = Math.min(bounds.maxMs ?? _duration_js__WEBPACK_IMPORTED_MODULE_1__/* .TIMER_MAX_MS */ .wL, _duration_js__WEBPACK_IMPORTED_MODULE_1__/* .TIMER_MAX_MS */ .wL);
    if (ms > _duration_js__WEBPACK_IMPORTED_MODULE_1__/* .TIMER_MAX_MS */ .wL)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${quote(raw)} is longer than a timer can wait`, `Use a duration of at most ${maxMs}ms${maxMs === _duration_js__WEBPACK_IMPORTED_MODULE_1__/* .TIMER_MAX_MS */ .wL ? ' (about 24.8 days, the most a Node.js timer holds)' : ''}.`);
    if (ms < minMs || ms > maxMs) {
        const limits = [
            minMs > 0 ? `at least ${minMs}ms` : undefined,
            maxMs < _duration_js__WEBPACK_IMPORTED_MODULE_1__/* .TIMER_MAX_MS */ .wL ? `at most ${maxMs}ms` : undefined,
        ]
            .filter(Boolean)
            .join(' and ');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${quote(raw)} is out of range`, `Use a duration ${limits}.`);
    }
    return ms;
}
/** A list given one item per line (commas also separate); blank lines and `#` comments are ignored. */
function parseList(_name, raw) {
    return raw
        .split(/\r?\n/)
        .map((line) => line.replace(/(^|\s)#.*$/, ''))
        .flatMap((line) => line.split(','))
        .map((item) => item.trim())
        .filter((item) => item.length > 0);
}
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Environment-variable names, one per line or comma-separated. */
function parseNames(name, raw) {
    const names = parseList(name, raw);
    for (const item of names) {
        if (!ENV_NAME.test(item)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${quote(item)} is not a valid variable name`, 'Use letters, digits and _ only, not starting with a digit, one name per line.');
        }
    }
    return [...new Set(names)];
}
/**
 * `NAME=VALUE` lines. Splits on the first `=`; a value may be empty. With `secret`, no value (and no line
 * text, which may hold a value) appears in any error. Multi-line values use heredoc syntax:
 * `NAME<<EOF` … `EOF`, as in GitHub's own file commands.
 */
function parsePairs(name, raw, options = {}) {
    const lines = raw.split(/\r?\n/);
    const pairs = [];
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (line.trim() === '' || line.trimStart().startsWith('#'))
            continue;
        const heredoc = /^\s*([A-Za-z_][A-Za-z0-9_]*)<<([A-Za-z0-9_-]+)\s*$/.exec(line);
        if (heredoc) {
            const [, key, delimiter] = heredoc;
            const end = lines.findIndex((l, j) => j > i && l.trim() === delimiter);
            if (end < 0) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `line ${i + 1} opens ${key}<<${delimiter} but no line closes it with ${delimiter}`, `End the value with a line holding only ${delimiter}.`);
            }
            pairs.push({ name: key, value: lines.slice(i + 1, end).join('\n') });
            i = end;
            continue;
        }
        const eq = line.indexOf('=');
        const key = eq < 0 ? '' : line.slice(0, eq).trim();
        if (eq < 0 || !ENV_NAME.test(key)) {
            const shown = options.secret ? '' : ` (${quote(line.trim())})`;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `line ${i + 1}${shown} is not NAME=VALUE${options.secret ? ' (value hidden)' : ''}`, 'Write one NAME=VALUE per line, the name in letters, digits and _, or NAME<<EOF … EOF for a multi-line value.');
        }
        pairs.push({ name: key, value: line.slice(eq + 1) });
    }
    const seen = new Set();
    for (const pair of pairs) {
        if (seen.has(pair.name))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${pair.name} is given twice`, 'Give each name once.');
        seen.add(pair.name);
    }
    return pairs;
}
/** The URL with any user:password@ part hidden, for messages. */
function displayUrl(raw) {
    return raw.replace(/^(\s*(?:[a-z][a-z0-9+.-]*:)?\/\/)[^/?#]*@/i, '$1***@');
}
/**
 * An absolute URL. Refused: whitespace or control characters inside it (the URL parser would quietly drop
 * tabs and newlines, so what runs would differ from what was written), other schemes, and, when asked,
 * credentials. Errors show the URL with its credentials hidden, or nothing of it for a secret.
 */
function parseUrl(name, raw, options = {}) {
    const protocols = options.protocols ?? ['http:', 'https:'];
    const form = `Use an absolute ${protocols.map((p) => p.replace(':', '')).join(' or ')} URL such as https://example.fly.dev/health.`;
    const text = raw.trim();
    const shown = options.secret ? 'the URL (hidden)' : quote(displayUrl(text));
    // eslint-disable-next-line no-control-regex
    if (/[\s\u0000-\u001f\u007f]/.test(text))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${shown} contains whitespace or a control character`, `${form} Percent-encode spaces (%20) and give one URL per line.`);
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${shown} is not a URL`, form);
    }
    if (!protocols.includes(url.protocol))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${shown} uses ${url.protocol}`, form);
    if (options.credentials === 'refuse' && (url.username || url.password))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${options.secret ? shown : quote(displayUrl(text))} carries a user name or password`, 'Remove the user:password@ part; credentials do not belong in this URL.');
    return url;
}
/** A URL's user name or password as it means; a malformed escape (%zz) is taken as written, as fetch does. */
function decodeUrlPart(part) {
    try {
        return decodeURIComponent(part);
    }
    catch {
        return part;
    }
}
/** The parts of a URL to mask when it carries credentials: all of it, the userinfo, the password. */
function urlSecrets(raw, url) {
    if (!url.username && !url.password)
        return [];
    const userinfo = url.password ? `${url.username}:${url.password}` : url.username;
    return [
        ...new Set([
            raw.trim(),
            url.href,
            userinfo,
            decodeUrlPart(userinfo),
            url.password,
            decodeUrlPart(url.password),
        ]),
    ].filter((part) => part.length >= 4 || part === raw.trim());
}
/** Glob patterns (one per line); `!pattern` excludes. Checked here so a typo fails before any work. */
function parseGlobs(name, raw, options = {}) {
    const patterns = raw
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'));
    for (const pattern of patterns) {
        const body = pattern.startsWith('!') ? pattern.slice(1) : pattern;
        try {
            if (body === '')
                throw new Error('empty');
            picomatch__WEBPACK_IMPORTED_MODULE_2___default().makeRe(body, { strictBrackets: true });
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${quote(pattern)} is not a valid glob`, 'Use patterns such as apps/*/fly.toml or **/*.info; prefix with ! to exclude.');
        }
    }
    if (options.required && patterns.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, raw.trim() === '' ? 'is required but empty' : 'names no file: it holds only comments', 'Give at least one path or glob, one per line, e.g. apps/*/fly.toml.');
    if (options.required && patterns.every((p) => p.startsWith('!')))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, 'names no file: it holds only ! exclusions', 'Put at least one pattern to include before the exclusions, e.g. apps/*/fly.toml then !apps/old/fly.toml.');
    return patterns;
}
/** What an HTTP header value may hold (RFC 7230 field-value, as Node checks it): no CR, LF or other controls. */
const HEADER_VALUE = /^[\t\u0020-\u007e\u0080-\u00ff]*$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Header names must be RFC 7230 tokens and values one line of visible text; values are never quoted. */
function checkHeaders(name, headers) {
    for (const [key, value] of Object.entries(headers)) {
        if (!HEADER_NAME.test(key))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${quote(key)} is not a header name`, "Header names are letters, digits and !#$%&'*+.^_`|~- only, e.g. Authorization.");
        if (!HEADER_VALUE.test(value))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `the value of ${key} holds a line break, a control character or a character outside Latin-1 (value hidden)`, 'Give each header on one line as "Name: value", with visible characters only (encode anything else, e.g. base64).');
    }
}
function parseChoice(name, raw, choices) {
    const value = raw.trim().toLowerCase();
    if (choices.includes(value))
        return value;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${quote(raw)} is not one of the accepted values`, `Use one of: ${choices.join(', ')}.`);
}


/***/ }),

/***/ 55523:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VV: () => (/* binding */ escapeInline),
/* harmony export */   X1: () => (/* binding */ escapeText),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   kq: () => (/* binding */ escapeCell),
/* harmony export */   tp: () => (/* binding */ table)
/* harmony export */ });
/**
 * Small Markdown builders for job summaries and comments. Text from outside (file names, rule messages,
 * flyctl's output, input values, response excerpts) cannot break out: no table row broken by a pipe or a
 * line break, no raw HTML (an HTML comment could pose as the sticky comment's marker), no code span closed
 * early by backticks, and no `@mention` that would notify someone.
 */
/** GitHub notifies `@name`: a zero-width joiner after the `@` keeps the text and stops the mention. */
const breakMentions = (text) => text.replace(/@(?=[A-Za-z0-9])/g, '@\u200d');
const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const escapeHtml = (text) => text.replace(/[&<>]/g, (c) => HTML_ESCAPES[c]);
/** Like escapeHtml, but entities and the `<br>` this module writes are kept, so escaping twice changes nothing. */
const escapeHtmlOnce = (text) => text.replace(/<br>|&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);|[&<>]/gi, (m) => HTML_ESCAPES[m] ?? m);
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LINE_BREAK = /\r\n|\r|\n/g;
/** A pipe not already escaped by an odd number of backslashes. */
const escapePipes = (text) => text.replace(/(^|[^\\])((?:\\\\)*)\|/g, '$1$2\\|');
/** Splits Markdown into code spans (CommonMark: a run of N backticks closed by a run of exactly N) and the rest. */
function segments(markdown) {
    const parts = [];
    let rest = 0;
    let i = 0;
    while (i < markdown.length) {
        if (markdown[i] !== '`' || (i > 0 && markdown[i - 1] === '\\')) {
            i++;
            continue;
        }
        let run = i;
        while (markdown[run] === '`')
            run++;
        const fence = markdown.slice(i, run);
        let close = markdown.indexOf(fence, run);
        while (close >= 0 && (markdown[close + fence.length] === '`' || markdown[close - 1] === '`'))
            close = markdown.indexOf(fence, close + 1);
        if (close < 0) {
            i = run;
            continue;
        }
        if (i > rest)
            parts.push({ code: false, text: markdown.slice(rest, i) });
        parts.push({ code: true, text: markdown.slice(i, close + fence.length) });
        i = rest = close + fence.length;
    }
    if (rest < markdown.length)
        parts.push({ code: false, text: markdown.slice(rest) });
    return parts;
}
/**
 * Inline Markdown made safe to embed: code spans are kept (a line break in one becomes a space); outside
 * them HTML is shown as text, mentions are broken and line breaks become `<br>`. For text that is Markdown
 * already (it holds `code()` spans or escapeText's output: applying it again changes nothing); plain text
 * goes through escapeText.
 */
function escapeInline(markdown, options = {}) {
    return segments(markdown.replace(CONTROLS, ''))
        .map(({ code, text }) => {
        const safe = code
            ? text.replace(LINE_BREAK, ' ')
            : breakMentions(escapeHtmlOnce(text)).replace(LINE_BREAK, '<br>');
        return options.pipes ? escapePipes(safe) : safe;
    })
        .join('');
}
/** A table cell: escapeInline, and pipes escaped too (GitHub reads `\|` as a pipe even inside a code span). */
function escapeCell(markdown) {
    return escapeInline(markdown, { pipes: true });
}
/** Plain text as Markdown that shows exactly that text: every character Markdown would read is escaped. */
function escapeText(text) {
    const escaped = text.replace(CONTROLS, '').replace(/[\\`*_[\]#|]/g, (c) => `\\${c}`);
    return breakMentions(escapeHtml(escaped)).replace(LINE_BREAK, '<br>');
}
function table(headers, rows) {
    const head = `| ${headers.map(escapeCell).join(' | ')} |`;
    const rule = `| ${headers.map(() => '---').join(' | ')} |`;
    const body = rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`);
    return [head, rule, ...body].join('\n');
}
/**
 * Text as an inline code span that nothing inside can close: the fence is one backtick longer than the
 * longest run inside, padded when the text starts or ends with a backtick or a space. A code span cannot
 * hold a line break, so those become spaces; HTML and mentions inside a code span are inert.
 */
function code(text) {
    const flat = text.replace(CONTROLS, '').replace(LINE_BREAK, ' ');
    if (flat === '')
        return '` `';
    const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    const pad = /^[` ]|[` ]$/.test(flat) && flat.trim() !== '' ? ' ' : '';
    return `${fence}${pad}${flat}${pad}${fence}`;
}


/***/ }),

/***/ 39973:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ inputReader)
/* harmony export */ });
/* harmony import */ var _domain_shared_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(55915);
/* harmony import */ var _domain_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(59677);
/* harmony import */ var _domain_probe_spec_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(63346);
/** Typed readers over a host's InputSource: the text goes to the domain parsers, secrets are masked first. */



/** `host` needs only `inputs` and `mask`, so a recording source can stand in for the contract test. */
function inputReader(host) {
    const raw = (name) => host.inputs.get(name);
    const where = (name) => host.kind === 'terminal' ? `Pass --${name} <value>.` : `Set \`${name}\` in the step's \`with:\`.`;
    const mask = (value) => host.mask(value);
    /** A URL with user:password@ is masked whole and in its userinfo at once, before anything can print it. */
    const url = (name, text) => {
        const parsed = _domain_shared_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .parseUrl */ .Dl(name, text);
        for (const secret of _domain_shared_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .urlSecrets */ .Fn(text, parsed))
            mask(secret);
        return parsed;
    };
    return {
        string(name, options = {}) {
            const value = raw(name).trim();
            if (options.required && value === '')
                throw new _domain_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name, 'is required but empty', where(name));
            return value;
        },
        optional(name) {
            const value = raw(name).trim();
            return value === '' ? undefined : value;
        },
        /** A secret input: masked before anything else happens to it. */
        secret(name) {
            const value = raw(name);
            if (value.trim() === '')
                return undefined;
            mask(value);
            mask(value.trim());
            return value.trim();
        },
        boolean: (name) => _domain_shared_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .parseBoolean */ .yG(name, raw(name)),
        integer: (name, bounds) => _domain_shared_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .parseInteger */ .cG(name, raw(name), bounds),
        number: (name, bounds) => _domain_shared_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .parseNumber */ .$J(name, raw(name), bounds),
        /** A number, or undefined when the input is empty. */
        optionalNumber(name, bounds) {
            return raw(name).trim() === '' ? undefined : _domain_shared_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .parseNumber */ .$J(name, raw(name), bounds);
        },
        duration: (name, bounds) => _domain_shared_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9(name, raw(name), bounds),
        /** A duration, or undefined when the input is empty. */
        optionalDuration(name, bounds) {
            return raw(name).trim() === '' ? undefined : _domain_shared_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9(name, raw(name), bounds);
        },
        list: (name) => _domain_shared_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .parseList */ .E1(name, raw(name)),
        names: (name) => _domain_shared_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .parseNames */ .Gw(name, raw(name)),
        /** Globs; with `required`, ones that name no file (empty, only comments, only exclusions) are refused. */
        globs: (name, options) => _domain_shared_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .parseGlobs */ .nS(name, raw(name), options),
        /** An http(s) URL; credentials in it are masked. */
        url: (name) => url(name, raw(name)),
        optionalUrl(name) {
            return raw(name).trim() === '' ? undefined : url(name, raw(name));
        },
        /** URLs one per line (or comma-separated), each checked and its credentials masked. */
        urls: (name) => _domain_shared_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .parseList */ .E1(name, raw(name)).map((item) => url(name, item)),
        /**
         * A URL that is a secret as a whole (an incoming webhook): masked first, never quoted, credentials
         * refused (the secret is in its path; fetch cannot send a user:password@ part anyway).
         */
        secretUrl(name) {
            const value = raw(name).trim();
            if (value === '')
                return undefined;
            mask(value);
            _domain_shared_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .parseUrl */ .Dl(name, value, { secret: true, credentials: 'refuse' });
            return value;
        },
        /** `Name: value` lines: values masked as they are read, names RFC 7230 tokens, values one line of text. */
        headers(name) {
            const headers = (0,_domain_probe_spec_js__WEBPACK_IMPORTED_MODULE_2__/* .parseHeaders */ .QG)(name, raw(name));
            for (const value of Object.values(headers))
                if (value)
                    mask(value);
            _domain_shared_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .checkHeaders */ .ZZ(name, headers);
            return headers;
        },
        choice: (name, choices) => _domain_shared_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .parseChoice */ .HU(name, raw(name), choices),
        /** NAME=VALUE lines whose values are secret: each value is masked as soon as it is parsed. */
        secretPairs(name) {
            const pairs = _domain_shared_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .parsePairs */ .xg(name, raw(name), { secret: true });
            for (const pair of pairs)
                mask(pair.value);
            return pairs;
        },
        pairs: (name) => _domain_shared_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .parsePairs */ .xg(name, raw(name)),
        /** The raw text, for parsers that live with their domain (probe headers, status sets). */
        text: (name) => raw(name),
    };
}


/***/ }),

/***/ 67336:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ checkPaths)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _domain_shared_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(59677);
/**
 * Path inputs checked before any work: a directory that must exist, a file that must be a file, a report
 * that must be creatable. Each problem is one `Input '<name>'` error; nothing is created or read here (a
 * file's content never reaches a message).
 */




async function kind(path) {
    try {
        const s = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(path);
        return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
    }
    catch {
        return undefined;
    }
}
/** The path as a person wrote it: relative to the current directory when under it. */
function shown(path) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(process.cwd(), path);
    return JSON.stringify(rel && !rel.startsWith('..') && !(0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(rel) ? rel.split(node_path__WEBPACK_IMPORTED_MODULE_2__.sep).join('/') : path);
}
/** Why a file cannot be created at `path`, or undefined when it can (nothing is created to find out). */
async function notCreatable(path) {
    const what = await kind(path);
    if (what === 'directory')
        return `${shown(path)} is a directory; a file path is wanted`;
    if (what === 'file') {
        return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.access)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.W_OK).then(() => undefined, () => `${shown(path)} exists and is not writable`);
    }
    let dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path);
    for (;;) {
        const found = await kind(dir);
        if (found === 'directory')
            return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.access)(dir, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.W_OK | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK).then(() => undefined, () => `${shown(path)} cannot be created: ${shown(dir)} is not writable`);
        if (found !== undefined)
            return `${shown(path)} cannot be created: ${shown(dir)} is not a directory`;
        const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(dir);
        if (parent === dir)
            return `${shown(path)} cannot be created`;
        dir = parent;
    }
}
const IS_GLOB = /[*?[{]/;
async function problem(check) {
    switch (check.is) {
        case 'directory': {
            const found = await kind(check.path);
            if (found === 'directory')
                return undefined;
            return [
                found === undefined
                    ? `${shown(check.path)} does not exist`
                    : `${shown(check.path)} is a file, not a directory`,
                'Give an existing directory, relative to the workspace (the checkout).',
            ];
        }
        case 'file': {
            const found = await kind(check.path);
            if (found === 'file' || (found === undefined && check.optional))
                return undefined;
            return [
                found === undefined
                    ? `${shown(check.path)} does not exist`
                    : `${shown(check.path)} is a directory, not a file`,
                'Give the path of a file.',
            ];
        }
        case 'fly-config': {
            const found = await kind(check.path);
            if (found === 'file')
                return undefined;
            if (found === 'directory' && (await kind((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(check.path, 'fly.toml'))) === 'file')
                return undefined;
            return [
                found === undefined
                    ? `${shown(check.path)} does not exist`
                    : `${shown(check.path)} is a directory without a fly.toml`,
                'Give the path of the fly.toml, relative to working-directory.',
            ];
        }
        case 'output-file': {
            const why = await notCreatable(check.path);
            return why ? [why, 'Give a file path in a directory the job can write to.'] : undefined;
        }
        case 'globs': {
            for (const pattern of check.globs) {
                if (pattern.startsWith('!') || IS_GLOB.test(pattern))
                    continue;
                const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(check.base, pattern);
                if ((await kind(path)) === 'directory')
                    return [
                        `${JSON.stringify(pattern)} is a directory; files are wanted`,
                        `Name the files in it, e.g. ${pattern.replace(/\/+$/, '')}/**/* or the file's own path.`,
                    ];
            }
            return undefined;
        }
    }
}
/** Throws the first problem as an InputError naming its input; checks run in the order given. */
async function checkPaths(checks) {
    for (const check of checks) {
        const found = await problem(check);
        if (found)
            throw new _domain_shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(check.input, found[0], found[1]);
    }
}


/***/ })

};

//# sourceMappingURL=221.index.js.map