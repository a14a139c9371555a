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
import { InputError } from '../shared/errors.js';
import { code } from '../shared/markdown.js';
import { counter, emptyDetail, type Counter, type FileDetail, type FileRecord } from './model.js';
import type { RecordSink } from './sink.js';
import { excerpt, reportSource, type ReportSource } from './source.js';

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

const FIX =
  'Regenerate the report (e.g. jest --coverage, c8 report -r lcov, geninfo) and check the upload step.';
const MIXED_FIX =
  'The file mixes LCOV with other output: write the report to its own file (e.g. jest --coverageReporters=lcov, c8 report -r lcov, lcov -o) instead of capturing what a command printed.';

/** What a line is, from its first bytes. */
const enum Kind {
  DA,
  BRDA,
  BRF,
  BRH,
  FN,
  FNDA,
  FNF,
  FNH,
  FNL,
  FNA,
  LF,
  LH,
  SF,
  TN,
  VER,
  END,
  /** Another `KEY:` line (lcov 2.x MCDC:, …): skipped inside records. */
  KEY,
  TEXT,
}

/** A stated counter (LF/LH, BRF/BRH, FNF/FNH) and the lines it was read from; -1 where a line is absent. */
interface Stated {
  found: number;
  hit: number;
  foundLine: number;
  hitLine: number;
}

const stated = (): Stated => ({ found: -1, hit: -1, foundLine: 0, hitLine: 0 });

/** One object per parser, reset per record: a fresh one per record was garbage on large reports. */
function resetStated(s: Stated): void {
  s.found = -1;
  s.hit = -1;
  s.foundLine = 0;
  s.hitLine = 0;
}

const END_OF_RECORD = [...'end_of_record'].map((c) => c.charCodeAt(0));

/** `end_of_record`, perhaps with trailing blanks, compared as bytes (no string per record). */
function isEndOfRecord(buf: Buffer, s: number, e: number): boolean {
  for (let i = 0; i < 13; i++) if (buf[s + i] !== END_OF_RECORD[i]) return false;
  for (let i = s + 13; i < e; i++) if (buf[i] !== 32 && buf[i] !== 9) return false;
  return true;
}

export class LcovParser {
  private readonly source: ReportSource;
  private carry: Buffer | undefined;
  private lineNo = 0;
  private records = 0;
  /** The first record line (TN:, SF:, VER:) has been seen; lines before it are a preamble. */
  private started = false;
  private preamble = 0;
  private preambleFirst = '';
  private inRecord = false;
  private recordLine = 0;
  private lastEnd = 0;
  private path = '';
  private detail: FileDetail | undefined;
  // Per-record counting, reused across records to avoid allocation.
  private lineBuf = new Int32Array(1024);
  private hitBuf = new Float64Array(1024);
  private lineCount = 0;
  private linesHit = 0;
  private lastLine = 0;
  private unordered = false;
  private readonly lf = stated();
  private readonly brda = counter();
  private brdaSeen = false;
  private readonly brf = stated();
  private fn = 0;
  private fnda = 0;
  private fnl = 0;
  private fnaHit: Set<number> | undefined;
  private readonly fnf = stated();
  /** Records whose LF/LH disagree with their DA lines, and the first of them. */
  private disagreeing = 0;
  private disagreeingExample = '';
  // Cursor for number parsing.
  private pos = 0;

  constructor(
    source: string | ReportSource,
    private readonly sink: RecordSink,
  ) {
    this.source = reportSource(source);
  }

