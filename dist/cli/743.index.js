export const id = 743;
export const ids = [743];
export const modules = {

/***/ 9743:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  coverage: () => (/* binding */ coverage),
  readCoverageSettings: () => (/* binding */ readCoverageSettings)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/domain/shared/errors.ts
var errors = __webpack_require__(59677);
// EXTERNAL MODULE: ./src/domain/coverage/detect.ts
var detect = __webpack_require__(49496);
// EXTERNAL MODULE: ./src/domain/coverage/model.ts
var model = __webpack_require__(41162);
// EXTERNAL MODULE: ./src/domain/shared/order.ts
var order = __webpack_require__(77808);
;// CONCATENATED MODULE: ./src/domain/coverage/gates.ts
/** The gates: each compares one number with its threshold and says passed, failed or skipped, and why. */


const GATES = ['lines', 'branches', 'functions', 'statements', 'file', 'patch', 'drop'];
const GATE_INPUTS = {
    lines: 'min-lines',
    branches: 'min-branches',
    functions: 'min-functions',
    statements: 'min-statements',
    file: 'min-file',
    patch: 'min-patch',
    drop: 'max-drop',
};
const EPSILON = 1e-9;
const pct = (n) => `${n}%`;
function evaluateGates(input) {
    const { settings } = input;
    const results = [];
    const add = (id, status, threshold, actual, detail) => results.push({
        id,
        input: GATE_INPUTS[id],
        status,
        enforced: settings.failOn.has(id),
        threshold,
        actual,
        detail,
    });
    for (const metric of ['lines', 'branches', 'functions', 'statements']) {
        const min = settings.min[metric];
        if (min === undefined)
            continue;
        const c = input.totals[metric];
        const r = (0,model/* ratio */.CG)(c);
        if (r === undefined) {
            add(metric, 'failed', `≥ ${pct(min)}`, 'n/a', `The reports have no ${metric} data, so this gate cannot pass.`);
            continue;
        }
        const ok = r + EPSILON >= min;
        add(metric, ok ? 'passed' : 'failed', `≥ ${pct(min)}`, (0,model/* formatPercent */.l9)(c), `${c.hit} of ${c.found} ${metric} covered.`);
    }
    const filesBelow = [];
    if (settings.minFile !== undefined) {
        const min = settings.minFile;
        let checked = 0;
        for (const file of input.files) {
            if (file.lines.found === 0)
                continue;
            checked++;
            // Copied: `files` may hand out one reused object.
            if (((0,model/* ratio */.CG)(file.lines) ?? 100) + EPSILON < min)
                filesBelow.push({ path: file.path, lines: { ...file.lines } });
        }
        filesBelow.sort((a, b) => ((0,model/* ratio */.CG)(a.lines) ?? 0) - ((0,model/* ratio */.CG)(b.lines) ?? 0) || (0,order/* byCodeUnit */.X)(a.path, b.path));
        const worst = filesBelow[0];
        add('file', filesBelow.length === 0 ? 'passed' : 'failed', `each file ≥ ${pct(min)}`, worst ? `lowest ${(0,model/* formatPercent */.l9)(worst.lines)}` : `${checked} files`, filesBelow.length === 0
            ? `All ${checked} files with lines meet it.`
            : `${filesBelow.length} of ${checked} files are below: ${filesBelow
                .slice(0, 3)
                .map((f) => `${f.path} (${(0,model/* formatPercent */.l9)(f.lines)})`)
                .join(', ')}${filesBelow.length > 3 ? ', …' : ''}.`);
    }
    if (settings.minPatch !== undefined) {
        const min = settings.minPatch;
        if (!input.patch)
            add('patch', 'skipped', `≥ ${pct(min)}`, 'n/a', input.patchSkipped ?? 'No diff to measure.');
        else {
            const c = input.patch.counter;
            const r = (0,model/* ratio */.CG)(c);
            if (r === undefined)
                add('patch', 'passed', `≥ ${pct(min)}`, 'n/a', 'No changed line is an executable line in the reports.');
            else
                add('patch', r + EPSILON >= min ? 'passed' : 'failed', `≥ ${pct(min)}`, (0,model/* formatPercent */.l9)(c), `${c.hit} of ${c.found} changed executable lines covered.`);
        }
    }
    if (settings.maxDrop !== undefined) {
        const max = settings.maxDrop;
        const now = (0,model/* ratio */.CG)(input.totals.lines);
        const before = input.baseline ? (0,model/* ratio */.CG)(input.baseline.totals.lines) : undefined;
        if (!input.baseline)
            add('drop', 'skipped', `drop ≤ ${max} pp`, 'n/a', input.baselineSkipped ?? 'No baseline given.');
        else if (now === undefined || before === undefined)
            add('drop', 'skipped', `drop ≤ ${max} pp`, 'n/a', 'The baseline or this run has no line data.');
        else {
            const drop = before - now;
            const shown = `${drop > 0 ? '-' : '+'}${Math.abs(drop).toFixed(2)} pp`;
            add('drop', drop <= max + EPSILON ? 'passed' : 'failed', `drop ≤ ${max} pp`, shown, `Lines ${(0,model/* formatPercent */.l9)(input.baseline.totals.lines)} in the baseline → ${(0,model/* formatPercent */.l9)(input.totals.lines)} now.`);
        }
    }
    const passed = results.every((r) => r.status !== 'failed' || !r.enforced);
    return { results, passed, filesBelow };
}
/** Parses the fail-on list: gate ids, `all` or `none`. Returns the unknown items for the caller's error. */
function parseFailOn(items) {
    const gates = new Set();
    const unknown = [];
    for (const raw of items.length === 0 ? ['all'] : items) {
        const item = raw.toLowerCase().replace(/^(min|max)-/, '');
        if (item === 'all')
            GATES.forEach((g) => gates.add(g));
        else if (item === 'none')
            continue;
        else if (GATES.includes(item))
            gates.add(item);
        else
            unknown.push(raw);
    }
    return { gates, unknown };
}

// EXTERNAL MODULE: ./src/domain/coverage/paths.ts
var paths = __webpack_require__(1027);
;// CONCATENATED MODULE: ./src/domain/coverage/patch.ts



function patchCoverage(changes, files, exclude = []) {
    const isExcluded = (0,paths/* excludeMatcher */.BE)(exclude);
    const result = { counter: (0,model/* counter */.hJ)(), files: [], noLineData: [], notInReports: [] };
    for (const change of [...changes.values()].sort((a, b) => (0,order/* byCodeUnit */.X)(a.path, b.path))) {
        if (change.lines.length === 0 || change.binary || isExcluded(change.path))
            continue;
        const file = files.get(change.path);
        if (!file) {
            result.notInReports.push(change.path);
            continue;
        }
        if (!file.detail || file.detail.lines.size === 0) {
            if (file.lines.found > 0)
                result.noLineData.push(change.path);
            continue;
        }
        const patch = { path: change.path, counter: (0,model/* counter */.hJ)(), uncovered: [] };
        for (const line of change.lines) {
            const hits = file.detail.lines.get(line);
            if (hits === undefined)
                continue;
            patch.counter.found++;
            if (hits > 0)
                patch.counter.hit++;
            else
                patch.uncovered.push(line);
        }
        if (patch.counter.found === 0)
            continue;
        result.counter.found += patch.counter.found;
        result.counter.hit += patch.counter.hit;
        result.files.push(patch);
    }
    return result;
}

// EXTERNAL MODULE: ./src/domain/shared/markdown.ts
var markdown = __webpack_require__(55523);
// EXTERNAL MODULE: ./src/domain/coverage/diff.ts
var diff = __webpack_require__(15884);
;// CONCATENATED MODULE: ./src/domain/coverage/report.ts
/**
 * The Markdown report for the job summary and the pull request comment. It is built to a byte budget:
 * the verdict, totals and gates always fit; the long lists (uncovered changed lines, files below the
 * per-file minimum, lowest-covered files) take rows while room remains, and a note says what was cut.
 */






/** GitHub refuses comment bodies over 65,536 characters; bytes are a safe over-estimate of characters. */
const COMMENT_LIMIT = 65_536;
const COMMENT_BUDGET = 65_000;
/** A step's job summary may hold 1 MiB. */
const SUMMARY_BUDGET = 1_000_000;
const bytes = (text) => Buffer.byteLength(text, 'utf8');
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** The title as a file and marker name: lower case, runs of other characters as `-` ("Backend API" → backend-api). */
function titleSlug(title) {
    return (title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'coverage');
}
function commentMarker(title) {
    return `<!-- coverage-gate:${titleSlug(title)} -->`;
}
/**
 * Warnings for the uncovered changed line ranges, at most `max`; `skipped` counts the ranges left out.
 * `directory` is the working directory relative to the workspace (annotations name workspace paths).
 */
function uncoveredAnnotations(patch, options) {
    const annotations = [];
    let skipped = 0;
    const directory = options.directory.split('\\').join('/');
    for (const file of patch.files) {
        for (const [start, end] of (0,diff/* lineRanges */.nV)(file.uncovered)) {
            if (annotations.length >= options.max) {
                skipped++;
                continue;
            }
            const lines = start === end ? `Line ${start} is` : `Lines ${start}-${end} are`;
            annotations.push({
                message: `${lines} changed by this pull request but not covered by tests.`,
                title: `${options.title}: changed lines not covered`,
                file: external_node_path_.posix.normalize(external_node_path_.posix.join(directory, file.path)),
                startLine: start,
                endLine: end,
            });
        }
    }
    return { annotations, skipped };
}
/** Notes under the report: what the numbers leave out and how to fix the paths when nothing matched. */
function reportNotes(input) {
    const notes = [];
    const outside = [];
    for (const path of input.paths)
        if ((0,paths/* isOutsideWorkspace */.V_)(path))
            outside.push(path);
    if (outside.length > 0)
        notes.push(`${outside.length} file(s) are outside the workspace (e.g. ${(0,markdown/* code */.aY)(outside[0])}): set path-strip to the directory the tests ran in.`);
    if (input.approximate.length > 0)
        notes.push(`${input.approximate.length} file(s) appear in several reports without line data (e.g. ${(0,markdown/* code */.aY)(input.approximate[0])}): their counts are the larger of the reports, not a union.`);
    const patch = input.patch;
    if (patch && patch.noLineData.length > 0)
        notes.push(`${patch.noLineData.length} changed file(s) have no line data in the reports (summary formats): not in patch coverage.`);
    if (patch && patch.counter.found === 0 && patch.notInReports.length > 0)
        notes.push(`None of the ${patch.notInReports.length} changed file(s) with added lines is in the reports (e.g. ${(0,markdown/* code */.aY)(patch.notInReports[0])}): if they are code, check path-strip and path-prefix.`);
    if (input.excluded > 0)
        notes.push(`${input.excluded} file(s) excluded by the exclude input.`);
    return notes;
}
function delta(now, before) {
    const a = (0,model/* ratio */.CG)(now);
    const b = before ? (0,model/* ratio */.CG)(before) : undefined;
    if (a === undefined || b === undefined)
        return '';
    const d = a - b;
    if (Math.abs(d) < 0.005)
        return '±0.00';
    return `${d > 0 ? '+' : '-'}${Math.abs(d).toFixed(2)}`;
}
const ICON = {
    passed: '✅ passed',
    failed: '❌ failed',
    skipped: '⏭️ skipped',
};
function gateResult(gate) {
    if (gate.status === 'failed' && !gate.enforced)
        return '⚠️ failed (report only)';
    return ICON[gate.status];
}
function verdict(input) {
    const failed = input.outcome.results.filter((g) => g.status === 'failed');
    const enforced = failed.filter((g) => g.enforced);
    const lines = (0,model/* formatPercent */.l9)(input.totals.lines);
    if (input.outcome.results.length === 0)
        return `### ${(0,markdown/* escapeText */.X1)(input.title)}: ${lines} of lines covered`;
    if (enforced.length > 0)
        return `### ❌ ${(0,markdown/* escapeText */.X1)(input.title)}: ${enforced.length} of ${input.outcome.results.length} gates failed (${enforced.map((g) => g.input).join(', ')})`;
    if (failed.length > 0)
        return `### ⚠️ ${(0,markdown/* escapeText */.X1)(input.title)}: passed; ${failed.length} report-only gate(s) failed (${failed.map((g) => g.input).join(', ')})`;
    return `### ✅ ${(0,markdown/* escapeText */.X1)(input.title)}: all ${input.outcome.results.length} gates passed (${lines} of lines)`;
}
/** Adds table rows while the budget allows; returns the rows kept. */
function fitRows(rows, room, headers) {
    let kept = 0;
    let text = (0,markdown/* table */.tp)(headers, []);
    let used = bytes(text);
    for (const row of rows) {
        const line = `\n${(0,markdown/* table */.tp)(headers, [row]).split('\n')[2]}`;
        const size = bytes(line);
        if (used + size > room)
            break;
        text += line;
        used += size;
        kept++;
    }
    return { text, kept };
}
function* filter(items, keep) {
    for (const item of items)
        if (keep(item))
            yield item;
}
/** The n smallest items in order, without sorting all of them (reports can list 100,000s of files). */
function lowest(items, n, compare, copy = (item) => item) {
    const kept = [];
    for (const item of items) {
        if (kept.length === n && (n === 0 || compare(item, kept[n - 1]) >= 0))
            continue;
        let i = kept.length;
        while (i > 0 && compare(item, kept[i - 1]) < 0)
            i--;
        kept.splice(i, 0, copy(item));
        if (kept.length > n)
            kept.pop();
    }
    return kept;
}
function renderReport(input, options) {
    const parts = [];
    if (options.marker)
        parts.push(options.marker);
    parts.push(verdict(input));
    const base = input.baseline;
    parts.push((0,markdown/* table */.tp)(['Metric', 'Covered', 'Total', '%', ...(base ? ['Baseline', 'Δ pp'] : [])], model/* METRICS */.Cb.map((m) => [
        m,
        String(input.totals[m].hit),
        String(input.totals[m].found),
        (0,model/* formatPercent */.l9)(input.totals[m]),
        ...(base ? [(0,model/* formatPercent */.l9)(base.totals[m]), delta(input.totals[m], base.totals[m])] : []),
    ])));
    if (input.outcome.results.length > 0) {
        parts.push((0,markdown/* table */.tp)(['Gate', 'Threshold', 'Actual', 'Result', 'Detail'], input.outcome.results.map((g) => [g.input, g.threshold, g.actual, gateResult(g), g.detail])));
    }
    if (input.patch) {
        const c = input.patch.counter;
        parts.push(c.found === 0
            ? '**Changed lines:** no changed line is an executable line in the reports.'
            : `**Changed lines:** ${c.hit} of ${c.found} executable changed lines covered (${(0,model/* formatPercent */.l9)(c)}).`);
    }
    else if (input.patchSkipped)
        parts.push(`**Changed lines:** not measured: ${(0,markdown/* escapeInline */.VV)(input.patchSkipped)}`);
    const footer = [];
    const reportList = input.reports
        .map((r) => `${(0,markdown/* code */.aY)(r.path)} (${r.format}, ${plural(r.records, 'record')})`)
        .join(', ');
    if (reportList)
        footer.push(`<sub>Reports: ${(0,markdown/* escapeCell */.kq)(reportList)}${base?.commit ? `; baseline ${base.commit.slice(0, 12)}` : ''}.</sub>`);
    const notes = input.notes.map((n) => `> ${(0,markdown/* escapeInline */.VV)(n)}`);
    // Long lists, most useful first, each with what it would show.
    const lists = [];
    const uncovered = (input.patch?.files ?? []).filter((f) => f.uncovered.length > 0);
    if (uncovered.length > 0) {
        lists.push({
            heading: '#### Changed lines not covered',
            headers: ['File', 'Uncovered / changed', 'Lines not covered'],
            rows: uncovered
                .sort((a, b) => b.uncovered.length - a.uncovered.length || (0,order/* byCodeUnit */.X)(a.path, b.path))
                .map((f) => {
                const ranges = (0,diff/* lineRanges */.nV)(f.uncovered);
                const shown = (0,diff/* formatRanges */.Gk)(ranges.slice(0, 30)) +
                    (ranges.length > 30 ? `, … (${ranges.length - 30} more ranges)` : '');
                return [(0,markdown/* code */.aY)(f.path), `${f.uncovered.length} of ${f.counter.found}`, shown];
            }),
            unit: 'files with uncovered changed lines',
        });
    }
    if (input.outcome.filesBelow.length > 0) {
        lists.push({
            heading: '#### Files below the per-file minimum',
            headers: ['File', 'Lines', '%'],
            rows: input.outcome.filesBelow.map((f) => [
                (0,markdown/* code */.aY)(f.path),
                `${f.lines.hit}/${f.lines.found}`,
                (0,model/* formatPercent */.l9)(f.lines),
            ]),
            unit: 'files below the per-file minimum',
        });
    }
    const worst = lowest(filter(input.files, (f) => f.lines.found > 0 && f.lines.hit < f.lines.found), options.worstFiles, (a, b) => ((0,model/* ratio */.CG)(a.lines) ?? 0) - ((0,model/* ratio */.CG)(b.lines) ?? 0) ||
        b.lines.found - a.lines.found ||
        (0,order/* byCodeUnit */.X)(a.path, b.path), (f) => ({
        ...f,
        lines: { ...f.lines },
        branches: { ...f.branches },
        functions: { ...f.functions },
        statements: { ...f.statements },
    }));
    if (worst.length > 0) {
        lists.push({
            heading: `#### Lowest-covered files`,
            headers: ['File', 'Lines', 'Branches', 'Functions', ...(base ? ['Δ lines pp'] : [])],
            rows: worst.map((f) => [
                (0,markdown/* code */.aY)(f.path),
                `${(0,model/* formatPercent */.l9)(f.lines)} (${f.lines.hit}/${f.lines.found})`,
                (0,model/* formatPercent */.l9)(f.branches),
                (0,model/* formatPercent */.l9)(f.functions),
                ...(base ? [delta(f.lines, base.files.get(f.path))] : []),
            ]),
            unit: 'lowest-covered files',
        });
    }
    const join = (xs) => xs.filter(Boolean).join('\n\n');
    const trimNoteReserve = 400;
    let used = bytes(join([...parts, ...notes, ...footer])) + trimNoteReserve;
    const cut = [];
    const listParts = [];
    for (const list of lists) {
        const room = options.budget - used - bytes(list.heading) - 4;
        if (room < 200) {
            cut.push(`${list.rows.length} ${list.unit}`);
            continue;
        }
        const { text, kept } = fitRows(list.rows, room, list.headers);
        if (kept === 0) {
            cut.push(`${list.rows.length} ${list.unit}`);
            continue;
        }
        const block = `${list.heading}\n\n${text}`;
        listParts.push(block);
        used += bytes(block) + 2;
        if (kept < list.rows.length)
            cut.push(`${list.rows.length - kept} of ${list.rows.length} ${list.unit}`);
    }
    const trimNote = cut.length > 0
        ? `> ✂️ Trimmed to stay under ${options.budget === COMMENT_BUDGET ? "GitHub's 65,536-character comment limit" : 'the size limit'}: left out ${cut.join('; ')}.${options.fullListsAt ? ` ${options.fullListsAt}` : ''}`
        : '';
    const text = `${join([...parts, ...listParts, ...notes, trimNote, ...footer])}\n`;
    if (bytes(text) <= options.budget)
        return text;
    // Only unusually long fixed parts (a huge title or notes) get here: cut hard, on a character boundary.
    const tail = '\n\n> ✂️ Cut at the size limit.\n';
    let cutAt = options.budget - bytes(tail);
    let head = Buffer.from(text, 'utf8').subarray(0, cutAt).toString('utf8');
    while (bytes(head) > cutAt)
        head = head.slice(0, -1);
    cutAt = head.length;
    return `${head.slice(0, cutAt)}${tail}`;
}

// EXTERNAL MODULE: ./src/domain/coverage/summary-json.ts
var summary_json = __webpack_require__(48914);
// EXTERNAL MODULE: ./src/host/inputs.ts
var inputs = __webpack_require__(39973);
// EXTERNAL MODULE: ./src/io/coverage-reports.ts + 3 modules
var coverage_reports = __webpack_require__(9741);
// EXTERNAL MODULE: ./src/io/files.ts
var io_files = __webpack_require__(33839);
// EXTERNAL MODULE: ./src/io/paths.ts
var io_paths = __webpack_require__(67336);
// EXTERNAL MODULE: ./src/commands/report.ts
var report = __webpack_require__(8938);
;// CONCATENATED MODULE: ./src/commands/coverage.ts
/** `coverage` (the coverage-gate action): reads reports, applies the gates, reports to the summary and a PR comment. */
















const PERCENT = { min: 0, max: 100 };
/** Keeps the metrics that have a threshold. */
function thresholds(values) {
    return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}
function readCoverageSettings(input, context) {
    const failOn = parseFailOn(input.list('fail-on'));
    if (failOn.unknown.length > 0) {
        throw new errors/* InputError */.dz('fail-on', `${failOn.unknown.map((u) => JSON.stringify(u)).join(', ')} ${failOn.unknown.length > 1 ? 'are not gates' : 'is not a gate'}`, 'Use all, none, or gate names: lines, branches, functions, statements, file, patch, drop (comma- or line-separated).');
    }
    const files = input.globs('files', { required: true });
    if (files.length === 0)
        throw new errors/* InputError */.dz('files', 'is required but empty', 'Give report paths or globs, e.g. coverage/lcov.info.');
    const workingDirectory = (0,external_node_path_.resolve)(context.workspace, input.string('working-directory') || '.');
    const title = input.string('title') || 'Coverage';
    return {
        files,
        format: input.choice('format', ['auto', ...detect/* FORMATS */.hR]),
        workingDirectory,
        pathStrip: input.list('path-strip'),
        pathPrefix: input.string('path-prefix'),
        exclude: input.globs('exclude'),
        min: thresholds({
            lines: input.optionalNumber('min-lines', PERCENT),
            branches: input.optionalNumber('min-branches', PERCENT),
            functions: input.optionalNumber('min-functions', PERCENT),
            statements: input.optionalNumber('min-statements', PERCENT),
        }),
        minFile: input.optionalNumber('min-file', PERCENT),
        minPatch: input.optionalNumber('min-patch', PERCENT),
        maxDrop: input.optionalNumber('max-drop', PERCENT),
        failOn: failOn.gates,
        baseRef: input.optional('base-ref'),
        baseline: input.optional('baseline'),
        summaryPath: (0,external_node_path_.resolve)(workingDirectory, input.optional('summary-path') ?? (0,external_node_path_.join)(context.tempDir, 'coverage-gate', `${titleSlug(title)}.json`)),
        title,
        comment: input.boolean('comment'),
        token: input.secret('github-token'),
        maxAnnotations: input.integer('max-annotations', { min: 0, max: 50 }),
        worstFiles: input.integer('worst-files', { min: 0, max: 1000 }),
    };
}
async function readBaseline(host, path, cwd) {
    if (!path)
        return { skipped: 'No baseline given (set baseline to a summary JSON saved on the default branch).' };
    const full = (0,external_node_path_.resolve)(cwd, path);
    if (!(0,external_node_fs_.existsSync)(full)) {
        host.warning(`Baseline ${path} does not exist: max-drop and deltas are skipped. This is expected until a run on the default branch has saved one.`);
        return { skipped: `Baseline \`${path}\` not found.` };
    }
    return { baseline: (0,summary_json/* parseBaseline */.nk)(path, await (0,promises_.readFile)(full, 'utf8')) };
}
function annotateUncovered(host, patch, settings) {
    const { annotations, skipped } = uncoveredAnnotations(patch, {
        title: settings.title,
        max: settings.maxAnnotations,
        directory: (0,external_node_path_.relative)(host.context.workspace, settings.workingDirectory),
    });
    for (const { message, file, startLine, endLine, title } of annotations)
        host.warning(message, { file, line: startLine, endLine, title });
    if (skipped > 0)
        host.info(`${skipped} more uncovered changed ranges are not annotated (max-annotations: ${settings.maxAnnotations}).`);
}
async function comment(host, settings, reportInput) {
    const pr = host.context.pullRequest;
    const repository = host.context.repository;
    if (!pr || !settings.comment || !repository)
        return;
    if (!settings.token) {
        host.warning('No github-token: the pull request comment is skipped; the job summary has the report.');
        return;
    }
    const marker = commentMarker(settings.title);
    const body = renderReport(reportInput, {
        budget: COMMENT_BUDGET,
        marker,
        worstFiles: settings.worstFiles,
        fullListsAt: 'The job summary has the full lists.',
    });
    try {
        // Loaded only when a comment is due: the GitHub client (Octokit, undici) is most of the bundle's start-up.
        const { upsertStickyComment } = await __webpack_require__.e(/* import() */ 591).then(__webpack_require__.bind(__webpack_require__, 84972));
        const result = await upsertStickyComment({
            token: settings.token,
            baseUrl: host.context.apiUrl,
            owner: repository.owner,
            repo: repository.repo,
            issueNumber: pr.number,
            marker,
            body: host.redact(body),
        });
        if (result.action === 'forbidden')
            host.warning(`Cannot comment on pull request #${pr.number} (HTTP ${result.status}: the token is read-only, as on a pull request from a fork, or lacks pull-requests: write). The report is in the job summary only.`);
        else
            host.info(`Pull request comment ${result.action}: ${result.url}`);
    }
    catch (error) {
        host.warning(`Could not write the pull request comment: ${(0,errors/* errorMessage */.gJ)(error)}. The report is in the job summary.`);
    }
}
async function coverage(host) {
    const settings = readCoverageSettings((0,inputs/* inputReader */.c)(host), host.context);
    await (0,io_paths/* checkPaths */.n)([
        { input: 'working-directory', path: settings.workingDirectory, is: 'directory' },
        { input: 'files', globs: settings.files, base: settings.workingDirectory, is: 'globs' },
        ...(settings.baseline
            ? [
                {
                    input: 'baseline',
                    path: (0,external_node_path_.resolve)(settings.workingDirectory, settings.baseline),
                    is: 'file',
                    optional: true,
                },
            ]
            : []),
        { input: 'summary-path', path: settings.summaryPath, is: 'output-file' },
    ]);
    const cwd = settings.workingDirectory;
    const { files, unmatched } = await (0,io_files/* expandGlobs */.GE)(cwd, settings.files);
    if (unmatched.length > 0) {
        throw new errors/* InputError */.dz('files', `no file matches ${unmatched.map((p) => JSON.stringify(p)).join(', ')} in ${cwd}`, 'Check the path (relative to working-directory) and that the test step wrote the report.');
    }
    // The diff comes first: it decides which files keep line-level detail while parsing.
    const pr = host.context.pullRequest;
    const base = settings.baseRef ?? pr?.baseSha;
    let changes;
    let patchSkipped;
    if (base) {
        // git (and child_process) load only for patch coverage.
        const { changedLines } = await __webpack_require__.e(/* import() */ 445).then(__webpack_require__.bind(__webpack_require__, 55445));
        changes = await changedLines(cwd, base, settings.baseRef ? 'base-ref' : 'base-ref (from the pull request event)');
    }
    else
        patchSkipped = 'not a pull request and no base-ref given.';
    const normalize = (0,paths/* makeNormalizer */.Up)({ workspace: cwd, strip: settings.pathStrip, prefix: settings.pathPrefix }, (path) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(cwd, path)));
    const read = await (0,coverage_reports/* readReports */.oh)(files.map((f) => ({ path: (0,external_node_path_.resolve)(cwd, f), display: f })), {
        format: settings.format,
        normalize,
        detailFor: (path) => (changes?.get(path)?.lines.length ?? 0) > 0,
        exclude: settings.exclude,
        workspace: host.context.workspace,
    });
    const table = read.files;
    // Passes over every file go through one reused view object: no garbage per file, however many files.
    const views = { [Symbol.iterator]: () => table.views() };
    const totals = (0,model/* totals */.Sd)(views);
    const patch = changes ? patchCoverage(changes, read.files, settings.exclude) : undefined;
    const { baseline, skipped: baselineSkipped } = await readBaseline(host, settings.baseline, cwd);
    const outcome = evaluateGates({
        settings: {
            min: settings.min,
            minFile: settings.minFile,
            minPatch: settings.minPatch,
            maxDrop: settings.maxDrop,
            failOn: settings.failOn,
        },
        totals,
        files: views,
        patch,
        patchSkipped,
        baseline,
        baselineSkipped,
    });
    const reportInput = {
        title: settings.title,
        outcome,
        totals,
        files: views,
        patch,
        patchSkipped,
        baseline,
        reports: read.reports,
        notes: [
            ...read.reports.flatMap((r) => r.notes),
            ...reportNotes({
                paths: table.keys(),
                approximate: read.approximate,
                excluded: read.excluded,
                patch,
            }),
        ],
    };
    for (const report of read.reports)
        for (const note of report.notes)
            host.info(note);
    // The summary JSON: the next run's baseline when saved from the default branch.
    const summary = (0,summary_json/* summaryJson */.D5)({
        title: settings.title,
        commit: host.context.sha,
        ref: host.context.ref,
        now: new Date(),
        passed: outcome.passed,
        totals,
        patch: patch?.counter,
        files: views,
    });
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(settings.summaryPath), { recursive: true });
    // Piece by piece, synchronously: one await per 64 KiB piece cost more than writing it.
    const fd = (0,external_node_fs_.openSync)(settings.summaryPath, 'w');
    try {
        for (const piece of summary)
            (0,external_node_fs_.writeSync)(fd, piece);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
    const pct = (metric) => (0,model/* percent */.KN)(totals[metric])?.toFixed(2) ?? '';
    (0,report/* setOutputs */.n0)(host, {
        lines: pct('lines'),
        branches: pct('branches'),
        functions: pct('functions'),
        statements: pct('statements'),
        patch: patch ? ((0,model/* percent */.KN)(patch.counter)?.toFixed(2) ?? '') : '',
        passed: outcome.passed,
        'summary-json': settings.summaryPath,
    });
    host.result({ gates: outcome.results, reports: read.reports });
    host.info(`${settings.title}: ${model/* METRICS */.Cb.map((m) => `${m} ${(0,model/* formatPercent */.l9)(totals[m])}`).join(', ')}${patch ? `, changed lines ${(0,model/* formatPercent */.l9)(patch.counter)}` : ''} (${table.size} file${table.size === 1 ? '' : 's'} from ${read.reports.length} report${read.reports.length === 1 ? '' : 's'})`);
    for (const gate of outcome.results)
        host.info(`  ${gate.input}: ${gate.status}${gate.enforced ? '' : ' (report only)'}: ${gate.actual} vs ${gate.threshold}. ${gate.detail}`);
    await host.summary(renderReport(reportInput, { budget: SUMMARY_BUDGET, worstFiles: Math.max(settings.worstFiles, 25) }));
    if (patch)
        annotateUncovered(host, patch, settings);
    await comment(host, settings, reportInput);
    const failed = outcome.results.filter((g) => g.status === 'failed' && g.enforced);
    if (failed.length > 0) {
        throw new errors/* CheckFailed */.EC(`Coverage gate failed: ${failed.map((g) => `${g.input} (${g.actual}, needs ${g.threshold})`).join('; ')}. See the job summary for the files and lines.`);
    }
}


