/**
 * Merges the records of every report into one model keyed by normalised path. Line-level detail is kept
 * only for the files someone needs (changed files); a file that two records describe, one of them
 * without detail, is listed in `overlapping` so the caller can read the reports again with detail for just
 * those files and merge them exactly (see `refine`).
 */
import { fileFromRecord, mergeFile, type FileRecord } from './model.js';
import { excludeMatcher, type Normalizer } from './paths.js';
import type { RecordSink } from './sink.js';
import { FileTable } from './table.js';

export class CoverageCollector implements RecordSink {
  readonly files = new FileTable();
  readonly overlapping = new Set<string>();
  readonly excluded = new Set<string>();
  private only: Set<string> | undefined;
  private readonly isExcluded: (path: string) => boolean;

  constructor(
    private readonly normalize: Normalizer,
    private readonly detailFor: (path: string) => boolean,
    exclude: readonly string[] = [],
  ) {
    this.isExcluded = excludeMatcher(exclude);
  }

  wantDetail(raw: string, roots?: readonly string[]): boolean {
    const path = this.normalize(raw, roots);
    if (this.only) return this.only.has(path);
    return !this.isExcluded(path) && this.detailFor(path);
  }

  record(record: FileRecord): void {
    const path = this.normalize(record.path, record.sourceRoots);
    if (this.only && !this.only.has(path)) return;
    if (this.isExcluded(path)) {
      this.excluded.add(path);
      return;
    }
    const existing = this.files.get(path);
    if (!existing) {
      this.files.add(fileFromRecord(path, record));
      return;
    }
    const merged = mergeFile(existing, record);
    if (merged.approximate && !this.only && !existing.summaryOnly && !record.summaryOnly)
      this.overlapping.add(path);
    this.files.set(merged);
  }

  /** Starts a second reading that keeps detail for, and only takes records of, the given paths. */
  refine(paths: Iterable<string>): void {
    this.only = new Set(paths);
    for (const path of this.only) this.files.delete(path);
    this.overlapping.clear();
  }
}
