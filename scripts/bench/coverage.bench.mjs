// coverage-gate on large reports, each program in its own child process (peak RSS and CPU time from the
// child's own process.resourceUsage()), every figure a ratio against a baseline measured in this run:
//   - LCOV, 57 MB: the action (parse, gates, summary JSON, job summary) against the strict floor, the
//     cheapest correct program for the job: one reused read buffer, a byte scan, the same totals (DA, BRDA,
//     FN/FNDA counts, which is what the action totals). Runs are paired (action then floor, order
//     alternating) and the ratio is the median of the pairs' ratios, for wall and for CPU time.
//   - lcov-parse (the most used npm parser: the file as one string) on the same file, for reference.
//   - Cobertura, 57 MB: the action's peak RSS.
//   - LCOV, 1 GB (past V8's ~512 MiB string limit): parses, with its totals checked. It takes minutes, so
//     it runs only with COVERAGE_BENCH_1GB=1.
// Every program's totals are checked against the generator's before any time is reported.
// Reports are generated: seeded (mulberry32, 32-bit integer arithmetic, so the sequence never degrades),
// with paths, record sizes, hit counts (up to 2^36, exact) and branch shapes varying from record to record.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, times as x } from './lib.mjs';

export const title = 'coverage-gate: parse + gate of generated LCOV and Cobertura (vs the strict floor)';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MB = 1024 * 1024;
const RUNS = Number(process.env.COVERAGE_BENCH_RUNS ?? 7);
const BIG = process.env.COVERAGE_BENCH_1GB === '1';
const WORKSPACE = '/home/runner/work/app/app';

/** mulberry32: a full-period 32-bit generator in integer arithmetic. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'api',
  'core',
  'ui',
  'utils',
  'models',
  'services',
  'handlers',
  'db',
  'auth',
  'billing',
  'search',
  'render',
  'store',
  'hooks',
  'components',
  'lib',
  'internal',
  'pkg',
  'cmd',
  'io',
  'net',
  'cache',
  'queue',
  'events',
  'config',
  'metrics',
  'admin',
  'report',
  'parser',
  'schema',
  'session',
  'upload',
];
const EXTENSIONS = ['ts', 'tsx', 'js', 'mjs', 'jsx', 'cts'];

function sourcePath(index, random, ext) {
  const pick = () => WORDS[Math.floor(random() * WORDS.length)];
  const depth = 1 + Math.floor(random() * 5);
  const dirs = Array.from({ length: depth }, pick).join('/');
  return `packages/${pick()}-${index % 211}/src/${dirs}/${pick()}-${index.toString(36)}.${ext}`;
}

/** Hit counts: a quarter zero, the rest spread over 1 … 2^36, exact integers. */
const hits = (random) => (random() < 0.25 ? 0 : Math.floor(2 ** (random() * 36)) + 1);

/** The shape of one source file: executable lines (with hits), functions and branch blocks. */
function sourceFile(index, random) {
  const lines = [];
  let line = Math.floor(random() * 8);
  const count = 5 + Math.floor(random() ** 2 * 600);
  for (let i = 0; i < count; i++) {
    line += 1 + Math.floor(random() * random() * 6);
    lines.push([line, hits(random)]);
  }
  const functions = [];
  const fnCount = Math.floor(random() * Math.min(60, count / 4));
  for (let f = 0; f < fnCount; f++) {
    const at = lines[Math.floor(random() * lines.length)];
    functions.push([
      at[0],
      `${WORDS[Math.floor(random() * WORDS.length)]}_${index.toString(36)}_${f}`,
      hits(random),
    ]);
  }
  const blocks = [];
  const blockCount = Math.floor(random() * Math.min(80, count / 3));
  for (let b = 0; b < blockCount; b++) {
    const [at, lineHits] = lines[Math.floor(random() * lines.length)];
    const arms = [];
    const armCount = 2 + Math.floor(random() * random() * 4);
    for (let a = 0; a < armCount; a++) arms.push(lineHits === 0 ? undefined : hits(random));
    blocks.push([at, arms]);
  }
  return { lines, functions, blocks };
}

function addTotals(totals, file) {
  for (const [, h] of file.lines) {
    totals.lines[0]++;
    if (h > 0) totals.lines[1]++;
  }
  for (const [, , h] of file.functions) {
    totals.functions[0]++;
    if (h > 0) totals.functions[1]++;
  }
  for (const [, arms] of file.blocks)
    for (const taken of arms) {
      totals.branches[0]++;
      if (taken > 0) totals.branches[1]++;
    }
}