/***/ }),

/***/ 49496:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BU: () => (/* binding */ FORMAT_NAMES),
/* harmony export */   Tz: () => (/* binding */ detectFormat),
/* harmony export */   hR: () => (/* binding */ FORMATS),
/* harmony export */   rB: () => (/* binding */ unreadFormat),
/* harmony export */   ud: () => (/* binding */ DETECT_BYTES),
/* harmony export */   vu: () => (/* binding */ unreadXml)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(59677);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2962);
/**
 * Recognises a report's format from its first bytes, so users need not say which tool wrote it. Formats
 * coverage-gate does not read are named as what they are, with the way to get one it reads.
 */


const FORMATS = [
    'lcov',
    'cobertura',
    'istanbul-final',
    'istanbul-summary',
    'coveragepy-json',
];
const FORMAT_NAMES = {
    lcov: 'LCOV',
    cobertura: 'Cobertura XML',
    'istanbul-final': 'Istanbul coverage-final.json',
    'istanbul-summary': 'Istanbul coverage-summary.json',
    'coveragepy-json': 'coverage.py JSON',
};
/** How many bytes of the file the detector needs to see. */
const DETECT_BYTES = 64 * 1024;
/** Formats and files that are not reports coverage-gate reads: what they are, and what to give instead. */
const UNREAD = {
    sonarqube: [
        'a SonarQube generic coverage report',
        'Have the tool write Cobertura XML or LCOV instead (gcovr --cobertura, ReportGenerator -reporttypes:Cobertura)',
    ],
    jacoco: [
        'a JaCoCo XML report',
        'Convert it to Cobertura XML (ReportGenerator -reporttypes:Cobertura, or cover2cover.py), or write LCOV',
    ],
    jacocoExec: [
        'a JaCoCo execution data file (jacoco.exec), not a report',
        'Run the JaCoCo report task and convert its XML to Cobertura (ReportGenerator -reporttypes:Cobertura)',
    ],
    clover: [
        'a Clover XML report',
        'Write Cobertura XML or LCOV instead (PHPUnit --coverage-cobertura, Istanbul/jest reporters cobertura or lcov, gcovr --cobertura)',
    ],
    opencover: [
        'an OpenCover XML report',
        'Write Cobertura instead (coverlet: /p:CoverletOutputFormat=cobertura; otherwise ReportGenerator -reporttypes:Cobertura)',
    ],
    vsxml: [
        'a Visual Studio coverage XML report',
        'Convert it to Cobertura (dotnet-coverage merge -f cobertura, or ReportGenerator -reporttypes:Cobertura)',
    ],
    coverletJson: [
        "a coverlet JSON report (coverlet's own format)",
        'Write Cobertura or LCOV instead (/p:CoverletOutputFormat=cobertura or lcov)',
    ],
    teamcity: [
        'TeamCity build statistics (coverlet teamcity output), not a report',
        'Write Cobertura or LCOV instead (/p:CoverletOutputFormat=cobertura or lcov)',
    ],
    go: [
        'a Go coverage profile (go test -coverprofile)',
        'Convert it to Cobertura XML (gocover-cobertura < coverage.out > coverage.xml) or to LCOV (gcov2lcov)',
    ],
    gcovJson: [
        'gcov JSON output (gcov --json-format)',
        'Run gcovr --cobertura or lcov --capture over the build directory instead',
    ],
    gcovText: [
        'gcov text output (.gcov)',
        'Run gcovr --cobertura or lcov --capture over the build directory instead',
    ],
    gcovrJson: ['a gcovr JSON report', 'Run gcovr with --cobertura or --lcov instead of --json'],
    lcovHtml: [
        'an HTML report written by genhtml',
        'Give the LCOV tracefile genhtml read (e.g. coverage.info or lcov.info), not its HTML',
    ],
    istanbulHtml: [
        'an Istanbul HTML report',
        'Give coverage/lcov.info or coverage/coverage-final.json (the lcov or json reporter), not the HTML',
    ],
    html: [
        'an HTML page',
        'Give the machine-readable report the tool wrote next to its HTML (LCOV, Cobertura XML or JSON)',
    ],
    junit: [
        'JUnit test results, not a coverage report',
        'Give the coverage report your test step wrote (e.g. coverage/lcov.info or coverage.xml)',
    ],
    coveragepyData: [
        'a coverage.py data file (.coverage), not a report',
        'Run `coverage xml` or `coverage json` (or pytest --cov-report=xml) and give that file',
    ],
    v8: [
        'raw V8 coverage (NODE_V8_COVERAGE output), not a report',
        'Turn it into one with c8 report --reporter=lcov (or --reporter=json)',
    ],
    simplecov: [
        'a SimpleCov result set',
        "Add simplecov-lcov or simplecov-cobertura to SimpleCov's formatters and give its file",
    ],
    coveralls: [
        'a Coveralls upload (JSON)',
        'Give the report the Coveralls file was made from (LCOV, Cobertura XML or JSON)',
    ],
    jestResults: [
        'Jest test results (jest --json), not a coverage report',
        'Give coverage/coverage-final.json or coverage/lcov.info (coverageReporters json or lcov)',
    ],
    gzip: ['gzip-compressed', 'Decompress it first (gunzip); gcov --json-format writes .gcov.json.gz'],
    binary: ['a binary file, not a coverage report', 'Give the text report (LCOV, Cobertura XML or JSON)'],
};
const READ = `Reports coverage-gate reads: ${Object.values(FORMAT_NAMES).join(', ')}.`;
/** The error for a file in a format coverage-gate does not read. */
function unreadFormat(source, kind) {
    const [what, instead] = UNREAD[kind];
    return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('files', `${(0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .reportSource */ .cu)(source).display} is ${what}, which coverage-gate does not read`, `${instead}. If the file is in fact one of the formats coverage-gate reads, set format to it. ${READ}`);
}
/** What an XML root element (and the element after it) says about the file, when it is not Cobertura. */
function unreadXml(root, firstChild, cloverAttr) {
    if (root === 'coverage') {
        if (cloverAttr || firstChild === 'project')
            return 'clover';
        // SonarQube's generic format: <coverage version="1"><file path="…"><lineToCover …/>.
        if (firstChild === 'file')
            return 'sonarqube';
        return undefined;
    }
    if (root === 'report')
        return 'jacoco';
    if (root === 'CoverageSession')
        return 'opencover';
    if (root === 'CoverageDSPriv' || root === 'results')
        return 'vsxml';
    if (root === 'testsuites' || root === 'testsuite')
        return 'junit';
    if (root === 'html')
        return 'html';
    return undefined;
}
const LCOV_LINE = /^(TN|SF|VER|FN|FNDA|FNF|FNH|FNL|FNA|DA|LF|LH|BRDA|BRF|BRH):/;
const LCOV_START = /^(TN|SF|VER):/;
function emptyError(display) {
    return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('files', `${display} is empty`, 'Check that the test step wrote coverage before this step ran.');
}
/** Returns the format, or throws naming the file and what it is. */
function detectFormat(source, head) {
    const src = (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .reportSource */ .cu)(source);
    if (head.startsWith('SQLite format 3'))
        throw unreadFormat(src, 'coveragepyData');
    if (head.startsWith('\u001f\ufffd'))
        throw unreadFormat(src, 'gzip');
    if (head.startsWith('\u0001\ufffd\ufffd'))
        throw unreadFormat(src, 'jacocoExec');
    const text = head.replace(/^\uFEFF/, '');
    const trimmed = text.trimStart();
    if (trimmed === '')
        throw emptyError(src.display);
    if (text.slice(0, 4096).includes('\u0000'))
        throw unreadFormat(src, 'binary');
    if (trimmed.startsWith('<'))
        return xml(src, trimmed);
    if (trimmed.startsWith('{') || trimmed.startsWith('['))
        return json(src, trimmed);
    const lines = trimmed.split(/\r?\n/, 2000);
    const first = lines[0];
    if (/^mode: (set|count|atomic)\s*$/.test(first))
        throw unreadFormat(src, 'go');
    if (/^-:\s*0:Source:/.test(first))
        throw unreadFormat(src, 'gcovText');
    if (/^##teamcity\[/.test(first))
        throw unreadFormat(src, 'teamcity');
    // The first LCOV line: at the top, or (after other output) the start of a record.
    for (const [i, line] of lines.entries()) {
        if (!LCOV_LINE.test(line))
            continue;
        if (i === 0 || LCOV_START.test(line))
            return 'lcov';
        break;
    }
    throw unknown(src, trimmed);
}
function xml(src, text) {
    const uncommented = text
        .replace(/<\?[\s\S]*?\?>/g, '')
        .replace(/<!--[\s\S]*?-->/g, '')
        .trimStart();
    if (/^<!doctype html|^<html[\s>]/i.test(uncommented)) {
        // genhtml pages link gcov.css and lay out totals in headerCovTableEntry cells.
        if (/LCOV - code coverage report|genhtml|gcov\.css|headerCovTable/i.test(text))
            throw unreadFormat(src, 'lcovHtml');
        if (/Code coverage report for|istanbul/i.test(text))
            throw unreadFormat(src, 'istanbulHtml');
        throw unreadFormat(src, 'html');
    }
    // The root element and its first child, past the prolog, comments and a DOCTYPE.
    const body = uncommented.replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/i, '');
    const tags = [...body.matchAll(/<([A-Za-z_][\w:.-]*)([^>]*)>/g)].slice(0, 2);
    const root = tags[0];
    // An XML prolog or long comments may hide the root past the sniffed bytes: let the parser decide.
    if (!root) {
        if (/^<\?xml|^<!--|^<!DOCTYPE/i.test(text))
            return 'cobertura';
        throw unknown(src, text);
    }
    const unread = unreadXml(root[1], tags[1]?.[1], /\sclover=/.test(root[2] ?? ''));
    if (unread)
        throw unreadFormat(src, unread);
    if (root[1] === 'coverage')
        return 'cobertura';
    throw unknown(src, text);
}
function json(src, text) {
    if (text.startsWith('['))
        throw unknown(src, text);
    // The first key tells the producer: coverage.py writes "meta" first, json-summary writes "total".
    const firstKey = /^\{\s*"((?:[^"\\]|\\.)*)"\s*:/.exec(text)?.[1];
    if (/"gcovr\/(summary_)?format_version"\s*:/.test(text))
        throw unreadFormat(src, 'gcovrJson');
    if (/"format_version"\s*:/.test(text) && /"gcc_version"\s*:/.test(text))
        throw unreadFormat(src, 'gcovJson');
    if (firstKey === 'result' && /"scriptId"\s*:/.test(text))
        throw unreadFormat(src, 'v8');
    if (/"simplecov_version"\s*:/.test(text) || /^\{\s*"(?:[^"\\]|\\.)*"\s*:\s*\{\s*"coverage"\s*:/.test(text))
        throw unreadFormat(src, 'simplecov');
    if (/"source_files"\s*:\s*\[/.test(text) && /"(service_name|run_at|repo_token)"\s*:/.test(text))
        throw unreadFormat(src, 'coveralls');
    if (/"num(Total|Failed|Passed)Test(s|Suites)"\s*:/.test(text))
        throw unreadFormat(src, 'jestResults');
    if (/\.(dll|exe)$/i.test(firstKey ?? '') && /"Lines"\s*:\s*\{/.test(text))
        throw unreadFormat(src, 'coverletJson');
    if ((firstKey === 'meta' && /"(format|branch_coverage|show_contexts)"\s*:/.test(text)) ||
        /"files"\s*:\s*\{[^]*?"executed_lines"/.test(text))
        return 'coveragepy-json';
    if (firstKey === 'total' || /^\{\s*"(?:[^"\\]|\\.)*"\s*:\s*\{\s*"lines"\s*:\s*\{\s*"total"/.test(text))
        return 'istanbul-summary';
    if (/"statementMap"\s*:/.test(text) || /^\{\s*"(?:[^"\\]|\\.)*"\s*:\s*\{\s*"(path|data)"\s*:/.test(text))
        return 'istanbul-final';
    if (/^\{\s*\}\s*$/.test(text))
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('files', `${src.display} is an empty JSON object: the report has no files`, 'Check that tests ran with coverage enabled and that collectCoverageFrom or include matches your sources.');
    throw unknown(src, text);
}
function unknown(src, text) {
    const start = text.slice(0, 80).replace(/\s+/g, ' ').trim();
    return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('files', `${src.display} is in an unknown format${src.quote ? ` (it starts with ${(0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .excerpt */ .Kb)(start)})` : ''}`, `Give a report in one of: ${Object.values(FORMAT_NAMES).join(', ')}; or set format if detection is wrong.`);
}


/***/ }),

