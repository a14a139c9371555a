// The test command's wall time against the way it ran when the goal was set (issue 12): the same steps
// one after the other and jest on one worker, over today's tests, measured in the same run. Each takes
// minutes, so this bench runs only when asked: `npm run bench -- test-time` (or BENCH_TEST_TIME=1).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { times } from './lib.mjs';

export const title = 'Test command wall time (vs its steps in sequence and jest on one worker)';
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const GOAL = 0.5;

const STEPS = ['typecheck', 'lint', 'format:check', 'check-dist', 'test:node-floors', 'test:apps'];

function timed(label, command, args) {
  const start = process.hrtime.bigint();
  const run = spawnSync(command, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 28,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0)
    throw new Error(`${label} failed (exit ${run.status}): ${String(run.stderr).slice(-2000)}`);
  return ms;
}

export default async function () {
  if (process.argv[2] !== 'test-time' && process.env.BENCH_TEST_TIME !== '1') {
    return [
      {
        measure: 'test command wall time',
        value: 'npm run bench -- test-time measures it (about 15 min)',
        ratio: '-',
        goal: `≤ ${times(GOAL)}`,
        met: 'not measured',
      },
    ];
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  let sequential = 0;
  for (const step of STEPS) sequential += timed(step, npm, ['run', '-s', step]);
  sequential += timed('jest on one worker', npm, ['run', '-s', 'jest', '--', '--maxWorkers=1']);
  const now = timed('npm test', npm, ['test']);
  const value = now / sequential;
  return [
    {
      measure: 'test command wall time',
      value: `${(now / 1000).toFixed(0)} s (steps in sequence, jest on one worker: ${(sequential / 1000).toFixed(0)} s)`,
      ratio: times(value),
      goal: `≤ ${times(GOAL)}`,
      met: value <= GOAL ? 'yes' : 'no',
    },
  ];
}
