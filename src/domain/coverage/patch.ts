/** Patch coverage: of the lines a pull request adds or changes, how many did the tests run? */
import type { ChangedFile } from './diff.js';
import { counter, type Counter, type FileCoverage } from './model.js';
import { excludeMatcher } from './paths.js';
import { byCodeUnit } from '../shared/order.js';

export interface PatchFile {
  path: string;
  /** Changed lines the coverage tool instruments (executable lines). */
  counter: Counter;
  uncovered: number[];
}

export interface PatchResult {
  counter: Counter;
  files: PatchFile[];
  /** Changed files the reports describe only by counters (e.g. coverage-summary.json): no line data. */
  noLineData: string[];
  /** Changed files (with added lines) that no report mentions. */
  notInReports: string[];
}

export function patchCoverage(
  changes: ReadonlyMap<string, ChangedFile>,
  files: { get(path: string): FileCoverage | undefined },
  exclude: readonly string[] = [],
): PatchResult {
  const isExcluded = excludeMatcher(exclude);
  const result: PatchResult = { counter: counter(), files: [], noLineData: [], notInReports: [] };
  for (const change of [...changes.values()].sort((a, b) => byCodeUnit(a.path, b.path))) {
    if (change.lines.length === 0 || change.binary || isExcluded(change.path)) continue;
    const file = files.get(change.path);
    if (!file) {
      result.notInReports.push(change.path);
      continue;
    }
    if (!file.detail || file.detail.lines.size === 0) {
      if (file.lines.found > 0) result.noLineData.push(change.path);
      continue;
    }
    const patch: PatchFile = { path: change.path, counter: counter(), uncovered: [] };
    for (const line of change.lines) {
      const hits = file.detail.lines.get(line);
      if (hits === undefined) continue;
      patch.counter.found++;
      if (hits > 0) patch.counter.hit++;
      else patch.uncovered.push(line);
    }
    if (patch.counter.found === 0) continue;
    result.counter.found += patch.counter.found;
    result.counter.hit += patch.counter.hit;
    result.files.push(patch);
  }
  return result;
}