/***/ 15884:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FR: () => (/* binding */ parseDiff),
/* harmony export */   Gk: () => (/* binding */ formatRanges),
/* harmony export */   nV: () => (/* binding */ lineRanges)
/* harmony export */ });
/* unused harmony export unquoteGitPath */
/**
 * Maps `git diff --unified=0` output to the lines each file gained or changed, by path in the new tree.
 * Renames land on the new path (only their edited lines count), deleted files have no lines, new files
 * have all of theirs. Hunk bodies are skipped by counting, so a content line that looks like a header
 * (`+++ x`) is never taken for one.
 */
/** Undoes git's C-style quoting of unusual paths: "a/tab\there" and octal UTF-8 bytes such as \303\251. */
function unquoteGitPath(text) {
    if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2)
        return text;
    const body = text.slice(1, -1);
    const bytes = [];
    const escapes = { n: 10, t: 9, r: 13, b: 8, f: 12, v: 11, a: 7, '"': 34, '\\': 92 };
    for (let i = 0; i < body.length; i++) {
        const ch = body[i];
        if (ch !== '\\') {
            bytes.push(...Buffer.from(ch, 'utf8'));
            continue;
        }
        const next = body[i + 1] ?? '';
        if (/[0-7]/.test(next)) {
            bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
            i += 3;
        }
        else {
            bytes.push(escapes[next] ?? next.charCodeAt(0));
            i += 1;
        }
    }
    return Buffer.from(bytes).toString('utf8');
}
function stripPrefix(path, prefix) {
    const p = unquoteGitPath(path.replace(/\t.*$/, ''));
    return p.startsWith(prefix) ? p.slice(prefix.length) : p;
}
const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
function parseDiff(text) {
    const files = new Map();
    let file;
    let oldLeft = 0;
    let newLeft = 0;
    const finish = () => {
        if (file && file.path)
            files.set(file.path, file);
        file = undefined;
    };
    for (const raw of text.split('\n')) {
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (oldLeft > 0 || newLeft > 0) {
            // Inside a hunk body.
            const c = line[0];
            if (c === '+')
                newLeft--;
            else if (c === '-')
                oldLeft--;
            else if (c === ' ') {
                oldLeft--;
                newLeft--;
            }
            // "\ No newline at end of file" counts for neither side.
            continue;
        }
        if (line.startsWith('diff --git ')) {
            finish();
            // The header names both sides; later lines (+++ / rename to) are more reliable and override it.
            const header = /^diff --git (?:"(?:[^"\\]|\\.)*"|\S+) ("(?:[^"\\]|\\.)*"|.+)$/.exec(line);
            file = {
                path: header ? stripPrefix(header[1], 'b/') : '',
                status: 'modified',
                binary: false,
                lines: [],
            };
            continue;
        }
        if (!file)
            continue;
        if (line.startsWith('new file mode'))
            file.status = 'added';
        else if (line.startsWith('deleted file mode'))
            file.status = 'deleted';
        else if (line.startsWith('rename from ')) {
            file.status = 'renamed';
            file.oldPath = unquoteGitPath(line.slice('rename from '.length));
        }
        else if (line.startsWith('rename to '))
            file.path = unquoteGitPath(line.slice('rename to '.length));
        else if (line.startsWith('copy from ')) {
            file.status = 'copied';
            file.oldPath = unquoteGitPath(line.slice('copy from '.length));
        }
        else if (line.startsWith('copy to '))
            file.path = unquoteGitPath(line.slice('copy to '.length));
        else if (line.startsWith('Binary files ') || line === 'GIT binary patch')
            file.binary = true;
        else if (line.startsWith('--- ')) {
            const from = line.slice(4);
            if (from !== '/dev/null' && !file.oldPath && file.status === 'modified') {
                const old = stripPrefix(from, 'a/');
                if (old !== file.path)
                    file.oldPath = old;
            }
        }
        else if (line.startsWith('+++ ')) {
            const to = line.slice(4);
            if (to === '/dev/null')
                file.status = 'deleted';
            else
                file.path = stripPrefix(to, 'b/');
        }
        else {
            const hunk = HUNK.exec(line);
            if (!hunk)
                continue;
            oldLeft = hunk[2] === undefined ? 1 : Number(hunk[2]);
            const start = Number(hunk[3]);
            const count = hunk[4] === undefined ? 1 : Number(hunk[4]);
            newLeft = count;
            for (let n = start; n < start + count; n++)
                file.lines.push(n);
        }
    }
    finish();
    for (const changed of files.values()) {
        if (changed.status === 'deleted')
            changed.lines = [];
        changed.lines.sort((a, b) => a - b);
    }
    return files;
}
/** Groups ascending line numbers into ranges: [3,4,5,9] → [[3,5],[9,9]]. */
function lineRanges(lines) {
    const ranges = [];
    for (const line of lines) {
        const last = ranges[ranges.length - 1];
        if (last && line === last[1] + 1)
            last[1] = line;
        else if (!last || line > last[1])
            ranges.push([line, line]);
    }
    return ranges;
}
function formatRanges(ranges) {
    return ranges.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(', ');
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

/***/ 1027:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BE: () => (/* binding */ excludeMatcher),
/* harmony export */   Up: () => (/* binding */ makeNormalizer),
/* harmony export */   V_: () => (/* binding */ isOutsideWorkspace)
/* harmony export */ });
/* unused harmony export slashes */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(14006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Turns the paths written in reports into workspace-relative POSIX paths, so reports from different tools
 * (absolute, relative, Windows, produced in a container) land on the same file as `git diff` names it.
 */


/** Forward slashes, no file:// scheme, drive letters upper-cased for comparison. */
function slashes(path) {
    let p = path.trim();
    // Most paths need nothing: skip the regular expressions for them.
    if (!p.includes('\\') && !p.startsWith('file://') && !/^\/?[A-Za-z]:/.test(p))
        return p;
    if (p.startsWith('file://'))
        p = decodeURIComponent(p.slice('file://'.length));
    p = p.replace(/\\/g, '/');
    if (/^\/[A-Za-z]:\//.test(p))
        p = p.slice(1);
    if (/^[A-Za-z]:\//.test(p))
        p = p[0].toUpperCase() + p.slice(1);
    return p;
}
const isAbsolutePath = (p) => p.startsWith('/') || /^[A-Z]:\//.test(p);
/** A normalised path that did not land inside the workspace (absolute, or above it). */
const isOutsideWorkspace = (p) => isAbsolutePath(p) || p.startsWith('../');
/** One predicate for the `exclude` globs, matched against normalised paths (dot files included). */
function excludeMatcher(globs) {
    if (globs.length === 0)
        return () => false;
    const matches = picomatch__WEBPACK_IMPORTED_MODULE_1___default()([...globs], { dot: true });
    return (path) => matches(path);
}
function withTrailingSlash(p) {
    return p.endsWith('/') ? p : `${p}/`;
}
function root(path) {
    const r = withTrailingSlash(node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(path));
    return /^[A-Z]:\//.test(r) ? { path: r, lower: r.toLowerCase() } : { path: r };
}
/** `p` relative to `root`, or undefined when it is not under it. */
function under(r, p) {
    const a = r.lower === undefined ? p : p.toLowerCase();
    const b = r.lower ?? r.path;
    if (a.startsWith(b))
        return p.slice(b.length);
    if (a.length === b.length - 1 && b.startsWith(a))
        return '';
    return undefined;
}
const NEEDS_NORMALIZE = /(^|\/)\.\.?(\/|$)|\/\/|\/$/;
function clean(p) {
    if (!NEEDS_NORMALIZE.test(p))
        return p;
    const normalized = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(p);
    return normalized === '.' ? '' : normalized.replace(/^(\.\/)+/, '').replace(/\/$/, '');
}
/**
 * Builds the path normaliser: strip a configured prefix, make paths under the workspace relative, join a
 * relative Cobertura filename to its <source> root, add the configured prefix. Paths outside the
 * workspace stay absolute (they cannot match a changed file; the summary lists them).
 * `exists` decides between several <source> roots; without it the first root is used.
 */
function makeNormalizer(options, exists) {
    const workspace = root(slashes(options.workspace));
    const strip = options.strip
        .map((s) => slashes(s))
        .filter((s) => s !== '' && node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(s) !== '.')
        .map(root);
    const prefix = clean(slashes(options.prefix));
    // Parsers ask about a path when its record starts and again when it ends: remember the last answer only,
    // so memory does not grow with the number of files.
    let lastKey;
    let lastResult = '';
    const one = (raw) => {
        let p = slashes(raw);
        for (const s of strip) {
            const rest = under(s, p);
            if (rest !== undefined) {
                p = rest;
                break;
            }
        }
        if (isAbsolutePath(p)) {
            const rest = under(workspace, p);
            return rest === undefined ? clean(p) : clean(rest);
        }
        return clean(prefix ? `${prefix}/${p}` : p);
    };
    return (raw, roots) => {
        const key = roots && roots.length > 0 ? `${roots.join('\0')}\0\0${raw}` : raw;
        if (key === lastKey)
            return lastResult;
        let result;
        const p = slashes(raw);
        if (!roots || roots.length === 0 || isAbsolutePath(p))
            result = one(raw);
        else {
            const candidates = roots.map((root) => one(`${withTrailingSlash(slashes(root))}${p}`));
            result = (exists && candidates.find((c) => !isAbsolutePath(c) && exists(c))) || candidates[0];
        }
        lastKey = key;
        lastResult = result;
        return result;
    };
}


/***/ }),

/***/ 2962:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kb: () => (/* binding */ excerpt),
/* harmony export */   cu: () => (/* binding */ reportSource),
/* harmony export */   ht: () => (/* binding */ detached)
/* harmony export */ });
function reportSource(source) {
    return typeof source === 'string' ? { display: source, quote: true } : source;
}
/** At most `max` characters of report text, as a JSON string (control characters escaped, one line). */
function excerpt(text, max = 40) {
    const chars = [...text.slice(0, max * 2)];
    return JSON.stringify(chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join(''));
}
/**
 * A copy that shares no memory with the text it was cut from. Parsers hand out slices of the chunk they
 * read; keeping one per file (its path) would keep every chunk alive.
 */
