// Cold start of each action bundle against bare `node -e 0`, and each bundle's size.
import { readdirSync, statSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kib, ratio, timeCommand } from './lib.mjs';

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
  const baseline = timeCommand(process.execPath, ['-e', '0'], { env });
  const rows = [
    { bundle: 'node -e 0 (baseline)', 'median ms': baseline.toFixed(1), ratio: '1.00x', size: '' },
  ];
  for (const name of readdirSync(join(root, 'dist')).sort()) {
    const bundle = join(root, 'dist', name, 'index.js');
    // The CLI runs a verb (its command loads on demand) and stops at the same first input check.
    const args = name === 'cli' ? [bundle, 'monitor', '--fail-on=?'] : [bundle];
    const ms = timeCommand(process.execPath, args, {
      env: { ...env, INPUT_STRICT: 'not-a-boolean', 'INPUT_FAIL-ON': '?' },
      cwd: work,
    });
    const bytes = statSync(bundle).size;
    rows.push({
      bundle: name,
      'median ms': ms.toFixed(1),
      ratio: ratio(ms, baseline),
      size: kib(bytes),
      measure: `cold start and size: ${name}`,
      value: `${ms.toFixed(0)} ms, ${kib(bytes)} (${((1 - bytes / SIZE_GOAL) * 100).toFixed(0)}% below 1.5 MB)`,
      goal: 'start ≤ 2x node -e 0; index.js ≤ 1.5 MB',
      met: ms <= 2 * baseline && bytes <= SIZE_GOAL ? 'yes' : 'no',
    });
  }
  return rows;
}
