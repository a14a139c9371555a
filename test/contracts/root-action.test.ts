/** The bare repository as `uses:` fails with the way to use it, naming every action in actions/. */
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseWorkflowCommands, repoRoot } from '../support/run-action.js';

interface Composite {
  runs: { using: string; steps: { shell: string; run: string; env?: Record<string, string> }[] };
}

describe('the root action.yml', () => {
  const spec = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as Composite;
  const step = spec.runs.steps[0];
  const run = (env: Record<string, string>) =>
    spawnSync('bash', ['-e', '-c', step?.run ?? ''], {
      env: { PATH: process.env.PATH, ...env },
      encoding: 'utf8',
    });

  it('is a composite step that fails with an error annotation saying which path to use', () => {
    expect(spec.runs.using).toBe('composite');
    const result = run({ ACTION_REPOSITORY: 'acme/nuzantara-actions' });
    expect(result.status).toBe(1);
    const [error] = parseWorkflowCommands(result.stdout).annotations;
    expect(error?.level).toBe('error');
    expect(error?.message).toContain('uses: acme/nuzantara-actions/actions/<name>@v1');
  });

  it('names every action the repository has', () => {
    const actions = readdirSync(join(repoRoot, 'actions')).filter((n) =>
      existsSync(join(repoRoot, 'actions', n, 'action.yml')),
    );
    const message = run({ ACTION_REPOSITORY: 'a/b' }).stdout;
    for (const name of actions) expect(message).toContain(name);
  });
});
