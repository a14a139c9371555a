/**
 * Recognises a report's format from its first bytes, so users need not say which tool wrote it. Formats
 * coverage-gate does not read are named as what they are, with the way to get one it reads.
 */
import { InputError } from '../shared/errors.js';
import { excerpt, reportSource, type ReportSource } from './source.js';

export const FORMATS = [
  'lcov',
  'cobertura',
  'istanbul-final',
  'istanbul-summary',
  'coveragepy-json',
] as const;
export type ReportFormat = (typeof FORMATS)[number];

export const FORMAT_NAMES: Record<ReportFormat, string> = {
  lcov: 'LCOV',
  cobertura: 'Cobertura XML',
  'istanbul-final': 'Istanbul coverage-final.json',
  'istanbul-summary': 'Istanbul coverage-summary.json',
  'coveragepy-json': 'coverage.py JSON',
};

/** How many bytes of the file the detector needs to see. */
export const DETECT_BYTES = 64 * 1024;

/** Formats and files that are not reports coverage-gate reads: what they are, and what to give instead. */
const UNREAD = {
  sonarqube: [
    'a SonarQube generic coverage report',
    'Have the tool write Cobertura XML or LCOV instead (gcovr --cobertura, ReportGenerator -reporttypes:Cobertura)',
  ],
  jacoco: [
    'a JaCoCo XML report',
    'Convert it to Cobertura XML (ReportGenerator -reporttypes:Cobertura, or cover2cover.py), or write LCOV',
  ],
  jacocoExec: [
    'a JaCoCo execution data file (jacoco.exec), not a report',
    'Run the JaCoCo report task and convert its XML to Cobertura (ReportGenerator -reporttypes:Cobertura)',
  ],
  clover: [
    'a Clover XML report',
    'Write Cobertura XML or LCOV instead (PHPUnit --coverage-cobertura, Istanbul/jest reporters cobertura or lcov, gcovr --cobertura)',
  ],
  opencover: [
    'an OpenCover XML report',
    'Write Cobertura instead (coverlet: /p:CoverletOutputFormat=cobertura; otherwise ReportGenerator -reporttypes:Cobertura)',
  ],
  vsxml: [
    'a Visual Studio coverage XML report',
    'Convert it to Cobertura (dotnet-coverage merge -f cobertura, or ReportGenerator -reporttypes:Cobertura)',
  ],
  coverletJson: [
    "a coverlet JSON report (coverlet's own format)",
    'Write Cobertura or LCOV instead (/p:CoverletOutputFormat=cobertura or lcov)',
  ],
  teamcity: [
    'TeamCity build statistics (coverlet teamcity output), not a report',
    'Write Cobertura or LCOV instead (/p:CoverletOutputFormat=cobertura or lcov)',
  ],
  go: [
    'a Go coverage profile (go test -coverprofile)',
    'Convert it to Cobertura XML (gocover-cobertura < coverage.out > coverage.xml) or to LCOV (gcov2lcov)',
  ],
  gcovJson: [
    'gcov JSON output (gcov --json-format)',
    'Run gcovr --cobertura or lcov --capture over the build directory instead',
  ],
  gcovText: [
    'gcov text output (.gcov)',
    'Run gcovr --cobertura or lcov --capture over the build directory instead',
  ],
  gcovrJson: ['a gcovr JSON report', 'Run gcovr with --cobertura or --lcov instead of --json'],
  lcovHtml: [
    'an HTML report written by genhtml',
    'Give the LCOV tracefile genhtml read (e.g. coverage.info or lcov.info), not its HTML',
  ],
  istanbulHtml: [
    'an Istanbul HTML report',
    'Give coverage/lcov.info or coverage/coverage-final.json (the lcov or json reporter), not the HTML',
  ],
  html: [
    'an HTML page',
    'Give the machine-readable report the tool wrote next to its HTML (LCOV, Cobertura XML or JSON)',
  ],
  junit: [
    'JUnit test results, not a coverage report',
    'Give the coverage report your test step wrote (e.g. coverage/lcov.info or coverage.xml)',
  ],
  coveragepyData: [
    'a coverage.py data file (.coverage), not a report',
    'Run `coverage xml` or `coverage json` (or pytest --cov-report=xml) and give that file',
  ],
  v8: [
    'raw V8 coverage (NODE_V8_COVERAGE output), not a report',
    'Turn it into one with c8 report --reporter=lcov (or --reporter=json)',
  ],
  simplecov: [
    'a SimpleCov result set',
    "Add simplecov-lcov or simplecov-cobertura to SimpleCov's formatters and give its file",
  ],
  coveralls: [
    'a Coveralls upload (JSON)',
    'Give the report the Coveralls file was made from (LCOV, Cobertura XML or JSON)',
  ],
  jestResults: [
    'Jest test results (jest --json), not a coverage report',
    'Give coverage/coverage-final.json or coverage/lcov.info (coverageReporters json or lcov)',
  ],
  gzip: ['gzip-compressed', 'Decompress it first (gunzip); gcov --json-format writes .gcov.json.gz'],
  binary: ['a binary file, not a coverage report', 'Give the text report (LCOV, Cobertura XML or JSON)'],
} as const satisfies Record<string, readonly [string, string]>;

