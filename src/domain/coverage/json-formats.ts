/**
 * The JSON report formats, one top-level entry at a time (the I/O edge streams the file and hands over each
 * entry as it is assembled, so a large report is never one string):
 * - Istanbul `coverage-final.json` (jest, vitest, nyc, c8): path → {statementMap, fnMap, branchMap, s, f, b}.
 * - Istanbul `coverage-summary.json` (json-summary reporter): path → {lines, statements, functions,
 *   branches: {total, covered, skipped, pct}}, plus "total". Counters only: no line data.
 * - coverage.py JSON (`coverage json`): {meta, files: path → {executed_lines, missing_lines,
 *   executed_branches, missing_branches, functions?, summary}, totals}. Entries are those under "files".
 */
import { InputError } from '../shared/errors.js';
import { counter, countersFromDetail, emptyDetail, type Counter } from './model.js';
import type { RecordSink } from './sink.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function shapeError(source: string, key: string, what: string, format: string): InputError {
  return new InputError(
    'files',
    `${source}: the entry ${JSON.stringify(key.length > 80 ? `${key.slice(0, 77)}...` : key)} is not ${what}`,
    `Check that the file is ${format} and was written completely, or set format to the report's real format.`,
  );
}

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

interface Location {
  start?: { line?: number };
  line?: number;
}

const lineOf = (loc: unknown): number | undefined => {
  if (!isObject(loc)) return undefined;
  const l = loc as Location;
  const line = l.start?.line ?? l.line;
  return typeof line === 'number' ? line : undefined;
};

/** One entry of coverage-final.json. */
export function istanbulFinalEntry(source: string, key: string, value: unknown, sink: RecordSink): void {
  // Old istanbul wrapped each file as {data: {...}}.
  const data = isObject(value) && isObject(value.data) && !isObject(value.s) ? value.data : value;
  if (!isObject(data) || !isObject(data.statementMap) || !isObject(data.s)) {
    throw shapeError(
      source,
      key,
      'a file coverage object (statementMap, s)',
      'an Istanbul coverage-final.json',
    );
  }
  const path = typeof data.path === 'string' && data.path ? data.path : key;
  const statementMap = data.statementMap;
  const fnMap = isObject(data.fnMap) ? data.fnMap : {};
  const branchMap = isObject(data.branchMap) ? data.branchMap : {};
  const s = data.s;
  const f = isObject(data.f) ? data.f : {};
  const b = isObject(data.b) ? data.b : {};

  const detail = emptyDetail();
  detail.statements = new Map();
  for (const [id, count] of Object.entries(s)) {
    const hits = num(count);
    detail.statements.set(id, hits);
    const line = lineOf(statementMap[id]);
    if (line === undefined) continue;
    // A line's hits are its most-run statement's, as istanbul's getLineCoverage computes them.
    const previous = detail.lines.get(line);
    if (previous === undefined || previous < hits) detail.lines.set(line, hits);
  }
  for (const [id, count] of Object.entries(f)) {
    const fn = fnMap[id];
    const name = isObject(fn) && typeof fn.name === 'string' ? fn.name : `fn${id}`;
    detail.functions.set(`${id}:${name}`, num(count));
  }
  for (const [id, arms] of Object.entries(b)) {
    if (!Array.isArray(arms)) continue;
    const branch = branchMap[id];
    const line = isObject(branch) ? (lineOf(branch.loc) ?? lineOf(branch)) : undefined;
    if (line === undefined) continue;
    const c = detail.branches.get(line) ?? counter();
    for (const arm of arms) {
      c.found++;
      if (num(arm) > 0) c.hit++;
    }
    detail.branches.set(line, c);
  }
  const counters = countersFromDetail(detail);
  sink.record({
    path,
    ...counters,
    detail: sink.wantDetail(path) ? detail : undefined,
  });
}

function summaryCounter(source: string, key: string, value: unknown): Counter {
  if (!isObject(value)) return counter();
  return { found: num(value.total), hit: num(value.covered) };
}

/** One entry of coverage-summary.json ("total" is skipped: totals are derived). */
export function istanbulSummaryEntry(source: string, key: string, value: unknown, sink: RecordSink): void {
  if (key === 'total') return;
  if (!isObject(value) || !isObject(value.lines)) {
    throw shapeError(
      source,
      key,
      'a file summary ({lines, statements, functions, branches})',
      'an Istanbul coverage-summary.json',
    );
  }
  sink.record({
    path: key,
    lines: summaryCounter(source, key, value.lines),
    branches: summaryCounter(source, key, value.branches),
    functions: summaryCounter(source, key, value.functions),
    statements: isObject(value.statements) ? summaryCounter(source, key, value.statements) : undefined,
    summaryOnly: true,
  });
}

const lineList = (value: unknown): number[] =>
  Array.isArray(value) ? value.filter((n): n is number => typeof n === 'number') : [];

/** One entry under "files" of a coverage.py JSON report. */
export function coveragePyEntry(source: string, key: string, value: unknown, sink: RecordSink): void {
  if (!isObject(value) || !Array.isArray(value.executed_lines) || !Array.isArray(value.missing_lines)) {
    throw shapeError(
      source,
      key,
      'a file entry (executed_lines, missing_lines)',
      'a coverage.py JSON report',
    );
  }
  const detail = emptyDetail();
  for (const line of lineList(value.executed_lines)) detail.lines.set(line, 1);
  for (const line of lineList(value.missing_lines)) if (!detail.lines.has(line)) detail.lines.set(line, 0);
  // Branch arcs are [from line, to line]; the branch sits on the from line.
  const arcs = (list: unknown, taken: boolean) => {
    if (!Array.isArray(list)) return;
    for (const arc of list) {
      if (!Array.isArray(arc) || typeof arc[0] !== 'number') continue;
      const c = detail.branches.get(arc[0]) ?? counter();
      c.found++;
      if (taken) c.hit++;
      detail.branches.set(arc[0], c);
    }
  };
  arcs(value.executed_branches, true);
  arcs(value.missing_branches, false);
  // Format 3 (coverage.py 7.5+) lists functions; "" is the module-level code, not a function.
  if (isObject(value.functions)) {
    for (const [name, region] of Object.entries(value.functions)) {
      if (name === '') continue;
      const covered = isObject(region) && isObject(region.summary) ? num(region.summary.covered_lines) : 0;
      detail.functions.set(name, covered > 0 ? 1 : 0);
    }
  }
  const counters = countersFromDetail(detail);
  sink.record({
    path: key,
    ...counters,
    statements: undefined,
    detail: sink.wantDetail(key) ? detail : undefined,
  });
}
