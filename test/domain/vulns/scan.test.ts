import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parseAllowlist, allowStatus } from '../../../src/domain/vulns/allowlist.js';
import { scanMarkdown, scanSarif } from '../../../src/domain/vulns/report.js';
import { scanVulnerabilities, type OsvPort, type ScanApp } from '../../../src/domain/vulns/scan.js';
import type { FailOn } from '../../../src/domain/vulns/types.js';
import { repoRoot } from '../../support/run-action.js';
import { ADVISORIES } from './osv-records.js';

const fixture = (name: string) => readFileSync(join(repoRoot, 'test/fixtures/lockfiles', name), 'utf8');

/** An in-memory OSV over the records: matches enumerated versions, as the stub server does. */
function memoryOsv(records = ADVISORIES, broken: string[] = []): OsvPort & { detailReads: string[] } {
  const detailReads: string[] = [];
  const norm = (n: string) => n.toLowerCase().replace(/[-_.]+/g, '-');
  return {
    detailReads,
    async queryBatch(queries) {
      return {
        errors: [],
        ids: queries.map((q) =>
          records
            .filter((r) =>
              (r.affected as { package: { name: string; ecosystem: string }; versions: string[] }[]).some(
                (a) =>
                  a.package.ecosystem === q.ecosystem &&
                  norm(a.package.name) === norm(q.name) &&
                  a.versions.includes(q.version),
              ),
            )
            .map((r) => r.id as string),
        ),
      };
    },
    async vulnerability(id) {
      detailReads.push(id);
      if (broken.includes(id)) throw new Error('HTTP 500');
      return records.find((r) => r.id === id);
    },
  };
}

const apps: ScanApp[] = [
  {
    app: 'legacy-web',
    directory: 'web',
    lockfiles: [{ file: 'web/package-lock.json', text: fixture('package-lock-v1.json') }],
  },
  {
    app: 'legacy-api',
    directory: 'api',
    lockfiles: [
      { file: 'api/requirements.txt', text: fixture('requirements.txt') },
      { file: 'api/uv.lock', text: fixture('uv.lock') },
    ],
  },
];
const NOW = new Date('2026-06-15T12:00:00Z');
const scan = (failOn: FailOn, allowlist = '', osv: OsvPort = memoryOsv()) =>
  scanVulnerabilities(apps, { failOn, allowlist: parseAllowlist('allowlist', allowlist), now: NOW }, osv);

describe('the scan', () => {
  it('finds advisories across npm and PyPI with package, installed, fixed, severity and link', async () => {
    const report = await scan('high');
    const rows = report.findings.map((f) => [
      f.app,
      f.package,
      f.version,
      f.fixed,
      f.severity.level,
      f.advisory,
      f.counts,
    ]);
    expect(rows).toEqual([
      ['legacy-api', 'django', '3.2.0', '3.2.1', 'critical', 'GHSA-xxxx-djng-crit', true],
      ['legacy-web', 'lodash', '4.17.20', '4.17.21', 'high', 'GHSA-35jh-r3h4-6jhm', true],
      ['legacy-api', 'jinja2', '2.4.1', '2.10.1', 'medium', 'GHSA-jnj2-labl-mode', false],
      ['legacy-web', 'qs', '6.7.0', '6.7.3', 'medium', 'GHSA-hrpp-h998-j3pp', false],
      ['legacy-api', 'urllib3', '1.26.4', '1.26.5', 'low', 'GHSA-urll-ib3l-oww1', false],
    ]);
    expect(report.vulnerabilities).toBe(2);
    expect(report.findings[0]?.aliases).toContain('PYSEC-2021-0001');
    expect(report.findings[0]?.link).toBe('https://osv.dev/vulnerability/GHSA-xxxx-djng-crit');
    expect(report.findings.find((f) => f.package === 'lodash')?.line).toBeUndefined();
    expect(report.findings.find((f) => f.package === 'django')).toMatchObject({
      file: 'api/requirements.txt',
      line: 2,
    });
    expect(report.notChecked).toEqual([]);
    expect(report.apps[0]?.lockfiles[0]).toMatchObject({ packages: 3, skippedDev: 1 });
  });

  it.each([
    ['critical', 1],
    ['high', 2],
    ['medium', 4],
    ['low', 5],
    ['none', 0],
  ] as const)('fail-on-severity %s counts %d', async (failOn, count) => {
    expect((await scan(failOn)).vulnerabilities).toBe(count);
  });

  it('reads each advisory once even when several packages or aliases name it', async () => {
    const osv = memoryOsv();
    await scan('high', '', osv);
    expect(osv.detailReads.sort()).toEqual([...new Set(osv.detailReads)].sort());
  });

  it('an allowlisted advisory passes until its expiry, warns in its last week, and counts again after', async () => {
    const allow = (expires: string) =>
      `- id: CVE-2021-23337\n  reason: lodash template() is never called with user input\n  expires: ${expires}\n`;
    const active = await scan('high', allow('2026-12-31'));
    expect(active.vulnerabilities).toBe(1);
    expect(active.findings.find((f) => f.package === 'lodash')).toMatchObject({
      counts: false,
      allowlisted: { status: 'active' },
    });
    expect(active.allowlist[0]).toMatchObject({ status: 'active', matched: 1 });

    const expiring = await scan('high', allow('2026-06-20'));
    expect(expiring.vulnerabilities).toBe(1);
    expect(expiring.allowlist[0]?.status).toBe('expiring');

    const onTheDay = await scan('high', allow('2026-06-15'));
    expect(onTheDay.vulnerabilities).toBe(1);

    const expired = await scan('high', allow('2026-06-14'));
    expect(expired.vulnerabilities).toBe(2);
    expect(expired.findings.find((f) => f.package === 'lodash')).toMatchObject({
      counts: true,
      allowlisted: { status: 'expired' },
    });
  });

  it('advisory details that cannot be read: named as not checked, and counted (severity unknown)', async () => {
    const report = await scan('critical', '', memoryOsv(ADVISORIES, ['GHSA-35jh-r3h4-6jhm']));
    expect(report.notChecked).toEqual([
      expect.stringContaining('the details of GHSA-35jh-r3h4-6jhm could not be read (HTTP 500)'),
    ]);
    expect(report.findings.find((f) => f.package === 'lodash')).toMatchObject({
      counts: true,
      severity: { source: 'unknown' },
    });
  });

  it('an OSV outage: every package named as not checked, never a silent pass', async () => {
    const down: OsvPort = {
      queryBatch: async (queries) => ({
        ids: queries.map(() => undefined),
        errors: ['api.osv.dev v1/querybatch answered HTTP 503'],
      }),
      vulnerability: async () => undefined,
    };
    const report = await scan('high', '', down);
    expect(report.vulnerabilities).toBe(0);
    expect(report.notChecked).toHaveLength(1);
    expect(report.notChecked[0]).toMatch(
      /OSV did not answer for 8 of 8 package\(s\) \(api.osv.dev v1\/querybatch answered HTTP 503\): /,
    );
    expect(report.notChecked[0]).toContain('lodash@4.17.20 (npm)');
    expect(report.packagesChecked).toBe(0);
  });

  it('a lockfile that does not parse is named, the others still scanned', async () => {
    const report = await scanVulnerabilities(
      [
        {
          app: 'x',
          directory: 'x',
          lockfiles: [
            { file: 'x/package-lock.json', text: '{' },
            { file: 'x/uv.lock', text: fixture('uv.lock') },
          ],
        },
      ],
      { failOn: 'low', allowlist: [], now: NOW },
      memoryOsv(),
    );
    expect(report.notChecked[0]).toMatch(/^x\/package-lock.json could not be read as a lockfile/);
    expect(report.vulnerabilities).toBe(1);
  });
});

