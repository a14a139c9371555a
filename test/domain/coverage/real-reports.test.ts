/**
 * Real reports from public repositories (provenance and where each expected figure comes from:
 * test/fixtures/coverage/real/README.md), read as the action reads them: detected, streamed from disk,
 * merged by path.
 */
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { METRICS, totals, type Metric } from '../../../src/domain/coverage/model.js';
import { makeNormalizer } from '../../../src/domain/coverage/paths.js';
import { readReports } from '../../../src/io/coverage-reports.js';
import { repoRoot } from '../../support/run-action.js';

const real = join(repoRoot, 'test', 'fixtures', 'coverage', 'real');

async function read(name: string, detail = false) {
  const result = await readReports([{ path: join(real, name), display: name }], {
    format: 'auto',
    normalize: makeNormalizer({ workspace: '/nowhere', strip: [], prefix: '' }),
    detailFor: () => detail,
    exclude: [],
  });
  const t = totals(result.files.values());
  const pairs = Object.fromEntries(METRICS.map((m) => [m, [t[m].hit, t[m].found]])) as Record<
    Metric,
    [number, number]
  >;
  return { totals: pairs, reports: result.reports, files: result.files.size };
}

type Expected = Partial<Record<Metric, [hit: number, found: number]>>;

describe('real reports parse to the totals their tools report', () => {
  it.each<[string, string, Expected]>([
    [
      'jest/lcov.info',
      'LCOV',
      { lines: [22, 28], branches: [0, 2], functions: [12, 14], statements: [22, 28] },
    ],
    [
      'jest/coverage-final.json',
      'Istanbul coverage-final.json',
      { lines: [22, 28], branches: [0, 2], functions: [12, 14], statements: [24, 30] },
    ],
    [
      'vitest/coverage-final.json',
      'Istanbul coverage-final.json',
      { lines: [24, 24], branches: [11, 11], functions: [14, 14], statements: [26, 26] },
    ],
    ['gcovr/cobertura.xml', 'Cobertura XML', { lines: [23, 30], branches: [18, 36], functions: [4, 7] }],
    ['gcovr/coverage.lcov', 'LCOV', { lines: [23, 24], branches: [18, 36], functions: [7, 7] }],
    [
      'coverlet/coverage.cobertura.xml',
      'Cobertura XML',
      { lines: [90, 201], branches: [5, 28], functions: [20, 39] },
    ],
    ['coverlet/coverage.info', 'LCOV', { lines: [90, 201], branches: [5, 28], functions: [20, 39] }],
    [
      'coveragepy-json/coverage.json',
      'coverage.py JSON',
      { lines: [2962, 3027], branches: [0, 0], functions: [263, 272], statements: [2962, 3027] },
    ],
    [
      'coveragepy-xml/coverage.xml',
      'Cobertura XML',
      { lines: [56, 248], branches: [18, 126], functions: [0, 0] },
    ],
    ['coveragepy-data/coverage.xml', 'Cobertura XML', { lines: [563, 809], branches: [0, 0] }],
    ['geninfo/check.info', 'LCOV', { lines: [2063, 2063], branches: [410, 422], functions: [190, 190] }],
    ['simplecov-lcov/spec-fixtures-hoge.rb.branch.lcov', 'LCOV', { lines: [9, 10], branches: [1, 2] }],
    ['simplecov-lcov/spec-fixtures-blank.rb.lcov', 'LCOV', { lines: [0, 0], branches: [0, 0] }],
  ])('%s (%s)', async (name, format, expected) => {
    for (const detail of [false, true]) {
      const { totals: got, reports } = await read(name, detail);
      expect(reports[0]!.format).toBe(format);
      expect(got).toMatchObject(expected);
    }
  });

  it('merges the 66 sections of a geninfo tracefile into its 16 files', async () => {
    expect((await read('geninfo/check.info')).files).toBe(16);
  });

  it("notes where gcovr's LF/LH disagree with its DA lines", async () => {
    const { reports } = await read('gcovr/coverage.lcov');
    expect(reports[0]!.notes).toEqual([
      expect.stringContaining(
        'in 1 record(s) (e.g. `tests/virtual-classes/output/main.cpp`) LF/LH differ from the DA lines',
      ),
    ]);
  });
});

describe('real reports in formats coverage-gate does not read are named', () => {
  it.each([
    ['gcovr/sonarqube.xml', 'a SonarQube generic coverage report'],
    ['gcovr/jacoco.xml', 'a JaCoCo XML report'],
    ['gcovr/clover.xml', 'a Clover XML report'],
    ['jest/clover.xml', 'a Clover XML report'],
    ['gcovr/coverage.json', 'a gcovr JSON report'],
    ['gcovr/coverage_summary.json', 'a gcovr JSON report'],
    ['gcovr/coveralls.json', 'a Coveralls upload'],
    ['jest/index.html', 'an Istanbul HTML report'],
    ['vitest/index.html', 'an Istanbul HTML report'],
    ['geninfo/index.html', 'an HTML report written by genhtml'],
    ['coverlet/coverage.opencover.xml', 'an OpenCover XML report'],
    ['coverlet/coverage.json', 'a coverlet JSON report'],
    ['coverlet/coverage.teamcity', 'TeamCity build statistics'],
    ['coveragepy-data/.coverage', 'a coverage.py data file (.coverage), not a report'],
    ['go/coverage.out', 'a Go coverage profile'],
  ])('%s is %s', async (name, what) => {
    const error = await read(name).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(
      new RegExp(
        `^Input 'files': ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is ${what.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*, which coverage-gate does not read\\. .+ set format to it\\.`,
      ),
    );
  });

  it.each([
    ['lcov-errors/badLine.info', /line 6: "DA:0,0" names line 0 in the record for test\.cpp \(line 2\)/],
    ['lcov-errors/badBranchLine.info', /line 6: "DA:0,0" names line 0/],
    ['lcov-errors/badFncLine.info', /line 4: "FN:0,45,main" names line 0/],
    ['lcov-errors/format.info', /line 7: "DA:4,-3" has a negative count in the record for a\.cpp \(line 2\)/],
  ])("lcov's own corrupt test file %s is refused with its line", async (name, message) => {
    await expect(read(name)).rejects.toThrow(message);
  });
});
