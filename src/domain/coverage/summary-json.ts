/**
 * The summary this action writes on every run: totals, patch coverage and per-file counters. Written on the
 * default branch and uploaded as an artifact, it is the baseline a pull request's run reads back for
 * `max-drop` and per-file deltas, with no external service.
 */
import { InputError } from '../shared/errors.js';
import { METRICS, percent, type Counter, type FileCoverage, type Metric, type Totals } from './model.js';

export const SUMMARY_SCHEMA = 'coverage-gate/summary@1';

type Pair = [found: number, hit: number];

export interface CoverageSummary {
  schema: typeof SUMMARY_SCHEMA;
  title: string;
  commit?: string;
  ref?: string;
  createdAt: string;
  passed: boolean;
  totals: Record<Metric, { found: number; hit: number; pct: number | null }>;
  patch: { found: number; hit: number; pct: number | null } | null;
  files: Record<string, { lines: Pair; branches: Pair; functions: Pair; statements: Pair }>;
}

export interface Baseline {
  source: string;
  commit?: string;
  totals: Totals;
  /** Per-file line counters. */
  files: Map<string, Counter>;
}

const withPct = (c: Counter) => ({ found: c.found, hit: c.hit, pct: percent(c) ?? null });

export interface SummaryInput {
  title: string;
  commit?: string;
  ref?: string;
  now: Date;
  passed: boolean;
  totals: Totals;
  patch?: Counter;
  files: Iterable<FileCoverage>;
}

/**
 * The summary as JSON text in pieces of about 64 KiB, files in report order: written piece by piece, a
 * report with hundreds of thousands of files never becomes one object or one string.
 */
export function* summaryJson(input: SummaryInput): Generator<string> {
  const head: Omit<CoverageSummary, 'files'> = {
    schema: SUMMARY_SCHEMA,
    title: input.title,
    commit: input.commit,
    ref: input.ref,
    createdAt: input.now.toISOString(),
    passed: input.passed,
    totals: Object.fromEntries(
      METRICS.map((m) => [m, withPct(input.totals[m])]),
    ) as CoverageSummary['totals'],
    patch: input.patch ? withPct(input.patch) : null,
  };
  let piece = `${JSON.stringify(head).slice(0, -1)},"files":{`;
  let first = true;
  for (const f of input.files) {
    piece += `${first ? '' : ','}\n${JSON.stringify(f.path)}:{"lines":[${f.lines.found},${f.lines.hit}],"branches":[${f.branches.found},${f.branches.hit}],"functions":[${f.functions.found},${f.functions.hit}],"statements":[${f.statements.found},${f.statements.hit}]}`;
    first = false;
    if (piece.length >= 65536) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}\n}}\n`;
}

/** The whole summary as an object (small inputs, tests). */
export function buildSummary(input: SummaryInput): CoverageSummary {
  return JSON.parse([...summaryJson(input)].join('')) as CoverageSummary;
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;

/** Reads a summary written by this action (any earlier run) as a baseline. */
export function parseBaseline(source: string, text: string): Baseline {
  const fix = `Give the coverage-gate summary JSON (the summary-json output) saved from a run on the default branch.`;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    // Node's message quotes the text; the file may lie outside the workspace, so only the position is kept.
    const at = /position (\d+)/.exec((error as Error).message)?.[1];
    throw new InputError('baseline', `${source} is not valid JSON${at ? ` (at position ${at})` : ''}`, fix);
  }
  const summary = doc as Partial<CoverageSummary>;
  if (
    typeof doc !== 'object' ||
    doc === null ||
    summary.schema !== SUMMARY_SCHEMA ||
    typeof summary.totals !== 'object'
  ) {
    throw new InputError(
      'baseline',
      `${source} is not a coverage-gate summary (no "schema": "${SUMMARY_SCHEMA}")`,
      fix,
    );
  }
  const totals = {} as Totals;
  for (const metric of METRICS) {
    const t = summary.totals?.[metric];
    if (!t || !isCount(t.found) || !isCount(t.hit))
      throw new InputError('baseline', `${source} has no valid totals.${metric}`, fix);
    totals[metric] = { found: t.found, hit: t.hit };
  }
  const files = new Map<string, Counter>();
  for (const [path, entry] of Object.entries(summary.files ?? {})) {
    const lines = entry?.lines;
    if (Array.isArray(lines) && isCount(lines[0]) && isCount(lines[1]))
      files.set(path, { found: lines[0], hit: lines[1] });
  }
  return { source, commit: summary.commit, totals, files };
}
