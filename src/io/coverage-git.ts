/** The lines a pull request changes, from `git diff --unified=0 <base>...HEAD` in the checkout. */
import { InputError } from '../domain/shared/errors.js';
import { parseDiff, type ChangedFile } from '../domain/coverage/diff.js';
import { runCommand } from './command.js';

const FETCH_FIX =
  'Check out with history: actions/checkout with fetch-depth: 0 (or run git fetch origin <base> before this step).';

/**
 * Diffs the merge base of `base` and HEAD against HEAD (what the pull request adds), with paths relative to
 * `cwd`. HEAD is what was tested; on pull_request events actions/checkout checks out the merge commit.
 */
export async function changedLines(
  cwd: string,
  base: string,
  input = 'base-ref',
): Promise<Map<string, ChangedFile>> {
  const inside = await runCommand('git', ['rev-parse', '--is-inside-work-tree'], { cwd });
  if (inside.exitCode !== 0 || inside.stdout.trim() !== 'true') {
    throw new InputError(
      input,
      `patch coverage needs a git checkout, but ${cwd} is not one (${firstLine(inside.stderr) || 'git rev-parse failed'})`,
      'Run actions/checkout before this step, or leave min-patch empty.',
    );
  }
  if (base.startsWith('-'))
    throw new InputError(
      input,
      `${JSON.stringify(base)} is not a git revision`,
      'Use a branch name, tag or commit SHA.',
    );
  const verify = await runCommand(
    'git',
    ['rev-parse', '--verify', '--quiet', '--end-of-options', `${base}^{commit}`],
    { cwd },
  );
  if (verify.exitCode !== 0) {
    throw new InputError(input, `base ref ${JSON.stringify(base)} was not found in the checkout`, FETCH_FIX);
  }
  const diff = await runCommand(
    'git',
    [
      '-c',
      'core.quotePath=false',
      'diff',
      '--unified=0',
      '--no-color',
      '--no-ext-diff',
      '--no-textconv',
      '--find-renames',
      '--relative',
      '--src-prefix=a/',
      '--dst-prefix=b/',
      `${verify.stdout.trim()}...HEAD`,
      '--',
    ],
    { cwd },
  );
  if (diff.exitCode !== 0) {
    const reason = firstLine(diff.stderr);
    throw new InputError(
      input,
      `git diff against ${JSON.stringify(base)} failed${reason ? `: ${reason}` : ''}`,
      /merge base/i.test(diff.stderr)
        ? `The clone is too shallow to find the merge base. ${FETCH_FIX}`
        : FETCH_FIX,
    );
  }
  return parseDiff(diff.stdout);
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.trim() ?? '';
}
