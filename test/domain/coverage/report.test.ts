import { describe, expect, it } from '@jest/globals';
import type { ChangedFile } from '../../../src/domain/coverage/diff.js';
import { evaluateGates, parseFailOn } from '../../../src/domain/coverage/gates.js';
import { fileFromRecord, totals, type FileCoverage } from '../../../src/domain/coverage/model.js';
import { patchCoverage } from '../../../src/domain/coverage/patch.js';
import {
  COMMENT_BUDGET,
  COMMENT_LIMIT,
  commentMarker,
  renderReport,
  reportNotes,
  titleSlug,
  uncoveredAnnotations,
} from '../../../src/domain/coverage/report.js';
import { excludeMatcher } from '../../../src/domain/coverage/paths.js';
import { buildSummary, parseBaseline } from '../../../src/domain/coverage/summary-json.js';

function file(path: string, found: number, hit: number, uncoveredLines: number[] = []): FileCoverage {
  const lines = new Map<number, number>();
  for (let i = 1; i <= found; i++) lines.set(i, uncoveredLines.includes(i) ? 0 : 1);
  return fileFromRecord(path, {
    path,
    lines: { found, hit },
    branches: { found: 0, hit: 0 },
    functions: { found: 0, hit: 0 },
    detail: { lines, branches: new Map(), functions: new Map() },
  });
}

const all = parseFailOn(['all']).gates;

describe('gates', () => {
  it('passes at exactly the threshold and fails just below it', () => {
    const exact = evaluateGates({
      settings: { min: { lines: 75 }, failOn: all },
      totals: totals([file('a', 4, 3)]),
      files: [],
    });
    expect(exact.passed).toBe(true);
    const below = evaluateGates({
      settings: { min: { lines: 75.01 }, failOn: all },
      totals: totals([file('a', 4, 3)]),
      files: [],
    });
    expect(below.results[0]).toMatchObject({ status: 'failed', actual: '75.00%', threshold: '≥ 75.01%' });
  });

  it('fails a metric gate when no report has that metric', () => {
    const outcome = evaluateGates({
      settings: { min: { branches: 10 }, failOn: all },
      totals: totals([file('a', 4, 3)]),
      files: [],
    });
    expect(outcome.results[0]).toMatchObject({
      status: 'failed',
      detail: expect.stringMatching(/no branches data/),
    });
  });

  it('lists files below min-file, worst first, ignoring files without lines', () => {
    const files = [file('good', 10, 10), file('bad', 10, 2), file('meh', 10, 5), file('empty', 0, 0)];
    const outcome = evaluateGates({
      settings: { min: {}, minFile: 60, failOn: all },
      totals: totals(files),
      files,
    });
    expect(outcome.filesBelow.map((f) => f.path)).toEqual(['bad', 'meh']);
    expect(outcome.results[0]!.detail).toBe('2 of 3 files are below: bad (20.00%), meh (50.00%).');
  });

  it('parses fail-on names, input names, all and none', () => {
    expect([...parseFailOn(['min-lines', 'patch', 'max-drop']).gates]).toEqual(['lines', 'patch', 'drop']);
    expect(parseFailOn(['none']).gates.size).toBe(0);
    expect(parseFailOn(['lines', 'bogus']).unknown).toEqual(['bogus']);
  });
});

describe('sticky comment body', () => {
  it('stays under 65,536 characters with thousands of files and says what it cut', () => {
    const files = Array.from({ length: 5000 }, (_, i) =>
      file(
        `packages/pkg-${i}/src/some/deeply/nested/module-${i}.ts`,
        200,
        100,
        Array.from({ length: 100 }, (_, j) => j * 2 + 1),
      ),
    );
    const changes = new Map(
      files.map((f) => [
        f.path,
        {
          path: f.path,
          status: 'modified' as const,
          binary: false,
          lines: Array.from({ length: 200 }, (_, j) => j + 1),
        },
      ]),
    );
    const patch = patchCoverage(changes, new Map(files.map((f) => [f.path, f])));
    expect(patch.counter).toEqual({ found: 1_000_000, hit: 500_000 });
    const outcome = evaluateGates({
      settings: { min: { lines: 90 }, minFile: 80, minPatch: 80, failOn: all },
      totals: totals(files),
      files,
      patch,
    });
    const marker = commentMarker('Coverage');
    const body = renderReport(
      { title: 'Coverage', outcome, totals: totals(files), files, patch, reports: [], notes: [] },
      {
        budget: COMMENT_BUDGET,
        marker,
        worstFiles: 5000,
        fullListsAt: 'The job summary has the full lists.',
      },
    );
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(COMMENT_BUDGET);
    expect(body.startsWith(marker)).toBe(true);
    expect(body).toContain('| min-patch | ≥ 80% | 50.00% | ❌ failed |');
    expect(body).toMatch(
      /✂️ Trimmed to stay under GitHub's 65,536-character comment limit: left out \d+ of 5000 files with uncovered changed lines; 5000 files below the per-file minimum; 5000 lowest-covered files\. The job summary has the full lists\./,
    );
    // Each uncovered row shows at most 30 ranges and says how many more there are.
    expect(body).toContain('… (70 more ranges)');
  });

  it('gives each title its own marker', () => {
    expect(commentMarker('Backend coverage')).toBe('<!-- coverage-gate:backend-coverage -->');
    expect(commentMarker('Frontend (jest)')).toBe('<!-- coverage-gate:frontend-jest -->');
  });
});

