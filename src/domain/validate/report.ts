/** The fly-validate report: JSON for machines, Markdown for the job summary. Pure functions of findings. */
import { countBySeverity, sortFindings, type Finding } from '../shared/findings.js';
import { code, table } from '../shared/markdown.js';
import { byCodeUnit } from '../shared/order.js';

export interface CheckRun {
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  detail: string;
}

export interface ValidateReport {
  valid: boolean;
  errors: number;
  warnings: number;
  notices: number;
  files: string[];
  checks: CheckRun[];
  findings: Finding[];
}

export function buildReport(files: string[], checks: CheckRun[], findings: Finding[]): ValidateReport {
  const counts = countBySeverity(findings);
  return {
    // No config checked is not a valid config, whatever else passed.
    valid: counts.error === 0 && files.length > 0,
    errors: counts.error,
    warnings: counts.warning,
    notices: counts.notice,
    files,
    checks,
    findings: sortFindings(findings),
  };
}

const ICON = { error: '❌ error', warning: '⚠️ warning', notice: 'ℹ️ notice' } as const;
const STATUS = { passed: '✅ passed', failed: '❌ failed', skipped: '⏭️ skipped' } as const;

export function reportMarkdown(report: ValidateReport): string {
  const parts: string[] = [];
  parts.push(`## fly-validate: ${report.valid ? '✅ ready to deploy' : '❌ not ready to deploy'}`);
  parts.push(
    `${report.errors} error(s), ${report.warnings} warning(s), ${report.notices} notice(s) in ${report.files.length} config file(s).`,
  );
  parts.push(
    table(
      ['Check', 'Result', 'Detail'],
      report.checks.map((c) => [c.name, STATUS[c.status], c.detail]),
    ),
  );
  const byFile = new Map<string, Finding[]>();
  for (const f of report.findings)
    byFile.set(f.file || '(environment)', [...(byFile.get(f.file || '(environment)') ?? []), f]);
  for (const file of report.files) if (!byFile.has(file)) byFile.set(file, []);
  for (const [file, findings] of [...byFile].sort(([a], [b]) => byCodeUnit(a, b))) {
    parts.push(`### ${code(file)}`);
    parts.push(
      findings.length === 0
        ? 'No findings.'
        : table(
            ['Severity', 'Rule', 'Line', 'Problem', 'Fix'],
            findings.map((f) => [
              ICON[f.severity],
              code(f.rule),
              f.line === undefined ? '' : String(f.line),
              f.message,
              f.fix,
            ]),
          ),
    );
  }
  return `${parts.join('\n\n')}\n`;
}

/** Which rules fail which check: a check with an error from its rules is failed, whatever it reported. */
const CHECK_RULES: Record<string, string[]> = {
  'fly.toml model': [
    'toml/',
    'config/',
    'deploy/',
    'checks/',
    'duration/',
    'mounts/',
    'ready/',
    'secrets/env',
  ],
  'Dockerfile policy': ['docker/'],
  'Required secrets': ['secrets/required'],
  Tools: ['tools/', 'auth/'],
  'Git working tree': ['git/'],
  'flyctl config validate': ['flyctl/'],
  'Fly secrets': ['secrets/fly-'],
};

export function markFailures(checks: readonly CheckRun[], findings: readonly Finding[]): CheckRun[] {
  const failedBy = (prefixes: string[]) =>
    findings.some((f) => f.severity === 'error' && prefixes.some((p) => f.rule.startsWith(p)));
  return checks.map((c) => {
    const rules = CHECK_RULES[c.name];
    return c.status === 'passed' && rules && failedBy(rules) ? { ...c, status: 'failed' } : c;
  });
}
