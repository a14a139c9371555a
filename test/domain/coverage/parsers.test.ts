import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCoberturaText } from '../../../src/domain/coverage/cobertura.js';
import { detectFormat } from '../../../src/domain/coverage/detect.js';
import { LcovParser, parseLcovText } from '../../../src/domain/coverage/lcov.js';
import type { FileRecord } from '../../../src/domain/coverage/model.js';
import { collectingSink } from '../../../src/domain/coverage/sink.js';
import { parseReport } from '../../../src/io/coverage-reports.js';
import { repoRoot } from '../../support/run-action.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'coverage');
const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const byPath = (records: FileRecord[]) =>
  new Map(records.map((r) => [r.path.replace(/^.*\/(apps\/)/, '$1'), r]));

describe('LCOV', () => {
  it('reads an istanbul (jest) tracefile: lines, branches (- is not taken), functions', () => {
    const sink = collectingSink();
    expect(parseLcovText('jest-lcov.info', fixture('jest-lcov.info'), sink)).toBe(2);
    const util = byPath(sink.records).get('apps/mouth/src/util.ts')!;
    expect(util.lines).toEqual({ found: 7, hit: 4 });
    expect(util.branches).toEqual({ found: 6, hit: 3 });
    expect(util.functions).toEqual({ found: 3, hit: 2 });
    expect(util.statements).toBeUndefined();
    expect([...util.detail!.lines]).toEqual([
      [1, 4],
      [2, 4],
      [5, 1],
      [6, 1],
      [7, 0],
      [9, 0],
      [10, 0],
    ]);
    expect(util.detail!.branches.get(10)).toEqual({ found: 2, hit: 0 });
    expect(util.detail!.functions.get('unused')).toBe(0);
    const app = byPath(sink.records).get('apps/mouth/src/App.tsx')!;
    expect(app.lines).toEqual({ found: 4, hit: 4 });
    expect(app.branches).toEqual({ found: 0, hit: 0 });
  });

  it('counts from DA lines when LF/LH are missing (simplecov-lcov)', () => {
    const sink = collectingSink(() => false);
    parseLcovText('simplecov.info', fixture('simplecov-no-totals.info'), sink);
    expect(sink.records.map((r) => [r.path, r.lines, r.detail])).toEqual([
      ['lib/calc.rb', { found: 5, hit: 3 }, undefined],
      ['lib/other.rb', { found: 1, hit: 1 }, undefined],
    ]);
  });

  it('falls back to LF/LH, BRF/BRH, FNF/FNH when a record has only totals', () => {
    const sink = collectingSink();
    parseLcovText('t.info', 'SF:a.c\nFNF:4\nFNH:1\nBRF:10\nBRH:5\nLF:20\nLH:15\nend_of_record\n', sink);
    expect(sink.records[0]).toMatchObject({
      lines: { found: 20, hit: 15 },
      branches: { found: 10, hit: 5 },
      functions: { found: 4, hit: 1 },
    });
  });

  it('reads CRLF files with Windows paths', () => {
    const sink = collectingSink();
    parseLcovText('windows.info', fixture('windows.info'), sink);
    expect(sink.records.map((r) => [r.path, r.lines])).toEqual([
      ['C:\\build\\agent\\src\\App.cs', { found: 2, hit: 1 }],
      ['C:\\build\\agent\\src\\Util.cs', { found: 1, hit: 1 }],
    ]);
  });

  it('merges repeated and unordered DA lines of one record, with or without detail', () => {
    const text = 'SF:x.js\nDA:3,0\nDA:1,1\nDA:3,2\nDA:2,0\nend_of_record\n';
    for (const detail of [true, false]) {
      const sink = collectingSink(() => detail);
      parseLcovText('x.info', text, sink);
      expect(sink.records[0]!.lines).toEqual({ found: 3, hit: 2 });
    }
  });

  it('reads lcov 2.x function records (FNL/FNA) and DA checksums', () => {
    const sink = collectingSink(() => false);
    parseLcovText(
      'v2.info',
      'VER:2\nSF:m.cpp\nFNL:0,3,8\nFNA:0,5,main\nFNL:1,10,12\nFNA:1,0,helper\nFNA:1,0,helper_alias\nDA:3,5,abc\nDA:10,0,def\nend_of_record\n',
      sink,
    );
    expect(sink.records[0]).toMatchObject({ functions: { found: 2, hit: 1 }, lines: { found: 2, hit: 1 } });
  });

  it('matches FN and FNDA names that contain commas, with or without an end line', () => {
    const sink = collectingSink();
    parseLcovText(
      'cpp.info',
      'SF:t.cpp\nFN:3,max<int, char>\nFN:10,12,pair<a, b>::first\nFNDA:2,max<int, char>\nFNDA:0,pair<a, b>::first\nDA:3,2\nend_of_record\n',
      sink,
    );
    expect([...sink.records[0]!.detail!.functions]).toEqual([
      ['max<int, char>', 2],
      ['pair<a, b>::first', 0],
    ]);
    expect(sink.records[0]!.functions).toEqual({ found: 2, hit: 1 });
  });

  it('gives the same result however the input is split into chunks', () => {
    const text = Buffer.from(fixture('jest-lcov.info'));
    const whole = collectingSink();
    parseLcovText('a', text.toString(), whole);
    for (const size of [1, 2, 7, 64]) {
      const sink = collectingSink();
      const parser = new LcovParser('a', sink);
      for (let i = 0; i < text.length; i += size) parser.push(text.subarray(i, i + size));
      parser.end();
      expect(sink.records).toEqual(whole.records);
    }
  });

  it('refuses a truncated file, naming the open record', () => {
    expect(() => parseLcovText('truncated.info', fixture('truncated.info'), collectingSink())).toThrow(
      /Input 'files': truncated.info is a truncated LCOV file: the record for \/home\/runner\/work\/example\/example\/apps\/mouth\/src\/App.tsx \(line \d+\) has no end_of_record/,
    );
  });

  it('refuses malformed records and data outside records', () => {
    expect(() => parseLcovText('a.info', 'SF:a\nDA:x,1\nend_of_record\n', collectingSink())).toThrow(
      /a.info line 2: "DA:x,1" is not DA:<line>,<hits>/,
    );
    expect(() => parseLcovText('a.info', 'DA:1,1\n', collectingSink())).toThrow(/comes before any SF: line/);
    expect(() => parseLcovText('a.info', 'TN:\n\n', collectingSink())).toThrow(/has no LCOV records/);
    expect(() => parseLcovText('a.info', 'SF:a\nSF:b\nend_of_record\n', collectingSink())).toThrow(
      /line 2: "SF:b" starts a record while the record for a \(line 1\) is still open/,
    );
  });
});

