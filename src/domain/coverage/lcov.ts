/**
 * LCOV tracefile parser (geninfo(1) format, incl. lcov 2.x FNL/FNA and the optional DA checksum). It works on
 * raw bytes pushed chunk by chunk: no line strings are made except for SF paths and, in detail mode,
 * function names. Memory stays flat however large the file, and files beyond V8's string limit parse.
 */
import { InputError } from '../shared/errors.js';
import { counter, emptyDetail, type Counter, type FileDetail, type FileRecord } from './model.js';
import type { RecordSink } from './sink.js';

const NL = 10;
const CR = 13;
const COLON = 58;
const COMMA = 44;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;
/** A longer line means this is not an LCOV file (or is corrupt); refusing it keeps memory bounded. */
const MAX_LINE = 1 << 20;

const FIX =
  'Regenerate the report (e.g. jest --coverage, c8 report -r lcov, geninfo) and check the upload step.';

export class LcovParser {
  private carry: Buffer | undefined;
  private lineNo = 0;
  private records = 0;
  private inRecord = false;
  private recordLine = 0;
  private path = '';
  private detail: FileDetail | undefined;
  // Per-record counting, reused across records to avoid allocation.
  private lineBuf = new Int32Array(1024);
  private hitBuf = new Float64Array(1024);
  private lineCount = 0;
  private linesHit = 0;
  private lastLine = 0;
  private unordered = false;
  private lf: Counter | undefined;
  private brda = counter();
  private brdaSeen = false;
  private brf: Counter | undefined;
  private fn = 0;
  private fnda = 0;
  private fnl = 0;
  private fnaHit: Set<number> | undefined;
  private fnf: Counter | undefined;
  // Cursor for number parsing.
  private pos = 0;

  constructor(
    private readonly source: string,
    private readonly sink: RecordSink,
  ) {}

  /** Takes the next bytes. The chunk may be reused by the caller afterwards: a partial line is copied. */
  push(chunk: Buffer): void {
    const length = chunk.length;
    let start = 0;
    let p = 0;
    if (this.carry) {
      while (p < length && chunk[p] !== NL) p++;
      if (p === length) {
        this.carry = Buffer.concat([this.carry, chunk]);
        this.checkLength(this.carry.length);
        return;
      }
      const line = Buffer.concat([this.carry, chunk.subarray(0, p)]);
      this.carry = undefined;
      this.line(line, 0, line.length);
      start = ++p;
    }
    // Complete lines end at the last newline; the rest waits for the next chunk.
    const last = chunk.lastIndexOf(NL);
    if (last >= start) start = this.lines(chunk, start, last);
    if (start < length) {
      this.carry = Buffer.from(chunk.subarray(start));
      this.checkLength(this.carry.length);
    }
  }

  /**
   * Parses the complete lines in buf[p..last] (buf[last] is a newline) and returns last + 1. DA lines, most
   * of any file, are parsed in one pass that ends on their newline; other lines are found by a byte scan.
   */
  private lines(buf: Buffer, p: number, last: number): number {
    while (p <= last) {
      if (buf[p] === 68 && buf[p + 1] === 65 && buf[p + 2] === COLON && this.inRecord) {
        this.pos = p + 3;
        const line = this.int(buf, last);
        if (buf[this.pos] === COMMA && !Number.isNaN(line)) {
          this.pos++;
          const hits = this.int(buf, last);
          let q = this.pos;
          if (buf[q] === CR) q++;
          if (buf[q] === NL && !Number.isNaN(hits)) {
            this.lineNo++;
            this.addLine(line, hits);
            p = q + 1;
            continue;
          }
        }
      }
      let e = p;
      while (buf[e] !== NL) e++;
      this.line(buf, p, e);
      p = e + 1;
    }
    return p;
  }

  /** Ends the input: a record still open means the file was cut short. Returns the number of records. */
  end(): number {
    if (this.carry) {
      const rest = this.carry;
      this.carry = undefined;
      this.line(rest, 0, rest.length);
    }
    if (this.inRecord) {
      throw new InputError(
        'files',
        `${this.source} is a truncated LCOV file: the record for ${this.path} (line ${this.recordLine}) has no end_of_record`,
        `The file was cut short, e.g. by a failed or partial upload. ${FIX}`,
      );
    }
    if (this.records === 0) {
      throw new InputError(
        'files',
        `${this.source} has no LCOV records (no SF: … end_of_record blocks in ${this.lineNo} lines)`,
        FIX,
      );
    }
    return this.records;
  }

