export const id = 238;
export const ids = [238];
export const modules = {

/***/ 27238:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CoberturaParser: () => (/* binding */ CoberturaParser)
/* harmony export */ });
/* unused harmony export parseCoberturaText */
/* harmony import */ var saxes__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(59800);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(59677);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(41162);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2962);
/* harmony import */ var _detect_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49496);
/**
 * Cobertura XML parser (coverage.py `coverage xml`, gcovr, coverlet, PHPUnit, ReportGenerator, Istanbul
 * `cobertura`). Streams through saxes: text is pushed chunk by chunk and each <class> becomes a record when
 * it closes.
 *
 * Counted from the class-level <lines>, one per <line> element, as the producing tools count lines-valid
 * and lines-covered (gcovr lists a line once per function instance): a line with hits > 0 is covered;
 * `branch="true"` lines carry `condition-coverage="50% (1/2)"`. Each <method> is a function, covered when
 * one of its lines ran. Filenames are relative to one of the <source> roots, which travel with the record.
 * A corrupt report (a rate above 1, more conditions covered than found, line 0, negative or non-numeric
 * hits) is refused, never clamped.
 */





const FIX = 'Regenerate the report (e.g. coverage xml, pytest --cov-report=xml, gcovr --cobertura) and check that the upload step copied all of it.';
const RATES = ['line-rate', 'branch-rate'];
class CoberturaParser {
    sink;
    source;
    xml = new saxes__WEBPACK_IMPORTED_MODULE_0__/* .SaxesParser */ .wT({ xmlns: false });
    sources = [];
    sourceText = '';
    root;
    rootClover = false;
    elements = 0;
    current;
    /** Consecutive <class> elements of one file (inner classes) make one record. */
    pending;
    inMethod = false;
    methodHit = false;
    records = 0;
    collectText = (text) => {
        this.sourceText += text;
    };
    constructor(source, sink) {
        this.sink = sink;
        this.source = (0,_source_js__WEBPACK_IMPORTED_MODULE_3__/* .reportSource */ .cu)(source);
        this.xml.on('opentag', (tag) => this.open(tag));
        this.xml.on('closetag', (tag) => this.close(tag.name));
    }
    push(text) {
        try {
            this.xml.write(text);
        }
        catch (error) {
            throw this.invalid(error);
        }
    }
    end() {
        try {
            this.xml.close();
        }
        catch (error) {
            throw this.invalid(error);
        }
        if (this.root === undefined) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('files', `${this.source.display} has no XML elements`, FIX);
        }
        this.checkRoot(undefined);
        this.flush();
        return this.records;
    }
    invalid(error) {
        if (error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz)
            return error;
        const message = error instanceof Error ? error.message : String(error);
        // saxes messages start with "file:line:column: "; some quote the document ("unclosed tag: x").
        const where = /^(?:[^:\d][^:]*:)?(\d+):(\d+): ?(.*)$/s.exec(message);
        const detail = where
            ? `line ${where[1]}, column ${where[2]}${this.source.quote ? `: ${(0,_source_js__WEBPACK_IMPORTED_MODULE_3__/* .excerpt */ .Kb)(where[3] ?? '', 60)}` : ''}`
            : this.source.quote
                ? (0,_source_js__WEBPACK_IMPORTED_MODULE_3__/* .excerpt */ .Kb)(message, 60)
                : 'malformed';
        return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('files', `${this.source.display} is not valid XML (${detail})`, `The file may be truncated or not a Cobertura report. ${FIX}`);
    }
    fail(quoted, plain) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('files', `${this.source.display} line ${this.xml.line}: ${this.source.quote ? quoted : plain}`, FIX);
    }
    where(file) {
        if (!file)
            return 'outside any <class>';
        return this.source.quote
            ? `in the <class> for ${(0,_source_js__WEBPACK_IMPORTED_MODULE_3__/* .excerpt */ .Kb)(file.path, 120)} (line ${file.line})`
            : `in the <class> starting at line ${file.line}`;
    }
    attr(tag, name) {
        const value = tag.attributes[name];
        return typeof value === 'string' ? value : undefined;
    }
    /** The root and its first child name the format: SonarQube, JaCoCo, Clover, OpenCover are not Cobertura. */
    checkRoot(firstChild) {
        const unread = (0,_detect_js__WEBPACK_IMPORTED_MODULE_2__/* .unreadXml */ .vu)(this.root, firstChild, this.rootClover);
        if (unread)
            throw (0,_detect_js__WEBPACK_IMPORTED_MODULE_2__/* .unreadFormat */ .rB)(this.source, unread);
        if (this.root !== 'coverage')
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('files', `${this.source.display} is not a Cobertura report${this.source.quote ? `: its root element is <${(0,_source_js__WEBPACK_IMPORTED_MODULE_3__/* .excerpt */ .Kb)(this.root, 40).slice(1, -1)}>, not <coverage>` : ''}`, FIX);
    }
    /** line-rate and branch-rate are fractions: above 1 (or below 0) the report is corrupt. */
    checkRates(tag, file) {
        for (const name of RATES) {
            const raw = this.attr(tag, name);
            if (raw === undefined)
                continue;
            const rate = Number(raw);
            if (Number.isFinite(rate) && (rate > 1 || rate < 0))
                this.fail(`<${tag.name}> has ${name}=${(0,_source_js__WEBPACK_IMPORTED_MODULE_3__/* .excerpt */ .Kb)(raw, 20)} ${this.where(file)}; rates run from 0 to 1`, `<${tag.name}> has a ${name} outside 0-1 ${this.where(file)}`);
        }
    }
    open(tag) {
        const name = tag.name;
        if (this.root === undefined) {
            this.root = name;
            this.rootClover = this.attr(tag, 'clover') !== undefined;
            if (name !== 'coverage')
                this.checkRoot(undefined);
            this.checkRates(tag, undefined);
            return;
        }
        if (this.elements++ === 0)
            this.checkRoot(name);
        switch (name) {
            case 'source':
                this.sourceText = '';
                // Text is only collected here: saxes skips building text nodes when nobody listens.
                this.xml.on('text', this.collectText);
                return;
            case 'package':
                this.checkRates(tag, undefined);
                return;
            case 'class': {
                const path = (this.attr(tag, 'filename') ?? '').trim();
                if (path === '')
                    this.fail('<class> has no filename attribute', '<class> has no filename attribute');
                if (this.pending && this.pending.path === path) {
                    this.current = this.pending;
                    this.pending = undefined;
                }
                else {
                    this.flush();
                    const kept = (0,_source_js__WEBPACK_IMPORTED_MODULE_3__/* .detached */ .ht)(path);
                    this.current = {
                        path: kept,
                        line: this.xml.line,
                        lines: (0,_model_js__WEBPACK_IMPORTED_MODULE_4__/* .counter */ .hJ)(),
                        branches: (0,_model_js__WEBPACK_IMPORTED_MODULE_4__/* .counter */ .hJ)(),
                        functions: (0,_model_js__WEBPACK_IMPORTED_MODULE_4__/* .counter */ .hJ)(),
                        detail: this.sink.wantDetail(kept, this.sources) ? (0,_model_js__WEBPACK_IMPORTED_MODULE_4__/* .emptyDetail */ .zE)() : undefined,
                    };
                }
                this.checkRates(tag, this.current);
                return;
            }
            case 'method':
                if (!this.current)
                    return;
                this.checkRates(tag, this.current);
                this.inMethod = true;
                this.methodHit = Number(this.attr(tag, 'line-rate') ?? 0) > 0;
                this.current.functions.found++;
                return;
            case 'line':
                if (this.current)
                    this.lineElement(tag, this.current);
                return;
        }
    }
    lineElement(tag, file) {
        const rawNumber = this.attr(tag, 'number') ?? '';
        const number = Number(rawNumber);
        if (!/^\s*\d+\s*$/.test(rawNumber) || number < 1)
            this.fail(`<line> has number=${(0,_source_js__WEBPACK_IMPORTED_MODULE_3__/* .excerpt */ .Kb)(rawNumber, 20)} ${this.where(file)}, not a line number (lines are numbered from 1)`, `<line> has a number that is not a line number (lines are numbered from 1) ${this.where(file)}`);
        const rawHits = this.attr(tag, 'hits');
        const hits = Number(rawHits);
        if (rawHits === undefined || rawHits.trim() === '' || !Number.isFinite(hits) || hits < 0)
            this.fail(`<line number="${number}"> has hits=${(0,_source_js__WEBPACK_IMPORTED_MODULE_3__/* .excerpt */ .Kb)(rawHits ?? '', 20)} ${this.where(file)}; hits is a count of zero or more`, `<line> has a hits value that is not a count of zero or more ${this.where(file)}`);
        if (this.inMethod) {
            if (hits > 0)
                this.methodHit = true;
            return;
        }
        file.lines.found++;
        if (hits > 0)
            file.lines.hit++;
        if (file.detail)
            file.detail.lines.set(number, (file.detail.lines.get(number) ?? 0) + hits);
        if (this.attr(tag, 'branch')?.toLowerCase() !== 'true')
            return;
        const raw = this.attr(tag, 'condition-coverage') ?? '';
        const condition = /\((\d+)\/(\d+)\)/.exec(raw);
        if (!condition)
            return;
        const hit = Number(condition[1]);
        const found = Number(condition[2]);
        if (hit > found)
            this.fail(`<line number="${number}"> has condition-coverage=${(0,_source_js__WEBPACK_IMPORTED_MODULE_3__/* .excerpt */ .Kb)(raw, 30)} ${this.where(file)}: more conditions covered than it has`, `<line> covers more conditions than it has ${this.where(file)}`);
        file.branches.found += found;
        file.branches.hit += hit;
        if (file.detail) {
            const existing = file.detail.branches.get(number);
            file.detail.branches.set(number, {
                found: Math.max(found, existing?.found ?? 0),
                hit: Math.max(hit, existing?.hit ?? 0),
            });
        }
    }
    close(name) {
        switch (name) {
            case 'source': {
                this.xml.off('text');
                const root = this.sourceText.trim();
                if (root)
                    this.sources.push((0,_source_js__WEBPACK_IMPORTED_MODULE_3__/* .detached */ .ht)(root));
                return;
            }
            case 'method':
                if (this.inMethod && this.current) {
                    if (this.methodHit)
                        this.current.functions.hit++;
                    if (this.current.detail) {
                        const key = `method#${this.current.functions.found}`;
                        this.current.detail.functions.set(key, this.methodHit ? 1 : 0);
                    }
                }
                this.inMethod = false;
                return;
            case 'class':
                this.pending = this.current;
                this.current = undefined;
                return;
        }
    }
    flush() {
        const file = this.pending;
        if (!file)
            return;
        this.pending = undefined;
        this.records++;
        this.sink.record({
            path: file.path,
            lines: file.lines,
            branches: file.branches,
            functions: file.functions,
            detail: file.detail,
            sourceRoots: this.sources,
        });
    }
}
function parseCoberturaText(source, text, sink) {
    const parser = new CoberturaParser(source, sink);
    parser.push(text);
    return parser.end();
}


/***/ })

};

//# sourceMappingURL=238.index.js.map