  /** Takes the next bytes. The chunk may be reused by the caller afterwards: a partial line is copied. */
  push(chunk: Buffer): void {
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
    if (last >= start) start = this.lines(chunk, start, last);
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
  private lines(buf: Buffer, p: number, last: number): number {
    let c: number | undefined;
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
            if (c === CR) c = buf[++q];
            if (c === NL && q > from) {
              this.lineNo++;
              this.addLine(line, hits);
              p = q + 1;
              continue;
            }
          }
        } else if (
          buf[p] === 66 &&
          buf[p + 1] === 82 &&
          buf[p + 2] === 68 &&
          buf[p + 3] === 65 &&
          buf[p + 4] === COLON
        ) {
          // BRDA:<line>,<block>,<branch>,<taken>: the line, then the last field.
          let q = p + 5;
          let line = 0;
          while ((c = buf[q]) !== undefined && c >= ZERO && c <= NINE) {
            line = line * 10 + c - ZERO;
            q++;
          }
          let e = q;
          while (buf[e] !== NL) e++;
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
            } else if (buf[t - 1] === COMMA && t - 1 > q) {
              this.lineNo++;
              this.addBranch(line, taken);
              p = e + 1;
              continue;
            }
          }
        } else if (buf[p] === 70 && buf[p + 1] === 78 && this.detail === undefined) {
          // FN:<line>,… and FNDA:<hits>,<name> outside detail mode: only the counts matter here.
          if (buf[p + 2] === COLON) {
            let q = p + 3;
            let line = 0;
            while ((c = buf[q]) !== undefined && c >= ZERO && c <= NINE) {
              line = line * 10 + c - ZERO;
              q++;
            }
            if (c === COMMA && line > 0) {
              while (buf[q] !== NL) q++;
              this.lineNo++;
              this.fn++;
              p = q + 1;
              continue;
            }
          } else if (buf[p + 2] === 68 && buf[p + 3] === 65 && buf[p + 4] === COLON) {
            let q = p + 5;
            let hits = 0;
            while ((c = buf[q]) !== undefined && c >= ZERO && c <= NINE) {
              hits = hits * 10 + c - ZERO;
              q++;
            }
            if (c === COMMA && q > p + 5) {
              while (buf[q] !== NL) q++;
              this.lineNo++;
              if (hits > 0) this.fnda++;
              p = q + 1;
              continue;
            }
          }
        }
      }
      // Other lines are short: a byte loop beats indexOf's call overhead (buf[last] is a newline).
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
        `${this.source.display} is a truncated LCOV file: ${this.recordRef()} has no end_of_record`,
        `The file was cut short, e.g. by a failed or partial upload. ${FIX}`,
      );
    }
    if (this.records === 0) {
      throw new InputError(
        'files',
        `${this.source.display} has no LCOV records (no SF: … end_of_record blocks in ${this.lineNo} lines)`,
        FIX,
      );
    }
    return this.records;
  }

  /** What the report's reader should know: skipped preamble, stated totals that disagree with the data. */
  notes(): string[] {
    const notes: string[] = [];
    const name = code(this.source.display);
    if (this.preamble > 0)
      notes.push(
        `${name}: ${this.preamble} line(s) before the first record were skipped${this.source.quote ? ` (the first: ${code(this.preambleFirst)})` : ''}, e.g. a test runner's output written into the report.`,
      );
    if (this.disagreeing > 0)
      notes.push(
        `${name}: in ${this.disagreeing} record(s)${this.source.quote ? ` (e.g. ${code(this.disagreeingExample)})` : ''} LF/LH differ from the DA lines; the DA lines are counted, as lcov itself does.`,
      );
    return notes;
  }

  private checkLength(length: number): void {
    if (length > MAX_LINE) {
      throw new InputError(
        'files',
        `${this.source.display} line ${this.lineNo + 1} is longer than 1 MiB, which no LCOV file has`,
        `Check that the file is an LCOV tracefile, or set format to the report's real format.`,
      );
    }
  }

  /** One error naming the file and line; `quoted` may show report text, `plain` must not. */
  private fail(quoted: string, plain: string, fix = FIX): never {
    const problem = this.source.quote ? quoted : plain;
    throw new InputError('files', `${this.source.display} line ${this.lineNo}: ${problem}`, fix);
  }

  private text(buf: Buffer, s: number, e: number): string {
    return excerpt(buf.toString('utf8', s, Math.min(e, s + 160)));
  }

  private recordRef(): string {
    if (!this.source.quote) return `the record starting at line ${this.recordLine}`;
    // eslint-disable-next-line no-control-regex
    const path = /[\u0000-\u001f\u007f]/.test(this.path) ? JSON.stringify(this.path) : this.path;
    return `the record for ${path.length > 200 ? `${path.slice(0, 200)}…` : path} (line ${this.recordLine})`;
  }

  private malformed(buf: Buffer, s: number, e: number, form: string): never {
    this.fail(`${this.text(buf, s, e)} is not ${form}`, `the line is not ${form}`);
  }

  /** Reads an integer at this.pos (an optional leading -), leaving pos after it; NaN when there are no digits. */
  private int(buf: Buffer, e: number): number {
    let p = this.pos;
    let negative = false;
    if (p < e && buf[p] === MINUS) {
      negative = true;
      p++;
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

  /**
   * An execution count ending at a comma or the line's end: an integer, or (lcov 2.x) a decimal or
   * exponent form such as 1.0e+19. Refuses negative and non-numeric counts. Leaves pos on the delimiter.
   */
  private countAt(buf: Buffer, from: number, e: number, s: number, form: string): number {
    this.pos = from;
    const value = this.int(buf, e);
    if (!Number.isNaN(value) && (this.pos === e || buf[this.pos] === COMMA)) {
      if (value < 0) this.negative(buf, s, e);
      return value;
    }
    let end = from;
    while (end < e && buf[end] !== COMMA) end++;
    const number = Number(buf.toString('latin1', from, end));
    if (from === end || !Number.isFinite(number)) this.malformed(buf, s, e, form);
    if (number < 0) this.negative(buf, s, e);
    this.pos = end;
    return number;
  }

  private negative(buf: Buffer, s: number, e: number): never {
    this.fail(
      `${this.text(buf, s, e)} has a negative count in ${this.recordRef()}`,
      `a count is negative in ${this.recordRef()}`,
      `Coverage data with counts below zero is corrupt (lcov refuses it too); it is not clamped. ${FIX}`,
    );
  }

  private lineNumber(buf: Buffer, s: number, e: number, form: string): number {
    const line = this.int(buf, e);
    if (Number.isNaN(line)) this.malformed(buf, s, e, form);
    if (line <= 0)
      this.fail(
        `${this.text(buf, s, e)} names line ${line} in ${this.recordRef()}; lines are numbered from 1`,
        `a line number is ${line < 0 ? 'negative' : 'zero'} in ${this.recordRef()}; lines are numbered from 1`,
        `The report is corrupt (often a source map that did not resolve). ${FIX}`,
      );
    return line;
  }

  private kind(buf: Buffer, s: number, e: number): Kind {
    const c0 = buf[s];
    const c1 = buf[s + 1];
    const c2 = buf[s + 2];
    const c3 = buf[s + 3];
    const c4 = buf[s + 4];
    if (c0 === 68 && c1 === 65 && c2 === COLON) return Kind.DA;
    if (c0 === 66 && c1 === 82) {
      if (c2 === 68 && c3 === 65 && c4 === COLON) return Kind.BRDA;
      if (c3 === COLON && c2 === 70) return Kind.BRF;
      if (c3 === COLON && c2 === 72) return Kind.BRH;
    } else if (c0 === 70 && c1 === 78) {
      if (c2 === COLON) return Kind.FN;
      if (c2 === 68 && c3 === 65 && c4 === COLON) return Kind.FNDA;
      if (c3 === COLON) {
        if (c2 === 70) return Kind.FNF;
        if (c2 === 72) return Kind.FNH;
        if (c2 === 76) return Kind.FNL;
        if (c2 === 65) return Kind.FNA;
      }
    } else if (c0 === 76 && c2 === COLON) {
      if (c1 === 70) return Kind.LF;
      if (c1 === 72) return Kind.LH;
    } else if (c0 === 83 && c1 === 70 && c2 === COLON) return Kind.SF;
    else if (c0 === 84 && c1 === 78 && c2 === COLON) return Kind.TN;
    else if (c0 === 86 && c1 === 69 && c2 === 82 && c3 === COLON) return Kind.VER;
    else if (c0 === 101 && e - s >= 13 && isEndOfRecord(buf, s, e)) return Kind.END;
    let k = s;
    let c: number;
    while (k < e && k - s < 16 && (c = buf[k] as number) >= UPPER_A && c <= UPPER_Z) k++;
    return k > s && buf[k] === COLON ? Kind.KEY : Kind.TEXT;
  }

  private line(buf: Buffer, s: number, e: number): void {
    this.lineNo++;
    if (e > s && buf[e - 1] === CR) e--;
    if (this.lineNo === 1 && buf[s] === 0xef && buf[s + 1] === 0xbb && buf[s + 2] === 0xbf) s += 3;
    if (e === s || buf[s] === HASH) return; // blank lines and comments, as lcov skips them
    const kind = this.kind(buf, s, e);
    if (!this.started) {
      if (kind === Kind.KEY || kind === Kind.TEXT) {
        if (this.preamble++ === 0) this.preambleFirst = buf.toString('utf8', s, Math.min(e, s + 60));
        return;
      }
      this.started = true;
    }
    if (!this.inRecord) return this.outside(buf, s, e, kind);
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
        return this.fail(
          `${this.text(buf, s, e)} starts a record while ${this.recordRef()} is still open`,
          `an SF: line starts a record while ${this.recordRef()} is still open`,
          `Each record must end with end_of_record; the file may have been concatenated from truncated parts. ${FIX}`,
        );
      case Kind.END:
        return this.finish();
      case Kind.TEXT:
        return this.fail(
          `${this.text(buf, s, e)} is not an LCOV line (in ${this.recordRef()})`,
          `the line is not an LCOV line (in ${this.recordRef()})`,
          MIXED_FIX,
        );
      default:
      // TN:, VER: and keys this parser does not count (lcov 2.x MCDC:, …) carry nothing it totals.
    }
  }

  /** A line outside any record, after the first record started. */
  private outside(buf: Buffer, s: number, e: number, kind: Kind): void {
    if (kind === Kind.SF) return this.start(buf.toString('utf8', s + 3, e).trim());
    if (kind === Kind.TN || kind === Kind.VER) return;
    const where =
      this.lastEnd > 0 ? `after the end_of_record at line ${this.lastEnd}` : 'before any SF: line';
    if (kind === Kind.KEY || kind === Kind.TEXT)
      this.fail(
        `${this.text(buf, s, e)} is not an LCOV line (${where}); after the first record every line belongs to a record`,
        `the line is not an LCOV line (${where}); after the first record every line belongs to a record`,
        MIXED_FIX,
      );
    this.fail(
      `${this.text(buf, s, e)} comes ${where}`,
      `LCOV data comes ${where}`,
      `Every LCOV record starts with SF:<path> and ends with end_of_record. ${FIX}`,
    );
  }

  private statedLine(
    into: Stated,
    found: boolean,
    buf: Buffer,
    s: number,
    e: number,
    at: number,
    form: string,
  ) {
    let end = e;
    while (end > s + at && (buf[end - 1] === 32 || buf[end - 1] === 9)) end--;
    this.pos = s + at;
    const value = this.int(buf, end);
    if (Number.isNaN(value) || this.pos !== end) this.malformed(buf, s, e, form);
    if (value < 0) this.negative(buf, s, e);
    if (found) {
      into.found = value;
      into.foundLine = this.lineNo;
    } else {
      into.hit = value;
      into.hitLine = this.lineNo;
    }
  }

  private start(path: string): void {
    if (path === '') this.fail('SF: has no path', 'SF: has no path');
    this.inRecord = true;
    this.recordLine = this.lineNo;
    this.path = path;
    this.detail = this.sink.wantDetail(path) ? emptyDetail() : undefined;
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

  private da(buf: Buffer, s: number, e: number): void {
    const form = 'DA:<line>,<hits>';
    this.pos = s + 3;
    const line = this.lineNumber(buf, s, e, form);
    if (buf[this.pos] !== COMMA) this.malformed(buf, s, e, form);
    const hits = this.countAt(buf, this.pos + 1, e, s, form);
    this.addLine(line, hits);
  }

  private addLine(line: number, hits: number): void {
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
    const form = 'BRDA:<line>,<block>,<branch>,<taken>';
    this.pos = s + 5;
    const line = this.lineNumber(buf, s, e, form);
    if (buf[this.pos] !== COMMA) this.malformed(buf, s, e, form);
    let last = e - 1;
    while (last > this.pos && buf[last] !== COMMA) last--;
    if (last <= this.pos) this.malformed(buf, s, e, form);
    const taken = last + 2 === e && buf[last + 1] === MINUS ? 0 : this.countAt(buf, last + 1, e, s, form);
    this.addBranch(line, taken);
  }

  private addBranch(line: number, taken: number): void {
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

  private fnLine(buf: Buffer, s: number, e: number): void {
    // FN:<line>[,<end line>],<name>; a C++ name may itself hold commas.
    this.pos = s + 3;
    this.lineNumber(buf, s, e, 'FN:<line>,<name>');
    this.fn++;
    if (this.detail) {
      const name = this.functionName(buf, e);
      if (!this.detail.functions.has(name)) this.detail.functions.set(name, 0);
    }
  }

  private fndaLine(buf: Buffer, s: number, e: number): void {
    // FNDA:<hits>,<name>
    const hits = this.countAt(buf, s + 5, e, s, 'FNDA:<hits>,<name>');
    if (buf[this.pos] !== COMMA) this.malformed(buf, s, e, 'FNDA:<hits>,<name>');
    if (hits > 0) this.fnda++;
    if (this.detail) {
      const name = buf.toString('utf8', this.pos + 1, e);
      this.detail.functions.set(name, (this.detail.functions.get(name) ?? 0) + hits);
    }
  }

  private fnlLine(buf: Buffer, s: number, e: number): void {
    // FNL:<index>,<line>[,<end line>] (lcov 2.2)
    const form = 'FNL:<index>,<line>';
    this.pos = s + 4;
    const index = this.int(buf, e);
    if (Number.isNaN(index) || index < 0 || buf[this.pos] !== COMMA) this.malformed(buf, s, e, form);
    this.pos++;
    this.lineNumber(buf, s, e, form);
    this.fnl++;
    if (this.detail && !this.detail.functions.has(`#${index}`)) this.detail.functions.set(`#${index}`, 0);
  }

  private fnaLine(buf: Buffer, s: number, e: number): void {
    // FNA:<index>,<hits>,<name> (lcov 2.2): an alias of function <index>.
    const form = 'FNA:<index>,<hits>,<name>';
    this.pos = s + 4;
    const index = this.int(buf, e);
    if (Number.isNaN(index) || index < 0 || buf[this.pos] !== COMMA) this.malformed(buf, s, e, form);
    const hits = this.countAt(buf, this.pos + 1, e, s, form);
    if (hits > 0) (this.fnaHit ??= new Set()).add(index);
    if (this.detail) {
      const key = `#${index}`;
      this.detail.functions.set(key, (this.detail.functions.get(key) ?? 0) + hits);
    }
  }

  /** The name of an FN line whose line number was just read (pos is after it). */
  private functionName(buf: Buffer, e: number): string {
    if (buf[this.pos] === COMMA) this.pos++;
    const afterLine = this.pos;
    // An end line is digits followed by a comma; a name never starts that way.
    this.int(buf, e);
    const start = buf[this.pos] === COMMA && this.pos > afterLine ? this.pos + 1 : afterLine;
    return buf.toString('utf8', start, e);
  }

  /** A stated counter's hit side may not exceed its found side: such a record is corrupt. */
  private checkStated(c: Stated, found: string, hit: string): Counter {
    const f = Math.max(c.found, 0);
    const h = Math.max(c.hit, 0);
    if (h > f) {
      this.lineNo = Math.max(c.foundLine, c.hitLine);
      this.fail(
        `${hit}:${h} is greater than ${found}:${f} in ${this.recordRef()}`,
        `${hit} is greater than ${found} in ${this.recordRef()}`,
        `More covered than found means the report is corrupt; it is not clamped to 100%. ${FIX}`,
      );
    }
    return counter(f, h);
  }

  private finish(): void {
    const endLine = this.lineNo;
    const lf = this.checkStated(this.lf, 'LF', 'LH');
    const brf = this.checkStated(this.brf, 'BRF', 'BRH');
    const fnf = this.checkStated(this.fnf, 'FNF', 'FNH');
    this.lineNo = endLine;
    this.inRecord = false;
    this.lastEnd = endLine;
    this.records++;
    const detail = this.detail;
    let lines: Counter;
    if (this.lineCount === 0) lines = lf;
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
    if (
      this.lineCount > 0 &&
      this.lf.found >= 0 &&
      (this.lf.found !== lines.found || (this.lf.hit >= 0 && this.lf.hit !== lines.hit))
    ) {
      if (this.disagreeing++ === 0) this.disagreeingExample = this.path;
    }
    const branches = this.brdaSeen ? this.brda : brf;
    let functions: Counter;
    if (detail && (this.fn > 0 || this.fnl > 0)) {
      functions = counter(detail.functions.size);
      for (const hits of detail.functions.values()) if (hits > 0) functions.hit++;
    } else if (this.fn > 0) functions = { found: this.fn, hit: Math.min(this.fnda, this.fn) };
    else if (this.fnl > 0) functions = { found: this.fnl, hit: Math.min(this.fnaHit?.size ?? 0, this.fnl) };
    else functions = fnf;
    const record: FileRecord = { path: this.path, lines, branches: { ...branches }, functions, detail };
    this.detail = undefined;
    this.sink.record(record);
  }
}

/** Parses a whole LCOV text (tests and small inputs). */
export function parseLcovText(source: string | ReportSource, text: string, sink: RecordSink): number {
  const parser = new LcovParser(source, sink);
  parser.push(Buffer.from(text));
  return parser.end();
}
