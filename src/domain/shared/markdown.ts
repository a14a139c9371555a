/**
 * Small Markdown builders for job summaries and comments. Text from outside (file names, rule messages,
 * flyctl's output, input values, response excerpts) cannot break out: no table row broken by a pipe or a
 * line break, no raw HTML (an HTML comment could pose as the sticky comment's marker), no code span closed
 * early by backticks, and no `@mention` that would notify someone.
 */

/** GitHub notifies `@name`: a zero-width joiner after the `@` keeps the text and stops the mention. */
const breakMentions = (text: string): string => text.replace(/@(?=[A-Za-z0-9])/g, '@\u200d');

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

const escapeHtml = (text: string): string => text.replace(/[&<>]/g, (c) => HTML_ESCAPES[c] as string);

/** Like escapeHtml, but entities and the `<br>` this module writes are kept, so escaping twice changes nothing. */
const escapeHtmlOnce = (text: string): string =>
  text.replace(/<br>|&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);|[&<>]/gi, (m) => HTML_ESCAPES[m] ?? m);

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LINE_BREAK = /\r\n|\r|\n/g;

/** A pipe not already escaped by an odd number of backslashes. */
const escapePipes = (text: string): string => text.replace(/(^|[^\\])((?:\\\\)*)\|/g, '$1$2\\|');

/** Splits Markdown into code spans (CommonMark: a run of N backticks closed by a run of exactly N) and the rest. */
function segments(markdown: string): { code: boolean; text: string }[] {
  const parts: { code: boolean; text: string }[] = [];
  let rest = 0;
  let i = 0;
  while (i < markdown.length) {
    if (markdown[i] !== '`' || (i > 0 && markdown[i - 1] === '\\')) {
      i++;
      continue;
    }
    let run = i;
    while (markdown[run] === '`') run++;
    const fence = markdown.slice(i, run);
    let close = markdown.indexOf(fence, run);
    while (close >= 0 && (markdown[close + fence.length] === '`' || markdown[close - 1] === '`'))
      close = markdown.indexOf(fence, close + 1);
    if (close < 0) {
      i = run;
      continue;
    }
    if (i > rest) parts.push({ code: false, text: markdown.slice(rest, i) });
    parts.push({ code: true, text: markdown.slice(i, close + fence.length) });
    i = rest = close + fence.length;
  }
  if (rest < markdown.length) parts.push({ code: false, text: markdown.slice(rest) });
  return parts;
}

/**
 * Inline Markdown made safe to embed: code spans are kept (a line break in one becomes a space); outside
 * them HTML is shown as text, mentions are broken and line breaks become `<br>`. For text that is Markdown
 * already (it holds `code()` spans or escapeText's output: applying it again changes nothing); plain text
 * goes through escapeText.
 */
export function escapeInline(markdown: string, options: { pipes?: boolean } = {}): string {
  return segments(markdown.replace(CONTROLS, ''))
    .map(({ code, text }) => {
      const safe = code
        ? text.replace(LINE_BREAK, ' ')
        : breakMentions(escapeHtmlOnce(text)).replace(LINE_BREAK, '<br>');
      return options.pipes ? escapePipes(safe) : safe;
    })
    .join('');
}

/** A table cell: escapeInline, and pipes escaped too (GitHub reads `\|` as a pipe even inside a code span). */
export function escapeCell(markdown: string): string {
  return escapeInline(markdown, { pipes: true });
}

/** Plain text as Markdown that shows exactly that text: every character Markdown would read is escaped. */
export function escapeText(text: string): string {
  const escaped = text.replace(CONTROLS, '').replace(/[\\`*_[\]#|]/g, (c) => `\\${c}`);
  return breakMentions(escapeHtml(escaped)).replace(LINE_BREAK, '<br>');
}

export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = `| ${headers.map(escapeCell).join(' | ')} |`;
  const rule = `| ${headers.map(() => '---').join(' | ')} |`;
  const body = rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}

/**
 * Text as an inline code span that nothing inside can close: the fence is one backtick longer than the
 * longest run inside, padded when the text starts or ends with a backtick or a space. A code span cannot
 * hold a line break, so those become spaces; HTML and mentions inside a code span are inert.
 */
export function code(text: string): string {
  const flat = text.replace(CONTROLS, '').replace(LINE_BREAK, ' ');
  if (flat === '') return '` `';
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(flat) && flat.trim() !== '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
