import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoverageCollector } from '../../../src/domain/coverage/collect.js';
import { parseCoberturaText } from '../../../src/domain/coverage/cobertura.js';
import { parseLcovText } from '../../../src/domain/coverage/lcov.js';
import { percent, totals } from '../../../src/domain/coverage/model.js';
import { makeNormalizer } from '../../../src/domain/coverage/paths.js';
import { readReports } from '../../../src/io/coverage-reports.js';
import { repoRoot } from '../../support/run-action.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'coverage');
const workspace = '/home/runner/work/example/example';

describe('path normalisation', () => {
  const normalize = makeNormalizer({ workspace, strip: [], prefix: '' });

  it('makes absolute paths under the workspace relative and cleans ./ and ..', () => {
    expect(normalize(`${workspace}/apps/mouth/src/a.ts`)).toBe('apps/mouth/src/a.ts');
    expect(normalize('./src/../lib/x.js')).toBe('lib/x.js');
    expect(normalize(`file://${workspace}/src/a.ts`)).toBe('src/a.ts');
    expect(normalize('/elsewhere/a.ts')).toBe('/elsewhere/a.ts');
  });

  it('joins Cobertura filenames to their <source> root', () => {
    expect(normalize('app/main.py', [`${workspace}/apps/backend-rag`])).toBe('apps/backend-rag/app/main.py');
    expect(normalize('com/x/A.java', ['src/main/java'])).toBe('src/main/java/com/x/A.java');
  });

  it('picks the <source> root where the file exists when there are several', () => {
    const pick = makeNormalizer({ workspace, strip: [], prefix: '' }, (p) => p === 'tests/test_a.py');
    expect(pick('test_a.py', [`${workspace}/src`, `${workspace}/tests`])).toBe('tests/test_a.py');
  });

  it('strips a container prefix, then adds path-prefix to relative paths', () => {
    const n = makeNormalizer({ workspace, strip: ['/app'], prefix: 'apps/backend-rag' });
    expect(n('app/main.py', ['/app'])).toBe('apps/backend-rag/app/main.py');
    expect(n('/app/app/util.py')).toBe('apps/backend-rag/app/util.py');
    // An absolute path under the workspace is already right: no prefix.
    expect(n(`${workspace}/apps/mouth/x.ts`)).toBe('apps/mouth/x.ts');
  });

  it('handles Windows paths: backslashes, drive-letter case, a Windows workspace', () => {
    const fromWindows = makeNormalizer({ workspace, strip: ['C:\\build\\agent'], prefix: '' });
    expect(fromWindows('C:\\build\\agent\\src\\App.cs')).toBe('src/App.cs');
    expect(fromWindows('c:\\Build\\Agent\\src\\Util.cs')).toBe('src/Util.cs');
    const onWindows = makeNormalizer({ workspace: 'D:\\a\\example\\example', strip: [], prefix: '' });
    expect(onWindows('d:\\a\\example\\example\\src\\index.ts')).toBe('src/index.ts');
    expect(onWindows('src\\lib\\x.ts')).toBe('src/lib/x.ts');
  });
});

