/**
 * Encoding secrets for `flyctl secrets import` on stdin so every value arrives byte for byte, under the
 * parser rules of flyctl-contract §5 (`parseSecrets` in internal/command/secrets/parser.go):
 * - single-line state: a line starting with `#` or blank is skipped; split at the first `=`; the value loses
 *   leading spaces; from the first `#` on it is cut (and trailing spaces trimmed) when the text before that
 *   `#` holds an even number of `"`;
 * - then `"""x"""` (≥ 6 chars) is x; a value starting with `"""` opens a multi-line value; else one pair of
 *   surrounding `"…"` or `'…'` is removed;
 * - multi-line state: lines are appended with `\n` until a line ending with `"""`, which is added without it.
 * - bufio.Scanner: lines split at `\n` with a trailing `\r` dropped, and a line over 64 KiB silently ends input.
 * `parseSecretsImport` mirrors the parser so `encodeSecretsImport` can prove each encoding round-trips.
 */
import { UserError } from '../shared/errors.js';

export interface SecretPair {
  name: string;
  value: string;
}

/** bufio.MaxScanTokenSize: a longer line silently stops flyctl's parser. */
export const MAX_LINE_BYTES = 64 * 1024 - 1;

const quotesBeforeHash = (text: string): number | undefined => {
  const hash = text.indexOf('#');
  return hash < 0 ? undefined : (text.slice(0, hash).match(/"/g)?.length ?? 0);
};

/** A single-line value as the parser sees it after `NAME=`. */
function decodeSingle(raw: string): { value: string; multiline: boolean } {
  let value = raw.replace(/^ +/, '');
  const hash = value.indexOf('#');
  if (hash >= 0 && (value.slice(0, hash).match(/"/g)?.length ?? 0) % 2 === 0)
    value = value.slice(0, hash).replace(/ +$/, '');
  if (value.startsWith('"""') && value.endsWith('"""') && value.length >= 6)
    return { value: value.slice(3, -3), multiline: false };
  if (value.startsWith('"""')) return { value: value.slice(3), multiline: true };
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"'))
    return { value: value.slice(1, -1), multiline: false };
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'"))
    return { value: value.slice(1, -1), multiline: false };
  return { value, multiline: false };
}

/** What flyctl's parser makes of a stdin text (errors as flyctl words them, without echoing lines). */
export function parseSecretsImport(text: string): Map<string, string> {
  const secrets = new Map<string, string>();
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  if (lines.at(-1) === '') lines.pop();
  let key: string | undefined;
  let collected = '';
  for (const line of lines) {
    if (Buffer.byteLength(line) > MAX_LINE_BYTES) break;
    if (key === undefined) {
      if (line.startsWith('#') || line.trim() === '') continue;
      const eq = line.indexOf('=');
      if (eq < 0) throw new Error('Secrets must be provided as NAME=VALUE pairs');
      const name = line.slice(0, eq).trim();
      const decoded = decodeSingle(line.slice(eq + 1));
      if (decoded.multiline) {
        key = name;
        collected = `${decoded.value}\n`;
      } else secrets.set(name, decoded.value);
    } else if (line.endsWith('"""')) {
      secrets.set(key, collected + line.slice(0, -3));
      key = undefined;
      collected = '';
    } else collected += `${line}\n`;
  }
  return secrets;
}

/** The line(s) for one pair, or the reason the parser cannot carry the value intact. */
function encodeOne(pair: SecretPair): { text: string } | { problem: string } {
  const { name, value } = pair;
  if (value.includes('\r'))
    return { problem: 'contains a carriage return (\\r), which flyctl drops at line ends' };
  if (!value.includes('\n')) {
    const quotes = quotesBeforeHash(value);
    // An odd count of `"` before the first `#` would, inside double quotes, make the `#` start a comment.
    if (quotes !== undefined && quotes % 2 === 1) return { text: `${name}='${value}'` };
    if (value.startsWith('""') || value === '"') return { text: `${name}="""${value}"""` };
    return { text: `${name}="${value}"` };
  }
  const lines = value.split('\n');
  const first = lines[0] as string;
  const quotes = quotesBeforeHash(first);
  if (quotes !== undefined && quotes % 2 === 1)
    return {
      problem:
        'has an odd number of double quotes before a # on its first line, which flyctl reads as a comment',
    };
  if (first.endsWith('"""'))
    return { problem: 'has a first line ending in """, which flyctl reads as the end of the value' };
  if (lines.slice(1, -1).some((l) => l.endsWith('"""')))
    return {
      problem: 'has a line ending in """ before its last line, which flyctl reads as the end of the value',
    };
  return { text: `${name}="""${lines.join('\n')}"""` };
}

/**
 * The stdin text for `flyctl secrets import`. Throws a UserError naming the secret (never its value) when
 * flyctl's parser cannot carry a value intact.
 */
export function encodeSecretsImport(pairs: readonly SecretPair[]): string {
  const out: string[] = [];
  for (const pair of pairs) {
    const encoded = encodeOne(pair);
    const problem =
      'problem' in encoded
        ? encoded.problem
        : encoded.text.split('\n').some((l) => Buffer.byteLength(l) > MAX_LINE_BYTES)
          ? 'has a line longer than 64 KiB, where flyctl silently stops reading'
          : parseSecretsImport(`${encoded.text}\n`).get(pair.name) !== pair.value
            ? 'cannot be written in a form flyctl reads back unchanged'
            : undefined;
    if (problem)
      throw new UserError(
        `Input 'secrets': the value of ${pair.name} ${problem}, so it cannot be staged with \`flyctl secrets import\` without being changed (value hidden). Change the value's form (e.g. base64-encode it and decode it in the app), or set this secret outside the action.`,
      );
    out.push((encoded as { text: string }).text);
  }
  return `${out.join('\n')}\n`;
}
