/** `coverage` (the coverage-gate action): reads reports, applies the gates, reports to the summary and a PR comment. */
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { readFile, mkdir } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { CheckFailed, InputError, errorMessage } from '../domain/shared/errors.js';
import { FORMATS, type ReportFormat } from '../domain/coverage/detect.js';
import type { ChangedFile } from '../domain/coverage/diff.js';
import { evaluateGates, parseFailOn, type GateId } from '../domain/coverage/gates.js';
import {
  METRICS,
  formatPercent,
  percent,
  totals as sumTotals,
  type FileCoverage,
  type Metric,
} from '../domain/coverage/model.js';
import { patchCoverage, type PatchResult } from '../domain/coverage/patch.js';
import { makeNormalizer } from '../domain/coverage/paths.js';
import {
  COMMENT_BUDGET,
  SUMMARY_BUDGET,
  commentMarker,
  renderReport,
  reportNotes,
  titleSlug,
  uncoveredAnnotations,
  type ReportInput,
} from '../domain/coverage/report.js';
import { parseBaseline, summaryJson, type Baseline } from '../domain/coverage/summary-json.js';
import type { Host, RunContext } from '../host/host.js';
import { inputReader, type InputReader } from '../host/inputs.js';
import { readReports } from '../io/coverage-reports.js';
import { expandGlobs } from '../io/files.js';
import { checkPaths } from '../io/paths.js';
import { setOutputs } from './report.js';

export interface CoverageSettings {
  files: string[];
  format: ReportFormat | 'auto';
  workingDirectory: string;
  pathStrip: string[];
  pathPrefix: string;
  exclude: string[];
  min: Partial<Record<Metric, number>>;
  minFile?: number;
  minPatch?: number;
  maxDrop?: number;
  failOn: Set<GateId>;
  baseRef?: string;
  baseline?: string;
  summaryPath: string;
  title: string;
  comment: boolean;
  token?: string;
  maxAnnotations: number;
  worstFiles: number;
}

const PERCENT = { min: 0, max: 100 };

/** Keeps the metrics that have a threshold. */
function thresholds(values: Record<Metric, number | undefined>): Partial<Record<Metric, number>> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

export function readCoverageSettings(input: InputReader, context: RunContext): CoverageSettings {
  const failOn = parseFailOn(input.list('fail-on'));
  if (failOn.unknown.length > 0) {
    throw new InputError(
      'fail-on',
      `${failOn.unknown.map((u) => JSON.stringify(u)).join(', ')} ${failOn.unknown.length > 1 ? 'are not gates' : 'is not a gate'}`,
      'Use all, none, or gate names: lines, branches, functions, statements, file, patch, drop (comma- or line-separated).',
    );
  }
  const files = input.globs('files', { required: true });
  if (files.length === 0)
    throw new InputError(
      'files',
      'is required but empty',
      'Give report paths or globs, e.g. coverage/lcov.info.',
    );
  const workingDirectory = resolve(context.workspace, input.string('working-directory') || '.');
  const title = input.string('title') || 'Coverage';
  return {
    files,
    format: input.choice('format', ['auto', ...FORMATS] as const),
    workingDirectory,
    pathStrip: input.list('path-strip'),
    pathPrefix: input.string('path-prefix'),
    exclude: input.globs('exclude'),
    min: thresholds({
      lines: input.optionalNumber('min-lines', PERCENT),
      branches: input.optionalNumber('min-branches', PERCENT),
      functions: input.optionalNumber('min-functions', PERCENT),
      statements: input.optionalNumber('min-statements', PERCENT),
    }),
    minFile: input.optionalNumber('min-file', PERCENT),
    minPatch: input.optionalNumber('min-patch', PERCENT),
    maxDrop: input.optionalNumber('max-drop', PERCENT),
    failOn: failOn.gates,
    baseRef: input.optional('base-ref'),
    baseline: input.optional('baseline'),
    summaryPath: resolve(
      workingDirectory,
      input.optional('summary-path') ?? join(context.tempDir, 'coverage-gate', `${titleSlug(title)}.json`),
    ),
    title,
    comment: input.boolean('comment'),
    token: input.secret('github-token'),
    maxAnnotations: input.integer('max-annotations', { min: 0, max: 50 }),
    worstFiles: input.integer('worst-files', { min: 0, max: 1000 }),
  };
}

