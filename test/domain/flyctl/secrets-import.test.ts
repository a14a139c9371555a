import { describe, expect, it } from '@jest/globals';
import { encodeSecretsImport, parseSecretsImport } from '../../../src/domain/flyctl/secrets-import.js';

describe('the secrets import parser model (flyctl-contract §5)', () => {
  it('follows the documented rules', () => {
    const parsed = parseSecretsImport(
      [
        '# a comment',
        '',
        'PLAIN=abc#def',
        'QUOTED="a#b"',
        "SINGLE='a#b'",
        '  SPACED =   value  ',
        'TRIPLE="""one line"""',
        'MULTI="""first',
        'second',
        'last"""',
        'DUP=1',
        'DUP=2',
      ].join('\n'),
    );
    expect(Object.fromEntries(parsed)).toEqual({
      PLAIN: 'abc',
      QUOTED: 'a#b',
      SINGLE: "'a",
      SPACED: 'value  ',
      TRIPLE: 'one line',
      MULTI: 'first\nsecond\nlast',
      DUP: '2',
    });
    expect(() => parseSecretsImport('NOEQUALS')).toThrow(/NAME=VALUE/);
  });
});

describe('encoding secrets for flyctl secrets import', () => {
  const values = [
    'plain',
    '',
    'with # hash',
    'a#b',
    '#leading hash',
    'say "hi" # there',
    'odd " quote # hash',
    '"quoted"',
    '""starts with two quotes',
    '"',
    '""',
    "it's",
    "'single'",
    '  leading and trailing spaces  ',
    'x=y=z',
    'p@ss"w#rd\'!$`\\',
    '-----BEGIN KEY-----\nMIIB#abc"def\n\n-----END KEY-----\n',
    '\nstarts with a newline',
    'ends with newline\n',
    'line one\n# not a comment\n   indented\n""" inside"""x',
    'multi "with" quotes\nand # hashes\n',
  ];

  it.each(values)('carries %j intact', (value) => {
    const text = encodeSecretsImport([{ name: 'S', value }]);
    expect(parseSecretsImport(text).get('S')).toBe(value);
  });

  it('carries many secrets at once, in order', () => {
    const pairs = values.map((value, i) => ({ name: `S${i}`, value }));
    const parsed = parseSecretsImport(encodeSecretsImport(pairs));
    expect(pairs.map((p) => parsed.get(p.name))).toEqual(values);
  });

  it.each([
    ['zq1 "zq2 # zq3\nzq4zq', /odd number of double quotes/],
    ['zq5zq"""\nzq6zq', /first line ending in """/],
    ['zq7zq\nzq8zq"""\nzq9zq', /line ending in """ before its last line/],
    ['zq10zq\r\nzq11zq', /carriage return/],
    ['x'.repeat(70000), /64 KiB/],
  ])('refuses %#, naming the secret but never the value', (value, reason) => {
    let message = '';
    try {
      encodeSecretsImport([{ name: 'API_KEY', value }]);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(reason);
    expect(message).toContain('API_KEY');
    expect(message).toContain("Input 'secrets'");
    for (const part of value.split('\n')) if (part.length >= 4) expect(message).not.toContain(part);
  });
});
