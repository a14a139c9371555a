/** The runner-command stand-in follows actions/runner's parser (ActionCommand.cs, ActionCommandManager.cs). */
import { describe, expect, it } from '@jest/globals';
import { runnerAnnotations, runnerCommands } from './runner-commands.js';

describe('the runner-command stand-in', () => {
  it('reads ::name props::data after leading whitespace, names in any case, data unescaped', () => {
    expect(
      runnerCommands('::error file=a.ts,line=3::bad%0Athing\n  ::WARNING::w\nplain ::error::not at start'),
    ).toEqual([
      {
        command: 'error',
        properties: { file: 'a.ts', line: '3' },
        data: 'bad\nthing',
        line: '::error file=a.ts,line=3::bad%0Athing',
      },
      { command: 'warning', properties: {}, data: 'w', line: '  ::WARNING::w' },
    ]);
  });

  it('reads the legacy ##[name]data anywhere in a line', () => {
    expect(runnerCommands('output then ##[error]boom').map((c) => [c.command, c.data])).toEqual([
      ['error', 'boom'],
    ]);
    expect(runnerCommands('##[set-output name=x;]y')[0]?.properties).toEqual({ name: 'x' });
  });

  it('splits lines at \\n, \\r\\n and a lone \\r, and skips zero-width characters as .NET comparisons do', () => {
    expect(
      runnerAnnotations('progress\r::error::a\r\n\u200b::warning::b\n#\u200d#[notice]c').map((c) => c.data),
    ).toEqual(['a', 'b', 'c']);
  });

  it('ignores unregistered names and everything between stop-commands and its token', () => {
    expect(
      runnerCommands('::nonsense::x\n::stop-commands::tok42\n::error::hidden\n::tok42::\n::error::seen').map(
        (c) => c.data,
      ),
    ).toEqual(['seen']);
  });
});
