/**
 * Every action's contract is complete and matches what its command reads: each settings reader runs with a
 * recording InputSource (action.yml's defaults), and the names it asked for must be the inputs declared.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { ACTION_COMMANDS } from '../../src/commands/index.js';
import { readHealthCheckSettings } from '../../src/commands/health-check.js';
import { inputReader } from '../../src/host/inputs.js';
import { VERBS, findVerb } from '../../src/cli/verbs.js';
import { actionDefaults, repoRoot } from '../support/run-action.js';
import { testHost } from '../support/test-host.js';

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

/** Values for required inputs, which have no default to record with. */
const REQUIRED_SAMPLES: Record<string, string> = {
  app: 'demo',
  files: 'coverage/lcov.info',
  url: 'https://demo.fly.dev/health',
};

/** Runs a settings reader on a source that records every name asked for. */
function recordReads(defaults: Record<string, string>, read: (host: ReturnType<typeof testHost>) => unknown) {
  const asked = new Set<string>();
  const host = testHost({ inputs: defaults });
  const source = host.inputs;
  const recording = { ...host, inputs: { get: (name: string) => (asked.add(name), source.get(name)) } };
  read(recording);
  return asked;
}

describe.each(names)('actions/%s', (name) => {
  const spec = parse(readFileSync(join(repoRoot, 'actions', name, 'action.yml'), 'utf8')) as ActionYml;

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

  it('has a command whose settings reader reads exactly the inputs action.yml declares', () => {
    const command = ACTION_COMMANDS[name];
    expect(command).toBeDefined();
    const defaults = { ...actionDefaults(name, 'ghs_token'), ...REQUIRED_SAMPLES };
    const asked = recordReads(defaults, (host) => command?.readSettings(inputReader(host), host.context));
    expect([...asked].sort()).toEqual(Object.keys(spec.inputs ?? {}).sort());
  });

  it("is a CLI verb that loads this action's command", async () => {
    const verb = VERBS.find((v) => v.action === name);
    expect(verb?.load).toBeDefined();
    expect(await verb?.load?.()).toBe(ACTION_COMMANDS[name]?.run);
  });

  it('has a one-line entry over its command', () => {
    const entry = readFileSync(join(repoRoot, 'src', 'actions', `${name}.ts`), 'utf8');
    const code = entry.split('\n').filter((l) => l.trim() && !/^\s*(\/\/|\/\*|\*)/.test(l));
    expect(code.filter((l) => !l.startsWith('import ')).length).toBe(1);
    expect(entry).not.toMatch(/@actions\//);
  });
});

describe('the health-check verb', () => {
  it('reads exactly its flags: the url and the deploy probe inputs without the health- prefix', () => {
    const verb = findVerb('health-check');
    const defaults = Object.fromEntries(Object.entries(verb?.inputs ?? {}).map(([k, v]) => [k, v.default]));
    const asked = recordReads({ ...defaults, ...REQUIRED_SAMPLES }, (host) =>
      readHealthCheckSettings(inputReader(host), () => undefined),
    );
    expect([...asked].sort()).toEqual(Object.keys(verb?.inputs ?? {}).sort());
    expect(asked.has('expect-status')).toBe(true);
  });
});
