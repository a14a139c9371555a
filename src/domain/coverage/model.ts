/**
 * The coverage model every report format parses into: per file, four counters (lines, branches, functions,
 * statements) and, for the files that need it, line-level detail (hits per line, branches per line,
 * hits per function, hits per statement).
 *
 * Detail is kept only where it is needed (changed files for patch coverage, files reported twice that must
 * be merged exactly): that keeps memory proportional to the number of files, not to the report's size.
 */

export interface Counter {
  found: number;
  hit: number;
}

export type Metric = 'lines' | 'branches' | 'functions' | 'statements';
export const METRICS: readonly Metric[] = ['lines', 'branches', 'functions', 'statements'];

export interface FileDetail {
  /** Line number → execution count. */
  lines: Map<number, number>;
  /** Line number → branches on that line. */
  branches: Map<number, Counter>;
  /** Function key → execution count. */
  functions: Map<string, number>;
  /** Statement key → execution count; absent when the format counts statements as lines. */
  statements?: Map<string, number>;
}

/** One file's coverage as one report states it. `path` is as written in the report. */
export interface FileRecord {
  path: string;
  lines: Counter;
  branches: Counter;
  functions: Counter;
  /** Absent when the format has no separate statements: statements are then the lines. */
  statements?: Counter;
  detail?: FileDetail;
  /** Summary formats carry counters only; detail can never be had for them. */
  summaryOnly?: boolean;
  /** Directories a relative path may be relative to (Cobertura <source> elements). */
  sourceRoots?: readonly string[];
}

export interface FileCoverage {
  path: string;
  lines: Counter;
  branches: Counter;
  functions: Counter;
  statements: Counter;
  detail?: FileDetail;
  summaryOnly: boolean;
  /** Number of records merged into this entry. */
  records: number;
  /** Merged from records of which one lacked detail: the counters are the larger of each, not a union. */
  approximate: boolean;
}

export type Totals = Record<Metric, Counter>;

export const counter = (found = 0, hit = 0): Counter => ({ found, hit });

/** Exact percentage, or undefined when nothing was found (no data is not 0 %). */
export function ratio(c: Counter): number | undefined {
  if (c.found <= 0) return undefined;
  return (Math.min(c.hit, c.found) / c.found) * 100;
}

/** Percentage rounded down to two decimals, so a value shown as passing never fails a gate. */
export function percent(c: Counter): number | undefined {
  const r = ratio(c);
  return r === undefined ? undefined : Math.floor(r * 100 + 1e-9) / 100;
}

export function formatPercent(c: Counter): string {
  const p = percent(c);
  return p === undefined ? 'n/a' : `${p.toFixed(2)}%`;
}

/** Counters recomputed from line-level detail. */
export function countersFromDetail(detail: FileDetail): Omit<FileRecord, 'path'> {
  const lines = counter();
  for (const hits of detail.lines.values()) {
    lines.found++;
    if (hits > 0) lines.hit++;
  }
  const branches = counter();
  for (const b of detail.branches.values()) {
    branches.found += b.found;
    branches.hit += Math.min(b.hit, b.found);
  }
  const functions = counter();
  for (const hits of detail.functions.values()) {
    functions.found++;
    if (hits > 0) functions.hit++;
  }
  let statements: Counter | undefined;
  if (detail.statements) {
    statements = counter();
    for (const hits of detail.statements.values()) {
      statements.found++;
      if (hits > 0) statements.hit++;
    }
  }
  return { lines, branches, functions, statements };
}

export function emptyDetail(): FileDetail {
  return { lines: new Map(), branches: new Map(), functions: new Map() };
}

function addHits<K>(into: Map<K, number>, from: Map<K, number>): void {
  for (const [key, hits] of from) into.set(key, (into.get(key) ?? 0) + hits);
}

/** Union of two files' detail: hits add up; branches on a line take the larger found and hit. */
export function mergeDetail(a: FileDetail, b: FileDetail): FileDetail {
  const merged: FileDetail = {
    lines: new Map(a.lines),
    branches: new Map([...a.branches].map(([line, c]) => [line, { ...c }])),
    functions: new Map(a.functions),
  };
  addHits(merged.lines, b.lines);
  for (const [line, c] of b.branches) {
    const existing = merged.branches.get(line);
    if (!existing) merged.branches.set(line, { ...c });
    else {
      existing.found = Math.max(existing.found, c.found);
      existing.hit = Math.max(existing.hit, c.hit);
    }
  }
  addHits(merged.functions, b.functions);
  if (a.statements && b.statements) {
    merged.statements = new Map(a.statements);
    addHits(merged.statements, b.statements);
  } else if (a.statements ?? b.statements) {
    merged.statements = new Map(a.statements ?? b.statements);
  }
  return merged;
}

const larger = (a: Counter, b: Counter): Counter => ({
  found: Math.max(a.found, b.found),
  hit: Math.max(a.hit, b.hit),
});

/** Takes the record's counters as they are (parsers make fresh ones per record; nothing mutates them later). */
export function fileFromRecord(path: string, record: FileRecord): FileCoverage {
  return {
    path,
    lines: record.lines,
    branches: record.branches,
    functions: record.functions,
    statements: record.statements ?? record.lines,
    detail: record.detail,
    summaryOnly: record.summaryOnly ?? false,
    records: 1,
    approximate: false,
  };
}

/**
 * Merges a second record of the same file. With detail on both sides the union is exact; otherwise the
 * counters take the larger of each side and the result is marked approximate.
 */
export function mergeFile(existing: FileCoverage, record: FileRecord): FileCoverage {
  const incoming = fileFromRecord(existing.path, record);
  if (existing.detail && incoming.detail) {
    const detail = mergeDetail(existing.detail, incoming.detail);
    const c = countersFromDetail(detail);
    return {
      ...existing,
      lines: c.lines,
      branches: c.branches,
      functions: c.functions,
      statements: c.statements ?? c.lines,
      detail,
      records: existing.records + 1,
    };
  }
  return {
    path: existing.path,
    lines: larger(existing.lines, incoming.lines),
    branches: larger(existing.branches, incoming.branches),
    functions: larger(existing.functions, incoming.functions),
    statements: larger(existing.statements, incoming.statements),
    detail: existing.detail ?? incoming.detail,
    summaryOnly: existing.summaryOnly && incoming.summaryOnly,
    records: existing.records + 1,
    approximate: true,
  };
}

export function totals(files: Iterable<FileCoverage>): Totals {
  const t: Totals = { lines: counter(), branches: counter(), functions: counter(), statements: counter() };
  // Spelled out per metric: a loop over METRICS with computed keys cost more than the sums on large reports.
  for (const file of files) {
    add(t.lines, file.lines);
    add(t.branches, file.branches);
    add(t.functions, file.functions);
    add(t.statements, file.statements);
  }
  return t;
}

function add(into: Counter, c: Counter): void {
  into.found += c.found;
  into.hit += Math.min(c.hit, c.found);
}
