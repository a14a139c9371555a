/** Reporting pieces every verb shares: findings as annotations, outputs, the JSON report file. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { formatFinding, type Finding } from '../domain/shared/findings.js';
import type { Host } from '../host/host.js';

/** A finding in the log and as a file/line annotation, so it shows on the pull request's diff. */
export function annotate(host: Host, finding: Finding): void {
  const where = {
    title: finding.rule,
    ...(finding.file ? { file: finding.file, line: finding.line, column: finding.column } : {}),
  };
  const text = formatFinding(finding);
  if (finding.severity === 'error') host.error(text, where);
  else if (finding.severity === 'warning') host.warning(text, where);
  else host.notice(text, where);
}

export function setOutputs(host: Host, outputs: Record<string, string | number | boolean>): void {
  for (const [name, value] of Object.entries(outputs)) host.setOutput(name, String(value));
}

/**
 * Writes a JSON report with every value the run masked replaced (host.redact): files leave the runner's
 * masking. A list of secrets is still accepted from callers that have not moved to the host.
 */
export async function writeJsonReport(
  path: string,
  data: unknown,
  host: Pick<Host, 'redact'>,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${host.redact(JSON.stringify(data, null, 2))}\n`);
}
