/**
 * The flyctl installer, end to end through fly-validate (flyctl-validate: true, no flyctl on PATH): a
 * release served from 127.0.0.1 the way GitHub serves flyctl's (contract §8), verified by SHA-256.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, runAction } from '../../support/run-action.js';
import { startHttpStub, type HttpStub } from '../../support/http-stub.js';

const os = { linux: 'Linux', darwin: 'macOS' }[process.platform as 'linux'] ?? 'Linux';
const arch = process.arch === 'arm64' ? 'arm64' : 'x86_64';
const asset = (v: string) => `flyctl_${v}_${os}_${arch}.tar.gz`;

/**
 * The released "binary": a launcher for the local Fly stand-in (test/stand-in), so the installed flyctl
 * answers `config validate` as flyctl does (contract §6). It also logs its arguments.
 */
const launcher = (standIn: string) => `#!/bin/sh
echo "$*" >> "$FAKE_FLYCTL_LOG"
exec node "${standIn}" "$@"
`;

let stub: HttpStub;
let archive: Buffer;
let sha: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'flyctl-release-'));
  writeFileSync(join(dir, 'flyctl'), launcher(join(repoRoot, 'test', 'stand-in', 'bin', 'flyctl')));
  chmodSync(join(dir, 'flyctl'), 0o755);
  execFileSync('tar', ['-czf', join(dir, 'release.tar.gz'), '-C', dir, 'flyctl']);
  archive = readFileSync(join(dir, 'release.tar.gz'));
  sha = createHash('sha256').update(archive).digest('hex');
  stub = await startHttpStub();
  const tarball = { headers: { 'content-type': 'application/gzip' } };
  // v0.4.87: a good release with GoReleaser's checksums name.
  stub.on('GET', `/download/v0.4.87/${asset('0.4.87')}`, () => ({ ...tarball, body: archive }));
  stub.on('GET', '/download/v0.4.87/flyctl_0.4.87_checksums.txt', () => ({
    body: `${'0'.repeat(64)}  other.tar.gz\n${sha}  ${asset('0.4.87')}\n`,
  }));
  // v0.2.50: legacy checksums.txt name only.
  stub.on('GET', `/download/v0.2.50/${asset('0.2.50')}`, () => ({ ...tarball, body: archive }));
  stub.on('GET', '/download/v0.2.50/checksums.txt', () => ({ body: `${sha}  ${asset('0.2.50')}\n` }));
  // v0.4.86: the checksum does not match the archive.
  stub.on('GET', `/download/v0.4.86/${asset('0.4.86')}`, () => ({ ...tarball, body: archive }));
  stub.on('GET', '/download/v0.4.86/flyctl_0.4.86_checksums.txt', () => ({
    body: `${'ab'.repeat(32)}  ${asset('0.4.86')}\n`,
  }));
  // v0.4.85: checksums published, asset missing.
  stub.on('GET', '/download/v0.4.85/flyctl_0.4.85_checksums.txt', () => ({
    body: `${sha}  ${asset('0.4.85')}\n`,
  }));
  // The resolve API answers with a download URL, as api.fly.io does.
  stub.on('GET', `/resolve/${os}/${arch}/latest`, () => ({
    body: `https://github.com/superfly/flyctl/releases/download/v0.4.87/${asset('0.4.87')}`,
  }));
});

afterAll(async () => stub.close());

function project(toml = 'app = "x"\nprimary_region = "sin"\n') {
  const dir = mkdtempSync(join(tmpdir(), 'flyctl-install-'));
  writeFileSync(
    join(dir, 'fly.toml'),
    `${toml}[http_service]\n  internal_port = 8080\n  [[http_service.checks]]\n    path = "/health"\n    grace_period = "10s"\n[[vm]]\n  size = "shared-cpu-1x"\n`,
  );
  const log = join(dir, 'flyctl.log');
  writeFileSync(log, '');
  return { dir, log };
}

