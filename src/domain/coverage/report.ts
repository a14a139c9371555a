/**
 * The Markdown report for the job summary and the pull request comment. It is built to a byte budget:
 * the verdict, totals and gates always fit; the long lists (uncovered changed lines, files below the
 * per-file minimum, lowest-covered files) take rows while room remains, and a note says what was cut.
 */
import { posix } from 'node:path';
import { code, escapeCell, escapeInline, escapeText, table } from '../shared/markdown.js';
import { formatRanges, lineRanges } from './diff.js';
import type { GateOutcome, GateResult } from './gates.js';
import { formatPercent, METRICS, ratio, type Counter, type FileCoverage, type Totals } from './model.js';
import type { PatchResult } from './patch.js';
import { isOutsideWorkspace } from './paths.js';
import type { Baseline } from './summary-json.js';
import { byCodeUnit } from '../shared/order.js';

/** GitHub refuses comment bodies over 65,536 characters; bytes are a safe over-estimate of characters. */
export const COMMENT_LIMIT = 65_536;
export const COMMENT_BUDGET = 65_000;
/** A step's job summary may hold 1 MiB. */
export const SUMMARY_BUDGET = 1_000_000;

export interface ReportInput {
  title: string;
  outcome: GateOutcome;
  totals: Totals;
  /** Every file; iterated once, and items are copied before being kept, so a reused view works. */
  files: Iterable<FileCoverage>;
  patch?: PatchResult;
  patchSkipped?: string;
  baseline?: Baseline;
  reports: readonly { path: string; format: string; records: number }[];
  notes: readonly string[];
}

export interface RenderOptions {
  budget: number;
  /** Prepended (a hidden marker for the sticky comment). */
  marker?: string;
  /** How many lowest-covered files to list. */
  worstFiles: number;
  /** Where the untrimmed lists are, for the trim note. */
  fullListsAt?: string;
}

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The title as a file and marker name: lower case, runs of other characters as `-` ("Backend API" → backend-api). */
export function titleSlug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'coverage'
  );
}

export function commentMarker(title: string): string {
  return `<!-- coverage-gate:${titleSlug(title)} -->`;
}

export interface LineAnnotation {
  message: string;
  title: string;
  /** Workspace-relative, forward slashes. */
  file: string;
  startLine: number;
  endLine: number;
}

/**
 * Warnings for the uncovered changed line ranges, at most `max`; `skipped` counts the ranges left out.
 * `directory` is the working directory relative to the workspace (annotations name workspace paths).
 */
export function uncoveredAnnotations(
  patch: PatchResult,
  options: { title: string; max: number; directory: string },
): { annotations: LineAnnotation[]; skipped: number } {
  const annotations: LineAnnotation[] = [];
  let skipped = 0;
  const directory = options.directory.split('\\').join('/');
  for (const file of patch.files) {
    for (const [start, end] of lineRanges(file.uncovered)) {
      if (annotations.length >= options.max) {
        skipped++;
        continue;
      }
      const lines = start === end ? `Line ${start} is` : `Lines ${start}-${end} are`;
      annotations.push({
        message: `${lines} changed by this pull request but not covered by tests.`,
        title: `${options.title}: changed lines not covered`,
        file: posix.normalize(posix.join(directory, file.path)),
        startLine: start,
        endLine: end,
      });
    }
  }
  return { annotations, skipped };
}

/** Notes under the report: what the numbers leave out and how to fix the paths when nothing matched. */
export function reportNotes(input: {
  /** Every normalised path in the model. */
  paths: Iterable<string>;
  /** Files merged from several reports without line data. */
  approximate: readonly string[];
  excluded: number;
  patch?: PatchResult;
}): string[] {
  const notes: string[] = [];
  const outside: string[] = [];
  for (const path of input.paths) if (isOutsideWorkspace(path)) outside.push(path);
  if (outside.length > 0)
    notes.push(
      `${outside.length} file(s) are outside the workspace (e.g. ${code(outside[0] as string)}): set path-strip to the directory the tests ran in.`,
    );
  if (input.approximate.length > 0)
    notes.push(
      `${input.approximate.length} file(s) appear in several reports without line data (e.g. ${code(input.approximate[0] as string)}): their counts are the larger of the reports, not a union.`,
    );
  const patch = input.patch;
  if (patch && patch.noLineData.length > 0)
    notes.push(
      `${patch.noLineData.length} changed file(s) have no line data in the reports (summary formats): not in patch coverage.`,
    );
  if (patch && patch.counter.found === 0 && patch.notInReports.length > 0)
    notes.push(
      `None of the ${patch.notInReports.length} changed file(s) with added lines is in the reports (e.g. ${code(patch.notInReports[0] as string)}): if they are code, check path-strip and path-prefix.`,
    );
  if (input.excluded > 0) notes.push(`${input.excluded} file(s) excluded by the exclude input.`);
  return notes;
}

