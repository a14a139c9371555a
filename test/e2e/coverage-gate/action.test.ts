/** coverage-gate end to end: the bundle run as the runner runs it, against a stub GitHub API on 127.0.0.1. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git } from '../../support/git.js';
import { repoRoot, runAction, type RunResult } from '../../support/run-action.js';
import { startHttpStub, type HttpStub, type StubRequest } from '../../support/http-stub.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'coverage');
const TOKEN = 'ghs_coverageGateTestToken0123456789abcd';

function workspace(...names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'cov-action-'));
  for (const name of names) copyFileSync(join(fixtures, name), join(dir, name));
  return dir;
}

/** A repository whose feature commit changes lines 3-4 of src/calc.ts and adds lines 11-14. */
function pullRequestRepo(): { dir: string; base: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cov-pr-'));
  git(dir, 'init', '-q', '-b', 'main');
  mkdirSync(join(dir, 'src'));
  const lines = Array.from({ length: 10 }, (_, i) => `const l${i + 1} = ${i + 1};`);
  writeFileSync(join(dir, 'src', 'calc.ts'), `${lines.join('\n')}\n`);
  writeFileSync(join(dir, 'src', 'other.ts'), 'export const o = 1;\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'base');
  const base = git(dir, 'rev-parse', 'HEAD').trim();
  lines[2] = 'const l3 = 33;';
  lines[3] = 'const l4 = 44;';
  lines.push('function a() {', '  return 1;', '}', 'a();');
  writeFileSync(join(dir, 'src', 'calc.ts'), `${lines.join('\n')}\n`);
  git(dir, 'commit', '-q', '-am', 'feature');
  // Changed executable lines 3, 4, 11, 12, 13 (14 is not instrumented): 3 and 11 ran.
  const da = [
    [1, 1],
    [2, 1],
    [3, 1],
    [4, 0],
    [5, 1],
    [6, 1],
    [7, 1],
    [8, 1],
    [9, 1],
    [10, 1],
    [11, 1],
    [12, 0],
    [13, 0],
  ];
  writeFileSync(
    join(dir, 'lcov.info'),
    `TN:\nSF:${dir}/src/calc.ts\n${da.map(([l, h]) => `DA:${l},${h}`).join('\n')}\nend_of_record\nSF:src/other.ts\nDA:1,1\nend_of_record\n`,
  );
  return { dir, base };
}

const noStack = (result: RunResult) => expect(result.allText).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
const errors = (result: RunResult) =>
  result.annotations.filter((a) => a.level === 'error').map((a) => a.message);

describe('coverage-gate: reports and gates', () => {
  it('merges an LCOV and a Cobertura report, passes its gates and writes outputs, summary and summary JSON', async () => {
    const cwd = workspace('jest-lcov.info', 'coverage-py.xml');
    const result = await runAction('coverage-gate', {
      cwd,
      inputs: {
        files: 'jest-lcov.info\ncoverage-py.xml',
        'path-strip': '/home/runner/work/example/example',
        'min-lines': '65',
        'min-branches': '50',
      },
    });
    expect(errors(result)).toEqual([]);
    expect(result.exitCode).toBe(0);
    // 8/11 (jest) + 6/9 (python) lines.
    expect(result.outputs).toMatchObject({
      lines: '70.00',
      branches: '50.00',
      functions: '75.00',
      statements: '70.00',
      patch: '',
      passed: 'true',
    });
    const summary = JSON.parse(readFileSync(result.outputs['summary-json'] as string, 'utf8'));
    expect(summary.schema).toBe('coverage-gate/summary@1');
    expect(summary.totals.lines).toEqual({ found: 20, hit: 14, pct: 70 });
    expect(Object.keys(summary.files).sort()).toEqual([
      'apps/backend-rag/app/main.py',
      'apps/backend-rag/app/util.py',
      'apps/mouth/src/App.tsx',
      'apps/mouth/src/util.ts',
    ]);
    expect(result.summary).toContain('### ✅ Coverage: all 2 gates passed (70.00% of lines)');
    expect(result.summary).toContain('| min-lines | ≥ 65% | 70.00% | ✅ passed |');
    expect(result.summary).toContain('`apps/backend-rag/app/util.py`');
  });

  it('leaves out reports that a ! pattern in files excludes (globs and exact paths)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cov-excl-'));
    for (const pkg of ['a', 'b', 'c']) {
      mkdirSync(join(cwd, 'packages', pkg, 'coverage'), { recursive: true });
      writeFileSync(
        join(cwd, 'packages', pkg, 'coverage', 'lcov.info'),
        `SF:packages/${pkg}/index.ts\nDA:1,1\nDA:2,0\nend_of_record\n`,
      );
    }
    const result = await runAction('coverage-gate', {
      cwd,
      inputs: {
        files: 'packages/*/coverage/lcov.info\n!packages/b/**\n!packages/c/coverage/lcov.info',
      },
    });
    expect(errors(result)).toEqual([]);
    expect(result.exitCode).toBe(0);
    const summary = JSON.parse(readFileSync(result.outputs['summary-json'] as string, 'utf8'));
    expect(Object.keys(summary.files)).toEqual(['packages/a/index.ts']);
    expect(result.summary).toContain('`packages/a/coverage/lcov.info` (LCOV, 1 record)');
    expect(result.summary).not.toContain('packages/b/coverage/lcov.info');
  });

  it('fails the step naming each failed gate; fail-on makes a gate report-only', async () => {
    const cwd = workspace('jest-lcov.info');
    const failing = await runAction('coverage-gate', {
      cwd,
      inputs: { files: 'jest-lcov.info', 'min-lines': '80', 'min-functions': '70', 'min-file': '60' },
    });
    expect(failing.exitCode).toBe(1);
    expect(errors(failing)).toEqual([
      'Coverage gate failed: min-lines (72.72%, needs ≥ 80%); min-file (lowest 57.14%, needs each file ≥ 60%). See the job summary for the files and lines.',
    ]);
    expect(failing.outputs.passed).toBe('false');
    expect(failing.summary).toContain('#### Files below the per-file minimum');
    noStack(failing);

    const reportOnly = await runAction('coverage-gate', {
      cwd,
      inputs: { files: 'jest-lcov.info', 'min-lines': '80', 'fail-on': 'file, patch' },
    });
    expect(reportOnly.exitCode).toBe(0);
    expect(reportOnly.outputs.passed).toBe('true');
    expect(reportOnly.summary).toContain('⚠️ failed (report only)');
  });

  it('fails max-drop against a baseline saved by an earlier run, and skips it with a warning when there is none', async () => {
    const cwd = workspace('jest-lcov.info', 'simplecov-no-totals.info');
    const first = await runAction('coverage-gate', {
      cwd,
      inputs: { files: 'simplecov-no-totals.info', 'summary-path': 'baseline.json', 'max-drop': '1' },
    });
    expect(first.exitCode).toBe(0);
    expect(first.annotations.filter((a) => a.level === 'warning')).toEqual([]);
    expect(first.summary).toContain('| max-drop | drop ≤ 1 pp | n/a | ⏭️ skipped |');

    const missing = await runAction('coverage-gate', {
      cwd,
      inputs: { files: 'simplecov-no-totals.info', baseline: 'nope.json', 'max-drop': '1' },
    });
    expect(missing.exitCode).toBe(0);
    expect(missing.annotations.map((a) => a.message)).toContainEqual(
      expect.stringContaining('Baseline nope.json does not exist'),
    );

    // Baseline 4/6 = 66.67 % (simplecov); the same-named file now reports 72.72 %: a rise passes.
    const rise = await runAction('coverage-gate', {
      cwd,
      inputs: { files: 'jest-lcov.info', baseline: 'baseline.json', 'max-drop': '1' },
    });
    expect(rise.exitCode).toBe(0);
    expect(rise.summary).toMatch(/\| max-drop \| drop ≤ 1 pp \| \+6\.06 pp \| ✅ passed \|/);

    writeFileSync(
      join(cwd, 'high.json'),
      JSON.stringify({
        ...JSON.parse(readFileSync(join(cwd, 'baseline.json'), 'utf8')),
        totals: {
          lines: { found: 100, hit: 90 },
          branches: { found: 0, hit: 0 },
          functions: { found: 0, hit: 0 },
          statements: { found: 100, hit: 90 },
        },
      }),
    );
    const drop = await runAction('coverage-gate', {
      cwd,
      inputs: { files: 'jest-lcov.info', baseline: 'high.json', 'max-drop': '1' },
    });
    expect(drop.exitCode).toBe(1);
    expect(errors(drop)[0]).toContain('max-drop (-17.27 pp, needs drop ≤ 1 pp)');
    expect(drop.summary).toContain('| lines | 8 | 11 | 72.72% | 90.00% | -17.27 |');
  });
});

