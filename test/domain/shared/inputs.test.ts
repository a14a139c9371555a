import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../../src/domain/shared/errors.js';
import { formatDuration, parseGoDuration } from '../../../src/domain/shared/duration.js';
import * as parse from '../../../src/domain/shared/inputs.js';

const errorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError');
};

describe('Go durations', () => {
  it.each([
    ['10s', 10_000],
    ['1m30s', 90_000],
    ['500ms', 500],
    ['1.5h', 5_400_000],
    ['2h45m', 9_900_000],
    ['100us', 0.1],
    ['0', 0],
    ['-5s', -5000],
  ])('%s = %d ms', (text, ms) => expect(parseGoDuration(text)).toBeCloseTo(ms));
  it.each(['', '10', '1d', 's', '10 s', '1m30', '10sec'])('rejects %j', (text) =>
    expect(parseGoDuration(text)).toBeUndefined(),
  );
  it('formats compactly', () => {
    expect([500, 1500, 60_000, 90_000].map(formatDuration)).toEqual(['500ms', '1.5s', '1m', '1m30s']);
  });
});

describe('input parsers', () => {
  it('parses booleans and names the input on error', () => {
    expect(parse.parseBoolean('x', 'TRUE')).toBe(true);
    expect(parse.parseBoolean('x', ' false ')).toBe(false);
    expect(errorOf(() => parse.parseBoolean('rollback', 'sure'))).toBe(
      `Input 'rollback': "sure" is not a boolean. Use true or false.`,
    );
  });

  it('bounds integers', () => {
    expect(parse.parseInteger('n', ' 10 ', { min: 1, max: 100 })).toBe(10);
    expect(errorOf(() => parse.parseInteger('health-retries', '0', { min: 1, max: 100 }))).toBe(
      `Input 'health-retries': 0 is out of range. Use a whole number from 1 to 100.`,
    );
    expect(errorOf(() => parse.parseInteger('health-retries', '2.5'))).toContain(
      '"2.5" is not a whole number',
    );
  });

  it('parses durations and refuses a bare number, saying which unit to add', () => {
    expect(parse.parseDuration('d', '1m30s')).toBe(90_000);
    expect(errorOf(() => parse.parseDuration('health-interval', '10'))).toBe(
      `Input 'health-interval': "10" has no unit. Use a number with a unit: 500ms, 10s, 1m30s or 2h (for example 10s for seconds).`,
    );
    expect(errorOf(() => parse.parseDuration('health-interval', 'soon'))).toContain(
      '"soon" is not a duration',
    );
    expect(errorOf(() => parse.parseDuration('health-timeout', '2m', { maxMs: 60_000 }))).toContain(
      'out of range. Use a duration at most 60000ms',
    );
  });

  it('splits lists on lines and commas, ignoring comments and blanks', () => {
    expect(parse.parseList('l', 'a, b\n\n# comment\nc # trailing\n')).toEqual(['a', 'b', 'c']);
  });

  it('validates variable names and removes duplicates', () => {
    expect(parse.parseNames('n', 'A\nB_2\nA')).toEqual(['A', 'B_2']);
    expect(errorOf(() => parse.parseNames('required-secrets', 'MY-SECRET'))).toContain(
      '"MY-SECRET" is not a valid variable name',
    );
  });

  it('parses NAME=VALUE pairs, keeping = # and quotes in values, with heredoc multi-line values', () => {
    const pairs = parse.parsePairs(
      'secrets',
      'A=1\nURL=postgres://u:p@h/db?x=y#frag\nQ="quoted" \'too\'\nPEM<<EOF\n-----BEGIN-----\nline2\nEOF\nEMPTY=',
    );
    expect(pairs).toEqual([
      { name: 'A', value: '1' },
      { name: 'URL', value: 'postgres://u:p@h/db?x=y#frag' },
      { name: 'Q', value: '"quoted" \'too\'' },
      { name: 'PEM', value: '-----BEGIN-----\nline2' },
      { name: 'EMPTY', value: '' },
    ]);
  });

  it('never echoes a secret line in a pairs error', () => {
    const message = errorOf(() => parse.parsePairs('secrets', 'GOOD=1\nhunter2-no-equals', { secret: true }));
    expect(message).toBe(
      `Input 'secrets': line 2 is not NAME=VALUE (value hidden). Write one NAME=VALUE per line, the name in letters, digits and _, or NAME<<EOF … EOF for a multi-line value.`,
    );
    expect(message).not.toContain('hunter2');
    expect(errorOf(() => parse.parsePairs('secrets', 'A=1\nA=2'))).toContain('A is given twice');
    expect(errorOf(() => parse.parsePairs('secrets', 'K<<END\nvalue'))).toContain(
      'no line closes it with END',
    );
  });

  it('accepts http(s) URLs only', () => {
    expect(parse.parseUrl('u', 'https://nuzantara-rag.fly.dev/health').hostname).toBe(
      'nuzantara-rag.fly.dev',
    );
    expect(errorOf(() => parse.parseUrl('health-url', 'ftp://x'))).toContain('uses ftp:');
    expect(errorOf(() => parse.parseUrl('health-url', 'not a url'))).toContain('"not a url" is not a URL');
  });

  it('checks globs and choices', () => {
    expect(parse.parseGlobs('g', 'apps/*/fly.toml\n!apps/old/fly.toml')).toEqual([
      'apps/*/fly.toml',
      '!apps/old/fly.toml',
    ]);
    expect(errorOf(() => parse.parseGlobs('config', 'a/[b'))).toContain('is not a valid glob');
    expect(parse.parseChoice('s', 'Rolling', ['rolling', 'immediate'] as const)).toBe('rolling');
    expect(errorOf(() => parse.parseChoice('strategy', 'fast', ['rolling', 'immediate']))).toContain(
      'Use one of: rolling, immediate.',
    );
  });
});