export type Unread = keyof typeof UNREAD;

const READ = `Reports coverage-gate reads: ${Object.values(FORMAT_NAMES).join(', ')}.`;

/** The error for a file in a format coverage-gate does not read. */
export function unreadFormat(source: string | ReportSource, kind: Unread): InputError {
  const [what, instead] = UNREAD[kind];
  return new InputError(
    'files',
    `${reportSource(source).display} is ${what}, which coverage-gate does not read`,
    `${instead}. If the file is in fact one of the formats coverage-gate reads, set format to it. ${READ}`,
  );
}

/** What an XML root element (and the element after it) says about the file, when it is not Cobertura. */
export function unreadXml(
  root: string,
  firstChild: string | undefined,
  cloverAttr: boolean,
): Unread | undefined {
  if (root === 'coverage') {
    if (cloverAttr || firstChild === 'project') return 'clover';
    // SonarQube's generic format: <coverage version="1"><file path="…"><lineToCover …/>.
    if (firstChild === 'file') return 'sonarqube';
    return undefined;
  }
  if (root === 'report') return 'jacoco';
  if (root === 'CoverageSession') return 'opencover';
  if (root === 'CoverageDSPriv' || root === 'results') return 'vsxml';
  if (root === 'testsuites' || root === 'testsuite') return 'junit';
  if (root === 'html') return 'html';
  return undefined;
}

const LCOV_LINE = /^(TN|SF|VER|FN|FNDA|FNF|FNH|FNL|FNA|DA|LF|LH|BRDA|BRF|BRH):/;
const LCOV_START = /^(TN|SF|VER):/;

function emptyError(display: string): InputError {
  return new InputError(
    'files',
    `${display} is empty`,
    'Check that the test step wrote coverage before this step ran.',
  );
}

/** Returns the format, or throws naming the file and what it is. */
export function detectFormat(source: string | ReportSource, head: string): ReportFormat {
  const src = reportSource(source);
  if (head.startsWith('SQLite format 3')) throw unreadFormat(src, 'coveragepyData');
  if (head.startsWith('\u001f\ufffd')) throw unreadFormat(src, 'gzip');
  if (head.startsWith('\u0001\ufffd\ufffd')) throw unreadFormat(src, 'jacocoExec');
  const text = head.replace(/^\uFEFF/, '');
  const trimmed = text.trimStart();
  if (trimmed === '') throw emptyError(src.display);
  if (text.slice(0, 4096).includes('\u0000')) throw unreadFormat(src, 'binary');
  if (trimmed.startsWith('<')) return xml(src, trimmed);
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return json(src, trimmed);
  const lines = trimmed.split(/\r?\n/, 2000);
  const first = lines[0] as string;
  if (/^mode: (set|count|atomic)\s*$/.test(first)) throw unreadFormat(src, 'go');
  if (/^-:\s*0:Source:/.test(first)) throw unreadFormat(src, 'gcovText');
  if (/^##teamcity\[/.test(first)) throw unreadFormat(src, 'teamcity');
  // The first LCOV line: at the top, or (after other output) the start of a record.
  for (const [i, line] of lines.entries()) {
    if (!LCOV_LINE.test(line)) continue;
    if (i === 0 || LCOV_START.test(line)) return 'lcov';
    break;
  }
  throw unknown(src, trimmed);
}

function xml(src: ReportSource, text: string): ReportFormat {
  const uncommented = text
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .trimStart();
  if (/^<!doctype html|^<html[\s>]/i.test(uncommented)) {
    // genhtml pages link gcov.css and lay out totals in headerCovTableEntry cells.
    if (/LCOV - code coverage report|genhtml|gcov\.css|headerCovTable/i.test(text))
      throw unreadFormat(src, 'lcovHtml');
    if (/Code coverage report for|istanbul/i.test(text)) throw unreadFormat(src, 'istanbulHtml');
    throw unreadFormat(src, 'html');
  }
  // The root element and its first child, past the prolog, comments and a DOCTYPE.
  const body = uncommented.replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/i, '');
  const tags = [...body.matchAll(/<([A-Za-z_][\w:.-]*)([^>]*)>/g)].slice(0, 2);
  const root = tags[0];
  // An XML prolog or long comments may hide the root past the sniffed bytes: let the parser decide.
  if (!root) {
    if (/^<\?xml|^<!--|^<!DOCTYPE/i.test(text)) return 'cobertura';
    throw unknown(src, text);
  }
  const unread = unreadXml(root[1] as string, tags[1]?.[1], /\sclover=/.test(root[2] ?? ''));
  if (unread) throw unreadFormat(src, unread);
  if (root[1] === 'coverage') return 'cobertura';
  throw unknown(src, text);
}

