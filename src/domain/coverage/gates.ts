/** The gates: each compares one number with its threshold and says passed, failed or skipped, and why. */
import { formatPercent, ratio, type Counter, type FileCoverage, type Metric, type Totals } from './model.js';
import type { PatchResult } from './patch.js';
import type { Baseline } from './summary-json.js';
import { byCodeUnit } from '../shared/order.js';

export const GATES = ['lines', 'branches', 'functions', 'statements', 'file', 'patch', 'drop'] as const;
export type GateId = (typeof GATES)[number];

export const GATE_INPUTS: Record<GateId, string> = {
  lines: 'min-lines',
  branches: 'min-branches',
  functions: 'min-functions',
  statements: 'min-statements',
  file: 'min-file',
  patch: 'min-patch',
  drop: 'max-drop',
};

export interface GateSettings {
  min: Partial<Record<Metric, number>>;
  minFile?: number;
  minPatch?: number;
  maxDrop?: number;
  /** Gates whose failure fails the step; the others only report. */
  failOn: ReadonlySet<GateId>;
}

export type GateStatus = 'passed' | 'failed' | 'skipped';

export interface GateResult {
  id: GateId;
  input: string;
  status: GateStatus;
  enforced: boolean;
  threshold: string;
  actual: string;
  detail: string;
}

export interface FileBelow {
  path: string;
  lines: Counter;
}

export interface GateOutcome {
  results: GateResult[];
  /** Every enforced gate passed (report-only failures do not count). */
  passed: boolean;
  filesBelow: FileBelow[];
}

const EPSILON = 1e-9;
const pct = (n: number) => `${n}%`;

export function evaluateGates(input: {
  settings: GateSettings;
  totals: Totals;
  files: Iterable<FileCoverage>;
  patch?: PatchResult;
  /** Why patch coverage was not computed (not a pull request, …). */
  patchSkipped?: string;
  baseline?: Baseline;
  baselineSkipped?: string;
}): GateOutcome {
  const { settings } = input;
  const results: GateResult[] = [];
  const add = (id: GateId, status: GateStatus, threshold: string, actual: string, detail: string) =>
    results.push({
      id,
      input: GATE_INPUTS[id],
      status,
      enforced: settings.failOn.has(id),
      threshold,
      actual,
      detail,
    });

  for (const metric of ['lines', 'branches', 'functions', 'statements'] as const) {
    const min = settings.min[metric];
    if (min === undefined) continue;
    const c = input.totals[metric];
    const r = ratio(c);
    if (r === undefined) {
      add(
        metric,
        'failed',
        `≥ ${pct(min)}`,
        'n/a',
        `The reports have no ${metric} data, so this gate cannot pass.`,
      );
      continue;
    }
    const ok = r + EPSILON >= min;
    add(
      metric,
      ok ? 'passed' : 'failed',
      `≥ ${pct(min)}`,
      formatPercent(c),
      `${c.hit} of ${c.found} ${metric} covered.`,
    );
  }

  const filesBelow: FileBelow[] = [];
  if (settings.minFile !== undefined) {
    const min = settings.minFile;
    let checked = 0;
    for (const file of input.files) {
      if (file.lines.found === 0) continue;
      checked++;
      // Copied: `files` may hand out one reused object.
      if ((ratio(file.lines) ?? 100) + EPSILON < min)
        filesBelow.push({ path: file.path, lines: { ...file.lines } });
    }
    filesBelow.sort((a, b) => (ratio(a.lines) ?? 0) - (ratio(b.lines) ?? 0) || byCodeUnit(a.path, b.path));
    const worst = filesBelow[0];
    add(
      'file',
      filesBelow.length === 0 ? 'passed' : 'failed',
      `each file ≥ ${pct(min)}`,
      worst ? `lowest ${formatPercent(worst.lines)}` : `${checked} files`,
      filesBelow.length === 0
        ? `All ${checked} files with lines meet it.`
        : `${filesBelow.length} of ${checked} files are below: ${filesBelow
            .slice(0, 3)
            .map((f) => `${f.path} (${formatPercent(f.lines)})`)
            .join(', ')}${filesBelow.length > 3 ? ', …' : ''}.`,
    );
  }

  if (settings.minPatch !== undefined) {
    const min = settings.minPatch;
    if (!input.patch)
      add('patch', 'skipped', `≥ ${pct(min)}`, 'n/a', input.patchSkipped ?? 'No diff to measure.');
    else {
      const c = input.patch.counter;
      const r = ratio(c);
      if (r === undefined)
        add(
          'patch',
          'passed',
          `≥ ${pct(min)}`,
          'n/a',
          'No changed line is an executable line in the reports.',
        );
      else
        add(
          'patch',
          r + EPSILON >= min ? 'passed' : 'failed',
          `≥ ${pct(min)}`,
          formatPercent(c),
          `${c.hit} of ${c.found} changed executable lines covered.`,
        );
    }
  }

  if (settings.maxDrop !== undefined) {
    const max = settings.maxDrop;
    const now = ratio(input.totals.lines);
    const before = input.baseline ? ratio(input.baseline.totals.lines) : undefined;
    if (!input.baseline)
      add('drop', 'skipped', `drop ≤ ${max} pp`, 'n/a', input.baselineSkipped ?? 'No baseline given.');
    else if (now === undefined || before === undefined)
      add('drop', 'skipped', `drop ≤ ${max} pp`, 'n/a', 'The baseline or this run has no line data.');
    else {
      const drop = before - now;
      const shown = `${drop > 0 ? '-' : '+'}${Math.abs(drop).toFixed(2)} pp`;
      add(
        'drop',
        drop <= max + EPSILON ? 'passed' : 'failed',
        `drop ≤ ${max} pp`,
        shown,
        `Lines ${formatPercent(input.baseline.totals.lines)} in the baseline → ${formatPercent(input.totals.lines)} now.`,
      );
    }
  }

  const passed = results.every((r) => r.status !== 'failed' || !r.enforced);
  return { results, passed, filesBelow };
}

/** Parses the fail-on list: gate ids, `all` or `none`. Returns the unknown items for the caller's error. */
export function parseFailOn(items: readonly string[]): { gates: Set<GateId>; unknown: string[] } {
  const gates = new Set<GateId>();
  const unknown: string[] = [];
  for (const raw of items.length === 0 ? ['all'] : items) {
    const item = raw.toLowerCase().replace(/^(min|max)-/, '');
    if (item === 'all') GATES.forEach((g) => gates.add(g));
    else if (item === 'none') continue;
    else if ((GATES as readonly string[]).includes(item)) gates.add(item as GateId);
    else unknown.push(raw);
  }
  return { gates, unknown };
}
