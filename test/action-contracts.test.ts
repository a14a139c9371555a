/** Every action's contract is complete and matches what its entry point reads. */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './harness/run-action.js';

const names = readdirSync(join(repoRoot, 'actions')).filter((n) =>
  existsSync(join(repoRoot, 'actions', n, 'action.yml')),
);

interface ActionYml {
  name?: string;
  description?: string;
  branding?: { icon?: string; color?: string };
  inputs?: Record<string, { description?: string; required?: boolean; default?: unknown }>;
  outputs?: Record<string, { description?: string }>;
  runs?: { using?: string; main?: string; post?: string };
}

describe.each(names)('actions/%s', (name) => {
  const spec = parse(readFileSync(join(repoRoot, 'actions', name, 'action.yml'), 'utf8')) as ActionYml;
  const entry = readFileSync(join(repoRoot, 'src', 'actions', `${name}.ts`), 'utf8');

  it('runs the committed node24 bundle', () => {
    expect(spec.runs?.using).toBe('node24');
    expect(spec.runs?.main).toBe(`../../dist/${name}/index.js`);
    expect(existsSync(resolve(repoRoot, 'actions', name, spec.runs?.main as string))).toBe(true);
  });

  it('has a name, a description and branding', () => {
    expect(spec.name).toBeTruthy();
    expect(spec.description).toBeTruthy();
    expect(spec.branding?.icon).toBeTruthy();
    expect(spec.branding?.color).toBeTruthy();
  });

  it('documents every input with a default (unless required) and every output', () => {
    for (const [input, def] of Object.entries(spec.inputs ?? {})) {
      expect([input, def.description ? 'described' : 'undocumented']).toEqual([input, 'described']);
      if (!def.required) expect([input, def.default !== undefined]).toEqual([input, true]);
    }
    for (const [output, def] of Object.entries(spec.outputs ?? {}))
      expect([output, Boolean(def.description)]).toEqual([output, true]);
  });

  // Inputs are read through src/runner/inputs.ts readers (or core.getInput) with literal names.
  const read = new Set(
    [...entry.matchAll(/(?:input\.\w+(?:<[^>]*>)?|core\.getInput)\(\s*'([a-z0-9-]+)'/g)].map(
      (m) => m[1] as string,
    ),
  );

  it('reads only inputs that action.yml declares', () => {
    expect(read.size).toBeGreaterThan(0);
    for (const input of read)
      expect([input, Object.keys(spec.inputs ?? {}).includes(input)]).toEqual([input, true]);
  });

  it('reads every input that action.yml declares', () => {
    for (const input of Object.keys(spec.inputs ?? {}))
      expect([input, read.has(input)]).toEqual([input, true]);
  });
});
