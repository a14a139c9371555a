import { UserError } from '../shared/errors.js';

/** Where flyctl releases live and how they are named (flyctl-contract §8). */

export const DEFAULT_DOWNLOAD_BASE = 'https://github.com/superfly/flyctl/releases/download';
export const DEFAULT_RESOLVE_BASE = 'https://api.fly.io/app/flyctl_releases';

export interface FlyctlPlatform {
  os: 'Linux' | 'macOS' | 'Windows';
  arch: 'x86_64' | 'arm64';
  ext: 'tar.gz' | 'zip';
}

export function flyctlPlatform(platform: string, arch: string): FlyctlPlatform {
  const os = ({ linux: 'Linux', darwin: 'macOS', win32: 'Windows' } as const)[
    platform as 'linux' | 'darwin' | 'win32'
  ];
  const cpu = ({ x64: 'x86_64', arm64: 'arm64' } as const)[arch as 'x64' | 'arm64'];
  if (!os || !cpu)
    throw new UserError(
      `flyctl has no release for ${platform}/${arch}; it ships Linux, macOS and Windows on x64 and arm64`,
    );
  return { os, arch: cpu, ext: os === 'Windows' ? 'zip' : 'tar.gz' };
}

export const VERSION_PATTERN = /^\d+\.\d+\.\d+$/;

export function normaliseVersion(version: string): string {
  return version.trim().replace(/^v/, '');
}

/** The version in a download URL returned by the resolve API, as setup-flyctl extracts it. */
export function versionFromDownloadUrl(url: string): string | undefined {
  return (
    /superfly\/flyctl\/releases\/download\/v(\d+\.\d+\.\d+)/.exec(url)?.[1] ??
    /\/v(\d+\.\d+\.\d+)\//.exec(url)?.[1]
  );
}

export function assetName(version: string, p: FlyctlPlatform): string {
  return `flyctl_${version}_${p.os}_${p.arch}.${p.ext}`;
}

export function releaseUrls(base: string, version: string, p: FlyctlPlatform) {
  const dir = `${base.replace(/\/+$/, '')}/v${version}`;
  return {
    asset: `${dir}/${assetName(version, p)}`,
    // GoReleaser's default name first; releases up to v0.2.72 used the legacy name.
    checksums: [`${dir}/flyctl_${version}_checksums.txt`, `${dir}/checksums.txt`],
  };
}

/** `<sha256>  <file>` lines, as GoReleaser writes them. */
export function parseChecksums(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^([0-9a-fA-F]{64})\s+\*?(\S+)\s*$/.exec(line.trim());
    if (match) sums.set(match[2] as string, (match[1] as string).toLowerCase());
  }
  return sums;
}
