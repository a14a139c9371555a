/**
 * What each of the monitor's deeper checks (vulnerability scan, benchmark, delivery metrics) gives the
 * monitor: one section of the report, its summary Markdown, its outputs and what to keep in the history.
 * Each check reads its own settings and logs its own warnings and annotations through the host.
 */
export type CheckStatus = 'pass' | 'warn' | 'fail';

export interface CheckSection {
  /** The key of the check in the report and the history. */
  name: 'vulnerabilities' | 'benchmark' | 'delivery';
  status: CheckStatus;
  /** One line for the monitor's overview. */
  headline: string;
  /** The check's part of the job summary (starts with a `###` heading). */
  markdown: string;
  /** Step outputs this check sets. */
  outputs: Record<string, string>;
  /** The check's part of the JSON report. */
  report: unknown;
  /** Each reason the check fails the run (the monitor throws one CheckFailed naming them all). */
  failures: string[];
  /** What the monitor keeps for the next run (benchmark results); absent when there is nothing to keep. */
  history?: unknown;
}

export const statusOf = (failures: readonly string[], warnings: number): CheckStatus =>
  failures.length > 0 ? 'fail' : warnings > 0 ? 'warn' : 'pass';
