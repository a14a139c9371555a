/** Corrupt and unusual reports: refused with one error naming file, record and line, never clamped. */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoberturaParser, parseCoberturaText } from '../../../src/domain/coverage/cobertura.js';
import {
  CoveragePyReport,
  istanbulFinalEntry,
  istanbulSummaryEntry,
} from '../../../src/domain/coverage/json-formats.js';
import { LcovParser, parseLcovText } from '../../../src/domain/coverage/lcov.js';
import { makeNormalizer } from '../../../src/domain/coverage/paths.js';
import { collectingSink } from '../../../src/domain/coverage/sink.js';
import { parseBaseline } from '../../../src/domain/coverage/summary-json.js';
import { insideWorkspace, readChunks, readReports } from '../../../src/io/coverage-reports.js';

const hidden = { display: 'outside.info', quote: false };
const lcov = (text: string, source: Parameters<typeof parseLcovText>[0] = 'r.info') => {
  const sink = collectingSink();
  parseLcovText(source, text, sink);
  return sink.records;
};

describe('LCOV: corrupt records are refused', () => {
  it.each([
    [
      'LH > LF',
      'SF:a.c\nLF:10\nLH:12\nend_of_record\n',
      /r\.info line 3: LH:12 is greater than LF:10 in the record for a\.c \(line 1\).*not clamped to 100%/,
    ],
    [
      'BRH > BRF',
      'SF:a.c\nBRH:5\nBRF:4\nDA:1,1\nend_of_record\n',
      /r\.info line 3: BRH:5 is greater than BRF:4 in the record for a\.c/,
    ],
    [
      'FNH > FNF',
      'TN:\nSF:a.c\nFNF:1\nFNH:2\nend_of_record\n',
      /r\.info line 4: FNH:2 is greater than FNF:1 in the record for a\.c \(line 2\)/,
    ],
    [
      'DA line 0',
      'SF:a.c\nDA:0,1\nend_of_record\n',
      /line 2: "DA:0,1" names line 0 in the record for a\.c \(line 1\); lines are numbered from 1/,
    ],
    ['DA negative line', 'SF:a.c\nDA:-4,1\nend_of_record\n', /line 2: "DA:-4,1" names line -4/],
    ['BRDA line 0', 'SF:a.c\nBRDA:0,0,0,1\nend_of_record\n', /line 2: "BRDA:0,0,0,1" names line 0/],
    ['FNL line 0', 'SF:a.c\nFNL:0,0\nend_of_record\n', /line 2: "FNL:0,0" names line 0/],
    [
      'negative hits',
      'SF:a.c\nDA:3,-1\nend_of_record\n',
      /line 2: "DA:3,-1" has a negative count in the record for a\.c/,
    ],
    [
      'negative branch taken',
      'SF:a.c\nBRDA:3,0,0,-2\nend_of_record\n',
      /line 2: "BRDA:3,0,0,-2" has a negative count/,
    ],
    [
      'negative FNDA',
      'SF:a.c\nFN:3,f\nFNDA:-1,f\nend_of_record\n',
      /line 3: "FNDA:-1,f" has a negative count/,
    ],
    ['negative LF', 'SF:a.c\nLF:-3\nend_of_record\n', /line 2: "LF:-3" has a negative count/],
    ['non-numeric hits', 'SF:a.c\nDA:3,lots\nend_of_record\n', /line 2: "DA:3,lots" is not DA:<line>,<hits>/],
    ['non-numeric LF', 'SF:a.c\nLF:12abc\nend_of_record\n', /line 2: "LF:12abc" is not LF:<count>/],
    [
      'non-numeric exponent',
      'SF:a.c\nDA:10,1.a0e+19\nend_of_record\n',
      /line 2: "DA:10,1\.a0e\+19" is not DA:<line>,<hits>/,
    ],
    ['non-numeric taken', 'SF:a.c\nBRDA:3,0,0,yes\nend_of_record\n', /line 2: "BRDA:3,0,0,yes" is not BRDA/],
  ])('%s', (_name, text, message) => {
    expect(() => lcov(text)).toThrow(message);
  });

  it('a report outside the workspace is refused without its content', () => {
    const cases = [
      'SF:/etc/secret-path\nDA:1,root:x:0:0\nend_of_record\n',
      'SF:/etc/secret-path\nLF:1\nLH:2\nend_of_record\n',
      'root:x:0:0:root:/root:/bin/bash\nSF:/etc/secret-path\nend_of_record\nsecret text\n',
    ];
    for (const text of cases) {
      let message = '';
      try {
        lcov(text, hidden);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/^Input 'files': outside\.info line \d+: /);
      expect(message).not.toMatch(/secret|root:x|\/etc/);
    }
  });

  it('reads lcov 2.x decimal and exponent counts, and a DA checksum', () => {
    expect(lcov('SF:a.c\nDA:1,1.0e+19\nDA:2,0.0\nDA:3,4,abcdef\nend_of_record\n')[0]!.lines).toEqual({
      found: 3,
      hit: 2,
    });
  });
});