describe('merging', () => {
  const normalize = makeNormalizer({ workspace, strip: [], prefix: '' });

  it('unions two records of one file exactly when both have detail (jest shards)', () => {
    const collector = new CoverageCollector(normalize, () => true);
    parseLcovText(
      'shard1',
      'SF:src/a.ts\nDA:1,1\nDA:2,0\nDA:3,0\nBRDA:2,0,0,0\nBRDA:2,0,1,1\nend_of_record\n',
      collector,
    );
    parseLcovText(
      'shard2',
      'SF:src/a.ts\nDA:1,0\nDA:2,5\nDA:3,0\nBRDA:2,0,0,1\nBRDA:2,0,1,0\nend_of_record\n',
      collector,
    );
    const file = collector.files.get('src/a.ts')!;
    expect(file.lines).toEqual({ found: 3, hit: 2 });
    expect(file.detail!.lines.get(2)).toBe(5);
    expect(file.branches).toEqual({ found: 2, hit: 1 });
    expect(file.approximate).toBe(false);
    expect(collector.overlapping.size).toBe(0);
  });

  it('flags a file seen twice without detail, and a refining pass makes the union exact', () => {
    const shard1 = 'SF:src/a.ts\nDA:1,1\nDA:2,0\nend_of_record\nSF:src/b.ts\nDA:1,1\nend_of_record\n';
    const shard2 = 'SF:src/a.ts\nDA:1,0\nDA:2,1\nend_of_record\n';
    const collector = new CoverageCollector(normalize, () => false);
    parseLcovText('1', shard1, collector);
    parseLcovText('2', shard2, collector);
    expect([...collector.overlapping]).toEqual(['src/a.ts']);
    expect(collector.files.get('src/a.ts')!.approximate).toBe(true);
    collector.refine(collector.overlapping);
    parseLcovText('1', shard1, collector);
    parseLcovText('2', shard2, collector);
    expect(collector.files.get('src/a.ts')).toMatchObject({
      lines: { found: 2, hit: 2 },
      approximate: false,
    });
    expect(collector.files.get('src/b.ts')!.lines).toEqual({ found: 1, hit: 1 });
  });

  it('merges across formats: Python Cobertura and jest LCOV in one model', () => {
    const collector = new CoverageCollector(normalize, () => false);
    parseCoberturaText(
      'backend.xml',
      `<coverage><sources><source>${workspace}/apps/backend-rag</source></sources><packages><package><classes>
       <class filename="app/main.py"><lines><line number="1" hits="1"/><line number="2" hits="0"/></lines></class>
       </classes></package></packages></coverage>`,
      collector,
    );
    parseLcovText(
      'mouth.info',
      `SF:${workspace}/apps/mouth/src/a.ts\nDA:1,1\nDA:2,1\nend_of_record\n`,
      collector,
    );
    expect([...collector.files.keys()].sort()).toEqual([
      'apps/backend-rag/app/main.py',
      'apps/mouth/src/a.ts',
    ]);
    const t = totals(collector.files.values());
    expect(t.lines).toEqual({ found: 4, hit: 3 });
    expect(percent(t.lines)).toBe(75);
  });

  it('excludes files by glob', () => {
    const collector = new CoverageCollector(normalize, () => false, ['**/*.test.ts']);
    parseLcovText(
      'x',
      'SF:src/a.ts\nDA:1,1\nend_of_record\nSF:src/a.test.ts\nDA:1,0\nend_of_record\n',
      collector,
    );
    expect([...collector.files.keys()]).toEqual(['src/a.ts']);
    expect([...collector.excluded]).toEqual(['src/a.test.ts']);
  });

  it('reads report files of four formats into one model, re-reading overlapping files for an exact union', async () => {
    const result = await readReports(
      ['jest-lcov.info', 'coverage-final.json', 'coverage-py.xml', 'coverage-py.json'].map((name) => ({
        path: join(fixtures, name),
        display: name,
      })),
      { format: 'auto', normalize, detailFor: () => false, exclude: [] },
    );
    expect(result.reports.map((r) => [r.path, r.format, r.records])).toEqual([
      ['jest-lcov.info', 'LCOV', 2],
      ['coverage-final.json', 'Istanbul coverage-final.json', 2],
      ['coverage-py.xml', 'Cobertura XML', 2],
      ['coverage-py.json', 'coverage.py JSON', 2],
    ]);
    expect([...result.files.keys()].sort()).toEqual(
      [
        'apps/backend-rag/app/main.py',
        'apps/backend-rag/app/util.py',
        'apps/mouth/src/App.tsx',
        'apps/mouth/src/util.ts',
        'app/main.py',
        'app/util.py',
      ].sort(),
    );
    // The same file from lcov (lines 1,2,5,6,7,9,10) and coverage-final (lines 2,6,7,10): union 7 lines.
    expect(result.files.get('apps/mouth/src/util.ts')).toMatchObject({
      lines: { found: 7, hit: 4 },
      approximate: false,
      records: 2,
    });
    expect(result.approximate).toEqual([]);
  });

  it('lists exactly the files merged without line data, wherever they sit in the model', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'approximate-'));
    const counts = (total: number, covered: number) => ({ total, covered, skipped: 0, pct: 0 });
    const file = (lines: number) => ({
      lines: counts(lines, 1),
      statements: counts(lines, 1),
      functions: counts(1, 1),
      branches: counts(0, 0),
    });
    try {
      // src/a.ts is in both summaries (counters only), src/b.ts in the first alone and last in the model.
      writeFileSync(join(dir, 'one.json'), JSON.stringify({ 'src/a.ts': file(4), 'src/b.ts': file(2) }));
      writeFileSync(join(dir, 'two.json'), JSON.stringify({ 'src/a.ts': file(6) }));
      const result = await readReports(
        ['one.json', 'two.json'].map((name) => ({ path: join(dir, name), display: name })),
        { format: 'istanbul-summary', normalize, detailFor: () => false, exclude: [] },
      );
      expect(result.approximate).toEqual(['src/a.ts']);
      expect(result.files.get('src/a.ts')).toMatchObject({ lines: { found: 6, hit: 1 }, approximate: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
