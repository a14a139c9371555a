/**
 * The runner host: nothing it prints that it did not write itself can act as a workflow command, and what
 * it has masked is redacted from the summary file (the runner masks the log, not files).
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defuseCommands, defuseLine, githubHost } from '../../src/host/github.js';
import { runnerAnnotations, runnerCommands } from '../e2e/hostile/runner-commands.js';

let written = '';
let spy: ReturnType<typeof jest.spyOn>;
beforeEach(() => {
  written = '';
  spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    written += String(chunk);
    return true;
  });
});
afterEach(() => spy.mockRestore());

const HOSTILE = [
  'x\n::error::pwned-v2',
  'x\r::error::pwned-cr',
  'x\r\n  ::warning title=t::pwned-indented',
  'x\n\u200b::error::pwned-zero-width',
  'text ##[error]pwned-v1',
  '#\u200d#[notice]pwned-v1-zero-width',
  'x\n::add-mask::pwned-mask',
  'x\n::stop-commands::tok\n::error::after-stop',
  '::set-env name=NODE_OPTIONS::--require /tmp/pwn.js',
];

describe('defuseLine', () => {
  it.each(HOSTILE)('leaves no command in %j', (text) => {
    expect(runnerCommands(defuseCommands(text))).toEqual([]);
    // The text stays readable.
    expect(defuseCommands(text)).toMatch(/pwned|after-stop|NODE_OPTIONS/);
  });

  it('changes nothing else', () => {
    for (const line of [
      'Watch your deployment at https://fly.io/apps/demo/monitoring',
      'a :: b',
      '  # heading',
      'ratio 1::2',
    ])
      expect(defuseLine(line)).toBe(line);
    expect(defuseLine('::error::x')).toBe(': :error::x');
    expect(defuseLine('a ##[b]')).toBe('a # #[b]');
  });
});

describe('githubHost', () => {
  it('an echoed input or a streamed program line cannot create an annotation; its own annotations stay', () => {
    const host = githubHost();
    for (const text of HOSTILE) host.info(`title: ${text}`);
    host.progress(`waiting for ${HOSTILE[0]}`).done(HOSTILE[4]);
    // flyctl output, split across chunks in the middle of a command.
    host.stream('Deploying\n:');
    host.stream(':error::pwned-split\n##');
    host.stream('[warning]pwned-split-v1\r');
    host.stream('\n::notice::pwned-open-line');
    host.warning('a real warning', { file: 'fly.toml', line: 3 });
    host.stream('tail without newline ::');
    host.close();
    const annotations = runnerAnnotations(written);
    expect(annotations.map((a) => [a.command, a.data])).toEqual([['warning', 'fly.toml:3 a real warning']]);
    expect(runnerCommands(written).filter((c) => c.command !== 'warning')).toEqual([]);
    expect(written).toContain('pwned-split');
  });

  it('a mask after a streamed line that is still open starts on its own line, so the runner sees it', () => {
    const host = githubHost();
    host.stream('half a line');
    host.mask('zz-secret-value');
    expect(runnerCommands(written).map((c) => [c.command, c.data])).toEqual([
      ['add-mask', 'zz-secret-value'],
    ]);
  });

  it('redacts every masked value (and each line of a multi-line one) from the summary and from redact()', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'summary-'));
    const file = join(dir, 'summary.md');
    writeFileSync(file, '');
    const before = process.env.GITHUB_STEP_SUMMARY;
    process.env.GITHUB_STEP_SUMMARY = file;
    try {
      const host = githubHost();
      host.mask('https://admin:zzpass1@example.com/health');
      host.mask('-----BEGIN KEY-----\nzzkeyline\n-----END KEY-----');
      const text = 'probe https://admin:zzpass1@example.com/health answered: zzkeyline';
      expect(host.redact(text)).toBe('probe *** answered: ***');
      await host.summary(`| url | ${text} |`);
      expect(readFileSync(file, 'utf8')).not.toMatch(/zzpass1|zzkeyline/);
    } finally {
      if (before === undefined) delete process.env.GITHUB_STEP_SUMMARY;
      else process.env.GITHUB_STEP_SUMMARY = before;
    }
  });
});