describe('coverage-gate: bad inputs fail with one clear error', () => {
  const cwd = workspace('jest-lcov.info', 'truncated.info', 'invalid.xml');
  writeFileSync(join(cwd, 'empty.info'), '');
  writeFileSync(join(cwd, 'notes.txt'), 'just some text\n');
  copyFileSync(join(fixtures, 'real', 'gcovr', 'sonarqube.xml'), join(cwd, 'sonarqube.xml'));
  writeFileSync(join(cwd, 'corrupt.info'), 'TN:\nSF:src/a.ts\nDA:1,1\nLF:1\nLH:3\nend_of_record\n');
  writeFileSync(join(cwd, 'mixed.info'), 'SF:src/a.ts\nDA:1,1\nend_of_record\nTests: 3 passed\n');

  it.each([
    [
      'missing file',
      { files: 'coverage/lcov.info' },
      /Input 'files': no file matches "coverage\/lcov.info" in .*\. Check the path/,
    ],
    [
      'empty file',
      { files: 'empty.info' },
      /Input 'files': empty.info is empty\. Check that the test step wrote coverage/,
    ],
    [
      'truncated lcov',
      { files: 'truncated.info' },
      /Input 'files': truncated.info is a truncated LCOV file: the record for .*App.tsx \(line 30\) has no end_of_record/,
    ],
    ['invalid XML', { files: 'invalid.xml' }, /Input 'files': invalid.xml is not valid XML \(line \d+/],
    [
      'unknown format',
      { files: 'notes.txt' },
      /Input 'files': notes.txt is in an unknown format \(it starts with "just some text"\)/,
    ],
    [
      'forced format that does not fit',
      { files: 'jest-lcov.info', format: 'cobertura' },
      /jest-lcov.info is not valid XML/,
    ],
    [
      'unknown format name',
      { files: 'jest-lcov.info', format: 'jacoco' },
      /Input 'format': "jacoco" is not one of the accepted values\. Use one of: auto, lcov/,
    ],
    [
      'threshold above 100',
      { files: 'jest-lcov.info', 'min-lines': '120' },
      /Input 'min-lines': 120 is out of range\. Use a number from 0 to 100\./,
    ],
    [
      'threshold below 0',
      { files: 'jest-lcov.info', 'min-patch': '-5' },
      /Input 'min-patch': -5 is out of range/,
    ],
    [
      'threshold not a number',
      { files: 'jest-lcov.info', 'max-drop': '5%' },
      /Input 'max-drop': "5%" is not a number/,
    ],
    [
      'unknown gate in fail-on',
      { files: 'jest-lcov.info', 'fail-on': 'lines, coverage' },
      /Input 'fail-on': "coverage" is not a gate\. Use all, none/,
    ],
    ['no files', { files: '' }, /Input 'files': is required but empty/],
    [
      'a SonarQube generic report',
      { files: 'sonarqube.xml' },
      /^Input 'files': sonarqube\.xml is a SonarQube generic coverage report, which coverage-gate does not read\. Have the tool write Cobertura XML or LCOV instead/,
    ],
    [
      'a corrupt LCOV record (LH > LF)',
      { files: 'corrupt.info' },
      /^Input 'files': corrupt\.info line 5: LH:3 is greater than LF:1 in the record for src\/a\.ts \(line 2\)\. More covered than found means the report is corrupt; it is not clamped to 100%\./,
    ],
    [
      'test output after the last LCOV record',
      { files: 'mixed.info' },
      /^Input 'files': mixed\.info line 4: "Tests: 3 passed" is not an LCOV line \(after the end_of_record at line 3\)/,
    ],
  ])('%s', async (_name, inputs, message) => {
    const result = await runAction('coverage-gate', { cwd, inputs });
    expect(result.exitCode).toBe(1);
    const errs = errors(result);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(message);
    noStack(result);
  });

  it('base ref not found', async () => {
    const { dir } = pullRequestRepo();
    const result = await runAction('coverage-gate', {
      cwd: dir,
      inputs: { files: 'lcov.info', 'base-ref': 'release/9.9' },
    });
    expect(result.exitCode).toBe(1);
    expect(errors(result)).toEqual([
      `Input 'base-ref': base ref "release/9.9" was not found in the checkout. Check out with history: actions/checkout with fetch-depth: 0 (or run git fetch origin <base> before this step).`,
    ]);
  });
});

describe('coverage-gate on real reports', () => {
  it("gates a coverage.py JSON report on coverage.py's own statement counts", async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cov-py-'));
    copyFileSync(join(fixtures, 'real', 'coveragepy-json', 'coverage.json'), join(cwd, 'coverage.json'));
    const result = await runAction('coverage-gate', {
      cwd,
      inputs: { files: 'coverage.json', 'min-lines': '97.85' },
    });
    expect(errors(result)).toEqual([]);
    expect(result.exitCode).toBe(0);
    // coverage report: 3027 statements, 65 missed, 98% (97.85...).
    expect(result.outputs.lines).toBe('97.85');
    const summary = JSON.parse(readFileSync(result.outputs['summary-json'] as string, 'utf8'));
    expect(summary.totals.lines).toEqual({ found: 3027, hit: 2962, pct: 97.85 });
    expect(summary.files['src/pdf_toolbox/locales/__init__.py'].lines).toEqual([0, 0]);
  });

  it('reads an LCOV file with a test runner’s output before its first record, and says so', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cov-pre-'));
    const lcov = readFileSync(join(fixtures, 'real', 'jest', 'lcov.info'), 'utf8');
    writeFileSync(
      join(cwd, 'lcov.info'),
      `\uFEFF\n> app@1.0.0 test\n> jest --coverage\n\nPASS tests/basic.test.js\n${lcov}`,
    );
    const result = await runAction('coverage-gate', { cwd, inputs: { files: 'lcov.info' } });
    expect(errors(result)).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.outputs.lines).toBe('78.57');
    expect(result.summary).toContain('> `lcov.info`: 3 line(s) before the first record were skipped');
    noStack(result);
  });

  it('never echoes the content of a report outside the workspace', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cov-ws-'));
    const outside = mkdtempSync(join(tmpdir(), 'cov-secret-'));
    const secret = 'hunter2-not-for-logs';
    writeFileSync(join(outside, 'creds.txt'), `user=admin\npassword=${secret}\n`);
    writeFileSync(join(outside, 'bad.info'), `SF:/srv/${secret}.ts\nDA:1,${secret}\nend_of_record\n`);
    for (const [file, message] of [
      [
        join(outside, 'creds.txt'),
        /^Input 'files': \.\.\/.*creds\.txt is in an unknown format\. Give a report/,
      ],
      [
        join(outside, 'bad.info'),
        /^Input 'files': \.\.\/.*bad\.info line 2: the line is not DA:<line>,<hits>/,
      ],
    ] as const) {
      const result = await runAction('coverage-gate', { cwd, inputs: { files: file } });
      expect(result.exitCode).toBe(1);
      expect(errors(result)).toEqual([expect.stringMatching(message)]);
      expect(result.allText).not.toContain(secret);
      expect(result.allText).not.toContain('admin');
    }
  });
});

