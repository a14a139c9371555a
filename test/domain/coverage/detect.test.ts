/** Format detection: the formats read, and the common ones not read, named as what they are. */
import { describe, expect, it } from '@jest/globals';
import { detectFormat } from '../../../src/domain/coverage/detect.js';

describe('detectFormat', () => {
  it('finds LCOV after a BOM, blank lines and a test runner’s output', () => {
    expect(
      detectFormat('a.info', '\uFEFF\n\nPASS src/a.test.ts\nWARNING: x\nTN:\nSF:src/a.ts\nDA:1,1\n'),
    ).toBe('lcov');
    expect(detectFormat('a.info', 'SF:src/a.ts\nDA:1,1\n')).toBe('lcov');
    // A log that mentions an LCOV key is not LCOV: after other text, only a record start counts.
    expect(() => detectFormat('log.txt', 'build ok\nLF: 12 files\n')).toThrow(
      /log\.txt is in an unknown format/,
    );
  });

  it.each([
    [
      'SonarQube generic XML',
      '<?xml version="1.0"?>\n<coverage version="1">\n  <file path="src/a.ts">\n',
      'a SonarQube generic coverage report',
    ],
    [
      'JaCoCo XML',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd"><report name="app"><sessioninfo id="x"/>',
      'a JaCoCo XML report',
    ],
    [
      'Clover XML',
      '<?xml version="1.0" encoding="UTF-8"?>\n<coverage generated="1712725655421" clover="3.2.0">\n  <project timestamp="1">',
      'a Clover XML report',
    ],
    [
      'OpenCover XML',
      '\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<CoverageSession>\n  <Summary numSequencePoints="201"/>',
      'an OpenCover XML report',
    ],
    [
      'JUnit XML',
      '<?xml version="1.0"?><testsuites name="jest tests" tests="3">',
      'JUnit test results, not a coverage report',
    ],
    [
      'Go coverprofile',
      'mode: atomic\ngithub.com/x/y/a.go:3.14,5.2 1 1\n',
      'a Go coverage profile (go test -coverprofile)',
    ],
    [
      'gcov JSON',
      '{"format_version": "2", "gcc_version": "14.2.0", "current_working_directory": "/b", "data_file": "a.gcda", "files": []}',
      'gcov JSON output (gcov --json-format)',
    ],
    ['gzip', '\u001f\ufffd\b\u0000\u0000\u0000', 'gzip-compressed'],
    [
      'gcov text',
      '        -:    0:Source:main.c\n        -:    0:Graph:main.gcno\n',
      'gcov text output (.gcov)',
    ],
    [
      'genhtml HTML',
      '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n<html lang="en">\n<head>\n  <title>LCOV - code coverage report</title>',
      'an HTML report written by genhtml',
    ],
    [
      'Istanbul HTML',
      '<!doctype html>\n<html lang="en">\n<head>\n    <title>Code coverage report for All files</title>',
      'an Istanbul HTML report',
    ],
    [
      'coverage.py data',
      'SQLite format 3\u0000\u0010\u0000',
      'a coverage.py data file (.coverage), not a report',
    ],
    [
      'raw V8 coverage',
      '{"result":[{"scriptId":"12","url":"file:///a.js","functions":[]}]}',
      'raw V8 coverage (NODE_V8_COVERAGE output), not a report',
    ],
    [
      'SimpleCov result set',
      '{\n  "RSpec": {\n    "coverage": {\n      "/app/a.rb": {"lines": [1, null]}',
      'a SimpleCov result set',
    ],
    [
      'Jest results',
      '{"numFailedTestSuites":0,"numFailedTests":0,"numPassedTestSuites":3,"numTotalTests":9,"testResults":[]}',
      'Jest test results (jest --json), not a coverage report',
    ],
    [
      'a binary file',
      'PCH\ufffd\u0001\u0000\u000f\u0000\u0000\u0000',
      'a binary file, not a coverage report',
    ],
  ])('%s', (_name, head, what) => {
    expect(() => detectFormat('report', head)).toThrow(
      new RegExp(
        `^Input 'files': report is ${what.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, which coverage-gate does not read\\. `,
      ),
    );
  });

  it('still reads Cobertura whose root is hidden by a long prolog, and coverage.py JSON by its meta', () => {
    expect(detectFormat('c.xml', `<?xml version="1.0" ?>\n<!-- ${'x'.repeat(70_000)}`)).toBe('cobertura');
    expect(
      detectFormat(
        'c.json',
        '{"meta": {"format": 3, "version": "7.6.1", "branch_coverage": true}, "files": {',
      ),
    ).toBe('coveragepy-json');
    expect(() => detectFormat('s.json', '{"meta": {"simplecov_version": "0.22.0"}, "coverage": {')).toThrow(
      /a SimpleCov result set/,
    );
  });

  it('never quotes a report outside the workspace', () => {
    expect(() => detectFormat({ display: 'x', quote: false }, 'root:x:0:0:root:/root:/bin/bash\n')).toThrow(
      /^Input 'files': x is in an unknown format\. Give a report in one of/,
    );
    expect(() => detectFormat('x', 'root:x:0:0\n')).toThrow(
      /x is in an unknown format \(it starts with "root:x:0:0"\)/,
    );
  });
});