  private checkLength(length: number): void {
    if (length > MAX_LINE) {
      throw new InputError(
        'files',
        `${this.source} line ${this.lineNo + 1} is longer than 1 MiB, which no LCOV file has`,
        `Check that the file is an LCOV tracefile, or set format to the report's real format.`,
      );
    }
  }

  private malformed(buf: Buffer, s: number, e: number, form: string): never {
    const text = buf.toString('utf8', s, Math.min(e, s + 60));
    throw new InputError(
      'files',
      `${this.source} line ${this.lineNo}: ${JSON.stringify(text)} is not ${form}`,
      FIX,
    );
  }

  /** Reads an integer at this.pos (a leading - is allowed; - alone means 0, as in BRDA), leaving pos after it. */
  private int(buf: Buffer, e: number): number {
    let p = this.pos;
    let negative = false;
    if (p < e && buf[p] === MINUS) {
      negative = true;
      p++;
      if (p === e || buf[p] === COMMA) {
        this.pos = p;
        return 0;
      }
    }
    const first = p;
    let value = 0;
    let c: number;
    while (p < e && (c = buf[p] as number) >= ZERO && c <= NINE) {
      value = value * 10 + (c - ZERO);
      p++;
    }
    this.pos = p;
    if (p === first) return NaN;
    return negative ? -value : value;
  }

  private expectRecord(buf: Buffer, s: number, e: number): void {
    if (!this.inRecord) {
      const text = buf.toString('utf8', s, Math.min(e, s + 40));
      throw new InputError(
        'files',
        `${this.source} line ${this.lineNo}: ${JSON.stringify(text)} comes before any SF: line`,
        `Every LCOV record starts with SF:<path>. ${FIX}`,
      );
    }
  }

  private line(buf: Buffer, s: number, e: number): void {
    this.lineNo++;
    if (e > s && buf[e - 1] === CR) e--;
    if (e === s) return;
    const c0 = buf[s];
    const c1 = buf[s + 1];
    const c2 = buf[s + 2];
    if (c0 === 68 && c1 === 65 && c2 === COLON) return this.da(buf, s, e); // DA:
    if (c0 === 66 && c1 === 82) {
      this.expectRecord(buf, s, e);
      if (c2 === 68 && buf[s + 3] === 65 && buf[s + 4] === COLON) return this.brdaLine(buf, s, e); // BRDA:
      if (c2 === 70 && buf[s + 3] === COLON) {
        this.brf = { found: this.count(buf, s + 4, e, 'BRF:<count>'), hit: this.brf?.hit ?? 0 };
        return;
      }
      if (c2 === 72 && buf[s + 3] === COLON) {
        this.brf = { found: this.brf?.found ?? 0, hit: this.count(buf, s + 4, e, 'BRH:<count>') };
        return;
      }
      return;
    }
    if (c0 === 70 && c1 === 78) {
      this.expectRecord(buf, s, e);
      return this.function(buf, s, e, c2);
    }
    if (c0 === 76 && c2 === COLON && (c1 === 70 || c1 === 72)) {
      // LF: / LH:
      this.expectRecord(buf, s, e);
      const value = this.count(buf, s + 3, e, c1 === 70 ? 'LF:<count>' : 'LH:<count>');
      this.lf =
        c1 === 70 ? { found: value, hit: this.lf?.hit ?? 0 } : { found: this.lf?.found ?? 0, hit: value };
      return;
    }
    if (c0 === 83 && c1 === 70 && c2 === COLON) return this.start(buf.toString('utf8', s + 3, e).trim()); // SF:
    if (c0 === 101 && e - s >= 13 && buf.toString('latin1', s, e).trimEnd() === 'end_of_record') {
      this.expectRecord(buf, s, e);
      return this.finish();
    }
    // TN:, VER:, comments and unknown lines carry nothing we count.
  }

  private count(buf: Buffer, from: number, e: number, form: string): number {
    this.pos = from;
    const value = this.int(buf, e);
    if (Number.isNaN(value)) this.malformed(buf, from - 3, e, form);
    return Math.max(0, value);
  }

