// `flyctl secrets import` stdin parsing, rule for rule (contract §5, flyctl internal/command/secrets/parser.go):
// bufio.Scanner lines (\r\n tolerated, 64 KiB limit silently ends parsing), `#` comment lines, inline `#`
// cut when the text before it holds an even number of `"`, one pair of quotes stripped, `"""` values on
// one line or spanning lines, last duplicate wins, and the offending line echoed on error.
import { FlyError } from './util.mjs';

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
    // The scanner's buffer must hold the line and its newline; a longer line is ErrTooLong, which
    // flyctl never checks, so parsing just ends.
    if (end - start + (last ? 0 : 1) > MAX_TOKEN) break;
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
    if (line.startsWith('#') || line.trim() === '') continue;
    const eq = line.indexOf('=');
    if (eq < 0) {
      throw new FlyError(
        `Failed to parse secrets from stdin: Secrets must be provided as NAME=VALUE pairs (${line} is invalid)`,
      );
    }
    const key = line.slice(0, eq).trim();
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
      if (
        value.length >= 1 &&
        ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'")))
      ) {
        // Go slices value[1:len-1]; a lone quote character would panic there, so require two.
        value = value.length >= 2 ? value.slice(1, -1) : value;
      }
      secrets.set(key, value);
    }
  }
  return Object.fromEntries(secrets);
}