async function readBaseline(
  host: Host,
  path: string | undefined,
  cwd: string,
): Promise<{ baseline?: Baseline; skipped?: string }> {
  if (!path)
    return { skipped: 'No baseline given (set baseline to a summary JSON saved on the default branch).' };
  const full = resolve(cwd, path);
  if (!existsSync(full)) {
    host.warning(
      `Baseline ${path} does not exist: max-drop and deltas are skipped. This is expected until a run on the default branch has saved one.`,
    );
    return { skipped: `Baseline \`${path}\` not found.` };
  }
  return { baseline: parseBaseline(path, await readFile(full, 'utf8')) };
}

function annotateUncovered(host: Host, patch: PatchResult, settings: CoverageSettings): void {
  const { annotations, skipped } = uncoveredAnnotations(patch, {
    title: settings.title,
    max: settings.maxAnnotations,
    directory: relative(host.context.workspace, settings.workingDirectory),
  });
  for (const { message, file, startLine, endLine, title } of annotations)
    host.warning(message, { file, line: startLine, endLine, title });
  if (skipped > 0)
    host.info(
      `${skipped} more uncovered changed ranges are not annotated (max-annotations: ${settings.maxAnnotations}).`,
    );
}

async function comment(host: Host, settings: CoverageSettings, reportInput: ReportInput): Promise<void> {
  const pr = host.context.pullRequest;
  const repository = host.context.repository;
  if (!pr || !settings.comment || !repository) return;
  if (!settings.token) {
    host.warning('No github-token: the pull request comment is skipped; the job summary has the report.');
    return;
  }
  const marker = commentMarker(settings.title);
  const body = renderReport(reportInput, {
    budget: COMMENT_BUDGET,
    marker,
    worstFiles: settings.worstFiles,
    fullListsAt: 'The job summary has the full lists.',
  });
  try {
    // Loaded only when a comment is due: the GitHub client (Octokit, undici) is most of the bundle's start-up.
    const { upsertStickyComment } = await import('../io/github-comments.js');
    const result = await upsertStickyComment({
      token: settings.token,
      baseUrl: host.context.apiUrl,
      owner: repository.owner,
      repo: repository.repo,
      issueNumber: pr.number,
      marker,
      body: host.redact(body),
    });
    if (result.action === 'forbidden')
      host.warning(
        `Cannot comment on pull request #${pr.number} (HTTP ${result.status}: the token is read-only, as on a pull request from a fork, or lacks pull-requests: write). The report is in the job summary only.`,
      );
    else host.info(`Pull request comment ${result.action}: ${result.url}`);
  } catch (error) {
    host.warning(
      `Could not write the pull request comment: ${errorMessage(error)}. The report is in the job summary.`,
    );
  }
}

