import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { inputReader } from '../../src/host/inputs.js';
import { readScanSettings, runScanCheck } from '../../src/commands/monitor-scan.js';
import { startHttpStub, type HttpStub } from '../support/http-stub.js';
import { repoRoot } from '../support/run-action.js';
import { testHost } from '../support/test-host.js';
import { ADVISORIES, serveOsv, type OsvStubOptions } from '../domain/vulns/osv-records.js';

/** The scan inputs' action.yml defaults. */
const DEFAULTS = {
  scan: 'true',
  'scan-paths': '',
  'osv-url': '',
  'fail-on-severity': 'high',
  allowlist: '',
  'sarif-path': '',
};

/** Two app directories (each with a fly.toml) holding the fixture lockfiles. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'monitor-scan-'));
  const fixtures = join(repoRoot, 'test/fixtures/lockfiles');
  mkdirSync(join(dir, 'apps/web'), { recursive: true });
  mkdirSync(join(dir, 'apps/api'), { recursive: true });
  writeFileSync(join(dir, 'apps/web/fly.toml'), 'app = "legacy-web"\n');
  writeFileSync(join(dir, 'apps/api/fly.toml'), 'app = "legacy-api"\n');
  cpSync(join(fixtures, 'package-lock-v1.json'), join(dir, 'apps/web/package-lock.json'));
  cpSync(join(fixtures, 'requirements.txt'), join(dir, 'apps/api/requirements.txt'));
  cpSync(join(fixtures, 'uv.lock'), join(dir, 'apps/api/uv.lock'));
  return dir;
}

let osv: HttpStub;
beforeEach(async () => void (osv = await startHttpStub()));
afterEach(() => osv.close());

async function run(
  inputs: Record<string, string> = {},
  options: { stub?: OsvStubOptions; now?: string } = {},
) {
  const state = serveOsv(osv, ADVISORIES, options.stub);
  const workspaceDir = workspace();
  const host = testHost({
    inputs: { ...DEFAULTS, 'osv-url': osv.url, ...inputs },
    context: { workspace: workspaceDir },
  });
  const settings = readScanSettings(inputReader(host), host.context);
  const section = await runScanCheck(host, settings, {
    now: () => new Date(options.now ?? '2026-06-15T12:00:00Z'),
  });
  return { host, section, state, workspaceDir };
}

const warnings = (host: ReturnType<typeof testHost>) =>
  host.logs.filter((l) => l.level === 'warning').map((l) => l.message);

describe('monitor vulnerability scan', () => {
  it('reports each app’s advisories and fails at or above the threshold, with annotations on the lockfile line', async () => {
    const { host, section } = await run();
    expect(section.outputs.vulnerabilities).toBe('2');
    expect(section.status).toBe('fail');
    expect(section.failures[0]).toMatch(
      /^2 vulnerabilities at or above high: GHSA-xxxx-djng-crit in django 3.2.0 \(legacy-api\), GHSA-35jh-r3h4-6jhm in lodash 4.17.20 \(legacy-web\)/,
    );
    const django = host.logs.find((l) => l.level === 'error' && l.message.startsWith('GHSA-xxxx-djng-crit'));
    expect(django?.where).toMatchObject({ file: 'apps/api/requirements.txt', line: 2 });
    expect(django?.message).toContain('(critical (9.3)) in django 3.2.0, fixed in 3.2.1');
    expect(section.markdown).toContain('#### legacy-api');
    expect(section.markdown).toContain('#### legacy-web');
    // Lines that cannot be checked are warnings at their place.
    expect(
      host.logs.find((l) => l.level === 'warning' && l.message.startsWith('requests is not pinned'))?.where,
    ).toMatchObject({ file: 'apps/api/requirements.txt', line: 6 });
  });

  it.each([
    ['critical', '1', 'fail'],
    ['medium', '4', 'fail'],
    ['none', '0', 'warn'],
  ])('fail-on-severity %s: %s counting', async (failOn, count, status) => {
    const { section } = await run({ 'fail-on-severity': failOn });
    expect(section.outputs.vulnerabilities).toBe(count);
    expect(section.status).toBe(status);
  });

  it('an allowlisted advisory passes until its expiry (warning in the last week) and fails after', async () => {
    const allowlist =
      '- id: GHSA-xxxx-djng-crit\n  reason: the admin is not exposed\n  expires: 2026-06-20\n- id: CVE-2021-23337\n  reason: template() unused\n  expires: 2026-12-31\n';
    const before = await run({ allowlist });
    expect(before.section.outputs.vulnerabilities).toBe('0');
    expect(before.section.failures).toEqual([]);
    expect(warnings(before.host)).toContain(
      'allowlist: GHSA-xxxx-djng-crit expires on 2026-06-20 (5 day(s) left); after that it counts again. Fix it, or renew the entry with a reason.',
    );
    expect(before.section.markdown).toContain(
      'allowed until 2026-06-20 (expiring): the admin is not exposed',
    );

    const after = await run({ allowlist }, { now: '2026-06-21T00:00:00Z' });
    expect(after.section.outputs.vulnerabilities).toBe('1');
    expect(after.section.failures[0]).toContain('GHSA-xxxx-djng-crit in django');
    expect(warnings(after.host)).toContain(
      'allowlist: GHSA-xxxx-djng-crit expired on 2026-06-20, so it counts again. Fix it, or renew the entry with a reason.',
    );
  });

  it('pages through querybatch results', async () => {
    const { section, state } = await run({}, { stub: { pageSize: 1 } });
    expect(state.pageTokens).toBe(1);
    expect(section.outputs.vulnerabilities).toBe('2');
    expect((section.report as { findings: unknown[] }).findings).toHaveLength(5);
  });

  it('an OSV error is a warning naming what was not checked, never a silent pass', async () => {
    const { host, section } = await run({}, { stub: { batchStatus: 503 } });
    expect(section.status).toBe('warn');
    expect(section.outputs.vulnerabilities).toBe('0');
    expect(section.headline).toContain('incomplete');
    const warning = warnings(host).find((w) => w.startsWith('Vulnerability scan incomplete'));
    expect(warning).toMatch(
      /OSV did not answer for 8 of 8 package\(s\) \(http:\/\/127\.0\.0\.1:\d+ v1\/querybatch answered HTTP 503\): .*lodash@4\.17\.20 \(npm\)/,
    );
    expect(section.markdown).toContain('**Not checked:**');
  });

  it('writes SARIF 2.1.0 with one result per advisory and lockfile', async () => {
    const { section, workspaceDir } = await run({ 'sarif-path': 'out/osv.sarif' });
    const sarif = JSON.parse(readFileSync(join(workspaceDir, 'out/osv.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toHaveLength(5);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/^apps\//);
    expect(section.outputs['sarif-path']).toBe(join(workspaceDir, 'out/osv.sarif'));
  });

  it('credentials in osv-url are masked and never printed', async () => {
    const { host } = await run(
      { 'osv-url': osv.url.replace('http://', 'http://reader:fake-osv-pass@') },
      { stub: { batchStatus: 500 } },
    );
    expect(host.masks).toContain('fake-osv-pass');
    expect(host.allText()).not.toContain('fake-osv-pass');
  });

  it.each([
    [
      { 'fail-on-severity': 'severe' },
      'Input \'fail-on-severity\': "severe" is not one of the accepted values. Use one of: low, medium, high, critical, none.',
    ],
    [
      { allowlist: '- id: X\n  reason: r' },
      'Input \'allowlist\': entry 1 (X) has no valid expires date ("none"). Give the last day it applies as `expires: YYYY-MM-DD`.',
    ],
    [{ 'osv-url': 'ftp://mirror' }, /^Input 'osv-url': "ftp:\/\/mirror" uses ftp:/],
    [{ 'scan-paths': 'apps/[' }, /^Input 'scan-paths': "apps\/\[" is not a valid glob/],
  ])('bad input %j: one clear error before anything runs', (inputs, message) => {
    const host = testHost({ inputs: { ...DEFAULTS, ...inputs } });
    expect(() => readScanSettings(inputReader(host), host.context)).toThrow(message);
  });
});