describe('LCOV: text before the first record is skipped, text between records is not', () => {
  const record = 'TN:\nSF:src/a.ts\nDA:1,1\nDA:2,0\nLF:2\nLH:1\nend_of_record\n';

  it('skips a BOM, blank lines, test runner output and lcov warnings, with a note', () => {
    const text = `\uFEFF\n\n> app@1.0.0 test\n> jest --coverage\n\nPASS src/a.test.ts\ngeninfo: WARNING: no data found for /usr/include/stdio.h\nWARNING: something\n${record}`;
    for (const size of [1, 3, 17, 1 << 16]) {
      const sink = collectingSink();
      const parser = new LcovParser('lcov.info', sink);
      const bytes = Buffer.from(text);
      for (let i = 0; i < bytes.length; i += size) parser.push(bytes.subarray(i, i + size));
      expect(parser.end()).toBe(1);
      expect(sink.records[0]!.lines).toEqual({ found: 2, hit: 1 });
      expect(parser.notes()).toEqual([
        "`lcov.info`: 5 line(s) before the first record were skipped (the first: `> app@1.0.0 test`), e.g. a test runner's output written into the report.",
      ]);
    }
  });

  it('keeps lcov comments and blank lines between records, and unknown keys inside them (lcov 2 MCDC)', () => {
    const records = lcov(
      `${record}\n# a comment\n\nTN:second\n${record.replace('TN:\n', '').replace('DA:1,1\n', 'DA:1,1\nMCDC:1,2,t,1,0,x\n')}`,
    );
    expect(records).toHaveLength(2);
  });

  it.each([
    [
      'output between records',
      `${record}PASS src/b.test.ts\n${record}`,
      /line 8: "PASS src\/b\.test\.ts" is not an LCOV line \(after the end_of_record at line 7\); after the first record every line belongs to a record\. The file mixes LCOV with other output/,
    ],
    [
      'output after the last record',
      `${record}Done in 2.1s\n`,
      /line 8: "Done in 2\.1s" is not an LCOV line \(after the end_of_record at line 7\)/,
    ],
    [
      'output inside a record',
      'SF:a.c\nDA:1,1\nTests: 3 passed\nend_of_record\n',
      /line 3: "Tests: 3 passed" is not an LCOV line \(in the record for a\.c \(line 1\)\)/,
    ],
    ['data after a record', `${record}DA:3,1\n`, /line 8: "DA:3,1" comes after the end_of_record at line 7/],
    ['data before any record', 'DA:3,1\nSF:a\nend_of_record\n', /line 1: "DA:3,1" comes before any SF: line/],
  ])('refuses %s', (_name, text, message) => {
    expect(() => lcov(text)).toThrow(message);
  });

  it('notes records whose LF/LH disagree with their DA lines, counting the DA lines', () => {
    const sink = collectingSink(() => false);
    const parser = new LcovParser('g.info', sink);
    parser.push(Buffer.from('SF:m.cpp\nDA:1,1\nDA:2,0\nLF:5\nLH:1\nend_of_record\n'));
    parser.end();
    expect(sink.records[0]!.lines).toEqual({ found: 2, hit: 1 });
    expect(parser.notes()[0]).toContain('in 1 record(s) (e.g. `m.cpp`) LF/LH differ from the DA lines');
  });
});