const detached = (text) => text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8');


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

/***/ 9741:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  be: () => (/* binding */ TEXT_READ_BYTES),
  oh: () => (/* binding */ readReports),
  vz: () => (/* binding */ sourceOf)
});

// UNUSED EXPORTS: LCOV_READ_BYTES, detectReportFormat, insideWorkspace, parseReport, readChunks

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(46193);
// EXTERNAL MODULE: ./src/domain/shared/errors.ts
var errors = __webpack_require__(59677);
// EXTERNAL MODULE: ./src/domain/coverage/model.ts
var model = __webpack_require__(41162);
// EXTERNAL MODULE: ./src/domain/coverage/paths.ts
var paths = __webpack_require__(1027);
;// CONCATENATED MODULE: ./src/domain/coverage/table.ts
const WIDTH = 8;
const SUMMARY_ONLY = 1;
const APPROXIMATE = 2;
class FileTable {
    index = new Map();
    paths = [];
    counts = new Float64Array(WIDTH * 1024);
    flags = new Uint8Array(1024);
    records = new Uint32Array(1024);
    details = new Map();
    get size() {
        return this.index.size;
    }
    has(path) {
        return this.index.has(path);
    }
    get(path) {
        const i = this.index.get(path);
        return i === undefined ? undefined : this.read(i);
    }
    set(file) {
        const i = this.index.get(file.path);
        if (i === undefined)
            this.add(file);
        else
            this.write(i, file);
    }
    /** A file whose path get() or has() has just found absent: one map operation fewer than set(). */
    add(file) {
        const i = this.paths.length;
        if (i === this.flags.length)
            this.grow();
        this.paths.push(file.path);
        this.index.set(file.path, i);
        this.write(i, file);
    }
    write(i, file) {
        const c = this.counts;
        const at = i * WIDTH;
        c[at] = file.lines.found;
        c[at + 1] = file.lines.hit;
        c[at + 2] = file.branches.found;
        c[at + 3] = file.branches.hit;
        c[at + 4] = file.functions.found;
        c[at + 5] = file.functions.hit;
        c[at + 6] = file.statements.found;
        c[at + 7] = file.statements.hit;
        this.flags[i] = (file.summaryOnly ? SUMMARY_ONLY : 0) | (file.approximate ? APPROXIMATE : 0);
        this.records[i] = file.records;
        if (file.detail)
            this.details.set(i, file.detail);
        else if (this.details.size > 0)
            this.details.delete(i);
    }
    delete(path) {
        const i = this.index.get(path);
        if (i === undefined)
            return;
        this.index.delete(path);
        this.paths[i] = undefined;
        this.details.delete(i);
    }
    *keys() {
        for (const path of this.paths)
            if (path !== undefined)
                yield path;
    }
    *values() {
        for (let i = 0; i < this.paths.length; i++)
            if (this.paths[i] !== undefined)
                yield this.read(i);
    }
    /**
     * Every file through one reused object: valid until the next step of the iteration. A hand-written
     * iterator that also reuses its result object, so a pass allocates nothing per file (a generator makes
     * one result object a step).
     */
    views() {
        const view = {
            path: '',
            lines: { found: 0, hit: 0 },
            branches: { found: 0, hit: 0 },
            functions: { found: 0, hit: 0 },
            statements: { found: 0, hit: 0 },
            summaryOnly: false,
            approximate: false,
            records: 0,
        };
        const step = { done: false, value: view };
        const c = this.counts;
        const paths = this.paths;
        let i = 0;
        const iterator = {
            next: () => {
                let path;
                while (i < paths.length && (path = paths[i]) === undefined)
                    i++;
                if (path === undefined)
                    return { done: true, value: undefined };
                const at = i * WIDTH;
                view.path = path;
                view.lines.found = c[at];
                view.lines.hit = c[at + 1];
                view.branches.found = c[at + 2];
                view.branches.hit = c[at + 3];
                view.functions.found = c[at + 4];
                view.functions.hit = c[at + 5];
                view.statements.found = c[at + 6];
                view.statements.hit = c[at + 7];
                const flags = this.flags[i];
                view.summaryOnly = (flags & SUMMARY_ONLY) !== 0;
                view.approximate = (flags & APPROXIMATE) !== 0;
                view.records = this.records[i];
                view.detail = this.details.size === 0 ? undefined : this.details.get(i);
                i++;
                return step;
            },
            [Symbol.iterator]: () => iterator,
        };
        return iterator;
    }
    [Symbol.iterator]() {
        return this.values();
    }
    read(i) {
        const c = this.counts;
        const at = i * WIDTH;
        const flags = this.flags[i];
        return {
            path: this.paths[i],
            lines: { found: c[at], hit: c[at + 1] },
            branches: { found: c[at + 2], hit: c[at + 3] },
            functions: { found: c[at + 4], hit: c[at + 5] },
            statements: { found: c[at + 6], hit: c[at + 7] },
            detail: this.details.get(i),
            summaryOnly: (flags & SUMMARY_ONLY) !== 0,
            approximate: (flags & APPROXIMATE) !== 0,
            records: this.records[i],
        };
    }
    grow() {
        const size = this.flags.length * 2;
        const counts = new Float64Array(size * WIDTH);
        counts.set(this.counts);
        this.counts = counts;
        const flags = new Uint8Array(size);
        flags.set(this.flags);
        this.flags = flags;
        const records = new Uint32Array(size);
        records.set(this.records);
        this.records = records;
    }
}

