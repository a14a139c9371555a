/**
 * OSV records in the shape osv.dev serves (GET /v1/vulns/{id}), and a stub of the OSV API over them for
 * test/support/http-stub.ts: querybatch matches `affected[].versions` exactly (as osv.dev does for
 * enumerated versions), pages through `page_token` when a page size is set, and counts batch sizes.
 */
import type { HttpStub, StubRequest } from '../../support/http-stub.js';

type Eco = 'npm' | 'PyPI';

export function record(
  id: string,
  ecosystem: Eco,
  name: string,
  options: {
    versions: string[];
    ranges?: { introduced: string; fixed?: string; last_affected?: string }[];
    severity?: { type: 'CVSS_V3' | 'CVSS_V4' | 'CVSS_V2'; score: string }[];
    label?: string;
    aliases?: string[];
    summary?: string;
  },
): Record<string, unknown> {
  return {
    schema_version: '1.6.0',
    id,
    modified: '2026-01-01T00:00:00Z',
    aliases: options.aliases ?? [],
    summary: options.summary ?? `Issue in ${name}`,
    ...(options.severity ? { severity: options.severity } : {}),
    affected: [
      {
        package: { ecosystem, name },
        ranges: options.ranges
          ? [
              {
                type: 'ECOSYSTEM',
                events: options.ranges.flatMap((r) => Object.entries(r).map(([k, v]) => ({ [k]: v }))),
              },
            ]
          : [],
        versions: options.versions,
      },
    ],
    ...(options.label ? { database_specific: { severity: options.label } } : {}),
  };
}

export const V3_CRITICAL = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'; // 9.8
export const V3_HIGH = 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H'; // 7.2
export const V3_MEDIUM = 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:N/A:N'; // 5.3
export const V3_LOW = 'CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N'; // 3.7
export const V4_CRITICAL = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'; // 9.3
export const V4_MEDIUM = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:L/SC:N/SI:N/SA:N'; // 6.9

/** Advisories over the fixture lockfiles: npm and PyPI, every severity source. */
export const ADVISORIES = [
  record('GHSA-35jh-r3h4-6jhm', 'npm', 'lodash', {
    versions: ['4.17.19', '4.17.20'],
    ranges: [{ introduced: '0', fixed: '4.17.21' }],
    severity: [{ type: 'CVSS_V3', score: V3_HIGH }],
    aliases: ['CVE-2021-23337'],
    summary: 'Command Injection in lodash',
  }),
  record('GHSA-hrpp-h998-j3pp', 'npm', 'qs', {
    versions: ['6.7.0'],
    ranges: [
      { introduced: '6.5.0', fixed: '6.5.3' },
      { introduced: '6.7.0', fixed: '6.7.3' },
    ],
    severity: [{ type: 'CVSS_V3', score: V3_MEDIUM }],
    summary: 'qs vulnerable to Prototype Pollution',
  }),
  record('GHSA-xxxx-djng-crit', 'PyPI', 'django', {
    versions: ['3.2.0'],
    ranges: [{ introduced: '3.2', fixed: '3.2.1' }],
    severity: [{ type: 'CVSS_V4', score: V4_CRITICAL }],
    aliases: ['PYSEC-2021-0001'],
  }),
  record('PYSEC-2021-0001', 'PyPI', 'Django', { versions: ['3.2.0'], aliases: ['GHSA-xxxx-djng-crit'] }),
  record('GHSA-jnj2-labl-mode', 'PyPI', 'jinja2', {
    versions: ['2.4.1'],
    ranges: [{ introduced: '0', fixed: '2.10.1' }],
    label: 'MODERATE',
  }),
  record('GHSA-urll-ib3l-oww1', 'PyPI', 'urllib3', {
    versions: ['1.26.4'],
    ranges: [{ introduced: '1.26.0', fixed: '1.26.5' }],
    severity: [{ type: 'CVSS_V3', score: V3_LOW }],
  }),
];

export interface OsvStubOptions {
  /** Ids per page of one query's answer; pages follow with `page_token`. */
  pageSize?: number;
  /** HTTP status for every querybatch (an outage). */
  batchStatus?: number;
  /** Ids whose details answer 500. */
  brokenDetails?: string[];
}

export interface OsvStubState {
  batchSizes: number[];
  pageTokens: number;
  detailReads: string[];
}

const normal = (eco: string, name: string) =>
  eco === 'PyPI' ? name.toLowerCase().replace(/[-_.]+/g, '-') : name;

export function serveOsv(
  stub: HttpStub,
  records: readonly Record<string, unknown>[],
  options: OsvStubOptions = {},
): OsvStubState {
  const state: OsvStubState = { batchSizes: [], pageTokens: 0, detailReads: [] };
  const matches = (q: { package?: { name?: string; ecosystem?: string }; version?: string }) =>
    records
      .filter((r) =>
        (r.affected as { package: { name: string; ecosystem: string }; versions: string[] }[]).some(
          (a) =>
            a.package.ecosystem === q.package?.ecosystem &&
            normal(a.package.ecosystem, a.package.name) ===
              normal(a.package.ecosystem, q.package?.name ?? '') &&
            a.versions.includes(q.version ?? ''),
        ),
      )
      .map((r) => ({ id: r.id as string, modified: r.modified as string }));
  stub.on('POST', '/v1/querybatch', (req: StubRequest) => {
    if (options.batchStatus) return { status: options.batchStatus, body: { code: 13, message: 'internal' } };
    const queries = (req.json as { queries: { page_token?: string }[] }).queries;
    state.batchSizes.push(queries.length);
    if (queries.length > 1000) return { status: 400, body: { code: 3, message: 'Too many queries.' } };
    return {
      body: {
        results: queries.map((q) => {
          const all = matches(q as never);
          if (!options.pageSize) return all.length ? { vulns: all } : {};
          if (q.page_token) state.pageTokens++;
          const start = q.page_token ? Number(q.page_token) : 0;
          const page = all.slice(start, start + options.pageSize);
          const more = start + options.pageSize < all.length;
          return {
            ...(page.length ? { vulns: page } : {}),
            ...(more ? { next_page_token: String(start + options.pageSize) } : {}),
          };
        }),
      },
    };
  });
  stub.on('GET', '/v1/vulns/:id', (req: StubRequest) => {
    state.detailReads.push(req.params.id as string);
    if (options.brokenDetails?.includes(req.params.id as string)) return { status: 500, body: {} };
    const found = records.find((r) => r.id === req.params.id);
    return found ? { body: found } : { status: 404, body: { code: 5, message: 'Bug not found.' } };
  });
  return state;
}
