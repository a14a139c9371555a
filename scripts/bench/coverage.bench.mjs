// coverage-gate on large LCOV reports. Generates a 57 MB and a 1 GB istanbul-style lcov in a temp dir
// (deleted afterwards) and runs, each in its own child process with peak RSS from process.resourceUsage():
//   - coverage-gate's bundle: the whole action (stream parse, gates, summary JSON, job summary);
//   - lcov-parse (the most used npm parser, reads the file into one string) with the same totals computed;
//   - a plain streaming line count (createReadStream + readline), the floor for any line-based parser;
//   - a raw newline scan of the bytes (no line strings), for reference.
// Ratios use CPU time (user + system, from the child's own resourceUsage): on a shared 2-core machine wall
// time swings with whatever else runs, CPU time much less. Both are shown; nothing here asserts a time.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './lib.mjs';

export const title =
  'coverage-gate: parse + gate of generated LCOV (vs lcov-parse and a streaming line count)';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MB = 1024 * 1024;
const RUNS = Number(process.env.COVERAGE_BENCH_RUNS ?? 5);

/** One istanbul-style record: 20 functions, 200 lines, 40 branches, totals; hits from a fixed LCG. */
function record(index, random) {
  const out = [`TN:`, `SF:/home/runner/work/app/app/packages/p${index % 97}/src/module-${index}.ts`];
  let fnHit = 0;
  const fnHits = [];
  for (let f = 0; f < 20; f++) {
    out.push(`FN:${f * 10 + 1},fn_${index}_${f}`);
    const hits = random() < 0.8 ? Math.floor(random() * 50) + 1 : 0;
    fnHits.push(hits);
    if (hits > 0) fnHit++;
  }
  for (let f = 0; f < 20; f++) out.push(`FNDA:${fnHits[f]},fn_${index}_${f}`);
  out.push(`FNF:20`, `FNH:${fnHit}`);
  let brHit = 0;
  for (let b = 0; b < 40; b++) {
    const taken = random() < 0.7 ? Math.floor(random() * 9) + 1 : 0;
    if (taken > 0) brHit++;
    out.push(`BRDA:${b * 5 + 2},${b >> 1},${b & 1},${taken === 0 && b % 3 === 0 ? '-' : taken}`);
  }
  let lineHit = 0;
  for (let l = 1; l <= 200; l++) {
    const hits = random() < 0.85 ? Math.floor(random() * 120) + 1 : 0;
    if (hits > 0) lineHit++;
    out.push(`DA:${l},${hits}`);
  }
  out.push(`LF:200`, `LH:${lineHit}`, `BRF:40`, `BRH:${brHit}`, 'end_of_record', '');
  return out.join('\n');
}

async function generate(path, bytes) {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out = createWriteStream(path);
  let written = 0;
  let index = 0;
  while (written < bytes) {
    const parts = [];
    for (let i = 0; i < 256; i++) parts.push(record(index++, random));
    const chunk = parts.join('');
    written += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
  return index;
}

// Printed by every child as it exits: peak resident memory (KiB) and CPU time (µs).
const USAGE_HOOK = `data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("\\nUSAGE "+u.maxRSS+" "+(u.userCPUTime+u.systemCPUTime)+"\\n")})`;

const LCOV_PARSE = `
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const parse = createRequire(${JSON.stringify(join(root, 'package.json'))})('lcov-parse');
const totals = { lines: [0, 0], branches: [0, 0], functions: [0, 0] };
parse(process.argv[2], (error, data) => {
  if (error) throw new Error(String(error));
  for (const file of data)
    for (const metric of Object.keys(totals)) {
      totals[metric][0] += file[metric].found;
      totals[metric][1] += file[metric].hit;
    }
  console.log(JSON.stringify({ files: data.length, lines: totals.lines }));
});
`;

const LINE_COUNT = `
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
let lines = 0;
for await (const _ of createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity })) lines++;
console.log(JSON.stringify({ lines }));
`;

const NEWLINE_SCAN = `
import { createReadStream } from 'node:fs';
let lines = 0;
for await (const chunk of createReadStream(process.argv[2], { highWaterMark: 1 << 20 })) {
  let i = -1;
  while ((i = chunk.indexOf(10, i + 1)) !== -1) lines++;
}
console.log(JSON.stringify({ lines }));
`;

function run(args, env) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', USAGE_HOOK, ...args], {
    env,
    encoding: 'utf8',
    maxBuffer: 64 * MB,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const usage = /USAGE (\d+) (\d+)/.exec(child.stderr);
  const rss = Number(usage?.[1] ?? NaN) * 1024;
  const cpu = Number(usage?.[2] ?? NaN) / 1000;
  const failed = child.status !== 0 && child.status !== 1;
  return { ms, cpu, rss, status: child.status, stdout: child.stdout, stderr: child.stderr, failed };
}

function measure(args, env, runs = RUNS) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(run(args, env));
  const bad = results.find((r) => r.failed);
  if (bad) throw new Error(`${args.join(' ')} failed (${bad.status}): ${bad.stderr.slice(-600)}`);
  return {
    ms: median(results.map((r) => r.ms)),
    cpu: median(results.map((r) => r.cpu)),
    rss: Math.max(...results.map((r) => r.rss)),
    last: results[results.length - 1],
  };
}