async function install(version: string, toml?: string) {
  const { dir, log } = project(toml);
  const result = await runAction('fly-validate', {
    cwd: dir,
    inputs: {
      'flyctl-validate': 'true',
      'flyctl-version': version,
      'require-clean-git': 'false',
      'dockerfile-checks': 'false',
      strict: 'true',
    },
    env: {
      FLY_API_TOKEN: 'FlyV1 fm2_installtesttoken',
      FAKE_FLYCTL_LOG: log,
      FLY_STANDIN_STATE: mkdtempSync(join(tmpdir(), 'standin-state-')),
      NUZANTARA_FLYCTL_DOWNLOAD_URL: `${stub.url}/download`,
      NUZANTARA_FLYCTL_RESOLVE_URL: `${stub.url}/resolve`,
    },
  });
  return { result, log: readFileSync(log, 'utf8'), toolCache: join(result.workDir, 'tool-cache') };
}

describe('flyctl installer', () => {
  it('installs a pinned version, verifies it, caches it, adds it to PATH and runs it', async () => {
    const { result, log, toolCache } = await install('0.4.87');
    expect(result.exitCode).toBe(0);
    expect(log).toContain('config validate --config fly.toml --strict');
    const cached = join(toolCache, 'flyctl', '0.4.87', arch === 'x86_64' ? 'x86_64' : 'arm64');
    expect(existsSync(join(cached, 'flyctl'))).toBe(true);
    expect(result.path).toContain(cached);
    expect(result.summary).toMatch(/flyctl config validate \| ✅ passed/);
  });

  it('resolves latest through the resolve API', async () => {
    const { result, toolCache } = await install('latest');
    expect(result.exitCode).toBe(0);
    expect(readdirSync(join(toolCache, 'flyctl'))).toEqual(['0.4.87']);
  });

  it('falls back to the legacy checksums.txt of old releases', async () => {
    const { result } = await install('v0.2.50');
    expect(result.exitCode).toBe(0);
  });

  it('refuses an archive whose checksum does not match, and installs nothing', async () => {
    const { result, log, toolCache } = await install('0.4.86');
    expect(result.exitCode).toBe(1);
    const error = result.annotations.find((a) => a.title === 'tools/flyctl');
    expect(error?.message).toContain(
      `Checksum mismatch for ${asset('0.4.86')}: expected SHA-256 ${'ab'.repeat(32)}, got ${sha}`,
    );
    expect(log).toBe('');
    expect(existsSync(join(toolCache, 'flyctl'))).toBe(false);
  });

  it('reports a missing release asset', async () => {
    const { result } = await install('0.4.85');
    expect(result.exitCode).toBe(1);
    const error = result.annotations.find((a) => a.title === 'tools/flyctl');
    expect(error?.message).toContain(`flyctl 0.4.85 has no release asset ${asset('0.4.85')}`);
    expect(error?.message).toContain('HTTP 404');
  });

  it('refuses a version without published checksums', async () => {
    const { result } = await install('0.4.80');
    expect(result.exitCode).toBe(1);
    expect(result.annotations.find((a) => a.title === 'tools/flyctl')?.message).toContain(
      'refusing to install an unverified binary',
    );
  });

  it('rejects a malformed version', async () => {
    const { result } = await install('0.4');
    expect(result.exitCode).toBe(1);
    expect(result.annotations.find((a) => a.title === 'tools/flyctl')?.message).toContain(
      `Input 'flyctl-version': "0.4" is not a version`,
    );
  });

  it("reports flyctl's own strict validation failure", async () => {
    const { result } = await install('0.4.87', 'app = "x"\nprimary_region = "sin"\nbogus_section = 1\n');
    expect(result.exitCode).toBe(1);
    const error = result.annotations.find((a) => a.title === 'flyctl/config-invalid');
    expect(error?.message).toContain(
      'flyctl config validate failed: Strict validation found unrecognised sections or keys: / - bogus_section / strict validation failed',
    );
  });
});

it('the repository has no flyctl on the harness PATH (so the installer really runs)', () => {
  for (const dir of ['/usr/local/bin', '/usr/bin', '/bin'])
    expect(existsSync(join(dir, 'flyctl'))).toBe(false);
});