describe('titleSlug', () => {
  it('names the summary file and the marker alike', () => {
    expect(titleSlug('Backend API (pytest)')).toBe('backend-api-pytest');
    expect(titleSlug('  ***  ')).toBe('coverage');
    expect(commentMarker('Backend API (pytest)')).toBe(
      `<!-- coverage-gate:${titleSlug('Backend API (pytest)')} -->`,
    );
  });
});

describe('uncoveredAnnotations', () => {
  const changes = new Map<string, ChangedFile>([
    ['src/a.ts', { path: 'src/a.ts', lines: [1, 2, 3, 5, 7, 8], binary: false, status: 'modified' }],
    ['src/b.ts', { path: 'src/b.ts', lines: [1], binary: false, status: 'added' }],
  ]);
  const files = new Map([
    ['src/a.ts', file('src/a.ts', 8, 0, [2, 3, 5, 7, 8])],
    ['src/b.ts', file('src/b.ts', 1, 0, [1])],
  ]);
  const patch = patchCoverage(changes, files);

  it('gives one warning per uncovered range, with workspace paths, up to the cap', () => {
    const { annotations, skipped } = uncoveredAnnotations(patch, {
      title: 'Backend',
      max: 3,
      directory: 'apps\\rag',
    });
    expect(annotations).toEqual([
      {
        message: 'Lines 2-3 are changed by this pull request but not covered by tests.',
        title: 'Backend: changed lines not covered',
        file: 'apps/rag/src/a.ts',
        startLine: 2,
        endLine: 3,
      },
      expect.objectContaining({
        file: 'apps/rag/src/a.ts',
        startLine: 5,
        endLine: 5,
        message: expect.stringMatching(/^Line 5 is/),
      }),
      expect.objectContaining({ file: 'apps/rag/src/a.ts', startLine: 7, endLine: 8 }),
    ]);
    expect(skipped).toBe(1);
  });

  it('uses the path as is when the working directory is the workspace, and none at max 0', () => {
    expect(
      uncoveredAnnotations(patch, { title: 'T', max: 50, directory: '' }).annotations.map((a) => a.file),
    ).toEqual(['src/a.ts', 'src/a.ts', 'src/a.ts', 'src/b.ts']);
    expect(uncoveredAnnotations(patch, { title: 'T', max: 0, directory: '' })).toEqual({
      annotations: [],
      skipped: 4,
    });
  });
});

describe('reportNotes', () => {
  it('says what the numbers leave out', () => {
    const emptyPatch = patchCoverage(
      new Map([['lib/new.ts', { path: 'lib/new.ts', lines: [1], binary: false, status: 'added' as const }]]),
      new Map(),
    );
    const notes = reportNotes({
      paths: ['src/a.ts', '/app/src/b.ts', '../outside.ts', 'C:/build/x.ts'],
      approximate: ['src/a.ts'],
      excluded: 2,
      patch: emptyPatch,
    });
    expect(notes).toEqual([
      '3 file(s) are outside the workspace (e.g. `/app/src/b.ts`): set path-strip to the directory the tests ran in.',
      '1 file(s) appear in several reports without line data (e.g. `src/a.ts`): their counts are the larger of the reports, not a union.',
      'None of the 1 changed file(s) with added lines is in the reports (e.g. `lib/new.ts`): if they are code, check path-strip and path-prefix.',
      '2 file(s) excluded by the exclude input.',
    ]);
    expect(reportNotes({ paths: ['src/a.ts'], approximate: [], excluded: 0 })).toEqual([]);
  });
});

describe('excludeMatcher', () => {
  it('matches any of the globs, dot files included, and nothing without globs', () => {
    const excluded = excludeMatcher(['**/*.test.ts', 'migrations/**']);
    expect(['src/a.test.ts', 'migrations/001.py', '.hidden/x.test.ts', 'src/a.ts'].map(excluded)).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(excludeMatcher([])('anything')).toBe(false);
  });
});

describe('summary JSON', () => {
  it('round-trips as a baseline', () => {
    const files = [file('src/a.ts', 4, 3), file('src/b.ts', 2, 0)];
    const summary = buildSummary({
      title: 'Coverage',
      commit: 'abc',
      now: new Date('2026-11-27T00:00:00Z'),
      passed: true,
      totals: totals(files),
      files,
    });
    expect(summary.totals.lines).toEqual({ found: 6, hit: 3, pct: 50 });
    const baseline = parseBaseline('b.json', JSON.stringify(summary));
    expect(baseline.totals.lines).toEqual({ found: 6, hit: 3 });
    expect(baseline.files.get('src/a.ts')).toEqual({ found: 4, hit: 3 });
  });

  it('refuses files that are not a summary', () => {
    expect(() => parseBaseline('b.json', '{"totals":')).toThrow(/Input 'baseline': b.json is not valid JSON/);
    expect(() => parseBaseline('b.json', '{"total":{}}')).toThrow(/b.json is not a coverage-gate summary/);
  });
});
