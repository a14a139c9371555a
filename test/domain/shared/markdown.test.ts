/** Text from outside cannot break out of the Markdown the actions write (summaries, PR comments). */
import { describe, expect, it } from '@jest/globals';
import { code, escapeCell, escapeInline, escapeText, table } from '../../../src/domain/shared/markdown.js';

/** The cells GitHub would split a table row into: unescaped pipes only. */
const cellsOf = (row: string): string[] => {
  const inner = row.trim().slice(1, -1);
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
};

describe('code()', () => {
  it.each([
    ['plain', '`plain`'],
    ['a`b', '``a`b``'],
    ['a``b```c', '````a``b```c````'],
    ['`starts', '`` `starts ``'],
    ['ends`', '`` ends` ``'],
    [' both ', '`  both  `'],
    ['two\nlines\r\nand\rmore', '`two lines and more`'],
    ['', '` `'],
  ])('%j → %s', (text, expected) => {
    expect(code(text)).toBe(expected);
  });

  it('the fence is longer than any run of backticks inside, so nothing inside closes it', () => {
    const hostile = 'x` <img src=x onerror=alert(1)> ``` @octocat';
    const span = code(hostile);
    const fence = /^`+/.exec(span)?.[0] ?? '';
    expect(fence.length).toBe(4);
    expect(span.slice(fence.length, -fence.length)).not.toContain(fence);
  });
});

describe('escapeText()', () => {
  it('shows plain text as it is: Markdown, HTML and mentions are inert, a line break stays in its line', () => {
    expect(escapeText('**bold** _x_ [link](https://e) `tick` # h | pipe')).toBe(
      '\\*\\*bold\\*\\* \\_x\\_ \\[link\\](https://e) \\`tick\\` \\# h \\| pipe',
    );
    expect(escapeText('<!-- coverage-gate:x --> <script>&amp;')).toBe(
      '&lt;!-- coverage-gate:x --&gt; &lt;script&gt;&amp;amp;',
    );
    expect(escapeText('ping @octocat and @nuzantara/team')).toBe(
      'ping @\u200doctocat and @\u200dnuzantara/team',
    );
    expect(escapeText('a\n# heading\r\n---\u0000')).toBe('a<br>\\# heading<br>---');
  });
});

describe('escapeInline() and escapeCell()', () => {
  it('keep code spans, make HTML and mentions inert outside them, and do nothing more the second time', () => {
    const md = `file ${code('a|b<c>.ts')} by @someone <b>x</b>`;
    expect(escapeInline(md)).toBe('file `a|b<c>.ts` by @\u200dsomeone &lt;b&gt;x&lt;/b&gt;');
    expect(escapeCell(md)).toBe('file `a\\|b<c>.ts` by @\u200dsomeone &lt;b&gt;x&lt;/b&gt;');
    for (const text of ['x <y> & z | @me', 'a\nb', '`c|d` e']) {
      const once = escapeCell(escapeText(text));
      expect(escapeCell(once)).toBe(once);
      expect(escapeInline(escapeInline(text))).toBe(escapeInline(text));
    }
  });
});

describe('table()', () => {
  it('keeps every row one line with its columns, whatever the cells hold', () => {
    const hostile = [
      'a | b',
      'two\nlines',
      `${code('x|y`z')}`,
      '\\|',
      escapeText('back\\slash | pipe'),
      '<details><summary>x</summary>',
      '@octocat',
    ];
    const rendered = table(
      ['one', 'two'],
      hostile.map((h) => [h, 'end']),
    );
    const lines = rendered.split('\n');
    expect(lines).toHaveLength(2 + hostile.length);
    for (const line of lines.slice(2)) {
      expect(cellsOf(line)).toHaveLength(2);
      expect(cellsOf(line)[1]).toBe('end');
    }
    expect(rendered).not.toMatch(/<details>|@octocat/);
  });
});
