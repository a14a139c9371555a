export const id = 207;
export const ids = [207];
export const modules = {

/***/ 5207:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseCoveragePy: () => (/* binding */ parseCoveragePy),
  parseIstanbul: () => (/* binding */ parseIstanbul)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./node_modules/stream-json/src/index.js + 1 modules
var src = __webpack_require__(6023);
// EXTERNAL MODULE: ./node_modules/stream-json/src/assembler.js
var assembler = __webpack_require__(7991);
// EXTERNAL MODULE: ./node_modules/stream-json/src/streamers/stream-object.js + 4 modules
var stream_object = __webpack_require__(6044);
// EXTERNAL MODULE: ./src/domain/coverage/detect.ts
var detect = __webpack_require__(9496);
// EXTERNAL MODULE: ./src/domain/shared/errors.ts
var errors = __webpack_require__(9677);
// EXTERNAL MODULE: ./src/domain/shared/markdown.ts
var markdown = __webpack_require__(5523);
// EXTERNAL MODULE: ./src/domain/coverage/model.ts
var model = __webpack_require__(1162);
// EXTERNAL MODULE: ./src/domain/coverage/source.ts
var coverage_source = __webpack_require__(2962);
;// CONCATENATED MODULE: ./src/domain/coverage/json-formats.ts
/**
 * The JSON report formats, one top-level entry at a time (the I/O edge streams the file and hands over each
 * entry as it is assembled, so a large report is never one string):
 * - Istanbul `coverage-final.json` (jest, vitest, nyc, c8): path → {statementMap, fnMap, branchMap, s, f, b}.
 * - Istanbul `coverage-summary.json` (json-summary reporter): path → {lines, statements, functions,
 *   branches: {total, covered, skipped, pct}}, plus "total". Counters only: no line data.
 * - coverage.py JSON (`coverage json`): {meta, files: path → {executed_lines, missing_lines, excluded_lines,
 *   executed_branches, missing_branches, functions?, summary}, totals}. Entries are those under "files";
 *   "totals" is checked against them.
 * Counts that are not numbers, negative, or more covered than found make the report corrupt: refused,
 * never clamped.
 */




const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const FIX = 'Regenerate the report and check that the upload step copied all of it.';
/** Names an entry (a file path in the report) and, inside it, the field at fault. */
function where(src, key, field) {
    const entry = src.quote ? `the entry ${(0,coverage_source/* excerpt */.Kb)(key, 120)}` : 'an entry';
    return field ? `${entry}, ${field}` : entry;
}
function corrupt(src, key, problem, field) {
    return new errors/* InputError */.dz('files', `${src.display}: ${where(src, key, field)} ${problem}`, FIX);
}
function shapeError(src, key, what, format) {
    return new errors/* InputError */.dz('files', `${src.display}: ${where(src, key)} is not ${what}`, `Check that the file is ${format} and was written completely, or set format to the report's real format.`);
}
/** A JSON value as the error shows it: short, one line. */
function shown(value) {
    const text = JSON.stringify(value) ?? 'nothing';
    return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}
/** A count: a finite number of zero or more. */
function count(src, key, field, value) {
    if (typeof value !== 'number' || !Number.isFinite(value))
        throw corrupt(src, key, `is ${src.quote ? shown(value) : 'not a number'}, not a count`, field);
    if (value < 0)
        throw corrupt(src, key, 'is negative; counts are zero or more', field);
    return value;
}
/** Found and covered counts, covered at most found. */
function pair(src, key, field, found, hit, names) {
    const c = (0,model/* counter */.hJ)(count(src, key, `${field}.${names[0]}`, found), count(src, key, `${field}.${names[1]}`, hit));
    if (c.hit > c.found)
        throw corrupt(src, key, `says ${names[1]} ${src.quote ? `${c.hit} ` : ''}is greater than ${names[0]}${src.quote ? ` ${c.found}` : ''}: more covered than found means the report is corrupt (it is not clamped to 100%)`, field);
    return c;
}
function lineNumber(src, key, field, value) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
        throw corrupt(src, key, `holds ${src.quote ? shown(value) : 'a value that is'}, not a line number (lines are numbered from 1)`, field);
    return value;
}
const lineOf = (loc) => {
    if (!isObject(loc))
        return undefined;
    const l = loc;
    return l.start?.line ?? l.line;
};
/** One entry of coverage-final.json. */
function istanbulFinalEntry(source, key, value, sink) {
    const src = (0,coverage_source/* reportSource */.cu)(source);
    // Old istanbul wrapped each file as {data: {...}}.
    const data = isObject(value) && isObject(value.data) && !isObject(value.s) ? value.data : value;
    if (!isObject(data) || !isObject(data.statementMap) || !isObject(data.s)) {
        throw shapeError(src, key, 'a file coverage object (statementMap, s)', 'an Istanbul coverage-final.json');
    }
    const path = (0,coverage_source/* detached */.ht)(typeof data.path === 'string' && data.path ? data.path : key);
    const statementMap = data.statementMap;
    const fnMap = isObject(data.fnMap) ? data.fnMap : {};
    const branchMap = isObject(data.branchMap) ? data.branchMap : {};
    const s = data.s;
    const f = isObject(data.f) ? data.f : {};
    const b = isObject(data.b) ? data.b : {};
    const detail = (0,model/* emptyDetail */.zE)();
    detail.statements = new Map();
    for (const [id, raw] of Object.entries(s)) {
        const hits = count(src, key, `s[${JSON.stringify(id)}]`, raw);
        detail.statements.set(id, hits);
        const loc = lineOf(statementMap[id]);
        if (loc === undefined)
            continue;
        const line = lineNumber(src, key, `statementMap[${JSON.stringify(id)}].start.line`, loc);
        // A line's hits are its most-run statement's, as istanbul's getLineCoverage computes them.
        const previous = detail.lines.get(line);
        if (previous === undefined || previous < hits)
            detail.lines.set(line, hits);
    }
    for (const [id, raw] of Object.entries(f)) {
        const fn = fnMap[id];
        const name = isObject(fn) && typeof fn.name === 'string' ? fn.name : `fn${id}`;
        detail.functions.set(`${id}:${name}`, count(src, key, `f[${JSON.stringify(id)}]`, raw));
    }
    for (const [id, arms] of Object.entries(b)) {
        if (!Array.isArray(arms))
            continue;
        const branch = branchMap[id];
        const loc = isObject(branch) ? (lineOf(branch.loc) ?? lineOf(branch)) : undefined;
        const taken = arms.map((arm, i) => count(src, key, `b[${JSON.stringify(id)}][${i}]`, arm));
        if (loc === undefined)
            continue;
        const line = lineNumber(src, key, `branchMap[${JSON.stringify(id)}].loc.start.line`, loc);
        const c = detail.branches.get(line) ?? (0,model/* counter */.hJ)();
        for (const t of taken) {
            c.found++;
            if (t > 0)
                c.hit++;
        }
        detail.branches.set(line, c);
    }
    const counters = (0,model/* countersFromDetail */.J)(detail);
    sink.record({
        path,
        ...counters,
        detail: sink.wantDetail(path) ? detail : undefined,
    });
}
const SUMMARY_METRICS = ['lines', 'statements', 'functions', 'branches'];
/** One entry of coverage-summary.json ("total" is skipped: totals are derived). */
function istanbulSummaryEntry(source, key, value, sink) {
    const src = (0,coverage_source/* reportSource */.cu)(source);
    if (key === 'total')
        return;
    if (!isObject(value) || !isObject(value.lines)) {
        throw shapeError(src, key, 'a file summary ({lines, statements, functions, branches})', 'an Istanbul coverage-summary.json');
    }
    const counters = {};
    for (const metric of SUMMARY_METRICS) {
        const m = value[metric];
        if (isObject(m))
            counters[metric] = pair(src, key, metric, m.total, m.covered, ['total', 'covered']);
    }
    sink.record({
        path: (0,coverage_source/* detached */.ht)(key),
        lines: counters.lines ?? (0,model/* counter */.hJ)(),
        branches: counters.branches ?? (0,model/* counter */.hJ)(),
        functions: counters.functions ?? (0,model/* counter */.hJ)(),
        statements: counters.statements,
        summaryOnly: true,
    });
}
function lineList(src, key, field, value) {
    if (value === undefined)
        return [];
    if (!Array.isArray(value))
        throw corrupt(src, key, 'is not a list of line numbers', field);
    return value.map((n, i) => lineNumber(src, key, `${field}[${i}]`, n));
}
/**
 * A coverage.py JSON report, entry by entry. The counters are coverage.py's own per-file summary
 * (covered_lines of num_statements, covered_branches of num_branches), which is what `coverage report`
 * prints: executed_lines may hold lines that are not statements (a docstring, an excluded line that ran),
 * so counting the lists would overstate both.
 */
