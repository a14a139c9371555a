import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  checkDeeperTargets,
  deeperCheck,
  readDeeperSettings,
  runDeeperChecks,
  type DeeperCheckSettings,
} from '../../src/commands/monitor-deeper.js';
import { inputReader } from '../../src/host/inputs.js';
import { startHttpStub, type HttpStub } from '../support/http-stub.js';
import { actionDefaults, repoRoot } from '../support/run-action.js';
import { testHost } from '../support/test-host.js';
import { ADVISORIES, serveOsv } from '../domain/vulns/osv-records.js';

/** Every input the deeper checks read, with the defaults proposed for actions/prod-monitor/action.yml. */
const DEEPER_INPUT_DEFAULTS: Record<string, string> = {
  scan: 'false',
  'scan-paths': '',
  'osv-url': 'https://api.osv.dev',
  'fail-on-severity': 'high',
  allowlist: '',
  'sarif-path': '',
  benchmark: '',
  'benchmark-duration': '10s',
  'benchmark-connections': '10',
  'benchmark-rate': '',
  'benchmark-max-requests': '10000',
  'benchmark-thresholds': 'errors <= 1%',
  'benchmark-regression': '20',
  'benchmark-on-regression': 'warn',
  'delivery-metrics': 'false',
  'metrics-window': '30d',
  environments: '',
  'rotate-after': '90d',
  'coverage-summary': '',
  'github-token': '',
};

let osv: HttpStub;
beforeEach(async () => void (osv = await startHttpStub()));
afterEach(() => osv.close());

describe('the deeper checks together', () => {
  it('read exactly their inputs, and the defaults are valid with every check off', () => {
    const read = new Set<string>();
    const host = testHost({ inputs: DEEPER_INPUT_DEFAULTS });
    const source = { get: (name: string) => (read.add(name), host.inputs.get(name)) };
    const settings = readDeeperSettings(inputReader({ inputs: source, mask: () => undefined }), host.context);
    expect([...read].sort()).toEqual(Object.keys(DEEPER_INPUT_DEFAULTS).sort());
    expect([settings.scan.enabled, settings.benchmark.targets, settings.delivery.enabled]).toEqual([
      false,
      [],
      false,
    ]);
  });

  it('action.yml declares them with these defaults (github-token is the monitor’s own)', () => {
    const { 'github-token': _token, ...deeper } = DEEPER_INPUT_DEFAULTS;
    expect(actionDefaults('prod-monitor')).toMatchObject(deeper);
  });

  it('nothing runs when nothing is turned on', async () => {
    const host = testHost({ inputs: DEEPER_INPUT_DEFAULTS });
    const settings = readDeeperSettings(inputReader(host), host.context);
    expect(await runDeeperChecks(host, settings, { targets: [] })).toEqual([]);
    expect(osv.requests).toEqual([]);
  });

  it('a corrupt coverage summary is refused in prepare, before any check runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deeper-prepare-'));
    writeFileSync(join(dir, 'coverage.json'), '{"totals": "not a summary"');
    const host = testHost({
      inputs: { ...DEEPER_INPUT_DEFAULTS, 'delivery-metrics': 'true', 'coverage-summary': 'coverage.json' },
      context: { workspace: dir },
    });
    const settings = deeperCheck.read(inputReader(host), host.context, (s) => host.mask(s));
    expect(settings).toBeDefined();
    await expect(deeperCheck.prepare?.(host, settings as DeeperCheckSettings, [])).rejects.toThrow(
      /^Input 'coverage-summary'/,
    );
  });

  it('a sarif-path the scan could not write is refused in prepare, before any check runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deeper-prepare-'));
    // A file where the SARIF file's directory would be.
    writeFileSync(join(dir, 'out'), 'not a directory');
    const host = testHost({
      inputs: { ...DEEPER_INPUT_DEFAULTS, scan: 'true', 'sarif-path': 'out/osv.sarif' },
      context: { workspace: dir },
    });
    const settings = deeperCheck.read(inputReader(host), host.context, (s) => host.mask(s));
    await expect(deeperCheck.prepare?.(host, settings as DeeperCheckSettings, [])).rejects.toThrow(
      /^Input 'sarif-path'/,
    );
  });

  it('an unknown benchmark target is refused before any check runs', () => {
    const host = testHost({ inputs: { ...DEEPER_INPUT_DEFAULTS, benchmark: 'db' } });
    const settings = readDeeperSettings(inputReader(host), host.context);
    expect(() => checkDeeperTargets(settings, [{ name: 'api', url: 'http://127.0.0.1:1/' }])).toThrow(
      /^Input 'benchmark': "db"/,
    );
  });

  it('the scan’s count joins the delivery metrics’ table', async () => {
    serveOsv(osv, ADVISORIES);
    const workspace = mkdtempSync(join(tmpdir(), 'deeper-'));
    mkdirSync(join(workspace, 'web'));
    writeFileSync(join(workspace, 'web/fly.toml'), 'app = "legacy-web"\n');
    cpSync(
      join(repoRoot, 'test/fixtures/lockfiles/package-lock-v1.json'),
      join(workspace, 'web/package-lock.json'),
    );
    const host = testHost({
      inputs: { ...DEEPER_INPUT_DEFAULTS, scan: 'true', 'osv-url': osv.url, 'delivery-metrics': 'true' },
      context: { workspace },
    });
    const settings = readDeeperSettings(inputReader(host), host.context);
    const sections = await runDeeperChecks(host, settings, { targets: [] });
    expect(sections.map((s) => [s.name, s.status])).toEqual([
      ['vulnerabilities', 'fail'],
      ['delivery', 'warn'],
    ]);
    expect(sections[1]?.markdown).toContain('| vulnerabilities | 1 |');
  });
});