;// CONCATENATED MODULE: ./src/domain/coverage/collect.ts
/**
 * Merges the records of every report into one model keyed by normalised path. Line-level detail is kept
 * only for the files someone needs (changed files); a file that two records describe, one of them
 * without detail, is listed in `overlapping` so the caller can read the reports again with detail for just
 * those files and merge them exactly (see `refine`).
 */



class CoverageCollector {
    normalize;
    detailFor;
    files = new FileTable();
    overlapping = new Set();
    excluded = new Set();
    only;
    isExcluded;
    constructor(normalize, detailFor, exclude = []) {
        this.normalize = normalize;
        this.detailFor = detailFor;
        this.isExcluded = (0,paths/* excludeMatcher */.BE)(exclude);
    }
    wantDetail(raw, roots) {
        const path = this.normalize(raw, roots);
        if (this.only)
            return this.only.has(path);
        return !this.isExcluded(path) && this.detailFor(path);
    }
    record(record) {
        const path = this.normalize(record.path, record.sourceRoots);
        if (this.only && !this.only.has(path))
            return;
        if (this.isExcluded(path)) {
            this.excluded.add(path);
            return;
        }
        const existing = this.files.get(path);
        if (!existing) {
            this.files.add((0,model/* fileFromRecord */.Q8)(path, record));
            return;
        }
        const merged = (0,model/* mergeFile */.nD)(existing, record);
        if (merged.approximate && !this.only && !existing.summaryOnly && !record.summaryOnly)
            this.overlapping.add(path);
        this.files.set(merged);
    }
    /** Starts a second reading that keeps detail for, and only takes records of, the given paths. */
    refine(paths) {
        this.only = new Set(paths);
        for (const path of this.only)
            this.files.delete(path);
        this.overlapping.clear();
    }
}