interface StoredComment {
  id: number;
  body: string;
  user: { login: string; type: string };
  html_url: string;
}

/** An in-memory issue-comments API: GET /user refuses (as for GITHUB_TOKEN), list paginates 100 per page. */
function commentsApi(stub: HttpStub, options: { readOnly?: boolean; holdFirstLists?: number } = {}) {
  const comments: StoredComment[] = [];
  let nextId = 1000;
  const forbidden = { status: 403, body: { message: 'Resource not accessible by integration' } };
  // Holds the first N list requests until all N arrived: N runs all see "no comment yet" (a race).
  let held = 0;
  let releaseHeld: () => void = () => {};
  const allListed = new Promise<void>((resolve) => (releaseHeld = resolve));
  stub.on('GET', '/user', () => forbidden);
  stub.on('GET', '/repos/:owner/:repo/issues/:number/comments', async (req: StubRequest) => {
    if (held < (options.holdFirstLists ?? 0)) {
      if (++held === options.holdFirstLists) releaseHeld();
      await allListed;
    }
    if (options.readOnly && req.params.number === 'never') return forbidden;
    const perPage = Number(req.query.get('per_page') ?? 30);
    const page = Number(req.query.get('page') ?? 1);
    const slice = comments.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (page * perPage < comments.length)
      headers.link = `<${stub.url}${req.path}?per_page=${perPage}&page=${page + 1}>; rel="next"`;
    return { body: slice, headers };
  });
  stub.on('POST', '/repos/:owner/:repo/issues/:number/comments', (req: StubRequest) => {
    if (options.readOnly) return forbidden;
    const comment: StoredComment = {
      id: nextId++,
      body: (req.json as { body: string }).body,
      user: { login: 'github-actions[bot]', type: 'Bot' },
      html_url: `https://github.com/o/r/pull/${req.params.number}#issuecomment-${nextId}`,
    };
    comments.push(comment);
    return { status: 201, body: comment };
  });
  stub.on('DELETE', '/repos/:owner/:repo/issues/comments/:id', (req: StubRequest) => {
    if (options.readOnly) return forbidden;
    const index = comments.findIndex((c) => String(c.id) === req.params.id);
    if (index < 0) return { status: 404, body: { message: 'Not Found' } };
    comments.splice(index, 1);
    return { status: 204, body: '' };
  });
  stub.on('PATCH', '/repos/:owner/:repo/issues/comments/:id', (req: StubRequest) => {
    if (options.readOnly) return forbidden;
    const comment = comments.find((c) => String(c.id) === req.params.id);
    if (!comment) return { status: 404, body: { message: 'Not Found' } };
    comment.body = (req.json as { body: string }).body;
    return { body: comment };
  });
  return comments;
}