  private start(path: string): void {
    if (this.inRecord) {
      throw new InputError(
        'files',
        `${this.source} line ${this.lineNo}: SF:${path} starts a record while the one for ${this.path} (line ${this.recordLine}) is still open`,
        `Each record must end with end_of_record; the file may have been concatenated from truncated parts. ${FIX}`,
      );
    }
    if (path === '')
      throw new InputError('files', `${this.source} line ${this.lineNo}: SF: has no path`, FIX);
    this.inRecord = true;
    this.recordLine = this.lineNo;
    this.path = path;
    this.detail = this.sink.wantDetail(path) ? emptyDetail() : undefined;
    this.lineCount = 0;
    this.linesHit = 0;
    this.lastLine = 0;
    this.unordered = false;
    this.lf = undefined;
    this.brda = counter();
    this.brdaSeen = false;
    this.brf = undefined;
    this.fn = 0;
    this.fnda = 0;
    this.fnl = 0;
    this.fnaHit = undefined;
    this.fnf = undefined;
  }

  private da(buf: Buffer, s: number, e: number): void {
    this.expectRecord(buf, s, e);
    this.pos = s + 3;
    const line = this.int(buf, e);
    if (Number.isNaN(line) || buf[this.pos] !== COMMA) this.malformed(buf, s, e, 'DA:<line>,<hits>');
    this.pos++;
    const hits = this.int(buf, e);
    if (Number.isNaN(hits)) this.malformed(buf, s, e, 'DA:<line>,<hits>');
    this.addLine(line, hits);
  }

  private addLine(line: number, hits: number): void {
    if (hits < 0) hits = 0;
    if (this.lineCount === this.lineBuf.length) this.grow();
    this.lineBuf[this.lineCount] = line;
    this.hitBuf[this.lineCount] = hits;
    this.lineCount++;
    if (line <= this.lastLine) this.unordered = true;
    this.lastLine = line;
    if (hits > 0) this.linesHit++;
  }

  private grow(): void {
    const lines = new Int32Array(this.lineBuf.length * 2);
    lines.set(this.lineBuf);
    const hits = new Float64Array(this.hitBuf.length * 2);
    hits.set(this.hitBuf);
    this.lineBuf = lines;
    this.hitBuf = hits;
  }

  private brdaLine(buf: Buffer, s: number, e: number): void {
    // BRDA:<line>,[e]<block>,<branch>,<taken>; taken is - when the branch's condition never ran.
    this.pos = s + 5;
    const line = this.int(buf, e);
    if (Number.isNaN(line) || buf[this.pos] !== COMMA)
      this.malformed(buf, s, e, 'BRDA:<line>,<block>,<branch>,<taken>');
    let last = e - 1;
    while (last > this.pos && buf[last] !== COMMA) last--;
    if (last <= this.pos) this.malformed(buf, s, e, 'BRDA:<line>,<block>,<branch>,<taken>');
    this.pos = last + 1;
    const taken = this.int(buf, e);
    if (Number.isNaN(taken)) this.malformed(buf, s, e, 'BRDA:<line>,<block>,<branch>,<taken>');
    this.brdaSeen = true;
    this.brda.found++;
    if (taken > 0) this.brda.hit++;
    if (this.detail) {
      const c = this.detail.branches.get(line);
      if (c) {
        c.found++;
        if (taken > 0) c.hit++;
      } else this.detail.branches.set(line, { found: 1, hit: taken > 0 ? 1 : 0 });
    }
  }