const newTotals = () => ({ files: 0, lines: [0, 0], branches: [0, 0], functions: [0, 0] });

function lcovRecord(index, random, totals) {
  const file = sourceFile(index, random);
  addTotals(totals, file);
  const out = [
    random() < 0.3 ? `TN:suite_${index % 17}` : 'TN:',
    `SF:${WORKSPACE}/${sourcePath(index, random, EXTENSIONS[index % EXTENSIONS.length])}`,
  ];
  for (const [line, name] of file.functions) out.push(`FN:${line},${name}`);
  for (const [, name, h] of file.functions) out.push(`FNDA:${h},${name}`);
  out.push(`FNF:${file.functions.length}`, `FNH:${file.functions.filter((f) => f[2] > 0).length}`);
  for (const [line, h] of file.lines) out.push(`DA:${line},${h}`);
  out.push(`LF:${file.lines.length}`, `LH:${file.lines.filter((l) => l[1] > 0).length}`);
  let found = 0;
  let hit = 0;
  file.blocks.forEach(([line, arms], block) =>
    arms.forEach((taken, arm) => {
      found++;
      if (taken > 0) hit++;
      out.push(`BRDA:${line},${block},${arm},${taken === undefined ? '-' : taken}`);
    }),
  );
  out.push(`BRF:${found}`, `BRH:${hit}`, 'end_of_record', '');
  return out.join('\n');
}

const rate = (hit, found) => (found === 0 ? '1' : String(Math.round((hit / found) * 10000) / 10000));

function coberturaClass(index, random, totals) {
  const file = sourceFile(index, random);
  addTotals(totals, file);
  // Each function owns the lines from its start to the next function's start, as coverage tools list them.
  const starts = [...new Set(file.functions.map((f) => f[0]))].sort((a, b) => a - b);
  const methods = starts.map((start, i) => {
    const end = starts[i + 1] ?? Infinity;
    const own = file.lines.filter(([l]) => l >= start && l < end);
    return { name: `m_${index.toString(36)}_${i}`, lines: own };
  });
  const arms = new Map();
  for (const [line, taken] of file.blocks) {
    const c = arms.get(line) ?? [0, 0];
    for (const t of taken) {
      c[0]++;
      if (t > 0) c[1]++;
    }
    arms.set(line, c);
  }
  // Cobertura has no function hit counts: a method is covered when one of its lines ran.
  totals.functions[0] += methods.length - file.functions.length;
  totals.functions[1] +=
    methods.filter((m) => m.lines.some(([, h]) => h > 0)).length -
    file.functions.filter((f) => f[2] > 0).length;
  const lineXml = ([line, h]) => {
    const b = arms.get(line);
    if (!b) return `<line number="${line}" hits="${h}"/>`;
    return `<line number="${line}" hits="${h}" branch="true" condition-coverage="${Math.floor((b[1] / b[0]) * 100)}% (${b[1]}/${b[0]})"><conditions><condition number="0" type="jump" coverage="${Math.floor((b[1] / b[0]) * 100)}%"/></conditions></line>`;
  };
  const hit = file.lines.filter(([, h]) => h > 0).length;
  const path = sourcePath(index, random, 'py');
  const out = [
    `\t\t\t\t<class name="${path.slice(path.lastIndexOf('/') + 1)}" filename="${path}" complexity="0" line-rate="${rate(hit, file.lines.length)}" branch-rate="0">`,
    '\t\t\t\t\t<methods>',
  ];
  for (const m of methods) {
    const mHit = m.lines.filter(([, h]) => h > 0).length;
    out.push(
      `\t\t\t\t\t\t<method name="${m.name}" signature="()" line-rate="${rate(mHit, m.lines.length)}" branch-rate="0"><lines>${m.lines.map(lineXml).join('')}</lines></method>`,
    );
  }
  out.push('\t\t\t\t\t</methods>', '\t\t\t\t\t<lines>');
  for (const l of file.lines) out.push(`\t\t\t\t\t\t${lineXml(l)}`);
  out.push('\t\t\t\t\t</lines>', '\t\t\t\t</class>', '');
  return out.join('\n');
}