/** A varied tracefile: records of different sizes, functions, branches, unordered and repeated DA lines. */
function tracefile(records: number): string {
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const out: string[] = [];
  for (let r = 0; r < records; r++) {
    out.push('TN:', `SF:/w/src/dir${r % 5}/file-${r}.ts`);
    const fns = Math.floor(next() * 4);
    for (let f = 0; f < fns; f++) out.push(`FN:${f + 1},f${f}`, `FNDA:${Math.floor(next() * 3)},f${f}`);
    const lines = 1 + Math.floor(next() * 30);
    for (let l = 1; l <= lines; l++)
      out.push(`DA:${l},${Math.floor(next() * 3) * 1234567}${next() < 0.1 ? ',c0ffee' : ''}`);
    if (r % 7 === 0) out.push('DA:1,5', 'DA:2,0');
    for (let b = 0; b < Math.floor(next() * 6); b++)
      out.push(`BRDA:${b + 1},e${b},${b},${next() < 0.3 ? '-' : Math.floor(next() * 4)}`);
    out.push(`LF:${lines}`, 'end_of_record');
  }
  return `${out.join('\n')}\n`;
}

describe('LCOV read from disk into one reused buffer', () => {
  it('gives the same records whatever the buffer size, records split across reads included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cov-chunks-'));
    const path = join(dir, 'lcov.info');
    writeFileSync(path, tracefile(60));
    const parse = async (size: number, detail: boolean) => {
      const sink = collectingSink(() => detail);
      const parser = new LcovParser('lcov.info', sink);
      let reads = 0;
      await readChunks(path, size, (chunk) => {
        reads++;
        parser.push(chunk);
      });
      expect(parser.end()).toBe(60);
      return { records: sink.records, reads };
    };
    for (const detail of [false, true]) {
      const whole = await parse(1 << 20, detail);
      expect(whole.reads).toBe(1);
      for (const size of [1, 2, 7, 64, 1000]) {
        const split = await parse(size, detail);
        expect(split.reads).toBeGreaterThan(1);
        expect(split.records).toEqual(whole.records);
      }
    }
  });
});