function delta(now: Counter, before: Counter | undefined): string {
  const a = ratio(now);
  const b = before ? ratio(before) : undefined;
  if (a === undefined || b === undefined) return '';
  const d = a - b;
  if (Math.abs(d) < 0.005) return '±0.00';
  return `${d > 0 ? '+' : '-'}${Math.abs(d).toFixed(2)}`;
}

const ICON: Record<GateResult['status'], string> = {
  passed: '✅ passed',
  failed: '❌ failed',
  skipped: '⏭️ skipped',
};

function gateResult(gate: GateResult): string {
  if (gate.status === 'failed' && !gate.enforced) return '⚠️ failed (report only)';
  return ICON[gate.status];
}

function verdict(input: ReportInput): string {
  const failed = input.outcome.results.filter((g) => g.status === 'failed');
  const enforced = failed.filter((g) => g.enforced);
  const lines = formatPercent(input.totals.lines);
  if (input.outcome.results.length === 0) return `### ${escapeText(input.title)}: ${lines} of lines covered`;
  if (enforced.length > 0)
    return `### ❌ ${escapeText(input.title)}: ${enforced.length} of ${input.outcome.results.length} gates failed (${enforced.map((g) => g.input).join(', ')})`;
  if (failed.length > 0)
    return `### ⚠️ ${escapeText(input.title)}: passed; ${failed.length} report-only gate(s) failed (${failed.map((g) => g.input).join(', ')})`;
  return `### ✅ ${escapeText(input.title)}: all ${input.outcome.results.length} gates passed (${lines} of lines)`;
}

/** Adds table rows while the budget allows; returns the rows kept. */
function fitRows(
  rows: readonly string[][],
  room: number,
  headers: readonly string[],
): { text: string; kept: number } {
  let kept = 0;
  let text = table(headers, []);
  let used = bytes(text);
  for (const row of rows) {
    const line = `\n${table(headers, [row]).split('\n')[2]}`;
    const size = bytes(line);
    if (used + size > room) break;
    text += line;
    used += size;
    kept++;
  }
  return { text, kept };
}

function* filter<T>(items: Iterable<T>, keep: (item: T) => boolean): Generator<T> {
  for (const item of items) if (keep(item)) yield item;
}

/** The n smallest items in order, without sorting all of them (reports can list 100,000s of files). */
export function lowest<T>(
  items: Iterable<T>,
  n: number,
  compare: (a: T, b: T) => number,
  copy: (item: T) => T = (item) => item,
): T[] {
  const kept: T[] = [];
  for (const item of items) {
    if (kept.length === n && (n === 0 || compare(item, kept[n - 1] as T) >= 0)) continue;
    let i = kept.length;
    while (i > 0 && compare(item, kept[i - 1] as T) < 0) i--;
    kept.splice(i, 0, copy(item));
    if (kept.length > n) kept.pop();
  }
  return kept;
}

