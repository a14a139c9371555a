/** flyctl for a verb: the token as flyctl reads it (every part masked), and flyctl itself, found or installed. */
import { resolve } from 'node:path';
import { predatesReleaseJson } from '../domain/flyctl/deploy-args.js';
import {
  describeTokenProblem,
  resolveFlyToken,
  tokenSecrets,
  type FlyTokenState,
} from '../domain/flyctl/token.js';
import { UserError, errorMessage } from '../domain/shared/errors.js';
import type { Host } from '../host/host.js';
import { FlyctlClient } from '../io/flyctl.js';
import { locateOrInstallFlyctl, type FlyctlLocation } from '../io/flyctl-install.js';
import { checkPaths } from '../io/paths.js';

/**
 * Reads the Fly token the way flyctl does (contract §9) and masks it whole and in every part. `secrets`
 * lists what was masked, for redacting text that leaves the host's masking (report files).
 */
export function readFlyToken(host: Host): FlyTokenState & { secrets: string[] } {
  const env = host.context.env;
  const secrets = ['FLY_ACCESS_TOKEN', 'FLY_API_TOKEN'].flatMap((name) => {
    const value = env[name];
    return value ? tokenSecrets(value) : [];
  });
  for (const secret of secrets) host.mask(secret);
  return { ...resolveFlyToken(env), secrets };
}

/** flyctl for this verb and, like setup-flyctl, on PATH for the job's later steps. */
export async function setupFlyctl(host: Host, version: string): Promise<FlyctlLocation> {
  const env = host.context.env;
  const location = await locateOrInstallFlyctl({
    version,
    downloadBase: env.NUZANTARA_FLYCTL_DOWNLOAD_URL,
    resolveBase: env.NUZANTARA_FLYCTL_RESOLVE_URL,
  });
  if (location.binDir) host.addPath(location.binDir);
  if (location.source !== 'path')
    host.info(
      `flyctl ${location.version} ${location.source === 'cache' ? 'from the tool cache' : 'installed (SHA-256 verified)'}: ${location.path}`,
    );
  return location;
}

/** The flyctl client, its retries told to the log and a deploy's output streamed through the host. */
export function flyctlClient(host: Host, path: string, cwd: string): FlyctlClient {
  return new FlyctlClient({
    path,
    cwd,
    log: (line) => host.info(line),
    onOutput: (chunk) => host.stream(chunk),
  });
}

/** The flyctl version in the log helps explain behaviour; FLY_EMIT_RELEASE_JSON needs 0.4.56 or later. */
export async function logFlyctlVersion(host: Host, client: FlyctlClient, path: string): Promise<void> {
  try {
    const { version } = await client.version();
    host.info(`flyctl ${version} (${path})`);
    if (predatesReleaseJson(version))
      host.info(
        `flyctl ${version} predates FLY_EMIT_RELEASE_JSON (0.4.56): the new release is read from flyctl status.`,
      );
  } catch (error) {
    host.info(`flyctl version unknown (${errorMessage(error)})`);
  }
}

/** working-directory must be a directory and config (relative to it), when given, a fly.toml. */
export async function checkAppPaths(workingDirectory: string, config: string | undefined): Promise<void> {
  await checkPaths([
    { input: 'working-directory', path: workingDirectory, is: 'directory' },
    ...(config
      ? [{ input: 'config', path: resolve(workingDirectory, config), is: 'fly-config' as const }]
      : []),
  ]);
}

/**
 * What a verb that changes an app needs before it starts: a usable token (refused with its problem before
 * anything runs), flyctl found or installed, and its version in the log.
 */
export async function readyFlyctl(host: Host, version: string, cwd: string): Promise<FlyctlClient> {
  const problem = describeTokenProblem(readFlyToken(host));
  if (problem) throw new UserError(problem);
  const flyctl = await setupFlyctl(host, version);
  const client = flyctlClient(host, flyctl.path, cwd);
  await logFlyctlVersion(host, client, flyctl.path);
  return client;
}
