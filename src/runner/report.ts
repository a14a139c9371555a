import * as core from '@actions/core';
import { location, type Finding } from '../domain/findings.js';

/** Prints a finding to the log and as a file/line annotation, so it shows on the pull request's diff. */
export function annotate(finding: Finding): void {
  const properties: core.AnnotationProperties = {
    title: finding.rule,
    file: finding.file || undefined,
    startLine: finding.file ? finding.line : undefined,
    startColumn: finding.file ? finding.column : undefined,
  };
  // The location is in the text too: the log shows annotations without it.
  const text = `${location(finding)} [${finding.rule}] ${finding.message} Fix: ${finding.fix}`;
  if (finding.severity === 'error') core.error(text, properties);
  else if (finding.severity === 'warning') core.warning(text, properties);
  else core.notice(text, properties);
}

/** Appends Markdown to the job summary; outside a runner (no GITHUB_STEP_SUMMARY) it does nothing. */
export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(markdown, true).write();
}

export function setOutputs(outputs: Record<string, string | number | boolean>): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, String(value));
}