class CoveragePyReport {
    sink;
    src;
    sum = { lines: (0,model/* counter */.hJ)(), branches: (0,model/* counter */.hJ)() };
    branchData = false;
    stated;
    constructor(source, sink) {
        this.sink = sink;
        this.src = (0,coverage_source/* reportSource */.cu)(source);
    }
    /** One entry under "files". */
    entry(key, value) {
        const src = this.src;
        if (!isObject(value) || !Array.isArray(value.executed_lines) || !Array.isArray(value.missing_lines)) {
            throw shapeError(src, key, 'a file entry (executed_lines, missing_lines)', 'a coverage.py JSON report');
        }
        const executed = lineList(src, key, 'executed_lines', value.executed_lines);
        const missing = lineList(src, key, 'missing_lines', value.missing_lines);
        const excluded = new Set(lineList(src, key, 'excluded_lines', value.excluded_lines));
        const detail = (0,model/* emptyDetail */.zE)();
        // Patch coverage needs line detail: the missing statements, and the executed lines less the excluded.
        for (const line of executed)
            if (!excluded.has(line))
                detail.lines.set(line, 1);
        for (const line of missing)
            detail.lines.set(line, 0);
        // Branch arcs are [from line, to line]; the branch sits on the from line (to is negative for an exit).
        const arcs = (field, list, taken) => {
            if (list === undefined)
                return;
            if (!Array.isArray(list))
                throw corrupt(src, key, 'is not a list of arcs', field);
            list.forEach((arc, i) => {
                if (!Array.isArray(arc) || arc.length !== 2 || typeof arc[1] !== 'number')
                    throw corrupt(src, key, 'is not an arc [from, to]', `${field}[${i}]`);
                const from = lineNumber(src, key, `${field}[${i}][0]`, arc[0]);
                const c = detail.branches.get(from) ?? (0,model/* counter */.hJ)();
                c.found++;
                if (taken)
                    c.hit++;
                detail.branches.set(from, c);
            });
        };
        arcs('executed_branches', value.executed_branches, true);
        arcs('missing_branches', value.missing_branches, false);
        // Format 3 (coverage.py 7.5+) lists functions; "" is the module-level code, not a function.
        if (isObject(value.functions)) {
            for (const [name, region] of Object.entries(value.functions)) {
                if (name === '')
                    continue;
                const covered = isObject(region) && isObject(region.summary) ? region.summary.covered_lines : 0;
                detail.functions.set(name, typeof covered === 'number' && covered > 0 ? 1 : 0);
            }
        }
        const fromDetail = (0,model/* countersFromDetail */.J)(detail);
        let lines = fromDetail.lines;
        let branches = fromDetail.branches;
        const summary = value.summary;
        if (isObject(summary)) {
            lines = pair(src, key, 'summary', summary.num_statements, summary.covered_lines, [
                'num_statements',
                'covered_lines',
            ]);
            this.consistent(key, 'summary.missing_lines', summary.missing_lines, lines.found - lines.hit);
            if (missing.length !== lines.found - lines.hit)
                throw corrupt(src, key, `lists ${missing.length} missing lines but its summary says ${lines.found - lines.hit} (num_statements - covered_lines)`, 'missing_lines');
            if (summary.num_branches !== undefined) {
                this.branchData = true;
                branches = pair(src, key, 'summary', summary.num_branches, summary.covered_branches, [
                    'num_branches',
                    'covered_branches',
                ]);
                this.consistent(key, 'summary.missing_branches', summary.missing_branches, branches.found - branches.hit);
            }
        }
        this.sum.lines.found += lines.found;
        this.sum.lines.hit += lines.hit;
        this.sum.branches.found += branches.found;
        this.sum.branches.hit += branches.hit;
        this.sink.record({
            path: (0,coverage_source/* detached */.ht)(key),
            lines,
            branches,
            functions: fromDetail.functions,
            statements: undefined,
            detail: this.sink.wantDetail(key) ? detail : undefined,
        });
    }
    consistent(key, field, value, expected) {
        if (value === undefined)
            return;
        if (count(this.src, key, field, value) !== expected)
            throw corrupt(this.src, key, `is ${this.src.quote ? `${String(value)}, ` : ''}not ${expected}: the summary contradicts itself`, field);
    }
    /** The report's "totals" object. */
    totals(value) {
        if (isObject(value))
            this.stated = value;
    }
    /** Checks "totals" against the files and returns what to tell the reader about coverage.py's own figure. */
    end() {
        const t = this.stated;
        if (!t)
            return [];
        const src = this.src;
        const check = (name, found, hit, sum, names) => {
            if (found === undefined && hit === undefined)
                return;
            const c = pair(src, 'totals', name, found, hit, names);
            if (c.found !== sum.found || c.hit !== sum.hit)
                throw new errors/* InputError */.dz('files', `${src.display}: "totals" says ${c.hit} of ${c.found} ${name} but its files add up to ${sum.hit} of ${sum.found}: the report contradicts itself`, FIX);
        };
        check('statements', t.num_statements, t.covered_lines, this.sum.lines, [
            'num_statements',
            'covered_lines',
        ]);
        if (this.branchData)
            check('branches', t.num_branches, t.covered_branches, this.sum.branches, [
                'num_branches',
                'covered_branches',
            ]);
        const total = typeof t.percent_covered === 'number' ? t.percent_covered : undefined;
        if (total === undefined || !this.branchData || this.sum.branches.found === 0)
            return [];
        // With branch coverage, coverage.py's one figure counts statements and branches together.
        return [
            `${(0,markdown/* code */.aY)(src.display)}: coverage.py's own total is ${(Math.floor(total * 100 + 1e-9) / 100).toFixed(2)}% (statements and branches together, as ${(0,markdown/* code */.aY)('coverage report')} prints it); the lines and branches gates use them separately.`,
        ];
    }
}