async function write(path, bytes, head, piece, tail = () => '') {
  const random = prng(0x5eed);
  const totals = newTotals();
  const out = createWriteStream(path);
  let written = 0;
  const put = async (text) => {
    written += Buffer.byteLength(text);
    if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
  };
  await put(head);
  while (written < bytes) {
    const parts = [];
    for (let i = 0; i < 64; i++) parts.push(piece(totals.files++, random, totals));
    await put(parts.join(''));
  }
  await put(tail());
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
  return totals;
}

export const generateLcov = (path, bytes) => write(path, bytes, '', lcovRecord);

/** coverage.py-like Cobertura with gcovr/coverlet-style methods; one package per 40 classes. */
export function generateCobertura(path, bytes) {
  let inPackage = 0;
  return write(
    path,
    bytes,
    `<?xml version="1.0" ?>\n<coverage version="7.6.1" timestamp="1732700000000" complexity="0">\n\t<sources>\n\t\t<source>${WORKSPACE}</source>\n\t</sources>\n\t<packages>\n`,
    (index, random, totals) => {
      let text = '';
      if (inPackage === 0)
        text += `\t\t<package name="p${index}" line-rate="0.5" branch-rate="0" complexity="0">\n\t\t\t<classes>\n`;
      text += coberturaClass(index, random, totals);
      if (++inPackage === 40) {
        text += '\t\t\t</classes>\n\t\t</package>\n';
        inPackage = 0;
      }
      return text;
    },
    () => `${inPackage > 0 ? '\t\t\t</classes>\n\t\t</package>\n' : ''}\t</packages>\n</coverage>\n`,
  );
}

// The strict floor: one reused buffer, a byte scan, the totals the action reports (DA, BRDA, FN/FNDA).
// Lines are walked byte by byte: for lines this short that is cheaper than a Buffer.indexOf call per line
// (about 25% less time here than the same scan with indexOf).
const FLOOR = `
import { openSync, readSync } from 'node:fs';
const fd = openSync(process.argv[2], 'r');
const SIZE = 1 << 20;
const buf = Buffer.allocUnsafe(SIZE);
let kept = 0;
let lf = 0, lh = 0, bf = 0, bh = 0, ff = 0, fh = 0;
for (;;) {
  const n = readSync(fd, buf, kept, SIZE - kept, null);
  const end = kept + n;
  const last = end === 0 ? -1 : buf.lastIndexOf(10, end - 1);
  let p = 0;
  while (p <= last) {
    const c0 = buf[p], c1 = buf[p + 1], c2 = buf[p + 2];
    let q = p;
    if (c0 === 68 && c1 === 65 && c2 === 58) {
      q += 3;
      while (buf[q] !== 44) q++;
      lf++;
      if (buf[q + 1] !== 48) lh++;
    } else if (c0 === 66 && c1 === 82 && c2 === 68) {
      while (buf[q] !== 10) q++;
      let r = q - 1;
      while (buf[r] !== 44) r--;
      bf++;
      if (buf[r + 1] !== 45 && buf[r + 1] !== 48) bh++;
    } else if (c0 === 70 && c1 === 78) {
      if (c2 === 58) ff++;
      else if (c2 === 68 && buf[p + 5] !== 48) fh++;
    }
    while (buf[q] !== 10) q++;
    p = q + 1;
  }
  if (n === 0) break;
  kept = end - p;
  buf.copy(buf, 0, p, end);
}
console.log(JSON.stringify({ lines: [lf, lh], branches: [bf, bh], functions: [ff, fh] }));
`;

const LCOV_PARSE = `
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
  console.log(JSON.stringify(totals));
});
`;

// Printed by every child as it exits: peak resident memory (KiB) and CPU time (µs).
const USAGE_HOOK = `data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("\\nUSAGE "+u.maxRSS+" "+(u.userCPUTime+u.systemCPUTime)+"\\n")})`;

function run(args, env) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', USAGE_HOOK, ...args], {
    env,
    encoding: 'utf8',
    maxBuffer: 64 * MB,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const usage = /USAGE (\d+) (\d+)/.exec(child.stderr);
  // Exit 1 is a gate that failed: the run itself is fine.
  if (!usage || (child.status !== 0 && child.status !== 1))
    throw new Error(
      `${args.join(' ')} failed (${child.status}): ${child.stderr.slice(-600)}${child.stdout.slice(-600)}`,
    );
  return { ms, cpu: Number(usage[2]) / 1000, rss: Number(usage[1]) * 1024, stdout: child.stdout };
}

