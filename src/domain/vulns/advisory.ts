/** OSV records read defensively: only what the scan uses, from whatever a server or mirror returns. */
import { advisorySeverity, levelRank } from './severity.js';
import type { Advisory } from './types.js';
import { byCodeUnit } from '../shared/order.js';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** What an advisory id may look like (GHSA-…, PYSEC-…, CVE-…): ids go into links and tables, so nothing else is accepted. */
export const ADVISORY_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/** The public page of an advisory (the osv.dev page names every alias and reference). */
export const advisoryLink = (id: string): string => `https://osv.dev/vulnerability/${encodeURIComponent(id)}`;

/** An OSV record (GET /v1/vulns/{id}); undefined when it is not one. */
export function parseAdvisory(data: unknown): Advisory | undefined {
  if (!isObject(data) || typeof data.id !== 'string' || !ADVISORY_ID.test(data.id)) return undefined;
  const aliases = Array.isArray(data.aliases)
    ? data.aliases.filter((a): a is string => typeof a === 'string' && ADVISORY_ID.test(a))
    : [];
  const summary =
    typeof data.summary === 'string' && data.summary.trim()
      ? data.summary.trim()
      : typeof data.details === 'string'
        ? (data.details.trim().split(/\r?\n/)[0] ?? '').slice(0, 200)
        : '';
  return {
    id: data.id,
    aliases,
    summary,
    severity: advisorySeverity(data),
    link: advisoryLink(data.id),
    affected: Array.isArray(data.affected) ? data.affected : [],
  };
}

/**
 * Ids OSV returns for the same vulnerability (a PYSEC and its GHSA) become one: the better described record
 * is kept, with the highest severity any of them gives, so merging never lowers a gate.
 */
export function dropAliases(advisories: readonly Advisory[]): Advisory[] {
  const rank = (a: Advisory) =>
    (a.severity.source === 'CVSS_V4' || a.severity.source === 'CVSS_V3' ? 4 : a.severity.level ? 2 : 0) +
    (a.id.startsWith('GHSA-') ? 1 : 0);
  const names = (a: Advisory) => [a.id, ...a.aliases];
  const groups: Advisory[][] = [];
  for (const a of advisories) {
    const group = groups.find((g) => g.some((k) => names(k).some((n) => names(a).includes(n))));
    if (group) group.push(a);
    else groups.push([a]);
  }
  return groups.map((group) => {
    const [best] = [...group].sort((x, y) => rank(y) - rank(x) || byCodeUnit(x.id, y.id)) as [Advisory];
    const highest = group
      .filter((a) => a.severity.level !== undefined)
      .sort((x, y) => levelRank(y.severity.level!) - levelRank(x.severity.level!))[0];
    const severity =
      highest &&
      best.severity.level !== undefined &&
      levelRank(highest.severity.level!) > levelRank(best.severity.level)
        ? highest.severity
        : best.severity;
    const aliases = [...new Set(group.flatMap(names))].filter((n) => n !== best.id).sort();
    return { ...best, severity, aliases };
  });
}
