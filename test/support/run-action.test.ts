/** The harness reproduces the runner's contract (toolchain.md): checked here so end-to-end tests can trust it. */
import { describe, expect, it } from '@jest/globals';
import { actionDefaults, parseFileCommand, parseWorkflowCommands } from './run-action.js';

describe('runner-contract harness', () => {
  it('reads file commands in both forms, as @actions/core writes them', () => {
    expect(parseFileCommand('a<<ghadelimiter_1\nline1\nline2\nghadelimiter_1\nb=plain\n')).toEqual({
      a: 'line1\nline2',
      b: 'plain',
    });
  });

  it('parses annotations with escaped properties and data, and masks', () => {
    const stdout =
      '::add-mask::s3cr%25t\n::error file=apps/a%2Cb.toml,line=3,col=5,title=x%3Ay::bad%0Anews\nplain\n::notice::hi\n';
    const { annotations, masks } = parseWorkflowCommands(stdout);
    expect(masks).toEqual(['s3cr%t']);
    expect(annotations).toEqual([
      { level: 'error', file: 'apps/a,b.toml', line: 3, col: 5, title: 'x:y', message: 'bad\nnews' },
      { level: 'notice', message: 'hi' },
    ]);
  });

  it('applies action.yml defaults and evaluates github.token', () => {
    const defaults = actionDefaults('fly-validate', 'tok');
    expect(defaults.config).toBe('fly.toml');
    expect(defaults['require-clean-git']).toBe('true');
    expect(defaults['report-path']).toBe('');
  });
});