  private function(buf: Buffer, s: number, e: number, c2: number | undefined): void {
    if (c2 === COLON) {
      // FN:<line>[,<end line>],<name>; a C++ name may itself hold commas.
      this.fn++;
      if (this.detail) {
        const name = this.functionName(buf, s + 3, e);
        if (!this.detail.functions.has(name)) this.detail.functions.set(name, 0);
      }
      return;
    }
    const c3 = buf[s + 3];
    if (c2 === 68 && c3 === 65 && buf[s + 4] === COLON) {
      // FNDA:<hits>,<name>
      this.pos = s + 5;
      const hits = this.int(buf, e);
      if (Number.isNaN(hits) || buf[this.pos] !== COMMA) this.malformed(buf, s, e, 'FNDA:<hits>,<name>');
      if (hits > 0) this.fnda++;
      if (this.detail) {
        const name = buf.toString('utf8', this.pos + 1, e);
        this.detail.functions.set(name, (this.detail.functions.get(name) ?? 0) + Math.max(0, hits));
      }
      return;
    }
    if (c3 !== COLON) return;
    if (c2 === 70 || c2 === 72) {
      // FNF: / FNH:
      const value = this.count(buf, s + 4, e, c2 === 70 ? 'FNF:<count>' : 'FNH:<count>');
      this.fnf =
        c2 === 70 ? { found: value, hit: this.fnf?.hit ?? 0 } : { found: this.fnf?.found ?? 0, hit: value };
      return;
    }
    if (c2 === 76) {
      // FNL:<index>,<line>[,<end line>] (lcov 2.2)
      this.pos = s + 4;
      const index = this.int(buf, e);
      if (Number.isNaN(index)) this.malformed(buf, s, e, 'FNL:<index>,<line>');
      this.fnl++;
      if (this.detail && !this.detail.functions.has(`#${index}`)) this.detail.functions.set(`#${index}`, 0);
      return;
    }
    if (c2 === 65) {
      // FNA:<index>,<hits>,<name> (lcov 2.2): an alias of function <index>.
      this.pos = s + 4;
      const index = this.int(buf, e);
      if (Number.isNaN(index) || buf[this.pos] !== COMMA)
        this.malformed(buf, s, e, 'FNA:<index>,<hits>,<name>');
      this.pos++;
      const hits = this.int(buf, e);
      if (Number.isNaN(hits)) this.malformed(buf, s, e, 'FNA:<index>,<hits>,<name>');
      if (hits > 0) (this.fnaHit ??= new Set()).add(index);
      if (this.detail) {
        const key = `#${index}`;
        this.detail.functions.set(key, (this.detail.functions.get(key) ?? 0) + Math.max(0, hits));
      }
    }
  }

  private functionName(buf: Buffer, from: number, e: number): string {
    this.pos = from;
    this.int(buf, e);
    if (buf[this.pos] === COMMA) this.pos++;
    const afterLine = this.pos;
    // An end line is digits followed by a comma; a name never starts that way.
    this.int(buf, e);
    const start = buf[this.pos] === COMMA && this.pos > afterLine ? this.pos + 1 : afterLine;
    return buf.toString('utf8', start, e);
  }

  private finish(): void {
    this.inRecord = false;
    this.records++;
    const detail = this.detail;
    let lines: Counter;
    if (this.lineCount === 0) lines = this.lf ?? counter();
    else if (!this.unordered && !detail) lines = { found: this.lineCount, hit: this.linesHit };
    else {
      // Repeated or unordered DA lines: merge by line number (hits add up, as lcov itself does).
      const map = detail?.lines ?? new Map<number, number>();
      for (let i = 0; i < this.lineCount; i++) {
        const line = this.lineBuf[i] as number;
        map.set(line, (map.get(line) ?? 0) + (this.hitBuf[i] as number));
      }
      lines = counter(map.size);
      for (const hits of map.values()) if (hits > 0) lines.hit++;
    }
    const branches = this.brdaSeen ? this.brda : (this.brf ?? counter());
    let functions: Counter;
    if (detail && (this.fn > 0 || this.fnl > 0)) {
      functions = counter(detail.functions.size);
      for (const hits of detail.functions.values()) if (hits > 0) functions.hit++;
    } else if (this.fn > 0) functions = { found: this.fn, hit: Math.min(this.fnda, this.fn) };
    else if (this.fnl > 0) functions = { found: this.fnl, hit: Math.min(this.fnaHit?.size ?? 0, this.fnl) };
    else functions = this.fnf ?? counter();
    const record: FileRecord = { path: this.path, lines, branches: { ...branches }, functions, detail };
    this.detail = undefined;
    this.sink.record(record);
  }
}

/** Parses a whole LCOV text (tests and small inputs). */
export function parseLcovText(source: string, text: string, sink: RecordSink): number {
  const parser = new LcovParser(source, sink);
  parser.push(Buffer.from(text));
  return parser.end();
}
