/**
 * A scripted flyctl for faults the Fly stand-in does not have: calls that never answer, a deploy whose
 * grandchild keeps the pipes open and ignores SIGTERM, output holding workflow commands. Replies follow
 * docs/flyctl-contract.md (JSON shapes from test/support/flyctl-fixtures.ts). Every call is recorded with
 * its argv; every process it starts writes its pid.
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machine, pretty, release, status } from '../../support/flyctl-fixtures.js';

export interface FakePlan {
  /** What `status --json` does, call by call (the last one repeats): a version to report, or hang. */
  status: (number | 'hang')[];
  /** `deploy` without --image: print these lines, then emit the release and exit 0, or hang. */
  deploy: { lines?: string[]; version: number } | 'hang';
  /** `deploy --image …` (a rollback): emits this version. */
  rollbackVersion?: number;
}

export interface FakeFlyctl {
  binDir: string;
  calls(): string[][];
  pids(): number[];
  remove(): void;
}

const IMAGE_PREFIX = 'registry.fly.io/demo:deployment-0';
export const IMAGE = (version: number) => `${IMAGE_PREFIX}${version}`;

export function fakeFlyctl(plan: FakePlan): FakeFlyctl {
  const dir = mkdtempSync(join(tmpdir(), 'fake-flyctl-'));
  const replies: Record<string, string> = {};
  for (const v of plan.status)
    if (v !== 'hang')
      replies[`status-${v}`] = pretty(status(v, [machine({ id: 'm1', version: v, image: IMAGE(v) })]));
  const highest = Math.max(plan.rollbackVersion ?? 0, plan.deploy === 'hang' ? 1 : plan.deploy.version, 1);
  replies.releases = pretty(
    Array.from({ length: highest }, (_, i) => release(highest - i, 'complete', IMAGE(highest - i))),
  );
  writeFileSync(join(dir, 'plan.json'), JSON.stringify({ plan, replies }));
  writeFileSync(join(dir, 'package.json'), '{"type":"commonjs"}');
  writeFileSync(
    join(dir, 'flyctl'),
    `#!/usr/bin/env node
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const dir = ${JSON.stringify(dir)};
const { plan, replies } = JSON.parse(fs.readFileSync(path.join(dir, 'plan.json'), 'utf8'));
const args = process.argv.slice(2);
fs.appendFileSync(path.join(dir, 'calls.jsonl'), JSON.stringify(args) + '\\n');
fs.appendFileSync(path.join(dir, 'pids'), process.pid + '\\n');
const hang = (holdPipes) => {
  if (holdPipes) {
    const child = spawn(process.execPath, ['-e', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"], { stdio: ['ignore', 'inherit', 'inherit'] });
    fs.appendFileSync(path.join(dir, 'pids'), child.pid + '\\n');
  }
  setInterval(() => {}, 1000);
};
const count = (name) => {
  const file = path.join(dir, name + '.count');
  const n = fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8')) : 0;
  fs.writeFileSync(file, String(n + 1));
  return n;
};
const cmd = args[0] === 'machine' ? 'machine' : args[0];
if (cmd === 'version') {
  console.log(JSON.stringify({ Name: 'flyctl', Version: '0.4.87', Commit: 'x', BranchName: '', BuildDate: '', OS: 'linux', Architecture: 'amd64', Environment: 'production' }));
} else if (cmd === 'status') {
  const step = plan.status[Math.min(count('status'), plan.status.length - 1)];
  if (step === 'hang') hang(false); else process.stdout.write(replies['status-' + step]);
} else if (cmd === 'releases') {
  process.stdout.write(replies.releases);
} else if (cmd === 'secrets' && args[1] === 'list') {
  process.stdout.write('[]\\n');
} else if (cmd === 'secrets') {
  fs.readFileSync(0);
  console.log('Secrets have been staged, but not set on VMs. Deploy or update machines in this app for the secrets to take effect.');
} else if (cmd === 'deploy') {
  const image = args.indexOf('--image');
  if (image >= 0) {
    const v = plan.rollbackVersion ?? 9;
    console.log(JSON.stringify({ id: 'rel_' + v, version: v, image_ref: args[image + 1] }));
  } else if (plan.deploy === 'hang') {
    console.log('Watch your deployment at https://fly.io/apps/demo/monitoring');
    hang(true);
  } else {
    for (const line of plan.deploy.lines ?? []) console.log(line);
    console.log(JSON.stringify({ id: 'rel_' + plan.deploy.version, version: plan.deploy.version, image_ref: ${JSON.stringify(IMAGE_PREFIX)} + plan.deploy.version }));
  }
} else {
  console.error('Error: unknown command "' + args[0] + '" for "flyctl"');
  process.exit(1);
}
`,
  );
  chmodSync(join(dir, 'flyctl'), 0o755);
  const lines = (file: string) =>
    existsSync(join(dir, file))
      ? readFileSync(join(dir, file), 'utf8').trim().split('\n').filter(Boolean)
      : [];
  return {
    binDir: dir,
    calls: () => lines('calls.jsonl').map((l) => JSON.parse(l) as string[]),
    pids: () => lines('pids').map(Number),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