// EXTERNAL MODULE: ./src/domain/coverage/detect.ts
var detect = __webpack_require__(49496);
// EXTERNAL MODULE: ./src/domain/shared/markdown.ts
var markdown = __webpack_require__(55523);
// EXTERNAL MODULE: ./src/domain/coverage/source.ts
var coverage_source = __webpack_require__(2962);
;// CONCATENATED MODULE: ./src/domain/coverage/lcov.ts
/**
 * LCOV tracefile parser (geninfo(1) format, incl. lcov 2.x FNL/FNA and the optional DA checksum). It works on
 * raw bytes pushed chunk by chunk: no line strings are made except for SF paths and, in detail mode,
 * function names. Memory stays flat however large the file, and files beyond V8's string limit parse.
 *
 * Totals come from the data lines (DA, BRDA, FN/FNDA), as lcov itself reads a tracefile (lcovutil.pm skips
 * LF/LH/BRF/BRH/FNF/FNH); the stated counters are used only by records without data lines (simplecov-lcov)
 * and are checked. A corrupt record (more hit than found, line 0, negative or non-numeric counts) is
 * refused, never clamped. Text before the first record (a test runner's output, a BOM, lcov warnings) is
 * skipped with a note; text between records is an error.
 */




const NL = 10;
const CR = 13;
const COLON = 58;
const COMMA = 44;
const MINUS = 45;
const HASH = 35;
const ZERO = 48;
const NINE = 57;
const UPPER_A = 65;
const UPPER_Z = 90;
/** A longer line means this is not an LCOV file (or is corrupt); refusing it keeps memory bounded. */
const MAX_LINE = 1 << 20;
const FIX = 'Regenerate the report (e.g. jest --coverage, c8 report -r lcov, geninfo) and check the upload step.';
const MIXED_FIX = 'The file mixes LCOV with other output: write the report to its own file (e.g. jest --coverageReporters=lcov, c8 report -r lcov, lcov -o) instead of capturing what a command printed.';
/** What a line is, from its first bytes. */
var Kind;
(function (Kind) {
    Kind[Kind["DA"] = 0] = "DA";
    Kind[Kind["BRDA"] = 1] = "BRDA";
    Kind[Kind["BRF"] = 2] = "BRF";
    Kind[Kind["BRH"] = 3] = "BRH";
    Kind[Kind["FN"] = 4] = "FN";
    Kind[Kind["FNDA"] = 5] = "FNDA";
    Kind[Kind["FNF"] = 6] = "FNF";
    Kind[Kind["FNH"] = 7] = "FNH";
    Kind[Kind["FNL"] = 8] = "FNL";
    Kind[Kind["FNA"] = 9] = "FNA";
    Kind[Kind["LF"] = 10] = "LF";
    Kind[Kind["LH"] = 11] = "LH";
    Kind[Kind["SF"] = 12] = "SF";
    Kind[Kind["TN"] = 13] = "TN";
    Kind[Kind["VER"] = 14] = "VER";
    Kind[Kind["END"] = 15] = "END";
    /** Another `KEY:` line (lcov 2.x MCDC:, …): skipped inside records. */
    Kind[Kind["KEY"] = 16] = "KEY";
    Kind[Kind["TEXT"] = 17] = "TEXT";
})(Kind || (Kind = {}));
const stated = () => ({ found: -1, hit: -1, foundLine: 0, hitLine: 0 });
/** One object per parser, reset per record: a fresh one per record was garbage on large reports. */
function resetStated(s) {
    s.found = -1;
    s.hit = -1;
    s.foundLine = 0;
    s.hitLine = 0;
}
const END_OF_RECORD = [...'end_of_record'].map((c) => c.charCodeAt(0));
/** `end_of_record`, perhaps with trailing blanks, compared as bytes (no string per record). */
function isEndOfRecord(buf, s, e) {
    for (let i = 0; i < 13; i++)
        if (buf[s + i] !== END_OF_RECORD[i])
            return false;
    for (let i = s + 13; i < e; i++)
        if (buf[i] !== 32 && buf[i] !== 9)
            return false;
    return true;
}
class LcovParser {
    sink;
    source;
    carry;
    lineNo = 0;
    records = 0;
    /** The first record line (TN:, SF:, VER:) has been seen; lines before it are a preamble. */
    started = false;
    preamble = 0;
    preambleFirst = '';
    inRecord = false;
    recordLine = 0;
    lastEnd = 0;
    path = '';
    detail;
    // Per-record counting, reused across records to avoid allocation.
    lineBuf = new Int32Array(1024);
    hitBuf = new Float64Array(1024);
    lineCount = 0;
    linesHit = 0;
    lastLine = 0;
    unordered = false;
    lf = stated();
    brda = (0,model/* counter */.hJ)();
    brdaSeen = false;
    brf = stated();
    fn = 0;
    fnda = 0;
    fnl = 0;
    fnaHit;
    fnf = stated();
    /** Records whose LF/LH disagree with their DA lines, and the first of them. */
    disagreeing = 0;
    disagreeingExample = '';
    // Cursor for number parsing.
    pos = 0;
    constructor(source, sink) {
        this.sink = sink;
        this.source = (0,coverage_source/* reportSource */.cu)(source);
    }
    /** Takes the next bytes. The chunk may be reused by the caller afterwards: a partial line is copied. */
    push(chunk) {
        const length = chunk.length;
        let start = 0;
        if (this.carry) {
            const p = chunk.indexOf(NL);
            if (p === -1) {
                this.checkLength(this.carry.length + length);
                this.carry = Buffer.concat([this.carry, chunk]);
                return;
            }
            const line = Buffer.concat([this.carry, chunk.subarray(0, p)]);
            this.carry = undefined;
            this.line(line, 0, line.length);
            start = p + 1;
        }
        // Complete lines end at the last newline; the rest waits for the next chunk.
        const last = chunk.lastIndexOf(NL);
        if (last >= start)
            start = this.lines(chunk, start, last);
        if (start < length) {
            this.checkLength(length - start);
            this.carry = Buffer.from(chunk.subarray(start));
        }
    }
    /**
     * Parses the complete lines in buf[p..last] (buf[last] is a newline) and returns last + 1. DA and BRDA
     * lines, most of any file, are read here with local variables in one pass; anything unusual about them
     * (a checksum, a sign, a decimal count) and every other line goes through line(), found by indexOf.
     */
    lines(buf, p, last) {
        let c;
        while (p <= last) {
            if (this.inRecord) {
                if (buf[p] === 68 && buf[p + 1] === 65 && buf[p + 2] === COLON) {
                    // DA:<line>,<hits>
                    let q = p + 3;
                    let line = 0;
                    while ((c = buf[q]) !== undefined && c >= ZERO && c <= NINE) {
                        line = line * 10 + c - ZERO;
                        q++;
                    }
                    if (c === COMMA && line > 0) {
                        const from = ++q;
                        let hits = 0;
                        while ((c = buf[q]) !== undefined && c >= ZERO && c <= NINE) {
                            hits = hits * 10 + c - ZERO;
                            q++;
                        }
                        if (c === CR)
                            c = buf[++q];
                        if (c === NL && q > from) {
                            this.lineNo++;
                            this.addLine(line, hits);
                            p = q + 1;
                            continue;
                        }
                    }
                }
                else if (buf[p] === 66 &&
                    buf[p + 1] === 82 &&
                    buf[p + 2] === 68 &&
                    buf[p + 3] === 65 &&
                    buf[p + 4] === COLON) {
                    // BRDA:<line>,<block>,<branch>,<taken>: the line, then the last field.
                    let q = p + 5;
                    let line = 0;
                    while ((c = buf[q]) !== undefined && c >= ZERO && c <= NINE) {
                        line = line * 10 + c - ZERO;
                        q++;
                    }
                    let e = q;
                    while (buf[e] !== NL)
                        e++;
                    let t = buf[e - 1] === CR ? e - 1 : e;
                    const end = t;
                    let taken = 0;
                    let scale = 1;
                    while (t > q && (c = buf[t - 1]) !== undefined && c >= ZERO && c <= NINE) {
                        taken += (c - ZERO) * scale;
                        scale *= 10;
                        t--;
                    }
                    if (c === COMMA && line > 0 && buf[q] === COMMA) {
                        if (t === end) {
                            // No digits: "-" (the condition never ran) is the only other taken value read here.
                            if (buf[t - 1] === MINUS && buf[t - 2] === COMMA) {
                                this.lineNo++;
                                this.addBranch(line, 0);
                                p = e + 1;
                                continue;
                            }
                        }
                        else if (buf[t - 1] === COMMA && t - 1 > q) {
                            this.lineNo++;
                            this.addBranch(line, taken);
                            p = e + 1;
                            continue;
                        }
                    }
                }
                else if (buf[p] === 70 && buf[p + 1] === 78 && this.detail === undefined) {
                    // FN:<line>,… and FNDA:<hits>,<name> outside detail mode: only the counts matter here.
                    if (buf[p + 2] === COLON) {
                        let q = p + 3;
                        let line = 0;
                        while ((c = buf[q]) !== undefined && c >= ZERO && c <= NINE) {
                            line = line * 10 + c - ZERO;
                            q++;
                        }
                        if (c === COMMA && line > 0) {
                            while (buf[q] !== NL)
                                q++;
                            this.lineNo++;
                            this.fn++;
                            p = q + 1;
                            continue;
                        }
                    }
                    else if (buf[p + 2] === 68 && buf[p + 3] === 65 && buf[p + 4] === COLON) {
                        let q = p + 5;
                        let hits = 0;
                        while ((c = buf[q]) !== undefined && c >= ZERO && c <= NINE) {
                            hits = hits * 10 + c - ZERO;
                            q++;
                        }
                        if (c === COMMA && q > p + 5) {
                            while (buf[q] !== NL)
                                q++;
                            this.lineNo++;
                            if (hits > 0)
                                this.fnda++;
                            p = q + 1;
                            continue;
                        }
                    }
                }
            }
            // Other lines are short: a byte loop beats indexOf's call overhead (buf[last] is a newline).
            let e = p;
            while (buf[e] !== NL)
                e++;
            this.line(buf, p, e);
            p = e + 1;
        }
        return p;
    }
    /** Ends the input: a record still open means the file was cut short. Returns the number of records. */
    end() {
        if (this.carry) {
            const rest = this.carry;
            this.carry = undefined;
            this.line(rest, 0, rest.length);
        }
        if (this.inRecord) {
            throw new errors/* InputError */.dz('files', `${this.source.display} is a truncated LCOV file: ${this.recordRef()} has no end_of_record`, `The file was cut short, e.g. by a failed or partial upload. ${FIX}`);
        }
        if (this.records === 0) {
            throw new errors/* InputError */.dz('files', `${this.source.display} has no LCOV records (no SF: … end_of_record blocks in ${this.lineNo} lines)`, FIX);
        }
        return this.records;
    }
    /** What the report's reader should know: skipped preamble, stated totals that disagree with the data. */
    notes() {
        const notes = [];
        const name = (0,markdown/* code */.aY)(this.source.display);
        if (this.preamble > 0)
            notes.push(`${name}: ${this.preamble} line(s) before the first record were skipped${this.source.quote ? ` (the first: ${(0,markdown/* code */.aY)(this.preambleFirst)})` : ''}, e.g. a test runner's output written into the report.`);
        if (this.disagreeing > 0)
            notes.push(`${name}: in ${this.disagreeing} record(s)${this.source.quote ? ` (e.g. ${(0,markdown/* code */.aY)(this.disagreeingExample)})` : ''} LF/LH differ from the DA lines; the DA lines are counted, as lcov itself does.`);
        return notes;
    }
    checkLength(length) {
        if (length > MAX_LINE) {
            throw new errors/* InputError */.dz('files', `${this.source.display} line ${this.lineNo + 1} is longer than 1 MiB, which no LCOV file has`, `Check that the file is an LCOV tracefile, or set format to the report's real format.`);
        }
    }
    /** One error naming the file and line; `quoted` may show report text, `plain` must not. */
    fail(quoted, plain, fix = FIX) {
        const problem = this.source.quote ? quoted : plain;
        throw new errors/* InputError */.dz('files', `${this.source.display} line ${this.lineNo}: ${problem}`, fix);
    }
    text(buf, s, e) {
        return (0,coverage_source/* excerpt */.Kb)(buf.toString('utf8', s, Math.min(e, s + 160)));
    }
    recordRef() {
        if (!this.source.quote)
            return `the record starting at line ${this.recordLine}`;
        // eslint-disable-next-line no-control-regex
        const path = /[\u0000-\u001f\u007f]/.test(this.path) ? JSON.stringify(this.path) : this.path;
        return `the record for ${path.length > 200 ? `${path.slice(0, 200)}…` : path} (line ${this.recordLine})`;
    }
    malformed(buf, s, e, form) {
        this.fail(`${this.text(buf, s, e)} is not ${form}`, `the line is not ${form}`);
    }
    /** Reads an integer at this.pos (an optional leading -), leaving pos after it; NaN when there are no digits. */
    int(buf, e) {
        let p = this.pos;
        let negative = false;
        if (p < e && buf[p] === MINUS) {
            negative = true;
            p++;
        }
        const first = p;
        let value = 0;
        let c;
        while (p < e && (c = buf[p]) >= ZERO && c <= NINE) {
            value = value * 10 + (c - ZERO);
            p++;
        }
        this.pos = p;
        if (p === first)
            return NaN;
        return negative ? -value : value;
    }
    /**
     * An execution count ending at a comma or the line's end: an integer, or (lcov 2.x) a decimal or
     * exponent form such as 1.0e+19. Refuses negative and non-numeric counts. Leaves pos on the delimiter.
     */
    countAt(buf, from, e, s, form) {
        this.pos = from;
        const value = this.int(buf, e);
        if (!Number.isNaN(value) && (this.pos === e || buf[this.pos] === COMMA)) {
            if (value < 0)
                this.negative(buf, s, e);
            return value;
        }
        let end = from;
        while (end < e && buf[end] !== COMMA)
            end++;
        const number = Number(buf.toString('latin1', from, end));
        if (from === end || !Number.isFinite(number))
            this.malformed(buf, s, e, form);
        if (number < 0)
            this.negative(buf, s, e);
        this.pos = end;
        return number;
    }
    negative(buf, s, e) {
        this.fail(`${this.text(buf, s, e)} has a negative count in ${this.recordRef()}`, `a count is negative in ${this.recordRef()}`, `Coverage data with counts below zero is corrupt (lcov refuses it too); it is not clamped. ${FIX}`);
    }
    lineNumber(buf, s, e, form) {
        const line = this.int(buf, e);
        if (Number.isNaN(line))
            this.malformed(buf, s, e, form);
        if (line <= 0)
            this.fail(`${this.text(buf, s, e)} names line ${line} in ${this.recordRef()}; lines are numbered from 1`, `a line number is ${line < 0 ? 'negative' : 'zero'} in ${this.recordRef()}; lines are numbered from 1`, `The report is corrupt (often a source map that did not resolve). ${FIX}`);
        return line;
    }
    kind(buf, s, e) {
        const c0 = buf[s];
        const c1 = buf[s + 1];
        const c2 = buf[s + 2];
        const c3 = buf[s + 3];
        const c4 = buf[s + 4];
        if (c0 === 68 && c1 === 65 && c2 === COLON)
            return Kind.DA;
        if (c0 === 66 && c1 === 82) {
            if (c2 === 68 && c3 === 65 && c4 === COLON)
                return Kind.BRDA;
            if (c3 === COLON && c2 === 70)
                return Kind.BRF;
            if (c3 === COLON && c2 === 72)
                return Kind.BRH;
        }
        else if (c0 === 70 && c1 === 78) {
            if (c2 === COLON)
                return Kind.FN;
            if (c2 === 68 && c3 === 65 && c4 === COLON)
                return Kind.FNDA;
            if (c3 === COLON) {
                if (c2 === 70)
                    return Kind.FNF;
                if (c2 === 72)
                    return Kind.FNH;
                if (c2 === 76)
                    return Kind.FNL;
                if (c2 === 65)
                    return Kind.FNA;
            }
        }
        else if (c0 === 76 && c2 === COLON) {
            if (c1 === 70)
                return Kind.LF;
            if (c1 === 72)
                return Kind.LH;
        }
        else if (c0 === 83 && c1 === 70 && c2 === COLON)
            return Kind.SF;
        else if (c0 === 84 && c1 === 78 && c2 === COLON)
            return Kind.TN;
        else if (c0 === 86 && c1 === 69 && c2 === 82 && c3 === COLON)
            return Kind.VER;
        else if (c0 === 101 && e - s >= 13 && isEndOfRecord(buf, s, e))
            return Kind.END;
        let k = s;
        let c;
        while (k < e && k - s < 16 && (c = buf[k]) >= UPPER_A && c <= UPPER_Z)
            k++;
        return k > s && buf[k] === COLON ? Kind.KEY : Kind.TEXT;
    }
    line(buf, s, e) {
        this.lineNo++;
        if (e > s && buf[e - 1] === CR)
            e--;
        if (this.lineNo === 1 && buf[s] === 0xef && buf[s + 1] === 0xbb && buf[s + 2] === 0xbf)
            s += 3;
        if (e === s || buf[s] === HASH)
            return; // blank lines and comments, as lcov skips them
        const kind = this.kind(buf, s, e);
        if (!this.started) {
            if (kind === Kind.KEY || kind === Kind.TEXT) {
                if (this.preamble++ === 0)
                    this.preambleFirst = buf.toString('utf8', s, Math.min(e, s + 60));
                return;
            }
            this.started = true;
        }
        if (!this.inRecord)
            return this.outside(buf, s, e, kind);
        switch (kind) {
            case Kind.DA:
                return this.da(buf, s, e);
            case Kind.BRDA:
                return this.brdaLine(buf, s, e);
            case Kind.BRF:
                return this.statedLine(this.brf, true, buf, s, e, 4, 'BRF:<count>');
            case Kind.BRH:
                return this.statedLine(this.brf, false, buf, s, e, 4, 'BRH:<count>');
            case Kind.FN:
                return this.fnLine(buf, s, e);
            case Kind.FNDA:
                return this.fndaLine(buf, s, e);
            case Kind.FNF:
                return this.statedLine(this.fnf, true, buf, s, e, 4, 'FNF:<count>');
            case Kind.FNH:
                return this.statedLine(this.fnf, false, buf, s, e, 4, 'FNH:<count>');
            case Kind.FNL:
                return this.fnlLine(buf, s, e);
            case Kind.FNA:
                return this.fnaLine(buf, s, e);
            case Kind.LF:
                return this.statedLine(this.lf, true, buf, s, e, 3, 'LF:<count>');
            case Kind.LH:
                return this.statedLine(this.lf, false, buf, s, e, 3, 'LH:<count>');
            case Kind.SF:
                return this.fail(`${this.text(buf, s, e)} starts a record while ${this.recordRef()} is still open`, `an SF: line starts a record while ${this.recordRef()} is still open`, `Each record must end with end_of_record; the file may have been concatenated from truncated parts. ${FIX}`);
            case Kind.END:
                return this.finish();
            case Kind.TEXT:
                return this.fail(`${this.text(buf, s, e)} is not an LCOV line (in ${this.recordRef()})`, `the line is not an LCOV line (in ${this.recordRef()})`, MIXED_FIX);
            default:
            // TN:, VER: and keys this parser does not count (lcov 2.x MCDC:, …) carry nothing it totals.
        }
    }
    /** A line outside any record, after the first record started. */
    outside(buf, s, e, kind) {
        if (kind === Kind.SF)
            return this.start(buf.toString('utf8', s + 3, e).trim());
        if (kind === Kind.TN || kind === Kind.VER)
            return;
        const where = this.lastEnd > 0 ? `after the end_of_record at line ${this.lastEnd}` : 'before any SF: line';
        if (kind === Kind.KEY || kind === Kind.TEXT)
            this.fail(`${this.text(buf, s, e)} is not an LCOV line (${where}); after the first record every line belongs to a record`, `the line is not an LCOV line (${where}); after the first record every line belongs to a record`, MIXED_FIX);
        this.fail(`${this.text(buf, s, e)} comes ${where}`, `LCOV data comes ${where}`, `Every LCOV record starts with SF:<path> and ends with end_of_record. ${FIX}`);
    }
    statedLine(into, found, buf, s, e, at, form) {
        let end = e;
        while (end > s + at && (buf[end - 1] === 32 || buf[end - 1] === 9))
            end--;
        this.pos = s + at;
        const value = this.int(buf, end);
        if (Number.isNaN(value) || this.pos !== end)
            this.malformed(buf, s, e, form);
        if (value < 0)
            this.negative(buf, s, e);
        if (found) {
            into.found = value;
            into.foundLine = this.lineNo;
        }
        else {
            into.hit = value;
            into.hitLine = this.lineNo;
        }
    }
    start(path) {
        if (path === '')
            this.fail('SF: has no path', 'SF: has no path');
        this.inRecord = true;
        this.recordLine = this.lineNo;
        this.path = path;
        this.detail = this.sink.wantDetail(path) ? (0,model/* emptyDetail */.zE)() : undefined;
        this.lineCount = 0;
        this.linesHit = 0;
        this.lastLine = 0;
        this.unordered = false;
        resetStated(this.lf);
        this.brda.found = 0;
        this.brda.hit = 0;
        this.brdaSeen = false;
        resetStated(this.brf);
        this.fn = 0;
        this.fnda = 0;
        this.fnl = 0;
        this.fnaHit = undefined;
        resetStated(this.fnf);
    }
    da(buf, s, e) {
        const form = 'DA:<line>,<hits>';
        this.pos = s + 3;
        const line = this.lineNumber(buf, s, e, form);
        if (buf[this.pos] !== COMMA)
            this.malformed(buf, s, e, form);
        const hits = this.countAt(buf, this.pos + 1, e, s, form);
        this.addLine(line, hits);
    }
    addLine(line, hits) {
        if (this.lineCount === this.lineBuf.length)
            this.grow();
        this.lineBuf[this.lineCount] = line;
        this.hitBuf[this.lineCount] = hits;
        this.lineCount++;
        if (line <= this.lastLine)
            this.unordered = true;
        this.lastLine = line;
        if (hits > 0)
            this.linesHit++;
    }
    grow() {
        const lines = new Int32Array(this.lineBuf.length * 2);
        lines.set(this.lineBuf);
        const hits = new Float64Array(this.hitBuf.length * 2);
        hits.set(this.hitBuf);
        this.lineBuf = lines;
        this.hitBuf = hits;
    }
    brdaLine(buf, s, e) {
        // BRDA:<line>,[e]<block>,<branch>,<taken>; taken is - when the branch's condition never ran.
        const form = 'BRDA:<line>,<block>,<branch>,<taken>';
        this.pos = s + 5;
        const line = this.lineNumber(buf, s, e, form);
        if (buf[this.pos] !== COMMA)
            this.malformed(buf, s, e, form);
        let last = e - 1;
        while (last > this.pos && buf[last] !== COMMA)
            last--;
        if (last <= this.pos)
            this.malformed(buf, s, e, form);
        const taken = last + 2 === e && buf[last + 1] === MINUS ? 0 : this.countAt(buf, last + 1, e, s, form);
        this.addBranch(line, taken);
    }
    addBranch(line, taken) {
        this.brdaSeen = true;
        this.brda.found++;
        if (taken > 0)
            this.brda.hit++;
        if (this.detail) {
            const c = this.detail.branches.get(line);
            if (c) {
                c.found++;
                if (taken > 0)
                    c.hit++;
            }
            else
                this.detail.branches.set(line, { found: 1, hit: taken > 0 ? 1 : 0 });
        }
    }
    fnLine(buf, s, e) {
        // FN:<line>[,<end line>],<name>; a C++ name may itself hold commas.
        this.pos = s + 3;
        this.lineNumber(buf, s, e, 'FN:<line>,<name>');
        this.fn++;
        if (this.detail) {
            const name = this.functionName(buf, e);
            if (!this.detail.functions.has(name))
                this.detail.functions.set(name, 0);
        }
    }
    fndaLine(buf, s, e) {
        // FNDA:<hits>,<name>
        const hits = this.countAt(buf, s + 5, e, s, 'FNDA:<hits>,<name>');
        if (buf[this.pos] !== COMMA)
            this.malformed(buf, s, e, 'FNDA:<hits>,<name>');
        if (hits > 0)
            this.fnda++;
        if (this.detail) {
            const name = buf.toString('utf8', this.pos + 1, e);
            this.detail.functions.set(name, (this.detail.functions.get(name) ?? 0) + hits);
        }
    }
    fnlLine(buf, s, e) {
        // FNL:<index>,<line>[,<end line>] (lcov 2.2)
        const form = 'FNL:<index>,<line>';
        this.pos = s + 4;
        const index = this.int(buf, e);
        if (Number.isNaN(index) || index < 0 || buf[this.pos] !== COMMA)
            this.malformed(buf, s, e, form);
        this.pos++;
        this.lineNumber(buf, s, e, form);
        this.fnl++;
        if (this.detail && !this.detail.functions.has(`#${index}`))
            this.detail.functions.set(`#${index}`, 0);
    }
    fnaLine(buf, s, e) {
        // FNA:<index>,<hits>,<name> (lcov 2.2): an alias of function <index>.
        const form = 'FNA:<index>,<hits>,<name>';
        this.pos = s + 4;
        const index = this.int(buf, e);
        if (Number.isNaN(index) || index < 0 || buf[this.pos] !== COMMA)
            this.malformed(buf, s, e, form);
        const hits = this.countAt(buf, this.pos + 1, e, s, form);
        if (hits > 0)
            (this.fnaHit ??= new Set()).add(index);
        if (this.detail) {
            const key = `#${index}`;
            this.detail.functions.set(key, (this.detail.functions.get(key) ?? 0) + hits);
        }
    }
    /** The name of an FN line whose line number was just read (pos is after it). */
    functionName(buf, e) {
        if (buf[this.pos] === COMMA)
            this.pos++;
        const afterLine = this.pos;
        // An end line is digits followed by a comma; a name never starts that way.
        this.int(buf, e);
        const start = buf[this.pos] === COMMA && this.pos > afterLine ? this.pos + 1 : afterLine;
        return buf.toString('utf8', start, e);
    }
    /** A stated counter's hit side may not exceed its found side: such a record is corrupt. */
    checkStated(c, found, hit) {
        const f = Math.max(c.found, 0);
        const h = Math.max(c.hit, 0);
        if (h > f) {
            this.lineNo = Math.max(c.foundLine, c.hitLine);
            this.fail(`${hit}:${h} is greater than ${found}:${f} in ${this.recordRef()}`, `${hit} is greater than ${found} in ${this.recordRef()}`, `More covered than found means the report is corrupt; it is not clamped to 100%. ${FIX}`);
        }
        return (0,model/* counter */.hJ)(f, h);
    }
    finish() {
        const endLine = this.lineNo;
        const lf = this.checkStated(this.lf, 'LF', 'LH');
        const brf = this.checkStated(this.brf, 'BRF', 'BRH');
        const fnf = this.checkStated(this.fnf, 'FNF', 'FNH');
        this.lineNo = endLine;
        this.inRecord = false;
        this.lastEnd = endLine;
        this.records++;
        const detail = this.detail;
        let lines;
        if (this.lineCount === 0)
            lines = lf;
        else if (!this.unordered && !detail)
            lines = { found: this.lineCount, hit: this.linesHit };
        else {
            // Repeated or unordered DA lines: merge by line number (hits add up, as lcov itself does).
            const map = detail?.lines ?? new Map();
            for (let i = 0; i < this.lineCount; i++) {
                const line = this.lineBuf[i];
                map.set(line, (map.get(line) ?? 0) + this.hitBuf[i]);
            }
            lines = (0,model/* counter */.hJ)(map.size);
            for (const hits of map.values())
                if (hits > 0)
                    lines.hit++;
        }
        if (this.lineCount > 0 &&
            this.lf.found >= 0 &&
            (this.lf.found !== lines.found || (this.lf.hit >= 0 && this.lf.hit !== lines.hit))) {
            if (this.disagreeing++ === 0)
                this.disagreeingExample = this.path;
        }
        const branches = this.brdaSeen ? this.brda : brf;
        let functions;
        if (detail && (this.fn > 0 || this.fnl > 0)) {
            functions = (0,model/* counter */.hJ)(detail.functions.size);
            for (const hits of detail.functions.values())
                if (hits > 0)
                    functions.hit++;
        }
        else if (this.fn > 0)
            functions = { found: this.fn, hit: Math.min(this.fnda, this.fn) };
        else if (this.fnl > 0)
            functions = { found: this.fnl, hit: Math.min(this.fnaHit?.size ?? 0, this.fnl) };
        else
            functions = fnf;
        const record = { path: this.path, lines, branches: { ...branches }, functions, detail };
        this.detail = undefined;
        this.sink.record(record);
    }
}
/** Parses a whole LCOV text (tests and small inputs). */
function parseLcovText(source, text, sink) {
    const parser = new LcovParser(source, sink);
    parser.push(Buffer.from(text));
    return parser.end();
}

