/** Installing flyctl when the version resolve API accepts and never answers: the wait ends with the story. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { locateOrInstallFlyctl } from '../../src/io/flyctl-install.js';
import { startSilentServer, type SilentServer } from '../e2e/hostile/silent-server.js';

let silent: SilentServer;
beforeAll(async () => {
  silent = await startSilentServer();
});
afterAll(() => silent.close());

describe('locateOrInstallFlyctl', () => {
  it('gives up on a silent resolve API after its socket time limit and says what to do', async () => {
    const error = await locateOrInstallFlyctl({
      version: 'latest',
      preferPath: false,
      resolveBase: `${silent.url}/app/flyctl_releases`,
      // The 30s default, shortened: the story is the same.
      socketTimeoutMs: 1_000,
    }).catch((e: unknown) => e);
    expect(String(error)).toMatch(
      /Could not resolve the latest flyctl version from .*: Request timeout: .*\. Pin a version with flyctl-version: x\.y\.z\./,
    );
    expect(silent.hits).toHaveLength(1);
    expect(silent.hits[0]).toMatch(/^GET \/app\/flyctl_releases\/\w+\/\w+\/latest$/);
  }, 20_000);
});
