import { runCommand } from './command.js';

export interface GitState {
  isRepo: boolean;
  /** Changed, staged or untracked paths, as `git status` prints them. */
  dirty: string[];
}

export async function gitState(cwd: string): Promise<GitState> {
  const result = await runCommand('git', ['status', '--porcelain=v1', '-z', '--untracked-files=all'], {
    cwd,
  });
  if (result.exitCode !== 0) return { isRepo: false, dirty: [] };
  const entries = result.stdout.split('\0').filter(Boolean);
  const dirty: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as string;
    dirty.push(`${entry.slice(0, 2).trim()} ${entry.slice(3)}`);
    // A rename or copy is followed by its source path.
    if (entry[0] === 'R' || entry[0] === 'C') i++;
  }
  return { isRepo: true, dirty };
}