export function renderReport(input: ReportInput, options: RenderOptions): string {
  const parts: string[] = [];
  if (options.marker) parts.push(options.marker);
  parts.push(verdict(input));

  const base = input.baseline;
  parts.push(
    table(
      ['Metric', 'Covered', 'Total', '%', ...(base ? ['Baseline', 'Δ pp'] : [])],
      METRICS.map((m) => [
        m,
        String(input.totals[m].hit),
        String(input.totals[m].found),
        formatPercent(input.totals[m]),
        ...(base ? [formatPercent(base.totals[m]), delta(input.totals[m], base.totals[m])] : []),
      ]),
    ),
  );
  if (input.outcome.results.length > 0) {
    parts.push(
      table(
        ['Gate', 'Threshold', 'Actual', 'Result', 'Detail'],
        input.outcome.results.map((g) => [g.input, g.threshold, g.actual, gateResult(g), g.detail]),
      ),
    );
  }
  if (input.patch) {
    const c = input.patch.counter;
    parts.push(
      c.found === 0
        ? '**Changed lines:** no changed line is an executable line in the reports.'
        : `**Changed lines:** ${c.hit} of ${c.found} executable changed lines covered (${formatPercent(c)}).`,
    );
  } else if (input.patchSkipped)
    parts.push(`**Changed lines:** not measured: ${escapeInline(input.patchSkipped)}`);

  const footer: string[] = [];
  const reportList = input.reports
    .map((r) => `${code(r.path)} (${r.format}, ${plural(r.records, 'record')})`)
    .join(', ');
  if (reportList)
    footer.push(
      `<sub>Reports: ${escapeCell(reportList)}${base?.commit ? `; baseline ${base.commit.slice(0, 12)}` : ''}.</sub>`,
    );
  const notes = input.notes.map((n) => `> ${escapeInline(n)}`);

  // Long lists, most useful first, each with what it would show.
  const lists: { heading: string; headers: string[]; rows: string[][]; unit: string }[] = [];
  const uncovered = (input.patch?.files ?? []).filter((f) => f.uncovered.length > 0);
  if (uncovered.length > 0) {
    lists.push({
      heading: '#### Changed lines not covered',
      headers: ['File', 'Uncovered / changed', 'Lines not covered'],
      rows: uncovered
        .sort((a, b) => b.uncovered.length - a.uncovered.length || byCodeUnit(a.path, b.path))
        .map((f) => {
          const ranges = lineRanges(f.uncovered);
          const shown =
            formatRanges(ranges.slice(0, 30)) +
            (ranges.length > 30 ? `, … (${ranges.length - 30} more ranges)` : '');
          return [code(f.path), `${f.uncovered.length} of ${f.counter.found}`, shown];
        }),
      unit: 'files with uncovered changed lines',
    });
  }
  if (input.outcome.filesBelow.length > 0) {
    lists.push({
      heading: '#### Files below the per-file minimum',
      headers: ['File', 'Lines', '%'],
      rows: input.outcome.filesBelow.map((f) => [
        code(f.path),
        `${f.lines.hit}/${f.lines.found}`,
        formatPercent(f.lines),
      ]),
      unit: 'files below the per-file minimum',
    });
  }
  const worst = lowest(
    filter(input.files, (f) => f.lines.found > 0 && f.lines.hit < f.lines.found),
    options.worstFiles,
    (a, b) =>
      (ratio(a.lines) ?? 0) - (ratio(b.lines) ?? 0) ||
      b.lines.found - a.lines.found ||
      byCodeUnit(a.path, b.path),
    (f) => ({
      ...f,
      lines: { ...f.lines },
      branches: { ...f.branches },
      functions: { ...f.functions },
      statements: { ...f.statements },
    }),
  );
  if (worst.length > 0) {
    lists.push({
      heading: `#### Lowest-covered files`,
      headers: ['File', 'Lines', 'Branches', 'Functions', ...(base ? ['Δ lines pp'] : [])],
      rows: worst.map((f) => [
        code(f.path),
        `${formatPercent(f.lines)} (${f.lines.hit}/${f.lines.found})`,
        formatPercent(f.branches),
        formatPercent(f.functions),
        ...(base ? [delta(f.lines, base.files.get(f.path))] : []),
      ]),
      unit: 'lowest-covered files',
    });
  }

  const join = (xs: readonly string[]) => xs.filter(Boolean).join('\n\n');
  const trimNoteReserve = 400;
  let used = bytes(join([...parts, ...notes, ...footer])) + trimNoteReserve;
  const cut: string[] = [];
  const listParts: string[] = [];
  for (const list of lists) {
    const room = options.budget - used - bytes(list.heading) - 4;
    if (room < 200) {
      cut.push(`${list.rows.length} ${list.unit}`);
      continue;
    }
    const { text, kept } = fitRows(list.rows, room, list.headers);
    if (kept === 0) {
      cut.push(`${list.rows.length} ${list.unit}`);
      continue;
    }
    const block = `${list.heading}\n\n${text}`;
    listParts.push(block);
    used += bytes(block) + 2;
    if (kept < list.rows.length) cut.push(`${list.rows.length - kept} of ${list.rows.length} ${list.unit}`);
  }
  const trimNote =
    cut.length > 0
      ? `> ✂️ Trimmed to stay under ${options.budget === COMMENT_BUDGET ? "GitHub's 65,536-character comment limit" : 'the size limit'}: left out ${cut.join('; ')}.${options.fullListsAt ? ` ${options.fullListsAt}` : ''}`
      : '';
  const text = `${join([...parts, ...listParts, ...notes, trimNote, ...footer])}\n`;
  if (bytes(text) <= options.budget) return text;
  // Only unusually long fixed parts (a huge title or notes) get here: cut hard, on a character boundary.
  const tail = '\n\n> ✂️ Cut at the size limit.\n';
  let cutAt = options.budget - bytes(tail);
  let head = Buffer.from(text, 'utf8').subarray(0, cutAt).toString('utf8');
  while (bytes(head) > cutAt) head = head.slice(0, -1);
  cutAt = head.length;
  return `${head.slice(0, cutAt)}${tail}`;
}
