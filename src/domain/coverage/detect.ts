/** Recognises a report's format from its first bytes, so users need not say which tool wrote it. */
import { InputError } from '../shared/errors.js';

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

const LCOV_LINE = /^(TN|SF|VER|FN|FNDA|FNF|FNH|FNL|FNA|DA|LF|LH|BRDA|BRF|BRH):/;

/** Returns the format, or throws naming the file and what it looks like. */
export function detectFormat(source: string, head: string): ReportFormat {
  const text = head.replace(/^\uFEFF/, '');
  const trimmed = text.trimStart();
  if (trimmed === '') {
    throw new InputError(
      'files',
      `${source} is empty`,
      'Check that the test step wrote coverage before this step ran.',
    );
  }
  if (trimmed.startsWith('<')) {
    if (/<coverage[\s>]/.test(trimmed)) {
      if (/<coverage[^>]*\sclover=/.test(trimmed) || /<project[\s>]/.test(trimmed))
        throw new InputError(
          'files',
          `${source} is a Clover report, which is not supported`,
          'Produce Cobertura XML or LCOV instead (most tools that write Clover can write one of them).',
        );
      return 'cobertura';
    }
    if (/<report[\s>]/.test(trimmed) && /jacoco|<sessioninfo/i.test(trimmed))
      throw new InputError(
        'files',
        `${source} is a JaCoCo report, which is not supported`,
        'Convert it to Cobertura XML (e.g. cover2cover) or produce LCOV.',
      );
    // An XML prolog or comments may hide the root element past the sniffed bytes: let the parser decide.
    if (
      /^<\?xml|^<!--/.test(trimmed) &&
      !/<[A-Za-z]/.test(trimmed.replace(/^<\?xml[^>]*>/, '').replace(/<!--[\s\S]*?-->/g, ''))
    )
      return 'cobertura';
    throw unknown(source, trimmed);
  }
  if (trimmed.startsWith('{')) {
    // The first key tells the producer: coverage.py writes "meta" first, json-summary writes "total".
    const firstKey = /^\{\s*"((?:[^"\\]|\\.)*)"\s*:/.exec(trimmed)?.[1];
    if (firstKey === 'meta' || /"files"\s*:\s*\{[^]*?"executed_lines"/.test(trimmed))
      return 'coveragepy-json';
    if (firstKey === 'total' || /^\{\s*"(?:[^"\\]|\\.)*"\s*:\s*\{\s*"lines"\s*:\s*\{\s*"total"/.test(trimmed))
      return 'istanbul-summary';
    if (
      /"statementMap"\s*:/.test(trimmed) ||
      /^\{\s*"(?:[^"\\]|\\.)*"\s*:\s*\{\s*"(path|data)"\s*:/.test(trimmed)
    )
      return 'istanbul-final';
    if (/^\{\s*\}\s*$/.test(trimmed))
      throw new InputError(
        'files',
        `${source} is an empty JSON object: the report has no files`,
        'Check that tests ran with coverage enabled and that collectCoverageFrom or include matches your sources.',
      );
    throw unknown(source, trimmed);
  }
  for (const line of trimmed.split(/\r?\n/, 50)) {
    if (line.trim() === '') continue;
    if (LCOV_LINE.test(line)) return 'lcov';
    break;
  }
  throw unknown(source, trimmed);
}

function unknown(source: string, text: string): InputError {
  if (text.startsWith('SQLite format 3'))
    return new InputError(
      'files',
      `${source} is a coverage.py data file (.coverage), not a report`,
      'Run `coverage xml` or `coverage json` (or pytest --cov-report=xml) and give that file.',
    );
  const start = text.slice(0, 40).replace(/\s+/g, ' ').trim();
  return new InputError(
    'files',
    `${source} is in an unknown format (it starts with ${JSON.stringify(start)})`,
    `Give a report in one of: ${Object.values(FORMAT_NAMES).join(', ')}; or set format if detection is wrong.`,
  );
}
