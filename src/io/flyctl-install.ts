/** Finds flyctl on PATH or installs a verified release into the tool cache (flyctl-contract §8). */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import * as io from '@actions/io';
import { UserError, errorMessage } from '../domain/shared/errors.js';
import {
  DEFAULT_DOWNLOAD_BASE,
  DEFAULT_RESOLVE_BASE,
  VERSION_PATTERN,
  assetName,
  flyctlPlatform,
  normaliseVersion,
  parseChecksums,
  releaseUrls,
  versionFromDownloadUrl,
} from '../domain/flyctl/release-assets.js';

export interface FlyctlInstallOptions {
  /** `latest` or `x.y.z`. */
  version: string;
  /** Use a flyctl already on PATH. Default: only when `version` is latest; a pinned version is always installed. */
  preferPath?: boolean;
  /** Release downloads (default GitHub's); a mirror or a test stub. */
  downloadBase?: string;
  /** The version resolve API (default Fly's). */
  resolveBase?: string;
  platform?: string;
  arch?: string;
  /** How long a socket may stay idle before a request gives up (default 30s). */
  socketTimeoutMs?: number;
}

export interface FlyctlLocation {
  path: string;
  /** The directory to put on PATH for later steps (undefined when flyctl was already on PATH). */
  binDir: string | undefined;
  version: string | undefined;
  source: 'path' | 'cache' | 'download';
}

// A socket idle this long ends the request ("Request timeout: <path>"); the release download through
// tool-cache has http-client's own 3-minute idle limit.
// tool-cache and http-client (with undici, for proxies) load only when an install is needed: a run that
// finds flyctl on PATH never pays for them.
const http = async (socketTimeout = 30_000) => {
  const { HttpClient } = await import('@actions/http-client');
  return new HttpClient('nuzantara-actions', [], { allowRetries: true, maxRetries: 3, socketTimeout });
};
const toolCache = () => import('@actions/tool-cache');

async function findFlyctlOnPath(): Promise<string | undefined> {
  const found = await io.which('flyctl', false);
  return found || undefined;
}

async function resolveVersion(
  version: string,
  resolveBase: string,
  os: string,
  arch: string,
  socketTimeoutMs?: number,
): Promise<string> {
  const wanted = normaliseVersion(version);
  if (wanted !== 'latest') {
    if (!VERSION_PATTERN.test(wanted)) {
      throw new UserError(
        `Input 'flyctl-version': "${version}" is not a version. Use latest or x.y.z, e.g. 0.4.87.`,
      );
    }
    return wanted;
  }
  const url = `${resolveBase.replace(/\/+$/, '')}/${os}/${arch}/latest`;
  let body: string;
  try {
    const response = await (await http(socketTimeoutMs)).get(url);
    body = (await response.readBody()).trim();
    if ((response.message.statusCode ?? 0) >= 400)
      throw new Error(`HTTP ${response.message.statusCode}: ${body.slice(0, 200)}`);
  } catch (error) {
    throw new UserError(
      `Could not resolve the latest flyctl version from ${url}: ${errorMessage(error)}. Pin a version with flyctl-version: x.y.z.`,
    );
  }
  const resolved = versionFromDownloadUrl(body);
  if (!resolved)
    throw new UserError(
      `The flyctl resolve API at ${url} returned no versioned download URL. Pin a version with flyctl-version: x.y.z.`,
    );
  return resolved;
}

async function fetchText(url: string, socketTimeoutMs?: number): Promise<{ status: number; body: string }> {
  const response = await (await http(socketTimeoutMs)).get(url);
  return { status: response.message.statusCode ?? 0, body: await response.readBody() };
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Uses flyctl from PATH for `latest` (setup-flyctl's default), else installs the version asked for and verifies it. */
export async function locateOrInstallFlyctl(options: FlyctlInstallOptions): Promise<FlyctlLocation> {
  if (options.preferPath ?? normaliseVersion(options.version) === 'latest') {
    const onPath = await findFlyctlOnPath();
    if (onPath) return { path: onPath, binDir: undefined, version: undefined, source: 'path' };
  }
  const platform = flyctlPlatform(options.platform ?? process.platform, options.arch ?? process.arch);
  const version = await resolveVersion(
    options.version,
    options.resolveBase || DEFAULT_RESOLVE_BASE,
    platform.os,
    platform.arch,
    options.socketTimeoutMs,
  );
  const binary = platform.os === 'Windows' ? 'flyctl.exe' : 'flyctl';

  const tc = await toolCache();
  const cached = tc.find('flyctl', version, platform.arch);
  if (cached) return { path: join(cached, binary), binDir: cached, version, source: 'cache' };

  const urls = releaseUrls(options.downloadBase || DEFAULT_DOWNLOAD_BASE, version, platform);
  let checksums: Map<string, string> | undefined;
  for (const url of urls.checksums) {
    const { status, body } = await fetchText(url, options.socketTimeoutMs).catch((error: unknown) => {
      throw new UserError(`Could not download flyctl checksums from ${url}: ${errorMessage(error)}.`);
    });
    if (status === 404) continue;
    if (status >= 400)
      throw new UserError(`Could not download flyctl checksums from ${url}: HTTP ${status}.`);
    checksums = parseChecksums(body);
    break;
  }
  const name = assetName(version, platform);
  const expected = checksums?.get(name);
  if (!expected) {
    throw new UserError(
      `flyctl ${version} publishes no SHA-256 checksum for ${name} (looked in ${urls.checksums.join(' and ')}); refusing to install an unverified binary. Pick another version, e.g. latest.`,
    );
  }

  let archive: string;
  try {
    archive = await tc.downloadTool(urls.asset);
  } catch (error) {
    const status = (error as { httpStatusCode?: number }).httpStatusCode;
    throw new UserError(
      status === 404
        ? `flyctl ${version} has no release asset ${name} at ${urls.asset} (HTTP 404). Check the version on flyctl's releases page, or use latest.`
        : `Could not download ${urls.asset}: ${errorMessage(error)}.`,
    );
  }
  const actual = await sha256(archive);
  if (actual !== expected) {
    throw new UserError(
      `Checksum mismatch for ${name}: expected SHA-256 ${expected}, got ${actual}. The download is corrupt or tampered with; nothing was installed.`,
    );
  }
  const extracted = platform.ext === 'zip' ? await tc.extractZip(archive) : await tc.extractTar(archive);
  if (platform.os !== 'Windows') await chmod(join(extracted, binary), 0o755);
  const dir = await tc.cacheDir(extracted, 'flyctl', version, platform.arch);
  return { path: join(dir, binary), binDir: dir, version, source: 'download' };
}
