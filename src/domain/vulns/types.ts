/** The vulnerability scan's data: dependencies read from lockfiles, advisories, findings and the report. */

/** OSV ecosystem names (osv-schema: affected[].package.ecosystem). */
export type Ecosystem = 'npm' | 'PyPI';

/** One installed package, as a lockfile pins it. */
export interface Dependency {
  ecosystem: Ecosystem;
  /** npm: the package name; PyPI: normalised (PEP 503). */
  name: string;
  version: string;
  /** The lockfile, workspace-relative. */
  file: string;
  /** The line naming it, when the format gives one. */
  line?: number;
}

/** What one lockfile yields: its dependencies and what could not be checked in it. */
export interface LockfileContents {
  file: string;
  format: LockfileFormat;
  dependencies: Dependency[];
  /** Development-only packages left out: they are not in the deployed image. */
  skippedDev: number;
  /** Lines or entries that cannot be checked (unpinned, local sources), each saying why. */
  notes: LockfileNote[];
}

export type LockfileFormat = 'package-lock.json' | 'requirements.txt' | 'poetry.lock' | 'uv.lock';

export interface LockfileNote {
  file: string;
  line?: number;
  message: string;
}

export type SeverityLevel = 'none' | 'low' | 'medium' | 'high' | 'critical';
/** The gate: fail on advisories at or above this level; `none` reports only. */
export type FailOn = 'low' | 'medium' | 'high' | 'critical' | 'none';

export interface AdvisorySeverity {
  /** undefined: the advisory gives neither a usable CVSS vector nor a label. */
  level?: SeverityLevel;
  score?: number;
  vector?: string;
  source: 'CVSS_V4' | 'CVSS_V3' | 'CVSS_V2' | 'label' | 'unknown';
}

/** An advisory's details as the scan uses them (from GET /v1/vulns/{id}). */
export interface Advisory {
  id: string;
  aliases: string[];
  summary: string;
  severity: AdvisorySeverity;
  link: string;
  /** The raw `affected` entries, for the fixed version of each package. */
  affected: unknown[];
}

export interface AllowlistEntry {
  id: string;
  reason: string;
  /** YYYY-MM-DD, the last day it applies. */
  expires: string;
}

export type AllowStatus = 'active' | 'expiring' | 'expired';

export interface VulnFinding {
  app: string;
  file: string;
  line?: number;
  ecosystem: Ecosystem;
  package: string;
  version: string;
  advisory: string;
  aliases: string[];
  summary: string;
  severity: AdvisorySeverity;
  /** The first version that fixes it (the range holding the installed version); undefined: none known. */
  fixed?: string;
  link: string;
  allowlisted?: AllowlistEntry & { status: AllowStatus };
  /** At or above the threshold and not allowlisted (or its allowance expired). */
  counts: boolean;
}

export interface AppScan {
  app: string;
  directory: string;
  lockfiles: { file: string; format: LockfileFormat; packages: number; skippedDev: number }[];
  findings: VulnFinding[];
}

export interface ScanReport {
  failOn: FailOn;
  apps: AppScan[];
  /** Advisories at or above the threshold that count (not allowed). */
  vulnerabilities: number;
  /** Every finding, by severity then package. */
  findings: VulnFinding[];
  /** What was not checked and why (an OSV error, a lockfile that could not be read): warnings. */
  notChecked: string[];
  /** Lines that cannot be checked (unpinned requirements, local sources): warnings with a place. */
  notes: LockfileNote[];
  allowlist: { entry: AllowlistEntry; status: AllowStatus; matched: number }[];
  packagesChecked: number;
}

/** The fail-on-severity choices (here, not in severity.ts, so reading the input loads no CVSS calculator). */
export const FAIL_ON: readonly FailOn[] = ['low', 'medium', 'high', 'critical', 'none'];