describe('Cobertura: corrupt reports are refused', () => {
  const doc = (lines: string, attrs = 'line-rate="0.5"') =>
    `<?xml version="1.0" ?>\n<coverage version="7.6.1">\n<packages><package name="p">\n<classes>\n<class name="a" filename="app/a.py" ${attrs}>\n<lines>\n${lines}\n</lines>\n</class></classes></package></packages></coverage>\n`;
  const parse = (text: string, source: Parameters<typeof parseCoberturaText>[0] = 'c.xml') => {
    const sink = collectingSink();
    parseCoberturaText(source, text, sink);
    return sink.records;
  };

  it.each([
    [
      'a class line-rate above 1',
      doc('<line number="1" hits="1"/>', 'line-rate="1.4"'),
      /c\.xml line 5: <class> has line-rate="1\.4" in the <class> for "app\/a\.py" \(line 5\); rates run from 0 to 1/,
    ],
    [
      'a negative branch-rate',
      doc('<line number="1" hits="1"/>', 'branch-rate="-0.1"'),
      /<class> has branch-rate="-0\.1"/,
    ],
    [
      'more conditions covered than found',
      doc('<line number="4" hits="1" branch="true" condition-coverage="150% (3/2)"/>'),
      /c\.xml line 7: <line number="4"> has condition-coverage="150% \(3\/2\)" in the <class> for "app\/a\.py" \(line 5\): more conditions covered than it has/,
    ],
    [
      'negative hits',
      doc('<line number="4" hits="-1"/>'),
      /<line number="4"> has hits="-1" in the <class> for "app\/a\.py" \(line 5\); hits is a count of zero or more/,
    ],
    ['non-numeric hits', doc('<line number="4" hits="many"/>'), /<line number="4"> has hits="many"/],
    ['missing hits', doc('<line number="4"/>'), /<line number="4"> has hits=""/],
    [
      'line 0',
      doc('<line number="0" hits="1"/>'),
      /<line> has number="0" in the <class> for "app\/a\.py" \(line 5\), not a line number/,
    ],
    ['a negative line', doc('<line number="-3" hits="1"/>'), /<line> has number="-3"/],
  ])('%s', (_name, text, message) => {
    expect(() => parse(text)).toThrow(message);
  });

  it('quotes nothing from a report outside the workspace', () => {
    for (const text of [
      doc('<line number="4" hits="-1"/>'),
      doc('<line number="1" hits="1"/>', 'line-rate="9"'),
      '<coverage><secret-tag>',
    ]) {
      let message = '';
      try {
        parse(text.replace('app/a.py', '/etc/secret'), { display: 'outside.xml', quote: false });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(
        /^Input 'files': outside\.xml (line \d+:|is not valid XML \(line \d+, column \d+\))/,
      );
      expect(message).not.toMatch(/secret|"-1"|"9"/);
    }
  });

  it('counts each <line> element as gcovr does, with or without detail, and reads coverlet branch="True"', () => {
    const text = doc(
      '<line number="10" hits="0"/><line number="10" hits="3"/><line number="12" hits="1" branch="True" condition-coverage="50% (1/2)"/>',
    );
    for (const detail of [true, false]) {
      const sink = collectingSink(() => detail);
      parseCoberturaText('c.xml', text, sink);
      expect(sink.records[0]).toMatchObject({ lines: { found: 3, hit: 2 }, branches: { found: 2, hit: 1 } });
    }
  });

  it('names a SonarQube generic report even when format: cobertura is forced', () => {
    expect(() =>
      parse(
        '<coverage version="1"><file path="a.c"><lineToCover lineNumber="1" covered="true"/></file></coverage>',
      ),
    ).toThrow(
      /c\.xml is a SonarQube generic coverage report, which coverage-gate does not read\. Have the tool write Cobertura XML or LCOV instead/,
    );
    expect(() => parse('<CoverageSession><Summary/></CoverageSession>')).toThrow(
      /is an OpenCover XML report/,
    );
  });

  it('gives the same records however the text is split', () => {
    const text = doc(
      '<line number="1" hits="1"/><line number="2" hits="0" branch="true" condition-coverage="0% (0/2)"/>',
    );
    const whole = parse(text);
    for (const size of [1, 5, 33]) {
      const sink = collectingSink();
      const parser = new CoberturaParser('c.xml', sink);
      for (let i = 0; i < text.length; i += size) parser.push(text.slice(i, i + size));
      parser.end();
      expect(sink.records).toEqual(whole);
    }
  });
});

describe('JSON formats: corrupt entries are refused', () => {
  const sink = () => collectingSink();

  it('Istanbul coverage-final.json: negative or non-numeric counts, line 0', () => {
    const entry = (s: unknown, line = 1) => ({
      path: '/w/a.ts',
      statementMap: { '0': { start: { line, column: 0 }, end: { line, column: 9 } } },
      fnMap: {},
      branchMap: {},
      s: { '0': s },
      f: {},
      b: {},
    });
    expect(() => istanbulFinalEntry('final.json', '/w/a.ts', entry(-2), sink())).toThrow(
      /final\.json: the entry "\/w\/a\.ts", s\["0"\] is negative; counts are zero or more/,
    );
    expect(() => istanbulFinalEntry('final.json', '/w/a.ts', entry('3'), sink())).toThrow(
      /s\["0"\] is "3", not a count/,
    );
    expect(() => istanbulFinalEntry('final.json', '/w/a.ts', entry(1, 0), sink())).toThrow(
      /statementMap\["0"\]\.start\.line holds 0, not a line number/,
    );
    expect(() =>
      istanbulFinalEntry({ display: 'final.json', quote: false }, '/w/secret.ts', entry('x'), sink()),
    ).toThrow(/^Input 'files': final\.json: an entry, s\["0"\] is not a number, not a count/);
  });

  it('Istanbul coverage-summary.json: covered greater than total', () => {
    const value = { lines: { total: 10, covered: 11, pct: 110 }, statements: { total: 10, covered: 5 } };
    expect(() => istanbulSummaryEntry('summary.json', 'src/a.ts', value, sink())).toThrow(
      /summary\.json: the entry "src\/a\.ts", lines says covered 11 is greater than total 10: more covered than found means the report is corrupt \(it is not clamped to 100%\)/,
    );
  });

  const file = (summary: Record<string, number>, lists: Record<string, unknown> = {}) => ({
    executed_lines: [1, 2, 3],
    missing_lines: [5],
    excluded_lines: [],
    summary,
    ...lists,
  });

  it('coverage.py: the per-file summary is the count, as coverage report prints it', () => {
    const s = collectingSink();
    const report = new CoveragePyReport('coverage.json', s);
    // Line 1 is a docstring coverage.py saw run but does not count as a statement.
    report.entry('a.py', file({ covered_lines: 2, num_statements: 3, missing_lines: 1 }));
    report.totals({ covered_lines: 2, num_statements: 3, percent_covered: 66.67 });
    expect(report.end()).toEqual([]);
    expect(s.records[0]!.lines).toEqual({ found: 3, hit: 2 });
  });

  it('coverage.py: refuses covered above total, a summary that contradicts its lists, and totals that contradict the files', () => {
    const entry = (value: unknown) => () =>
      new CoveragePyReport('coverage.json', collectingSink()).entry('a.py', value);
    expect(entry(file({ covered_lines: 4, num_statements: 3 }))).toThrow(
      /coverage\.json: the entry "a\.py", summary says covered_lines 4 is greater than num_statements 3/,
    );
    expect(entry(file({ covered_lines: 1, num_statements: 3 }))).toThrow(
      /the entry "a\.py", missing_lines lists 1 missing lines but its summary says 2/,
    );
    expect(entry(file({ covered_lines: 2, num_statements: 3, missing_lines: 4 }))).toThrow(
      /summary\.missing_lines is 4, not 1: the summary contradicts itself/,
    );
    expect(
      entry(file({ covered_lines: 2, num_statements: 3, num_branches: 2, covered_branches: 3 })),
    ).toThrow(/summary says covered_branches 3 is greater than num_branches 2/);
    expect(entry({ ...file({ covered_lines: 2, num_statements: 3 }), missing_lines: [0] })).toThrow(
      /missing_lines\[0\] holds 0, not a line number/,
    );
    const report = new CoveragePyReport('coverage.json', collectingSink());
    report.entry('a.py', file({ covered_lines: 2, num_statements: 3 }));
    report.totals({ covered_lines: 3, num_statements: 3 });
    expect(() => report.end()).toThrow(
      /coverage\.json: "totals" says 3 of 3 statements but its files add up to 2 of 3: the report contradicts itself/,
    );
  });

  it("coverage.py with branches: notes coverage.py's own combined total", () => {
    const report = new CoveragePyReport('coverage.json', collectingSink());
    report.entry(
      'a.py',
      file(
        { covered_lines: 2, num_statements: 3, num_branches: 2, covered_branches: 1, missing_branches: 1 },
        { executed_branches: [[2, 3]], missing_branches: [[2, -1]] },
      ),
    );
    report.totals({
      covered_lines: 2,
      num_statements: 3,
      num_branches: 2,
      covered_branches: 1,
      percent_covered: 60,
    });
    expect(report.end()).toEqual([
      "`coverage.json`: coverage.py's own total is 60.00% (statements and branches together, as `coverage report` prints it); the lines and branches gates use them separately.",
    ]);
  });
});

describe('reports outside the workspace', () => {
  it('are recognised after symlinks, and their content is never quoted', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'cov-ws-'));
    const outside = mkdtempSync(join(tmpdir(), 'cov-out-'));
    writeFileSync(join(outside, 'passwd'), 'root:x:0:0:root:/root:/bin/bash\n');
    symlinkSync(join(outside, 'passwd'), join(workspace, 'lcov.info'));
    writeFileSync(join(workspace, 'inside.info'), 'root:x:0:0:root:/root:/bin/bash\n');
    expect(await insideWorkspace(join(workspace, 'lcov.info'), workspace)).toBe(false);
    expect(await insideWorkspace(join(workspace, 'inside.info'), workspace)).toBe(true);
    const read = (name: string) =>
      readReports([{ path: join(workspace, name), display: name }], {
        format: 'auto',
        normalize: makeNormalizer({ workspace, strip: [], prefix: '' }),
        detailFor: () => false,
        exclude: [],
        workspace,
      });
    await expect(read('lcov.info')).rejects.toThrow(
      /^Input 'files': lcov\.info is in an unknown format\. Give a report/,
    );
    await expect(read('inside.info')).rejects.toThrow(/unknown format \(it starts with "root:x:0:0:root/);
    const forced = readReports([{ path: join(workspace, 'lcov.info'), display: 'lcov.info' }], {
      format: 'lcov',
      normalize: makeNormalizer({ workspace, strip: [], prefix: '' }),
      detailFor: () => false,
      exclude: [],
      workspace,
    });
    await expect(forced).rejects.toThrow(/^Input 'files': lcov\.info has no LCOV records/);
  });

  it('a baseline that is not JSON is named without its content', () => {
    expect(() => parseBaseline('../../etc/shadow', 'root:$6$secret:19000:0:99999:7:::')).toThrow(
      /^Input 'baseline': \.\.\/\.\.\/etc\/shadow is not valid JSON( \(at position \d+\))?\. Give the coverage-gate summary JSON/,
    );
    expect(() => parseBaseline('x.json', 'root:$6$secret')).not.toThrow(/secret/);
  });
});
