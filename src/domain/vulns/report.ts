/** The scan's report: the summary section per app, annotations' text, outputs, and SARIF 2.1.0 for code scanning. */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { code, escapeCell, table } from '../shared/markdown.js';
import { describeSeverity } from './severity.js';
import type { ScanReport, VulnFinding } from './types.js';

const status = (f: VulnFinding): string => {
  if (f.allowlisted && f.allowlisted.status !== 'expired')
    return `allowed until ${f.allowlisted.expires}${f.allowlisted.status === 'expiring' ? ' (expiring)' : ''}: ${f.allowlisted.reason}`;
  if (f.allowlisted) return `counts: allowance expired ${f.allowlisted.expires}`;
  return f.counts ? 'counts' : 'below threshold';
};

export function findingLine(f: VulnFinding): string {
  return `${f.advisory} (${describeSeverity(f.severity)}) in ${f.package} ${f.version}${
    f.fixed ? `, fixed in ${f.fixed}` : ', no fix published'
  }${f.summary ? `: ${f.summary}` : ''}. ${f.link}`;
}

export function scanVerdict(report: ScanReport): string {
  const threshold = report.failOn === 'none' ? 'report only' : `fail on ${report.failOn}`;
  const incomplete = report.notChecked.length > 0 ? ', incomplete' : '';
  return report.vulnerabilities > 0
    ? `❌ ${report.vulnerabilities} at or above ${report.failOn}${incomplete}`
    : `${incomplete ? '⚠️' : '✅'} none counting (${threshold})${incomplete}`;
}

export function scanMarkdown(report: ScanReport): string {
  const lines = [`### Vulnerabilities: ${scanVerdict(report)}`, ''];
  lines.push(
    table(
      ['app', 'lockfiles', 'packages', 'dev skipped', 'advisories', 'counting'],
      report.apps.map((a) => [
        a.app,
        a.lockfiles.map((l) => l.file).join(', ') || '—',
        String(a.lockfiles.reduce((n, l) => n + l.packages, 0)),
        String(a.lockfiles.reduce((n, l) => n + l.skippedDev, 0)),
        String(a.findings.length),
        String(a.findings.filter((f) => f.counts).length),
      ]),
    ),
    '',
  );
  for (const app of report.apps) {
    if (app.findings.length === 0) continue;
    lines.push(`#### ${escapeCell(app.app)}`, '');
    lines.push(
      table(
        ['advisory', 'package', 'installed', 'fixed', 'severity', 'status'],
        app.findings.map((f) => [
          // Ids are checked against ADVISORY_ID, so the link text cannot break out.
          `[${f.advisory}](${f.link})`,
          f.package,
          f.version,
          f.fixed ?? '—',
          describeSeverity(f.severity),
          status(f),
        ]),
      ),
      '',
    );
  }
  if (report.notChecked.length > 0) {
    lines.push('**Not checked:**', '');
    for (const n of report.notChecked) lines.push(`- ${escapeCell(n)}`);
    lines.push('');
  }
  if (report.notes.length > 0) {
    lines.push(`${report.notes.length} lockfile line(s) cannot be checked (see the warnings).`, '');
  }
  const dormant = report.allowlist.filter((a) => a.matched === 0);
  if (dormant.length > 0)
    lines.push(
      `Allowlist entries that matched nothing: ${dormant.map((a) => code(a.entry.id)).join(', ')}.`,
      '',
    );
  return lines.join('\n');
}

const SARIF_LEVEL = (f: VulnFinding): Result.level =>
  f.counts ? 'error' : f.allowlisted && f.allowlisted.status !== 'expired' ? 'note' : 'warning';

/**
 * SARIF 2.1.0: one rule per advisory, one result per advisory and lockfile location. `security-severity`
 * (the CVSS score) is what GitHub code scanning sorts and labels by.
 */
export function scanSarif(report: ScanReport, toolVersion: string): Log {
  const rules = new Map<string, ReportingDescriptor>();
  const results: Result[] = [];
  for (const f of report.findings) {
    if (!rules.has(f.advisory)) {
      rules.set(f.advisory, {
        id: f.advisory,
        name: f.advisory,
        shortDescription: { text: f.summary || f.advisory },
        helpUri: f.link,
        help: { text: `${findingLine(f)}`, markdown: `[${f.advisory}](${f.link})` },
        properties: {
          tags: ['security', 'vulnerability', f.ecosystem],
          ...(f.severity.score !== undefined
            ? { 'security-severity': f.severity.score.toFixed(1) }
            : f.severity.level
              ? {
                  'security-severity': {
                    low: '3.0',
                    medium: '5.0',
                    high: '8.0',
                    critical: '9.5',
                    none: '0.0',
                  }[f.severity.level],
                }
              : {}),
        },
      });
    }
    results.push({
      ruleId: f.advisory,
      level: SARIF_LEVEL(f),
      message: {
        text: `${f.package} ${f.version} is affected by ${f.advisory} (${describeSeverity(f.severity)})${
          f.fixed ? `; upgrade to ${f.fixed}` : '; no fixed version is published'
        }.`,
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: f.file },
            region: { startLine: f.line ?? 1 },
          },
        },
      ],
      partialFingerprints: { 'package/advisory': `${f.ecosystem}/${f.package}@${f.version}/${f.advisory}` },
    });
  }
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'nuzantara prod-monitor',
            informationUri: 'https://osv.dev',
            version: toolVersion,
            rules: [...rules.values()],
          },
        },
        results,
      },
    ],
  };
}
