/**
 * Per-file coverage stored by column: eight counters per file in one Float64Array, flags in a Uint8Array,
 * detail only for the few files that have it. A report with 300,000 files then costs its paths plus about
 * 80 bytes a file, and the garbage collector has a handful of large objects to look at instead of millions
 * of small ones. `get` and `values` hand out fresh FileCoverage objects; `views` reuses one object for
 * every file (no garbage on a pass over 300,000 files): read it, and copy what you keep.
 */
import type { FileCoverage, FileDetail } from './model.js';

const WIDTH = 8;
const SUMMARY_ONLY = 1;
const APPROXIMATE = 2;

export class FileTable implements Iterable<FileCoverage> {
  private readonly index = new Map<string, number>();
  private paths: (string | undefined)[] = [];
  private counts = new Float64Array(WIDTH * 1024);
  private flags = new Uint8Array(1024);
  private records = new Uint32Array(1024);
  private readonly details = new Map<number, FileDetail>();

  get size(): number {
    return this.index.size;
  }

  has(path: string): boolean {
    return this.index.has(path);
  }

  get(path: string): FileCoverage | undefined {
    const i = this.index.get(path);
    return i === undefined ? undefined : this.read(i);
  }

  set(file: FileCoverage): void {
    const i = this.index.get(file.path);
    if (i === undefined) this.add(file);
    else this.write(i, file);
  }

  /** A file whose path get() or has() has just found absent: one map operation fewer than set(). */
  add(file: FileCoverage): void {
    const i = this.paths.length;
    if (i === this.flags.length) this.grow();
    this.paths.push(file.path);
    this.index.set(file.path, i);
    this.write(i, file);
  }

  private write(i: number, file: FileCoverage): void {
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
    if (file.detail) this.details.set(i, file.detail);
    else if (this.details.size > 0) this.details.delete(i);
  }

  delete(path: string): void {
    const i = this.index.get(path);
    if (i === undefined) return;
    this.index.delete(path);
    this.paths[i] = undefined;
    this.details.delete(i);
  }

  *keys(): IterableIterator<string> {
    for (const path of this.paths) if (path !== undefined) yield path;
  }

  *values(): IterableIterator<FileCoverage> {
    for (let i = 0; i < this.paths.length; i++) if (this.paths[i] !== undefined) yield this.read(i);
  }

  /**
   * Every file through one reused object: valid until the next step of the iteration. A hand-written
   * iterator that also reuses its result object, so a pass allocates nothing per file (a generator makes
   * one result object a step).
   */
  views(): IterableIterator<FileCoverage> {
    const view: FileCoverage = {
      path: '',
      lines: { found: 0, hit: 0 },
      branches: { found: 0, hit: 0 },
      functions: { found: 0, hit: 0 },
      statements: { found: 0, hit: 0 },
      summaryOnly: false,
      approximate: false,
      records: 0,
    };
    const step: IteratorResult<FileCoverage> = { done: false, value: view };
    const c = this.counts;
    const paths = this.paths;
    let i = 0;
    const iterator: IterableIterator<FileCoverage> = {
      next: () => {
        let path: string | undefined;
        while (i < paths.length && (path = paths[i]) === undefined) i++;
        if (path === undefined) return { done: true, value: undefined };
        const at = i * WIDTH;
        view.path = path;
        view.lines.found = c[at] as number;
        view.lines.hit = c[at + 1] as number;
        view.branches.found = c[at + 2] as number;
        view.branches.hit = c[at + 3] as number;
        view.functions.found = c[at + 4] as number;
        view.functions.hit = c[at + 5] as number;
        view.statements.found = c[at + 6] as number;
        view.statements.hit = c[at + 7] as number;
        const flags = this.flags[i] as number;
        view.summaryOnly = (flags & SUMMARY_ONLY) !== 0;
        view.approximate = (flags & APPROXIMATE) !== 0;
        view.records = this.records[i] as number;
        view.detail = this.details.size === 0 ? undefined : this.details.get(i);
        i++;
        return step;
      },
      [Symbol.iterator]: () => iterator,
    };
    return iterator;
  }

  [Symbol.iterator](): IterableIterator<FileCoverage> {
    return this.values();
  }

  private read(i: number): FileCoverage {
    const c = this.counts;
    const at = i * WIDTH;
    const flags = this.flags[i] as number;
    return {
      path: this.paths[i] as string,
      lines: { found: c[at] as number, hit: c[at + 1] as number },
      branches: { found: c[at + 2] as number, hit: c[at + 3] as number },
      functions: { found: c[at + 4] as number, hit: c[at + 5] as number },
      statements: { found: c[at + 6] as number, hit: c[at + 7] as number },
      detail: this.details.get(i),
      summaryOnly: (flags & SUMMARY_ONLY) !== 0,
      approximate: (flags & APPROXIMATE) !== 0,
      records: this.records[i] as number,
    };
  }

  private grow(): void {
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
