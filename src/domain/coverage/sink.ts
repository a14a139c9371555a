import type { FileRecord } from './model.js';

/** Where a parser sends what it reads. Parsers are push-driven state machines: I/O stays outside. */
export interface RecordSink {
  /** Asked when a file's record starts: keep line-level detail for this path (relative to one of roots)? */
  wantDetail(path: string, roots?: readonly string[]): boolean;
  record(record: FileRecord): void;
}

/** A sink that keeps every record, with or without detail: for tests and small reports. */
export function collectingSink(
  wantDetail: (path: string, roots?: readonly string[]) => boolean = () => true,
): RecordSink & {
  records: FileRecord[];
} {
  const records: FileRecord[] = [];
  return { records, wantDetail, record: (r) => records.push(r) };
}
