import { describe, expect, it } from '@jest/globals';
import { inlineText, renderMarkdown } from '../../src/cli/render-markdown.js';
import { table } from '../../src/domain/shared/markdown.js';

describe('the job summary for a terminal', () => {
  it('aligns tables, drops the rule line and unescapes cells', () => {
    const md = [
      '## Title',
      '',
      table(
        ['a', 'bee'],
        [
          ['x|y', '`z`'],
          ['long value', 'q'],
        ],
      ),
    ].join('\n');
    expect(renderMarkdown(md)).toBe(
      ['Title', '', 'a           bee', 'x|y         z', 'long value  q'].join('\n'),
    );
  });

  it('wraps the widest column when the table is wider than the screen', () => {
    const md = table(['name', 'detail'], [['one', 'word '.repeat(20).trim()]]);
    const lines = renderMarkdown(md, { columns: 40 }).split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(40);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toContain('word word word');
  });

  it('turns call-outs into labels and leaves fenced charts out', () => {
    const md = ['> [!WARNING]', '> careful', '', '```mermaid', 'xychart-beta', '```', 'after'].join('\n');
    expect(renderMarkdown(md)).toBe(['WARNING:', '  careful', '', 'after'].join('\n'));
  });

  it('strips inline marks', () => {
    expect(inlineText('a `b` **c** [d](https://e) x<br>y \\| z')).toBe('a b c d (https://e) x / y | z');
  });
});
