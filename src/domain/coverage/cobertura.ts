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
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { InputError } from '../shared/errors.js';
import { counter, emptyDetail, type Counter, type FileDetail } from './model.js';
import type { RecordSink } from './sink.js';
import { detached, excerpt, reportSource, type ReportSource } from './source.js';
import { unreadFormat, unreadXml } from './detect.js';

const FIX =
  'Regenerate the report (e.g. coverage xml, pytest --cov-report=xml, gcovr --cobertura) and check that the upload step copied all of it.';

const RATES = ['line-rate', 'branch-rate'] as const;

interface Pending {
  path: string;
  line: number;
  lines: Counter;
  branches: Counter;
  functions: Counter;
  detail?: FileDetail;
}

export class CoberturaParser {
  private readonly source: ReportSource;
  private readonly xml = new SaxesParser<{ xmlns: false }>({ xmlns: false });
  private readonly sources: string[] = [];
  private sourceText = '';
  private root: string | undefined;
  private rootClover = false;
  private elements = 0;
  private current: Pending | undefined;
  /** Consecutive <class> elements of one file (inner classes) make one record. */
  private pending: Pending | undefined;
  private inMethod = false;
  private methodHit = false;
  private records = 0;
  private readonly collectText = (text: string) => {
    this.sourceText += text;
  };

  constructor(
    source: string | ReportSource,
    private readonly sink: RecordSink,
  ) {
    this.source = reportSource(source);
    this.xml.on('opentag', (tag) => this.open(tag));
    this.xml.on('closetag', (tag) => this.close(tag.name));
  }

  push(text: string): void {
    try {
      this.xml.write(text);
    } catch (error) {
      throw this.invalid(error);
    }
  }

  end(): number {
    try {
      this.xml.close();
    } catch (error) {
      throw this.invalid(error);
    }
    if (this.root === undefined) {
      throw new InputError('files', `${this.source.display} has no XML elements`, FIX);
    }
    this.checkRoot(undefined);
    this.flush();
    return this.records;
  }

  private invalid(error: unknown): Error {
    if (error instanceof InputError) return error;
    const message = error instanceof Error ? error.message : String(error);
    // saxes messages start with "file:line:column: "; some quote the document ("unclosed tag: x").
    const where = /^(?:[^:\d][^:]*:)?(\d+):(\d+): ?(.*)$/s.exec(message);
    const detail = where
      ? `line ${where[1]}, column ${where[2]}${this.source.quote ? `: ${excerpt(where[3] ?? '', 60)}` : ''}`
      : this.source.quote
        ? excerpt(message, 60)
        : 'malformed';
    return new InputError(
      'files',
      `${this.source.display} is not valid XML (${detail})`,
      `The file may be truncated or not a Cobertura report. ${FIX}`,
    );
  }

  private fail(quoted: string, plain: string): never {
    throw new InputError(
      'files',
      `${this.source.display} line ${this.xml.line}: ${this.source.quote ? quoted : plain}`,
      FIX,
    );
  }

  private where(file: Pending | undefined): string {
    if (!file) return 'outside any <class>';
    return this.source.quote
      ? `in the <class> for ${excerpt(file.path, 120)} (line ${file.line})`
      : `in the <class> starting at line ${file.line}`;
  }

  private attr(tag: SaxesTagPlain, name: string): string | undefined {
    const value = tag.attributes[name];
    return typeof value === 'string' ? value : undefined;
  }

  /** The root and its first child name the format: SonarQube, JaCoCo, Clover, OpenCover are not Cobertura. */
  private checkRoot(firstChild: string | undefined): void {
    const unread = unreadXml(this.root as string, firstChild, this.rootClover);
    if (unread) throw unreadFormat(this.source, unread);
    if (this.root !== 'coverage')
      throw new InputError(
        'files',
        `${this.source.display} is not a Cobertura report${this.source.quote ? `: its root element is <${excerpt(this.root as string, 40).slice(1, -1)}>, not <coverage>` : ''}`,
        FIX,
      );
  }

