/**
 * `npm run demo` (scripts/demo.mjs) as a person runs it: the whole pipeline against the Fly stand-in with the
 * real apps as machines. Asserts what it printed for each step and that nothing of the stand-in is left
 * running, nor its temp dir left behind, once it has exited.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/run-action.js';

const DEMO_LIMIT_MS = 120_000;

/** Pids of live processes with an environment entry starting with one of `prefixes`. */
function processesWith(prefixes: string[]): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (/^[ZX]$/.test(stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3))) continue;
      const environ = readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0');
      if (environ.some((v) => prefixes.some((p) => v.startsWith(p)))) found.push(Number(entry));
    } catch {
      // gone, or not ours
    }
  }
  return found;
}

interface DemoRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Stand-in processes seen while the demo ran (proves the leak check can see them). */
  seenWhileRunning: number;
  leftAfter: number[];
  tmpLeft: string[];
}

let tmp: string;
let demo: DemoRun;

beforeAll(async () => {
  // The demo makes its temp dir (and with it the stand-in's state dir) in TMPDIR: here, a dir of this test.
  tmp = mkdtempSync(join(tmpdir(), 'demo-e2e-'));
  const markers = [`STANDIN_STATE=${tmp}/`, `FLY_STANDIN_STATE=${tmp}/`];
  demo = await new Promise<DemoRun>((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, 'scripts', 'demo.mjs')], {
      cwd: repoRoot,
      // The user's environment (CA certificates and proxies for npm ci among it), without jest's
      // NODE_OPTIONS; the demo drops CI and Fly variables itself.
      env: { ...process.env, NODE_OPTIONS: undefined, TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let seen = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // During step 2 the machines of both apps run.
      if (seen === 0 && stdout.includes('── 2. deploy both apps')) seen = processesWith(markers).length;
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), DEMO_LIMIT_MS);
    child.on('close', async (exitCode) => {
      clearTimeout(timer);
      // stop-all waits for each process to be gone; a short grace only guards against a slow /proc.
      let left = processesWith(markers);
      for (let i = 0; i < 20 && left.length > 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        left = processesWith(markers);
      }
      resolve({
        exitCode,
        stdout,
        stderr,
        seenWhileRunning: seen,
        leftAfter: left,
        // node-compile-cache: Node's own cache, which npm (run by the demo's npm ci) keeps in TMPDIR.
        tmpLeft: readdirSync(tmp).filter((name) => name !== 'node-compile-cache'),
      });
    });
  });
}, DEMO_LIMIT_MS + 30_000);

