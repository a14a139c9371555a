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
    expect(errorOf(() => parse.parseUrl('health-url', 'notaurl'))).toContain('"notaurl" is not a URL');
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

describe('hostile input values', () => {
  it('bounds every duration by what a timer can hold, and says the limit', () => {
    expect(parse.parseDuration('deploy-timeout', '596h')).toBe(596 * 3_600_000);
    expect(errorOf(() => parse.parseDuration('deploy-timeout', '597h'))).toBe(
      `Input 'deploy-timeout': "597h" is longer than a timer can wait. Use a duration of at most 2147483647ms (about 24.8 days, the most a Node.js timer holds).`,
    );
    expect(errorOf(() => parse.parseDuration('x', '99999999999999999999999999h'))).toContain(
      'longer than a timer can wait',
    );
    // An explicit bound above the timer's is capped to it.
    expect(errorOf(() => parse.parseDuration('x', '700h', { maxMs: 1e12 }))).toContain(
      'at most 2147483647ms',
    );
  });

  it.each([
    ['https://exa\nmple.com/health', 'contains whitespace or a control character'],
    ['https://example.com/he alth', 'contains whitespace'],
    ['https://example.com/\thealth', 'contains whitespace'],
    ['https://example.com/\u0000', 'control character'],
    ['javascript:alert(1)', 'uses javascript:'],
    ['file:///etc/passwd', 'uses file:'],
    ['//example.com/health', 'is not a URL'],
  ])('refuses the URL %j', (raw, problem) => {
    expect(errorOf(() => parse.parseUrl('health-url', raw))).toContain(problem);
  });

  it('never quotes the credentials of a URL, and can refuse them', () => {
    const message = errorOf(() => parse.parseUrl('health-url', 'https://admin:zzpass@example.com/a b'));
    expect(message).toContain('"https://***@example.com/a b"');
    expect(message).not.toContain('zzpass');
    expect(
      errorOf(() =>
        parse.parseUrl('notify-webhook', 'https://u:zzpass@hooks.example.com/x', { credentials: 'refuse' }),
      ),
    ).toContain('carries a user name or password');
    const secret = errorOf(() =>
      parse.parseUrl('notify-webhook', 'ftp://hooks.example.com/zzsecretpath', { secret: true }),
    );
    expect(secret).toBe(
      `Input 'notify-webhook': the URL (hidden) uses ftp:. Use an absolute http or https URL such as https://example.fly.dev/health.`,
    );
  });

  it('lists every part of a URL with credentials to mask: all of it, the userinfo, the password (raw and decoded)', () => {
    const raw = ' https://admin:p%40ssw0rd@example.com/health ';
    const url = parse.parseUrl('health-url', raw);
    expect(parse.urlSecrets(raw, url)).toEqual([
      'https://admin:p%40ssw0rd@example.com/health',
      'admin:p%40ssw0rd',
      'admin:p@ssw0rd',
      'p%40ssw0rd',
      'p@ssw0rd',
    ]);
    expect(parse.urlSecrets('https://example.com/x', new URL('https://example.com/x'))).toEqual([]);
  });

  it.each([
    ['', 'is required but empty'],
    ['  \n\n', 'is required but empty'],
    ['# only a comment\n# and another', 'names no file: it holds only comments'],
    ['!apps/old/fly.toml\n!apps/x/**', 'names no file: it holds only ! exclusions'],
  ])('refuses required globs that name nothing: %j', (raw, problem) => {
    expect(errorOf(() => parse.parseGlobs('config', raw, { required: true }))).toContain(problem);
    expect(parse.parseGlobs('exclude', raw)).toEqual(raw.includes('!') ? raw.split('\n') : []);
  });

  it('checks header names and values without ever quoting a value', () => {
    expect(() =>
      parse.checkHeaders('health-headers', { Authorization: 'Bearer abc', 'X-Ok': 'a\tb é' }),
    ).not.toThrow();
    for (const value of ['zzsecret\r\nX-Injected: 1', 'zzsecret\u0000', 'zzsecret\u2028', 'zz\u{1F600}']) {
      const message = errorOf(() => parse.checkHeaders('health-headers', { Authorization: value }));
      expect(message).toContain('the value of Authorization holds a line break, a control character');
      expect(message).not.toContain('zz');
    }
    expect(errorOf(() => parse.checkHeaders('health-headers', { 'Bad Name': 'x' }))).toContain(
      '"Bad Name" is not a header name',
    );
  });
});
