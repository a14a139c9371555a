/**
 * The vulnerability scan over injected edges: the apps' lockfiles are parsed, every pinned package is asked
 * of OSV once (querybatch), each advisory's details are read once, and each finding is judged against the
 * threshold and the allowlist. Whatever could not be checked is named in `notChecked`, never passed over.
 */
import { errorMessage } from '../shared/errors.js';
import { advisoryLink, dropAliases, parseAdvisory } from './advisory.js';
import { allowStatus, findAllowance } from './allowlist.js';
import { parseLockfile } from './lockfiles.js';
import { levelRank, meetsThreshold } from './severity.js';
import { fixedVersion } from './versions.js';
import type {
  Advisory,
  AllowlistEntry,
  AppScan,
  Dependency,
  FailOn,
  LockfileContents,
  ScanReport,
  VulnFinding,
} from './types.js';
import { byCodeUnit } from '../shared/order.js';

export interface PackageQuery {
  ecosystem: Dependency['ecosystem'];
  name: string;
  version: string;
}

export interface BatchAnswer {
  /** The advisory ids of each query, in order; undefined where OSV did not answer for it. */
  ids: (string[] | undefined)[];
  /** Why some queries went unanswered. */
  errors: string[];
}

/** OSV as the scan needs it (src/io/osv.ts: batching, pagination and time limits live there). */
export interface OsvPort {
  queryBatch(queries: readonly PackageQuery[]): Promise<BatchAnswer>;
  vulnerability(id: string): Promise<unknown>;
}

export interface ScanApp {
  app: string;
  directory: string;
  lockfiles: { file: string; text: string }[];
}

export interface ScanSettings {
  failOn: FailOn;
  allowlist: readonly AllowlistEntry[];
  now: Date;
  /** Advisory details read at once (default 8). */
  concurrency?: number;
}

const keyOf = (d: PackageQuery) => `${d.ecosystem}\0${d.name}\0${d.version}`;
const label = (d: PackageQuery) => `${d.name}@${d.version} (${d.ecosystem})`;

export function listSome(items: readonly string[], max = 10): string {
  return items.length <= max
    ? items.join(', ')
    : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export async function scanVulnerabilities(
  apps: readonly ScanApp[],
  settings: ScanSettings,
  osv: OsvPort,
): Promise<ScanReport> {
  const notChecked: string[] = [];
  const parsed = apps.map((app) => ({
    app,
    lockfiles: app.lockfiles.flatMap((l): LockfileContents[] => {
      try {
        return [parseLockfile(l.file, l.text)];
      } catch (error) {
        notChecked.push(
          `${l.file} could not be read as a lockfile (${errorMessage(error)}): its packages were not checked`,
        );
        return [];
      }
    }),
  }));

  const queries = new Map<string, PackageQuery>();
  for (const { lockfiles } of parsed)
    for (const l of lockfiles)
      for (const d of l.dependencies)
        queries.set(keyOf(d), { ecosystem: d.ecosystem, name: d.name, version: d.version });
  const list = [...queries.values()];

  const idsByPackage = new Map<string, string[]>();
  if (list.length > 0) {
    let answer: BatchAnswer;
    try {
      answer = await osv.queryBatch(list);
    } catch (error) {
      answer = { ids: list.map(() => undefined), errors: [errorMessage(error)] };
    }
    const unanswered: string[] = [];
    list.forEach((q, i) => {
      const ids = answer.ids[i];
      if (ids) idsByPackage.set(keyOf(q), ids);
      else unanswered.push(label(q));
    });
    if (unanswered.length > 0)
      notChecked.push(
        `OSV did not answer for ${unanswered.length} of ${list.length} package(s) (${listSome(
          [...new Set(answer.errors)],
          3,
        )}): ${listSome(unanswered)} were not checked`,
      );
  }

  const advisories = new Map<string, Advisory>();
  const ids = [...new Set([...idsByPackage.values()].flat())].sort();
  await eachLimited(ids, settings.concurrency ?? 8, async (id) => {
    let advisory: Advisory | undefined;
    try {
      advisory = parseAdvisory(await osv.vulnerability(id));
      if (!advisory) throw new Error('the answer is not an OSV record');
    } catch (error) {
      notChecked.push(
        `the details of ${id} could not be read (${errorMessage(error)}): its severity and fix are unknown, so it counts as meeting the threshold`,
      );
      advisory = {
        id,
        aliases: [],
        summary: '',
        severity: { source: 'unknown' },
        link: advisoryLink(id),
        affected: [],
      };
    }
    advisories.set(id, advisory);
  });

  const used = new Map<string, number>();
  const appScans: AppScan[] = parsed.map(({ app, lockfiles }) => {
    const findings: VulnFinding[] = [];
    for (const lock of lockfiles) {
      for (const dep of lock.dependencies) {
        const found = (idsByPackage.get(keyOf(dep)) ?? [])
          .map((id) => advisories.get(id))
          .filter((a): a is Advisory => a !== undefined);
        for (const advisory of dropAliases(found)) {
          const entry = findAllowance(settings.allowlist, [advisory.id, ...advisory.aliases]);
          const status = entry ? allowStatus(entry, settings.now) : undefined;
          if (entry) used.set(entry.id, (used.get(entry.id) ?? 0) + 1);
          const fixed = fixedVersion(advisory.affected, dep.ecosystem, dep.name, dep.version);
          findings.push({
            app: app.app,
            file: dep.file,
            ...(dep.line ? { line: dep.line } : {}),
            ecosystem: dep.ecosystem,
            package: dep.name,
            version: dep.version,
            advisory: advisory.id,
            aliases: advisory.aliases,
            summary: advisory.summary,
            severity: advisory.severity,
            ...(fixed ? { fixed } : {}),
            link: advisory.link,
            ...(entry && status ? { allowlisted: { ...entry, status } } : {}),
            counts: meetsThreshold(advisory.severity, settings.failOn) && (!status || status === 'expired'),
          });
        }
      }
    }
    return {
      app: app.app,
      directory: app.directory,
      lockfiles: lockfiles.map((l) => ({
        file: l.file,
        format: l.format,
        packages: l.dependencies.length,
        skippedDev: l.skippedDev,
      })),
      findings: sortFindings(findings),
    };
  });

  const findings = sortFindings(appScans.flatMap((a) => a.findings));
  return {
    failOn: settings.failOn,
    apps: appScans,
    vulnerabilities: findings.filter((f) => f.counts).length,
    findings,
    notChecked,
    notes: parsed.flatMap(({ lockfiles }) => lockfiles.flatMap((l) => l.notes)),
    allowlist: settings.allowlist.map((entry) => ({
      entry,
      status: allowStatus(entry, settings.now),
      matched: used.get(entry.id) ?? 0,
    })),
    packagesChecked: idsByPackage.size,
  };
}

const rankOf = (f: VulnFinding) => (f.severity.level === undefined ? 5 : levelRank(f.severity.level));

function sortFindings(findings: VulnFinding[]): VulnFinding[] {
  return [...findings].sort(
    (a, b) =>
      Number(b.counts) - Number(a.counts) ||
      rankOf(b) - rankOf(a) ||
      byCodeUnit(a.app, b.app) ||
      byCodeUnit(a.package, b.package) ||
      byCodeUnit(a.advisory, b.advisory) ||
      byCodeUnit(a.file, b.file),
  );
}
