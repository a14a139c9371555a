/** `flyctl deploy` arguments (flyctl-contract §4), always an array: nothing is ever shell-interpolated. */

export type DeployStrategy = 'rolling' | 'immediate' | 'canary' | 'bluegreen';

export interface DeployRequest {
  app: string;
  config?: string;
  image?: string;
  strategy?: DeployStrategy;
  /** Go duration or seconds, passed as given (flyctl parses it, contract §4). */
  waitTimeout?: string;
  remoteOnly?: boolean;
  buildArgs?: readonly string[];
  skipReleaseCommand?: boolean;
  /** Stream flyctl's output to the log. */
  echo?: boolean;
  /** Stop flyctl when the deploy runs longer than this (not a flyctl flag). */
  timeoutMs?: number;
}

export function deployArgs(request: DeployRequest): string[] {
  const args = ['deploy', '--app', request.app];
  if (request.config) args.push('--config', request.config);
  if (request.image) args.push('--image', request.image);
  if (request.strategy) args.push('--strategy', request.strategy);
  if (request.waitTimeout) args.push('--wait-timeout', request.waitTimeout);
  if (request.remoteOnly && !request.image) args.push('--remote-only');
  for (const arg of request.buildArgs ?? []) args.push('--build-arg', arg);
  if (request.skipReleaseCommand) args.push('--skip-release-command');
  args.push('--yes');
  return args;
}

/** flyctl prints the new release as JSON (FLY_EMIT_RELEASE_JSON) from 0.4.56 on. */
export function predatesReleaseJson(version: string): boolean {
  const [major = 0, minor = 0, patch = 0] = version.replace(/^v/, '').split(/[.+-]/).map(Number);
  return major === 0 && (minor < 4 || (minor === 4 && patch < 56));
}