export async function coverage(host: Host): Promise<void> {
  const settings = readCoverageSettings(inputReader(host), host.context);
  await checkPaths([
    { input: 'working-directory', path: settings.workingDirectory, is: 'directory' },
    { input: 'files', globs: settings.files, base: settings.workingDirectory, is: 'globs' },
    ...(settings.baseline
      ? [
          {
            input: 'baseline',
            path: resolve(settings.workingDirectory, settings.baseline),
            is: 'file' as const,
            optional: true,
          },
        ]
      : []),
    { input: 'summary-path', path: settings.summaryPath, is: 'output-file' },
  ]);
  const cwd = settings.workingDirectory;

  const { files, unmatched } = await expandGlobs(cwd, settings.files);
  if (unmatched.length > 0) {
    throw new InputError(
      'files',
      `no file matches ${unmatched.map((p) => JSON.stringify(p)).join(', ')} in ${cwd}`,
      'Check the path (relative to working-directory) and that the test step wrote the report.',
    );
  }

  // The diff comes first: it decides which files keep line-level detail while parsing.
  const pr = host.context.pullRequest;
  const base = settings.baseRef ?? pr?.baseSha;
  let changes: Map<string, ChangedFile> | undefined;
  let patchSkipped: string | undefined;
  if (base) {
    // git (and child_process) load only for patch coverage.
    const { changedLines } = await import('../io/coverage-git.js');
    changes = await changedLines(
      cwd,
      base,
      settings.baseRef ? 'base-ref' : 'base-ref (from the pull request event)',
    );
  } else patchSkipped = 'not a pull request and no base-ref given.';

  const normalize = makeNormalizer(
    { workspace: cwd, strip: settings.pathStrip, prefix: settings.pathPrefix },
    (path) => existsSync(join(cwd, path)),
  );
  const read = await readReports(
    files.map((f) => ({ path: resolve(cwd, f), display: f })),
    {
      format: settings.format,
      normalize,
      detailFor: (path) => (changes?.get(path)?.lines.length ?? 0) > 0,
      exclude: settings.exclude,
      workspace: host.context.workspace,
    },
  );
  const table = read.files;
  // Passes over every file go through one reused view object: no garbage per file, however many files.
  const views: Iterable<FileCoverage> = { [Symbol.iterator]: () => table.views() };
  const totals = sumTotals(views);
  const patch = changes ? patchCoverage(changes, read.files, settings.exclude) : undefined;
  const { baseline, skipped: baselineSkipped } = await readBaseline(host, settings.baseline, cwd);

  const outcome = evaluateGates({
    settings: {
      min: settings.min,
      minFile: settings.minFile,
      minPatch: settings.minPatch,
      maxDrop: settings.maxDrop,
      failOn: settings.failOn,
    },
    totals,
    files: views,
    patch,
    patchSkipped,
    baseline,
    baselineSkipped,
  });

  const reportInput: ReportInput = {
    title: settings.title,
    outcome,
    totals,
    files: views,
    patch,
    patchSkipped,
    baseline,
    reports: read.reports,
    notes: [
      ...read.reports.flatMap((r) => r.notes),
      ...reportNotes({
        paths: table.keys(),
        approximate: read.approximate,
        excluded: read.excluded,
        patch,
      }),
    ],
  };
  for (const report of read.reports) for (const note of report.notes) host.info(note);

  // The summary JSON: the next run's baseline when saved from the default branch.
  const summary = summaryJson({
    title: settings.title,
    commit: host.context.sha,
    ref: host.context.ref,
    now: new Date(),
    passed: outcome.passed,
    totals,
    patch: patch?.counter,
    files: views,
  });
  await mkdir(dirname(settings.summaryPath), { recursive: true });
  // Piece by piece, synchronously: one await per 64 KiB piece cost more than writing it.
  const fd = openSync(settings.summaryPath, 'w');
  try {
    for (const piece of summary) writeSync(fd, piece);
  } finally {
    closeSync(fd);
  }

  const pct = (metric: Metric) => percent(totals[metric])?.toFixed(2) ?? '';
  setOutputs(host, {
    lines: pct('lines'),
    branches: pct('branches'),
    functions: pct('functions'),
    statements: pct('statements'),
    patch: patch ? (percent(patch.counter)?.toFixed(2) ?? '') : '',
    passed: outcome.passed,
    'summary-json': settings.summaryPath,
  });
  host.result({ gates: outcome.results, reports: read.reports });

  host.info(
    `${settings.title}: ${METRICS.map((m) => `${m} ${formatPercent(totals[m])}`).join(', ')}${patch ? `, changed lines ${formatPercent(patch.counter)}` : ''} (${table.size} file${table.size === 1 ? '' : 's'} from ${read.reports.length} report${read.reports.length === 1 ? '' : 's'})`,
  );
  for (const gate of outcome.results)
    host.info(
      `  ${gate.input}: ${gate.status}${gate.enforced ? '' : ' (report only)'}: ${gate.actual} vs ${gate.threshold}. ${gate.detail}`,
    );

  await host.summary(
    renderReport(reportInput, { budget: SUMMARY_BUDGET, worstFiles: Math.max(settings.worstFiles, 25) }),
  );
  if (patch) annotateUncovered(host, patch, settings);
  await comment(host, settings, reportInput);

  const failed = outcome.results.filter((g) => g.status === 'failed' && g.enforced);
  if (failed.length > 0) {
    throw new CheckFailed(
      `Coverage gate failed: ${failed.map((g) => `${g.input} (${g.actual}, needs ${g.threshold})`).join('; ')}. See the job summary for the files and lines.`,
    );
  }
}
