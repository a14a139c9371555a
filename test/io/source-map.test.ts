/** Unexpected errors' stacks through the bundles' source maps: frames name src/…ts, not minified columns. */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runAction } from '../../src/host/github.js';
import { readableStack } from '../../src/io/source-map.js';
import { repoRoot } from '../support/run-action.js';

/** The 1-based line and column of `text` in a file. */
function positionOf(file: string, text: string): { line: number; column: number } {
  const code = readFileSync(file, 'utf8');
  const at = code.indexOf(text);
  expect(at).toBeGreaterThan(0);
  const before = code.slice(0, at).split('\n');
  return { line: before.length, column: (before.at(-1) as string).length + 1 };
}

const bundle = join(repoRoot, 'dist', 'cli', 'index.js');

describe('readableStack', () => {
  it('maps a frame in a bundle to the TypeScript source it came from', () => {
    const { line, column } = positionOf(bundle, 'Run again with --debug to see where it happened');
    const stack = `Error: boom\n    at runVerb (${bundle}:${line}:${column})\n    at node:internal/x:1:2`;
    const readable = readableStack(stack);
    expect(readable).toMatch(/^Error: boom\n {4}at runVerb \(src\/cli\/run\.ts:\d+:\d+\)\n/);
    expect(readable).toContain('at node:internal/x:1:2');
  });

  it('reads file: URLs as ESM stacks print them', () => {
    const { line, column } = positionOf(bundle, 'Run again with --debug to see where it happened');
    expect(readableStack(`at ${pathToFileURL(bundle).href}:${line}:${column}`)).toMatch(
      /^at src\/cli\/run\.ts:\d+:\d+$/,
    );
  });

  it('leaves frames without a map, or with an unreadable one, as they are', () => {
    const dir = mkdtempSync(join(tmpdir(), 'source-map-'));
    writeFileSync(join(dir, 'broken.js'), 'x');
    writeFileSync(join(dir, 'broken.js.map'), '{not json');
    const stack = `at a (${dir}/plain.js:1:5)\nat b (${dir}/broken.js:1:1)`;
    expect(readableStack(stack)).toBe(stack);
  });

  it('ships maps without the sources, for every bundle file', () => {
    const map = JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as Record<string, unknown>;
    expect(map.sourcesContent).toBeUndefined();
    expect(map.sources).toEqual(expect.arrayContaining([expect.stringMatching(/src\/cli\/run\.ts$/)]));
  });
});

describe('an unexpected error on the runner', () => {
  let written = '';
  let spy: ReturnType<typeof jest.spyOn>;
  beforeEach(() => {
    written = '';
    process.exitCode = undefined;
    spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
      written += String(chunk);
      return true;
    });
  });
  afterEach(() => {
    spy.mockRestore();
    process.exitCode = undefined;
  });

  it('fails the step saying how to see more, with the stack through the maps behind debug logging', async () => {
    const { line, column } = positionOf(bundle, 'Run again with --debug to see where it happened');
    await runAction(async () => {
      const error = new TypeError("Cannot read properties of undefined (reading 'x')");
      error.stack = `TypeError: boom\n    at f (${bundle}:${line}:${column})`;
      throw error;
    });
    expect(written).toContain(
      "::error::Unexpected error: Cannot read properties of undefined (reading 'x'). To see more, re-run the job with debug logging enabled (ACTIONS_STEP_DEBUG).",
    );
    expect(written).toMatch(/::debug::TypeError: boom%0A {4}at f \(src\/cli\/run\.ts:\d+:\d+\)/);
    expect(process.exitCode).toBe(1);
  });
});
