/** scripts/deployment/deploy.mjs runs the same bundle from a terminal (here against the local stand-in). */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../harness/run-action.js';
import { createStandIn, type StandIn } from '../stand-in/fly.js';
import { startHttpStub } from '../stubs/http-stub.js';

let fly: StandIn;
beforeAll(async () => {
  fly = await createStandIn({ timeScale: 0.02 });
  await fly.image('registry.fly.io/term:good', 'healthy');
  await fly.image('registry.fly.io/term:next', 'healthy');
  await fly.app('term', { image: 'registry.fly.io/term:good', machines: 1 });
});
afterAll(async () => fly?.stop());

describe('scripts/deployment/deploy.mjs', () => {
  it('deploys, checks health and prints the outputs, with no runner around it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'terminal-deploy-'));
    writeFileSync(
      join(dir, 'fly.toml'),
      'app = "term"\nprimary_region = "sin"\n[http_service]\n  internal_port = 8080\n',
    );
    const url = await fly.url('term');
    const hook = await startHttpStub();
    hook.on('POST', '/hook', () => ({ body: 'ok' }));
    const env: NodeJS.ProcessEnv = { ...fly.env, PATH: `${fly.binDir}:${process.env.PATH}` };
    delete env.GITHUB_REPOSITORY;
    delete env.GITHUB_RUN_ID;
    // Asynchronous: the webhook stub lives in this process and must keep answering.
    const run = await promisify(execFile)(
      process.execPath,
      [
        join(repoRoot, 'scripts/deployment/deploy.mjs'),
        ...['--app', 'term', '--image', 'registry.fly.io/term:next', '--health-url', `${url}/health`],
        ...['--notify-webhook', `${hook.url}/hook`, '--notify-on', 'always'],
      ],
      { cwd: dir, env, encoding: 'utf8', timeout: 60_000 },
    );
    await hook.close();
    expect(run.stdout).not.toContain('Unexpected error');
    expect(run.stdout).toContain('release-version = 2');
    expect(run.stdout).toContain('healthy = true');
    // The chat message is sent, without a workflow-run link: there is no run outside a runner.
    const text = (hook.requests[0]?.json as { text: string }).text;
    expect(text).toContain('*term* deploy');
    expect(text).not.toContain('workflow run');
  });
});
