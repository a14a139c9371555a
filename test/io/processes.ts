/** Helpers for tests about process groups: is a pid alive, and wait (bounded) until some are gone. */
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

/** Alive and not a zombie (a container's init may never reap an orphan). */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** The pids still alive after waiting up to `boundMs` for all of them to end. */
export async function stillAlive(pids: readonly number[], boundMs = 10_000): Promise<number[]> {
  const until = Date.now() + boundMs;
  for (;;) {
    const left = pids.filter(alive);
    if (left.length === 0 || Date.now() > until) return left;
    await delay(50);
  }
}

/** A node script that starts a grandchild holding the same stdout/stderr, prints both pids, then behaves as asked. */
export function pipeHolderScript(options: {
  parent: 'exit' | 'hang' | 'ignore-term';
  child?: 'ignore-term';
}): string {
  // The parent's handler comes first, so a signal that arrives while it still starts is already refused.
  return `
${options.parent === 'ignore-term' ? "process.on('SIGTERM', () => {});" : ''}
const { spawn } = require('node:child_process');
const child = spawn(process.execPath, ['-e', ${JSON.stringify(
    `${options.child === 'ignore-term' ? "process.on('SIGTERM', () => {});" : ''} setInterval(() => {}, 1000);`,
  )}], { stdio: ['ignore', 'inherit', 'inherit'] });
console.log('pids ' + process.pid + ' ' + child.pid);
${options.parent === 'exit' ? 'setTimeout(() => process.exit(0), 100);' : 'setInterval(() => {}, 1000);'}
`;
}

export function pidsFrom(stdout: string): number[] {
  const match = /pids (\d+) (\d+)/.exec(stdout);
  if (!match) throw new Error(`no pids in: ${stdout}`);
  return [Number(match[1]), Number(match[2])];
}
