/**
 * The monitor's vulnerability scan: the lockfiles of what is deployed, checked against OSV, judged by one
 * threshold (`fail-on-severity`) and one expiring allowlist, reported per app, optionally as SARIF.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { daysLeft, parseAllowlist } from '../domain/vulns/allowlist.js';
import type { OsvPort, ScanApp } from '../domain/vulns/scan.js';
import { FAIL_ON, type AllowlistEntry, type FailOn } from '../domain/vulns/types.js';
import type { Host, RunContext } from '../host/host.js';
import type { InputReader } from '../host/inputs.js';
import { findLockfiles, type FoundLockfiles } from '../io/lockfiles.js';
import { checkPaths } from '../io/paths.js';
import { statusOf, type CheckSection } from './monitor-section.js';

export const DEFAULT_OSV_URL = 'https://api.osv.dev';

export interface ScanCheckSettings {
  enabled: boolean;
  paths: string[];
  osvUrl: URL;
  failOn: FailOn;
  allowlist: AllowlistEntry[];
  /** Absolute; undefined: no SARIF file. */
  sarifPath?: string;
}

/** Reads every scan input (also when the scan is off, so a typo fails now); credentials in osv-url are masked by the input reader. */
export function readScanSettings(
  input: InputReader,
  context: Pick<RunContext, 'workspace'>,
): ScanCheckSettings {
  const osvUrl = input.optionalUrl('osv-url') ?? new URL(DEFAULT_OSV_URL);
  const sarif = input.optional('sarif-path');
  return {
    enabled: input.boolean('scan'),
    paths: input.globs('scan-paths'),
    osvUrl,
    failOn: input.choice('fail-on-severity', FAIL_ON),
    allowlist: parseAllowlist('allowlist', input.text('allowlist')),
    ...(sarif ? { sarifPath: resolve(context.workspace, sarif) } : {}),
  };
}

export interface ScanCheckPorts {
  osv?: OsvPort;
  findLockfiles?: (cwd: string, patterns: readonly string[]) => Promise<FoundLockfiles>;
  now?: () => Date;
  /** Version written into the SARIF's tool. */
  toolVersion?: string;
}

/** The file the scan writes, checked before any check runs (the deeper check's prepare). */
export async function checkScanPaths(settings: ScanCheckSettings): Promise<void> {
  if (settings.enabled && settings.sarifPath)
    await checkPaths([{ input: 'sarif-path', path: settings.sarifPath, is: 'output-file' }]);
}

export async function runScanCheck(
  host: Host,
  settings: ScanCheckSettings,
  ports: ScanCheckPorts = {},
): Promise<CheckSection> {
  // The scanner (with its CVSS calculator and version ranges) loads only when a scan runs.
  const [
    { scanVulnerabilities },
    { findingLine, scanMarkdown, scanSarif, scanVerdict },
    { describeBase, osvClient },
  ] = await Promise.all([
    import('../domain/vulns/scan.js'),
    import('../domain/vulns/report.js'),
    import('../io/osv.js'),
  ]);
  const now = (ports.now ?? (() => new Date()))();
  const found = await (ports.findLockfiles ?? findLockfiles)(host.context.workspace, settings.paths);
  for (const pattern of found.unmatched)
    host.warning(
      `scan-paths: ${JSON.stringify(pattern)} matched no lockfile (${'package-lock.json, requirements.txt, poetry.lock, uv.lock'}), so nothing there was scanned.`,
    );
  const apps: ScanApp[] = found.apps;
  const osv = ports.osv ?? osvClient({ baseUrl: settings.osvUrl });
  host.info(
    `Scanning ${apps.reduce((n, a) => n + a.lockfiles.length, 0)} lockfile(s) in ${apps.length} app(s) against ${describeBase(settings.osvUrl)}`,
  );
  const report = await scanVulnerabilities(
    apps,
    { failOn: settings.failOn, allowlist: settings.allowlist, now },
    osv,
  );
  if (apps.length === 0)
    report.notChecked.push(
      settings.paths.length === 0
        ? 'no app directory (a directory with a fly.toml) holds a lockfile, so no dependency was scanned: name the lockfiles in scan-paths'
        : 'scan-paths matched no lockfile, so no dependency was scanned',
    );

  for (const note of report.notes)
    host.warning(`${note.message}.`, {
      file: note.file,
      ...(note.line ? { line: note.line } : {}),
      title: 'Not scanned',
    });
  for (const what of report.notChecked) host.warning(`Vulnerability scan incomplete: ${what}.`);
  for (const f of report.findings) {
    const where = {
      file: f.file,
      ...(f.line ? { line: f.line } : {}),
      title: `${f.advisory} in ${f.package}`,
    };
    if (f.counts) host.error(findingLine(f), where);
    else if (!f.allowlisted || f.allowlisted.status === 'expired') host.notice(findingLine(f), where);
  }
  for (const a of report.allowlist) {
    if (a.status === 'expiring')
      host.warning(
        `allowlist: ${a.entry.id} expires on ${a.entry.expires} (${daysLeft(a.entry, now)} day(s) left); after that it counts again. Fix it, or renew the entry with a reason.`,
      );
    else if (a.status === 'expired' && a.matched > 0)
      host.warning(
        `allowlist: ${a.entry.id} expired on ${a.entry.expires}, so it counts again. Fix it, or renew the entry with a reason.`,
      );
  }

  if (settings.sarifPath) {
    await mkdir(dirname(settings.sarifPath), { recursive: true });
    await writeFile(
      settings.sarifPath,
      `${host.redact(JSON.stringify(scanSarif(report, ports.toolVersion ?? '1'), null, 2))}\n`,
    );
    host.info(`SARIF written to ${settings.sarifPath}`);
  }

  const failures =
    report.vulnerabilities > 0
      ? [
          `${report.vulnerabilities} vulnerabilit${report.vulnerabilities === 1 ? 'y' : 'ies'} at or above ${settings.failOn}: ${report.findings
            .filter((f) => f.counts)
            .slice(0, 5)
            .map((f) => `${f.advisory} in ${f.package} ${f.version} (${f.app})`)
            .join(', ')}${report.vulnerabilities > 5 ? ', …' : ''}`,
        ]
      : [];
  const warnings =
    report.notChecked.length +
    report.notes.length +
    report.allowlist.filter((a) => a.status === 'expiring').length;
  return {
    name: 'vulnerabilities',
    status: statusOf(failures, warnings),
    headline: `Vulnerabilities: ${scanVerdict(report)}`,
    markdown: scanMarkdown(report),
    outputs: {
      vulnerabilities: String(report.vulnerabilities),
      ...(settings.sarifPath ? { 'sarif-path': settings.sarifPath } : {}),
    },
    report,
    failures,
  };
}