function measure(args, env, runs) {
  const results = Array.from({ length: runs }, () => run(args, env));
  return summarize(results);
}

const summarize = (results) => ({
  ms: median(results.map((r) => r.ms)),
  cpu: median(results.map((r) => r.cpu)),
  rss: Math.max(...results.map((r) => r.rss)),
  last: results[results.length - 1],
});

/** Runs a and b alternately (a first on even rounds), `runs` pairs; ratios are medians of the pairs' ratios. */
function paired(a, b, runs) {
  const as = [];
  const bs = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      as.push(a());
      bs.push(b());
    } else {
      bs.push(b());
      as.push(a());
    }
  }
  return {
    a: summarize(as),
    b: summarize(bs),
    wall: median(as.map((r, i) => r.ms / bs[i].ms)),
    cpu: median(as.map((r, i) => r.cpu / bs[i].cpu)),
  };
}

function actionEnv(work, report) {
  const files = { GITHUB_OUTPUT: join(work, 'output'), GITHUB_STEP_SUMMARY: join(work, 'summary.md') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  return {
    PATH: process.env.PATH,
    ...files,
    RUNNER_TEMP: work,
    GITHUB_WORKSPACE: work,
    INPUT_FILES: report,
    INPUT_FORMAT: 'auto',
    'INPUT_WORKING-DIRECTORY': work,
    'INPUT_PATH-STRIP': WORKSPACE,
    'INPUT_MIN-LINES': '80',
    'INPUT_MIN-FILE': '50',
    'INPUT_FAIL-ON': 'all',
    'INPUT_SUMMARY-PATH': join(work, 'summary.json'),
    INPUT_TITLE: 'Coverage',
    INPUT_COMMENT: 'false',
    'INPUT_MAX-ANNOTATIONS': '10',
    'INPUT_WORST-FILES': '10',
  };
}

/** The action's totals (from its summary JSON) must be the generator's, exactly. */
function checkAction(work, expected, label) {
  const { totals } = JSON.parse(readFileSync(join(work, 'summary.json'), 'utf8'));
  checkTotals(
    {
      lines: [totals.lines.found, totals.lines.hit],
      branches: [totals.branches.found, totals.branches.hit],
      functions: [totals.functions.found, totals.functions.hit],
    },
    expected,
    label,
  );
}

function checkTotals(got, expected, label) {
  for (const metric of ['lines', 'branches', 'functions'])
    if (got[metric][0] !== expected[metric][0] || got[metric][1] !== expected[metric][1])
      throw new Error(
        `${label} totals ${JSON.stringify(got)} differ from the generator's ${JSON.stringify(expected)}`,
      );
}

const mib = (bytes) => `${(bytes / MB).toFixed(1)} MiB`;

function row(label, result, extra = {}) {
  return {
    run: label,
    'wall ms': result.ms.toFixed(0),
    'CPU ms': result.cpu.toFixed(0),
    'peak RSS': mib(result.rss),
    ...extra,
  };
}

/** A goal row in the shape run.mjs lists again under Goals: measure, value, ratio, goal, met. */
function goal(measure, value, ratio, target, met) {
  return {
    run: `goal: ${measure}`,
    measure,
    value,
    ratio,
    goal: target,
    met: met ? 'yes' : 'no',
  };
}

export default async function () {
  const work = mkdtempSync(join(tmpdir(), 'bench-coverage-'));
  const bundle = join(root, 'dist', 'coverage-gate', 'index.js');
  const node = (script) => [join(work, script)];
  const plain = { PATH: process.env.PATH };
  try {
    writeFileSync(join(work, 'floor.mjs'), FLOOR);
    writeFileSync(join(work, 'lcov-parse.mjs'), LCOV_PARSE);
    const rows = [];

    const lcov = join(work, 'lcov-57mb.info');
    const lcovTotals = await generateLcov(lcov, 57 * MB);
    const env = actionEnv(work, lcov);
    const pair = paired(
      () => run([bundle], env),
      () => run(node('floor.mjs').concat(lcov), plain),
      RUNS,
    );
    checkAction(work, lcovTotals, 'coverage-gate (LCOV)');
    checkTotals(JSON.parse(pair.b.last.stdout), lcovTotals, 'the floor');
    // Start-up and fixed work, apart: the action on a one-record report, and a bare Node start.
    const tiny = join(work, 'tiny.info');
    writeFileSync(tiny, `SF:${WORKSPACE}/a.ts\nDA:1,1\nend_of_record\n`);
    const fixed = paired(
      () => run([bundle], actionEnv(work, tiny)),
      () => run(['-e', '0'], plain),
      RUNS,
    );
    const lcovParse = measure(node('lcov-parse.mjs').concat(lcov), plain, 3);
    checkTotals(JSON.parse(lcovParse.last.stdout), lcovTotals, 'lcov-parse');
    const files = `${mib(statSync(lcov).size)}, ${lcovTotals.files} files`;
    rows.push(
      row(`coverage-gate, LCOV (${files})`, pair.a, {
        'vs floor': `${x(pair.wall)} wall, ${x(pair.cpu)} CPU`,
      }),
      row('strict floor: byte scan, one buffer, same totals', pair.b, { 'vs floor': '1.00x' }),
      row('coverage-gate, a one-record report (start-up, fixed work)', fixed.a),
      row('node -e 0 (a bare start)', fixed.b),
      {
        run: 'beyond start-up: (coverage-gate − its one-record run) / (floor − bare start)',
        'vs floor': `${x((pair.a.ms - fixed.a.ms) / (pair.b.ms - fixed.b.ms))} wall, ${x((pair.a.cpu - fixed.a.cpu) / (pair.b.cpu - fixed.b.cpu))} CPU`,
      },
      row('lcov-parse (the file as one string) + totals', lcovParse, {
        'vs floor': `${x(lcovParse.ms / pair.b.ms)} wall; coverage-gate is ${x(lcovParse.ms / pair.a.ms)} faster`,
      }),
    );
    rmSync(lcov, { force: true });

    const cobertura = join(work, 'cobertura-57mb.xml');
    const coberturaTotals = await generateCobertura(cobertura, 57 * MB);
    const coberturaEnv = actionEnv(work, cobertura);
    const cob = measure([bundle], coberturaEnv, Math.max(3, Math.ceil(RUNS / 2)));
    checkAction(work, coberturaTotals, 'coverage-gate (Cobertura)');
    rows.push(
      row(
        `coverage-gate, Cobertura (${mib(statSync(cobertura).size)}, ${coberturaTotals.files} classes)`,
        cob,
        {
          'vs floor': `${x(cob.ms / pair.b.ms)} wall (of the LCOV floor)`,
        },
      ),
    );
    rmSync(cobertura, { force: true });

    const limit = 150 * MB;
    rows.push(
      goal(
        'coverage-gate on a 57 MiB LCOV (median of paired runs, wall and CPU)',
        `${pair.a.ms.toFixed(0)} ms wall, ${pair.a.cpu.toFixed(0)} ms CPU`,
        `${x(pair.wall)} wall, ${x(pair.cpu)} CPU`,
        'within 1.5x of the strict floor',
        pair.wall <= 1.5 && pair.cpu <= 1.5,
      ),
      goal(
        'peak RSS, 57 MiB LCOV',
        mib(pair.a.rss),
        x(pair.a.rss / pair.b.rss),
        '≤ 150 MB',
        pair.a.rss <= limit,
      ),
      goal('peak RSS, 57 MiB Cobertura', mib(cob.rss), x(cob.rss / pair.b.rss), '≤ 150 MB', cob.rss <= limit),
    );

    if (BIG) {
      // Past V8's ~512 MiB string limit: parsed once, its totals checked.
      const big = join(work, 'lcov-1gb.info');
      const bigTotals = await generateLcov(big, 1024 * MB);
      const bigEnv = actionEnv(work, big);
      const bigRun = measure([bundle], bigEnv, 1);
      checkAction(work, bigTotals, 'coverage-gate (1 GB LCOV)');
      const size = statSync(big).size;
      rows.push(
        row(`coverage-gate, LCOV (${mib(size)}, ${bigTotals.files} files)`, bigRun, {
          'vs floor': `${(size / MB / (bigRun.ms / 1000)).toFixed(0)} MiB/s`,
        }),
        goal(
          'the 1 GB LCOV parses (totals checked)',
          mib(bigRun.rss),
          x(bigRun.rss / pair.b.rss),
          'parses',
          true,
        ),
      );
    } else
      rows.push({
        run: 'goal: the 1 GB LCOV parses',
        value: 'skipped: set COVERAGE_BENCH_1GB=1 (about 3 minutes here: generating 1 GB, then one run)',
      });
    return rows;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