describe('allowlist input', () => {
  it('refuses entries without reason or a real date, naming the input, the entry and the fix', () => {
    expect(() => parseAllowlist('allowlist', '- id: X\n  expires: 2026-01-01')).toThrow(
      "Input 'allowlist': entry 1 (X) has no reason. Say why the advisory is accepted in `reason:`.",
    );
    expect(() => parseAllowlist('allowlist', '- id: X\n  reason: ok\n  expires: 2026-02-30')).toThrow(
      /no valid expires date \("2026-02-30"\)/,
    );
    expect(() => parseAllowlist('allowlist', 'id: X')).toThrow(/is not a YAML list/);
    expect(() => parseAllowlist('allowlist', '- [')).toThrow(/is not valid YAML/);
    expect(parseAllowlist('allowlist', '')).toEqual([]);
  });

  it('expires is the last day it applies', () => {
    const [entry] = parseAllowlist('allowlist', '- id: X\n  reason: ok\n  expires: 2026-06-30');
    expect(allowStatus(entry!, new Date('2026-06-22T23:59:00Z'))).toBe('active');
    expect(allowStatus(entry!, new Date('2026-06-23T00:00:00Z'))).toBe('expiring');
    expect(allowStatus(entry!, new Date('2026-06-30T23:59:00Z'))).toBe('expiring');
    expect(allowStatus(entry!, new Date('2026-07-01T00:00:00Z'))).toBe('expired');
  });
});

describe('report', () => {
  it('the summary has a table per app with links; hostile summaries cannot break the table', async () => {
    const hostile = ADVISORIES.map((r) =>
      r.id === 'GHSA-35jh-r3h4-6jhm' ? { ...r, summary: 'x | y\n## injected' } : r,
    );
    const report = await scan('high', '', memoryOsv(hostile));
    const md = scanMarkdown(report);
    expect(md).toContain('### Vulnerabilities: ❌ 2 at or above high');
    expect(md).toContain('#### legacy-web');
    expect(md).toContain(
      '| [GHSA-35jh-r3h4-6jhm](https://osv.dev/vulnerability/GHSA-35jh-r3h4-6jhm) | lodash | 4.17.20 | 4.17.21 | high (7.2) | counts |',
    );
    expect(md).not.toContain('\n## injected');
  });

  it('SARIF 2.1.0: the required fields, one rule per advisory, one result per advisory and location', async () => {
    const report = await scan('high');
    const sarif = scanSarif(report, '1.0.0');
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0]!;
    expect(run.tool.driver.name).toBeTruthy();
    expect(run.results).toHaveLength(report.findings.length);
    for (const r of run.results ?? []) {
      expect(r.message.text).toBeTruthy();
      expect(r.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toMatch(/^(web|api)\//);
      expect(r.locations?.[0]?.physicalLocation?.region?.startLine).toBeGreaterThanOrEqual(1);
      expect(run.tool.driver.rules?.some((rule) => rule.id === r.ruleId)).toBe(true);
    }
    const django = run.results?.find((r) => r.ruleId === 'GHSA-xxxx-djng-crit');
    expect(django).toMatchObject({
      level: 'error',
      locations: [{ physicalLocation: { region: { startLine: 2 } } }],
    });
    expect(
      run.tool.driver.rules?.find((r) => r.id === 'GHSA-xxxx-djng-crit')?.properties?.['security-severity'],
    ).toBe('9.3');
  });
});
