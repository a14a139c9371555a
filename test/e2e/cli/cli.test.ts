/** The `nuzantara` command as a user runs it: help, exit codes, one-line usage errors, --json, health-check. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git } from '../../support/git.js';
import { repoRoot } from '../../support/run-action.js';
import { runCli } from '../../support/run-cli.js';

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"ok"}');
    } else {
      res.writeHead(503);
      res.end('down');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** A fresh clone's worth of the apps: a clean git checkout with both apps' configs and Dockerfiles. */
function appsCheckout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cli-apps-'));
  for (const app of ['backend-rag', 'mouth'])
    for (const file of ['fly.toml', 'Dockerfile'])
      cpSync(join(repoRoot, 'apps', app, file), join(dir, 'apps', app, file), { recursive: true });
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'apps');
  return dir;
}

describe('nuzantara --help', () => {
  it('lists the verbs', async () => {
    const run = await runCli(['--help']);
    expect(run.exitCode).toBe(0);
    for (const verb of ['validate', 'deploy', 'coverage', 'health-check'])
      expect(run.stdout).toMatch(new RegExp(`^  ${verb} `, 'm'));
  });

  it("lists a verb's flags with the action.yml's defaults and help text", async () => {
    const run = await runCli(['validate', '--help']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('--config <value>  (default: fly.toml)');
    expect(run.stdout).toContain('--[no-]strict  (default: false)');
    expect(run.stdout).toContain('fly.toml paths or globs, one per line');
    const health = await runCli(['health-check', '--help']);
    expect(health.stdout).toContain('--expect-status <value>  (default: 200-299)');
    expect(health.stdout).toContain('--headers @<file>|-');
    expect(health.stdout).not.toContain('--health-');
  });

  it('is a usage error without a command', async () => {
    const run = await runCli([]);
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toContain('Usage: nuzantara <command>');
  });
});

describe('usage errors exit 2 with one clear line', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown command', ['deploi'], /^nuzantara: unknown command "deploi"\. Run 'nuzantara --help'/],
    [
      'an unknown flag',
      ['validate', '--strickt'],
      /^nuzantara validate: unknown flag --strickt\. Run 'nuzantara validate --help'/,
    ],
    ['a flag without its value', ['validate', '--config'], /^nuzantara validate: --config needs a value\./],
    ['a stray argument', ['validate', 'fly.toml'], /^nuzantara validate: unexpected argument "fly\.toml"\./],
    ['a bad boolean', ['validate', '--strict=maybe'], /--strict takes no value other than true or false/],
    [
      'a secret on the command line',
      ['deploy', '--app', 'x', '--secrets', 'A=b'],
      /--secrets carries a secret, so it takes @<file> or -/,
    ],
    [
      'a duration without a unit',
      ['health-check', '--url', 'http://127.0.0.1:1/', '--timeout', '5'],
      /^usage: --timeout: "5" has no unit\./m,
    ],
    [
      'a bad choice',
      ['validate', '--flyctl-validate', 'perhaps'],
      /^usage: --flyctl-validate: "perhaps" is not one of the accepted values/m,
    ],
  ];
  it.each(cases)('%s', async (_name, args, message) => {
    const run = await runCli(args, { cwd: tmpdir() });
    expect(run.exitCode).toBe(2);
    expect(run.stderr.trim()).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('nuzantara validate', () => {
  it("passes the apps' configs in strict mode on a clean checkout", async () => {
    const run = await runCli(['validate', '--config', 'apps/*/fly.toml', '--strict'], {
      cwd: appsCheckout(),
    });
    expect(run.stderr).not.toMatch(/error:/);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('fly-validate: ✅ ready to deploy');
    expect(run.stdout).toMatch(/^ {2}valid: true$/m);
  });

  it('prints findings as file:line: severity: message, and one JSON document with --json', async () => {
    const dir = appsCheckout();
    writeFileSync(
      join(dir, 'apps', 'mouth', 'fly.toml'),
      'app = "x"\nprimary_region = "sin"\n[deploy]\n  strategy = "sideways"\n',
    );
    const run = await runCli(
      ['validate', '--config', 'apps/*/fly.toml', '--no-require-clean-git', '--json'],
      { cwd: dir },
    );
    expect(run.exitCode).toBe(1);
    const doc = JSON.parse(run.stdout) as {
      ok: boolean;
      outputs: Record<string, string>;
      report: { findings: { rule: string }[] };
    };
    expect(doc.ok).toBe(false);
    expect(doc.outputs.valid).toBe('false');
    expect(doc.report.findings.map((f) => f.rule)).toContain('deploy/strategy');
    expect(run.stderr).toMatch(/^apps\/mouth\/fly\.toml:4: error: \[deploy\/strategy\]/m);
  });
});

describe('nuzantara health-check', () => {
  it('exits 0 when every URL is healthy and prints the attempts and response times', async () => {
    const run = await runCli([
      'health-check',
      '--url',
      `${base}/health`,
      '--expect-body',
      '$.status == "ok"',
      '--retries',
      '2',
      '--interval',
      '100ms',
    ]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/\/health attempt 1 \(\+0\.0s\): ok HTTP 200 \d+ms/);
    expect(run.stdout).toContain('✅ all healthy');
  });

  it('exits 1 when one is not, naming it, with a JSON document that parses', async () => {
    const run = await runCli([
      'health-check',
      '--url',
      `${base}/health`,
      '--url',
      `${base}/down`,
      '--retries',
      '2',
      '--interval',
      '50ms',
      '--schedule',
      'fixed',
      '--json',
    ]);
    expect(run.exitCode).toBe(1);
    const doc = JSON.parse(run.stdout) as {
      outputs: Record<string, string>;
      results: { url: string; healthy: boolean; attempts: unknown[] }[];
      error: string;
    };
    expect(doc.outputs).toEqual({ healthy: 'false', 'healthy-count': '1', total: '2' });
    expect(doc.results.find((r) => r.url.endsWith('/down'))?.attempts).toHaveLength(2);
    expect(doc.error).toContain(`${base}/down`);
  });

  it('reads header values from a file, never from argv, and never prints them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-headers-'));
    writeFileSync(join(dir, 'headers'), 'Authorization: Bearer s3cr3t-value-123\n');
    const run = await runCli([
      'health-check',
      '--url',
      `${base}/down`,
      '--headers',
      `@${join(dir, 'headers')}`,
      '--retries',
      '1',
      '--json',
    ]);
    expect(run.exitCode).toBe(1);
    expect(`${run.stdout}${run.stderr}`).not.toContain('s3cr3t-value-123');
  });
});
