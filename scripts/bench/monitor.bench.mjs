// prod-monitor's concurrency: 200 targets on loopback, each its own server answering every request after
// the same fixed delay, checked by `nuzantara monitor` (the same code as the action) with the cap set to
// cover them all. The baseline is the slowest single target, measured in the same run: the same command
// on that one target alone. The goal (issue 10) is a wall time within 1.3x of it: the targets are really
// checked at once. Also the monitor's peak RSS (the child's own process.resourceUsage()) for 200 and 1.
// The delay is 500 ms by default, about what one fresh HTTPS request from a GitHub runner to Fly's `sin`
// takes (three round trips of ~200 ms); MONITOR_BENCH_DELAY_MS changes it. For reference, the floor: a
// minimal client process making the same requests the same way (5 in a row per target, fresh connections,
// all targets at once), which shows what the machine itself costs (both ends share its cores).
// Every run's JSON is checked (all targets up, every sample taken) before any time is reported.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, ratio } from './lib.mjs';

export const title = 'prod-monitor: 200 loopback targets checked at once (vs the slowest single target)';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'dist', 'cli', 'index.js');
const TARGETS = Number(process.env.MONITOR_BENCH_TARGETS ?? 200);
const DELAY_MS = Number(process.env.MONITOR_BENCH_DELAY_MS ?? 500);
const SAMPLES = 5;
const RUNS = Number(process.env.MONITOR_BENCH_RUNS ?? 3);
const GOAL = 1.3;
const USAGE_HOOK = `data:text/javascript,process.on("exit",()=>{process.stderr.write("\\nUSAGE "+process.resourceUsage().maxRSS+"\\n")})`;

function startServer(delayMs) {
  const server = createServer((_req, res) => {
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"ok"}');
    }, delayMs);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** One `nuzantara monitor --json` run: wall time, peak RSS, and the document (checked by the caller). */
function monitor(targetsFile) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(
      process.execPath,
      [
        '--import',
        USAGE_HOOK,
        cli,
        'monitor',
        '--targets-file',
        targetsFile,
        '--samples',
        String(SAMPLES),
        '--concurrency',
        String(TARGETS),
        '--retests',
        '0',
        '--history-branch',
        '',
        '--incident-label',
        '',
        '--json',
      ],
      { env: { PATH: process.env.PATH, HOME: tmpdir() }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      const rss = /USAGE (\d+)/.exec(stderr);
      try {
        const doc = JSON.parse(stdout);
        resolve({ code, wallMs, rssKiB: rss ? Number(rss[1]) : NaN, doc });
      } catch {
        reject(new Error(`monitor printed no JSON (exit ${code}): ${stderr.slice(0, 500)}`));
      }
    });
  });
}

/** The floor: the same requests from the smallest client that makes them, in its own process. */
const FLOOR = `
import http from 'node:http';
import { readFileSync } from 'node:fs';
const urls = JSON.parse(readFileSync(process.argv[1], 'utf8'));
const get = (u) => new Promise((ok, fail) => {
  const req = http.request(u, { agent: false }, (res) => { res.resume(); res.on('end', () => ok(res.statusCode)); });
  req.on('error', fail);
  req.end();
});
let good = 0;
await Promise.all(urls.map(async (u) => { for (let i = 0; i < ${SAMPLES}; i++) if ((await get(u)) === 200) good++; }));
if (good !== urls.length * ${SAMPLES}) process.exit(1);
`;

function floor(urlsFile) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--input-type=module', '-e', FLOOR, urlsFile], {
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(Number(process.hrtime.bigint() - start) / 1e6)
        : reject(new Error(`the floor client failed (exit ${code})`)),
    );
  });
}

function check(run, expected) {
  const targets = run.doc.report?.checks?.uptime?.targets ?? [];
  const up = targets.filter((t) => t.status === 'up' && t.counted.samples.length === SAMPLES).length;
  if (run.code !== 0 || targets.length !== expected || up !== expected)
    throw new Error(
      `expected ${expected} targets up with ${SAMPLES} samples each; got ${up} of ${targets.length} (exit ${run.code})`,
    );
}

export default async function bench() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-monitor-'));
  const servers = await Promise.all(Array.from({ length: TARGETS }, () => startServer(DELAY_MS)));
  try {
    const urls = servers.map((s) => `http://127.0.0.1:${s.address().port}/health`);
    const all = join(dir, 'all.yml');
    const one = join(dir, 'one.yml');
    const yaml = (list) => `targets:\n${list.map((u, i) => `  - name: t${i}\n    url: ${u}\n`).join('')}`;
    writeFileSync(all, yaml(urls));
    // Every target answers after the same delay: the last one stands for the slowest.
    writeFileSync(one, yaml([urls.at(-1)]));
    const urlsFile = join(dir, 'urls.json');
    writeFileSync(urlsFile, JSON.stringify(urls));

    // Warm-up (disk cache, JIT of the bundle), then paired runs in alternating order.
    check(await monitor(one), 1);
    const single = [];
    const many = [];
    const floors = [];
    for (let i = 0; i < RUNS; i++) {
      const pair = i % 2 === 0 ? [one, all] : [all, one];
      for (const file of pair) {
        const run = await monitor(file);
        check(run, file === all ? TARGETS : 1);
        (file === all ? many : single).push(run);
      }
      floors.push(await floor(urlsFile));
    }
    const baseline = median(single.map((r) => r.wallMs));
    const measured = median(many.map((r) => r.wallMs));
    const floorMs = median(floors);
    const rssAll = Math.max(...many.map((r) => r.rssKiB));
    const rssOne = Math.max(...single.map((r) => r.rssKiB));
    const mib = (kib) => `${(kib / 1024).toFixed(1)} MiB`;
    return [
      {
        measure: `wall: the slowest single target alone (${SAMPLES} samples, ${DELAY_MS} ms each) (baseline)`,
        value: `${baseline.toFixed(0)} ms`,
        ratio: '1.00x',
        goal: '',
        met: '',
      },
      {
        measure: `wall: ${TARGETS} targets at once (--concurrency ${TARGETS})`,
        value: `${measured.toFixed(0)} ms`,
        ratio: ratio(measured, baseline),
        goal: `≤ ${GOAL}x the slowest single target`,
        met: measured <= GOAL * baseline ? 'yes' : 'NO',
      },
      {
        measure: `floor: a minimal client, the same ${TARGETS * SAMPLES} requests the same way (reference)`,
        value: `${floorMs.toFixed(0)} ms`,
        ratio: ratio(floorMs, baseline),
        goal: '',
        met: '',
      },
      {
        measure: 'peak RSS: monitor on the single target (baseline)',
        value: mib(rssOne),
        ratio: '1.00x',
        goal: '',
        met: '',
      },
      {
        measure: `peak RSS: monitor on ${TARGETS} targets`,
        value: mib(rssAll),
        ratio: ratio(rssAll, rssOne),
        goal: '',
        met: '',
      },
    ];
  } finally {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  }
}
