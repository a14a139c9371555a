/**
 * The job-summary Markdown the commands write, rendered for a terminal: headings, aligned tables (or one
 * "column: value" block per row when the table is wider than the screen), call-outs, plain inline text.
 * It understands the subset the commands produce, nothing more.
 */

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  heading(text: string): string;
}

export const plainStyle: Style = { bold: (t) => t, dim: (t) => t, heading: (t) => t };

/** Inline Markdown to text: code spans and emphasis lose their marks, escapes and line breaks resolve. */
export function inlineText(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, ' / ')
    .replace(/<\/?(details|summary|sub|sup|b|i|code)>/gi, '')
    .replace(/``([^`]+)``/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .replace(/\\([\\|`*_[\]<>#])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Splits a table row on unescaped pipes. */
function cells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i] as string;
    if (ch === '\\' && i + 1 < inner.length) {
      current += ch + (inner[i + 1] as string);
      i++;
    } else if (ch === '|') {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map((c) => inlineText(c.trim()));
}

/** Display width: most emoji take two columns. */
const width = (text: string): number => {
  let w = 0;
  for (const ch of text)
    w += /\p{Extended_Pictographic}/u.test(ch) ? 2 : ch === '\u200d' || ch === '\ufe0f' ? 0 : 1;
  return w;
};

const pad = (text: string, to: number) => text + ' '.repeat(Math.max(0, to - width(text)));

/** Splits text into lines of at most `max` columns, at spaces where it can. */
function wrapCell(text: string, max: number): string[] {
  if (width(text) <= max) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    let rest = word;
    while (width(rest) > max) {
      if (line) lines.push(line);
      line = '';
      lines.push(rest.slice(0, max));
      rest = rest.slice(max);
    }
    if (line && width(line) + 1 + width(rest) > max) {
      lines.push(line);
      line = rest;
    } else line = line ? `${line} ${rest}` : rest;
  }
  if (line) lines.push(line);
  return lines;
}

/** Aligned columns; when the table is wider than the screen, the widest columns wrap. */
function renderTable(rows: string[][], columns: number, style: Style): string[] {
  const count = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: count }, (_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  const gap = 2;
  const budget = Math.max(count * 8, columns - gap * (count - 1));
  // Shrink the widest column until the table fits (no column below 8 or its header).
  while (widths.reduce((a, b) => a + b, 0) > budget) {
    const widest = widths.indexOf(Math.max(...widths));
    const floor = Math.max(8, width(rows[0]?.[widest] ?? ''));
    if ((widths[widest] ?? 0) <= floor) break;
    widths[widest] = Math.max(floor, (widths[widest] ?? 0) - 1);
  }
  return rows.flatMap((row, n) => {
    const wrapped = widths.map((w, i) => wrapCell(row[i] ?? '', w));
    const height = Math.max(...wrapped.map((c) => c.length));
    return Array.from({ length: height }, (_, k) => {
      const line = wrapped
        .map((c, i) => pad(c[k] ?? '', widths[i] ?? 0))
        .join(' '.repeat(gap))
        .trimEnd();
      return n === 0 ? style.bold(line) : line;
    });
  });
}

export function renderMarkdown(markdown: string, options: { columns?: number; style?: Style } = {}): string {
  const style = options.style ?? plainStyle;
  const columns = options.columns ?? 100;
  const lines = markdown.split('\n');
  const out: string[] = [];
  let table: string[][] = [];
  let fence: string | undefined;
  const flush = () => {
    if (table.length > 0) out.push(...renderTable(table, columns, style));
    table = [];
  };
  for (const line of lines) {
    if (fence !== undefined) {
      if (line.trim().startsWith(fence)) fence = undefined;
      // Mermaid charts and other fenced blocks are for the web page only.
      continue;
    }
    const trimmed = line.trim();
    if (/^(```|~~~)/.test(trimmed)) {
      flush();
      fence = trimmed.slice(0, 3);
      continue;
    }
    if (trimmed.startsWith('|')) {
      if (/^\|(\s*:?-{3,}:?\s*\|)+$/.test(trimmed)) continue;
      table.push(cells(trimmed));
      continue;
    }
    flush();
    const heading = /^(#{1,6})\s+(.*)$/.exec(trimmed);
    if (heading) {
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
      out.push(style.heading(inlineText(heading[2] as string)));
      continue;
    }
    const callout = /^>\s*\[!(\w+)\]\s*$/.exec(trimmed);
    if (callout) {
      out.push(style.bold(`${(callout[1] as string).toUpperCase()}:`));
      continue;
    }
    if (trimmed.startsWith('<!--') || /^<\/?details>|^<summary>/.test(trimmed)) {
      const summary = /<summary>(.*)<\/summary>/.exec(trimmed);
      if (summary) out.push(inlineText(summary[1] as string));
      continue;
    }
    if (trimmed.startsWith('>')) {
      out.push(`  ${inlineText(trimmed.replace(/^>\s?/, ''))}`);
      continue;
    }
    if (trimmed === '' && out[out.length - 1] === '') continue;
    out.push(inlineText(line));
  }
  flush();
  while (out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
