// `flyctl secrets import` stdin parsing, rule for rule (contract §5, flyctl internal/command/secrets/parser.go):
// bufio.Scanner lines (\r\n tolerated, 64 KiB limit silently ends parsing), `#` comment lines, inline `#`
// cut when the text before it holds an even number of `"`, one pair of quotes stripped, `"""` values on
// one line or spanning lines, last duplicate wins, the offending line echoed on error, and the panic (exit 3)
// of a value that is a lone quote.
import { FlyError, aurora, goTrimSpace } from './util.mjs';

const MAX_TOKEN = 64 * 1024;

/** Splits like bufio.Scanner + ScanLines: drops one trailing \r; stops (silently) at an over-long line. */
export function scanLines(input) {
  const buffer = Buffer.isBuffer(input) ? input : Buffer.from(input, 'utf8');
  const lines = [];
  let start = 0;
  while (start < buffer.length) {
    let end = buffer.indexOf(0x0a, start);
    const last = end < 0;
    if (last) end = buffer.length;
    // The scanner's buffer (at most 64 KiB) must hold the line and one byte more: its newline, or, for a
    // last line without one, room to see EOF (a full buffer is ErrTooLong before the reader reports EOF).
    // flyctl never checks the scanner's error, so parsing just ends.
    if (end - start + 1 > MAX_TOKEN) break;
    let line = buffer.subarray(start, end);
    if (line.length && line[line.length - 1] === 0x0d) line = line.subarray(0, line.length - 1);
    lines.push(line.toString('utf8'));
    start = end + 1;
  }
  return lines;
}

const count = (text, char) => text.split(char).length - 1;

export function parseSecrets(input) {
  const secrets = new Map();
  let multilineKey;
  let multilineValue = '';
  for (const line of scanLines(input)) {
    if (multilineKey !== undefined) {
      if (line.endsWith('"""')) {
        multilineValue += line.slice(0, -3);
        secrets.set(multilineKey, multilineValue);
        multilineKey = undefined;
        multilineValue = '';
      } else {
        multilineValue += line + '\n';
      }
      continue;
    }
    if (line.startsWith('#') || goTrimSpace(line) === '') continue;
    const eq = line.indexOf('=');
    if (eq < 0) {
      throw new FlyError(
        `Failed to parse secrets from stdin: Secrets must be provided as NAME=VALUE pairs (${line} is invalid)`,
      );
    }
    const key = goTrimSpace(line.slice(0, eq));
    let value = line.slice(eq + 1).replace(/^ +/, '');
    const hash = value.indexOf('#');
    if (hash >= 0) {
      const before = value.slice(0, hash);
      if (count(before, '"') % 2 === 0) value = before.replace(/ +$/, '');
    }
    if (value.startsWith('"""') && value.endsWith('"""') && value.length >= 6) {
      secrets.set(key, value.slice(3, -3));
    } else if (value.startsWith('"""')) {
      multilineKey = key;
      multilineValue = value.slice(3) + '\n';
    } else {
      if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))) {
        // Go slices value[1:len(value)-1]: a value that is one quote character is value[1:0], a panic that
        // main's recover turns into exit 3 (contract §5 rule 8).
        if (value.length === 1) throw goPanic('runtime error: slice bounds out of range [1:0]');
        value = value.slice(1, -1);
      }
      secrets.set(key, value);
    }
  }
  return Object.fromEntries(secrets);
}

/** A recovered panic: sentry.printError's text on stdout (aurora colours it always), exit 3, no Error: line. */
function goPanic(value) {
  const stack = [
    'goroutine 1 [running]:',
    'runtime/debug.Stack()',
    'github.com/superfly/flyctl/internal/command/secrets.parseSecrets({0x0, 0x0})',
    '\tgithub.com/superfly/flyctl/internal/command/secrets/parser.go',
  ].join('\n');
  return new FlyError(value, {
    exitCode: 3,
    silent: true,
    stdout: `${aurora.red('Oops, something went wrong! Could you try that again?')}\n\n${value}\n${stack}\n\n`,
  });
}