describe('Cobertura', () => {
  it('reads coverage.py XML with branch data and keeps the source roots', () => {
    const sink = collectingSink();
    expect(parseCoberturaText('coverage.xml', fixture('coverage-py.xml'), sink)).toBe(2);
    const [main, util] = sink.records;
    expect(main).toMatchObject({
      path: 'app/main.py',
      lines: { found: 5, hit: 4 },
      branches: { found: 2, hit: 1 },
      functions: { found: 0, hit: 0 },
      sourceRoots: ['/home/runner/work/example/example/apps/backend-rag'],
    });
    expect(main!.detail!.lines.get(6)).toBe(0);
    expect(main!.detail!.branches.get(4)).toEqual({ found: 2, hit: 1 });
    expect(util).toMatchObject({
      path: 'app/util.py',
      lines: { found: 4, hit: 2 },
      branches: { found: 2, hit: 1 },
    });
  });

  it('reads a report without branch data', () => {
    const sink = collectingSink(() => false);
    parseCoberturaText('c.xml', fixture('cobertura-no-branches.xml'), sink);
    expect(sink.records).toEqual([
      expect.objectContaining({
        path: 'app/main.py',
        lines: { found: 4, hit: 3 },
        branches: { found: 0, hit: 0 },
      }),
    ]);
  });

  it('joins inner classes of one file and counts methods as functions (Java, with a DOCTYPE)', () => {
    for (const detail of [true, false]) {
      const sink = collectingSink(() => detail);
      expect(parseCoberturaText('j.xml', fixture('java-inner-classes.xml'), sink)).toBe(1);
      expect(sink.records[0]).toMatchObject({
        path: 'com/example/Shop.java',
        lines: { found: 5, hit: 3 },
        branches: { found: 2, hit: 1 },
        functions: { found: 3, hit: 2 },
      });
    }
  });

  it('refuses invalid (truncated) XML and other XML reports', () => {
    expect(() => parseCoberturaText('invalid.xml', fixture('invalid.xml'), collectingSink())).toThrow(
      /Input 'files': invalid.xml is not valid XML \(line \d+/,
    );
    expect(() =>
      parseCoberturaText(
        'jacoco.xml',
        '<?xml version="1.0"?><report name="x"><sessioninfo/></report>',
        collectingSink(),
      ),
    ).toThrow(/jacoco.xml is a JaCoCo XML report, which coverage-gate does not read/);
    expect(() =>
      parseCoberturaText('c.xml', '<coverage clover="4.4"><project/></coverage>', collectingSink()),
    ).toThrow(/c.xml is a Clover XML report, which coverage-gate does not read/);
  });
});

describe('JSON formats (streamed)', () => {
  const parseFile = async (name: string, format: Parameters<typeof parseReport>[1], want = true) => {
    const sink = collectingSink(() => want);
    const { records: count } = await parseReport({ path: join(fixtures, name), display: name }, format, sink);
    return { count, records: sink.records };
  };

  it('reads Istanbul coverage-final.json: lines from statements, branches, functions, statements', async () => {
    const { count, records } = await parseFile('coverage-final.json', 'istanbul-final');
    expect(count).toBe(2);
    const util = byPath(records).get('apps/mouth/src/util.ts')!;
    // Line 6 holds two statements (1 and 1 hit); lines 2, 6, 7, 10.
    expect(util.lines).toEqual({ found: 4, hit: 2 });
    expect(util.statements).toEqual({ found: 5, hit: 3 });
    expect(util.functions).toEqual({ found: 3, hit: 2 });
    expect(util.branches).toEqual({ found: 2, hit: 1 });
    expect(util.detail!.lines.get(7)).toBe(0);
  });

  it('reads Istanbul coverage-summary.json as counters only, skipping "total"', async () => {
    const { records } = await parseFile('coverage-summary.json', 'istanbul-summary');
    expect(records.map((r) => r.path)).toEqual([
      '/home/runner/work/example/example/apps/mouth/src/util.ts',
      '/home/runner/work/example/example/apps/mouth/src/App.tsx',
    ]);
    expect(records[0]).toMatchObject({
      lines: { found: 7, hit: 4 },
      statements: { found: 8, hit: 4 },
      summaryOnly: true,
    });
    expect(records[0]!.detail).toBeUndefined();
  });

  it('reads coverage.py JSON (format 3) with branches from arcs and functions', async () => {
    const { records } = await parseFile('coverage-py.json', 'coveragepy-json');
    expect(records.map((r) => [r.path, r.lines, r.branches, r.functions])).toEqual([
      ['app/main.py', { found: 5, hit: 4 }, { found: 2, hit: 1 }, { found: 1, hit: 1 }],
      ['app/util.py', { found: 4, hit: 2 }, { found: 2, hit: 1 }, { found: 2, hit: 1 }],
    ]);
  });

  it('refuses truncated JSON with the format named', async () => {
    await expect(parseFile('truncated.json', 'coveragepy-json')).rejects.toThrow(
      /Input 'files': truncated.json is not valid coverage.py JSON/,
    );
  });
});

describe('format detection', () => {
  it.each([
    ['jest-lcov.info', 'lcov'],
    ['simplecov-no-totals.info', 'lcov'],
    ['windows.info', 'lcov'],
    ['coverage-py.xml', 'cobertura'],
    ['java-inner-classes.xml', 'cobertura'],
    ['coverage-final.json', 'istanbul-final'],
    ['coverage-summary.json', 'istanbul-summary'],
    ['coverage-py.json', 'coveragepy-json'],
  ])('%s is %s', (name, format) => {
    expect(detectFormat(name, fixture(name))).toBe(format);
  });

  it('names unknown and unsupported formats', () => {
    expect(() => detectFormat('x.txt', 'hello world')).toThrow(
      /Input 'files': x.txt is in an unknown format \(it starts with "hello world"\)/,
    );
    expect(() => detectFormat('.coverage', 'SQLite format 3\0...')).toThrow(/coverage.py data file/);
    expect(() => detectFormat('e.json', '  \n')).toThrow(/e.json is empty/);
    expect(() => detectFormat('e.json', '{}')).toThrow(/empty JSON object/);
  });
});
