/**
 * The README's examples work as written: every `nuzantara <verb>` line names a verb and flags the CLI has,
 * every action it links exists, and its YAML examples give the actions only inputs they declare.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../support/run-action.js';
import { runCli } from '../support/run-cli.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const blocks = (lang: string) =>
  [...readme.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1] as string);

const commandLines = blocks('sh')
  .flatMap((b) => b.split('\n'))
  .map((line) => line.replace(/\s+#.*$/, ''))
  .flatMap((line) => {
    const m = /\bnuzantara ([a-z-]+)(.*)$/.exec(line);
    return m && m[1] !== '--help' ? [{ line, verb: m[1] as string, rest: m[2] as string }] : [];
  });

describe('README.md', () => {
  it('shows every verb the CLI has', async () => {
    const help = (await runCli(['--help'])).stdout;
    const verbs = [...help.matchAll(/^ {2}([a-z-]+) {2,}/gm)].map((m) => m[1]);
    expect(verbs.length).toBeGreaterThanOrEqual(6);
    for (const verb of verbs)
      expect({ verb, shown: commandLines.some((c) => c.verb === verb) }).toEqual({ verb, shown: true });
  });

  it.each(commandLines.map((c) => [c.line.trim(), c] as const))(
    '%s: the verb and its flags exist',
    async (_line, { verb, rest }) => {
      const help = await runCli([verb, '--help']);
      expect({ verb, exitCode: help.exitCode }).toEqual({ verb, exitCode: 0 });
      for (const [, flag] of rest.matchAll(/--([a-z][a-z-]*)/g)) {
        const known =
          help.stdout.includes(`--${flag} `) ||
          help.stdout.includes(`--${flag}\n`) ||
          help.stdout.includes(`--[no-]${flag}`) ||
          ['help', 'json', 'yes', 'debug', 'verbose'].includes(flag as string);
        expect({ verb, flag, known }).toEqual({ verb, flag, known: true });
      }
    },
  );

  it("links each action's README, and its YAML gives actions only inputs they declare", () => {
    for (const [, name] of readme.matchAll(/\(actions\/([a-z-]+)\/README\.md\)/g))
      expect({ name, exists: existsSync(join(repoRoot, 'actions', name as string, 'action.yml')) }).toEqual({
        name,
        exists: true,
      });
    for (const yaml of blocks('yaml')) {
      const doc = parse(yaml) as unknown;
      const steps = (Array.isArray(doc) ? doc : []) as { uses?: string; with?: object }[];
      for (const step of steps) {
        const name = /\/actions\/([a-z-]+)@v1$/.exec(step.uses ?? '')?.[1];
        if (!name) continue;
        const spec = parse(readFileSync(join(repoRoot, 'actions', name, 'action.yml'), 'utf8')) as {
          inputs: object;
        };
        const undeclared = Object.keys(step.with ?? {}).filter((k) => !(k in spec.inputs));
        expect({ name, undeclared }).toEqual({ name, undeclared: [] });
      }
    }
  });

  it('calls deploy.yml with exactly the secrets it declares', () => {
    const deploy = parse(readFileSync(join(repoRoot, '.github/workflows/deploy.yml'), 'utf8')) as {
      on: { workflow_call: { secrets: object } };
    };
    const caller = blocks('yaml')
      .map((y) => parse(y) as { jobs?: Record<string, { uses?: string; secrets?: object }> })
      .flatMap((d) => Object.values(d?.jobs ?? {}))
      .find((j) => j.uses?.includes('/.github/workflows/deploy.yml@v1'));
    expect(Object.keys(caller?.secrets ?? {}).sort()).toEqual(
      Object.keys(deploy.on.workflow_call.secrets).sort(),
    );
  });
});
