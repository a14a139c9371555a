// Cold start of each action bundle against bare `node -e 0`, and each bundle's size.
import { readdirSync, statSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kib, timePaired, times } from './lib.mjs';

export const title = 'Bundle cold start (vs node -e 0) and size';
const SIZE_GOAL = 1.5 * 1024 * 1024;
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export default async function () {
  const work = mkdtempSync(join(tmpdir(), 'bench-cold-'));
  // Inputs that make each action stop at its first input check: this measures load + startup, not work.
  const env = {
    PATH: process.env.PATH,
    GITHUB_OUTPUT: join(work, 'out'),
    GITHUB_STEP_SUMMARY: join(work, 'sum'),
  };
  writeFileSync(env.GITHUB_OUTPUT, '');
  writeFileSync(env.GITHUB_STEP_SUMMARY, '');
  const bare = [['-e', '0'], { env, cwd: work }];
  const rows = [];
  // Each bundle alternates with a bare start, so the ratio holds however the machine's speed drifts.
  for (const name of readdirSync(join(root, 'dist')).sort()) {
    const bundle = join(root, 'dist', name, 'index.js');
    // The CLI runs a verb (its command loads on demand) and stops at the same first input check.
    const args = name === 'cli' ? [bundle, 'monitor', '--fail-on=?'] : [bundle];
    const run = timePaired(
      process.execPath,
      [args, { env: { ...env, INPUT_STRICT: 'not-a-boolean', 'INPUT_FAIL-ON': '?' }, cwd: work }],
      bare,
    );
    const bytes = statSync(bundle).size;
    rows.push({
      bundle: name,
      'median ms': run.ms.toFixed(1),
      'node -e 0 ms': run.baseline.toFixed(1),
      ratio: times(run.ratio),
      size: kib(bytes),
      measure: `cold start and size: ${name}`,
      value: `${run.ms.toFixed(0)} ms, ${kib(bytes)} (${((1 - bytes / SIZE_GOAL) * 100).toFixed(0)}% below 1.5 MB)`,
      goal: 'start ≤ 2x node -e 0; index.js ≤ 1.5 MB',
      met: run.ratio <= 2 && bytes <= SIZE_GOAL ? 'yes' : 'no',
    });
  }
  return rows;
}