function json(src: ReportSource, text: string): ReportFormat {
  if (text.startsWith('[')) throw unknown(src, text);
  // The first key tells the producer: coverage.py writes "meta" first, json-summary writes "total".
  const firstKey = /^\{\s*"((?:[^"\\]|\\.)*)"\s*:/.exec(text)?.[1];
  if (/"gcovr\/(summary_)?format_version"\s*:/.test(text)) throw unreadFormat(src, 'gcovrJson');
  if (/"format_version"\s*:/.test(text) && /"gcc_version"\s*:/.test(text))
    throw unreadFormat(src, 'gcovJson');
  if (firstKey === 'result' && /"scriptId"\s*:/.test(text)) throw unreadFormat(src, 'v8');
  if (/"simplecov_version"\s*:/.test(text) || /^\{\s*"(?:[^"\\]|\\.)*"\s*:\s*\{\s*"coverage"\s*:/.test(text))
    throw unreadFormat(src, 'simplecov');
  if (/"source_files"\s*:\s*\[/.test(text) && /"(service_name|run_at|repo_token)"\s*:/.test(text))
    throw unreadFormat(src, 'coveralls');
  if (/"num(Total|Failed|Passed)Test(s|Suites)"\s*:/.test(text)) throw unreadFormat(src, 'jestResults');
  if (/\.(dll|exe)$/i.test(firstKey ?? '') && /"Lines"\s*:\s*\{/.test(text))
    throw unreadFormat(src, 'coverletJson');
  if (
    (firstKey === 'meta' && /"(format|branch_coverage|show_contexts)"\s*:/.test(text)) ||
    /"files"\s*:\s*\{[^]*?"executed_lines"/.test(text)
  )
    return 'coveragepy-json';
  if (firstKey === 'total' || /^\{\s*"(?:[^"\\]|\\.)*"\s*:\s*\{\s*"lines"\s*:\s*\{\s*"total"/.test(text))
    return 'istanbul-summary';
  if (/"statementMap"\s*:/.test(text) || /^\{\s*"(?:[^"\\]|\\.)*"\s*:\s*\{\s*"(path|data)"\s*:/.test(text))
    return 'istanbul-final';
  if (/^\{\s*\}\s*$/.test(text))
    throw new InputError(
      'files',
      `${src.display} is an empty JSON object: the report has no files`,
      'Check that tests ran with coverage enabled and that collectCoverageFrom or include matches your sources.',
    );
  throw unknown(src, text);
}

function unknown(src: ReportSource, text: string): InputError {
  const start = text.slice(0, 80).replace(/\s+/g, ' ').trim();
  return new InputError(
    'files',
    `${src.display} is in an unknown format${src.quote ? ` (it starts with ${excerpt(start)})` : ''}`,
    `Give a report in one of: ${Object.values(FORMAT_NAMES).join(', ')}; or set format if detection is wrong.`,
  );
}
