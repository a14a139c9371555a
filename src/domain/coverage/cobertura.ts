/**
 * Cobertura XML parser (coverage.py `coverage xml`, gcovr, PHPUnit, ReportGenerator, Istanbul `cobertura`).
 * Streams through saxes: text is pushed chunk by chunk and each <class> becomes a record when it closes.
 *
 * Counted from the class-level <lines>: a line with hits > 0 is covered; `branch="true"` lines carry
 * `condition-coverage="50% (1/2)"`. Each <method> is a function, covered when one of its lines ran.
 * Filenames are relative to one of the <source> roots, which travel with the record for path resolution.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { InputError } from '../shared/errors.js';
import { counter, emptyDetail, type Counter, type FileDetail } from './model.js';
import type { RecordSink } from './sink.js';

const FIX =
  'Regenerate the report (e.g. coverage xml, pytest --cov-report=xml) and check that the upload step copied all of it.';

interface Pending {
  path: string;
  lines: Counter;
  branches: Counter;
  functions: Counter;
  detail?: FileDetail;
}

export class CoberturaParser {
  private readonly xml = new SaxesParser<{ xmlns: false }>({ xmlns: false });
  private readonly sources: string[] = [];
  private inSource = false;
  private sourceText = '';
  private root: string | undefined;
  private current: Pending | undefined;
  /** Consecutive <class> elements of one file (inner classes) make one record. */
  private pending: Pending | undefined;
  private inMethod = false;
  private methodHit = false;
  private records = 0;
  private classes = 0;

  constructor(
    private readonly source: string,
    private readonly sink: RecordSink,
  ) {
    this.xml.on('opentag', (tag) => this.open(tag));
    this.xml.on('closetag', (tag) => this.close(tag.name));
    this.xml.on('text', (text) => {
      if (this.inSource) this.sourceText += text;
    });
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
    this.flush();
    if (this.root === undefined) {
      throw new InputError('files', `${this.source} has no XML elements`, FIX);
    }
    return this.records;
  }

  private invalid(error: unknown): Error {
    if (error instanceof InputError) return error;
    const message = error instanceof Error ? error.message : String(error);
    // saxes messages start with "file:line:column: ".
    return new InputError(
      'files',
      `${this.source} is not valid XML (${message.replace(/^[^:]*:/, 'line ')})`,
      `The file may be truncated or not a Cobertura report. ${FIX}`,
    );
  }

  private attr(tag: SaxesTagPlain, name: string): string | undefined {
    const value = tag.attributes[name];
    return typeof value === 'string' ? value : undefined;
  }

  private open(tag: SaxesTagPlain): void {
    const name = tag.name;
    if (this.root === undefined) {
      this.root = name;
      if (name !== 'coverage') {
        const hint =
          name === 'report'
            ? 'This looks like a JaCoCo report, which is not supported; use JaCoCo with a Cobertura converter.'
            : `Its root element is <${name}>, not <coverage>.`;
        throw new InputError('files', `${this.source} is not a Cobertura report. ${hint}`, FIX);
      }
      if (this.attr(tag, 'clover') !== undefined) {
        throw new InputError(
          'files',
          `${this.source} is a Clover report, which is not supported`,
          'Produce Cobertura XML or LCOV instead (most tools that write Clover can write one of them).',
        );
      }
      return;
    }
    switch (name) {
      case 'source':
        this.inSource = true;
        this.sourceText = '';
        return;
      case 'class': {
        this.classes++;
        const path = (this.attr(tag, 'filename') ?? '').trim();
        if (path === '') {
          throw new InputError(
            'files',
            `${this.source} line ${this.xml.line}: <class> has no filename attribute`,
            FIX,
          );
        }
        if (this.pending && this.pending.path === path) {
          this.current = this.pending;
          this.pending = undefined;
        } else {
          this.flush();
          this.current = {
            path,
            lines: counter(),
            branches: counter(),
            functions: counter(),
            detail: this.sink.wantDetail(path, this.sources) ? emptyDetail() : undefined,
          };
        }
        return;
      }
      case 'method':
        if (!this.current) return;
        this.inMethod = true;
        this.methodHit = Number(this.attr(tag, 'line-rate') ?? 0) > 0;
        this.current.functions.found++;
        return;
      case 'line':
        if (this.current) this.lineElement(tag, this.current);
        return;
      case 'project':
        throw new InputError(
          'files',
          `${this.source} is a Clover report (it has <project>), which is not supported`,
          'Produce Cobertura XML or LCOV instead.',
        );
    }
  }

  private lineElement(tag: SaxesTagPlain, file: Pending): void {
    const number = Number(this.attr(tag, 'number'));
    const hits = Math.max(0, Number(this.attr(tag, 'hits') ?? 0) || 0);
    if (!Number.isInteger(number) || number < 0) {
      throw new InputError(
        'files',
        `${this.source} line ${this.xml.line}: <line> has number=${JSON.stringify(this.attr(tag, 'number') ?? '')}, not a line number`,
        FIX,
      );
    }
    if (this.inMethod) {
      if (hits > 0) this.methodHit = true;
      return;
    }
    file.lines.found++;
    if (hits > 0) file.lines.hit++;
    if (file.detail) file.detail.lines.set(number, (file.detail.lines.get(number) ?? 0) + hits);
    if (this.attr(tag, 'branch') !== 'true') return;
    const condition = /\((\d+)\/(\d+)\)/.exec(this.attr(tag, 'condition-coverage') ?? '');
    if (!condition) return;
    const hit = Number(condition[1]);
    const found = Number(condition[2]);
    file.branches.found += found;
    file.branches.hit += Math.min(hit, found);
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
      case 'source':
        this.inSource = false;
        if (this.sourceText.trim()) this.sources.push(this.sourceText.trim());
        return;
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
    if (file.detail) {
      // Inner classes may list a line twice: count from the merged detail.
      file.lines = counter(file.detail.lines.size);
      for (const hits of file.detail.lines.values()) if (hits > 0) file.lines.hit++;
    }
    this.sink.record({ ...file, sourceRoots: this.sources });
  }
}

export function parseCoberturaText(source: string, text: string, sink: RecordSink): number {
  const parser = new CoberturaParser(source, sink);
  parser.push(text);
  return parser.end();
}