afterAll(() => {
  for (const pid of demo?.leftAfter ?? []) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The printed line that starts with `   ✅ ` or `   ❌ ` after `header` (the step's outcome). */
function outcomeAfter(header: string): string {
  const from = demo.stdout.indexOf(header);
  expect(from).toBeGreaterThanOrEqual(0);
  const line = demo.stdout
    .slice(from)
    .split('\n')
    .find((l) => /^ {3}(✅|❌) /.test(l));
  return line ?? '';
}

describe('npm run demo', () => {
  it('exits 0 with every step ✅ and the final table', () => {
    expect([demo.exitCode, demo.stderr]).toEqual([0, '']);
    expect(demo.stdout).toContain('Timings are scaled: the stand-in runs at time scale 0.01');
    expect(demo.stdout).not.toContain('❌');
    const table = demo.stdout.slice(demo.stdout.indexOf('   step '));
    const rows = table
      .split('\n')
      .slice(1)
      .filter((l) => /^ {3}\d /.test(l));
    expect(rows.map((r) => r.trim().replace(/ {2,}.*$/, ''))).toEqual([
      '1 validate',
      '2 deploy nuzantara-rag',
      '2 deploy nuzantara-mouth',
      '3 broken release',
      '4 rollback nuzantara-mouth',
      '5 monitor',
    ]);
    for (const row of rows) expect(row).toMatch(/ {2}✅ {6}\S/);
    expect(demo.stdout).toMatch(/✅ every step went as expected: \d+\.\d+s in all/);
  });

  it('validated both configs strictly, with the clean-git check off and said so', () => {
    expect(demo.stdout).toContain('the clean-git check is off (--no-require-clean-git)');
    expect(demo.stdout).toContain('files: apps/backend-rag/fly.toml, apps/mouth/fly.toml');
    expect(outcomeAfter('── 1. validate')).toMatch(
      /✅ 2 configs valid \(strict, policy error\): 0 errors, 0 warnings, \d+ notices; flyctl config validate passed/,
    );
  });

  it('deployed both apps healthy, the frontend reaching the backend', () => {
    const section = demo.stdout.slice(demo.stdout.indexOf('── 2.'), demo.stdout.indexOf('── 3.'));
    const outcomes = section.split('\n').filter((l) => /^ {3}(✅|❌) /.test(l));
    expect(outcomes).toEqual([
      expect.stringMatching(
        /^ {3}✅ healthy: v2 \(1\.1\.0\) replaced v1; flyctl deploy [\d.]+s, probe \d+ms/,
      ),
      expect.stringMatching(
        /^ {3}✅ healthy: v2 \(1\.1\.0\) replaced v1; flyctl deploy [\d.]+s, probe \d+ms/,
      ),
    ]);
    expect(section).toContain(
      'GET <front door>/health → 200 from release v2; the frontend sees the backend up',
    );
  });

  it('rolled the broken backend release back by itself, its /health having named postgres', () => {
    expect(outcomeAfter('── 3.')).toBe(
      '   ✅ rolled-back by itself: v3 failed its health checks, v4 serves 1.1.0 again',
    );
    const section = demo.stdout.slice(demo.stdout.indexOf('── 3.'), demo.stdout.indexOf('── 4.'));
    expect(section).toContain('broken release v3: failed');
    expect(section).toMatch(/its machine logged: postgres 127\.0\.0\.1:\d+\/rag is down/);
    expect(section).toContain(
      'serving now: v4, registry.fly.io/nuzantara-rag:1.1.0 (before: v2, registry.fly.io/nuzantara-rag:1.1.0)',
    );
    expect(section).toContain('GET <front door>/health → 200 ok from release v4');
  });

  it('rolled the frontend back by hand to its first release, which serves', () => {
    expect(outcomeAfter('── 4.')).toBe(
      "   ✅ healthy: v2 → v1; release v3 serves 1.0.0, the first release's image",
    );
    expect(demo.stdout).toContain(
      'GET <front door>/ → 200 from release v3 (registry.fly.io/nuzantara-mouth:1.0.0)',
    );
  });

  it('found both targets up in one monitoring pass, with their p95', () => {
    expect(demo.stdout).toContain('history and incidents are off');
    expect(demo.stdout).toMatch(/🟢 nuzantara-rag: up, p50 \d+ms, p95 \d+ms, errors 0 of 10/);
    expect(demo.stdout).toMatch(/🟢 nuzantara-mouth: up, p50 \d+ms, p95 \d+ms, errors 0 of 10/);
    expect(outcomeAfter('── 5.')).toMatch(
      /^ {3}✅ up: nuzantara-rag up \(p95 \d+ms\), nuzantara-mouth up \(p95 \d+ms\)$/,
    );
  });

  it('printed no secret: neither the fake token nor the database password', () => {
    for (const text of [demo.stdout, demo.stderr]) {
      expect(text).not.toContain('fm2_demo-not-a-real-token');
      expect(text).not.toContain('demo-password');
    }
  });

  it('left no stand-in process running and removed its temp dir', () => {
    // The check sees the machines and front doors while they run (two apps, two machines each).
    expect(demo.seenWhileRunning).toBeGreaterThanOrEqual(4);
    expect(demo.stdout).toMatch(/flyctl standin stop-all: stopped \d+ processes/);
    expect(demo.leftAfter).toEqual([]);
    expect(demo.tmpLeft).toEqual([]);
  });
});
