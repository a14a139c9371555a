/**
 * The JSON formats' readers (Istanbul final and summary, coverage.py): stream-json token streams fed to the
 * domain parsers. Loaded on demand by coverage-reports.ts, so an LCOV or Cobertura run never loads them.
 */
import { createReadStream } from 'node:fs';
import { pipeline, type Readable, type Duplex } from 'node:stream';
import { parser as jsonParser } from 'stream-json';
import Assembler from 'stream-json/assembler.js';
import { streamObject } from 'stream-json/streamers/stream-object.js';
import { FORMAT_NAMES, type ReportFormat } from '../domain/coverage/detect.js';
import {
  CoveragePyReport,
  istanbulFinalEntry,
  istanbulSummaryEntry,
} from '../domain/coverage/json-formats.js';
import type { RecordSink } from '../domain/coverage/sink.js';
import { InputError, errorMessage } from '../domain/shared/errors.js';
import { TEXT_READ_BYTES, sourceOf, type ReportFile } from './coverage-reports.js';

function invalidJson(file: ReportFile, format: ReportFormat, error: unknown): InputError {
  if (error instanceof InputError) return error;
  // stream-json's messages name the token it expected, never the document's text.
  return new InputError(
    'files',
    `${file.display} is not valid ${FORMAT_NAMES[format]} (${errorMessage(error)})`,
    'The file may be truncated or in another format; regenerate it, or set format to its real format.',
  );
}

function jsonTokens(file: ReportFile, stages: Duplex[] = []): Duplex {
  const all: (Readable | Duplex)[] = [
    createReadStream(file.path, { highWaterMark: TEXT_READ_BYTES }),
    jsonParser.asStream({ streamValues: false }),
    ...stages,
  ];
  // pipeline destroys every stage with the first error, so iterating the last stage rethrows it.
  return pipeline(all as [Readable, ...Duplex[]], () => {}) as Duplex;
}

export async function parseIstanbul(
  file: ReportFile,
  format: 'istanbul-final' | 'istanbul-summary',
  sink: RecordSink,
): Promise<void> {
  const entry = format === 'istanbul-final' ? istanbulFinalEntry : istanbulSummaryEntry;
  const items = jsonTokens(file, [streamObject.asStream()]);
  try {
    for await (const item of items as AsyncIterable<{ key: string; value: unknown }>)
      entry(sourceOf(file), item.key, item.value, sink);
  } catch (error) {
    throw invalidJson(file, format, error);
  } finally {
    items.destroy();
  }
}

type Token = Parameters<Assembler['consume']>[0];

/** coverage.py JSON: each entry under "files" assembled on its own, and "totals", from one token stream. */
export async function parseCoveragePy(file: ReportFile, sink: RecordSink): Promise<string[]> {
  const report = new CoveragePyReport(sourceOf(file), sink);
  const tokens = jsonTokens(file);
  let depth = 0;
  let topKey: unknown;
  let fileKey = '';
  let inFiles = false;
  let value: Assembler | undefined;
  const deliver = (v: unknown) => (inFiles ? report.entry(fileKey, v) : report.totals(v));
  try {
    for await (const token of tokens as AsyncIterable<Token>) {
      if (value) {
        value.consume(token);
        if (value.done) {
          deliver(value.current);
          value = undefined;
        }
        continue;
      }
      const wanted = (inFiles && depth === 2) || (!inFiles && depth === 1 && topKey === 'totals');
      switch (token.name) {
        case 'startObject':
        case 'startArray':
          if (wanted) {
            value = new Assembler();
            value.consume(token);
            break;
          }
          depth++;
          if (depth === 2 && topKey === 'files' && token.name === 'startObject') inFiles = true;
          break;
        case 'endObject':
        case 'endArray':
          depth--;
          if (depth === 1) inFiles = false;
          break;
        case 'keyValue':
          if (depth === 1) topKey = token.value;
          else if (inFiles && depth === 2) fileKey = token.value;
          break;
        default:
          if (wanted)
            deliver(
              token.name === 'numberValue' ? Number(token.value) : 'value' in token ? token.value : undefined,
            );
      }
    }
  } catch (error) {
    throw invalidJson(file, 'coveragepy-json', error);
  } finally {
    tokens.destroy();
  }
  return report.end();
}