;// CONCATENATED MODULE: ./src/io/coverage-reports.ts
/**
 * Reads coverage reports from disk (never the whole file as one string) and feeds the domain parsers, then
 * merges every report into one model. A file named by two records where detail was not kept is read again
 * with detail for just those files, so merged counts are exact.
 *
 * LCOV and Cobertura are read into one reused buffer: no chunk is allocated per read, so memory stays at a
 * few buffers however large the report. Cobertura text goes to saxes in 64 KiB strings: larger strings land
 * in V8's large-object space, which only a full GC frees, and peak memory follows them. The Cobertura parser
 * (with saxes) and the JSON formats' readers (stream-json and Node's streams) load only when a report in
 * that format is read, so an LCOV run compiles neither.
 */








/** Bytes per LCOV read: large reads make the scan cheap; the buffer is allocated once. */
const LCOV_READ_BYTES = 1 << 20;
/** Bytes per XML or JSON read: the strings made from them stay in V8's young generation. */
const TEXT_READ_BYTES = 1 << 16;
const sourceOf = (file) => ({
    display: file.display,
    quote: file.quote ?? true,
});
/** Whether `path` (after symlinks) is inside `workspace`. */
async function insideWorkspace(path, workspace) {
    const [real, root] = await Promise.all([
        (0,promises_.realpath)(path).catch(() => path),
        (0,promises_.realpath)(workspace).catch(() => workspace),
    ]);
    const rel = (0,external_node_path_.relative)(root, real);
    return rel === '' || (!rel.startsWith(`..${external_node_path_.sep}`) && rel !== '..' && !(0,external_node_path_.isAbsolute)(rel));
}
/**
 * Calls `onChunk` with successive reads of the file into one buffer, valid until the callback returns.
 * Reads are synchronous: the step has nothing else to do meanwhile, and a thread-pool round trip per read
 * cost more than the copy itself.
 */
