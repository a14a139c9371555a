/**
 * Reads coverage reports from disk as streams (never the whole file as one string) and feeds the domain
 * parsers, then merges every report into one model. A file named by two records where detail was not kept
 * is read again with detail for just those files, so merged counts are exact.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline, type Readable, type Duplex } from 'node:stream';
import { parser as jsonParser } from 'stream-json';
import { pick } from 'stream-json/filters/pick.js';
import { streamObject } from 'stream-json/streamers/stream-object.js';
import { InputError, errorMessage } from '../domain/shared/errors.js';
import { CoberturaParser } from '../domain/coverage/cobertura.js';
import { CoverageCollector } from '../domain/coverage/collect.js';
import { DETECT_BYTES, FORMAT_NAMES, detectFormat, type ReportFormat } from '../domain/coverage/detect.js';
import {
  coveragePyEntry,
  istanbulFinalEntry,
  istanbulSummaryEntry,
} from '../domain/coverage/json-formats.js';
import { LcovParser } from '../domain/coverage/lcov.js';
import type { Normalizer } from '../domain/coverage/paths.js';
import type { RecordSink } from '../domain/coverage/sink.js';
import type { FileTable } from '../domain/coverage/table.js';

export interface ReportFile {
  /** Absolute path. */
  path: string;
  /** As the user should see it (workspace-relative). */
  display: string;
}

export interface ReportRead {
  path: string;
  format: string;
  records: number;
}

export interface ReadOptions {
  format: ReportFormat | 'auto';
  normalize: Normalizer;
  /** Keep line-level detail for this (normalised) path: the changed files. */
  detailFor: (path: string) => boolean;
  exclude: readonly string[];
}

export interface ReadResult {
  files: FileTable;
  reports: ReportRead[];
  excluded: number;
  /** Files merged from records whose line data could not be combined (summary formats): counts are the larger side. */
  approximate: string[];
}

/** Bytes per read: large reads make the LCOV scan cheap; memory stays at a few of them. */
const CHUNK = 1 << 20;

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
    return detectFormat(file.display, head);
  } finally {
    await handle.close();
  }
}

async function parseJsonEntries(
  file: ReportFile,
  format: 'istanbul-final' | 'istanbul-summary' | 'coveragepy-json',
  sink: RecordSink,
): Promise<void> {
  const entry =
    format === 'istanbul-final'
      ? istanbulFinalEntry
      : format === 'istanbul-summary'
        ? istanbulSummaryEntry
        : coveragePyEntry;
  const stages: (Readable | Duplex)[] = [
    createReadStream(file.path, { highWaterMark: CHUNK }),
    jsonParser.asStream(),
  ];
  if (format === 'coveragepy-json') stages.push(pick.asStream({ filter: 'files' }));
  stages.push(streamObject.asStream());
  // pipeline destroys every stage with the first error, so iterating the last stage rethrows it.
  const items = pipeline(stages as [Readable, ...Duplex[]], () => {}) as Duplex;
  try {
    for await (const item of items as AsyncIterable<{ key: string; value: unknown }>)
      entry(file.display, item.key, item.value, sink);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(
      'files',
      `${file.display} is not valid ${FORMAT_NAMES[format]} (${errorMessage(error)})`,
      'The file may be truncated or in another format; regenerate it, or set format to its real format.',
    );
  } finally {
    items.destroy();
  }
}

/** Parses one report into the sink; returns how many file records it held. */
export async function parseReport(file: ReportFile, format: ReportFormat, sink: RecordSink): Promise<number> {
  let records = 0;
  const counting: RecordSink = {
    wantDetail: (path, roots) => sink.wantDetail(path, roots),
    record: (record) => {
      records++;
      sink.record(record);
    },
  };
  switch (format) {
    case 'lcov': {
      const parser = new LcovParser(file.display, counting);
      for await (const chunk of createReadStream(file.path, { highWaterMark: CHUNK }))
        parser.push(chunk as Buffer);
      parser.end();
      break;
    }
    case 'cobertura': {
      const parser = new CoberturaParser(file.display, counting);
      for await (const text of createReadStream(file.path, { highWaterMark: CHUNK, encoding: 'utf8' }))
        parser.push(text as string);
      parser.end();
      break;
    }
    default:
      await parseJsonEntries(file, format, counting);
  }
  if (records === 0) {
    throw new InputError(
      'files',
      `${file.display} (${FORMAT_NAMES[format]}) describes no files`,
      'Check that tests ran with coverage enabled and that the coverage include/source settings match your code.',
    );
  }
  return records;
}

export async function readReports(files: readonly ReportFile[], options: ReadOptions): Promise<ReadResult> {
  const collector = new CoverageCollector(options.normalize, options.detailFor, options.exclude);
  const reports: ReportRead[] = [];
  const formats: ReportFormat[] = [];
  for (const file of files) {
    const format = await detectReportFormat(file, options.format);
    formats.push(format);
    reports.push({
      path: file.display,
      format: FORMAT_NAMES[format],
      records: await parseReport(file, format, collector),
    });
  }
  if (collector.overlapping.size > 0) {
    collector.refine([...collector.overlapping]);
    for (const [i, file] of files.entries()) await parseReport(file, formats[i] as ReportFormat, collector);
  }
  return {
    files: collector.files,
    reports,
    excluded: collector.excluded.size,
    approximate: [...collector.files.views()].filter((f) => f.approximate).map((f) => f.path),
  };
}
