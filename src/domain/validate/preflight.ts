/** Environment preflight findings from plain facts: required secrets, the Fly token, git state. */
import type { Finding } from '../shared/findings.js';
import { describeTokenProblem, type FlyTokenState } from '../flyctl/token.js';
import type { CheckRun } from './report.js';

const ENV = '';

export function requiredSecretFindings(
  names: readonly string[],
  env: Record<string, string | undefined>,
): Finding[] {
  return names
    .filter((name) => (env[name] ?? '').trim() === '')
    .map((name) => ({
      rule: 'secrets/required-missing',
      severity: 'error' as const,
      file: ENV,
      message: `Required secret ${name} is ${env[name] === undefined ? 'not set' : 'set but empty'} in this step's environment.`,
      fix: `Add \`${name}: \${{ secrets.${name} }}\` under the step's env: and make sure the repository or environment secret exists.`,
    }));
}

export function tokenFindings(state: FlyTokenState, required: boolean): Finding[] {
  const problem = describeTokenProblem(state);
  if (!problem) return [];
  if (state.shadowed)
    return [
      {
        rule: 'auth/token-shadowed',
        severity: required ? 'error' : 'warning',
        file: ENV,
        message: problem.split('. ')[0] + '.',
        fix: problem.split('. ').slice(1).join('. '),
      },
    ];
  if (!required) return [];
  return [
    {
      rule: 'auth/token-missing',
      severity: 'error',
      file: ENV,
      message: 'No Fly token in FLY_API_TOKEN or FLY_ACCESS_TOKEN, and this check needs one.',
      fix: problem.replace(/^No Fly token: /, ''),
    },
  ];
}

export function gitFindings(
  state: { isRepo: boolean; dirty: string[] },
  requireClean: boolean,
): { findings: Finding[]; check: CheckRun } {
  if (!requireClean)
    return {
      findings: [],
      check: { name: 'Git working tree', status: 'skipped', detail: 'require-clean-git is false' },
    };
  if (!state.isRepo) {
    return {
      findings: [
        {
          rule: 'git/not-a-repo',
          severity: 'error',
          file: ENV,
          message: 'The working directory is not a git checkout, so its state cannot be checked.',
          fix: 'Run actions/checkout first, or set require-clean-git: false.',
        },
      ],
      check: { name: 'Git working tree', status: 'failed', detail: 'not a git repository' },
    };
  }
  if (state.dirty.length === 0)
    return { findings: [], check: { name: 'Git working tree', status: 'passed', detail: 'clean' } };
  const shown = state.dirty.slice(0, 20).join(', ');
  const more = state.dirty.length > 20 ? ` and ${state.dirty.length - 20} more` : '';
  return {
    findings: [
      {
        rule: 'git/dirty',
        severity: 'error',
        file: ENV,
        message: `The working tree has ${state.dirty.length} uncommitted change(s): ${shown}${more}. A deploy would ship code that is in no commit.`,
        fix: 'Commit or discard these changes (or add generated files to .gitignore) before deploying.',
      },
    ],
    check: {
      name: 'Git working tree',
      status: 'failed',
      detail: `${state.dirty.length} uncommitted path(s)`,
    },
  };
}

/** Secrets the app must have on Fly, compared with `flyctl secrets list --json` (names and status only). */
export function flySecretFindings(
  app: string,
  file: string,
  line: number | undefined,
  required: readonly string[],
  entries: readonly { name: string; status?: string }[],
): Finding[] {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const missing = required.filter((name) => !byName.has(name));
  const findings: Finding[] = [];
  if (missing.length > 0) {
    findings.push({
      rule: 'secrets/fly-missing',
      severity: 'error',
      file,
      line,
      message: `Fly app ${app} has no secret ${missing.join(', ')} (it has ${entries.length} secret(s)); the release would start without ${missing.length === 1 ? 'it' : 'them'}.`,
      fix: `Set ${missing.length === 1 ? 'it' : 'them'} before deploying: \`flyctl secrets set ${missing.map((n) => `${n}=…`).join(' ')} -a ${app} --stage\`, or pass ${missing.length === 1 ? 'it' : 'them'} in fly-deploy-with-health's secrets input.`,
    });
  }
  const staged = required.filter((name) => byName.get(name)?.status === 'Staged');
  if (staged.length > 0) {
    findings.push({
      rule: 'secrets/fly-staged',
      severity: 'notice',
      file,
      line,
      message: `Fly app ${app} has ${staged.join(', ')} staged but not yet on its machines.`,
      fix: 'Nothing to do if a deploy follows: it rolls staged secrets out.',
    });
  }
  return findings;
}