async function readChunks(path, size, onChunk) {
    const fd = (0,external_node_fs_.openSync)(path, 'r');
    try {
        const buffer = Buffer.allocUnsafe(size);
        for (;;) {
            const bytesRead = (0,external_node_fs_.readSync)(fd, buffer, 0, size, null);
            if (bytesRead === 0)
                return;
            onChunk(bytesRead === size ? buffer : buffer.subarray(0, bytesRead));
        }
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
async function detectReportFormat(file, forced) {
    const info = await (0,promises_.stat)(file.path).catch(() => undefined);
    if (!info?.isFile())
        throw new errors/* InputError */.dz('files', `${file.display} does not exist`, 'Check the path and that the test step wrote it.');
    if (info.size === 0)
        throw new errors/* InputError */.dz('files', `${file.display} is empty`, 'Check that the test step wrote coverage before this step ran.');
    const handle = await (0,promises_.open)(file.path, 'r');
    try {
        const buffer = Buffer.alloc(Math.min(detect/* DETECT_BYTES */.ud, info.size));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        const head = buffer.subarray(0, bytesRead).toString('utf8');
        if (forced !== 'auto') {
            if (head.trim() === '')
                throw new errors/* InputError */.dz('files', `${file.display} is empty`, 'Check that the test step wrote coverage before this step ran.');
            return forced;
        }
        return (0,detect/* detectFormat */.Tz)(sourceOf(file), head);
    }
    finally {
        await handle.close();
    }
}
/** Parses one report into the sink; returns how many file records it held and notes about it. */
async function parseReport(file, format, sink) {
    let records = 0;
    let notes = [];
    const counting = {
        wantDetail: (path, roots) => sink.wantDetail(path, roots),
        record: (record) => {
            records++;
            sink.record(record);
        },
    };
    switch (format) {
        case 'lcov': {
            const parser = new LcovParser(sourceOf(file), counting);
            await readChunks(file.path, LCOV_READ_BYTES, (chunk) => parser.push(chunk));
            parser.end();
            notes = parser.notes();
            break;
        }
        case 'cobertura': {
            const { CoberturaParser } = await Promise.all(/* import() */[__webpack_require__.e(800), __webpack_require__.e(238)]).then(__webpack_require__.bind(__webpack_require__, 27238));
            const parser = new CoberturaParser(sourceOf(file), counting);
            const decoder = new external_node_string_decoder_.StringDecoder('utf8');
            await readChunks(file.path, TEXT_READ_BYTES, (chunk) => parser.push(decoder.write(chunk)));
            parser.push(decoder.end());
            parser.end();
            break;
        }
        case 'coveragepy-json':
            notes = await (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(207)]).then(__webpack_require__.bind(__webpack_require__, 95207))).parseCoveragePy(file, counting);
            break;
        default:
            await (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(207)]).then(__webpack_require__.bind(__webpack_require__, 95207))).parseIstanbul(file, format, counting);
    }
    if (records === 0) {
        throw new errors/* InputError */.dz('files', `${file.display} (${detect/* FORMAT_NAMES */.BU[format]}) describes no files`, 'Check that tests ran with coverage enabled and that the coverage include/source settings match your code.');
    }
    return { records, notes };
}
async function readReports(files, options) {
    const collector = new CoverageCollector(options.normalize, options.detailFor, options.exclude);
    const reports = [];
    const formats = [];
    const sources = [];
    for (const file of files) {
        const source = {
            ...file,
            quote: file.quote ?? (options.workspace ? await insideWorkspace(file.path, options.workspace) : true),
        };
        sources.push(source);
        const format = await detectReportFormat(source, options.format);
        formats.push(format);
        const { records, notes } = await parseReport(source, format, collector);
        reports.push({ path: file.display, format: detect/* FORMAT_NAMES */.BU[format], records, notes });
    }
    if (collector.overlapping.size > 0) {
        collector.refine([...collector.overlapping]);
        for (const [i, file] of sources.entries())
            await parseReport(file, formats[i], collector);
    }
    // Read while iterating: views() hands out one reused object, so it cannot be spread and filtered.
    const approximate = [];
    for (const file of collector.files.views())
        if (file.approximate)
            approximate.push(file.path);
    return { files: collector.files, reports, excluded: collector.excluded.size, approximate };
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

//# sourceMappingURL=743.index.js.map