import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runnerContext } from '../../src/host/github.js';

describe('the run context on a runner', () => {
  it('has no run to link to when the runner variables are missing, instead of throwing', () => {
    const context = runnerContext({});
    expect(context.runUrl).toBeUndefined();
    expect(context.repository).toBeUndefined();
    expect(context.apiUrl).toBe('https://api.github.com');
  });

  it("links to this run's page, on GHES too", () => {
    expect(runnerContext({ GITHUB_REPOSITORY: 'nuzantara/example', GITHUB_RUN_ID: '42' }).runUrl).toBe(
      'https://github.com/nuzantara/example/actions/runs/42',
    );
    const ghes = runnerContext({
      GITHUB_SERVER_URL: 'https://ghe.example.com',
      GITHUB_API_URL: 'https://ghe.example.com/api/v3',
      GITHUB_REPOSITORY: 'a/b',
      GITHUB_RUN_ID: '7',
    });
    expect(ghes.runUrl).toBe('https://ghe.example.com/a/b/actions/runs/7');
    expect(ghes.apiUrl).toBe('https://ghe.example.com/api/v3');
    expect(ghes.repository).toEqual({ owner: 'a', repo: 'b' });
  });

  it('reads the pull request from the event payload, and ignores a payload that does not parse', () => {
    const dir = mkdtempSync(join(tmpdir(), 'event-'));
    writeFileSync(
      join(dir, 'pr.json'),
      JSON.stringify({ pull_request: { number: 12, base: { sha: 'abc' } } }),
    );
    writeFileSync(join(dir, 'bad.json'), '{');
    expect(runnerContext({ GITHUB_EVENT_PATH: join(dir, 'pr.json') }).pullRequest).toEqual({
      number: 12,
      baseSha: 'abc',
    });
    expect(runnerContext({ GITHUB_EVENT_PATH: join(dir, 'bad.json') }).pullRequest).toBeUndefined();
    expect(runnerContext({ GITHUB_WORKSPACE: dir, RUNNER_TEMP: '/r' })).toMatchObject({
      workspace: dir,
      tempDir: '/r',
    });
  });
});