function actionEnv(work, report) {
  const files = { GITHUB_OUTPUT: join(work, 'output'), GITHUB_STEP_SUMMARY: join(work, 'summary.md') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  return {
    PATH: process.env.PATH,
    ...files,
    RUNNER_TEMP: work,
    GITHUB_WORKSPACE: '/home/runner/work/app/app',
    INPUT_FILES: report,
    INPUT_FORMAT: 'auto',
    'INPUT_WORKING-DIRECTORY': '/home/runner/work/app/app',
    'INPUT_MIN-LINES': '80',
    'INPUT_MIN-FILE': '50',
    'INPUT_FAIL-ON': 'all',
    INPUT_TITLE: 'Coverage',
    INPUT_COMMENT: 'false',
    'INPUT_MAX-ANNOTATIONS': '10',
    'INPUT_WORST-FILES': '10',
  };
}

const mb = (bytes) => `${(bytes / MB).toFixed(1)} MiB`;

export default async function () {
  const work = mkdtempSync(join(tmpdir(), 'bench-coverage-'));
  const bundle = join(root, 'dist', 'coverage-gate', 'index.js');
  try {
    for (const [name, text] of [
      ['lcov-parse.mjs', LCOV_PARSE],
      ['line-count.mjs', LINE_COUNT],
      ['newline-scan.mjs', NEWLINE_SCAN],
    ])
      writeFileSync(join(work, name), text);

    const report = join(work, 'lcov-57mb.info');
    const records = await generate(report, 57 * MB);
    const size = statSync(report).size;
    const env = actionEnv(work, report);

    const ours = measure([bundle], env);
    const linesOut = /^lines<<(\S+)\n(.*)\n/m.exec(readFileSync(env.GITHUB_OUTPUT, 'utf8'));
    const lcovParse = measure([join(work, 'lcov-parse.mjs'), report], { PATH: process.env.PATH }, 3);
    const lineCount = measure([join(work, 'line-count.mjs'), report], { PATH: process.env.PATH });
    const scan = measure([join(work, 'newline-scan.mjs'), report], { PATH: process.env.PATH });

    // Both parsers must agree before their times mean anything.
    const theirs = JSON.parse(lcovParse.last.stdout);
    const theirPct = Math.floor((theirs.lines[1] / theirs.lines[0]) * 10000) / 100;
    const oursPct = Number(linesOut?.[2]);
    if (theirs.files !== records || Math.abs(theirPct - oursPct) > 0.001)
      throw new Error(
        `results differ: lcov-parse ${theirs.files} files ${theirPct}%, coverage-gate ${oursPct}%`,
      );

    const rows = [
      row(`coverage-gate action (${mb(size)}, ${records} files)`, ours, ours),
      row('lcov-parse (whole string) + totals', lcovParse, ours),
      row('streaming line count (readline)', lineCount, ours),
      row('raw newline scan (bytes)', scan, ours),
      target(
        '≥ 6x faster than lcov-parse',
        lcovParse.cpu / ours.cpu >= 6,
        `${(lcovParse.cpu / ours.cpu).toFixed(2)}x faster`,
      ),
      target(
        '≤ 1.5x the streaming line count',
        ours.cpu / lineCount.cpu <= 1.5,
        `${(ours.cpu / lineCount.cpu).toFixed(2)}x`,
      ),
      target('peak RSS < 150 MiB', ours.rss < 150 * MB, mb(ours.rss)),
    ];

    // The 1 GB report: generated, parsed once, deleted. Past V8's ~512 MiB string limit by design.
    rmSync(report, { force: true });
    const big = join(work, 'lcov-1gb.info');
    const bigRecords = await generate(big, 1024 * MB);
    const bigSize = statSync(big).size;
    const bigEnv = actionEnv(work, big);
    const bigRun = measure([bundle], bigEnv, 1);
    rows.push({
      ...row(`coverage-gate action (${mb(bigSize)}, ${bigRecords} files)`, bigRun, bigRun),
      'CPU vs coverage-gate': `parsed, ${(bigSize / MB / (bigRun.cpu / 1000)).toFixed(0)} MiB/CPU-s`,
    });
    const bigLineCount = measure([join(work, 'line-count.mjs'), big], { PATH: process.env.PATH }, 1);
    rows.push(row(`streaming line count (${mb(bigSize)})`, bigLineCount, bigRun));
    return rows;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function target(label, met, value) {
  return { run: `target: ${label}`, 'CPU vs coverage-gate': `${value} ${met ? 'met' : 'MISSED'}` };
}

function row(label, result, ours) {
  return {
    run: label,
    'CPU ms': result.cpu.toFixed(0),
    'wall ms': result.ms.toFixed(0),
    'peak RSS': mb(result.rss),
    'CPU vs coverage-gate': result === ours ? '1.00x' : `${(result.cpu / ours.cpu).toFixed(2)}x`,
  };
}
