import { describe, expect, it } from '@jest/globals';
import { UsageError, parseVerbFlags, secretEnvName } from '../../src/cli/flags.js';
import { findVerb, type VerbDefinition } from '../../src/cli/verbs.js';

const verb = (name: string) => findVerb(name) as VerbDefinition;

describe('a verb command line', () => {
  it('joins repeated flags into list inputs and reads switches in every form actions use', () => {
    const parsed = parseVerbFlags(verb('validate'), [
      '--config',
      'apps/a/fly.toml',
      '--config=apps/b/fly.toml',
      '--strict',
      '--no-require-clean-git',
      '--dockerfile-checks',
      'false',
      '--docker-build=true',
      '--json',
    ]);
    expect(parsed.inputs).toEqual({
      config: 'apps/a/fly.toml\napps/b/fly.toml',
      strict: 'true',
      'require-clean-git': 'false',
      'dockerfile-checks': 'false',
      'docker-build': 'true',
    });
    expect(parsed.json).toBe(true);
  });

  it('takes secrets from a file or stdin, never from argv', () => {
    expect(parseVerbFlags(verb('deploy'), ['--secrets', '@.env', '--notify-webhook', '-']).secrets).toEqual({
      secrets: { from: 'file', path: '.env' },
      'notify-webhook': { from: 'stdin' },
    });
    expect(() => parseVerbFlags(verb('deploy'), ['--secrets', 'TOKEN=abc'])).toThrow(UsageError);
    expect(() => parseVerbFlags(verb('deploy'), ['--secrets', 'TOKEN=abc'])).toThrow(/NUZANTARA_SECRETS/);
    expect(secretEnvName('notify-webhook')).toBe('NUZANTARA_NOTIFY_WEBHOOK');
  });

  it('refuses unknown flags, stray arguments, missing values and non-boolean switch values', () => {
    expect(() => parseVerbFlags(verb('validate'), ['--nope'])).toThrow(/unknown flag --nope/);
    expect(() => parseVerbFlags(verb('validate'), ['fly.toml'])).toThrow(/unexpected argument "fly.toml"/);
    expect(() => parseVerbFlags(verb('validate'), ['--config'])).toThrow(/--config needs a value/);
    expect(() => parseVerbFlags(verb('validate'), ['--strict=maybe'])).toThrow(/true or false/);
    expect(() => parseVerbFlags(verb('validate'), ['--no-strict=true'])).toThrow(/unknown flag --no-strict/);
  });

  it("offers health-check the deploy's probe inputs without the prefix", () => {
    const inputs = verb('health-check').inputs;
    expect(Object.keys(inputs)).toEqual(
      expect.arrayContaining([
        'url',
        'retries',
        'interval',
        'timeout',
        'expect-status',
        'expect-body',
        'max-latency',
      ]),
    );
    expect(inputs['expect-status']).toEqual(verb('deploy').inputs['health-expect-status']);
    expect(Object.keys(inputs).some((k) => k.startsWith('health-'))).toBe(false);
  });
});
