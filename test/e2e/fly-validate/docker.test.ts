/**
 * docker-build: skipped (and said so) without a Docker engine; with one, each config's Dockerfile is built
 * with the app directory as context, whether or not the policy checks run, and a failed build is a finding.
 * The engine here is a stand-in `docker` that answers `info` and fails `build` like BuildKit does.
 */
import { describe, expect, it } from '@jest/globals';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, runAction } from '../../support/run-action.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'fly-validate');

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'fly-validate-docker-'));
  mkdirSync(join(dir, 'apps', 'rag'), { recursive: true });
  writeFileSync(join(dir, 'apps', 'rag', 'fly.toml'), readFileSync(join(fixtures, 'base.toml'), 'utf8'));
  writeFileSync(join(dir, 'apps', 'rag', 'Dockerfile'), readFileSync(join(fixtures, 'Dockerfile'), 'utf8'));
  return dir;
}

function fakeDocker(engine: boolean) {
  const bin = mkdtempSync(join(tmpdir(), 'fake-docker-'));
  const log = join(bin, 'calls.log');
  writeFileSync(
    join(bin, 'docker'),
    `#!/bin/sh
echo "$*" >> "${log}"
case "$1" in
  info) ${engine ? 'echo 28.2.2; exit 0' : 'echo "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?" >&2; exit 1'} ;;
  build) echo '#6 ERROR: process "/bin/sh -c python -m venv /venv" did not complete successfully: exit code: 1' >&2; exit 1 ;;
esac
`,
  );
  chmodSync(join(bin, 'docker'), 0o755);
  return { bin, log };
}

describe('fly-validate docker-build', () => {
  it('is skipped, and says why, when no Docker engine answers', async () => {
    const docker = fakeDocker(false);
    const result = await runAction('fly-validate', {
      cwd: workspace(),
      path: [docker.bin],
      inputs: { config: 'apps/rag/fly.toml', 'docker-build': 'true', 'require-clean-git': 'false' },
    });
    expect(result.exitCode).toBe(0);
    expect(result.annotations).toContainEqual(
      expect.objectContaining({
        level: 'notice',
        message: 'Docker build skipped: no Docker engine is reachable (docker info failed).',
      }),
    );
    expect(result.summary).toMatch(/Docker build \| ⏭️ skipped \| no Docker engine is reachable/);
    expect(readFileSync(docker.log, 'utf8')).not.toContain('build');
  });

  it('builds from the app directory even with the policy checks off, and reports a failed build', async () => {
    const docker = fakeDocker(true);
    const dir = workspace();
    const result = await runAction('fly-validate', {
      cwd: dir,
      path: [docker.bin],
      inputs: {
        config: 'apps/rag/fly.toml',
        'docker-build': 'true',
        'dockerfile-checks': 'false',
        'require-clean-git': 'false',
      },
    });
    expect(result.exitCode).toBe(1);
    expect(readFileSync(docker.log, 'utf8')).toContain(
      `build --file ${join(dir, 'apps/rag/Dockerfile')} --progress plain ${join(dir, 'apps/rag')}`,
    );
    const error = result.annotations.find((a) => a.title === 'docker/build-failed');
    expect(error?.file).toBe('apps/rag/Dockerfile');
    expect(error?.message).toContain('did not complete successfully: exit code: 1');
    expect(result.summary).toMatch(/Dockerfile policy \| ⏭️ skipped/);
  });
});