// EXTERNAL MODULE: ./src/io/coverage-reports.ts + 3 modules
var coverage_reports = __webpack_require__(9741);
;// CONCATENATED MODULE: ./src/io/coverage-json-reports.ts
/**
 * The JSON formats' readers (Istanbul final and summary, coverage.py): stream-json token streams fed to the
 * domain parsers. Loaded on demand by coverage-reports.ts, so an LCOV or Cobertura run never loads them.
 */









function invalidJson(file, format, error) {
    if (error instanceof errors/* InputError */.dz)
        return error;
    // stream-json's messages name the token it expected, never the document's text.
    return new errors/* InputError */.dz('files', `${file.display} is not valid ${detect/* FORMAT_NAMES */.BU[format]} (${(0,errors/* errorMessage */.gJ)(error)})`, 'The file may be truncated or in another format; regenerate it, or set format to its real format.');
}
function jsonTokens(file, stages = []) {
    const all = [
        (0,external_node_fs_.createReadStream)(file.path, { highWaterMark: coverage_reports/* TEXT_READ_BYTES */.be }),
        src/* parser */.K3.asStream({ streamValues: false }),
        ...stages,
    ];
    // pipeline destroys every stage with the first error, so iterating the last stage rethrows it.
    return (0,external_node_stream_.pipeline)(all, () => { });
}
async function parseIstanbul(file, format, sink) {
    const entry = format === 'istanbul-final' ? istanbulFinalEntry : istanbulSummaryEntry;
    const items = jsonTokens(file, [stream_object/* streamObject */.w.asStream()]);
    try {
        for await (const item of items)
            entry((0,coverage_reports/* sourceOf */.vz)(file), item.key, item.value, sink);
    }
    catch (error) {
        throw invalidJson(file, format, error);
    }
    finally {
        items.destroy();
    }
}
/** coverage.py JSON: each entry under "files" assembled on its own, and "totals", from one token stream. */
async function parseCoveragePy(file, sink) {
    const report = new CoveragePyReport((0,coverage_reports/* sourceOf */.vz)(file), sink);
    const tokens = jsonTokens(file);
    let depth = 0;
    let topKey;
    let fileKey = '';
    let inFiles = false;
    let value;
    const deliver = (v) => (inFiles ? report.entry(fileKey, v) : report.totals(v));
    try {
        for await (const token of tokens) {
            if (value) {
                value.consume(token);
                if (value.done) {
                    deliver(value.current);
                    value = undefined;
                }
                continue;
            }
            const wanted = (inFiles && depth === 2) || (!inFiles && depth === 1 && topKey === 'totals');
            switch (token.name) {
                case 'startObject':
                case 'startArray':
                    if (wanted) {
                        value = new assembler/* default */.Ay();
                        value.consume(token);
                        break;
                    }
                    depth++;
                    if (depth === 2 && topKey === 'files' && token.name === 'startObject')
                        inFiles = true;
                    break;
                case 'endObject':
                case 'endArray':
                    depth--;
                    if (depth === 1)
                        inFiles = false;
                    break;
                case 'keyValue':
                    if (depth === 1)
                        topKey = token.value;
                    else if (inFiles && depth === 2)
                        fileKey = token.value;
                    break;
                default:
                    if (wanted)
                        deliver(token.name === 'numberValue' ? Number(token.value) : 'value' in token ? token.value : undefined);
            }
        }
    }
    catch (error) {
        throw invalidJson(file, 'coveragepy-json', error);
    }
    finally {
        tokens.destroy();
    }
    return report.end();
}


/***/ })

};

//# sourceMappingURL=207.index.js.map