  /** line-rate and branch-rate are fractions: above 1 (or below 0) the report is corrupt. */
  private checkRates(tag: SaxesTagPlain, file: Pending | undefined): void {
    for (const name of RATES) {
      const raw = this.attr(tag, name);
      if (raw === undefined) continue;
      const rate = Number(raw);
      if (Number.isFinite(rate) && (rate > 1 || rate < 0))
        this.fail(
          `<${tag.name}> has ${name}=${excerpt(raw, 20)} ${this.where(file)}; rates run from 0 to 1`,
          `<${tag.name}> has a ${name} outside 0-1 ${this.where(file)}`,
        );
    }
  }

  private open(tag: SaxesTagPlain): void {
    const name = tag.name;
    if (this.root === undefined) {
      this.root = name;
      this.rootClover = this.attr(tag, 'clover') !== undefined;
      if (name !== 'coverage') this.checkRoot(undefined);
      this.checkRates(tag, undefined);
      return;
    }
    if (this.elements++ === 0) this.checkRoot(name);
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
        if (path === '') this.fail('<class> has no filename attribute', '<class> has no filename attribute');
        if (this.pending && this.pending.path === path) {
          this.current = this.pending;
          this.pending = undefined;
        } else {
          this.flush();
          const kept = detached(path);
          this.current = {
            path: kept,
            line: this.xml.line,
            lines: counter(),
            branches: counter(),
            functions: counter(),
            detail: this.sink.wantDetail(kept, this.sources) ? emptyDetail() : undefined,
          };
        }
        this.checkRates(tag, this.current);
        return;
      }
      case 'method':
        if (!this.current) return;
        this.checkRates(tag, this.current);
        this.inMethod = true;
        this.methodHit = Number(this.attr(tag, 'line-rate') ?? 0) > 0;
        this.current.functions.found++;
        return;
      case 'line':
        if (this.current) this.lineElement(tag, this.current);
        return;
    }
  }

  private lineElement(tag: SaxesTagPlain, file: Pending): void {
    const rawNumber = this.attr(tag, 'number') ?? '';
    const number = Number(rawNumber);
    if (!/^\s*\d+\s*$/.test(rawNumber) || number < 1)
      this.fail(
        `<line> has number=${excerpt(rawNumber, 20)} ${this.where(file)}, not a line number (lines are numbered from 1)`,
        `<line> has a number that is not a line number (lines are numbered from 1) ${this.where(file)}`,
      );
    const rawHits = this.attr(tag, 'hits');
    const hits = Number(rawHits);
    if (rawHits === undefined || rawHits.trim() === '' || !Number.isFinite(hits) || hits < 0)
      this.fail(
        `<line number="${number}"> has hits=${excerpt(rawHits ?? '', 20)} ${this.where(file)}; hits is a count of zero or more`,
        `<line> has a hits value that is not a count of zero or more ${this.where(file)}`,
      );
    if (this.inMethod) {
      if (hits > 0) this.methodHit = true;
      return;
    }
    file.lines.found++;
    if (hits > 0) file.lines.hit++;
    if (file.detail) file.detail.lines.set(number, (file.detail.lines.get(number) ?? 0) + hits);
    if (this.attr(tag, 'branch')?.toLowerCase() !== 'true') return;
    const raw = this.attr(tag, 'condition-coverage') ?? '';
    const condition = /\((\d+)\/(\d+)\)/.exec(raw);
    if (!condition) return;
    const hit = Number(condition[1]);
    const found = Number(condition[2]);
    if (hit > found)
      this.fail(
        `<line number="${number}"> has condition-coverage=${excerpt(raw, 30)} ${this.where(file)}: more conditions covered than it has`,
        `<line> covers more conditions than it has ${this.where(file)}`,
      );
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

  private close(name: string): void {
    switch (name) {
      case 'source': {
        this.xml.off('text');
        const root = this.sourceText.trim();
        if (root) this.sources.push(detached(root));
        return;
      }
      case 'method':
        if (this.inMethod && this.current) {
          if (this.methodHit) this.current.functions.hit++;
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

  private flush(): void {
    const file = this.pending;
    if (!file) return;
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

export function parseCoberturaText(source: string | ReportSource, text: string, sink: RecordSink): number {
  const parser = new CoberturaParser(source, sink);
  parser.push(text);
  return parser.end();
}
