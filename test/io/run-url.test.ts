import { describe, expect, it } from '@jest/globals';
import { runUrl } from '../../src/io/github-deployments.js';

describe('runUrl', () => {
  it('has no run to link to outside a runner (the terminal tools), instead of throwing', () => {
    expect(runUrl({})).toBeUndefined();
  });

  it("links to this run's page inside a runner, on GHES too", () => {
    expect(runUrl({ GITHUB_REPOSITORY: 'nuzantara/example', GITHUB_RUN_ID: '42' })).toBe(
      'https://github.com/nuzantara/example/actions/runs/42',
    );
    expect(
      runUrl({ GITHUB_SERVER_URL: 'https://ghe.example.com', GITHUB_REPOSITORY: 'a/b', GITHUB_RUN_ID: '7' }),
    ).toBe('https://ghe.example.com/a/b/actions/runs/7');
  });
});
