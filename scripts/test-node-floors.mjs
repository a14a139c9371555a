// The CLI supports Node 22 and 24 (package.json engines): run its bundle on the oldest release of each,
// installed from the npm registry into .node-floors/ (once; later runs reuse it).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The floors: engines says >=22.12 (parseArgs allowNegative needs 22.4).
const FLOORS = ['22.12.0', '24.0.0'];
const cli = join(root, 'dist', 'cli', 'index.js');

function nodeFor(version) {
  const dir = join(root, '.node-floors', version);
  const bin = join(dir, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(bin)) {
    mkdirSync(dir, { recursive: true });
    console.log(`installing Node ${version} into .node-floors/${version}`);
    execFileSync(
      'npm',
      ['install', '--prefix', dir, '--no-audit', '--no-fund', '--no-save', `node@${version}`],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
        timeout: 300_000,
      },
    );
  }
  return bin;
}

const checks = [
  { args: ['--help'], code: 0, stdout: /Commands:/ },
  {
    args: ['validate', '--config', 'apps/*/fly.toml', '--strict', '--no-require-clean-git', '--json'],
    code: 0,
    stdout: /"valid": "true"/,
  },
  {
    args: ['health-check', '--url', 'http://127.0.0.1:9/', '--timeout', '5'],
    code: 2,
    stderr: /has no unit/,
  },
];

let failed = 0;
for (const version of FLOORS) {
  const node = nodeFor(version);
  for (const check of checks) {
    const run = spawnSync(node, [cli, ...check.args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    const problems = [];
    if (run.status !== check.code) problems.push(`exit ${run.status}, expected ${check.code}`);
    if (check.stdout && !check.stdout.test(run.stdout)) problems.push(`stdout lacks ${check.stdout}`);
    if (check.stderr && !check.stderr.test(run.stderr)) problems.push(`stderr lacks ${check.stderr}`);
    if (/ExperimentalWarning|DeprecationWarning/.test(run.stderr)) problems.push('Node printed a warning');
    const label = `Node ${version}: nuzantara ${check.args.join(' ')}`;
    if (problems.length === 0) console.log(`ok   ${label}`);
    else {
      failed++;
      console.log(`FAIL ${label}: ${problems.join('; ')}\n${run.stderr.trim()}`);
    }
  }
}
process.exitCode = failed ? 1 : 0;
