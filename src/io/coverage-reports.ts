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
import { closeSync, openSync, readSync } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import { relative, isAbsolute, sep } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { InputError } from '../domain/shared/errors.js';
import { CoverageCollector } from '../domain/coverage/collect.js';
import { DETECT_BYTES, FORMAT_NAMES, detectFormat, type ReportFormat } from '../domain/coverage/detect.js';
import { LcovParser } from '../domain/coverage/lcov.js';
import type { Normalizer } from '../domain/coverage/paths.js';
import type { RecordSink } from '../domain/coverage/sink.js';
import type { ReportSource } from '../domain/coverage/source.js';
import type { FileTable } from '../domain/coverage/table.js';

export interface ReportFile {
  /** Absolute path. */
  path: string;
  /** As the user should see it (workspace-relative). */
  display: string;
  /** False when the file resolves outside the workspace: errors then never quote its content. */
  quote?: boolean;
}

export interface ReportRead {
  path: string;
  format: string;
  records: number;
  /** What the reader should know about this report (Markdown): skipped text, the tool's own total. */
  notes: string[];
}

export interface ReadOptions {
  format: ReportFormat | 'auto';
  normalize: Normalizer;
  /** Keep line-level detail for this (normalised) path: the changed files. */
  detailFor: (path: string) => boolean;
  exclude: readonly string[];
  /** Reports that resolve outside it (after symlinks) are never quoted in errors. */
  workspace?: string;
}

export interface ReadResult {
  files: FileTable;
  reports: ReportRead[];
  excluded: number;
  /** Files merged from records whose line data could not be combined (summary formats): counts are the larger side. */
  approximate: string[];
}

/** Bytes per LCOV read: large reads make the scan cheap; the buffer is allocated once. */
export const LCOV_READ_BYTES = 1 << 20;
/** Bytes per XML or JSON read: the strings made from them stay in V8's young generation. */
export const TEXT_READ_BYTES = 1 << 16;

export const sourceOf = (file: ReportFile): ReportSource => ({
  display: file.display,
  quote: file.quote ?? true,
});

/** Whether `path` (after symlinks) is inside `workspace`. */
export async function insideWorkspace(path: string, workspace: string): Promise<boolean> {
  const [real, root] = await Promise.all([
    realpath(path).catch(() => path),
    realpath(workspace).catch(() => workspace),
  ]);
  const rel = relative(root, real);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Calls `onChunk` with successive reads of the file into one buffer, valid until the callback returns.
 * Reads are synchronous: the step has nothing else to do meanwhile, and a thread-pool round trip per read
 * cost more than the copy itself.
 */
export async function readChunks(
  path: string,
  size: number,
  onChunk: (chunk: Buffer) => void,
): Promise<void> {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(size);
    for (;;) {
      const bytesRead = readSync(fd, buffer, 0, size, null);
      if (bytesRead === 0) return;
      onChunk(bytesRead === size ? buffer : buffer.subarray(0, bytesRead));
    }
  } finally {
    closeSync(fd);
  }
}

export async function detectReportFormat(
  file: ReportFile,
  forced: ReportFormat | 'auto',
): Promise<ReportFormat> {
  const info = await stat(file.path).catch(() => undefined);
  if (!info?.isFile())
    throw new InputError(
      'files',
      `${file.display} does not exist`,
      'Check the path and that the test step wrote it.',
    );
  if (info.size === 0)
    throw new InputError(
      'files',
      `${file.display} is empty`,
      'Check that the test step wrote coverage before this step ran.',
    );
  const handle = await open(file.path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(DETECT_BYTES, info.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8');
    if (forced !== 'auto') {
      if (head.trim() === '')
        throw new InputError(
          'files',
          `${file.display} is empty`,
          'Check that the test step wrote coverage before this step ran.',
        );
      return forced;
    }
    return detectFormat(sourceOf(file), head);
  } finally {
    await handle.close();
  }
}

/** Parses one report into the sink; returns how many file records it held and notes about it. */
export async function parseReport(
  file: ReportFile,
  format: ReportFormat,
  sink: RecordSink,
): Promise<{ records: number; notes: string[] }> {
  let records = 0;
  let notes: string[] = [];
  const counting: RecordSink = {
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
      const { CoberturaParser } = await import('../domain/coverage/cobertura.js');
      const parser = new CoberturaParser(sourceOf(file), counting);
      const decoder = new StringDecoder('utf8');
      await readChunks(file.path, TEXT_READ_BYTES, (chunk) => parser.push(decoder.write(chunk)));
      parser.push(decoder.end());
      parser.end();
      break;
    }
    case 'coveragepy-json':
      notes = await (await import('./coverage-json-reports.js')).parseCoveragePy(file, counting);
      break;
    default:
      await (await import('./coverage-json-reports.js')).parseIstanbul(file, format, counting);
  }
  if (records === 0) {
    throw new InputError(
      'files',
      `${file.display} (${FORMAT_NAMES[format]}) describes no files`,
      'Check that tests ran with coverage enabled and that the coverage include/source settings match your code.',
    );
  }
  return { records, notes };
}

export async function readReports(files: readonly ReportFile[], options: ReadOptions): Promise<ReadResult> {
  const collector = new CoverageCollector(options.normalize, options.detailFor, options.exclude);
  const reports: ReportRead[] = [];
  const formats: ReportFormat[] = [];
  const sources: ReportFile[] = [];
  for (const file of files) {
    const source = {
      ...file,
      quote: file.quote ?? (options.workspace ? await insideWorkspace(file.path, options.workspace) : true),
    };
    sources.push(source);
    const format = await detectReportFormat(source, options.format);
    formats.push(format);
    const { records, notes } = await parseReport(source, format, collector);
    reports.push({ path: file.display, format: FORMAT_NAMES[format], records, notes });
  }
  if (collector.overlapping.size > 0) {
    collector.refine([...collector.overlapping]);
    for (const [i, file] of sources.entries()) await parseReport(file, formats[i] as ReportFormat, collector);
  }
  // Read while iterating: views() hands out one reused object, so it cannot be spread and filtered.
  const approximate: string[] = [];
  for (const file of collector.files.views()) if (file.approximate) approximate.push(file.path);
  return { files: collector.files, reports, excluded: collector.excluded.size, approximate };
}
