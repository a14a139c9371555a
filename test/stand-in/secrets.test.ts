/**
 * `secrets import` parsing, rule for rule against contract §5 (flyctl's parser.go): what lands in the
 * stand-in's staged secrets, the echoed invalid line, and values reaching a machine intact.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { createStandIn, type StandIn } from './fly.js';

let fly: StandIn;
let app = 0;

beforeAll(async () => {
  fly = await createStandIn();
  await fly.image('registry.fly.io/keys:v1', 'healthy');
});

afterAll(async () => {
  await fly?.stop();
});

/** Imports `input` with --stage into a fresh app and returns the run plus what was staged. */
async function importStaged(input: string) {
  const name = `keys-${++app}`;
  await fly.app(name);
  const result = await fly.call(['secrets', 'import', '-a', name, '--stage'], { input });
  const { staged } = await fly.secrets(name);
  return { result, staged };
}

describe('secrets import parser (§5)', () => {
  it('applies every rule in one input', async () => {
    const pem = '-----BEGIN KEY-----\nMIIB\n# not a comment\n\n-----END KEY-----';
    const input = [
      '# a comment line',
      '',
      '   ',
      'PLAIN=value',
      'SPACED  =   padded   ',
      'EQUALS=a=b=c',
      'INLINE=abc#def',
      'INLINE_SPACE=abc   # trailing comment',
      'DOUBLE_HASH="p#ss"',
      "SINGLE_HASH='p#ss'",
      'QUOTED_THEN_COMMENT="kept" # dropped',
      'DOUBLE="two words"',
      "SINGLE='one'",
      'INNER="a"b"',
      'EMPTY=',
      'EMPTY_QUOTES=""',
      'TRIPLE_ONE_LINE="""x#y"""',
      `PEM="""${pem}"""`,
      'OPENS_EMPTY="""',
      'first line',
      'last line"""',
      'DUP=first',
      'DUP=second',
      'CRLF=windows\r',
      'UNICODE=ümlaut ✓',
      'COMMA=a,b',
    ].join('\n');
    const { result, staged } = await importStaged(input);
    expect(result.exitCode).toBe(0);
    expect(staged).toEqual({
      PLAIN: 'value',
      SPACED: 'padded   ',
      EQUALS: 'a=b=c',
      INLINE: 'abc',
      INLINE_SPACE: 'abc',
      DOUBLE_HASH: 'p#ss',
      SINGLE_HASH: "'p",
      QUOTED_THEN_COMMENT: 'kept',
      DOUBLE: 'two words',
      SINGLE: 'one',
      INNER: 'a"b',
      EMPTY: '',
      EMPTY_QUOTES: '',
      TRIPLE_ONE_LINE: 'x#y',
      PEM: pem,
      OPENS_EMPTY: '\nfirst line\nlast line',
      DUP: 'second',
      CRLF: 'windows',
      UNICODE: 'ümlaut ✓',
      COMMA: 'a,b',
    });
  });

  it('echoes an invalid line, value included, and exits 1', async () => {
    const { result, staged } = await importStaged('GOOD=1\nthis-line-is-a-leaked-value\n');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      'Error: Failed to parse secrets from stdin: Secrets must be provided as NAME=VALUE pairs (this-line-is-a-leaked-value is invalid)\n',
    );
    expect(staged).toEqual({});
  });

  it('treats an indented # line as a pair, not a comment', async () => {
    const { result } = await importStaged('  # indented\n');
    expect(result.stderr).toContain('(  # indented is invalid)');
  });

  it('requires at least one pair', async () => {
    for (const input of ['', '# only a comment\n\n', 'OPEN="""\nnever closed\n']) {
      const { result } = await importStaged(input);
      expect({ input, exitCode: result.exitCode, stderr: result.stderr }).toEqual({
        input,
        exitCode: 1,
        stderr: 'Error: requires at least one SECRET=VALUE pair\n',
      });
    }
  });

  it('drops an unterminated multi-line value but keeps earlier pairs', async () => {
    const { staged } = await importStaged('A=1\nB="""\nline\n');
    expect(staged).toEqual({ A: '1' });
  });

  it('silently stops at a line over 64 KiB (bufio.Scanner), dropping later pairs', async () => {
    const { result, staged } = await importStaged(`A=1\nBIG=${'x'.repeat(70 * 1024)}\nC=3\n`);
    expect(result.exitCode).toBe(0);
    expect(staged).toEqual({ A: '1' });
  });

  it('keeps a line that fits the 64 KiB buffer with one byte to spare, even the last one', async () => {
    // 65535 bytes plus its newline fill the buffer exactly; a last line needs the spare byte to see EOF.
    const fits = `B=${'y'.repeat(65535 - 2)}`;
    expect((await importStaged(`A=1\n${fits}\nC=3\n`)).staged).toEqual({ A: '1', B: fits.slice(2), C: '3' });
    expect((await importStaged(`A=1\n${fits}`)).staged).toEqual({ A: '1', B: fits.slice(2) });
    expect((await importStaged(`A=1\n${fits}y`)).staged).toEqual({ A: '1' });
  });

  it("trims names like Go's strings.TrimSpace: NEL and NBSP go, a BOM stays", async () => {
    const { staged } = await importStaged('\u00a0NBSP\u0085=1\n\ufeffBOM=2\n');
    expect(staged).toEqual({ NBSP: '1', '\ufeffBOM': '2' });
  });

  it('panics on a value that is one quote character (rule 8): exit 3, no Error: line', async () => {
    for (const input of ['LONE="\n', "LONE='\n", "LONE=' # a comment\n"]) {
      const { result, staged } = await importStaged(`A=1\n${input}`);
      expect({ input, exitCode: result.exitCode, stderr: result.stderr }).toEqual({
        input,
        exitCode: 3,
        stderr: '',
      });
      expect(result.stdout).toMatch(
        // eslint-disable-next-line no-control-regex
        /^\x1b\[31mOops, something went wrong! Could you try that again\?\x1b\[0m\n\nruntime error: slice bounds out of range \[1:0\]\n/,
      );
      expect(staged).toEqual({});
    }
  });
});

describe('secrets reach machines intact, never through argv', () => {
  it('delivers #, quotes and multi-line values to the running machine', async () => {
    await fly.app('vaulted', { image: 'registry.fly.io/keys:v1', machines: 1 });
    const values = { HASHY: 'p#ss w"rd', MULTI: 'line one\nline "two"\n#three' };
    const input = `HASHY="${values.HASHY}"\nMULTI="""${values.MULTI}"""\n`;
    const staged = await fly.run(['secrets', 'import', '-a', 'vaulted', '--stage'], { input });
    expect(staged.exitCode).toBe(0);
    expect((await fly.secrets('vaulted')).staged).toEqual(values);

    const deployed = await fly.run(['deploy', '-a', 'vaulted', '-i', 'registry.fly.io/keys:v1']);
    expect(deployed.exitCode).toBe(0);
    expect(await fly.secrets('vaulted')).toEqual({ staged: {}, deployed: values });

    const info = (await (await fetch(`${await fly.url('vaulted')}/standin/info`)).json()) as {
      release_version: number;
      secret_sha256: Record<string, string>;
    };
    const digest = (v: string) => createHash('sha256').update(v).digest('hex');
    expect(info.release_version).toBe(2);
    expect(info.secret_sha256).toEqual({ HASHY: digest(values.HASHY), MULTI: digest(values.MULTI) });

    const argv = fly.invocations().flatMap((i) => i.argv);
    for (const value of [values.HASHY, 'line one']) expect(argv.join('\n')).not.toContain(value);
  });
});