describe('coverage-gate on a pull request (stub GitHub API)', () => {
  let stub: HttpStub;
  beforeAll(async () => {
    stub = await startHttpStub();
  });
  afterAll(async () => {
    await stub.close();
  });

  it('measures the changed lines, annotates the uncovered ones, and keeps exactly one comment over 10 runs', async () => {
    const comments = commentsApi(stub);
    const { dir, base } = pullRequestRepo();
    // 150 other comments push ours onto page 2; a user's quote of the marker must never be edited.
    for (let i = 0; i < 150; i++)
      comments.push({
        id: i + 1,
        body: `chatter ${i}`,
        user: { login: 'alice', type: 'User' },
        html_url: '',
      });
    comments.push({
      id: 500,
      body: 'quoting: <!-- coverage-gate:backend-coverage --> nice',
      user: { login: 'alice', type: 'User' },
      html_url: '',
    });
    const event = {
      name: 'pull_request',
      payload: { pull_request: { number: 7, base: { sha: base }, head: { sha: 'f'.repeat(40) } } },
    };
    const run = () =>
      runAction('coverage-gate', {
        cwd: dir,
        event,
        githubToken: TOKEN,
        env: { GITHUB_API_URL: stub.url },
        inputs: { files: 'lcov.info', 'min-patch': '30', title: 'Backend coverage' },
      });

    const first = await run();
    expect(errors(first)).toEqual([]);
    expect(first.exitCode).toBe(0);
    expect(first.outputs.patch).toBe('40.00');
    expect(first.annotations.filter((a) => a.level === 'warning')).toEqual([
      expect.objectContaining({
        file: 'src/calc.ts',
        line: 4,
        message: expect.stringContaining('Line 4 is changed'),
      }),
      expect.objectContaining({
        file: 'src/calc.ts',
        line: 12,
        message: expect.stringContaining('Lines 12-13 are changed'),
      }),
    ]);
    expect(first.summary).toContain('**Changed lines:** 2 of 5 executable changed lines covered (40.00%).');
    expect(first.summary).toContain('| Uncovered / changed | Lines not covered |');
    expect(first.summary).toContain('| `src/calc.ts` | 3 of 5 | 4, 12-13 |');
    expect(first.allText.replaceAll(`::add-mask::${TOKEN}`, '')).not.toContain(TOKEN);
    expect(first.masks).toContain(TOKEN);
    const auth = stub.requests.find((r) => r.method === 'POST')?.headers.authorization;
    expect(auth).toBe(`token ${TOKEN}`);

    for (let i = 0; i < 9; i++) expect((await run()).exitCode).toBe(0);
    const ours = comments.filter((c) => c.body.includes('<!-- coverage-gate:backend-coverage -->'));
    expect(ours.map((c) => c.user.login)).toEqual(['alice', 'github-actions[bot]']);
    expect(comments.find((c) => c.id === 500)!.body).toBe(
      'quoting: <!-- coverage-gate:backend-coverage --> nice',
    );
    expect(stub.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(stub.requests.filter((r) => r.method === 'PATCH')).toHaveLength(9);
    const bot = ours[1]!;
    expect(bot.body.startsWith('<!-- coverage-gate:backend-coverage -->')).toBe(true);
    expect(bot.body).toContain('Backend coverage: all 1 gates passed');
  });

  it('two runs racing (matrix jobs) both create a comment, and leave exactly one: the older', async () => {
    const racing = await startHttpStub();
    try {
      const comments = commentsApi(racing, { holdFirstLists: 2 });
      const { dir, base } = pullRequestRepo();
      const run = () =>
        runAction('coverage-gate', {
          cwd: dir,
          event: { name: 'pull_request', payload: { pull_request: { number: 9, base: { sha: base } } } },
          githubToken: TOKEN,
          env: { GITHUB_API_URL: racing.url },
          inputs: { files: 'lcov.info', 'min-patch': '30' },
        });
      const results = await Promise.all([run(), run()]);
      expect(results.map((r) => [r.exitCode, errors(r)])).toEqual([
        [0, []],
        [0, []],
      ]);
      // Both created one: the race happened.
      expect(racing.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
      expect(racing.requests.filter((r) => r.method === 'DELETE').length).toBeGreaterThanOrEqual(1);
      expect(comments.map((c) => c.id)).toEqual([1000]);
      expect(comments[0]!.body.startsWith('<!-- coverage-gate:coverage -->')).toBe(true);
      expect((await run()).exitCode).toBe(0);
      expect(comments.map((c) => c.id)).toEqual([1000]);
    } finally {
      await racing.close();
    }
  });

  it('a fork pull request (read-only token, 403) downgrades to the job summary with a warning', async () => {
    const readOnly = await startHttpStub();
    try {
      commentsApi(readOnly, { readOnly: true });
      const { dir, base } = pullRequestRepo();
      const result = await runAction('coverage-gate', {
        cwd: dir,
        event: { name: 'pull_request', payload: { pull_request: { number: 8, base: { sha: base } } } },
        githubToken: TOKEN,
        env: { GITHUB_API_URL: readOnly.url },
        inputs: { files: 'lcov.info', 'min-patch': '30' },
      });
      expect(result.exitCode).toBe(0);
      expect(errors(result)).toEqual([]);
      expect(result.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toContainEqual(
        'Cannot comment on pull request #8 (HTTP 403: the token is read-only, as on a pull request from a fork, or lacks pull-requests: write). The report is in the job summary only.',
      );
      expect(result.summary).toContain('**Changed lines:** 2 of 5');
      expect(readOnly.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    } finally {
      await readOnly.close();
    }
  });

  it('fails min-patch with the numbers when too few changed lines ran', async () => {
    const { dir, base } = pullRequestRepo();
    const result = await runAction('coverage-gate', {
      cwd: dir,
      inputs: { files: 'lcov.info', 'min-patch': '80', comment: 'false', 'base-ref': base },
    });
    expect(result.exitCode).toBe(1);
    expect(errors(result)).toEqual([
      'Coverage gate failed: min-patch (40.00%, needs ≥ 80%). See the job summary for the files and lines.',
    ]);
  });
});
